/**
 * Reads an Ofsted provider page (https://reports.ofsted.gov.uk/provider/21/<URN>): the reports listed in its
 * "All reports" timeline (newest first) and the judgements of the latest inspection shown above it, in either
 * layout: graded judgements (Outstanding … Inadequate, to 2025) or a report card (areas graded Exceptional …
 * Urgent improvement, from November 2025). Pure: bytes in, a value out; no clock, no I/O.
 *
 * The selectors follow the page's markup (`subjudgements__overall`, `subjudgements__rates__item`,
 * `timeline__day`, report files on files.ofsted.gov.uk), found from public scrapers of the page; the fixtures in
 * test/fixtures/ofsted are written in that layout. A page we cannot read is an OfstedPageError value, never a throw.
 */
import { parseHTML } from 'linkedom';
import { decodeText } from '../feeds/charset';
import { gradeInfo, isNeutralGrade, type OfstedLayout } from './grades';

export interface OfstedJudgement {
  /** The area or judgement as the page names it ("Quality of education", "Inclusion", "Overall effectiveness"). */
  area: string;
  /** The grade as the page writes it ("Requires improvement", "Needs attention"). */
  grade: string;
  /** Below good, or needs attention / urgent improvement. */
  concern: boolean;
  severe: boolean;
}

export interface OfstedReport {
  /** Stable id: the report file's number on files.ofsted.gov.uk, else its address. Dedupe key. */
  id: string;
  /** Absolute address of the report (PDF or web page). */
  link: string;
  /** The timeline's title for it ("School report", "Report card"). */
  title: string;
  /** "Full inspection", "Ungraded inspection", "Monitoring inspection", "Report card inspection"… when the page says. */
  inspectionType?: string;
  /** YYYY-MM-DD. */
  inspectionDate?: string;
  /** YYYY-MM-DD. */
  publishedDate?: string;
  /** The judgements shown on the page when they belong to this report (the latest inspection); else empty. */
  judgements: OfstedJudgement[];
  layout?: OfstedLayout;
}

export type OfstedPage = { kind: 'reports'; providerName?: string; reports: OfstedReport[] } | { kind: 'no-reports'; providerName?: string };

