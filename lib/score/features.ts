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

export const FEATURE_VERSION = 3;
export const HASH_BITS = 18;
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
let generation = 0;
const scratch = new Int32Array(1 << 14);
const codes = new Int32Array(1 << 12);

export function extractFeatures(raw: string, clean: string = cleanText(foldText(raw)).text): SparseVector {
  const words = classifierTokens(clean);
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  const gen = generation;
  let n = 0;
  const max = scratch.length;
  let prev = '<s>';
  for (const w of words) {
    const st = stem(w);
    let k = fnv(SEED_UNI, st) & MASK;
    if (stamp[k] !== gen && n < max) {
      stamp[k] = gen;
      scratch[n++] = k;
    }
    k = fnv(fnv(SEED_BI, prev), st) & MASK;
    if (stamp[k] !== gen && n < max) {
      stamp[k] = gen;
      scratch[n++] = k;
    }
    prev = st;
    if (w.length >= 2 && w.length < 4000 && w.charCodeAt(0) >= 97) {
      // character 3-5-grams of "<word>"
      const L = w.length + 2;
      codes[0] = 60;
      for (let q = 0; q < w.length; q++) codes[q + 1] = w.charCodeAt(q);
      codes[L - 1] = 62;
      for (let p = 0; p < L - 2; p++) {
        let h = SEED_CHAR;
        const end = Math.min(L, p + 5);
        for (let q = p; q < end; q++) {
          h = Math.imul(h ^ codes[q]!, 16777619);
          if (q - p >= 2) {
            k = (h >>> 0) & MASK;
            if (stamp[k] !== gen && n < max) {
              stamp[k] = gen;
              scratch[n++] = k;
            }
          }
        }
      }
    }
  }
  const add = (h: number) => {
    const k = h & MASK;
    if (stamp[k] !== gen && n < max) {
      stamp[k] = gen;
      scratch[n++] = k;
    }
  };
  add(fnv(fnv(SEED_BI, prev), '</s>'));
  // meta: lexicon hits (binned counts), addressed at "you"
  const secondPerson = SECOND_PERSON.test(clean);
  for (const [name, re] of LEXICON_FEATURES) {
    re.lastIndex = 0;
    let c = 0;
    while (re.exec(clean) && c < 3) c++;
    if (c > 0) {
      add(fnv(SEED_META, `lex:${name}:${c}`));
      add(fnv(SEED_META, `lex:${name}`));
      if (secondPerson) add(fnv(SEED_META, `lex:${name}:you`));
    }
  }
  // meta: shouting
  const capsWords = (raw.match(/\b[A-Z]{3,}\b/g) ?? []).length;
  if (capsWords >= 2) add(fnv(SEED_META, 'caps'));
  const idx = scratch.slice(0, n);
  const val = new Float32Array(n).fill(1 / Math.sqrt(n || 1));
  return { idx, val };
}
