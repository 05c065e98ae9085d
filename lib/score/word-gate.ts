/**
 * Word gates: a pattern that cannot match without one of a few whole words is not run over a text that has none of
 * them. The gate is read off the pattern's own source (so a word added to a rule's pattern is in its gate, with no
 * second list to keep in step) and is exact: it only says "no match" when the pattern could not have matched, so a
 * gated search finds exactly what the pattern alone finds. About a hundred rule patterns are each run over the whole
 * text of every item; most of them need a word most items do not have.
 */
import { tokens, type WordRecord } from './lexicon-data';
import { chance, literalGateTest } from './literal-gate';

/** Word characters (\w) that word tokens do not cover: the clean view is lower case, so these are rare. */
const OTHER_WORD_CHAR = /[A-Z_]/;
/** A gate entry that is a run's first PREFIX letters rather than a whole run is marked by this first character. */
const PREFIX = 4;
const P = '^';

/** Every gate seen so far, by id; a pattern's id (or -1: no gate) is remembered per RegExp object. */
const gateList: ReadonlySet<string>[] = [];
const gateIds = new WeakMap<RegExp, number>();
const idBySource = new Map<string, number>();
/**
 * Gates past this many are not made (the pattern is then simply run): patterns built per item (an explanation's
 * `\bword\b`) would otherwise grow the list without end. The rules' own patterns are all met on the first items.
 */
const MAX_GATES = 512;

let openText: string | undefined;
/** Bit per gate id: is the gate open for openText? undefined: not known (the text has A-Z or _), run every pattern. */
let open: Uint32Array | undefined;
/** How many gates (the first openN ids) `open` covers. */
let openN = 0;

/** The ids of the gates a word token opens (any run of it whole, or its first letters), kept in the word's record. */
function opens(rec: WordRecord): readonly number[] {
  const ids = (rec.gateIds ??= []);
  if (rec.gatesSeen < gateList.length) {
    // a token with apostrophes is several runs of word characters ("don't": "don", "t"); gates made since the word
    // was last looked up are checked now
    const word = rec.word;
    const parts = word.includes("'") ? word.split("'") : [word];
    for (let id = rec.gatesSeen; id < gateList.length; id++) {
      const g = gateList[id]!;
      if (parts.some((r) => g.has(r) || (r.length >= PREFIX && g.has(P + r.slice(0, PREFIX))))) ids.push(id);
    }
    rec.gatesSeen = gateList.length;
  }
  return ids;
}

/**
 * The open gates of a text (remembered for the last text), from its word tokens. Exact: `\bw\b`, for a word w of
 * [a-z0-9], matches exactly where a maximal run of word characters is w, and in a text without A-Z or _ those runs
 * are the word tokens split at their apostrophes.
 */
function openGates(text: string): Uint32Array | undefined {
  if (text !== openText) {
    openText = text;
    openN = 0;
    open = OTHER_WORD_CHAR.test(text) ? undefined : new Uint32Array((gateList.length >> 5) + 1);
  }
  // gates made since the bits were worked out for this text (a pattern met for the first time) are added now, from the
  // same tokens, rather than the text read again
  if (open && openN < gateList.length) {
    if (open.length < (gateList.length >> 5) + 1) {
      const grown = new Uint32Array((gateList.length >> 5) + 1);
      grown.set(open);
      open = grown;
    }
    const bits = open;
    const toks = tokens(text);
    for (let i = 0; i < toks.length; i++) {
      const ids = opens(toks[i]!.rec);
      for (let k = 0; k < ids.length; k++) bits[ids[k]! >> 5]! |= 1 << (ids[k]! & 31);
    }
    openN = gateList.length;
  }
  return open;
}

/** The gate id of a pattern (wordGate, worked out once per RegExp object), or -1. */
function gateId(re: RegExp): number {
  let id = gateIds.get(re);
  if (id === undefined) {
    // a pattern built per call (a school's watch terms) has one id per source, not per object
    const key = `${re.flags}/${re.source}`;
    id = idBySource.get(key);
    if (id !== undefined) {
      gateIds.set(re, id);
      return id;
    }
    const g = gateList.length < MAX_GATES ? wordGate(re) : undefined;
    id = g ? gateList.push(new Set(g)) - 1 : -1;
    gateIds.set(re, id);
    if (idBySource.size < 4 * MAX_GATES) idBySource.set(key, id);
  }
  return id;
}

