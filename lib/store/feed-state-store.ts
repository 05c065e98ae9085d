import { keys } from './table';
import type { TableItems } from './items';

/** What we remember about one feed URL between polls: validators for conditional GET and its health. */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  lastErrorCode?: string;
  consecutiveFailures: number;
  nextPollAt?: string;
  itemsLastSeen?: number;
  /** Short hashes of the item keys the last complete poll processed (a feed serves at most 100 items). */
  processedKeys?: string[];
  /** Fingerprint of the schools and configuration those items were processed for. */
  processedFor?: string;
}

export class FeedStateStore {
  constructor(private readonly items: TableItems) {}

  async get(urlHash: string): Promise<FeedState | undefined> {
    const row = await this.items.get(keys.feedState(urlHash));
    if (!row) return undefined;
    const { PK: _p, SK: _s, ...state } = row;
    return state as unknown as FeedState;
  }

  async save(urlHash: string, state: FeedState): Promise<void> {
    await this.items.put({ ...keys.feedState(urlHash), ...state, GSI1PK: 'FEEDS', GSI1SK: urlHash });
  }
}
