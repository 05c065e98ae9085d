/**
 * One item prepared for the rules: title and text joined into one string (so a phrase split across
 * them is still found), the fold and clean views with offset maps, sentence boundaries, and the
 * spans the scorer must not count (praise idioms, quoted statements, per-school ignore words).
 */
import { LEXICON, type Lexicon } from './lexicon';
import { cleanText, foldText, toOriginal, type TextView } from './normalize';
import type { Evidence } from './types';
import { mayMatch } from './word-gate';

export interface Span {
  start: number;
  end: number;
}

export interface Doc {
  /** `title + "\n" + text` (or just one of them). */
  raw: string;
  titleLength: number;
  /** Offset of `text` within raw; -1 when there is no text. */
  textOffset: number;
  fold: TextView;
  clean: TextView;
  /** Sentence spans in clean-view coordinates. */
  sentences: Span[];
  /** Spans (clean-view coordinates) where abuse hits are discounted: praise idioms and quoted statements. */
  praise: Span[];
  quoted: Span[];
  ignored: Span[];
  /** The lexicon the rules read (the shipped one unless a caller passes another, e.g. a test). */
  lex: Lexicon;
}

export function buildDoc(title: string, text: string, ignore: readonly string[] = [], lex: Lexicon = LEXICON): Doc {
  const t = title ?? '';
  const x = text ?? '';
  const raw = t && x ? `${t}\n${x}` : t || x;
  const textOffset = x ? (t ? t.length + 1 : 0) : -1;
  const fold = foldText(raw);
  const clean = cleanText(fold);
  const doc: Doc = { raw, titleLength: t.length, textOffset, fold, clean, sentences: sentences(clean.text), praise: [], quoted: [], ignored: [], lex };
  doc.praise = findAll(clean.text, praisePattern(lex));
  doc.quoted = attributedQuotes(clean.text);
  doc.ignored = ignoreSpans(clean.text, ignore);
  return doc;
}

function sentences(s: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+(?=\s|$)|\n+|\s[-|]\s/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const end = m.index + m[0].length;
    if (end - last > 0) out.push({ start: last, end });
    last = end;
  }
  if (last < s.length) out.push({ start: last, end: s.length });
  return out;
}

export function sentenceAt(doc: Doc, pos: number): Span {
  // binary search: sentences are in order and do not overlap, and rules ask this for every hit
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: 0, end: doc.clean.text.length };
}

/**
 * `re.test(text.slice(s.start, s.end))` for a sentence s, remembered for the last sentence asked: a loop over many hits in
 * one long sentence (a text without full stops) reads it once, not once per hit. `re` must not be global or sticky.
 */
export function sentenceTest(re: RegExp, text: string): (s: Span) => boolean {
  let start = -1;
  let end = -1;
  let value = false;
  return (s) => {
    if (s.start !== start || s.end !== end) {
      value = re.test(text.slice(s.start, s.end));
      start = s.start;
      end = s.end;
    }
    return value;
  };
}

const globalCache = new WeakMap<RegExp, RegExp>();

/** All matches of `re` (made global once and cached). */
export function findAll(s: string, re: RegExp): Span[] {
  const out: Span[] = [];
  // a pattern that needs one of a few whole words is not run over a text without any of them (word-gate.ts: exact)
  if (!mayMatch(s, re)) return out;
  // re.global, not re.flags (a getter that builds the string of every flag on each call)
  let g = re.global ? re : globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags + 'g');
    globalCache.set(re, g);
  }
  g.lastIndex = 0;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

let memoText: string | undefined;
const memo = new Map<RegExp, readonly Span[]>();

/**
 * findAll for a shared global regex, remembered for the last string searched: the abuse rules and the
 * classifier's lexicon features look for the same word lists in the same clean text. The result is shared; do not modify it.
 */
export function findAllCached(s: string, re: RegExp): readonly Span[] {
  if (s !== memoText) {
    memo.clear();
    memoText = s;
  }
  let out = memo.get(re);
  if (!out) {
    out = findAll(s, re);
    memo.set(re, out);
  }
  return out;
}

export function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/**
 * Praise and sporting idioms that borrow violent or rude words: "killed it", "smashed it",
 * "absolute legends", "sick", "on fire", "the bomb", "murdered them 45-0", "bloody brilliant".
 */
