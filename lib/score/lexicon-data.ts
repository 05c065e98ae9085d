/**
 * Lexicons as data. Word lists live in data/lexicons/*.tsv (one entry a line: term, category, weight,
 * source); scripts/build-lexicons.ts checks them and writes lib/score/model/lexicons.json, which the
 * scorer (and so each Lambda bundle) imports. This module parses the TSV form, and compiles entries
 * into matchers at load time:
 *
 * - a token matcher for the clean view (one pass over the words of a text finds every category's
 *   entries, phrases included, by map look-up; it scales to thousands of entries, unlike a regex
 *   alternation, which tries each alternative at each word);
 * - a regular-expression source per category, for rules that still search with a pattern
 *   (`pattern(category)`).
 *
 * Term syntax: a word or phrase (a space or hyphen in the term matches spaces or hyphens in the
 * text); a trailing `*` matches any ending of the last word ("diabet*"); `re:` starts a
 * regular-expression fragment, kept for obfuscated spellings ("re:f+u+c+k+…").
 */
import { mayMatch } from './word-gate';
import { FNV_SEED, fnvStep, TextKeyedTable } from './text-table';

export interface LexEntry {
  term: string;
  category: string;
  /** Confidence one hit contributes (0..1), or a plain 1 for lists that are only looked up. */
  weight: number;
  source: string;
}

export interface LexHit {
  start: number;
  end: number;
  weight: number;
  /** The entry's term as written in the data. */
  term: string;
  source: string;
}

export class LexiconFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LexiconFileError';
  }
}

const HEADER = ['term', 'category', 'weight', 'source'];
const CATEGORY = /^[a-z][a-z0-9-]*$/;
/** A word of a term that starts or ends with an apostrophe ("parents'", "sayin'", "'head"). */
const EDGE_APOSTROPHE = /(?:^|[\s-])'|'(?:$|[\s-])/;

/** Parse one lexicon file. Lines starting with `#` are notes; the first other line is the header. */
export function parseLexiconTsv(text: string, file = 'lexicon'): LexEntry[] {
  const out: LexEntry[] = [];
  let header = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const where = `${file} line ${i + 1}`;
    if (!header) {
      if (cols.join('\t') !== HEADER.join('\t')) throw new LexiconFileError(`${where}: the first line after the notes must be the header "term<TAB>category<TAB>weight<TAB>source"`);
      header = true;
      continue;
    }
    if (cols.length !== 4) throw new LexiconFileError(`${where}: expected 4 tab-separated columns (term, category, weight, source), found ${cols.length}`);
    const [term, category, w, source] = cols as [string, string, string, string];
    const weight = Number(w);
    if (!term.trim()) throw new LexiconFileError(`${where}: the term is empty`);
    if (!CATEGORY.test(category)) throw new LexiconFileError(`${where}: category "${category}" must be lower-case letters, digits and hyphens`);
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) throw new LexiconFileError(`${where}: weight "${w}" must be a number from 0 to 1`);
    if (!source.trim()) throw new LexiconFileError(`${where}: the source is empty (say where the entry comes from)`);
    if (term.startsWith('re:')) {
      try {
        new RegExp(term.slice(3));
      } catch (cause) {
        throw new LexiconFileError(`${where}: "${term}" is not a valid regular expression`, { cause });
      }
    } else if (term !== term.toLowerCase()) throw new LexiconFileError(`${where}: write the term "${term}" in lower case (matching ignores case)`);
    else if (EDGE_APOSTROPHE.test(term)) {
      // the text's words (TOKEN) never start or end with an apostrophe: "parents' group" reads as parents + group
      const fixed = term.split(/([\s-]+)/).map((w) => w.replace(/^'+|'+$/g, '')).join('');
      throw new LexiconFileError(`${where}: "${term}" could never match: a word of the text never starts or ends with an apostrophe ("parents' group" is read as "parents group"); write "${fixed}"`);
    }
    else if (/\*./.test(term) || (term.endsWith('*') && (term.split(/[\s-]+/).length === 1 ? lastWord(term).length < 5 : lastWord(term).length < 3))) {
      throw new LexiconFileError(`${where}: "${term}": a * may only end the term, after at least 4 letters (2 in the last word of a phrase)`);
    }
    out.push({ term, category, weight, source });
  }
  return out;
}

