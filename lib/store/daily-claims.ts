import type { Item, Key, TableItems } from './items';

/** One day's send record for one owner (a school's digest, a trust's roll-up). */
export interface DailySendRecord {
  localDate: string;
  state: 'claimed' | 'sent' | 'empty';
  claimedAt: string;
  /** Random token of the run that holds the claim. */
  claimToken: string;
  sentAt?: string;
  messageId?: string;
  mentionIds?: string[];
  recipients?: string[];
  lastError?: string;
}

export type DailyOutcome = Pick<DailySendRecord, 'state' | 'sentAt' | 'messageId' | 'mentionIds' | 'recipients'>;

/**
 * Makes a daily send happen once: a run claims the day with a conditional write before sending and records
 * the SES message id after. A claim left without a message id for longer than the lease (the run died) is
 * taken over by the next run, so a crash never means silence; completing checks the claim is still this
 * run's, so a slow run that lost its lease cannot overwrite the run that took over.
 */
export class DailyClaims<R extends DailySendRecord> {
  constructor(
    private readonly items: TableItems,
    private readonly keyFor: (owner: string, localDate: string) => Key,
    private readonly ownerField: keyof R & string,
  ) {}

  async get(owner: string, localDate: string): Promise<R | undefined> {
    const row = await this.items.get(this.keyFor(owner, localDate));
    return row ? strip<R>(row) : undefined;
  }

  async claim(owner: string, localDate: string, now: Date, token: string, leaseMs: number): Promise<{ claimed: boolean; record: R }> {
    const record = { [this.ownerField]: owner, localDate, state: 'claimed', claimedAt: now.toISOString(), claimToken: token } as unknown as R;
    const item: Item = { ...this.keyFor(owner, localDate), ...(record as unknown as Item) };
    for (;;) {
      if (await this.items.putIfAbsent(item)) return { claimed: true, record };
      const existing = await this.get(owner, localDate);
      if (!existing) continue; // deleted meanwhile: try again
      const stale = existing.state === 'claimed' && now.getTime() - Date.parse(existing.claimedAt) > leaseMs;
      if (!stale) return { claimed: false, record: existing };
      const takeover = await this.items.putIfUnchanged(item, 'claimToken', existing.claimToken);
      return takeover ? { claimed: true, record } : { claimed: false, record: (await this.get(owner, localDate)) ?? existing };
    }
  }

  /** Records the outcome if this run still holds the claim; returns false when another run took it over. */
  async complete(record: R, outcome: DailyOutcome): Promise<boolean> {
    return this.items.set(this.keyFor(this.ownerOf(record), record.localDate), { ...outcome }, { attr: 'claimToken', equals: record.claimToken });
  }

  async recordError(record: R, message: string): Promise<void> {
    await this.items.set(this.keyFor(this.ownerOf(record), record.localDate), { lastError: message });
  }

  /** Newest first. */
  async latest(owner: string, limit = 10): Promise<R[]> {
    const { PK } = this.keyFor(owner, '');
    const rows = await this.items.query(PK, { prefix: 'DIGEST#' }, { newestFirst: true, limit });
    return rows.map((r) => strip<R>(r));
  }

  private ownerOf(record: R): string {
    return String(record[this.ownerField]);
  }
}

function strip<R>(row: Item): R {
  const { PK: _p, SK: _s, ...rest } = row;
  return rest as unknown as R;
}
