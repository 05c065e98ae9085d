/**
 * Data minimisation for everything that leaves by email (UK GDPR art. 5(1)(c)): digests, roll-ups, urgent
 * alerts, their CSV attachments and alert webhooks carry evidence with personal identifiers masked. The web
 * app, behind sign-in and an audit trail, still shows the snapshot as captured.
 *
 * What is masked:
 * - in every item: phone numbers, National Insurance numbers, unique pupil numbers, email addresses,
 *   postcodes, street addresses, and the secret part of shared log-ins or passwords;
 * - in confidential items also: dates (dates of birth hide among them) and people's names the scorer found
 *   in the evidence (a named pupil), shown by initials ("Maisie Turner" → "M. T."), first or last name alone too.
 *
 * `maskText` keeps the text's length (replacements are padded with spaces), so evidence offsets computed on
 * the original still point at the same place in the masked text; `compactMasked` squeezes the padding out.
 * Pure: no I/O, deterministic.
 */
import { findDates, findPhones, findPostcodes } from '../score/identifiers';
import type { Mention } from '../store/types';

export interface MaskOptions {
  /** Names (as found in the text) to replace by initials. */
  names?: readonly string[];
  /** Also mask every date (confidential items: a date of birth is rarely labelled reliably). */
  dates?: boolean;
}

/** The line every email shows near masked evidence. */
export const MASKED_NOTE = 'Personal details are masked in email. Sign in to see the full snapshot.';

interface Range {
  start: number;
  end: number;
  label: string;
}