/** The longest word of a term (words split as entryPattern splits them), '' for none. */
function longestWord(term: string): string {
  return term.split(/[\s-]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

function lastWord(term: string): string {
  return term.split(/[\s-]+/).pop() ?? '';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regular-expression source for one entry (no boundaries). */
export function entryPattern(term: string): string {
  if (term.startsWith('re:')) return term.slice(3);
  const prefix = term.endsWith('*');
  const words = (prefix ? term.slice(0, -1) : term).split(/[\s-]+/).filter(Boolean);
  // as joinable: an apostrophe may end a word or start the next ("teachers' standards", "go 'head")
  return words.map(escapeRe).join(String.raw`'?[\s-]+'?`) + (prefix ? String.raw`\w*` : '');
}

interface TokenEntry {
  words: string[];
  /** The last word is a prefix. */
  prefix: boolean;
  cat: number;
  weight: number;
  term: string;
  source: string;
}

interface Token {
  start: number;
  end: number;
  word: string;
  /** The word before an apostrophe ("idiot's" → "idiot"), or undefined. */
  stem?: string;
  /** The word's record (what its readers remember about it), and the stem's. */
  rec: WordRecord;
  stemRec?: WordRecord;
}

/**
 * One distinct word, found once per token by tokens(): its readers (each lexicon's matcher, the word gates) keep what
 * they work out about the word here, so a token costs one map look-up in all rather than one per reader. Slots hold
 * only what is a function of the word alone (and of the reader named beside it).
 */
export interface WordRecord {
  /** The word (the one string every token of it shares). */
  readonly word: string;
  /**
   * The four lexicons that last asked, with their answers: every text is read by two (the rules' and the model's), and
   * by a third, the school matcher's cues (lib/match), when assessItem scores it for a school. With only two slots the
   * three took turns evicting each other, and every word was worked out again by each of them on every item.
   */
  lexA: object | undefined;
  infoA: WordInfo | undefined;
  lexB: object | undefined;
  infoB: WordInfo | undefined;
  lexC: object | undefined;
  infoC: WordInfo | undefined;
  lexD: object | undefined;
  infoD: WordInfo | undefined;
  /** word-gate.ts: the ids of the gates the word opens among the first `gatesSeen` gates. */
  gatesSeen: number;
  gateIds: number[] | undefined;
}

/** The word records, found by the characters of a word in the text (text-table.ts); emptied past 100,000 words. */
const records = new TextKeyedTable<WordRecord>(18, 100_000, (word) => ({ word, lexA: undefined, infoA: undefined, lexB: undefined, infoB: undefined, lexC: undefined, infoC: undefined, lexD: undefined, infoD: undefined, gatesSeen: 0, gateIds: undefined }));

/** What a word token is (tokens() scans for exactly its matches). */
export const TOKEN = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
const PREFIX_KEY = 4;

let tokenMemoText: string | undefined;
let tokenMemo: Token[] = [];

/** A character of a word token: [a-z0-9] (NaN, past the end, is not). */
const isTokenChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Word tokens of a clean-view text (remembered for the last text: every lexicon reads the same one): the matches of
 * TOKEN, found by a scan of character codes (no match object per word).
 */
export function tokens(text: string): Token[] {
  if (text === tokenMemoText) return tokenMemo;
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // the first apostrophe inside the word, or -1; the hash of the word so far, and of the part before that apostrophe
    let q = -1;
    let h = fnvStep(FNV_SEED, text.charCodeAt(i));
    let stemHash = 0;
    i++;
    for (;;) {
      for (let c = text.charCodeAt(i); isTokenChar(c); c = text.charCodeAt(++i)) h = fnvStep(h, c);
      // (?:'[a-z0-9]+)*: an apostrophe continues the word only when a word character follows it
      if (text.charCodeAt(i) === 39 && isTokenChar(text.charCodeAt(i + 1))) {
        if (q < 0) {
          q = i;
          stemHash = h;
        }
        h = fnvStep(fnvStep(h, 39), text.charCodeAt(i + 1));
        i += 2;
        continue;
      }
      break;
    }
    const rec = records.get(text, start, i, h);
    if (q > 0) {
      const stemRec = records.get(text, start, q, stemHash);
      out.push({ start, end: i, word: rec.word, stem: stemRec.word, rec, stemRec });
    } else out.push({ start, end: i, word: rec.word, stem: undefined, rec, stemRec: undefined });
  }
  tokenMemoText = text;
  tokenMemo = out;
  return out;
}

/**
 * Whether two words of the text are next to each other as a phrase's words: spaces, tabs or hyphens between them, and
 * an apostrophe may end the first ("teachers' standards", "sayin' that") or start the second ("go 'head"): TOKEN never
 * takes an apostrophe at a word's edge, so without this the phrase would never match its possessive.
 */
function joinable(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(from) === 39) from++;
  if (to > from && text.charCodeAt(to - 1) === 39) to--;
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 9) return false;
  }
  return true;
}

