import type { Item, TableItems } from './items';
import { mentionFromItem } from './mention-store';
import { keys, schoolPartition } from './table';
import type { Mention } from './types';

/**
 * Urgent-alert records. They live in the school's partition (which names its trust) so erasing a school erases
 * them, and the per-mention claim lives beside the mention's reference so erasing a mention erases it.
 *
 * - window    `TRUST#t#SCHOOL#s` / `ALERT#WINDOW`: who opened the school's current 15-minute alert window, when.
 * - batch     `TRUST#t#SCHOOL#s` / `ALERT#BATCH#claimedAt#token`: one alert email (+ webhook): what, to whom, outcome.
 * - claim     `MENTION#id` / `ALERT`: this mention belongs to that batch; written once (conditional), never re-sent.
 * - pending   `ALERTS-PENDING` / `TRUST#t#SCHOOL#s`: urgent items held for a window to close, and when it closes.
 */
const alertKeys = {
  window: (trustId: string, schoolId: string) => ({ PK: schoolPartition(trustId, schoolId), SK: 'ALERT#WINDOW' }),
  batch: (trustId: string, schoolId: string, claimedAt: string, token: string) => ({ PK: schoolPartition(trustId, schoolId), SK: `ALERT#BATCH#${claimedAt}#${token}` }),
  claim: (mentionId: string) => ({ PK: `MENTION#${mentionId}`, SK: 'ALERT' }),
  pending: (trustId: string, schoolId: string) => ({ PK: 'ALERTS-PENDING', SK: `TRUST#${trustId}#SCHOOL#${schoolId}` }),
};

/** How a batch ended. `unknown`: the send may or may not have reached the mail service (timeout): never retried. */
export type AlertOutcome = 'sending' | 'sent' | 'unknown' | 'failed';

export interface AlertBatch {
  trustId: string;
  schoolId: string;
  token: string;
  claimedAt: string;
  state: AlertOutcome;
  mentionIds: string[];
  recipients: string[];
  messageId?: string;
  sentAt?: string;
  error?: string;
  webhook?: { kind: string; outcome: 'sent' | 'unknown' | 'failed'; status?: number; error?: string };
}

export interface PendingAlert {
  trustId: string;
  schoolId: string;
  /** When the window that holds these items closes (ISO). */
  dueAt: string;
  /** The run that wrote it: only that run (or one that read it as due) removes it, so a newer hold is never lost. */
  token: string;
}

export class AlertStore {
  constructor(private readonly items: TableItems) {}

  /**
   * Opens the school's alert window if none is open (the last one is older than `windowMs`): one conditional
   * write, so of two runs at once exactly one opens it. Otherwise says when the open window closes.
   */
  async openWindow(trustId: string, schoolId: string, now: Date, token: string, windowMs: number): Promise<{ opened: true } | { opened: false; closesAt: string }> {
    const key = alertKeys.window(trustId, schoolId);
    const item: Item = { ...key, trustId, schoolId, openedAt: now.toISOString(), token };
    if (await this.items.putIfAbsent(item)) return { opened: true };
    const existing = await this.items.get(key);
    if (!existing) return (await this.items.putIfAbsent(item)) ? { opened: true } : { opened: false, closesAt: new Date(now.getTime() + windowMs).toISOString() };
    const closesAt = new Date(Date.parse(existing.openedAt as string) + windowMs);
    if (now.getTime() < closesAt.getTime()) return { opened: false, closesAt: closesAt.toISOString() };
    if (await this.items.putIfUnchanged(item, 'token', existing.token)) return { opened: true };
    return { opened: false, closesAt: new Date(now.getTime() + windowMs).toISOString() };
  }

  /** Claims one mention for a batch. False when another batch already has it (it is never alerted twice). */
  async claimMention(m: Pick<Mention, 'id' | 'trustId' | 'schoolId'>, token: string, now: Date): Promise<boolean> {
    return this.items.putIfAbsent({ ...alertKeys.claim(m.id), trustId: m.trustId, schoolId: m.schoolId, token, claimedAt: now.toISOString() });
  }

  /** Gives a claim back after a send that certainly did not happen, so a later run can alert the mention. */
  async releaseMention(mentionId: string, token: string): Promise<void> {
    await this.items.deleteIf(alertKeys.claim(mentionId), 'token', token);
  }

  async startBatch(batch: AlertBatch): Promise<void> {
    await this.items.put({ ...alertKeys.batch(batch.trustId, batch.schoolId, batch.claimedAt, batch.token), kind: 'alert-batch', ...batch });
  }

  async finishBatch(batch: AlertBatch, outcome: Partial<AlertBatch>): Promise<void> {
    await this.items.set(alertKeys.batch(batch.trustId, batch.schoolId, batch.claimedAt, batch.token), outcome);
  }

  /** Newest first. */
  async batches(trustId: string, schoolId: string, limit = 20): Promise<AlertBatch[]> {
    const rows = await this.items.query(schoolPartition(trustId, schoolId), { prefix: 'ALERT#BATCH#' }, { newestFirst: true, limit });
    return rows.map(({ PK: _p, SK: _s, kind: _k, ...rest }) => rest as unknown as AlertBatch);
  }

  /** Every batch of the school claimed before `before` (ISO), oldest first: for retention and export. */
  async batchesBefore(trustId: string, schoolId: string, before: string): Promise<AlertBatch[]> {
    const rows = await this.items.query(schoolPartition(trustId, schoolId), { from: 'ALERT#BATCH#', to: `ALERT#BATCH#${before}` });
    return rows.map(({ PK: _p, SK: _s, kind: _k, ...rest }) => rest as unknown as AlertBatch);
  }

  async deleteBatch(batch: Pick<AlertBatch, 'trustId' | 'schoolId' | 'claimedAt' | 'token'>): Promise<void> {
    await this.items.delete(alertKeys.batch(batch.trustId, batch.schoolId, batch.claimedAt, batch.token));
  }

  /** Writes on the mention when (and how) it was alerted, for the digest and the web page. */
  async markAlerted(m: Pick<Mention, 'trustId' | 'schoolId' | 'capturedAt' | 'id'>, at: string, outcome: 'sent' | 'unknown', token: string): Promise<void> {
    await this.items.set(keys.mention(m, m.capturedAt, m.id), { alertedAt: at, alertOutcome: outcome, alertBatch: token });
  }

  /** A school's mentions captured since `since` that no alert run has marked yet, oldest first. */
  async unalerted(trustId: string, schoolId: string, since: string): Promise<Mention[]> {
    const rows = await this.items.query(schoolPartition(trustId, schoolId), { from: `MENTION#${since}`, to: 'MENTION#~' }, { filter: 'attribute_not_exists(alertedAt)' });
    return rows
      .filter((r) => r.trustId === trustId)
      .map(mentionFromItem);
  }

  async hold(p: PendingAlert): Promise<void> {
    await this.items.put({ ...alertKeys.pending(p.trustId, p.schoolId), ...p });
  }

  /** Removes the hold if it is still the one written (or read) with `token`. */
  async release(trustId: string, schoolId: string, token: string): Promise<void> {
    await this.items.deleteIf(alertKeys.pending(trustId, schoolId), 'token', token);
  }

  /** Held alerts whose window has closed by `now`. */
  async due(now: Date): Promise<PendingAlert[]> {
    const rows = await this.items.query('ALERTS-PENDING', { prefix: 'TRUST#' });
    return rows
      .map((r) => ({ trustId: r.trustId as string, schoolId: r.schoolId as string, dueAt: r.dueAt as string, token: r.token as string }))
      .filter((p) => Date.parse(p.dueAt) <= now.getTime());
  }
}
