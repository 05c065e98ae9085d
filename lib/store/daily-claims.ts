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
  /** When the last error was recorded. */
  lastErrorAt?: string;
  /**
   * What the last failed send means: `not-sent` (it certainly failed before SES took it) or `unknown` (it may
   * have been delivered; not resent before the lease ends or someone releases the claim).
   */
  sendOutcome?: 'not-sent' | 'unknown';
  /** Set when someone released this claim early (`digest release`, the admin console): who, when, why. */
  releasedAt?: string;
  releasedBy?: string;
  releaseNote?: string;
  /** Earlier claims of the day that were taken over (died, failed, released), oldest first: the audit trail. */
  previousAttempts?: PreviousAttempt[];
}

export type PreviousAttempt = Pick<DailySendRecord, 'claimedAt' | 'claimToken' | 'lastError' | 'lastErrorAt' | 'sendOutcome' | 'releasedAt' | 'releasedBy' | 'releaseNote'>;

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
      const stale = existing.state === 'claimed' && (existing.releasedAt !== undefined || now.getTime() - Date.parse(existing.claimedAt) > leaseMs);
      if (!stale) return { claimed: false, record: existing };
      // The taken-over attempt stays on the record, so what happened to the day (and who released it) is kept.
      const { claimedAt, claimToken, lastError, lastErrorAt, sendOutcome, releasedAt, releasedBy, releaseNote } = existing;
      const previousAttempts = [...(existing.previousAttempts ?? []), { claimedAt, claimToken, lastError, lastErrorAt, sendOutcome, releasedAt, releasedBy, releaseNote }].slice(-20);
      const taken = { ...record, previousAttempts } as R;
      const takeover = await this.items.putIfUnchanged({ ...item, previousAttempts }, 'claimToken', existing.claimToken);
      return takeover ? { claimed: true, record: taken } : { claimed: false, record: (await this.get(owner, localDate)) ?? existing };
    }
  }

  /** Records the outcome if this run still holds the claim; returns false when another run took it over. */
  async complete(record: R, outcome: DailyOutcome): Promise<boolean> {
    return this.items.set(this.keyFor(this.ownerOf(record), record.localDate), { ...outcome }, { attr: 'claimToken', equals: record.claimToken });
  }

  /** Records a failed send on this run's claim (only while it still holds it). */
  async recordError(record: R, message: string, at: string, sendOutcome: 'not-sent' | 'unknown'): Promise<boolean> {
    return this.items.set(this.keyFor(this.ownerOf(record), record.localDate), { lastError: message, lastErrorAt: at, sendOutcome }, { attr: 'claimToken', equals: record.claimToken });
  }

  /**
   * Lets the next run take an open claim over at once instead of after the lease (a run that died, or a
   * send whose outcome is unknown and which someone checked did not arrive). Only the claim as it was
   * read (`claimToken`) is released; false when it was completed or taken over meanwhile.
   */
  async release(record: R, by: string, note: string, at: string): Promise<boolean> {
    if (record.state !== 'claimed') return false;
    return this.items.set(this.keyFor(this.ownerOf(record), record.localDate), { releasedAt: at, releasedBy: by, releaseNote: note }, { attr: 'claimToken', equals: record.claimToken });
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