/** A compiled set of entries: look-ups by category, matches in a text, patterns. */
export class Lexicon {
  readonly entries: readonly LexEntry[];
  private readonly catIndex = new Map<string, number>();
  private readonly cats: string[] = [];
  /** first word → one-word entries and phrases whose second word is a prefix (longest first) */
  private readonly byWord = new Map<string, TokenEntry[]>();
  /**
   * first two words → phrases (longest first): a common first word ("the", "not", "i'm") then costs one
   * look-up of the word pair, not a try of every phrase it starts
   */
  private readonly byPair = new Map<string, Map<string, TokenEntry[]>>();
  /** The same phrases by the second word's id (secondIds): the matcher's look-up, by number rather than by string. */
  private readonly byPairIds = new Map<string, Map<number, TokenEntry[]>>();
  /** An id per word that is the second word of some phrase; other words have none, and start no look-up as one. */
  private readonly secondIds = new Map<string, number>();
  /** first four letters of a one-word prefix entry → entries */
  private readonly byPrefix = new Map<string, TokenEntry[]>();
  /**
   * Per regex category, in the order of its first entry: the pattern, its entries, and the literal text each non-`re:`
   * entry cannot match without (its longest word): when the text holds none of them and the category has no `re:`
   * entry, the pass is skipped.
   */
  private readonly regexCats: { cat: number; re: RegExp; parts: RegexPart[]; needs: string[] | undefined }[] = [];
  /** Any of those words, anywhere: when none is in a text, no category with `needs` is searched. */
  private anyNeed: RegExp | undefined;
  private readonly patterns = new Map<string, string>();
  private readonly literal = new Set<string>();
  private seen = new Uint32Array(0);
  /** matchText's hits by category index while it runs (every slot undefined between calls). */
  private byCat: (LexHit[] | undefined)[] = [];
  /** The categories the last text filled in byCat. */
  private lastOrder: number[] = [];
  private lastEnd = new Int32Array(0);
  private stamp = 0;
  private memoText: string | undefined;
  /** matchText's map of the last text, made when first asked for (find and count read byCat without it). */
  private memo: Map<string, LexHit[]> | undefined;

