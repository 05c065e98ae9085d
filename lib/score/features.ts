/**
 * Sparse hashed features for the abuse classifier: stemmed word unigrams and bigrams (natural's
 * Porter stemmer), character 3–5-grams inside words and lexicon counts, hashed into a fixed number
 * of buckets and L2-normalised. Shared by the trainer (scripts/train-abuse.ts) and the scorer so both
 * see the same features.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { FEATURE_CATEGORIES, featureName, MODEL_LEXICON } from './lexicon';
import { cleanText, foldText } from './normalize';
import { TextKeyedTable } from './text-table';

/**
 * Lexicon counts as features, so words the training data rarely saw still carry weight: the entries
 * the model was trained with (MODEL_LEXICON), matched once per text and shared with the stacker.
 */
const LEXICON_FEATURES: [string, string][] = FEATURE_CATEGORIES.map((c) => [featureName(c), c]);
const SECOND_PERSON = /\b(?:you|ur|u|your|you're|youre|ya)\b/;

/**
 * Version 4: a word feature counts twice as much as one character n-gram, and repeated features add
 * up before L2 normalisation (chosen by cross-validation on TweetEval train).
 */
export const FEATURE_VERSION = 4;
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;
const WORD_WEIGHT = 2;
const CHAR_WEIGHT = 1;
const META_WEIGHT = 1;

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

const stemCache = new Map<string, string>();
/** Longer than any word: a run of digits or a pasted hash, which the Porter stemmer takes quadratic time over. */
const MAX_STEMMED = 40;
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length <= 3 || word.length > MAX_STEMMED ? word : PorterStemmer.stem(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const SEED_UNI = 2166136261;
const SEED_BI = 0x9747b28c;
const SEED_CHAR = 0x5bd1e995;
const SEED_META = 0x1b873593;

export const CLASSIFIER_TOKEN = /[a-z][a-z']*[a-z]|[a-z]|[0-9]+|\p{Extended_Pictographic}/gu;
const URL = /https?:\/\/\S+|www\.\S+/g;
const HANDLE = /@[a-z0-9_]+/g;
const CAPS_WORD = /\b[A-Z]{3,}\b/g;

/** Word tokens of the classifier's view of a text, from its clean view (normalize.ts). */
export function classifierTokens(clean: string): string[] {
  const words = matchTokens(classifierText(clean));
  for (let i = 0; i < words.length; i++) if (words[i] === 'user') words[i] = '@user';
  return words;
}

/** The clean view with links as "url" and handles as "@user", as the classifier reads it. */
function classifierText(clean: string): string {
  let text = clean;
  if (text.includes('http') || text.includes('www.')) text = text.replace(URL, ' url ');
  if (text.includes('@')) text = text.replace(HANDLE, ' @user ');
  return text;
}

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const PICTOGRAPHIC_AT = /\p{Extended_Pictographic}/uy;

/** The [start, end) offsets of the last scan's tokens, two ints each (module scratch space: scanning is synchronous). */
let tokenSpans = new Int32Array(1 << 12);

/**
 * CLASSIFIER_TOKEN's matches in `text`, by a scan of character codes (no regular-expression run per word; the pattern is
 * asked only at a character past ASCII, where an emoji may stand), as offsets into tokenSpans; returns how many.
 */
function scanTokens(text: string): number {
  const n = text.length;
  // at most one token per character
  if (tokenSpans.length < 2 * n) tokenSpans = new Int32Array(2 * n);
  const spans = tokenSpans;
  let m = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i;
    if (isLower(c)) {
      // [a-z][a-z']*[a-z]: the longest run of letters and apostrophes, given back to its last letter; else [a-z]
      j = i + 1;
      for (let d = text.charCodeAt(j); j < n && (isLower(d) || d === 39); d = text.charCodeAt(++j));
      while (j > i + 1 && text.charCodeAt(j - 1) === 39) j--;
    } else if (isDigit(c)) {
      j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    } else if (c >= 128) {
      // a code point (a surrogate pair whole, as the u flag reads it): an emoji is a token of its own
      const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      PICTOGRAPHIC_AT.lastIndex = i;
      if (!PICTOGRAPHIC_AT.test(text)) {
        i += w;
        continue;
      }
      j = i + w;
    } else {
      i++;
      continue;
    }
    spans[2 * m] = i;
    spans[2 * m + 1] = j;
    m++;
    i = j;
  }
  return m;
}

/** text.match(CLASSIFIER_TOKEN), exactly (property-tested), by scanTokens. */
export function matchTokens(text: string): string[] {
  const m = scanTokens(text);
  const out = new Array<string>(m);
  for (let t = 0; t < m; t++) out[t] = text.slice(tokenSpans[2 * t]!, tokenSpans[2 * t + 1]!);
  return out;
}

// De-duplication without allocating a set per text: a small open-addressing table maps a bucket to its place in
// `scratch`; an entry is live when its stamp === generation. Each slot is three adjacent ints (stamp, bucket, place),
// so a probe reads one cache line, and each text uses only the first `tableSize` slots, sized to the text (at least
// twice the features it can have), so a short text's table stays in the CPU's first-level cache. Module-level scratch
// space: extraction is synchronous.
const MAX_FEATURES = 1 << 14;
const MAX_TABLE_BITS = 15;
const table = new Int32Array(3 << MAX_TABLE_BITS);
let tableShift = 32 - MAX_TABLE_BITS;
let tableMask = (1 << MAX_TABLE_BITS) - 1;
let generation = 0;
const scratch = new Int32Array(MAX_FEATURES);
const scratchVal = new Float32Array(MAX_FEATURES);
let n = 0;
/** A feature was left out of the scratch arrays (MAX_FEATURES reached) since collect began. */
let dropped = false;
const codes = new Int32Array(1 << 12);

/** Use 2^bits slots of the table for the next text. */
function sizeTable(bits: number): void {
  tableShift = 32 - bits;
  tableMask = (1 << bits) - 1;
}

function put(h: number, v: number): void {
  const k = h & MASK;
  let p = Math.imul(k, 0x9e3779b1) >>> tableShift;
  for (;;) {
    const at = p * 3;
    if (table[at] !== generation) {
      if (n < MAX_FEATURES) {
        table[at] = generation;
        table[at + 1] = k;
        table[at + 2] = n;
        scratch[n] = k;
        scratchVal[n++] = v;
      } else dropped = true;
      return;
    }
    if (table[at + 1] === k) {
      const j = table[at + 2]!;
      scratchVal[j] = scratchVal[j]! + v;
      return;
    }
    p = (p + 1) & tableMask;
  }
}

/** Character 3–5-grams of "<word>", as bucket indexes. */
function charGrams(w: string): Int32Array {
  const L = w.length + 2;
  codes[0] = 60;
  for (let q = 0; q < w.length; q++) codes[q + 1] = w.charCodeAt(q);
  codes[L - 1] = 62;
  const out: number[] = [];
  for (let p = 0; p < L - 2; p++) {
    let h = SEED_CHAR;
    const end = Math.min(L, p + 5);
    for (let q = p; q < end; q++) {
      h = Math.imul(h ^ codes[q]!, 16777619);
      if (q - p >= 2) out.push((h >>> 0) & MASK);
    }
  }
  return Int32Array.from(out);
}

/** What one word contributes, worked out once per distinct word (hashing is most of the extraction cost). */
interface WordFeatures {
  /** Unigram bucket of the stem. */
  uni: number;
  /** Seed for a bigram that starts with this stem. */
  biSeed: number;
  stem: string;
  grams: Int32Array;
  /** The weights `dots` was summed for (see wordDots), or undefined. */
  dotsOf: Int8Array | undefined;
  /** Per vector of `dotsOf` (interleaved, K4): its weights over this word's unigram and character n-grams, times their feature weights. */
  dots: Float64Array | undefined;
}
const NO_GRAMS = new Int32Array(0);
const wordCache = new Map<string, WordFeatures>();
function wordFeatures(w: string): WordFeatures {
  let f = wordCache.get(w);
  if (f === undefined) {
    const st = stem(w);
    const grams = w.length >= 2 && w.length < codes.length - 2 && w.charCodeAt(0) >= 97 ? charGrams(w) : NO_GRAMS;
    f = { uni: fnv(SEED_UNI, st), biSeed: fnv(SEED_BI, st), stem: st, grams, dotsOf: undefined, dots: undefined };
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(w, f);
  }
  return f;
}
const START_SEED = fnv(SEED_BI, '<s>');

const metaHashes = new Map<string, number>();
function metaHash(name: string): number {
  let h = metaHashes.get(name);
  if (h === undefined) {
    h = fnv(SEED_META, name);
    metaHashes.set(name, h);
  }
  return h;
}

/**
 * featureDots' fast path (four interleaved int8 weight vectors, the school model's): while collect gathers the features
 * it also sums w · (feature value) per vector, each word's unigram and character n-grams taken from the word's cache
 * (wordDots), so the 1 MB weight table is read once per distinct word rather than once per n-gram of every text. Every
 * term is an integer (int8 weight × a small whole feature value) and so is every partial sum, so the order of summing
 * cannot change a bit of the result: it equals the sum over the de-duplicated vector exactly. The sums are remembered per
 * weight array: an Int8Array passed here must not be changed afterwards (a model's weights are decoded into a new one).
 */
const K4 = 4;
let dotW: Int8Array | undefined;
let dot0 = 0;
let dot1 = 0;
let dot2 = 0;
let dot3 = 0;

/** This word's unigram and n-gram weights under `w`, per vector (worked out once per word and weight table). */
function wordDots(f: WordFeatures, w: Int8Array): Float64Array {
  if (f.dotsOf === w) return f.dots!;
  const d = f.dots ?? new Float64Array(K4);
  const u = (f.uni & MASK) * K4;
  d[0] = WORD_WEIGHT * w[u]!;
  d[1] = WORD_WEIGHT * w[u + 1]!;
  d[2] = WORD_WEIGHT * w[u + 2]!;
  d[3] = WORD_WEIGHT * w[u + 3]!;
  const g = f.grams;
  for (let i = 0; i < g.length; i++) {
    const b = g[i]! * K4;
    d[0] += CHAR_WEIGHT * w[b]!;
    d[1] += CHAR_WEIGHT * w[b + 1]!;
    d[2] += CHAR_WEIGHT * w[b + 2]!;
    d[3] += CHAR_WEIGHT * w[b + 3]!;
  }
  f.dots = d;
  f.dotsOf = w;
  return d;
}

/** put, and (on featureDots' fast path) the feature's weights added to the running dot products. */
function putDot(h: number, v: number): void {
  put(h, v);
  const w = dotW;
  if (w) {
    const b = (h & MASK) * K4;
    dot0 += v * w[b]!;
    dot1 += v * w[b + 1]!;
    dot2 += v * w[b + 2]!;
    dot3 += v * w[b + 3]!;
  }
}

/**
 * The word features of the classifier's tokens, found by the tokens' characters (text-table.ts: a token met before costs
 * no string cut out of the text and no map look-up by string); the token "user" stands for "@user", as classifierTokens
 * has it. Emptied past 50,000 tokens (wordFeatures' own cache is, too).
 */
const wordTable = new TextKeyedTable<WordFeatures>(17, 50_000, (word) => wordFeatures(word === 'user' ? '@user' : word));
/** The features of each token of the last text collect read, in order (module scratch space: extraction is synchronous). */
const wordBuf: WordFeatures[] = [];

/** classifierTokens(clean).map(wordFeatures) into wordBuf, returning how many: the same tokens (scanTokens), in order. */
function tokenFeatures(clean: string): number {
  const text = classifierText(clean);
  const m = scanTokens(text);
  for (let t = 0; t < m; t++) wordBuf[t] = wordTable.get(text, tokenSpans[2 * t]!, tokenSpans[2 * t + 1]!);
  return m;
}

/**
 * The word features collect reads for `clean`, in order (tokenFeatures' result, copied): for tests, which check them
 * against classifierTokens(clean).map(wordFeaturesOf).
 */
export function classifierWordFeatures(clean: string): readonly object[] {
  return wordBuf.slice(0, tokenFeatures(clean));
}

/** wordFeatures(word), for tests (the object is the cached one: identity shows which word it was made for). */
export function wordFeaturesOf(word: string): object {
  return wordFeatures(word);
}

/** Gather a text's features (bucket, summed value) into the scratch arrays, n of them. */
function collect(raw: string, clean: string): void {
  const nWords = tokenFeatures(clean);
  dropped = false;
  generation = (generation + 1) | 0;
  if (generation === 0) {
    table.fill(0);
    generation = 1;
  }
  // at most 3 character n-grams per character, 2 word features per word, the sentence end and 19 meta features; the
  // table gets at least twice as many slots (so it never fills), up to the whole table (MAX_FEATURES at most are kept)
  const most = Math.min(MAX_FEATURES, 3 * clean.length + 2 * nWords + 20);
  let bits = 6;
  while (bits < MAX_TABLE_BITS && 1 << bits < 2 * most) bits++;
  sizeTable(bits);
  n = 0;
  let prevSeed = START_SEED;
  const dw = dotW;
  for (let t = 0; t < nWords; t++) {
    const f = wordBuf[t]!;
    put(f.uni, WORD_WEIGHT);
    putDot(fnv(prevSeed, f.stem), WORD_WEIGHT);
    prevSeed = f.biSeed;
    const g = f.grams;
    for (let i = 0; i < g.length; i++) put(g[i]!, CHAR_WEIGHT);
    if (dw) {
      const d = wordDots(f, dw);
      dot0 += d[0]!;
      dot1 += d[1]!;
      dot2 += d[2]!;
      dot3 += d[3]!;
    }
  }
  putDot(fnv(prevSeed, '</s>'), WORD_WEIGHT);
  // meta: lexicon hits (binned counts), addressed at "you"
  let secondPerson: boolean | undefined;
  for (const [name, cat] of LEXICON_FEATURES) {
    const c = Math.min(3, MODEL_LEXICON.count(clean, cat));
    if (c > 0) {
      secondPerson ??= SECOND_PERSON.test(clean);
      putDot(metaHash(`lex:${name}:${c}`), META_WEIGHT);
      putDot(metaHash(`lex:${name}`), META_WEIGHT);
      if (secondPerson) putDot(metaHash(`lex:${name}:you`), META_WEIGHT);
    }
  }
  // meta: shouting (two or more all-caps words)
  CAPS_WORD.lastIndex = 0;
  if (CAPS_WORD.exec(raw) && CAPS_WORD.exec(raw)) putDot(metaHash('caps'), META_WEIGHT);
}

export function extractFeatures(raw: string, clean: string = cleanText(foldText(raw)).text): SparseVector {
  collect(raw, clean);
  const idx = scratch.slice(0, n);
  const val = scratchVal.slice(0, n);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += val[i]! * val[i]!;
  norm = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < n; i++) val[i] = val[i]! * norm;
  return { idx, val };
}

/**
 * w · extractFeatures(raw, clean) without building the vector (the scorer's hot path): the same
 * features, summed straight from the scratch arrays.
 */
export function featureDot(w: ArrayLike<number>, raw: string, clean: string = cleanText(foldText(raw)).text): number {
  collect(raw, clean);
  let norm = 0;
  let dot = 0;
  for (let i = 0; i < n; i++) {
    const v = scratchVal[i]!;
    norm += v * v;
    dot += w[scratch[i]!]! * v;
  }
  return dot / Math.sqrt(norm || 1);
}

/** The four dot products divided by the vector's length (sqrt of `norm`, the sum of squared values; 1 when empty). */
function writeNormalised(out: Float64Array, norm: number, a: number, b: number, c: number, d: number): void {
  const inv = 1 / Math.sqrt(norm || 1);
  out[0] = a * inv;
  out[1] = b * inv;
  out[2] = c * inv;
  out[3] = d * inv;
}

/**
 * Several dot products over one extraction (the school-mode decision, school-model.ts): `w` holds
 * `k` weight vectors interleaved (bucket b of vector j at b * k + j), so one cache line serves all k.
 * Writes w_j · extractFeatures(raw, clean) into out[j].
 */
export function featureDots(w: ArrayLike<number>, k: number, raw: string, clean: string, out: Float64Array): void {
  if (k === K4 && w instanceof Int8Array) {
    dotW = w;
    dot0 = dot1 = dot2 = dot3 = 0;
    try {
      collect(raw, clean);
    } finally {
      dotW = undefined;
    }
    // a feature left out of the vector (a text of more than MAX_FEATURES distinct features) was still summed: the
    // general loop below reads the kept ones only
    if (!dropped) {
      let norm = 0;
      for (let i = 0; i < n; i++) {
        const v = scratchVal[i]!;
        norm += v * v;
      }
      writeNormalised(out, norm, dot0, dot1, dot2, dot3);
      return;
    }
  } else collect(raw, clean);
  let norm = 0;
  if (k === 4) {
    // the school model's case, unrolled: four running sums in registers
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const v = scratchVal[i]!;
      norm += v * v;
      const base = scratch[i]! << 2;
      a += w[base]! * v;
      b += w[base + 1]! * v;
      c += w[base + 2]! * v;
      d += w[base + 3]! * v;
    }
    writeNormalised(out, norm, a, b, c, d);
    return;
  }
  for (let j = 0; j < k; j++) out[j] = 0;
  for (let i = 0; i < n; i++) {
    const v = scratchVal[i]!;
    norm += v * v;
    const base = scratch[i]! * k;
    for (let j = 0; j < k; j++) out[j] = out[j]! + w[base + j]! * v;
  }
  const inv = 1 / Math.sqrt(norm || 1);
  for (let j = 0; j < k; j++) out[j] = out[j]! * inv;
}