/** The page is not the Ofsted provider page layout Schoolwatch knows. Nothing was recorded; the next check tries again. */
export class OfstedPageError extends Error {
  override readonly name = 'OfstedPageError';
  constructor(
    message: string,
    readonly pageUrl: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type OfstedParseResult = { ok: true; page: OfstedPage } | { ok: false; error: OfstedPageError };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** "26 April 2022", "26 Apr 2022", "2022-04-26" → "2022-04-26"; anything else undefined. */
export function parseOfstedDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
  return month ? valid(Number(m[3]), month, Number(m[1])) : undefined;
}

function valid(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

type El = { textContent: string | null; getAttribute(n: string): string | null; querySelector(s: string): El | null; querySelectorAll(s: string): Iterable<El> };

const text = (el: El | null | undefined) => (el?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

/** A report file or report page, as opposed to a link to Parent View, a map or the site's help. */
function isReportLink(href: string): boolean {
  return /files\.ofsted\.gov\.uk\/v1\/file\/\d+/i.test(href) || /\.pdf(?:$|[?#])/i.test(href) || /\/provider\/files\//i.test(href) || /\/report-card\//i.test(href);
}

function reportId(link: string): string {
  const file = /files\.ofsted\.gov\.uk\/v1\/file\/(\d+)/i.exec(link) ?? /\/provider\/files\/(\d+)/i.exec(link) ?? /\/report-card\/(\d+)/i.exec(link);
  return file ? file[1]! : link;
}

const TYPE_PATTERN = /\b((?:full|ungraded|short|monitoring|section [58]|graded|report card|urgent|no formal designation|focused|additional)\b[\w\s-]{0,30}?\binspection)\b/i;

function dateOf(el: El | null): string | undefined {
  if (!el) return undefined;
  return parseOfstedDate(el.getAttribute('datetime')) ?? parseOfstedDate(text(el));
}

function readJudgements(root: El): { judgements: OfstedJudgement[]; unknown: string[]; date?: string } {
  const judgements: OfstedJudgement[] = [];
  const unknown: string[] = [];
  let date: string | undefined;
  const add = (area: string, grade: string) => {
    if (!grade) return;
    const info = gradeInfo(grade);
    if (!info && !isNeutralGrade(grade)) unknown.push(`${area}: ${grade}`);
    judgements.push({ area, grade: info?.grade ?? grade, concern: info?.concern ?? false, severe: info?.severe ?? false });
  };
  for (const overall of root.querySelectorAll('.subjudgements__overall')) {
    const intro = text(overall.querySelector('p'));
    date ??= parseOfstedDate(/inspection on (.+?) was/i.exec(intro)?.[1]) ?? dateOf(overall.querySelector('time'));
    add('Overall effectiveness', text(overall.querySelector('strong')));
  }
  for (const item of root.querySelectorAll('.subjudgements__rates__item, .subjudgements__safeguarding, .report-card__area')) {
    const label = text(item.querySelector('p, dt, h3, .report-card__area-name')).replace(/:\s*$/, '');
    const grade = text(item.querySelector('strong, dd, .report-card__grade'));
    if (label) add(label, grade);
  }
  date ??= dateOf(root.querySelector('.report-card__date time, .report-card__date, .subjudgements time'));
  return { judgements, unknown, date };
}

function layoutOf(judgements: OfstedJudgement[]): OfstedLayout | undefined {
  const layouts = new Set(judgements.map((j) => gradeInfo(j.grade)?.layout).filter(Boolean));
  return layouts.has('report-card') ? 'report-card' : layouts.has('graded') ? 'graded' : undefined;
}

/** Reads a provider page. `pageUrl` is where it was served from (relative report links resolve against it). */
export function parseOfstedPage(bytes: Uint8Array, options: { pageUrl: string; contentType?: string }): OfstedParseResult {
  const fail = (what: string) =>
    ({
      ok: false,
      error: new OfstedPageError(
        `${options.pageUrl} is not an Ofsted provider page Schoolwatch can read: ${what}. Open the address in a browser: if it shows the school's inspection reports, Ofsted has changed the page layout and Schoolwatch needs updating (lib/ofsted/parse.ts); if not, check the school's URN.`,
        options.pageUrl,
      ),
    }) as const;
  let html: string;
  try {
    html = decodeText(bytes, options.contentType);
  } catch (err) {
    return { ok: false, error: new OfstedPageError(`${options.pageUrl} could not be read as text (${(err as Error).message}). Check the school's URN.`, options.pageUrl, { cause: err }) };
  }
  if (!/<html|<body|<main|<div/i.test(html)) return fail('it is not an HTML page');
  const { document } = parseHTML(html);
  const doc = document as unknown as El;
  const providerName = text(doc.querySelector('main h1, h1')) || undefined;

  const days = [...doc.querySelectorAll('.timeline__day')];
  const hasJudgements = !!doc.querySelector('.subjudgements, .report-card');
  const bodyText = text(doc.querySelector('main') ?? doc.querySelector('body'));
  const saysNoReports = /\b(?:no (?:inspection )?reports? (?:are |is )?(?:available|published|yet)|has not (?:yet )?been inspected|not yet been inspected|no reports for this provider)\b/i.test(bodyText);

  if (days.length === 0 && !hasJudgements) {
    if (saysNoReports && providerName) return { ok: true, page: { kind: 'no-reports', providerName } };
    return fail('it has no "All reports" timeline and no judgements');
  }

  const reports: OfstedReport[] = [];
  const seen = new Set<string>();
  for (const day of days) {
    const anchor = [...day.querySelectorAll('a[href]')].find((a) => isReportLink(a.getAttribute('href') ?? ''));
    if (!anchor) continue; // an event without a report: opened, closed, converted to an academy
    let link: string;
    try {
      link = new URL(anchor.getAttribute('href')!, options.pageUrl).href;
    } catch {
      continue;
    }
    const id = reportId(link);
    if (seen.has(id)) continue;
    seen.add(id);
    const dayText = text(day);
    const nonvisual = text(anchor.querySelector('.nonvisual'));
    const title = text(anchor).replace(nonvisual, '').trim() || 'Inspection report';
    const typeEl = day.querySelector('.event__type, .event__subtitle');
    const published = [...day.querySelectorAll('.event__date, .publication-date, p, span')].map(text).find((t) => /^published\b/i.test(t));
    reports.push({
      id,
      link,
      title,
      inspectionType: typeEl ? text(typeEl) : (TYPE_PATTERN.exec(dayText)?.[1]?.replace(/\s+/g, ' ') ?? undefined),
      inspectionDate: dateOf(day.querySelector('.timeline__date time, time')),
      publishedDate: parseOfstedDate(published),
      judgements: [],
    });
  }

  const { judgements, unknown, date } = readJudgements(doc);
  if (hasJudgements && judgements.length === 0) return fail('it has a judgements block with no grades in it');
  if (unknown.length > 0 && !layoutOf(judgements)) return fail(`its grades are not Ofsted grades Schoolwatch knows (${unknown.slice(0, 3).join('; ')})`);

  if (reports.length === 0) {
    if (saysNoReports && providerName) return { ok: true, page: { kind: 'no-reports', providerName } };
    return fail('its timeline lists no report files');
  }
  // Newest first by inspection date (the page lists them so; sorting keeps that if it ever changes). Stable for ties.
  reports.sort((a, b) => (b.inspectionDate ?? '').localeCompare(a.inspectionDate ?? ''));
  // The judgements shown above the timeline are the latest inspection's: give them to the report of that date
  // (an ungraded or monitoring visit since then has no judgements of its own), or to the latest when undated.
  const owner = date ? reports.find((r) => r.inspectionDate === date) : reports[0];
  if (owner && judgements.length) {
    owner.judgements = judgements;
    owner.layout = layoutOf(judgements);
  }
  return { ok: true, page: { kind: 'reports', providerName, reports } };
}