const PRAISE_PARTS = [
    String.raw`\b(?:kill|killed|killing|smash|smashed|smashing|nail|nailed|nailing|boss|bossed|bossing|slay|slayed|slaying|rock|rocked|rocking|crush|crushed|crushing|ace|aced|own|owned|owning)\s+(?:it|that|this|them|the\s+\w+)\b`,
    String.raw`\b(?:absolute|total|proper|real|utter|such|true|complete)\s+(?:legend|legends|stars|heroes|beasts|machines|icons|superstars|gems)\b`,
    String.raw`\blegends?\b`,
    String.raw`\b(?:so|was|were|is|are|looked|looks|sounded|sounds|well|proper|pretty|absolutely|bit)\s+(?:sick|wicked|insane|mental|savage|mad|filthy|unreal|class)\b`,
    String.raw`\b(?:sick|wicked|insane|mental|savage|mad|unreal|class)\s+(?:effort|performance|show|goal|goals|game|match|night|day|result|results|win|set|play|gig|concert|job|work|singing|dancing|skills|team|band|choir)\b`,
    String.raw`\b(?:on|under)\s+fire\b`,
    String.raw`\bthe\s+bomb\b`,
    String.raw`\bbeast\s+mode\b`,
    String.raw`\b(?:murdered|destroyed|battered|thrashed|hammered|annihilated|demolished|slaughtered|smashed|crushed|tore\s+apart)\s+(?:the\s+)?(?:competition|opposition|[a-z]+(?:\s+[a-z]+){0,3}\s+\d+\s*-\s*\d+)`,
    String.raw`\bout\s+of\s+(?:their|his|her|my|your)\s+skins\b`,
    String.raw`\b(?:bloody|damn|dead|well|wicked|crazy|insanely)\s+(?:brilliant|good|great|amazing|proud|lovely|fantastic|impressive|talented|funny|clever)\b`,
    String.raw`\bnot\s+(?:bad|terrible|awful)\s+at\s+all\b`,
    String.raw`\b(?:shit|shite)\s+hot\b`,
    String.raw`\b(?:fucking|fkn|effing|bloody|frigging)\s+(?:brilliant|amazing|proud|fantastic|incredible|awesome|class|unreal|epic|superb|lovely|beautiful|outstanding|legends?|smashed\s+it|nailed\s+it)\b`,
    String.raw`\b(?:shooting|shot|shoot)\s+(?:a|the|their|our)?\s*(?:short\s+)?(?:film|video|photos?|scenes?|hoops)\b`,
    String.raw`\bphoto\s*shoot\b`,
    String.raw`\bknife\s+(?:wounds?|crime\s+awareness|amnesty)\b`,
];
const praiseCache = new WeakMap<Lexicon, RegExp>();
/** The praise idioms, plus slang praise of any school event in the lexicon ("sick nativity", "mint sports day"). */
function praisePattern(lex: Lexicon): RegExp {
  let re = praiseCache.get(lex);
  if (!re) {
    const events = String.raw`\b(?:sick|wicked|insane|mental|savage|mad|unreal|class|mint|banging|bangin|lit|peng|fire|filthy|bad\s+ass|badass)\s+${lex.pattern('praise-event')}\b`;
    re = new RegExp([...PRAISE_PARTS, events].join('|'), 'g');
    praiseCache.set(lex, re);
  }
  return re;
}

/** "...", with an attribution nearby ("said", "in a statement", "a spokesperson"). */
function attributedQuotes(s: string): Span[] {
  const out: Span[] = [];
  // (most texts hold no double quote: no pattern run over them)
  if (!s.includes('"')) return out;
  const re = /"([^"]{3,400})"/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 120), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 120);
    if (ATTRIBUTION.test(before) || ATTRIBUTION.test(after)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
const ATTRIBUTION = /\b(?:said|says|say|told|tells|added|adds|wrote|writes|stated|states|statement|spokes(?:person|woman|man)|according\s+to|announced|explained|commented|newsletter|letter\s+to\s+parents|posted)\b/;

function ignoreSpans(s: string, ignore: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const term of ignore) {
    const t = cleanText(foldText(term)).text.trim();
    if (!t) continue;
    out.push(...findAll(s, new RegExp(`\\b${escapeRegExp(t)}\\w*`, 'g')));
  }
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Evidence for a clean-view span, in the coordinates of the field it falls in. */
export function evidenceFor(doc: Doc, span: Span, category: string): Evidence {
  const o = toOriginal(doc.clean, span.start, span.end);
  return originalEvidence(doc, o.start, o.end, category);
}

/** Evidence for a span of `doc.raw`. */
export function originalEvidence(doc: Doc, start: number, end: number, category: string): Evidence {
  if (doc.textOffset >= 0 && start >= doc.textOffset) {
    return { field: 'text', start: start - doc.textOffset, end: end - doc.textOffset, text: doc.raw.slice(start, end), category };
  }
  const e = Math.min(end, doc.titleLength);
  return { field: doc.titleLength > 0 ? 'title' : 'text', start, end: e, text: doc.raw.slice(start, e), category };
}

/** Clean-view text of a span. */
export function spanText(doc: Doc, span: Span): string {
  return doc.clean.text.slice(span.start, span.end);
}