  constructor(entries: readonly LexEntry[]) {
    this.entries = entries;
    const regexParts = new Map<number, RegexPart[]>();
    for (const e of entries) {
      let cat = this.catIndex.get(e.category);
      if (cat === undefined) {
        cat = this.cats.length;
        this.cats.push(e.category);
        this.catIndex.set(e.category, cat);
      }
      // patterns, and terms with characters words are not split on ("1:1"), are searched as regular expressions
      if (e.term.startsWith('re:') || !/^[a-z0-9' *-]+$/.test(e.term)) {
        const list = regexParts.get(cat) ?? [];
        list.push({ re: new RegExp(String.raw`\b(?:${entryPattern(e.term)})\b`, 'y'), weight: e.weight, term: e.term, source: e.source });
        regexParts.set(cat, list);
        continue;
      }
      const prefix = e.term.endsWith('*');
      const words = (prefix ? e.term.slice(0, -1) : e.term).split(/[\s-]+/).filter(Boolean);
      const te: TokenEntry = { words, prefix, cat, weight: e.weight, term: e.term, source: e.source };
      if (!prefix) this.literal.add(`${e.category}\t${words.join(' ')}`);
      if (prefix && words.length === 1) {
        const key = words[0]!.slice(0, PREFIX_KEY);
        const list = this.byPrefix.get(key) ?? [];
        list.push(te);
        this.byPrefix.set(key, list);
      } else if (words.length >= 2 && !(prefix && words.length === 2)) {
        let seconds = this.byPair.get(words[0]!);
        if (!seconds) this.byPair.set(words[0]!, (seconds = new Map()));
        const list = seconds.get(words[1]!) ?? [];
        list.push(te);
        seconds.set(words[1]!, list);
      } else {
        const list = this.byWord.get(words[0]!) ?? [];
        list.push(te);
        this.byWord.set(words[0]!, list);
      }
    }
    for (const list of [...this.byWord.values(), ...this.byPrefix.values(), ...[...this.byPair.values()].flatMap((m) => [...m.values()])]) list.sort((a, b) => b.words.length - a.words.length);
    this.seen = new Uint32Array(this.cats.length);
    this.byCat = new Array<LexHit[] | undefined>(this.cats.length).fill(undefined);
    this.lastEnd = new Int32Array(this.cats.length);
    for (const [cat, parts] of regexParts) {
      // a term's longest word is in any text it matches (a trailing * makes its last word a prefix: still in the text)
      const needs = parts.every((p) => !p.term.startsWith('re:')) ? parts.map((p) => longestWord(p.term.replace(/\*$/, ''))) : undefined;
      this.regexCats.push({ cat, re: new RegExp(String.raw`\b(?:${parts.map((p) => p.re.source.slice(5, -3)).join('|')})\b`, 'g'), parts, needs });
    }
    for (const [first, seconds] of this.byPair) {
      const ids = new Map<number, TokenEntry[]>();
      for (const [second, list] of seconds) {
        let id = this.secondIds.get(second);
        if (id === undefined) this.secondIds.set(second, (id = this.secondIds.size));
        ids.set(id, list);
      }
      this.byPairIds.set(first, ids);
    }
    const allNeeds = this.regexCats.flatMap((r) => r.needs ?? []);
    if (allNeeds.length && !allNeeds.includes('')) this.anyNeed = new RegExp(allNeeds.map(escapeRe).join('|'));
  }

  categories(): string[] {
    return [...this.cats];
  }

  /** Entries of one category. */
  list(category: string): LexEntry[] {
    return this.entries.filter((e) => e.category === category);
  }

  /** A new lexicon with more entries (e.g. a test adding one line). */
  with(more: readonly LexEntry[]): Lexicon {
    return new Lexicon([...this.entries, ...more]);
  }

  /** Only the entries that pass `keep`. */
  filter(keep: (e: LexEntry) => boolean): Lexicon {
    return new Lexicon(this.entries.filter(keep));
  }

  /**
   * Regular-expression source matching any entry of the categories, as one non-capturing group
   * without boundaries (callers add `\b`). Compiled once per lexicon.
   */
  pattern(...categories: string[]): string {
    const key = categories.join(',');
    let p = this.patterns.get(key);
    if (p === undefined) {
      const parts = this.entries.filter((e) => categories.includes(e.category)).map((e) => entryPattern(e.term));
      // longer alternatives first, so "sick leave" wins over "sick"
      parts.sort((a, b) => b.length - a.length);
      p = parts.length ? `(?:${parts.join('|')})` : '(?!)';
      this.patterns.set(key, p);
    }
    return p;
  }

  /** Is this word or phrase (clean view) a literal entry of the category (or covered by a `*` entry)? */
  has(category: string, phrase: string): boolean {
    const t = phrase.trim();
    // one word (no space or hyphen: the usual ask) is its own key, without a split
    const words = SEPARATOR.test(t) ? t.split(/[\s-]+/).filter(Boolean) : t ? [t] : [];
    if (!words.length) return false;
    const key = words.length === 1 ? words[0]! : words.join(' ');
    if (this.literal.has(`${category}\t${key}`)) return true;
    const cat = this.catIndex.get(category);
    if (words.length === 1 && cat !== undefined) {
      const pre = this.byPrefix.get(key.slice(0, PREFIX_KEY));
      return !!pre && pre.some((e) => e.cat === cat && key.startsWith(e.words[0]!));
    }
    return false;
  }

  /** Hits of one category in a clean-view text. The array is shared; do not modify it. */
  find(text: string, category: string): readonly LexHit[] {
    if (text !== this.memoText) this.match(text);
    // byCat holds the last text's hits by category index (an unknown category, or one without hits: none)
    const cat = this.catIndex.get(category);
    return (cat === undefined ? undefined : this.byCat[cat]) ?? NONE;
  }

  count(text: string, category: string): number {
    return this.find(text, category).length;
  }

  /** Every category's hits, one pass over the words (remembered for the last text). */
  matchText(text: string): Map<string, LexHit[]> {
    if (text !== this.memoText) this.match(text);
    let out = this.memo;
    if (!out) {
      // in the order each category's first hit was found
      out = new Map<string, LexHit[]>();
      for (const cat of this.lastOrder) out.set(this.cats[cat]!, this.byCat[cat]!);
      this.memo = out;
    }
    return out;
  }

  /** Find every category's hits in `text` (one pass over the words) into byCat, and remember the text. */
  private match(text: string): void {
    // hits by category index; `order` keeps the categories in the order their first hit was found (the map's order)
    // (one array per lexicon, its slots of the last text emptied first: not a new one of every category per text)
    const byCat = this.byCat;
    for (const cat of this.lastOrder) byCat[cat] = undefined;
    const order: number[] = (this.lastOrder = []);
    const lastEnd = this.lastEnd.fill(-1);
    const toks = tokens(text);
    const seen = this.seen;
    // each word's info is looked up once: as the next word (its id as a phrase's second word), then as this one
    let info = toks.length ? this.wordInfo(toks[0]!.rec) : NO_INFO;
    let stemInfo = toks.length && toks[0]!.stemRec ? this.wordInfo(toks[0]!.stemRec) : undefined;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      this.stamp++;
      // phrases first (longer wins): looked up by this word (or its stem) and the next one (or its stem)
      const nx = toks[i + 1];
      const nxInfo = nx ? this.wordInfo(nx.rec) : NO_INFO;
      const nxStemInfo = nx?.stemRec ? this.wordInfo(nx.stemRec) : undefined;
      if (nx) {
        const stemId = nxStemInfo ? nxStemInfo.second : -1;
        if (info.seconds) this.tryPairs(text, toks, i, t.word, info.seconds, nx, nxInfo.second, stemId, seen, lastEnd, byCat, order);
        if (stemInfo?.seconds) this.tryPairs(text, toks, i, t.stem!, stemInfo.seconds, nx, nxInfo.second, stemId, seen, lastEnd, byCat, order);
      }
      const cands = info.cands;
      for (let k = 0; k < cands.length; k++) this.tryEntry(text, toks, i, t.word, cands[k]!, seen, lastEnd, byCat, order);
      if (stemInfo) {
        const more = stemInfo.cands;
        for (let k = 0; k < more.length; k++) this.tryEntry(text, toks, i, t.stem!, more[k]!, seen, lastEnd, byCat, order);
      }
      info = nxInfo;
      stemInfo = nxStemInfo;
    }
    const someNeed = !this.anyNeed || this.anyNeed.test(text);
    for (let r = 0; r < this.regexCats.length; r++) {
      const { cat, re, parts, needs } = this.regexCats[r]!;
      // no entry of the category can match without its first word in the text
      if (needs && (!someNeed || !needs.some((w) => text.includes(w)))) continue;
      // nor (for a category with `re:` lines) without one of the words or strings its pattern needs (word-gate.ts,
      // literal-gate.ts: exact)
      if (!needs && !mayMatch(text, re)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const part = partAt(parts, text, m.index);
        const hit: LexHit = { start: m.index, end: m.index + m[0].length, weight: part.weight, term: part.term, source: part.source };
        let list = byCat[cat];
        if (!list) {
          byCat[cat] = list = [];
          order.push(cat);
        }
        if (!list.some((h) => h.start < hit.end && hit.start < h.end)) list.push(hit);
      }
    }
    for (const cat of order) {
      const list = byCat[cat]!;
      // (hits are found in order unless a pattern's came after the words': a sorted list is left as it is, as sort would)
      if (list.length > 1 && !inOrder(list)) list.sort((a, b) => a.start - b.start);
    }
    this.memoText = text;
    this.memo = undefined;
  }