/**
 * The words of `clean` whose unigram weights (vector j of the interleaved `w`, see featureDots) are
 * largest and positive, best first: what a linear model "read" when it decided. For evidence only.
 */
export function topWords(w: ArrayLike<number>, k: number, j: number, clean: string, limit: number): string[] {
  const seen = new Map<string, number>();
  for (const word of classifierTokens(clean)) {
    if (seen.has(word) || word.length < 2 || word === '@user') continue;
    seen.set(word, w[(wordFeatures(word).uni & MASK) * k + j]!);
  }
  return [...seen.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([word]) => word);
}

/**
 * The distinct words of `clean` that add most to vector j of the interleaved `w` (its unigram and the character
 * n-grams inside it, as collect weighs them; bigrams and the norm left out), positive only, most first. The school
 * model takes the first ROBUST_WORDS of them out together to ask whether its words-alone verdict rests on a word or two
 * (school-model.ts robustProbability).
 */
export function leadingWords(w: ArrayLike<number>, k: number, j: number, clean: string, limit: number): string[] {
  const seen = new Map<string, number>();
  for (const word of classifierTokens(clean)) {
    if (seen.has(word) || word === '@user') continue;
    const f = wordFeatures(word);
    let s = WORD_WEIGHT * w[(f.uni & MASK) * k + j]!;
    for (let i = 0; i < f.grams.length; i++) s += CHAR_WEIGHT * w[(f.grams[i]! & MASK) * k + j]!;
    seen.set(word, s);
  }
  const out: [string, number][] = [];
  for (const e of seen) if (e[1] > 0) out.push(e);
  return out
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([word]) => word);
}

/** The classifier's view of `clean` with every copy of one word taken out (the other words, in order, one space apart). */
export function withoutWord(clean: string, word: string): string {
  return classifierTokens(clean)
    .filter((t) => t !== word)
    .join(' ');
}
