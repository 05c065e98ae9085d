/**
 * Evidence-log CSV: RFC 4180 quoting, CRLF line ends, and safe to open in a spreadsheet
 * (cells that a spreadsheet would run as a formula are prefixed with a single quote).
 */
import type { Mention } from '../store/types';
import { categoryName, familyName } from './vocabulary';

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make Excel, LibreOffice and Google Sheets treat a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised against formula injection and quoted per RFC 4180 when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark so Excel reads accents and £ correctly. Default false. */
  bom?: boolean;
}

/** Rows (first row = header) to CSV text with CRLF line ends and a trailing CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, options: CsvOptions = {}): string {
  const body = rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${body}${rows.length ? '\r\n' : ''}`;
}

/** A mention as the evidence log needs it: review fields are there when the caller read them (the web list). */
export type EvidenceCsvMention = Mention & { assignee?: string; alertedAt?: string };

interface Column {
  header: string;
  value: (m: EvidenceCsvMention, schoolName: string) => CsvCell;
}

/**
 * The evidence-log columns, one definition for the web export and every email attachment (digest, roll-up,
 * urgent alert), so the two logs can be put side by side. Email copies pass masked mentions.
 */
export const EVIDENCE_COLUMNS: readonly Column[] = [
  { header: 'School', value: (_m, school) => school },
  { header: 'Captured at (UTC)', value: (m) => m.capturedAt },
  { header: 'Published at (UTC)', value: (m) => m.publishedAt ?? '' },
  // The cleaned address (tracking parameters removed, aggregator redirects unwrapped), as the web page shows it.
  { header: 'Web address', value: (m) => m.canonicalUrl ?? m.url ?? '' },
  { header: 'Title', value: (m) => m.title },
  { header: 'Families', value: (m) => (m.families?.length ? m.families : (m.score?.families ?? [])).map(familyName).join('; ') },
  { header: 'Categories', value: (m) => (m.score?.categories ?? []).map(categoryName).join('; ') },
  { header: 'Severity', value: (m) => m.severity ?? m.score?.severity ?? '' },
  { header: 'Status', value: (m) => m.status ?? '' },
  { header: 'Assignee', value: (m) => m.assignee ?? '' },
  { header: 'Urgent alert sent at (UTC)', value: (m) => m.alertedAt ?? '' },
  { header: 'SHA-256 of captured text', value: (m) => m.textSha256 },
  { header: 'Source feed', value: (m) => m.feedUrl },
  { header: 'Mention id', value: (m) => m.id },
];

export const EVIDENCE_CSV_HEADER: readonly string[] = EVIDENCE_COLUMNS.map((c) => c.header);

export interface EvidenceCsvOptions extends CsvOptions {
  /** School name per mention (by `schoolId`); falls back to the school id. */
  schoolName?: string | ((mention: Mention) => string | undefined);
}

/**
 * The evidence log for a set of mentions, one row each, in the order given.
 * Times are as stored (ISO-8601 UTC). Callers that email it pass masked mentions (lib/privacy/mask).
 */
export function evidenceCsv(mentions: ReadonlyArray<EvidenceCsvMention>, options: EvidenceCsvOptions = {}): string {
  const nameOf = (m: Mention): string => {
    const n = typeof options.schoolName === 'function' ? options.schoolName(m) : options.schoolName;
    return n ?? m.schoolId;
  };
  const rows: CsvCell[][] = [[...EVIDENCE_CSV_HEADER]];
  for (const m of mentions) rows.push(EVIDENCE_COLUMNS.map((c) => c.value(m, nameOf(m))));
  return toCsv(rows, options);
}
