import { gunzipSync, gzipSync } from 'node:zlib';
import type { GiasRecord } from './types';

/**
 * The compact per-URN index: gzip'd JSON lines. Line 1 is the header (format, version, field order, where the
 * data came from); every other line is one establishment as an array in that field order, trailing empty
 * fields dropped, sorted by URN. About 60 bytes a school after gzip, so the whole country (~50 000
 * establishments) is a few MB: one object to store, replaced whole, read in one go.
 */
export const GIAS_INDEX_FORMAT = 'schoolwatch-gias-index';
export const GIAS_INDEX_VERSION = 1;

const FIELDS = [
  'urn', 'name', 'status', 'type', 'phase', 'street', 'locality', 'address3', 'town', 'postcode', 'phone', 'website',
  'headTitle', 'headFirstName', 'headLastName', 'localAuthority', 'trust',
] as const satisfies readonly (keyof GiasRecord)[];

export interface GiasIndexMeta {
  format: typeof GIAS_INDEX_FORMAT;
  version: number;
  fields: string[];
  /** Establishments in the index. */
  count: number;
  /** When this index was built (ISO-8601). */
  importedAt: string;
  /** The file name or URL the extract came from. */
  source: string;
  /** The extract's date (YYYY-MM-DD) when its name carries one (edubasealldataYYYYMMDD.csv). */
  extractDate?: string;
  /** The download's validators, for a conditional GET next time. */
  sourceEtag?: string;
  sourceLastModified?: string;
}

/** A stored index that is not one of ours (or is damaged): the message says how to replace it. */
export class GiasIndexFormatError extends Error {
  override readonly name = 'GiasIndexFormatError';
}

export function encodeGiasIndex(meta: Omit<GiasIndexMeta, 'format' | 'version' | 'fields' | 'count'>, records: Iterable<GiasRecord>): { bytes: Buffer; count: number } {
  const sorted = [...records].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  const head: GiasIndexMeta = { format: GIAS_INDEX_FORMAT, version: GIAS_INDEX_VERSION, fields: [...FIELDS], count: sorted.length, ...meta };
  const lines = [JSON.stringify(head)];
  for (const r of sorted) {
    const row: (string | null)[] = FIELDS.map((f) => r[f] ?? null);
    while (row.length > 2 && row[row.length - 1] === null) row.pop();
    lines.push(JSON.stringify(row));
  }
  return { bytes: gzipSync(`${lines.join('\n')}\n`, { level: 9 }), count: sorted.length };
}

/** The decoded index: rows stay as compact arrays until looked up. */
export interface DecodedGiasIndex {
  meta: GiasIndexMeta;
  rows: Map<string, (string | null)[]>;
}

export function decodeGiasIndex(bytes: Uint8Array, where: string): DecodedGiasIndex {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (err) {
    throw damaged(where, 'it is not gzip data', err);
  }
  const lines = text.split('\n');
  let meta: GiasIndexMeta;
  try {
    meta = JSON.parse(lines[0] ?? '') as GiasIndexMeta;
  } catch (err) {
    throw damaged(where, 'its first line is not JSON', err);
  }
  if (meta?.format !== GIAS_INDEX_FORMAT) throw damaged(where, 'it is not a Schoolwatch GIAS index');
  if (meta.version !== GIAS_INDEX_VERSION) throw damaged(where, `it is version ${String(meta.version)} and this Schoolwatch reads version ${GIAS_INDEX_VERSION}`);
  const urnAt = meta.fields.indexOf('urn');
  const rows = new Map<string, (string | null)[]>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    try {
      const row = JSON.parse(line) as (string | null)[];
      rows.set(row[urnAt]!, row);
    } catch (err) {
      throw damaged(where, `line ${i + 1} is not JSON`, err);
    }
  }
  return { meta, rows };
}

export function rowToRecord(meta: GiasIndexMeta, row: (string | null)[]): GiasRecord {
  const out: Record<string, string> = {};
  meta.fields.forEach((f, i) => {
    const v = row[i];
    if (v !== null && v !== undefined && (FIELDS as readonly string[]).includes(f)) out[f] = v;
  });
  return out as unknown as GiasRecord;
}

/** "edubasealldata20261130.csv" → "2026-11-30". */
export function extractDateOf(source: string): string | undefined {
  const m = /edubasealldata(\d{4})(\d{2})(\d{2})/i.exec(source);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function damaged(where: string, what: string, cause?: unknown): GiasIndexFormatError {
  return new GiasIndexFormatError(`The stored GIAS index at ${where} cannot be read: ${what}. Import the extract again (npm run -s cli -- gias import FILE) to replace it.`, { cause });
}
