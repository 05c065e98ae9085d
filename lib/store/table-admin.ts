import {
  type AttributeValue,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
  ScanCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { StoreError } from './errors';
import { batchWrite } from './items';
import { TABLE } from './table';

const isNotFound = (err: unknown) => err instanceof ResourceNotFoundException || (err as Error).name === 'ResourceNotFoundException';

const REPEAT = 'Check that the store is running and reachable (DYNAMODB_ENDPOINT for a running local stack), then run the command again: it is safe to repeat.';

/** A failed table call as a StoreError in people's words (which step, on which table, what to do), the SDK error as its cause. */
function failed(what: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(`Could not ${what} (${detail}). ${REPEAT}`, { cause: err });
}

/** Sends one table call; anything but `tolerated` errors becomes a StoreError saying what failed. */
async function attempt<T>(what: string, call: () => Promise<T>, tolerated: (err: unknown) => boolean = () => false): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (tolerated(err)) return undefined;
    throw failed(what, err);
  }
}

/** The secondary indexes the code reads, by name, as CreateTable and UpdateTable take them (the CDK stack builds the same). */
export function indexDefinitions(): GlobalSecondaryIndex[] {
  const { trustIndex, unreviewedIndex } = TABLE;
  return [
    {
      IndexName: trustIndex.name,
      KeySchema: [
        { AttributeName: trustIndex.partitionKey, KeyType: 'HASH' },
        { AttributeName: trustIndex.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
    {
      IndexName: unreviewedIndex.name,
      KeySchema: [
        { AttributeName: unreviewedIndex.partitionKey, KeyType: 'HASH' },
        { AttributeName: unreviewedIndex.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...unreviewedIndex.attributes] },
    },
  ];
}

const keyAttributes = () =>
  [TABLE.partitionKey, TABLE.sortKey, TABLE.trustIndex.partitionKey, TABLE.trustIndex.sortKey, TABLE.unreviewedIndex.partitionKey, TABLE.unreviewedIndex.sortKey].map((name) => ({
    AttributeName: name,
    AttributeType: 'S' as const,
  }));

/** The table's state: missing, or which of the code's indexes it lacks (and whether all are ACTIVE). */
export async function describeTable(client: DynamoDBClient, tableName: string): Promise<{ exists: false } | { exists: true; missingIndexes: string[]; active: boolean }> {
  const described = await attempt(`read table ${tableName}`, () => client.send(new DescribeTableCommand({ TableName: tableName })), isNotFound);
  if (!described) return { exists: false };
  const { Table } = described;
  const present = new Map((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.IndexStatus]));
  const missingIndexes = indexDefinitions().map((i) => i.IndexName!).filter((n) => !present.has(n));
  const active = Table?.TableStatus === 'ACTIVE' && [...present.values()].every((s) => s === undefined || s === 'ACTIVE');
  return { exists: true, missingIndexes, active };
}

async function waitFor(client: DynamoDBClient, tableName: string, done: (d: Awaited<ReturnType<typeof describeTable>>) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (done(await describeTable(client, tableName))) return;
    await new Promise((r) => setTimeout(r, i < 20 ? 50 : 1000));
  }
  throw new StoreError(`Table ${tableName} did not ${what} within 10 minutes. ${REPEAT}`);
}

/** Creates the table (same keys and indexes as the CDK stack) when it does not exist yet. Local use only. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  if ((await describeTable(client, tableName)).exists) return 'exists';
  await attempt(`create table ${tableName}`, () => client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes(),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexDefinitions(),
    }),
  ));
  await waitFor(client, tableName, (d) => d.exists && d.active, 'become ACTIVE');
  return 'created';
}

/**
 * Asks DynamoDB to add one missing index (DynamoDB builds one at a time and backfills it from items that carry
 * its keys) and waits until it is ACTIVE. Returns false when the server accepted the call but added nothing:
 * dynalite, the embedded local server, cannot add an index to an existing table.
 */
export async function addIndex(client: DynamoDBClient, tableName: string, indexName: string): Promise<boolean> {
  const index = indexDefinitions().find((i) => i.IndexName === indexName);
  if (!index) throw new StoreError(`No index named ${indexName} is defined (lib/store/table.ts defines ${indexDefinitions().map((i) => i.IndexName).join(', ')}).`);
  // dynalite validates an index Create as if every table had provisioned throughput, then would ignore it anyway.
  const ignored = (err: unknown) => (err as Error).name === 'ValidationException' && /provisionedThroughput/i.test((err as Error).message);
  const sent = await attempt(`add index ${indexName} to table ${tableName}`, async () => {
    await client.send(new UpdateTableCommand({ TableName: tableName, AttributeDefinitions: keyAttributes().filter((a) => index.KeySchema!.some((k) => k.AttributeName === a.AttributeName)), GlobalSecondaryIndexUpdates: [{ Create: index }] }));
    return true;
  }, ignored);
  if (!sent) return false;
  const after = await describeTable(client, tableName);
  if (after.exists && after.missingIndexes.includes(indexName)) return false;
  await waitFor(client, tableName, (d) => d.exists && d.active, `finish building index ${indexName}`);
  return true;
}

/** Deletes a table and waits until it is gone (the local migration's copy). */
export async function dropTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const deleted = await attempt(`delete table ${tableName}`, async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    return true;
  }, isNotFound);
  if (!deleted) return;
  await waitFor(client, tableName, (d) => !d.exists, 'go away');
}

/**
 * Copies every item of one table into another, page by page (raw attribute values, nothing converted).
 * Writing an item again writes the same thing, so an interrupted copy is simply run again.
 */
export async function copyTable(client: DynamoDBClient, from: string, to: string, onPage?: (copied: number) => void): Promise<number> {
  let startKey: Record<string, AttributeValue> | undefined;
  let copied = 0;
  do {
    const res = (await attempt(`read table ${from} to copy it (${copied} items copied so far)`, () => client.send(new ScanCommand({ TableName: from, ExclusiveStartKey: startKey, Limit: 500 }))))!;
    const items = res.Items ?? [];
    await batchWrite(client, to, items, {
      request: (Item) => ({ PutRequest: { Item } }),
      send: async (write) => (await attempt(`copy items from table ${from} to ${to} (${copied} items copied so far)`, write))!,
      gaveUp: (left, tries) => new StoreError(`DynamoDB left ${left} writes to table ${to} unprocessed after ${tries} attempts (it is busy). ${REPEAT}`),
    });
    copied += items.length;
    onPage?.(copied);
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return copied;
}
