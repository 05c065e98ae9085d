import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { isConditionalCheckFailed, StoreError } from './errors';
import type { Item, TableItems } from './items';
import { keys } from './table';

export type SuppressionReason = 'bounce' | 'complaint';

/** An address digests no longer go to, because SES reported a permanent bounce or a complaint. */
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
}

export interface SoftBounceRecord {
  email: string;
  count: number;
  lastAt: string;
  lastMessageId: string;
}

/** Addresses are compared case-insensitively (every real mail system treats them so). */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Suppressed addresses (one partition, `SUPPRESSED`, so admins can list them in one query) and
 * transient-bounce counts. Both writes are idempotent, because SNS may deliver an event more than once:
 * the first suppression of an address is kept; a soft bounce counts once per SES message.
 */
export class SuppressionStore {
  constructor(private readonly items: TableItems) {}

  /** Records a suppression. Returns false when the address was already suppressed (the first record is kept). */
  async suppress(record: SuppressionRecord): Promise<boolean> {
    const email = normaliseEmail(record.email);
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

  /** Lifts a suppression (after the address was fixed). Not exposed in the admin page yet. */
  async remove(email: string): Promise<void> {
    await this.items.delete(keys.suppressed(normaliseEmail(email)));
  }

  /** Counts a transient bounce once per SES message. Returns false when this message was already counted. */
  async countSoftBounce(emailRaw: string, at: string, messageId: string): Promise<boolean> {
    const email = normaliseEmail(emailRaw);
    try {
      await this.items.client.send(
        new UpdateItemCommand({
          TableName: this.items.tableName,
          Key: marshall(keys.softBounce(email)),
          UpdateExpression: 'SET email = :e, lastAt = :at, lastMessageId = :mid ADD #c :one',
          ConditionExpression: 'attribute_not_exists(lastMessageId) OR lastMessageId <> :mid',
          ExpressionAttributeNames: { '#c': 'count' },
          ExpressionAttributeValues: marshall({ ':e': email, ':at': at, ':mid': messageId, ':one': 1 }),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw new StoreError(`DynamoDB soft-bounce update on table "${this.items.tableName}" failed (${(err as Error).message}).`, { cause: err });
    }
  }

  async softBounces(email: string): Promise<SoftBounceRecord | undefined> {
    const row = await this.items.get(keys.softBounce(normaliseEmail(email)));
    if (!row) return undefined;
    return { email: row.email as string, count: Number(row.count ?? 0), lastAt: row.lastAt as string, lastMessageId: row.lastMessageId as string };
  }
}

function strip(row: Item): SuppressionRecord {
  const { PK: _p, SK: _s, kind: _k, ...rest } = row;
  return rest as unknown as SuppressionRecord;
}
