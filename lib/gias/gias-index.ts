import { decodeGiasIndex, rowToRecord, type DecodedGiasIndex, type GiasIndexMeta } from './index-format';
import { FileGiasIndexStore, giasIndexPath, type GiasIndexStore } from './index-store';
import type { GiasIndex, GiasRecord } from './types';

export interface CachedGiasIndexOptions {
  /** How long a loaded index is trusted before the store is asked whether it changed. Default 15 minutes. */
  recheckMs?: number;
  clock?: () => number;
}

/**
 * GiasIndex over a stored index blob. Nothing is read until the first lookup; the decoded index is then kept
 * for the life of the process (a web Lambda instance, the CLI, `npm start`), and after `recheckMs` a cheap version
 * check (file stat, S3 HEAD) reloads it only if a refresh replaced it meanwhile.
 */
export class CachedGiasIndex implements GiasIndex {
  private loaded: DecodedGiasIndex | undefined;
  private loadedVersion: string | undefined;
  private checkedAt = -Infinity;
  private loading: Promise<DecodedGiasIndex | undefined> | undefined;
  private readonly recheckMs: number;
  private readonly clock: () => number;

  constructor(
    readonly store: GiasIndexStore,
    options: CachedGiasIndexOptions = {},
  ) {
    this.recheckMs = options.recheckMs ?? 15 * 60 * 1000;
    this.clock = options.clock ?? Date.now;
  }

  async get(urn: string): Promise<GiasRecord | undefined> {
    const index = await this.current();
    const row = index?.rows.get(urn.trim());
    return index && row ? rowToRecord(index.meta, row) : undefined;
  }

  async loadedAt(): Promise<string | undefined> {
    const meta = await this.meta();
    return meta ? (meta.extractDate ?? meta.importedAt) : undefined;
  }

  /** The stored index's header (source, dates, count), or undefined when none is stored. */
  async meta(): Promise<GiasIndexMeta | undefined> {
    return (await this.current())?.meta;
  }

  /** Forget the cached copy (after this process wrote a new index). */
  invalidate(): void {
    this.loaded = undefined;
    this.loadedVersion = undefined;
    this.checkedAt = -Infinity;
  }

  private current(): Promise<DecodedGiasIndex | undefined> {
    if (this.clock() - this.checkedAt < this.recheckMs) return Promise.resolve(this.loaded);
    // One load at a time: concurrent lookups on a cold process share it.
    this.loading ??= this.reload().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async reload(): Promise<DecodedGiasIndex | undefined> {
    const version = await this.store.version();
    if (version === undefined) {
      // Nothing stored yet: ask again next time, so an import made meanwhile is seen at once.
      this.loaded = undefined;
      this.loadedVersion = undefined;
      return undefined;
    }
    if (version !== this.loadedVersion || !this.loaded) {
      const bytes = await this.store.read();
      this.loaded = bytes ? decodeGiasIndex(bytes, this.store.where) : undefined;
      this.loadedVersion = version;
    }
    this.checkedAt = this.clock();
    return this.loaded;
  }
}

/** A stat is cheap, so a running `npm start` notices a `gias import` within seconds. */
export const FILE_RECHECK_MS = 10_000;
/** The weekly refresh is picked up by warm web instances within 15 minutes. */
export const S3_RECHECK_MS = 15 * 60 * 1000;

/** The index under DATA_DIR (local use: the CLI, `npm start`). */
export class FileGiasIndex extends CachedGiasIndex {
  constructor(dataDir: string, options?: CachedGiasIndexOptions) {
    super(new FileGiasIndexStore(giasIndexPath(dataDir)), { recheckMs: FILE_RECHECK_MS, ...options });
  }
}
