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

/** The table's first size (bits): it doubles as words come, up to the size it was made with. */
const FIRST_BITS = 10;

export class TextKeyedTable<V> {
  private bits: number;
  private mask: number;
  // (set by empty(), from the constructor on)
  private keys!: (string | undefined)[];
  private vals!: (V | undefined)[];
  /** Each slot's hash (fnvOf of its key): compared before the characters, and kept for regrowing. */
  private hashes!: Int32Array;
  private count = 0;

  /**
   * `make` gives the value of a word the first time it is met. The table starts small and doubles when half full, up to
   * 2^maxBits slots (a short run's words then sit in a few cache lines' worth of slots, not in megabytes of them).
   */
  constructor(
    private readonly maxBits: number,
    private readonly max: number,
    private readonly make: (word: string) => V,
  ) {
    this.bits = Math.min(FIRST_BITS, maxBits);
    this.mask = (1 << this.bits) - 1;
    this.empty();
  }

  /** Every slot empty, at the table's present size. */
  private empty(): void {
    this.keys = new Array<string | undefined>(1 << this.bits).fill(undefined);
    this.vals = new Array<V | undefined>(1 << this.bits).fill(undefined);
    this.hashes = new Int32Array(1 << this.bits);
    this.count = 0;
  }

  /** The value of the word text[start, end), whose hash (fnvOf) is `h`. */
  get(text: string, start: number, end: number, h = fnvOf(text, start, end)): V {
    const keys = this.keys;
    const hashes = this.hashes;
    const mask = this.mask;
    let p = (h ^ (h >>> this.bits)) & mask;
    for (;;) {
      const key = keys[p];
      if (key === undefined) break;
      if (hashes[p] === h && sameWord(key, text, start, end)) return this.vals[p]!;
      p = (p + 1) & mask;
    }
    if (this.count > this.max) {
      this.empty();
      p = (h ^ (h >>> this.bits)) & this.mask;
    } else if (2 * (this.count + 1) > 1 << this.bits && this.bits < this.maxBits) {
      this.grow();
      p = this.freeSlot(h);
    }
    const word = text.slice(start, end);
    const v = this.make(word);
    this.keys[p] = word;
    this.vals[p] = v;
    this.hashes[p] = h;
    this.count++;
    return v;
  }

  /** The first empty slot for hash `h`. */
  private freeSlot(h: number): number {
    let p = (h ^ (h >>> this.bits)) & this.mask;
    while (this.keys[p] !== undefined) p = (p + 1) & this.mask;
    return p;
  }

  /** Twice the slots, every word moved to its place in them. */
  private grow(): void {
    const { keys, vals, hashes } = this;
    const count = this.count;
    this.bits++;
    this.mask = (1 << this.bits) - 1;
    this.empty();
    this.count = count;
    for (let q = 0; q < keys.length; q++) {
      const key = keys[q];
      if (key === undefined) continue;
      const p = this.freeSlot(hashes[q]!);
      this.keys[p] = key;
      this.vals[p] = vals[q];
      this.hashes[p] = hashes[q]!;
    }
  }
}
