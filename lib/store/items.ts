import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateItemCommand,
  type AttributeValue,
  type BatchWriteItemCommandOutput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { StoreError, isConditionalCheckFailed } from './errors';

export type Key = { PK: string; SK: string };
export type Item = Record<string, unknown>;

const toAttrs = (value: Item) => marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: true });
const fromAttrs = (attrs: Record<string, AttributeValue>) => unmarshall(attrs) as Item;

/** DynamoDB refuses an item larger than this (attribute names and values, UTF-8), whatever the table. */
export const MAX_ITEM_BYTES = 400 * 1024;

/**
 * The size DynamoDB counts for an item: attribute names plus values (strings as UTF-8, numbers about one byte per
 * two digits, 1 byte for booleans and null, 3 bytes plus one per element for maps and lists). Used to refuse an
 * item before the first write of a batch rather than failing half-way through it.
 */
export function itemSize(item: Item): number {
  const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
  const value = (v: AttributeValue): number => {
    if (v.S !== undefined) return utf8(v.S);
    if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
    if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
    if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + value(e), 0);
    if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + utf8(k) + value(e), 0);
    if (v.SS) return v.SS.reduce((n, e) => n + utf8(e), 0);
    if (v.B) return v.B.length;
    return JSON.stringify(v).length;
  };
  return Object.entries(toAttrs(item)).reduce((n, [k, v]) => n + utf8(k) + value(v), 0);
}

/**
 * The few table calls the stores make, with (un)marshalling and SDK errors translated once.
 * Conditional writes return false instead of throwing, because losing the race is a normal outcome.
 */
