import { FeedError } from '../feeds/errors';
import type { SafeFetcher } from '../feeds/fetch';
import { decodeGiasIndex, encodeGiasIndex, extractDateOf, type GiasIndexMeta } from '../gias/index-format';
import type { GiasIndexStore } from '../gias/index-store';
import { GiasFormatError, parseGiasExtract, type GiasProgress, type GiasSkippedRow } from '../gias/parse';
import type { GiasRecord } from '../gias/types';
import type { Logger } from './deps';

export interface GiasImportSummary {
  /** Data rows read from the extract. */
  rows: number;
  /** Establishments in the stored index. */
  indexed: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  skippedExamples: GiasSkippedRow[];
  encoding: string;
  /** Bytes of the stored (gzip'd) index. */
  indexBytes: number;
  where: string;
  source: string;
  extractDate?: string;
  importedAt: string;
}

export interface ImportGiasOptions {
  /** File name or URL, kept in the index header; its edubasealldataYYYYMMDD gives the extract date. */
  source: string;
  clock?: () => Date;
  onProgress?(progress: GiasProgress): void;
  progressEvery?: number;
  /** The download's validators, kept for the next conditional GET. */
  validators?: { etag?: string; lastModified?: string };
  /** Refuse an extract with fewer establishments than this (a truncated download must not replace a full index). */
  minRecords?: number;
}

const DUPLICATE = 'URN repeated (the later row is kept)';

/**
 * Reads an extract as a stream into the compact index and stores it whole. Only the reduced records are held
 * (a few MB for the whole country), never the file. Nothing is written unless the extract read to the end
 * and had establishments in it, so a bad file leaves the previous index as it was.
 */
export async function importGias(store: GiasIndexStore, source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: ImportGiasOptions): Promise<GiasImportSummary> {
  const records = new Map<string, GiasRecord>();
  let duplicates = 0;
  const report = await parseGiasExtract(source, {
    onRecord(r) {
      if (records.has(r.urn)) duplicates++;
      records.set(r.urn, r);
    },
    onProgress: options.onProgress,
    progressEvery: options.progressEvery,
  });
  if (duplicates) report.skippedByReason[DUPLICATE] = duplicates;
  if (records.size === 0) {
    throw new GiasFormatError(`${options.source} has the GIAS columns but no establishments with a usable URN (${report.rows} row(s) read, ${report.skipped} skipped), so the stored index was left as it was. Download the extract again and re-import it.`);
  }
  const minRecords = options.minRecords ?? 1;
  if (records.size < minRecords) {
    throw new GiasFormatError(`${options.source} has only ${records.size} establishments where about ${minRecords * 2} were expected (the download may have been cut short), so the stored index was left as it was.`);
  }
  const importedAt = (options.clock ?? (() => new Date()))().toISOString();
  const extractDate = extractDateOf(options.source);
  const { bytes, count } = encodeGiasIndex(
    {
      importedAt,
      source: options.source,
      ...(extractDate ? { extractDate } : {}),
      ...(options.validators?.etag ? { sourceEtag: options.validators.etag } : {}),
      ...(options.validators?.lastModified ? { sourceLastModified: options.validators.lastModified } : {}),
    },
    records.values(),
  );
  await store.write(bytes);
  return {
    rows: report.rows,
    indexed: count,
    skipped: report.skipped + duplicates,
    skippedByReason: report.skippedByReason,
    skippedExamples: report.skippedExamples,
    encoding: report.encoding,
    indexBytes: bytes.length,
    where: store.where,
    source: options.source,
    ...(extractDate ? { extractDate } : {}),
    importedAt,
  };
}

/** The public download, one file a day: {date} becomes YYYYMMDD. GIAS_EXTRACT_URL overrides it. */
export const DEFAULT_GIAS_EXTRACT_URL = 'https://ea-edubase-api-prod.azurewebsites.net/edubase/downloads/public/edubasealldata{date}.csv';

/** A refresh did not replace the index; the previous one is still in use. The message says why. */
export class GiasRefreshError extends Error {
  override readonly name = 'GiasRefreshError';
}

export type GiasRefreshResult = { kind: 'refreshed'; url: string; summary: GiasImportSummary } | { kind: 'not-modified'; url: string; meta: GiasIndexMeta };