/** Literal gates (literal-gate.ts) of patterns, by object and by source (as gateIds: bounded; null: none). */
type LitTest = (text: string) => boolean;
const litGates = new WeakMap<RegExp, LitTest | null>();
const litBySource = new Map<string, LitTest | null>();
function litGate(re: RegExp): LitTest | null {
  let g = litGates.get(re);
  if (g === undefined) {
    const key = `${re.flags}/${re.source}`;
    g = litBySource.get(key);
    if (g === undefined) {
      if (litBySource.size >= 4 * MAX_GATES) return null;
      g = literalGateTest(re) ?? null;
      litBySource.set(key, g);
    }
    litGates.set(re, g);
  }
  return g;
}

/**
 * Can `re` match `text`, as far as its gates tell? (False only when it certainly cannot.) The word gate when the
 * pattern has one and the text is lower case; else the strings it cannot match without (literal-gate.ts).
 */
export function mayMatch(text: string, re: RegExp): boolean {
  const id = gateId(re);
  const bits = id < 0 ? undefined : openGates(text);
  if (bits) return (bits[id >> 5]! & (1 << (id & 31))) !== 0;
  const lits = litGate(re);
  return !lits || lits(text);
}

/**
 * re.test(text), skipped when the pattern's gate says it cannot match (a global or sticky pattern, whose test moves
 * lastIndex, is always run).
 */
export function gatedTest(re: RegExp, text: string): boolean {
  if (re.global || re.sticky) return re.test(text);
  return mayMatch(text, re) && re.test(text);
}

// Common words: a gate made of them passes almost every text, so another word group of the same branch is preferred.
const COMMON = new Set('a an and are as at be been being but by can could did do does for from had has have he her him his i in is it its me my no not of on or our she so that the their them they this to up was we were will with would you your'.split(' '));

/**
 * Whole words one of which every match of `re` contains (the union over its top-level branches of one whole-word
 * group each branch cannot match without), or undefined when some branch has none this reader can prove, or a flag
 * changes what \b and \w mean or how the source reads (i, y, v: then the pattern is simply run). A group counts only when it is not optional,
 * every alternative starts with a plain [a-z0-9] word (an `s?` ending allowed) that ends the alternative or is
 * followed by \s, and it stands between \b or \s on both sides: then the word is a whole run of word characters.
 */
export function wordGate(re: RegExp): readonly string[] | undefined {
  if (/[iyv]/.test(re.flags)) return undefined;
  const branches = splitTop(re.source);
  if (!branches) return undefined;
  const words = new Set<string>();
  for (const b of branches) {
    const g = branchGate(b);
    if (!g) return undefined;
    for (const w of g) words.add(w);
  }
  return [...words];
}

type El = { k: 'b' } | { k: 'sp' } | { k: 'sopt' } | { k: 'group'; body: string } | { k: 'word'; w: string; plural: boolean } | { k: 'other' };

/** Split a pattern source on its top-level `|` (undefined if it is not well formed as far as this reader goes). */
function splitTop(src: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let cls = false;
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (cls) {
      if (c === ']') cls = false;
      continue;
    }
    if (c === '[') cls = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(last, i));
      last = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0 || cls) return undefined;
  out.push(src.slice(last));
  return out;
}

/** Index after the quantifier at i (if any), and whether it allows zero repetitions. */
function quantifier(src: string, i: number): { end: number; optional: boolean; any: boolean } {
  const c = src[i];
  if (c === '?' || c === '*') return { end: src[i + 1] === '?' ? i + 2 : i + 1, optional: true, any: true };
  if (c === '+') return { end: src[i + 1] === '?' ? i + 2 : i + 1, optional: false, any: true };
  if (c === '{') {
    // read up to the first "}" (and a lazy "?"): the quantifier cannot reach past it, and a source may be long
    const close = src.indexOf('}', i);
    const m = close < 0 ? null : /^\{(\d+)(,\d*)?\}\??/.exec(src.slice(i, close + 2));
    if (m) return { end: i + m[0].length, optional: m[1] === '0', any: true };
  }
  return { end: i, optional: false, any: false };
}

