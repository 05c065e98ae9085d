import { keys } from './table';
import type { TableItems } from './items';

export interface DigestRecord {
  schoolId: string;
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

export type ClaimResult = { claimed: true; record: DigestRecord } | { claimed: false; record: DigestRecord };

/**
 * Digest records make a school's digest happen once per local day: a run claims the day with a conditional
 * write before sending, and records the SES message id after. A claim left without a message id for longer than
 * the lease (the run died) is taken over by the next run, so a crash never means silence.
 */
export class DigestStore {
  constructor(private readonly items: TableItems) {}

  async get(schoolId: string, localDate: string): Promise<DigestRecord | undefined> {
    const row = await this.items.get(keys.digest(schoolId, localDate));
    return row ? strip(row) : undefined;
  }

  async claim(schoolId: string, localDate: string, now: Date, token: string, leaseMs: number): Promise<ClaimResult> {
    const record: DigestRecord = { schoolId, localDate, state: 'claimed', claimedAt: now.toISOString(), claimToken: token };
    const key = keys.digest(schoolId, localDate);
    if (await this.items.putIfAbsent({ ...key, ...record })) return { claimed: true, record };
    const existing = await this.get(schoolId, localDate);
    if (!existing) return this.claim(schoolId, localDate, now, token, leaseMs);
    const stale = existing.state === 'claimed' && now.getTime() - Date.parse(existing.claimedAt) > leaseMs;
    if (!stale) return { claimed: false, record: existing };
    const takeover = await this.items.putIfUnchanged({ ...key, ...record }, 'claimToken', existing.claimToken);
    return takeover ? { claimed: true, record } : { claimed: false, record: (await this.get(schoolId, localDate)) ?? existing };
  }

  async complete(record: DigestRecord, outcome: Pick<DigestRecord, 'state' | 'sentAt' | 'messageId' | 'mentionIds' | 'recipients'>): Promise<void> {
    await this.items.set(keys.digest(record.schoolId, record.localDate), { ...outcome });
  }

  async recordError(record: DigestRecord, message: string): Promise<void> {
    await this.items.set(keys.digest(record.schoolId, record.localDate), { lastError: message });
  }

  async latest(schoolId: string, limit = 10): Promise<DigestRecord[]> {
    const rows = await this.items.query(`SCHOOL#${schoolId}`, { prefix: 'DIGEST#' }, { newestFirst: true, limit });
    return rows.map(strip);
  }
}

function strip(row: Record<string, unknown>): DigestRecord {
  const { PK: _p, SK: _s, ...rest } = row;
  return rest as unknown as DigestRecord;
}