  /**
   * Entries that may start at this word (by the word itself, or by a prefix entry) and the phrases it starts, by
   * their second word; remembered in the word's record (four lexicons at a time).
   */
  private wordInfo(rec: WordRecord): WordInfo {
    if (rec.lexA === this) return rec.infoA!;
    if (rec.lexB === this) return rec.infoB!;
    if (rec.lexC === this) return rec.infoC!;
    if (rec.lexD === this) return rec.infoD!;
    const info = this.workOutWordInfo(rec.word);
    rec.lexD = rec.lexC;
    rec.infoD = rec.infoC;
    rec.lexC = rec.lexB;
    rec.infoC = rec.infoB;
    rec.lexB = rec.lexA;
    rec.infoB = rec.infoA;
    rec.lexA = this;
    rec.infoA = info;
    return info;
  }

  private workOutWordInfo(word: string): WordInfo {
    const exact = this.byWord.get(word) ?? [];
    const pre = word.length >= PREFIX_KEY ? (this.byPrefix.get(word.slice(0, PREFIX_KEY)) ?? []).filter((e) => word.startsWith(e.words[0]!)) : [];
    const cands = exact.length + pre.length ? [...exact, ...pre].sort((a, b) => b.words.length - a.words.length) : NO_CANDIDATES;
    return { cands, seconds: this.byPairIds.get(word), second: this.secondIds.get(word) ?? -1 };
  }

