import type { Item, TableItems } from './items';
import { keys } from './table';

/** `repeated-soft-bounce`: SOFT_BOUNCE_LIMIT transient bounces (distinct SES messages) within SOFT_BOUNCE_WINDOW_DAYS. */
export type SuppressionReason = 'bounce' | 'complaint' | 'repeated-soft-bounce';

/** Transient bounces (distinct SES message ids) within the window that suppress an address. */
export const SOFT_BOUNCE_LIMIT = 5;
export const SOFT_BOUNCE_WINDOW_DAYS = 14;
const WINDOW_MS = SOFT_BOUNCE_WINDOW_DAYS * 86_400_000;

/**
 * Keys only this store uses (kept here rather than in `table.ts`):
 * - one transient bounce, once per SES message: `SOFTBOUNCE#email` / `MSG#messageId` (TTL after the window);
 * - the audit history of an address: `SUPPRESSION#email` / `LIFTED#liftedAt` (who lifted which suppression, when, why).
 */
const localKeys = {
  softBounceEvent: (email: string, messageId: string) => ({ PK: `SOFTBOUNCE#${email}`, SK: `MSG#${messageId}` }),
  lifted: (email: string, liftedAt: string) => ({ PK: `SUPPRESSION#${email}`, SK: `LIFTED#${liftedAt}` }),
};

/** An address digests no longer go to, because SES reported a permanent bounce, a complaint or repeated soft bounces. */
export interface SuppressionRecord {
  /** Lower-case address. */
  email: string;
  reason: SuppressionReason;
  /** SES detail: the bounce sub-type (e.g. `General`, `NoEmail`) or the complaint feedback type (e.g. `abuse`). */
  detail?: string;
  /** When SES says the bounce or complaint happened (ISO-8601 UTC). */
  at: string;
  /** When Schoolwatch recorded it. */
  recordedAt: string;
  /** SES message id of the mail that bounced or was complained about. */
  messageId: string;
  /** The mail server's diagnostic, when SES passed one on (size-capped). */
  diagnostic?: string;
  /**
   * The trusts whose schools or roll-up sent to the address when SES reported it: only their admins see and lift
   * the record (another trust adding the address later gains nothing). Records without it (0.1) are the operator's
   * (`cli mail suppressed` / `mail unsuppress`).
   */
  trustIds?: string[];
}

export interface SoftBounceRecord {
  email: string;
  /** Transient bounces (distinct SES messages) in the SOFT_BOUNCE_WINDOW_DAYS up to `lastAt`. */
  count: number;
  lastAt: string;
  lastMessageId: string;
  /** As on SuppressionRecord: the trusts that used the address when the last soft bounce was counted. */
  trustIds?: string[];
}

/** An admin (or the CLI) lifted a suppression: the address is sent to again. Kept as an audit fact. */
export interface LiftRecord {
  email: string;
  liftedAt: string;
  /** Who lifted it: the admin's sign-in address, or `cli:<user>`. */
  by: string;
  note: string;
  /** The suppression that was lifted, as it was. */
  suppression: SuppressionRecord;
  /** Transient bounces counted in the window at the time of the lift (the count starts again from zero). */
  softBouncesCleared: number;
}

/** Addresses are compared case-insensitively (every real mail system treats them so). */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Suppressed addresses (one partition, `SUPPRESSED`, so admins can list them in one query), transient-bounce
 * counts and the lift history. Writes are idempotent, because SNS may deliver an event more than once: the
 * first suppression of an address is kept, a lifted suppression is not brought back by a redelivery of the
 * event that caused it, and a soft bounce counts once per SES message.
 */
export class SuppressionStore {
  constructor(private readonly items: TableItems) {}

  /**
   * Records a suppression. Returns false when the address is already suppressed (the first record is kept)
   * or when this very SES message caused a suppression that was since lifted (SNS redelivery).
   */
  async suppress(record: SuppressionRecord): Promise<boolean> {
    const email = normaliseEmail(record.email);
    const lifts = await this.lifts(email);
    if (lifts.some((l) => l.suppression.messageId === record.messageId && l.suppression.reason === record.reason)) return false;
    return this.items.putIfAbsent({ ...keys.suppressed(email), kind: 'suppression', ...record, email });
  }

  async get(email: string): Promise<SuppressionRecord | undefined> {
    const row = await this.items.get(keys.suppressed(normaliseEmail(email)));
    return row ? strip(row) : undefined;
  }

  /** Every suppressed address, in address order. */
  async list(): Promise<SuppressionRecord[]> {
    const rows = await this.items.query('SUPPRESSED', { prefix: 'EMAIL#' });
    return rows.map(strip);
  }