export interface RefreshGiasDeps {
  store: GiasIndexStore;
  /** The guarded fetcher, made with the extract's size cap and deadline (see buildGiasFetcher). */
  fetcher: Pick<SafeFetcher, 'fetchStream'>;
  clock: () => Date;
  log: Logger;
}

/** YYYYMMDD of `date` in England (the extract is named by the UK day it was made). */
export function ukDateStamp(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
}

/**
 * Downloads today's extract (or yesterday's, when today's is not published yet) through the guarded fetcher,
 * streaming it through the parser into a new index, and stores it. Any failure (network, HTTP error, size cap,
 * deadline, not a GIAS file, far fewer establishments than the stored index) throws GiasRefreshError and
 * leaves the stored index untouched. A 304 for the file already imported changes nothing.
 */
export async function refreshGias(deps: RefreshGiasDeps, options: { urlTemplate?: string; progressEvery?: number } = {}): Promise<GiasRefreshResult> {
  const template = options.urlTemplate ?? DEFAULT_GIAS_EXTRACT_URL;
  const previous = await readMeta(deps.store);
  const now = deps.clock();
  const days = [now, new Date(now.getTime() - 24 * 60 * 60 * 1000)].map(ukDateStamp);
  const urls = template.includes('{date}') ? days.map((d) => template.replaceAll('{date}', d)) : [template];

  let lastError: unknown;
  for (const url of urls) {
    const conditional = previous && previous.source === url ? { etag: previous.sourceEtag, lastModified: previous.sourceLastModified } : {};
    try {
      const outcome = await deps.fetcher.fetchStream({ url, accept: 'text/csv, */*;q=0.5', ...conditional }, (res) =>
        importGias(deps.store, res.body, {
          source: url,
          clock: deps.clock,
          validators: { etag: res.etag, lastModified: res.lastModified },
          // A full extract has tens of thousands of establishments; half the last count means a cut-short file.
          minRecords: previous ? Math.floor(previous.count / 2) : 1,
          progressEvery: options.progressEvery,
        }),
      );
      if (outcome.kind === 'not-modified') {
        deps.log.info('GIAS extract not modified; index kept', { url });
        return { kind: 'not-modified', url, meta: previous! };
      }
      deps.log.info('GIAS index refreshed', { url, indexed: outcome.result.indexed, skipped: outcome.result.skipped, bytes: outcome.result.indexBytes });
      return { kind: 'refreshed', url, summary: outcome.result };
    } catch (err) {
      lastError = err;
      // Today's file not published yet: try yesterday's. Anything else is a real failure.
      if (err instanceof FeedError && err.code === 'http-status' && err.details.status === 404) continue;
      break;
    }
  }
  throw refreshError(lastError, urls, previous);
}

async function readMeta(store: GiasIndexStore): Promise<GiasIndexMeta | undefined> {
  const bytes = await store.read();
  if (!bytes) return undefined;
  try {
    return decodeGiasIndex(bytes, store.where).meta;
  } catch {
    return undefined; // a damaged index is replaced by the refresh
  }
}

function refreshError(err: unknown, urls: string[], previous: GiasIndexMeta | undefined): GiasRefreshError {
  const kept = previous ? ` The previous index (${previous.count} establishments, from ${previous.extractDate ?? previous.importedAt}) is still in use.` : ' No GIAS index is stored yet.';
  let why: string;
  if (err instanceof FeedError && err.code === 'too-large') why = `The GIAS extract at ${urls[0]} was larger than the download limit (GIAS_MAX_MB), so it was not read. If the real file has grown, raise GIAS_MAX_MB.`;
  else if (err instanceof FeedError && err.code === 'timeout') why = `The GIAS extract at ${err.details.url ?? urls[0]} did not finish downloading within the deadline (GIAS_TIMEOUT_SECONDS), so it was not used. The site may be slow; the refresh runs again next week, or raise GIAS_TIMEOUT_SECONDS.`;
  else if (err instanceof FeedError && err.code === 'http-status' && err.details.status === 404) why = `No GIAS extract was published at ${urls.join(' or ')} (HTTP 404). Check GIAS_EXTRACT_URL; the refresh runs again next week, or import a file by hand.`;
  else if (err instanceof Error) why = `The GIAS refresh failed: ${err.message}`;
  else why = `The GIAS refresh failed: ${String(err)}`;
  return new GiasRefreshError(`${why}${kept}`, { cause: err });
}
