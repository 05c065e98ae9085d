/**
 * The daily digest email for one school: subject, HTML (table layout, inline styles, Outlook and
 * phone friendly), a plain-text part that mirrors it, and the evidence-log CSV.
 * Pure: no clock, no I/O. Every piece of feed text is escaped where it is written.
 */
import { FONT, MUTED } from './style';
import type { School } from '../config/schema';
import type { Evidence, Family, Severity } from '../score/types';
import type { Mention } from '../store/types';
import type { MailAttachment, OutgoingMail } from './types';
import { compactMasked, maskMention, MASKED_NOTE } from '../privacy/mask';
import { evidenceCsv } from './csv';
import { FAMILY_LABEL } from './vocabulary';
import { formatLocal, formatLocalDate } from './schedule';
import { cleanText, escapeHtml, escapeWrap, oneLine, safeHttpUrl, truncate } from './text';
import { isOfstedReport, ofstedSectionHtml, ofstedSectionText, ofstedSubjectPart } from './ofsted-section';

export interface RenderDigestInput {
  school: School;
  trustName?: string;
  mentions: Mention[];
  /** The school's local date the digest is for, `YYYY-MM-DD`. */
  localDate: string;
  /** Web app base address; when given each item links to `${webBaseUrl}/mentions/${id}`. */
  webBaseUrl?: string;
  /** Render the all-clear variant when there are no mentions. Defaults to `school.allClear`. */
  allClear?: boolean;
  /** Items shown in full; the rest are counted and are in the CSV. Default 50 (keeps mail under Gmail's clip size). */
  maxItems?: number;
}

export interface DigestCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Mentions per family (a mention can be in more than one family). */
  byFamily: Record<Family, number>;
  /** Mentions per family and the highest severity of that family's categories in the mention. */
  byFamilySeverity: Record<Family, Record<Severity, number>>;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
  csv: string;
  /** 'digest' when there are mentions, 'all-clear' otherwise. */
  kind: 'digest' | 'all-clear';
  counts: DigestCounts;
}

export const FAMILIES: readonly Family[] = ['abuse', 'confidential', 'reputation'];
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export { FAMILY_LABEL };

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

const SEVERITY_STYLE: Record<Severity | 'none', { fg: string; bg: string; border: string; label: string }> = {
  high: { fg: '#ffffff', bg: '#b42318', border: '#b42318', label: 'HIGH' },
  medium: { fg: '#1f1300', bg: '#f5b83d', border: '#d98b00', label: 'MEDIUM' },
  low: { fg: '#ffffff', bg: '#3e5c8a', border: '#3e5c8a', label: 'LOW' },
  none: { fg: '#ffffff', bg: '#667085', border: '#667085', label: 'UNRATED' },
};

const MARK_STYLE = 'background-color:#ffe27a;color:#1a1a1a;font-weight:bold;padding:0 1px;';

/** Should a digest email go out at all? (Nothing flagged → only when the school asked for all-clear mail.) */
export function shouldSendDigest(mentions: ReadonlyArray<Mention>, school: Pick<School, 'allClear'>, allClear?: boolean): boolean {
  return mentions.length > 0 || (allClear ?? school.allClear) === true;
}

function severityRank(s: Severity | null | undefined): number {
  return s ? SEVERITY_RANK[s] : 0;
}

function mentionSeverity(m: Mention): Severity | null {
  return m.severity ?? m.score?.severity ?? null;
}

function mentionFamilies(m: Mention): Family[] {
  const fams = m.families?.length ? m.families : (m.score?.families ?? []);
  return FAMILIES.filter((f) => fams.includes(f));
}