const EMAIL = /\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;
// Shape only (HMRC's prefix rules would let the "QQ 12 34 56 C" style of example through).
const NI = /\b[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]\b/gi;
const UPN = /\b[a-z]\d{11}[a-z0-9]\b/gi;
// Nine or more digits with separators: a phone number libphonenumber did not accept is still not for email.
const LONG_NUMBER = /(?<![\w.])\+?\(?\d[\d\s\-().]{7,}\d(?![\w])/g;
const ADDRESS = /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Grove|Gardens|Gdns|Place|Pl|Terrace|Bank|View|Rise|Hill|Walk|Mews|Square|Row|Parade|Park|Meadow|Meadows|Green|Fold|Croft|End|Chase|Vale)\b/g;
const LIVES_ON = /\b(lives?\s+(?:at|on)\s+)((?:[A-Z][a-z']+\s+){1,3}(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Grove|Gardens|Place|Terrace|Bank|View|Rise|Hill|Walk|Mews|Square|Row|Parade))\b/g;
// "password is Summer2026!", "login: jsmith / pw: x", "PIN 4471": the keyword stays, the secret goes.
const CREDENTIAL = /\b(?:password|passwd|pass\s*word|passcode|pwd|pw|pin(?:\s+code)?|log-?in|username|user\s*name|user\s+id)s?\b(?:\s+(?:for|to|on|of)\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?)?\s*(?:is|:|=|-|was)?\s*([\w.@#!$%&*+/\\-]+(?:\s*\/\s*[\w.@#!$%&*+-]+)?)/gi;
const NOT_A_SECRET = /^(?:is|was|the|a|an|and|or|on|for|to|of|in|page|details|screen|system|portal|reset|changed?|please|here|there|it|they|we|you)$/i;

/** `label` padded to `length` with spaces, or bullets when the label does not fit. */
function fit(labels: string, length: number): string {
  const label = labels.split('|').find((l) => l.length <= length);
  return label !== undefined ? label + ' '.repeat(length - label.length) : '•'.repeat(length);
}

function collect(re: RegExp, text: string, label: string, out: Range[], group?: number): void {
  for (const m of text.matchAll(re)) {
    if (group === undefined) {
      out.push({ start: m.index!, end: m.index! + m[0].length, label });
      continue;
    }
    const part = m[group];
    if (!part) continue;
    const start = m.index! + m[0].lastIndexOf(part);
    out.push({ start, end: start + part.length, label });
  }
}

function digits(s: string): number {
  return s.replace(/\D/g, '').length;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Maisie Turner` → `M. T.`; `O'Neill` → `O.` */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${Array.from(w)[0]!.toUpperCase()}.`)
    .join(' ');
}

/** Masks personal identifiers in `text`, keeping its length (see the file comment). */
export function maskText(text: string, options: MaskOptions = {}): string {
  if (!text) return text;
  const ranges: Range[] = [];
  for (const p of findPhones(text)) ranges.push({ start: p.start, end: p.end, label: '[phone]' });
  for (const m of text.matchAll(LONG_NUMBER)) if (digits(m[0]) >= 9) ranges.push({ start: m.index!, end: m.index! + m[0].length, label: '[number]' });
  collect(EMAIL, text, '[email]|[e]', ranges);
  collect(NI, text, '[NI number]|[NI no.]', ranges);
  collect(UPN, text, '[pupil no.]', ranges);
  for (const p of findPostcodes(text)) ranges.push({ start: p.start, end: p.end, label: '[postcode]|[pcode]|[pc]' });
  collect(ADDRESS, text, '[address]', ranges);
  collect(LIVES_ON, text, '[address]', ranges, 2);
  // exec, not matchAll: the next search starts inside this secret, so "login: x / password: y" masks both.
  const cred = new RegExp(CREDENTIAL.source, CREDENTIAL.flags);
  for (let m = cred.exec(text); m; m = cred.exec(text)) {
    const secret = m[1];
    const start = m.index + m[0].length - (secret?.length ?? 0);
    cred.lastIndex = secret ? start + 1 : m.index + m[0].length;
    if (!secret || NOT_A_SECRET.test(secret)) continue;
    ranges.push({ start, end: start + secret.length, label: '[hidden]|[x]' });
  }
  if (options.dates) for (const d of findDates(text)) ranges.push({ start: d.start, end: d.end, label: '[date]|[d]' });
  for (const name of nameVariants(options.names ?? [])) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(name)}(?![\\p{L}\\p{N}])`, 'gu');
    collect(re, text, initials(name), ranges);
  }
  if (ranges.length === 0) return text;
  // Longest first at each start, so an address wins over the postcode inside it; overlaps are merged.
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  let i = 0;
  while (i < ranges.length) {
    const r = ranges[i]!;
    let end = r.end;
    let j = i + 1;
    while (j < ranges.length && ranges[j]!.start < end) end = Math.max(end, ranges[j++]!.end);
    if (r.start >= at) {
      out += text.slice(at, r.start) + fit(end === r.end ? r.label : '[hidden]|[x]', end - r.start);
      at = end;
    }
    i = j;
  }
  return out + text.slice(at);
}

/** Full names first (longest first), then their parts, so "Maisie" alone later in the text is masked too. */
function nameVariants(names: readonly string[]): string[] {
  const all = new Set<string>();
  for (const n of names) {
    const name = n.trim().replace(/\s+/g, ' ');
    if (!name) continue;
    all.add(name);
    for (const part of name.split(' ')) if (Array.from(part).length >= 3) all.add(part);
  }
  return [...all].sort((a, b) => b.length - a.length);
}

/** Squeezes the padding `maskText` leaves (runs of spaces) for text that has no offsets to keep. */
export function compactMasked(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/(?<=[\].•]) +([.,;:!?)"”]|['’]s\b)/g, '$1');
}

const PERSON_NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+(?:Mc|Mac|O['’])?\p{Lu}[\p{L}'’-]+){1,2}$/u;

/** Does this item count as confidential (names and dates masked too)? */
export function isConfidential(m: Pick<Mention, 'families' | 'score'>): boolean {
  return (m.families ?? []).includes('confidential') || (m.score?.families ?? []).includes('confidential');
}

/** People's names the scorer marked as evidence of a confidential category (a named pupil, a member of staff). */
export function namesIn(m: Pick<Mention, 'score'>): string[] {
  const out = new Set<string>();
  for (const e of m.score?.evidence ?? []) {
    if (!e.category.startsWith('confidential.')) continue;
    const t = e.text.trim();
    if (PERSON_NAME.test(t)) out.add(t);
  }
  return [...out];
}

/** The options a mention is masked with. */
export function maskOptionsFor(m: Pick<Mention, 'families' | 'score'>): MaskOptions {
  return isConfidential(m) ? { names: namesIn(m), dates: true } : {};
}

/**
 * A copy of the mention safe to put in an email: title, text, author-free evidence, category reasons and the
 * explanation masked. Title and text keep their length, so evidence offsets still line up.
 */
export function maskMention(m: Mention): Mention {
  const opts = maskOptionsFor(m);
  const title = maskText(m.title ?? '', opts);
  const text = maskText(m.text ?? '', opts);
  const evidence = (m.score?.evidence ?? []).map((e) => {
    const [before, after] = e.field === 'title' ? [m.title ?? '', title] : [m.text ?? '', text];
    // Offsets that point at the evidence text keep pointing at it; otherwise the renderer searches by text.
    const aligned = Number.isInteger(e.start) && e.end > e.start && before.slice(e.start, e.end).toLowerCase() === (e.text ?? '').toLowerCase();
    return { ...e, text: aligned ? after.slice(e.start, e.end) : compactMasked(maskText(e.text ?? '', opts)) };
  });
  const masked = (s: string) => compactMasked(maskText(s, opts));
  return {
    ...m,
    title,
    text,
    score: m.score && {
      ...m.score,
      evidence,
      explanation: masked(m.score.explanation ?? ''),
      categories: (m.score.categories ?? []).map((c) => ({ ...c, reason: masked(c.reason ?? '') })),
    },
    match: m.match && { ...m.match, reason: masked(m.match.reason ?? ''), ...(m.match.evidence ? { evidence: { ...m.match.evidence, text: masked(m.match.evidence.text) } } : {}) },
  };
}