  /**
   * Lifts a suppression: writes the audit fact (`LIFTED#at`, with the lifted record, who and why) first, then
   * removes the suppression and clears the soft-bounce count, so digests go to the address again.
   * Returns undefined when the address is not suppressed.
   */
  async lift(emailRaw: string, by: string, note: string, liftedAt: string): Promise<LiftRecord | undefined> {
    const email = normaliseEmail(emailRaw);
    const suppression = await this.get(email);
    if (!suppression) return undefined;
    const events = await this.items.query(`SOFTBOUNCE#${email}`, { prefix: 'MSG#' });
    const lift: LiftRecord = { email, liftedAt, by, note, suppression, softBouncesCleared: recentCount(events, liftedAt) };
    // Two lifts in the same millisecond are one audit fact; the second finds the suppression gone below.
    await this.items.putIfAbsent({ ...localKeys.lifted(email, liftedAt), kind: 'suppression-lift', ...lift });
    // Only the suppression that was read: a new one recorded meanwhile (another message) stays.
    await this.items.deleteIf(keys.suppressed(email), 'messageId', suppression.messageId);
    for (const e of events) await this.items.delete({ PK: e.PK as string, SK: e.SK as string });
    await this.items.delete(keys.softBounce(email));
    return lift;
  }

  /** Deletes a suppression without an audit fact (tests and repairs); people lift with `lift`. */
  async remove(email: string): Promise<void> {
    await this.items.delete(keys.suppressed(normaliseEmail(email)));
  }

  /** The lifts of an address, newest first. */
  async lifts(email: string): Promise<LiftRecord[]> {
    const rows = await this.items.query(`SUPPRESSION#${normaliseEmail(email)}`, { prefix: 'LIFTED#' }, { newestFirst: true });
    return rows.map(({ PK: _p, SK: _s, kind: _k, ...rest }) => rest as unknown as LiftRecord);
  }

  /**
   * Counts a transient bounce once per SES message and returns how many distinct messages bounced
   * transiently in the SOFT_BOUNCE_WINDOW_DAYS up to the newest of them (`at`, unless SNS delivered out of order). `isNew` is false when this
   * message was already counted (SNS redelivery).
   */
  async countSoftBounce(emailRaw: string, at: string, messageId: string, trustIds?: string[]): Promise<{ isNew: boolean; count: number }> {
    const email = normaliseEmail(emailRaw);
    const atMs = Date.parse(at);
    const expiresAt = Math.floor(((Number.isNaN(atMs) ? Date.now() : atMs) + 2 * WINDOW_MS) / 1000);
    const isNew = await this.items.putIfAbsent({ ...localKeys.softBounceEvent(email, messageId), kind: 'soft-bounce', email, at, messageId, expiresAt });
    const events = await this.items.query(`SOFTBOUNCE#${email}`, { prefix: 'MSG#' });
    // SNS may deliver out of order: the window ends at the newest bounce counted, not at this one.
    const newest = events.reduce((a, e) => (Date.parse(e.at as string) > Date.parse(a.at as string) ? e : a), { at, messageId } as Item);
    const count = recentCount(events, newest.at as string);
    // The summary the admin page reads in one query (last writer wins; it is a display value).
    await this.items.put({ ...keys.softBounce(email), kind: 'soft-bounce-summary', email, count, lastAt: newest.at, lastMessageId: newest.messageId, trustIds });
    return { isNew, count };
  }

  async softBounces(email: string): Promise<SoftBounceRecord | undefined> {
    const row = await this.items.get(keys.softBounce(normaliseEmail(email)));
    return row ? toSoftBounce(row) : undefined;
  }

  /** Every address with transient bounces counted in the window up to `now`, in address order. */
  async listSoftBounces(now: string): Promise<SoftBounceRecord[]> {
    const rows = await this.items.query('SOFTBOUNCE', { prefix: 'EMAIL#' });
    const nowMs = Date.parse(now);
    return rows.map(toSoftBounce).filter((r) => r.count > 0 && nowMs - Date.parse(r.lastAt) < WINDOW_MS);
  }
}

/** Distinct messages that bounced transiently within the window ending at `at`. */
function recentCount(events: Item[], at: string): number {
  const end = Date.parse(at);
  return events.filter((e) => {
    const t = Date.parse(e.at as string);
    return t <= end && end - t < WINDOW_MS;
  }).length;
}

function toSoftBounce(row: Item): SoftBounceRecord {
  return { email: row.email as string, count: Number(row.count ?? 0), lastAt: row.lastAt as string, lastMessageId: row.lastMessageId as string, trustIds: row.trustIds as string[] | undefined };
}

function strip(row: Item): SuppressionRecord {
  const { PK: _p, SK: _s, kind: _k, ...rest } = row;
  return rest as unknown as SuppressionRecord;
}
