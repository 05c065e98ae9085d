/**
 * matchSchool: is this item about *this* school, or a same-named church, shop, reserve or club?
 *
 * Pure. Names and aliases are compared in a normalised form (case, punctuation, possessives,
 * "Saint"/"St", diacritics, zero-width characters), also against hashtags and @handles written as
 * one word (#StBrendans, @NorthgateParkAcademy). An alias that does not say it is a school
 * (no "School", "Academy", "Primary"…) is ambiguous: it counts only with one of the school's context
 * words or school vocabulary in the item, and never when it is part of a place name such as
 * "… Nature Reserve" or "… Shopping Centre". Exclusions cover only the occurrence they contain, so
 * another genuine mention in the same item still counts.
 */
import type { School } from '../config/schema';
import { cleanText, foldText, type TextView } from '../score/normalize';
import type { Evidence, MatchResult } from '../score/types';

export type MatchableSchool = Pick<School, 'name' | 'aliases' | 'context' | 'exclude'>;

const SCHOOL_WORD = /\b(?:school|academy|college|primary|secondary|high|grammar|infants?|juniors?|nursery|sixth\s+form|ysgol|ysgolion|prep|preparatory|c\s+of\s+e|cofe|rc|ce|catholic\s+primary|free\s+school|studio\s+school|utc)\b/;
/** Vocabulary that shows an item is about a school even when the alias alone is ambiguous. */
const SCHOOL_CONTEXT = /\b(?:school|schools|academy|college|primary|pupils?|students?|teachers?|teaching|headteacher|head\s+teacher|headmaster|headmistress|principal|deputy\s+head|head\s+of\s+year|senco|sen|send|ehcp|ofsted|estyn|inspectors?|classroom|classes|lessons?|homework|detentions?|isolation|exclusion|excluded|uniform|blazers?|term|half[- ]term|inset|parents'?\s+evening|sports\s+day|nativity|assembly|playground|pick[- ]?up|drop[- ]?off|school\s+run|year\s+\d{1,2}|yr\s?\d{1,2}|y\d{1,2}|reception\s+class|sixth\s+form|gcses?|a\s+levels?|sats|mocks?|exams?|results\s+day|governors?|pta|staff|tas?|supply\s+teachers?|dinner\s+ladies|trust|admissions|catchment|open\s+(?:evening|morning|day)|prom|leavers|curriculum|safeguarding|bullied|bullying|tutor|form\s+tutor|slt|caretaker|kids|kid'?s|children|my\s+(?:son|daughter|lad|boy|girl|kid)|our\s+(?:son|daughter|kids)|(?:the|new|our|their|acting|deputy|interim)\s+head|head'?s|behaviour|attendance|arbor|parentpay|class\s+dojo|seesaw|tapestry|satchel\s+one|bromcom|sims)\b/;
/** Words that, right after an ambiguous alias, make it a different place or organisation. */
const OTHER_PLACE = /^(?:'s\s+)?(?:church|chapel|parish|cathedral|abbey|priory|hospice|hospital|surgery|medical|health|care\s+home|nursing\s+home|housing|estate|homes|shopping|retail|centre|center|mall|precinct|market|garden\s+centre|allotments?|nature|country\s+park|reserve|woods?|lake|reservoir|footpath|path|bridge|brook|river|beach|holiday|caravan|campsite|golf|cricket|rugby|football|fc|afc|united|rovers|town|city|athletic|wanderers|rangers|harriers|tennis|bowls|leisure|sports\s+centre|library|station|road|rd|street|lane|avenue|close|drive|way|roundabout|industrial|business\s+park|castle|manor|hall|house|hotel|inn|pub|arms|farm|village|ward|surgery|dental|vets|pharmacy|food\s+court|car\s+park|cinema|theatre|players|choir|scouts|brownies|guides|social\s+club|club|society|lodge|u\d{1,2}s?\b|under[- ]\d{1,2}s?\b)\b/;

interface Pattern {
  /** The configured alias (for reporting). */
  alias: string;
  /** Regex over the fold view. */
  re: RegExp;
  /** Compact form for hashtags/handles ("stbrendans"). */
  compact: string;
  ambiguous: boolean;
}

const patternCache = new WeakMap<object, { patterns: Pattern[]; excludes: RegExp[]; context: RegExp | null }>();

/** Normalised comparison form: folded, "saint" → "st", possessive 's dropped, punctuation → space. */
function normalise(s: string): string {
  return foldText(s)
    .text.replace(/['’]/g, "'")
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bst\./g, 'st')
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/'/g, '')
    .trim();
}

/** Regex source matching a normalised phrase in the fold view, tolerant of punctuation and possessives. */
function phraseSource(norm: string): string {
  return norm
    .split(' ')
    .map((w) => {
      if (w === 'st') return "(?:st\\.?|saint)";
      if (w === 'and') return '(?:and|&)';
      // "brendans" also matches "brendan's", "brendan’s", "brendan s"
      if (w.length > 2 && w.endsWith('s')) return `${escape(w.slice(0, -1))}(?:'?s|s'|\\s?'s)?`;
      return `${escape(w)}(?:'s|')?`;
    })
    .join("[\\s\\-–—.,']*");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(school: MatchableSchool) {
  const cached = patternCache.get(school);
  if (cached) return cached;
  const names = [school.name, ...(school.aliases ?? [])];
  const seen = new Set<string>();
  const patterns: Pattern[] = [];
  for (const alias of names) {
    const norm = normalise(alias);
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    const isAcronym = /^[A-Z0-9]{2,6}$/.test(alias.trim());
    const ambiguous = alias !== school.name && (!SCHOOL_WORD.test(norm) || isAcronym);
    patterns.push({
      alias,
      re: new RegExp(`(?<![a-z0-9])${phraseSource(norm)}(?![a-z0-9])`, 'g'),
      compact: norm.replace(/\s+/g, ''),
      ambiguous: ambiguous || (alias === school.name && !SCHOOL_WORD.test(norm) && isAcronym),
    });
  }
  // longer names first so "Northgate Park Academy" wins over "Northgate Park"
  patterns.sort((a, b) => b.compact.length - a.compact.length);
  const excludes = (school.exclude ?? []).map((e) => normalise(e)).filter(Boolean).map((n) => new RegExp(`(?<![a-z0-9])${phraseSource(n)}(?![a-z0-9])`, 'g'));
  const ctx = (school.context ?? []).map((c) => normalise(c)).filter(Boolean);
  const context = ctx.length ? new RegExp(`(?<![a-z0-9])(?:${ctx.map(phraseSource).join('|')})(?![a-z0-9])`) : null;
  const compiled = { patterns, excludes, context };
  patternCache.set(school, compiled);
  return compiled;
}

interface Occurrence {
  pattern: Pattern;
  start: number;
  end: number;
  via: 'text' | 'tag';
}

const TAG = /[#@][\p{L}\p{N}_]+/gu;

function findOccurrences(view: TextView, patterns: Pattern[]): Occurrence[] {
  const out: Occurrence[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  for (const p of patterns) {
    for (const m of view.text.matchAll(p.re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (!free(s, e)) continue;
      // inside a hashtag/handle word it is handled below
      if (s > 0 && /[#@]/.test(view.text[s - 1]!)) continue;
      taken.push([s, e]);
      out.push({ pattern: p, start: s, end: e, via: 'text' });
    }
  }
  for (const m of view.text.matchAll(TAG)) {
    const word = m[0].slice(1).replace(/_/g, '');
    const s = m.index!;
    const e = s + m[0].length;
    // the tag must start with the name; a known suffix (RC, Ashworth, School…) may follow
    const p = patterns.find((x) => x.compact.length >= 4 && word.startsWith(x.compact) && word.length - x.compact.length <= 12);
    if (p && free(s, e)) {
      taken.push([s, e]);
      const extra = word.slice(p.compact.length);
      // a tag that adds a school word is unambiguous: #NorthgateParkAcademy
      const upgraded = p.ambiguous && SCHOOL_WORD.test(extra.replace(/(academy|school|college|primary|high|infants?|juniors?|rc|ce|cofe)/, ' $1 '));
      out.push({ pattern: upgraded ? { ...p, ambiguous: false } : p, start: s, end: e, via: 'tag' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function evidenceOf(item: { title: string; text: string }, view: TextView, occ: Occurrence, textOffset: number, titleLen: number): Evidence {
  const start = view.start[occ.start]!;
  const end = view.end[occ.end - 1]!;
  const raw = joinFields(item);
  if (textOffset >= 0 && start >= textOffset) return { field: 'text', start: start - textOffset, end: end - textOffset, text: raw.slice(start, end), category: 'match' };
  return { field: 'title', start, end: Math.min(end, titleLen), text: raw.slice(start, Math.min(end, titleLen)), category: 'match' };
}

function joinFields(item: { title: string; text: string }): string {
  const t = item.title ?? '';
  const x = item.text ?? '';
  return t && x ? `${t}\n${x}` : t || x;
}

export function matchSchool(item: { title: string; text: string }, school: MatchableSchool): MatchResult {
  const { patterns, excludes, context } = compile(school);
  const title = item.title ?? '';
  const text = item.text ?? '';
  const raw = joinFields({ title, text });
  const textOffset = text ? (title ? title.length + 1 : 0) : -1;
  let view = foldText(raw);
  let occurrences = findOccurrences(view, patterns);
  if (!occurrences.length) {
    // leetspeak and masked spellings of the name ("K3str3l Br00k")
    const clean = cleanText(view);
    if (clean.text !== view.text) {
      occurrences = findOccurrences(clean, patterns);
      view = clean;
    }
  }
  if (!occurrences.length) return { mentioned: false, reason: 'no name or alias found' };

  const excluded: { start: number; end: number; phrase: string }[] = [];
  for (const re of excludes) for (const m of view.text.matchAll(re)) excluded.push({ start: m.index!, end: m.index! + m[0].length, phrase: m[0] });

  const contextHit = context ? context.exec(view.text) : null;
  // school vocabulary outside the alias occurrences and excluded phrases
  const masked = maskSpans(view.text, [...occurrences.map((o) => ({ start: o.start, end: o.end })), ...excluded]);
  const vocab = SCHOOL_CONTEXT.exec(masked);

  let lastReason = '';
  for (const occ of occurrences) {
    const cover = excluded.find((x) => x.start <= occ.start && x.end >= occ.end);
    if (cover) {
      lastReason = `excluded by "${cover.phrase}"`;
      continue;
    }
    const after = view.text.slice(occ.end, occ.end + 30).replace(/^[\s,.'’-]+/, '');
    const how = occ.via === 'tag' ? `tag "${view.text.slice(occ.start, occ.end)}"` : `${occ.pattern.alias === school.name ? 'name' : 'alias'} "${occ.pattern.alias}"`;
    if (!occ.pattern.ambiguous && /^(?:street|st|road|rd|lane|avenue|close|drive|church|chapel|parish)\b/.test(after)) {
      lastReason = `${how} is part of a street or church name`;
      continue;
    }
    if (!occ.pattern.ambiguous) {
      return { mentioned: true, alias: occ.pattern.alias, reason: how, evidence: evidenceOf({ title, text }, view, occ, textOffset, title.length) };
    }
    const place = OTHER_PLACE.exec(after);
    if (place && !SCHOOL_WORD.test(after.slice(0, 12))) {
      lastReason = `${how} is part of another name ("${view.text.slice(occ.start, occ.end)} ${place[0]}")`;
      continue;
    }
    if (contextHit) {
      return { mentioned: true, alias: occ.pattern.alias, reason: `${how} with context "${contextHit[0]}"`, evidence: evidenceOf({ title, text }, view, occ, textOffset, title.length) };
    }
    if (vocab) {
      return { mentioned: true, alias: occ.pattern.alias, reason: `${how} with school vocabulary "${vocab[0]}"`, evidence: evidenceOf({ title, text }, view, occ, textOffset, title.length) };
    }
    lastReason = `ambiguous ${how} without school context`;
  }
  return { mentioned: false, reason: lastReason || 'no usable mention' };
}

function maskSpans(s: string, spans: { start: number; end: number }[]): string {
  let out = s;
  for (const sp of spans) out = out.slice(0, sp.start) + ' '.repeat(sp.end - sp.start) + out.slice(sp.end);
  return out;
}