/** Characters that are never regex word characters, as they may stand in a source (plain or escaped). */
const NON_WORD_LITERAL = /^(?:\\s|\\[-'.,/&:"]|[-',/&: "])/;
/** The same inside a class, where a plain "." is a full stop, not any character. */
const NON_WORD_IN_CLASS = /^(?:\\s|\\[-'.,/&:"]|[-'.,/&: "])/;

/**
 * Where an element that always matches at least one non-word character ends, if one starts at i: \s, \s+, a plain or
 * escaped punctuation mark, or a class of such ([\s-], [\s-]+); -1 otherwise (also when it may match nothing).
 */
function edgeAt(src: string, i: number): number {
  let j: number;
  if (src[i] === '[') {
    const close = src.indexOf(']', i + 1);
    if (close < 0) return -1;
    let body = src.slice(i + 1, close);
    if (!body || body.startsWith('^')) return -1;
    // a plain "-" between two characters is a range ("[&-:]" holds the digits): only first or last is a hyphen
    if (/.-./.test(body.replace(/\\-/g, ''))) return -1;
    while (body) {
      const m = NON_WORD_IN_CLASS.exec(body);
      if (!m) return -1;
      body = body.slice(m[0].length);
    }
    j = close + 1;
  } else {
    const m = NON_WORD_LITERAL.exec(src.slice(i, i + 2));
    if (!m) return -1;
    j = i + m[0].length;
  }
  const q = quantifier(src, j);
  return q.optional ? -1 : q.end;
}

/** One branch as a sequence of elements; anything this reader does not know is `other` (never a boundary). */
function elements(src: string): El[] | undefined {
  const out: El[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const edgeEnd = edgeAt(src, i);
    if (edgeEnd >= 0) {
      out.push({ k: 'sp' });
      i = edgeEnd;
      continue;
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === 'b') {
        out.push({ k: 'b' });
        i += 2;
        continue;
      }
      const q = quantifier(src, i + 2);
      out.push(e === 's' ? (q.optional ? { k: 'sopt' } : { k: 'sp' }) : { k: 'other' });
      i = q.end;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      out.push({ k: 'other' });
      i = quantifier(src, j + 1).end;
      continue;
    }
    if (c === '(') {
      let depth = 0;
      let j = i;
      let cls = false;
      for (; j < src.length; j++) {
        const d = src[j];
        if (d === '\\') {
          j++;
          continue;
        }
        if (cls) {
          if (d === ']') cls = false;
          continue;
        }
        if (d === '[') cls = true;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      if (j >= src.length) return undefined;
      const inner = src.slice(i + 1, j);
      const q = quantifier(src, j + 1);
      const body = inner.startsWith('?:') ? inner.slice(2) : inner.startsWith('?') ? undefined : inner;
      const prev = out[out.length - 1];
      // "\s+(?:\w+\s+){0,3}?": whatever the group matches, what follows it comes after a space (or after the edge before it)
      if (body !== undefined && q.any && (prev?.k === 'sp' || prev?.k === 'b') && /(?:^|[^\\])\\s\+$/.test(body) && !/[|]/.test(body)) {
        i = q.end;
        continue;
      }
      out.push(body !== undefined && !q.any ? { k: 'group', body } : { k: 'other' });
      i = q.end;
      continue;
    }
    if (/[a-z0-9]/.test(c)) {
      let j = i;
      while (j < src.length && /[a-z0-9]/.test(src[j]!)) j++;
      const q = quantifier(src, j);
      if (q.any) {
        // the last letter is quantified: "legends?" is the word "legend" or "legends"; anything else is not a plain word
        const w = src.slice(i, j);
        if (src[j] === '?' && src[j + 1] !== '?' && w.endsWith('s') && w.length > 1) out.push({ k: 'word', w: w.slice(0, -1), plural: true });
        else out.push({ k: 'other' });
        i = q.end;
      } else {
        out.push({ k: 'word', w: src.slice(i, j), plural: false });
        i = j;
      }
      continue;
    }
    out.push({ k: 'other' });
    i = quantifier(src, i + 1).end;
  }
  return out;
}

/**
 * A group's alternatives (the group comes right after \b or \s) as gate entries: the first word, whole when it ends
 * the alternative (and the group is followed by \b or \s: `after`) or is followed by \s; else the first PREFIX
 * letters of the run it starts. Undefined when an alternative starts with anything else, or too short a prefix.
 */
function groupWords(body: string, after: boolean): string[] | undefined {
  const alts = splitTop(body);
  if (!alts) return undefined;
  const words: string[] = [];
  for (const alt of alts) {
    // "tore[\s-]+the[\s-]+roof[\s-]+off": any whole word of the alternative will do, and its rarest ("roof") shuts the
    // gate for more texts than its first ("tore", or "the" for "the[\s-]+goat"). The group stands after an edge, so the
    // alternative starts at a word boundary, and ends at one when an edge follows the group (`after`).
    const inner = branchGate(`\\b${alt}${after ? '\\b' : ''}`);
    const first = firstWord(alt, after);
    const pick = inner && (!first || gateScore(inner) > gateScore(first)) ? inner : first;
    if (!pick) return undefined;
    words.push(...pick);
  }
  return [...new Set(words)];
}

/** The gate entries of one alternative by its first word (see groupWords), or undefined. */
function firstWord(alt: string, after: boolean): string[] | undefined {
  const words: string[] = [];
  {
    const m = /^[a-z0-9]+/.exec(alt);
    if (!m) return undefined;
    const lit = m[0];
    const rest = alt.slice(lit.length);
    if (rest === '?' && after) words.push(lit.slice(0, -1), lit);
    else if (rest === '' ? after : edgeAt(rest, 0) >= 0) words.push(lit);
    // "let'?s": the run is "let" (the apostrophe followed) or "lets"
    else if (after && /^'\?[a-z0-9]+$/.test(rest)) words.push(lit, lit + rest.slice(2));
    else {
      // "criticis\w+", "apologi[sz]...", "requires?\s+": the run starts with the letters before any quantifier
      const sure = /^[?*{]/.test(rest) ? lit.slice(0, -1) : lit;
      if (sure.length < PREFIX) return undefined;
      words.push(P + sure.slice(0, PREFIX));
    }
  }
  return words;
}

/**
 * How good a gate is (higher: shuts for more texts): no common word, then the least likely words by their letters'
 * frequencies (literal-gate.ts), then fewer of them. A speed choice only: every gate read off a pattern is exact.
 */
function gateScore(words: readonly string[]): number {
  return (words.some((w) => COMMON.has(w)) ? -100 : 0) - 1000 * chance(words.map((w) => (w.startsWith(P) ? w.slice(1) : w))) - words.length / 1000;
}

function branchGate(src: string): string[] | undefined {
  const els = elements(src);
  if (!els) return undefined;
  const edge = (e: El | undefined) => e !== undefined && (e.k === 'b' || e.k === 'sp');
  let best: string[] | undefined;
  let bestScore = -Infinity;
  for (let k = 0; k < els.length; k++) {
    const e = els[k]!;
    if (!edge(els[k - 1])) continue;
    let words: string[] | undefined;
    if (e.k === 'word') {
      // a group alternative "w\s+..." inside is handled by groupWords; a word here must end at \b or \s
      if (edge(els[k + 1])) words = e.plural ? [e.w, `${e.w}s`] : [e.w];
      // "\bapologi[sz]": a run that starts with these letters
      else if ((e.plural ? e.w.length : e.w.length) >= PREFIX) words = [P + e.w.slice(0, PREFIX)];
      // "photo\s*shoot\b": the run is "photo" (a space followed) or "photoshoot"
      const nx = els[k + 2];
      if (!e.plural && els[k + 1]?.k === 'sopt' && nx?.k === 'word' && !nx.plural && edge(els[k + 3])) words = [e.w, e.w + nx.w];
    } else if (e.k === 'group') {
      words = groupWords(e.body, edge(els[k + 1]));
    }
    if (!words) continue;
    const score = gateScore(words);
    if (score > bestScore) {
      bestScore = score;
      best = words;
    }
  }
  return best;
}