  /** Phrases starting with `first` (its phrases by second word: `seconds`) and the next token (its word or stem). */
  private tryPairs(text: string, toks: Token[], i: number, first: string, seconds: Map<number, TokenEntry[]>, nx: Token, nxId: number, nxStemId: number, seen: Uint32Array, lastEnd: Int32Array, byCat: (LexHit[] | undefined)[], order: number[]): void {
    if (!joinable(text, toks[i]!.end, nx.start)) return;
    // the next word (or its stem) by its id as a second word; a word that is no phrase's second word has none (-1)
    const a = nxId >= 0 ? seconds.get(nxId) : undefined;
    if (a) for (const e of a) this.tryEntry(text, toks, i, first, e, seen, lastEnd, byCat, order);
    const b = nx.stem && nxStemId >= 0 ? seconds.get(nxStemId) : undefined;
    if (b) for (const e of b) this.tryEntry(text, toks, i, first, e, seen, lastEnd, byCat, order);
  }

  private tryEntry(text: string, toks: Token[], i: number, first: string, e: TokenEntry, seen: Uint32Array, lastEnd: Int32Array, byCat: (LexHit[] | undefined)[], order: number[]): void {
    if (seen[e.cat] === this.stamp || toks[i]!.start < lastEnd[e.cat]!) return;
    const n = e.words.length;
    if (i + n > toks.length) return;
    // a one-word entry is tried at a word it matches (wordInfo: the word itself, or a prefix it starts with): the loop
    // is then skipped (it asks the same, and also the stem, when this fails)
    if (n > 1 || !(e.prefix ? first.startsWith(e.words[0]!) : first === e.words[0])) for (let k = 0; k < n; k++) {
      const w = k === 0 ? first : toks[i + k]!.word;
      const want = e.words[k]!;
      const last = k === n - 1;
      const ok = last && e.prefix ? w.startsWith(want) : w === want || (last && toks[i + k]!.stem === want);
      if (!ok) return;
      if (k > 0 && !joinable(text, toks[i + k - 1]!.end, toks[i + k]!.start)) return;
    }
    const lastTok = toks[i + n - 1]!;
    const end = lastTok.stem && !e.prefix && e.words[n - 1] === lastTok.stem ? lastTok.start + lastTok.stem.length : n === 1 && first !== toks[i]!.word ? toks[i]!.start + first.length : lastTok.end;
    seen[e.cat] = this.stamp;
    lastEnd[e.cat] = end;
    let list = byCat[e.cat];
    if (!list) {
      byCat[e.cat] = list = [];
      order.push(e.cat);
    }
    list.push({ start: toks[i]!.start, end, weight: e.weight, term: e.term, source: e.source });
  }
}

