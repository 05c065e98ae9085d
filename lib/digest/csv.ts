/**
 * Evidence-log CSV: RFC 4180 quoting, CRLF line ends, and safe to open in a spreadsheet
 * (cells that a spreadsheet would run as a formula are prefixed with a single quote).
 */
import type { Mention } from '../store/types';

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

export const EVIDENCE_CSV_HEADER = [
  'School',
  'Captured at (UTC)',
  'Published at',
  'URL',
  'Title',
  'Family',
  'Categories',
  'Severity',
  'SHA-256 of snapshot text',
  'Mention id',
] as const;

export interface EvidenceCsvOptions extends CsvOptions {
  /** School name per mention (by `schoolId`); falls back to the school id. */
  schoolName?: string | ((mention: Mention) => string | undefined);
}

/**
 * The evidence log for a set of mentions, one row each, in the order given.
 * Times are as stored (captured at is ISO-8601 UTC; published at is what the feed said).
 */
export function evidenceCsv(mentions: ReadonlyArray<Mention>, options: EvidenceCsvOptions = {}): string {
  const nameOf = (m: Mention): string => {
    const n = typeof options.schoolName === 'function' ? options.schoolName(m) : options.schoolName;
    return n ?? m.schoolId;
  };
  const rows: CsvCell[][] = [[...EVIDENCE_CSV_HEADER]];
  for (const m of mentions) {
    const families = m.families.length ? m.families : (m.score?.families ?? []);
    const categories = (m.score?.categories ?? []).map((c) => `${c.label} (${c.id})`);
    rows.push([
      nameOf(m),
      m.capturedAt,
      m.publishedAt ?? '',
      m.url ?? m.canonicalUrl ?? '',
      m.title,
      families.join('; '),
      categories.join('; '),
      m.severity ?? m.score?.severity ?? '',
      m.textSha256,
      m.id,
    ]);
  }
  return toCsv(rows, options);
}
