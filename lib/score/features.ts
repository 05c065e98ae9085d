/**
 * Sparse hashed features for the abuse classifier: stemmed word unigrams and bigrams (natural's
 * Porter stemmer), character 3–5-grams inside words and lexicon counts, hashed into a fixed number
 * of buckets and L2-normalised. Shared by the trainer (scripts/train-abuse.ts) and the scorer so both
 * see the same features.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { findAllCached } from './document';
import { INSULT_ADJECTIVES, INSULT_NOUNS, PROFANITY, PUT_DOWNS, sharedAlternation, SLURS, WEAK_INSULT_NOUNS } from './lexicon';
import { cleanText, foldText } from './normalize';

/**
 * Lexicon counts as features, so words the training data rarely saw still carry weight. The regexes
 * are the ones the abuse rules use, so in scoreItem their matches are found once (findAllCached).
 */
const LEXICON_FEATURES: [string, RegExp][] = [
  ['profanity', sharedAlternation(PROFANITY)],
  ['insult', sharedAlternation(INSULT_NOUNS)],
  ['weak-insult', sharedAlternation(WEAK_INSULT_NOUNS)],
  ['insult-adj', sharedAlternation(INSULT_ADJECTIVES)],
  ['slur', sharedAlternation(SLURS)],
  ['put-down', sharedAlternation(PUT_DOWNS)],
];
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
const CAPS_WORD = /\b[A-Z]{3,}\b/g;

/** Word tokens of the classifier's view of a text, from its clean view (normalize.ts). */
export function classifierTokens(clean: string): string[] {
  let text = clean;
  if (text.includes('http') || text.includes('www.')) text = text.replace(URL, ' url ');
  if (text.includes('@')) text = text.replace(HANDLE, ' @user ');
  const words = text.match(TOKEN) ?? [];
  for (let i = 0; i < words.length; i++) if (words[i] === 'user') words[i] = '@user';
  return words;
}

// De-duplication without allocating a set per text: a bucket is taken when stamp[k] === generation,
// and slot[k] says where its value is. Module-level scratch space: extraction is synchronous.
const stamp = new Uint32Array(1 << HASH_BITS);
const slot = new Int32Array(1 << HASH_BITS);
let generation = 0;
const scratch = new Int32Array(1 << 14);
const scratchVal = new Float32Array(1 << 14);
let n = 0;
const codes = new Int32Array(1 << 12);

function put(h: number, v: number): void {
  const k = h & MASK;
  if (stamp[k] === generation) {
    const j = slot[k]!;
    scratchVal[j] = scratchVal[j]! + v;
  } else if (n < scratch.length) {
    stamp[k] = generation;
    slot[k] = n;
    scratch[n] = k;
    scratchVal[n++] = v;
  }
}

/** Character 3–5-grams of "<word>". */
function charGrams(w: string): void {
  const L = w.length + 2;
  codes[0] = 60;
  for (let q = 0; q < w.length; q++) codes[q + 1] = w.charCodeAt(q);
  codes[L - 1] = 62;
  for (let p = 0; p < L - 2; p++) {
    let h = SEED_CHAR;
    const end = Math.min(L, p + 5);
    for (let q = p; q < end; q++) {
      h = Math.imul(h ^ codes[q]!, 16777619);
      if (q - p >= 2) put(h >>> 0, CHAR_WEIGHT);
    }
  }
}

const metaHashes = new Map<string, number>();
function metaHash(name: string): number {
  let h = metaHashes.get(name);
  if (h === undefined) {
    h = fnv(SEED_META, name);
    metaHashes.set(name, h);
  }
  return h;
}

export function extractFeatures(raw: string, clean: string = cleanText(foldText(raw)).text): SparseVector {
  const words = classifierTokens(clean);
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  n = 0;
  let prev = '<s>';
  for (const w of words) {
    const st = stem(w);
    put(fnv(SEED_UNI, st), WORD_WEIGHT);
    put(fnv(fnv(SEED_BI, prev), st), WORD_WEIGHT);
    prev = st;
    if (w.length >= 2 && w.length < codes.length - 2 && w.charCodeAt(0) >= 97) charGrams(w);
  }
  put(fnv(fnv(SEED_BI, prev), '</s>'), WORD_WEIGHT);
  // meta: lexicon hits (binned counts), addressed at "you"
  let secondPerson: boolean | undefined;
  for (const [name, re] of LEXICON_FEATURES) {
    const c = Math.min(3, findAllCached(clean, re).length);
    if (c > 0) {
      secondPerson ??= SECOND_PERSON.test(clean);
      put(metaHash(`lex:${name}:${c}`), META_WEIGHT);
      put(metaHash(`lex:${name}`), META_WEIGHT);
      if (secondPerson) put(metaHash(`lex:${name}:you`), META_WEIGHT);
    }
  }
  // meta: shouting (two or more all-caps words)
  CAPS_WORD.lastIndex = 0;
  if (CAPS_WORD.exec(raw) && CAPS_WORD.exec(raw)) put(metaHash('caps'), META_WEIGHT);
  const idx = scratch.slice(0, n);
  const val = scratchVal.slice(0, n);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += val[i]! * val[i]!;
  norm = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < n; i++) val[i] = val[i]! * norm;
  return { idx, val };
}
