import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { decodeGiasBytes, type GiasEncoding } from './decode';
import type { GiasRecord } from './types';

/** The file is not an all-establishments extract (or not a CSV at all); the message says what to use instead. */
export class GiasFormatError extends Error {
  override readonly name = 'GiasFormatError';
}

/** GiasRecord field ← the extract's own column header. Mapped by name: the extract's column order changes over time. */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  status: 'EstablishmentStatus (name)',
  type: 'TypeOfEstablishment (name)',
  phase: 'PhaseOfEducation (name)',
  street: 'Street',
  locality: 'Locality',
  address3: 'Address3',
  town: 'Town',
  postcode: 'Postcode',
  phone: 'TelephoneNum',
  website: 'SchoolWebsite',
  headTitle: 'HeadTitle (name)',
  headFirstName: 'HeadFirstName',
  headLastName: 'HeadLastName',
  localAuthority: 'LA (name)',
  trust: 'Trusts (name)',
} as const satisfies Record<keyof GiasRecord, string>;

const REQUIRED = [GIAS_COLUMNS.urn, GIAS_COLUMNS.name] as const;
const URN = /^\d{6}$/;
const MAX_SKIP_EXAMPLES = 20;

export interface GiasProgress {
  /** Data rows read so far (the header not counted). */
  rowsRead: number;
}

export interface GiasSkippedRow {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  reason: string;
}

export interface GiasParseReport {
  /** Data rows read. */
  rows: number;
  /** Rows turned into records. */
  records: number;
  /** Rows left out, by reason ("no URN", "URN is not six digits", "wrong number of fields"). */
  skippedByReason: Record<string, number>;
  skipped: number;
  /** The first few skipped rows, for the summary. */
  skippedExamples: GiasSkippedRow[];
  encoding: GiasEncoding;
  /** How many columns the header had (≈140 in the real extract). */
  columns: number;
}

export interface ParseGiasOptions {
  onRecord(record: GiasRecord): void;
  onProgress?(progress: GiasProgress): void;
  /** Call onProgress every this many rows. Default 5 000. */
  progressEvery?: number;
}

/**
 * Reads the all-establishments extract (edubasealldataYYYYMMDD.csv) as a stream and hands each row on as a
 * GiasRecord; nothing but the current row is held. Closed establishments are kept with their status (a school
 * that closed is still looked up by URN). A row without a usable URN is counted and reported, not fatal; a file
 * without the URN and EstablishmentName headers is refused with GiasFormatError before any record is passed on.
 */
export async function parseGiasExtract(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: ParseGiasOptions): Promise<GiasParseReport> {
  const every = options.progressEvery ?? 5_000;
  const report: GiasParseReport = { rows: 0, records: 0, skippedByReason: {}, skipped: 0, skippedExamples: [], encoding: 'utf-8', columns: 0 };
  const skip = (line: number, reason: string) => {
    report.skipped++;
    report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
    if (report.skippedExamples.length < MAX_SKIP_EXAMPLES) report.skippedExamples.push({ line, reason });
  };

  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    // A stray quote inside an unquoted field is common in hand-edited copies; keep the text as it is.
    relax_quotes: true,
    skip_empty_lines: true,
    // The real extract's longest field is a few hundred characters; this stops a file with an unclosed
    // quote from swallowing the rest of the file into one field.
    max_record_size: 64 * 1024,
  });
  const feeding = pipeline(Readable.from(decodeGiasBytes(source, (e) => (report.encoding = e))), parser);
  feeding.catch(() => {}); // its error also ends the iteration below, which reports it

  let index: Partial<Record<keyof GiasRecord, number>> | undefined;
  let width = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!index) {
        const headers = record.map((h) => h.trim());
        const missing = REQUIRED.filter((h) => !headers.includes(h));
        if (missing.length) throw notAnExtract(missing, headers);
        index = {};
        for (const [field, header] of Object.entries(GIAS_COLUMNS) as [keyof GiasRecord, string][]) {
          const at = headers.indexOf(header);
          if (at !== -1) index[field] = at;
        }
        width = headers.length;
        report.columns = width;
        continue;
      }
      report.rows++;
      if (report.rows % every === 0) options.onProgress?.({ rowsRead: report.rows });
      // info.lines is the line the record ends on; a quoted field can span lines, so count back is not exact.
      const line = info.lines;
      if (record.length !== width) {
        if (record.length === 1 && record[0]!.trim() === '') continue;
        skip(line, 'wrong number of fields');
        continue;
      }
      const urn = (record[index.urn!] ?? '').trim();
      if (!urn) {
        skip(line, 'no URN');
        continue;
      }
      if (!URN.test(urn)) {
        skip(line, 'URN is not six digits');
        continue;
      }
      const out: GiasRecord = { urn, name: '' };
      for (const [field, at] of Object.entries(index) as [keyof GiasRecord, number][]) {
        if (field === 'urn') continue;
        const value = cleanValue(record[at]);
        if (value !== undefined) out[field] = value;
      }
      if (!out.name) {
        skip(line, 'no establishment name');
        continue;
      }
      report.records++;
      options.onRecord(out);
    }
    if (!index) throw new GiasFormatError('The file is empty, so it is not a GIAS extract. Download the all-establishments file (edubasealldataYYYYMMDD.csv) from https://get-information-schools.service.gov.uk/Downloads and import that.');
  } catch (err) {
    parser.destroy();
    if (err instanceof CsvError) {
      throw new GiasFormatError(
        `The file could not be read as CSV near line ${String((err as CsvError & { lines?: number }).lines ?? '?')}: ${err.message}. The GIAS extract is a plain comma-separated file; if it was opened and re-saved in a spreadsheet, download it again from https://get-information-schools.service.gov.uk/Downloads and import the downloaded file unchanged.`,
        { cause: err },
      );
    }
    throw err;
  }
  await feeding.catch((err: unknown) => {
    throw err instanceof CsvError ? new GiasFormatError(`The file could not be read as CSV: ${err.message}.`, { cause: err }) : err;
  });
  return report;
}

/** GIAS writes "Not applicable" where there is nothing (no trust, no head title); that is not a value. */
function cleanValue(raw: string | undefined): string | undefined {
  const v = raw?.replace(/\s+/g, ' ').trim();
  if (!v || v === 'Not applicable' || v === 'Not recorded') return undefined;
  return v;
}

function notAnExtract(missing: readonly string[], headers: string[]): GiasFormatError {
  const seen = headers.slice(0, 5).filter(Boolean).map((h) => JSON.stringify(h.slice(0, 40)));
  const looksHtml = /^<(!doctype|html)/i.test(headers[0] ?? '');
  return new GiasFormatError(
    `This is not a GIAS all-establishments extract: its first line has no ${missing.map((m) => `"${m}"`).join(' or ')} column` +
      (looksHtml ? ' (it looks like a web page, not a CSV file)' : seen.length ? ` (it starts ${seen.join(', ')})` : '') +
      '. Download "All establishment data" (edubasealldataYYYYMMDD.csv) from https://get-information-schools.service.gov.uk/Downloads and import that file.',
  );
}