export class TableItems {
  constructor(
    readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {}

  async get(key: Key): Promise<Item | undefined> {
    const res = await this.call('get', () =>
      this.client.send(new GetItemCommand({ TableName: this.tableName, Key: toAttrs(key), ConsistentRead: true })),
    );
    return res.Item ? fromAttrs(res.Item) : undefined;
  }

  async put(item: Item): Promise<void> {
    await this.call('put', () => this.client.send(new PutItemCommand({ TableName: this.tableName, Item: toAttrs(item) })));
  }

  /** Writes only if no item has this key yet. Returns false when one already exists. */
  async putIfAbsent(item: Item): Promise<boolean> {
    return this.conditional(() =>
      this.client.send(
        new PutItemCommand({ TableName: this.tableName, Item: toAttrs(item), ConditionExpression: 'attribute_not_exists(PK)' }),
      ),
    );
  }

  /**
   * Replaces the item only when `attr` still equals `expected` (`undefined`: only while the item has no `attr`,
   * or is not there). Returns false when it changed meanwhile.
   */
  async putIfUnchanged(item: Item, attr: string, expected: unknown): Promise<boolean> {
    const condition =
      expected === undefined
        ? { ConditionExpression: 'attribute_not_exists(#a)', ExpressionAttributeNames: { '#a': attr } }
        : { ConditionExpression: '#a = :expected', ExpressionAttributeNames: { '#a': attr }, ExpressionAttributeValues: toAttrs({ ':expected': expected }) };
    return this.conditional(() => this.client.send(new PutItemCommand({ TableName: this.tableName, Item: toAttrs(item), ...condition })));
  }

  /**
   * Sets attributes on an existing item (never creates one) and removes the `remove` attributes, optionally only
   * while `attr` equals a value. `sets.add` adds to numbers / string sets atomically, `sets.delete` takes
   * elements out of string sets. Returns false when the item is missing or the condition no longer holds.
   */
  async set(key: Key, values: Item, only?: { attr: string; equals: unknown }, remove: string[] = [], sets: { add?: Item; delete?: Item } = {}): Promise<boolean> {
    const entries = Object.entries(values).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = Object.fromEntries(entries.map(([k], i) => [`#n${i}`, k]));
    const vals: Item = Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v]));
    if (only) {
      names['#only'] = only.attr;
      vals[':only'] = only.equals;
    }
    remove.forEach((attr, i) => (names[`#r${i}`] = attr));
    const removal = remove.length ? ` REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : '';
    const clause = (word: string, tag: string, of: Item | undefined) => {
      const list = Object.entries(of ?? {});
      list.forEach(([k, v], i) => {
        names[`#${tag}${i}`] = k;
        vals[`:${tag}${i}`] = v;
      });
      return list.length ? ` ${word} ${list.map((_, i) => `#${tag}${i} :${tag}${i}`).join(', ')}` : '';
    };
    const adding = clause('ADD', 'a', sets.add);
    const deleting = clause('DELETE', 'd', sets.delete);
    return this.conditional(() =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: toAttrs(key),
          UpdateExpression: `${entries.length ? `SET ${entries.map((_, i) => `#n${i} = :v${i}`).join(', ')}` : ''}${removal}${adding}${deleting}`.trim(),
          ConditionExpression: only ? 'attribute_exists(PK) AND #only = :only' : 'attribute_exists(PK)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: toAttrs(vals),
        }),
      ),
    );
  }

  async delete(key: Key): Promise<void> {
    await this.call('delete', () => this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: toAttrs(key) })));
  }

  /** Deletes the item only while `attr` still equals `equals`. Returns false when it changed (or is gone). */
  async deleteIf(key: Key, attr: string, equals: unknown): Promise<boolean> {
    return this.conditional(() =>
      this.client.send(
        new DeleteItemCommand({
          TableName: this.tableName,
          Key: toAttrs(key),
          ConditionExpression: '#a = :expected',
          ExpressionAttributeNames: { '#a': attr },
          ExpressionAttributeValues: toAttrs({ ':expected': equals }),
        }),
      ),
    );
  }

  /** Items of one partition whose sort key starts with `prefix` (or lies in [from, to]). Follows pagination up to `limit`. */
  async query(
    pk: string,
    range: { prefix: string } | { from: string; to: string },
    options: {
      limit?: number;
      newestFirst?: boolean;
      index?: { name: string; pk: string; sk: string };
      filter?: string;
      /** Read only these attributes (dotted paths reach into maps: `score.categories`); all of them when absent. */
      attributes?: readonly string[];
    } = {},
  ): Promise<Item[]> {
    const pkName = options.index?.pk ?? 'PK';
    const skName = options.index?.sk ?? 'SK';
    // DynamoDB rejects an empty string in a key condition, so an empty prefix means "the whole partition".
    const wholePartition = 'prefix' in range && range.prefix === '';
    const condition = 'prefix' in range ? 'begins_with(#sk, :a)' : '#sk BETWEEN :a AND :b';
    const values: Item = wholePartition ? { ':pk': pk } : 'prefix' in range ? { ':pk': pk, ':a': range.prefix } : { ':pk': pk, ':a': range.from, ':b': range.to };
    const names: Record<string, string> = wholePartition ? { '#pk': pkName } : { '#pk': pkName, '#sk': skName };
    // Every path segment through a name placeholder, so reserved words (`status`, `name`) need no special care.
    const projection = options.attributes?.map((path, i) =>
      path
        .split('.')
        .map((segment, j) => {
          names[`#p${i}_${j}`] = segment;
          return `#p${i}_${j}`;
        })
        .join('.'),
    );
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: options.index?.name,
      KeyConditionExpression: wholePartition ? '#pk = :pk' : `#pk = :pk AND ${condition}`,
      FilterExpression: options.filter,
      ProjectionExpression: projection?.join(', '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: toAttrs(values),
      ScanIndexForward: !options.newestFirst,
    };
    const limit = options.limit ?? Infinity;
    const out: Item[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      // Without a filter every item read is kept, so ask for no more than still needed (DynamoDB otherwise reads
      // up to 1 MB per page); with one, the limit would apply before filtering and end pages early.
      const pageLimit = options.filter || !Number.isFinite(limit) ? undefined : limit - out.length;
      const res = await this.call('query', () => this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey, Limit: pageLimit })));
      for (const raw of res.Items ?? []) {
        out.push(fromAttrs(raw));
        if (out.length >= limit) return out;
      }
      startKey = res.LastEvaluatedKey;
    } while (startKey);
    return out;
  }

  /** Writes many items, 25 per request, retrying what DynamoDB hands back unprocessed. */
  async putMany(items: Item[]): Promise<void> {
    await batchWrite(this.client, this.tableName, items, {
      request: (item) => ({ PutRequest: { Item: toAttrs(item) } }),
      send: (write) => this.call('batch write', write),
      gaveUp: (left, attempts) => new StoreError(`DynamoDB left ${left} writes unprocessed after ${attempts} attempts`),
    });
  }

  private async conditional(op: () => Promise<unknown>): Promise<boolean> {
    try {
      await op();
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw this.wrap('conditional write', err);
    }
  }

  private async call<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw this.wrap(what, err);
    }
  }

  private wrap(what: string, err: unknown): StoreError {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const hint = /ECONNREFUSED|connect/i.test(detail)
      ? ' Is the DynamoDB endpoint running? Check DYNAMODB_ENDPOINT, or start the local stack with `npm start`.'
      : /ResourceNotFound/.test(detail)
        ? ` Table "${this.tableName}" does not exist: check TABLE_NAME.`
        : '';
    return new StoreError(`DynamoDB ${what} on table "${this.tableName}" failed (${detail}).${hint}`, { cause: err });
  }
}

/**
 * Writes `rows` to one table, 25 per BatchWriteItem request (DynamoDB's most), resending what it hands back
 * unprocessed after a doubling pause (20 ms, 40 ms, …) and giving up on a batch after 9 tries. Each row becomes its
 * request only when its batch is sent; the caller's `send` turns a failed call, and `gaveUp` a batch left
 * unprocessed, into its own StoreError.
 */
export async function batchWrite<T>(
  client: DynamoDBClient,
  tableName: string,
  rows: readonly T[],
  how: {
    request: (row: T) => WriteRequest;
    send: (write: () => Promise<BatchWriteItemCommandOutput>) => Promise<BatchWriteItemCommandOutput>;
    gaveUp: (left: number, attempts: number) => StoreError;
  },
): Promise<void> {
  for (let i = 0; i < rows.length; i += 25) {
    let requests = rows.slice(i, i + 25).map(how.request);
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw how.gaveUp(requests.length, attempt);
      const batch = requests;
      const res = await how.send(() => client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } })));
      requests = res.UnprocessedItems?.[tableName] ?? [];
      if (requests.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}
