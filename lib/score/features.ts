/**
 * Sparse hashed features for the abuse classifier: stemmed word unigrams and bigrams (natural's
 * Porter stemmer) and character 3–5-grams inside words, hashed into a fixed number of buckets and
 * L2-normalised. Shared by the trainer (scripts/train-abuse.ts) and the scorer so both see the same
 * features.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { alternation, INSULT_ADJECTIVES, INSULT_NOUNS, PROFANITY, PUT_DOWNS, SLURS, WEAK_INSULT_NOUNS } from './lexicon';
import { cleanText, foldText } from './normalize';

/** Lexicon counts as features, so words the training data rarely saw still carry weight. */
const LEXICON_FEATURES: [string, RegExp][] = [
  ['profanity', alternation(PROFANITY)],
  ['insult', alternation(INSULT_NOUNS)],
  ['weak-insult', alternation(WEAK_INSULT_NOUNS)],
  ['insult-adj', alternation(INSULT_ADJECTIVES)],
  ['slur', alternation(SLURS)],
  ['put-down', alternation(PUT_DOWNS)],
];
const SECOND_PERSON = /\b(?:you|ur|u|your|you're|youre|ya)\b/;

const ENV = (k: string, d: number) => (process.env[k] !== undefined ? Number(process.env[k]) : d);
const FW_WORD = ENV('FW_WORD', 1);
const FW_CHAR = ENV('FW_CHAR', 1);
const FW_LEX = ENV('FW_LEX', 1);
const CHAR_MIN = ENV('CHAR_MIN', 3);
const CHAR_MAX = ENV('CHAR_MAX', 5);
const CHAR_CROSS = ENV('CHAR_CROSS', 0);
const UNSTEM = ENV('UNSTEM', 0);
const HASHSEG = ENV('HASHSEG', 0);
export const FEATURE_VERSION = ENV('FEATURE_VERSION', 3);
export const HASH_BITS = ENV('HASH_BITS', 18);
const MASK = (1 << HASH_BITS) - 1;

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

const stemCache = new Map<string, string>();
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length <= 3 ? word : PorterStemmer.stem(word);
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

const TOKEN = /[a-z][a-z']*[a-z]|[a-z]|[0-9]+|\p{Extended_Pictographic}/gu;
const URL = /https?:\/\/\S+|www\.\S+/g;
const HANDLE = /@[a-z0-9_]+/g;

/** Word tokens of the classifier's view of a text, from its clean view (normalize.ts). */
export function classifierTokens(clean: string): string[] {
  const text = clean.replace(URL, ' url ').replace(HANDLE, ' @user ');
  const words = text.match(TOKEN) ?? [];
  return words.map((w) => (w === 'user' ? '@user' : w));
}

// de-duplication without allocating a set per text: a bucket is taken when stamp[k] === generation
const stamp = new Uint32Array(1 << HASH_BITS);
const slot = new Int32Array(1 << HASH_BITS);
let generation = 0;
const scratch = new Int32Array(1 << 14);
const scratchVal = new Float32Array(1 << 14);
const codes = new Int32Array(1 << 13);

const CAMEL = /#([A-Za-z0-9]+)/g;
function segmentHashtags(raw: string): string {
  return raw.replace(CAMEL, (_m, tag: string) => ' ' + tag.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') + ' ');
}

export function extractFeatures(raw: string, clean?: string): SparseVector {
  if (clean === undefined || HASHSEG) clean = cleanText(foldText(HASHSEG ? segmentHashtags(raw) : raw)).text;
  const words = classifierTokens(clean);
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  const gen = generation;
  let n = 0;
  const max = scratch.length;
  const put = (k: number, v: number) => {
    if (stamp[k] === gen) scratchVal[slot[k]!] = scratchVal[slot[k]!]! + v;
    else if (n < max) {
      stamp[k] = gen;
      slot[k] = n;
      scratch[n] = k;
      scratchVal[n++] = v;
    }
  };
  let prev = '<s>';
  for (const w of words) {
    const st = stem(w);
    put(fnv(SEED_UNI, st) & MASK, FW_WORD);
    if (UNSTEM && st !== w) put(fnv(SEED_UNI ^ 0x55, w) & MASK, FW_WORD);
    put(fnv(fnv(SEED_BI, prev), st) & MASK, FW_WORD);
    prev = st;
    if (!CHAR_CROSS && w.length >= 2 && w.length < 4000 && w.charCodeAt(0) >= 97) {
      const L = w.length + 2;
      codes[0] = 60;
      for (let q = 0; q < w.length; q++) codes[q + 1] = w.charCodeAt(q);
      codes[L - 1] = 62;
      charGrams(L);
    }
  }
  if (CHAR_CROSS) {
    let L = 0;
    codes[L++] = 32;
    for (const w of words) {
      if (L + w.length + 1 >= codes.length) break;
      for (let q = 0; q < w.length; q++) codes[L++] = w.charCodeAt(q);
      codes[L++] = 32;
    }
    charGrams(L);
  }
  function charGrams(L: number) {
    for (let p = 0; p + CHAR_MIN <= L; p++) {
      let h = SEED_CHAR;
      const end = Math.min(L, p + CHAR_MAX);
      for (let q = p; q < end; q++) {
        h = Math.imul(h ^ codes[q]!, 16777619);
        if (q - p >= CHAR_MIN - 1) put((h >>> 0) & MASK, FW_CHAR);
      }
    }
  }
  put(fnv(fnv(SEED_BI, prev), '</s>') & MASK, FW_WORD);
  // meta: lexicon hits (binned counts), addressed at "you"
  const secondPerson = SECOND_PERSON.test(clean);
  for (const [name, re] of LEXICON_FEATURES) {
    re.lastIndex = 0;
    let c = 0;
    while (re.exec(clean) && c < 3) c++;
    if (c > 0) {
      put(fnv(SEED_META, `lex:${name}:${c}`) & MASK, FW_LEX);
      put(fnv(SEED_META, `lex:${name}`) & MASK, FW_LEX);
      if (secondPerson) put(fnv(SEED_META, `lex:${name}:you`) & MASK, FW_LEX);
    }
  }
  // meta: shouting
  const capsWords = (raw.match(/\b[A-Z]{3,}\b/g) ?? []).length;
  if (capsWords >= 2) put(fnv(SEED_META, 'caps') & MASK, FW_LEX);
  const idx = scratch.slice(0, n);
  const val = scratchVal.slice(0, n);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += val[i]! * val[i]!;
  norm = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < n; i++) val[i] = val[i]! * norm;
  return { idx, val };
}
