/**
 * A cache keyed by a word's characters where they stand in a text, so a word met before costs no string cut out of the
 * text and no look-up by string: an open-addressing table keyed by an FNV-1a hash of the character codes, each slot
 * the word and its value, compared character by character. Emptied past `max` words. The scorer's hot path uses two:
 * the lexicon's word records (lexicon-data.ts) and the classifier's word features (features.ts).
 */

export const FNV_SEED = 2166136261 | 0;
/** One FNV-1a step over a character code (a caller scanning a word builds its hash as it goes). */
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 16777619);

/** The hash of text[start, end), as fnvStep builds it. */
export function fnvOf(text: string, start: number, end: number): number {
  let h = FNV_SEED;
  for (let q = start; q < end; q++) h = fnvStep(h, text.charCodeAt(q));
  return h;
}

/** Is `word` the text from `start` to `end`? */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

export class TextKeyedTable<V> {
  private readonly mask: number;
  private keys: (string | undefined)[];
  private vals: (V | undefined)[];
  private count = 0;

  /** `make` gives the value of a word the first time it is met. */
  constructor(
    private readonly bits: number,
    private readonly max: number,
    private readonly make: (word: string) => V,
  ) {
    this.mask = (1 << bits) - 1;
    this.keys = new Array<string | undefined>(1 << bits).fill(undefined);
    this.vals = new Array<V | undefined>(1 << bits).fill(undefined);
  }

  /** The value of the word text[start, end), whose hash (fnvOf) is `h`. */
  get(text: string, start: number, end: number, h = fnvOf(text, start, end)): V {
    let p = (h ^ (h >>> this.bits)) & this.mask;
    for (;;) {
      const key = this.keys[p];
      if (key === undefined) break;
      if (sameWord(key, text, start, end)) return this.vals[p]!;
      p = (p + 1) & this.mask;
    }
    if (this.count > this.max) {
      this.keys = new Array<string | undefined>(1 << this.bits).fill(undefined);
      this.vals = new Array<V | undefined>(1 << this.bits).fill(undefined);
      this.count = 0;
      p = (h ^ (h >>> this.bits)) & this.mask;
    }
    const word = text.slice(start, end);
    const v = this.make(word);
    this.keys[p] = word;
    this.vals[p] = v;
    this.count++;
    return v;
  }
}