/** Most severe first; then higher score; then earlier capture; then id (stable, deterministic). */
export function sortMentions(mentions: ReadonlyArray<Mention>): Mention[] {
  return [...mentions].sort(
    (a, b) =>
      severityRank(mentionSeverity(b)) - severityRank(mentionSeverity(a)) ||
      (b.score?.score ?? 0) - (a.score?.score ?? 0) ||
      (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function familySeverity(m: Mention, family: Family): Severity | null {
  let best: Severity | null = null;
  for (const c of m.score?.categories ?? []) {
    if (c.family === family && severityRank(c.severity) > severityRank(best)) best = c.severity;
  }
  return best ?? mentionSeverity(m);
}

export function countMentions(mentions: ReadonlyArray<Mention>): DigestCounts {
  const zeroSev = (): Record<Severity, number> => ({ high: 0, medium: 0, low: 0 });
  const counts: DigestCounts = {
    total: mentions.length,
    bySeverity: zeroSev(),
    byFamily: { abuse: 0, confidential: 0, reputation: 0 },
    byFamilySeverity: { abuse: zeroSev(), confidential: zeroSev(), reputation: zeroSev() },
  };
  for (const m of mentions) {
    const sev = mentionSeverity(m);
    if (sev) counts.bySeverity[sev] += 1;
    for (const f of mentionFamilies(m)) {
      counts.byFamily[f] += 1;
      const fs = familySeverity(m, f);
      if (fs) counts.byFamilySeverity[f][fs] += 1;
    }
  }
  return counts;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function severitySummary(c: DigestCounts): string {
  const parts = SEVERITIES.filter((s) => c.bySeverity[s] > 0).map((s) => `${c.bySeverity[s]} ${s}`);
  return parts.join(', ');
}

/** Remove CR/LF and all other control and bidi characters; collapse spaces. Safe for a mail header. */
export function sanitiseSubject(s: string): string {
  return truncate(oneLine(s), 200);
}

function buildSubject(school: School, counts: DigestCounts, localDate: string, ofsted = ''): string {
  const date = formatLocalDate(localDate);
  if (counts.total === 0) return sanitiseSubject(ofsted ? `${school.name}: ${ofsted} – ${date}` : `${school.name}: all clear, nothing flagged – ${date}`);
  const sev = severitySummary(counts);
  return sanitiseSubject(`${school.name}: ${ofsted ? `${ofsted}; ` : ''}${plural(counts.total, 'flagged mention')}${sev ? ` (${sev})` : ''} – ${date}`);
}

// ---------------------------------------------------------------------------------------------
// Evidence and excerpts

interface Span {
  start: number;
  end: number;
}

/** Valid spans for one field, repaired from the evidence text when offsets do not line up, merged. */
function spansFor(field: 'title' | 'text', value: string, evidence: ReadonlyArray<Evidence>): Span[] {
  const spans: Span[] = [];
  for (const e of evidence) {
    if (e.field !== field) continue;
    let { start, end } = e;
    const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= value.length;
    if (!ok || (e.text && value.slice(start, end).toLowerCase() !== e.text.toLowerCase())) {
      if (!e.text) continue;
      const at = value.toLowerCase().indexOf(e.text.toLowerCase());
      if (at < 0) continue;
      start = at;
      end = at + e.text.length;
    }
    spans.push({ start, end });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

type Piece = { kind: 'plain' | 'mark'; text: string } | { kind: 'gap' };

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Move an index off the middle of a surrogate pair. */
function snap(s: string, i: number): number {
  return i > 0 && i < s.length && isLow(s.charCodeAt(i)) ? i + 1 : i;
}

/** Split `value[from,to)` into plain and marked pieces for the spans inside it. */
function piecesIn(value: string, from: number, to: number, spans: ReadonlyArray<Span>, maxMark = 300): Piece[] {
  const out: Piece[] = [];
  let at = from;
  for (const s of spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start) continue;
    if (start > at) out.push({ kind: 'plain', text: value.slice(at, start) });
    out.push({ kind: 'mark', text: truncate(value.slice(start, end), maxMark) });
    at = end;
  }
  if (at < to) out.push({ kind: 'plain', text: value.slice(at, to) });
  return out;
}

const CONTEXT = 140;
const MAX_WINDOWS = 3;
const LEAD_CHARS = 320;

/** Windows of text around the evidence (or the opening when there is none), with evidence marked. */
export function excerptPieces(text: string, spans: ReadonlyArray<Span>): Piece[] {
  if (!text) return [];
  if (spans.length === 0) {
    let end = Math.min(text.length, LEAD_CHARS);
    if (end < text.length) {
      const ws = text.lastIndexOf(' ', end);
      if (ws > LEAD_CHARS * 0.6) end = ws;
    }
    end = snap(text, end);
    const pieces: Piece[] = [{ kind: 'plain', text: text.slice(0, end) }];
    if (end < text.length) pieces.push({ kind: 'gap' });
    return pieces;
  }
  const windows: Span[] = [];
  for (const s of spans) {
    let start = Math.max(0, s.start - CONTEXT);
    let end = Math.min(text.length, s.end + CONTEXT);
    // Start and end on word boundaries where one is near.
    if (start > 0) {
      const ws = text.indexOf(' ', start);
      if (ws >= 0 && ws < s.start && ws - start < 30) start = ws + 1;
    }
    if (end < text.length) {
      const ws = text.lastIndexOf(' ', end);
      if (ws > s.end && end - ws < 30) end = ws;
    }
    start = snap(text, start);
    end = snap(text, end);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  const shown = windows.slice(0, MAX_WINDOWS);
  const pieces: Piece[] = [];
  if (shown[0]!.start > 0) pieces.push({ kind: 'gap' });
  shown.forEach((w, i) => {
    if (i > 0) pieces.push({ kind: 'gap' });
    pieces.push(...piecesIn(text, w.start, w.end, spans));
  });
  if (shown[shown.length - 1]!.end < text.length) pieces.push({ kind: 'gap' });
  return pieces;
}

/** Collapse whitespace across piece boundaries so the excerpt reads as one paragraph. */
function tidy(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let padded = false;
  for (const p of pieces) {
    if (p.kind === 'gap') {
      out.push(p);
      continue;
    }
    let t = compactMasked(cleanText(p.text).replace(/\s+/g, ' '));
    // A masked value keeps its length with trailing spaces: keep them out of the highlight, and drop them
    // before a space or punctuation that follows.
    if (padded && !/^[\s.,;:!?)"'”’]/.test(t)) t = ` ${t}`;
    padded = p.kind === 'mark' && t !== t.trimEnd();
    if (p.kind === 'mark') t = t.trimEnd();
    if (t) out.push({ kind: p.kind, text: t });
  }
  const first = out[0];
  if (first && first.kind !== 'gap') first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last && last.kind !== 'gap') last.text = last.text.trimEnd();
  return out;
}

function piecesHtml(pieces: Piece[]): string {
  return pieces
    .map((p) => {
      if (p.kind === 'gap') return ' … ';
      return p.kind === 'mark' ? `<mark style="${MARK_STYLE}">${escapeWrap(p.text)}</mark>` : escapeWrap(p.text);
    })
    .join('')
    .replace(/^ … /, '… ')
    .replace(/ … $/, ' …');
}

function piecesText(pieces: Piece[]): string {
  return pieces
    .map((p) => (p.kind === 'gap' ? ' … ' : p.kind === 'mark' ? `[[${p.text}]]` : p.text))
    .join('')
    .replace(/^ … /, '… ')
    .replace(/ … $/, ' …');
}

// ---------------------------------------------------------------------------------------------
// One item, as data both renderers use

interface ItemView {
  index: number;
  severity: Severity | null;
  families: Family[];
  titlePieces: Piece[];
  host?: string;
  /** The host came from the feed address because the item had no usable link. */
  hostFromFeed?: boolean;
  author?: string;
  /** Normalised http(s) address to link to. */
  href?: string;
  /** An address that is not http(s), shown as text only. */
  rawAddress?: string;
  published?: string;
  captured: string;
  /** When the urgent alert about it went out, in the school's timezone. */
  alerted?: string;
  excerpt: Piece[];
  explanation: string;
  categories: { label: string; severity: Severity; reason: string; policyClause: string; family: Family }[];
  matchReason?: string;
  snapshotUrl?: string;
}

export function itemView(m: Mention, index: number, school: School, base?: string): ItemView {
  const title = truncate(m.title ?? '', 400);
  const evidence = m.score?.evidence ?? [];
  // The cleaned address (tracking parameters removed, redirects unwrapped), as the web page shows it.
  const link = safeHttpUrl(m.canonicalUrl) ?? safeHttpUrl(m.url);
  const rawAddress = link ? undefined : (m.canonicalUrl ?? m.url);
  const hostUrl = link ?? safeHttpUrl(m.feedUrl);
  const author = m.author ? truncate(oneLine(m.author), 120) : undefined;
  return {
    index,
    severity: mentionSeverity(m),
    families: mentionFamilies(m),
    titlePieces: tidy(piecesIn(title, 0, title.length, spansFor('title', title, evidence))),
    host: hostUrl?.hostname,
    hostFromFeed: !link && !!hostUrl,
    author: author || undefined,
    href: link?.href,
    rawAddress: rawAddress ? truncate(oneLine(rawAddress), 500) : undefined,
    published: m.publishedAt ? formatLocal(m.publishedAt, school.timezone) : undefined,
    captured: formatLocal(m.capturedAt, school.timezone),
    alerted: m.alertedAt ? `${formatLocal(m.alertedAt, school.timezone)}${m.alertOutcome === 'unknown' ? ' (the send timed out, so delivery is not confirmed)' : ''}` : undefined,
    excerpt: tidy(excerptPieces(m.text ?? '', spansFor('text', m.text ?? '', evidence))),
    explanation: oneLine(m.score?.explanation ?? ''),
    categories: [...(m.score?.categories ?? [])]
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
      .map((c) => ({ label: oneLine(c.label), severity: c.severity, reason: oneLine(c.reason), policyClause: oneLine(c.policyClause), family: c.family })),
    matchReason: m.match?.reason ? oneLine(m.match.reason) : undefined,
    snapshotUrl: base ? `${base}/mentions/${encodeURIComponent(m.id)}` : undefined,
  };
}

export function baseUrl(webBaseUrl?: string): string | undefined {
  const u = safeHttpUrl(webBaseUrl);
  return u ? u.href.replace(/\/+$/, '') : undefined;
}

// ---------------------------------------------------------------------------------------------
// HTML

const P = `margin:0 0 8px 0;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;`;

function badge(sev: Severity | null): string {
  const st = SEVERITY_STYLE[sev ?? 'none'];
  return `<span style="display:inline-block;background-color:${st.bg};color:${st.fg};font-family:${FONT};font-size:11px;line-height:16px;font-weight:bold;letter-spacing:0.5px;padding:2px 8px;border-radius:3px;">${st.label}</span>`;
}

function button(href: string, label: string): string {
  const h = escapeHtml(href);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:12px 0 0 0;"><tr><td bgcolor="#1f3a5f" style="background-color:#1f3a5f;border-radius:4px;"><a href="${h}" target="_blank" rel="noopener noreferrer" style="display:inline-block;padding:9px 16px;font-family:${FONT};font-size:14px;line-height:18px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(label)}</a></td></tr></table>`;
}

function summaryHtml(c: DigestCounts): string {
  const th = (t: string, align = 'center') =>
    `<th scope="col" align="${align}" style="padding:6px 8px;font-family:${FONT};font-size:12px;line-height:16px;color:${MUTED};font-weight:bold;border-bottom:1px solid #d0d5dd;text-align:${align};">${t}</th>`;
  const td = (t: string | number, opts: { align?: string; bold?: boolean; top?: boolean } = {}) =>
    `<td align="${opts.align ?? 'center'}" style="padding:6px 8px;font-family:${FONT};font-size:14px;line-height:20px;color:#1f2937;${opts.bold ? 'font-weight:bold;' : ''}${opts.top ? 'border-top:1px solid #d0d5dd;' : ''}text-align:${opts.align ?? 'center'};">${t}</td>`;
  const num = (n: number) => (n === 0 ? `<span style="color:#98a2b3;">0</span>` : String(n));
  const rows = FAMILIES.map((f) => {
    const fs = c.byFamilySeverity[f];
    return `<tr>${td(escapeHtml(FAMILY_LABEL[f]), { align: 'left' })}${SEVERITIES.map((s) => td(num(fs[s]))).join('')}${td(num(c.byFamily[f]), { bold: true })}</tr>`;
  }).join('');
  const all = `<tr>${td('All mentions', { align: 'left', bold: true, top: true })}${SEVERITIES.map((s) => td(num(c.bySeverity[s]), { bold: true, top: true })).join('')}${td(c.total, { bold: true, top: true })}</tr>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">
<tr>${th('Family', 'left')}${th('High')}${th('Medium')}${th('Low')}${th('Total')}</tr>
${rows}
${all}
</table>
<p style="margin:8px 0 0 0;font-family:${FONT};font-size:12px;line-height:17px;color:${MUTED};">A mention can fall into more than one family, so family totals can add up to more than the number of mentions.</p>`;
}

export function itemHtml(v: ItemView): string {
  const st = SEVERITY_STYLE[v.severity ?? 'none'];
  const fam = v.families.map((f) => escapeHtml(FAMILY_LABEL[f])).join(' · ');
  const title = v.titlePieces.length ? piecesHtml(v.titlePieces) : '<em>(no title)</em>';
  const small = `margin:0 0 4px 0;font-family:${FONT};font-size:13px;line-height:19px;color:#344054;`;
  const label = (t: string) => `<strong style="color:#1f2937;">${t}</strong>`;

  const source = v.host
    ? `${escapeWrap(v.host)}${v.hostFromFeed ? ' (feed)' : ''}${v.author ? ` · by ${escapeWrap(v.author)}` : ''}`
    : v.author
      ? `by ${escapeWrap(v.author)}`
      : 'unknown';
  let address: string;
  if (v.href) {
    address = `<a href="${escapeHtml(v.href)}" target="_blank" rel="noopener noreferrer" style="color:#1849a9;text-decoration:underline;word-break:break-all;">${escapeWrap(v.href)}</a>`;
  } else if (v.rawAddress) {
    address = `<span style="font-family:Consolas,Menlo,monospace;word-break:break-all;">${escapeWrap(v.rawAddress)}</span> <span style="color:${MUTED};">(not a web link; shown as text only)</span>`;
  } else {
    address = `<span style="color:${MUTED};">none given by the feed</span>`;
  }

  const excerpt = v.excerpt.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:10px 0 10px 0;"><tr><td style="background-color:#f5f6f8;border-left:3px solid #98a2b3;padding:10px 12px;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;word-break:break-word;overflow-wrap:anywhere;">${piecesHtml(v.excerpt)}</td></tr></table>`
    : `<p style="${small}color:${MUTED};">(no text captured)</p>`;

  const cats = v.categories
    .map(
      (c) =>
        `<tr><td style="padding:6px 0 6px 0;border-top:1px solid #eaecf0;font-family:${FONT};font-size:13px;line-height:19px;color:#1f2937;">` +
        `<strong>${escapeWrap(c.label)}</strong> <span style="color:${MUTED};">(${escapeHtml(FAMILY_LABEL[c.family] ?? c.family)}, ${c.severity})</span>` +
        (c.reason ? `<br>${escapeWrap(c.reason)}` : '') +
        (c.policyClause ? `<br><span style="color:${MUTED};">Policy: ${escapeWrap(c.policyClause)}</span>` : '') +
        `</td></tr>`,
    )
    .join('');

  return `<tr><td style="padding:0 24px 16px 24px;" class="sw-pad">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:1px solid #e4e7ec;border-left:5px solid ${st.border};background-color:#ffffff;">
<tr><td style="padding:14px 16px 16px 16px;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;word-break:break-word;overflow-wrap:anywhere;">
<p style="margin:0 0 8px 0;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};">${badge(v.severity)}&nbsp; ${fam ? `${fam} · ` : ''}item ${v.index}</p>
<h2 style="margin:0 0 10px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:#101828;word-break:break-word;overflow-wrap:anywhere;">${title}</h2>
<p style="${small}">${label('Source:')} ${source}</p>
<p style="${small}">${label('Web address:')} ${address}</p>
<p style="${small}">${label('Published:')} ${v.published ? escapeWrap(v.published) : `<span style="color:${MUTED};">not given by the feed</span>`}</p>
<p style="${small}">${label('Captured:')} ${escapeWrap(v.captured)}</p>
${v.alerted ? `<p style="${small}">${label('Urgent alert:')} alerted at ${escapeWrap(v.alerted)}</p>` : ''}
${excerpt}
${v.explanation ? `<p style="${P}">${label('Why flagged:')} ${escapeWrap(v.explanation)}</p>` : ''}
${cats ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 4px 0;">${cats}</table>` : ''}
${v.matchReason ? `<p style="margin:8px 0 0 0;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};">Why this school: ${escapeWrap(v.matchReason)}</p>` : ''}
${v.snapshotUrl ? button(v.snapshotUrl, 'Sign in to see the full snapshot') : ''}
</td></tr></table>
</td></tr>`;
}

/** Who an email is for: a school's digest or a trust's roll-up. Shared by the HTML and text frames. */
export interface Audience {
  /** `Schoolwatch daily digest` or `Schoolwatch trust roll-up`. */
  kicker: string;
  /** Shown after the kicker (the trust's name on a school digest). */
  kickerSuffix?: string;
  /** The big heading: the school's or the trust's name. */
  title: string;
  /** `Europe/London` or `each school's timezone`. */
  timesIn: string;
  /** `the school` / `the trust`. */
  keepWithin: string;
  /** `a digest recipient for Northgate Park Academy`, with the name kept apart so HTML can escape it. */
  listedAs: { role: string; name: string };
  /** `digest` / `roll-up`. */
  noun: string;
}

function schoolAudience(school: School, trustName?: string): Audience {
  return {
    kicker: 'Schoolwatch daily digest',
    kickerSuffix: trustName,
    title: school.name,
    timesIn: school.timezone,
    keepWithin: 'the school',
    listedAs: { role: 'a digest recipient', name: school.name },
    noun: 'digest',
  };
}

function evidenceNote(a: Audience): string {
  return `Times are shown in ${a.timesIn} with their offset from UTC. Each item is kept as evidence: the web address, when it was published and captured, and the text as captured. The attached CSV is the evidence log for this ${a.noun}. ${MASKED_NOTE}`;
}

function privacyNote(a: Audience, name: (s: string) => string): string {
  return `This email may contain personal information about pupils or staff. Please do not forward it outside ${a.keepWithin}. You receive it because you are listed as ${a.listedAs.role} for ${name(oneLine(a.listedAs.name))} in Schoolwatch; the recipients and the time of day are set in the admin console.`;
}

interface Frame {
  allClear: boolean;
  subject: string;
  preheader: string;
  audience: Audience;
  localDate: string;
  body: string;
}

export function frameHtml(f: Frame): string {
  const a = f.audience;
  const suffix = a.kickerSuffix ? oneLine(a.kickerSuffix) : '';
  return `<!DOCTYPE html>
<html lang="en-GB" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(f.subject)}</title>
<!--[if mso]><style>table,td,p,h1,h2,a,span{font-family:Arial,Helvetica,sans-serif !important;}</style><![endif]-->
<style>
@media only screen and (max-width:480px){ .sw-pad{padding-left:12px !important;padding-right:12px !important;} }
</style>
</head>
<body style="margin:0;padding:0;background-color:#eef0f3;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:#eef0f3;">${escapeHtml(f.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#eef0f3" style="background-color:#eef0f3;">
<tr><td align="center" style="padding:16px 8px 24px 8px;">
<!--[if mso]><table role="presentation" width="640" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;width:100%;background-color:#ffffff;border:1px solid #dde1e6;">
<tr><td bgcolor="#1f3a5f" style="background-color:#1f3a5f;padding:18px 24px;" class="sw-pad">
<p style="margin:0 0 4px 0;font-family:${FONT};font-size:12px;line-height:16px;letter-spacing:1px;text-transform:uppercase;color:#c7d4e6;">${escapeHtml(a.kicker)}${suffix ? ` · ${escapeWrap(suffix)}` : ''}</p>
<h1 style="margin:0;font-family:${FONT};font-size:22px;line-height:28px;font-weight:bold;color:#ffffff;word-break:break-word;">${escapeWrap(oneLine(a.title))}</h1>
<p style="margin:4px 0 0 0;font-family:${FONT};font-size:14px;line-height:20px;color:#e3e9f2;">${escapeHtml(formatLocalDate(f.localDate))}</p>
</td></tr>
${f.body}
<tr><td style="padding:16px 24px 20px 24px;border-top:1px solid #e4e7ec;background-color:#f9fafb;" class="sw-pad">
${f.allClear ? '' : `<p style="margin:0 0 6px 0;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};">${escapeHtml(evidenceNote(a))}</p>`}
<p style="margin:0;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};">${privacyNote(a, escapeWrap)}</p>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Plain text

const RULE = '-'.repeat(64);

export function itemText(v: ItemView): string[] {
  const sev = (v.severity ?? 'unrated').toUpperCase();
  const lines: string[] = [];
  lines.push(`${v.index}. [${sev}] ${v.titlePieces.length ? piecesText(v.titlePieces) : '(no title)'}`);
  if (v.families.length) lines.push(`   Family: ${v.families.map((f) => FAMILY_LABEL[f]).join(', ')}`);
  lines.push(`   Source: ${v.host ? `${v.host}${v.hostFromFeed ? ' (feed)' : ''}` : 'unknown'}${v.author ? `, by ${v.author}` : ''}`);
  if (v.href) lines.push(`   Web address: ${v.href}`);
  else if (v.rawAddress) lines.push(`   Web address (not a web link; shown as text only): ${v.rawAddress}`);
  else lines.push('   Web address: none given by the feed');
  lines.push(`   Published: ${v.published ?? 'not given by the feed'}`);
  lines.push(`   Captured: ${v.captured}`);
  if (v.alerted) lines.push(`   Urgent alert: alerted at ${v.alerted}`);
  if (v.excerpt.length) {
    lines.push('   Excerpt:');
    lines.push(`     "${piecesText(v.excerpt)}"`);
  } else {
    lines.push('   Excerpt: (no text captured)');
  }
  if (v.explanation) lines.push(`   Why flagged: ${v.explanation}`);
  for (const c of v.categories) {
    lines.push(`   - ${c.label} (${FAMILY_LABEL[c.family] ?? c.family}, ${c.severity})${c.reason ? `: ${c.reason}` : ''}`);
    if (c.policyClause) lines.push(`     Policy: ${c.policyClause}`);
  }
  if (v.matchReason) lines.push(`   Why this school: ${v.matchReason}`);
  if (v.snapshotUrl) lines.push(`   Sign in to see the full snapshot: ${v.snapshotUrl}`);
  return lines;
}

export function headerText(a: Audience, localDate: string): string[] {
  return [`${a.kicker}${a.kickerSuffix ? ` - ${oneLine(a.kickerSuffix)}` : ''}`, oneLine(a.title), formatLocalDate(localDate), ''];
}

export function footerText(a: Audience, allClear: boolean): string[] {
  return [RULE, ...(allClear ? [] : [evidenceNote(a), '']), privacyNote(a, (s) => s), ''];
}

/** The trust-wide (or school-wide) count lines of the text part. */
function countsText(counts: DigestCounts): string[] {
  const lines: string[] = [];
  for (const f of FAMILIES) {
    const fs = counts.byFamilySeverity[f];
    lines.push(`  ${FAMILY_LABEL[f]}: ${counts.byFamily[f]} (high ${fs.high}, medium ${fs.medium}, low ${fs.low})`);
  }
  lines.push('A mention can fall into more than one family.', '', 'Most serious first. Evidence words are marked [[like this]].', '');
  return lines;
}

/** Headline, counts table and the reading note: the top of every email that lists mentions. */
function introHtml(headline: string, counts: DigestCounts): string {
  return `<tr><td style="padding:20px 24px 8px 24px;" class="sw-pad">
<p style="margin:0 0 12px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:#101828;">${escapeHtml(headline)}</p>
${summaryHtml(counts)}
<p style="margin:14px 0 4px 0;font-family:${FONT};font-size:13px;line-height:19px;color:${MUTED};">Most serious first. Evidence words are <mark style="${MARK_STYLE}">highlighted</mark>.</p>
</td></tr>`;
}

function moreNoteFor(hidden: number, where = 'the attached evidence log (CSV) and on the flagged-items page'): string {
  return hidden > 0 ? `${plural(hidden, 'more mention')} ${hidden === 1 ? 'is' : 'are'} not shown here; ${hidden === 1 ? 'it is' : 'they are'} in ${where}.` : '';
}

function moreNoteHtml(note: string): string {
  return note ? `<tr><td style="padding:0 24px 16px 24px;" class="sw-pad"><p style="${P}font-weight:bold;">${escapeHtml(note)}</p></td></tr>` : '';
}

// ---------------------------------------------------------------------------------------------

export function renderDigest(input: RenderDigestInput): RenderedDigest {
  const { school, trustName, localDate } = input;
  const audience = schoolAudience(school, trustName);
  // Everything below works on masked copies: personal details never reach an email or its attachment.
  const all = sortMentions(input.mentions.map(maskMention));
  // A new Ofsted report has its own section, flagged or not; the counts and item cards are the other mentions.
  const reports = all.filter(isOfstedReport);
  const sorted = all.filter((m) => !isOfstedReport(m));
  const counts = countMentions(sorted);
  const subject = buildSubject(school, counts, localDate, ofstedSubjectPart(reports));
  const csv = maskedEvidenceCsv(all, () => school.name);
  const base = baseUrl(input.webBaseUrl);

  if (all.length === 0) {
    // Shown whenever there is nothing to list; whether to send it at all is shouldSendDigest().
    const msg = `Nothing new was flagged for ${oneLine(school.name)} since the last digest.`;
    const body = `<tr><td style="padding:20px 24px 8px 24px;" class="sw-pad">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="background-color:#ecfdf3;border-left:5px solid #067647;padding:14px 16px;">
<p style="margin:0 0 4px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:#054f31;">All clear</p>
<p style="margin:0;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;">${escapeWrap(msg)}</p>
</td></tr></table>
</td></tr>
<tr><td style="padding:8px 24px 20px 24px;" class="sw-pad"><p style="${P}color:${MUTED};">You get this all-clear email because it is switched on for this school. Schoolwatch keeps checking the school's feeds every day; anything flagged will appear in the next digest.</p></td></tr>`;
    const html = frameHtml({ allClear: true, subject, preheader: `All clear: ${msg}`, audience, localDate, body });
    const text = [...headerText(audience, localDate), 'ALL CLEAR', msg, '', 'You get this all-clear email because it is switched on for this school. Schoolwatch keeps checking the school\'s feeds every day; anything flagged will appear in the next digest.', '', ...footerText(audience, true)].join('\n');
    return { subject, html, text, csv, kind: 'all-clear', counts };
  }

  const maxItems = Math.max(1, input.maxItems ?? 50);
  const shown = sorted.slice(0, maxItems);
  const hidden = sorted.length - shown.length;
  const views = shown.map((m, i) => itemView(m, i + 1, school, base));
  const sevLine = severitySummary(counts);
  const headline = `${plural(counts.total, 'new flagged mention')}${sevLine ? `: ${sevLine}` : ''}`;
  const moreNote = moreNoteFor(hidden);

  const body = `${ofstedSectionHtml(reports, base)}
${sorted.length ? `${introHtml(headline, counts)}
${views.map((v) => itemHtml(v)).join('\n')}
${moreNoteHtml(moreNote)}` : ''}`;

  const html = frameHtml({ allClear: false, subject, preheader: sorted.length ? headline : ofstedSubjectPart(reports), audience, localDate, body });

  const text: string[] = [...headerText(audience, localDate), ...ofstedSectionText(reports, base), ...(sorted.length ? [headline, ...countsText(counts)] : [])];
  for (const v of views) text.push(RULE, ...itemText(v), '');
  if (moreNote) text.push(RULE, moreNote, '');
  text.push(...footerText(audience, false));

  return { subject, html, text: text.join('\n'), csv, kind: 'digest', counts };
}

/** The evidence log of already-masked mentions, with the masks' padding squeezed out of the titles. */
export function maskedEvidenceCsv(masked: ReadonlyArray<Mention>, schoolName: (m: Mention) => string | undefined): string {
  return evidenceCsv(masked.map((m) => ({ ...m, title: compactMasked(m.title ?? '') })), { schoolName, bom: true });
}

/** `schoolwatch-northgate-2026-03-30.csv` */
export function digestCsvFilename(school: Pick<School, 'id'>, localDate: string): string {
  const safeDate = /^\d{4}-\d{2}-\d{2}$/.test(localDate) ? localDate : 'digest';
  return `schoolwatch-${school.id}-${safeDate}-evidence.csv`;
}

/** The mail for a rendered digest: both parts plus the evidence-log CSV attachment (none for all-clear mail). */
export function digestMail(opts: {
  from: string;
  school: School;
  localDate: string;
  rendered: Pick<RenderedDigest, 'subject' | 'html' | 'text' | 'csv'> & { kind?: RenderedDigest['kind'] };
  /** Send to these instead of all of `school.recipients` (e.g. without suppressed addresses). */
  to?: string[];
}): OutgoingMail {
  const attachment: MailAttachment = {
    filename: digestCsvFilename(opts.school, opts.localDate),
    contentType: 'text/csv; charset=utf-8',
    content: opts.rendered.csv,
  };
  return {
    from: opts.from,
    to: [...(opts.to ?? opts.school.recipients)],
    subject: opts.rendered.subject,
    html: opts.rendered.html,
    text: opts.rendered.text,
    attachments: opts.rendered.kind === 'all-clear' ? [] : [attachment],
  };
}

// ---------------------------------------------------------------------------------------------
// Trust roll-up: every school's new hits in one email, grouped by school, with the same item cards.

export interface RollupGroup {
  school: School;
  mentions: Mention[];
}

export interface RenderRollupInput {
  trust: { id: string; name: string };
  groups: RollupGroup[];
  /** The trust's local date the roll-up is for, `YYYY-MM-DD`. */
  localDate: string;
  webBaseUrl?: string;
  /** Items shown in full across all schools; the rest are counted and are in the CSV. Default 50. */
  maxItems?: number;
}

export interface RenderedRollup {
  subject: string;
  html: string;
  text: string;
  csv: string;
  kind: 'rollup';
  counts: DigestCounts;
  /** Mentions per school id (schools with none are listed as quiet). */
  perSchool: Record<string, number>;
}

function highestSeverity(mentions: ReadonlyArray<Mention>): number {
  return mentions.reduce((best, m) => Math.max(best, severityRank(mentionSeverity(m))), 0);
}

function countLine(c: DigestCounts): string {
  const sev = severitySummary(c);
  return `${plural(c.total, 'new flagged mention')}${sev ? ` (${sev})` : ''}`;
}

export function renderRollup(input: RenderRollupInput): RenderedRollup {
  const { trust, localDate } = input;
  const base = baseUrl(input.webBaseUrl);
  // Schools with the most serious hits first, then by name; each school's hits most serious first.
  const groups = input.groups
    .map((g) => ({ school: g.school, mentions: sortMentions(g.mentions.map(maskMention)) }))
    .sort((a, b) => highestSeverity(b.mentions) - highestSeverity(a.mentions) || b.mentions.length - a.mentions.length || a.school.name.localeCompare(b.school.name));
  const active = groups.filter((g) => g.mentions.length > 0);
  const quiet = groups.filter((g) => g.mentions.length === 0);
  const all = active.flatMap((g) => g.mentions);
  // New Ofsted reports are listed in their school's section, flagged or not; the counts are the other mentions.
  const reports = all.filter(isOfstedReport);
  const counts = countMentions(all.filter((m) => !isOfstedReport(m)));
  const names = new Map(groups.map((g) => [g.school.id, g.school.name]));
  const csv = maskedEvidenceCsv(all, (m) => names.get(m.schoolId));
  const sev = severitySummary(counts);
  const ofstedPart = ofstedSubjectPart(reports);
  const subject = sanitiseSubject(
    `${trust.name}: ${ofstedPart ? `${ofstedPart}; ` : ''}${plural(counts.total, 'flagged mention')} across ${plural(active.length, 'school')}${sev ? ` (${sev})` : ''} – ${formatLocalDate(localDate)}`,
  );
  const audience: Audience = {
    kicker: 'Schoolwatch trust roll-up',
    title: trust.name,
    timesIn: active.length === 1 ? active[0]!.school.timezone : "each school's timezone",
    keepWithin: 'the trust',
    listedAs: { role: 'a roll-up recipient', name: trust.name },
    noun: 'roll-up',
  };
  const headline = `${plural(counts.total, 'new flagged mention')} across ${plural(active.length, 'school')}${sev ? `: ${sev}` : ''}`;

  let budget = Math.max(1, input.maxItems ?? 50);
  let index = 0;
  const sections = active.map((g) => {
    const others = g.mentions.filter((m) => !isOfstedReport(m));
    const shown = others.slice(0, Math.max(0, budget));
    budget -= shown.length;
    const views = shown.map((m) => itemView(m, ++index, g.school, base));
    return { school: g.school, counts: countMentions(others), views, hidden: others.length - shown.length, reports: g.mentions.filter(isOfstedReport) };
  });
  const schoolLine = (sec: (typeof sections)[number]) => `${countLine(sec.counts)}${sec.reports.length ? `; ${ofstedSubjectPart(sec.reports)}` : ''}`;
  const quietNote = quiet.length ? `Nothing new flagged for ${quiet.map((g) => oneLine(g.school.name)).join(', ')}.` : '';
  const H2 = `margin:0;font-family:${FONT};font-size:18px;line-height:24px;font-weight:bold;color:#101828;word-break:break-word;`;

  const schoolRows = sections
    .map((s) => `<tr><td align="left" style="padding:4px 8px;font-family:${FONT};font-size:14px;line-height:20px;color:#1f2937;">${escapeWrap(oneLine(s.school.name))}</td>${SEVERITIES.map((v) => `<td align="center" style="padding:4px 8px;font-family:${FONT};font-size:14px;line-height:20px;color:#1f2937;">${s.counts.bySeverity[v]}</td>`).join('')}<td align="center" style="padding:4px 8px;font-family:${FONT};font-size:14px;line-height:20px;font-weight:bold;color:#1f2937;">${s.counts.total}</td></tr>`)
    .join('');
  const th = (t: string, align = 'center') => `<th scope="col" align="${align}" style="padding:4px 8px;font-family:${FONT};font-size:12px;line-height:16px;color:${MUTED};font-weight:bold;border-bottom:1px solid #d0d5dd;text-align:${align};">${t}</th>`;
  const bySchoolHtml = `<tr><td style="padding:4px 24px 12px 24px;" class="sw-pad"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${th('School', 'left')}${th('High')}${th('Medium')}${th('Low')}${th('Total')}</tr>${schoolRows}</table>${quietNote ? `<p style="margin:8px 0 0 0;font-family:${FONT};font-size:13px;line-height:19px;color:${MUTED};">${escapeWrap(quietNote)}</p>` : ''}</td></tr>`;

  const body = `${introHtml(headline, counts)}
${bySchoolHtml}
${sections
  .map(
    (s) => `<tr><td style="padding:16px 24px 10px 24px;border-top:2px solid #1f3a5f;" class="sw-pad"><h2 style="${H2}">${escapeWrap(oneLine(s.school.name))}</h2><p style="margin:2px 0 0 0;font-family:${FONT};font-size:13px;line-height:19px;color:${MUTED};">${escapeHtml(schoolLine(s))} · times in ${escapeHtml(s.school.timezone)}</p></td></tr>
${ofstedSectionHtml(s.reports, base)}
${s.views.map((v) => itemHtml(v)).join('\n')}
${moreNoteHtml(moreNoteFor(s.hidden))}`,
  )
  .join('\n')}`;
  const html = frameHtml({ allClear: false, subject, preheader: headline, audience, localDate, body });

  const text: string[] = [...headerText(audience, localDate), headline, ...countsText(counts)];
  for (const s of sections) text.push(`  ${oneLine(s.school.name)}: ${schoolLine(s)}`);
  if (quietNote) text.push(`  ${quietNote}`);
  text.push('');
  for (const s of sections) {
    text.push('='.repeat(64), `${oneLine(s.school.name).toUpperCase()} (times in ${s.school.timezone})`, '', ...ofstedSectionText(s.reports, base));
    for (const v of s.views) text.push(RULE, ...itemText(v), '');
    const more = moreNoteFor(s.hidden);
    if (more) text.push(RULE, more, '');
  }
  text.push(...footerText(audience, false));

  return { subject, html, text: text.join('\n'), csv, kind: 'rollup', counts, perSchool: Object.fromEntries(groups.map((g) => [g.school.id, g.mentions.length])) };
}

/** The roll-up mail: both parts plus the trust-wide evidence-log CSV. */
export function rollupMail(opts: { from: string; trustId: string; localDate: string; to: string[]; rendered: Pick<RenderedRollup, 'subject' | 'html' | 'text' | 'csv'> }): OutgoingMail {
  return {
    from: opts.from,
    to: [...opts.to],
    subject: opts.rendered.subject,
    html: opts.rendered.html,
    text: opts.rendered.text,
    attachments: [{ filename: digestCsvFilename({ id: `trust-${opts.trustId}` }, opts.localDate), contentType: 'text/csv; charset=utf-8', content: opts.rendered.csv }],
  };
}