/** One entry of a category's regular expression: its own pattern (sticky, with the category's boundaries) and credit. */
interface RegexPart {
  re: RegExp;
  weight: number;
  term: string;
  source: string;
}

/**
 * The entry a category's alternation matched with at `index`: the first whose own pattern matches there, in the text
 * (an alternation takes its first alternative that matches). Tried in place, not on the matched words alone: a
 * lookahead or lookbehind reads the text around them.
 */
function partAt(parts: readonly RegexPart[], text: string, index: number): RegexPart {
  for (const p of parts) {
    p.re.lastIndex = index;
    if (p.re.test(text)) return p;
  }
  return parts[0]!;
}

const NONE: readonly LexHit[] = [];
/** What `has` splits a phrase into words at. */
const SEPARATOR = /[\s-]/;

export interface WordInfo {
  /** Entries that may start at the word, longest first. */
  cands: readonly TokenEntry[];
  /** Phrases the word starts, by their second word's id (Lexicon.secondIds). */
  seconds: Map<number, TokenEntry[]> | undefined;
  /** The word's id as a phrase's second word, or -1 (no phrase has it second). */
  second: number;
}
const NO_CANDIDATES: readonly TokenEntry[] = [];
const NO_INFO: WordInfo = { cands: NO_CANDIDATES, seconds: undefined, second: -1 };

/** Are the hits in order of their starts? */
function inOrder(list: readonly LexHit[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return false;
  return true;
}

/** Index of `v` in `arr`, appending it the first time: the files' tables of categories and sources. */
function internAt(arr: string[], v: string): number {
  const i = arr.indexOf(v);
  return i < 0 ? arr.push(v) - 1 : i;
}

/** The JSON form of version 1: lib/match/cues.ts's cue file (the lexicon itself is written compact, below). */
export interface LexiconFile {
  version: number;
  sources: string[];
  /** [term, category index, weight, source index] */
  entries: [string, number, number, number][];
  categories: string[];
}

/**
 * The compact JSON form of version 2 (scripts/build-lexicons.ts): runs of entries that share a
 * category, weight and source, in file order, their terms joined by newlines. The lexicon ships in
 * every Lambda bundle, and one array per entry cost about 15 bytes more than its term.
 */
export interface CompactLexiconFile {
  version: 2;
  sources: string[];
  categories: string[];
  /** [category index, weight, source index, terms joined by "\n"] */
  runs: [number, number, number, string][];
}

export function toLexiconFile(entries: readonly LexEntry[]): LexiconFile {
  const sources: string[] = [];
  const categories: string[] = [];
  return { version: 1, sources, categories, entries: entries.map((e) => [e.term, internAt(categories, e.category), e.weight, internAt(sources, e.source)]) };
}

export function fromLexiconFile(file: LexiconFile | CompactLexiconFile): LexEntry[] {
  if ('runs' in file) {
    return file.runs.flatMap(([c, weight, s, terms]) => terms.split('\n').map((term) => ({ term, category: file.categories[c]!, weight, source: file.sources[s]! })));
  }
  return file.entries.map(([term, c, weight, s]) => ({ term, category: file.categories[c]!, weight, source: file.sources[s]! }));
}

/** Entries in the compact form (order kept; terms never contain a newline). */
export function toCompactLexiconFile(entries: readonly LexEntry[]): CompactLexiconFile {
  const sources: string[] = [];
  const categories: string[] = [];
  const runs: [number, number, number, string][] = [];
  for (const e of entries) {
    const c = internAt(categories, e.category);
    const s = internAt(sources, e.source);
    const last = runs[runs.length - 1];
    if (last && last[0] === c && last[1] === e.weight && last[2] === s) last[3] += `\n${e.term}`;
    else runs.push([c, e.weight, s, e.term]);
  }
  return { version: 2, sources, categories, runs };
}
