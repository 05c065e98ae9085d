import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
  ScanCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from './table';

const isNotFound = (err: unknown) => err instanceof ResourceNotFoundException || (err as Error).name === 'ResourceNotFoundException';

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
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Map((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.IndexStatus]));
    const missingIndexes = indexDefinitions().map((i) => i.IndexName!).filter((n) => !present.has(n));
    const active = Table?.TableStatus === 'ACTIVE' && [...present.values()].every((s) => s === undefined || s === 'ACTIVE');
    return { exists: true, missingIndexes, active };
  } catch (err) {
    if (isNotFound(err)) return { exists: false };
    throw err;
  }
}

async function waitFor(client: DynamoDBClient, tableName: string, done: (d: Awaited<ReturnType<typeof describeTable>>) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (done(await describeTable(client, tableName))) return;
    await new Promise((r) => setTimeout(r, i < 20 ? 50 : 1000));
  }
  throw new Error(`Table ${tableName} did not ${what}`);
}

/** Creates the table (same keys and indexes as the CDK stack) when it does not exist yet. Local use only. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  if ((await describeTable(client, tableName)).exists) return 'exists';
  await client.send(
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
  );
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
  if (!index) throw new Error(`No index named ${indexName} in lib/store/table.ts`);
  try {
    await client.send(new UpdateTableCommand({ TableName: tableName, AttributeDefinitions: keyAttributes().filter((a) => index.KeySchema!.some((k) => k.AttributeName === a.AttributeName)), GlobalSecondaryIndexUpdates: [{ Create: index }] }));
  } catch (err) {
    // dynalite validates an index Create as if every table had provisioned throughput, then would ignore it anyway.
    if ((err as Error).name === 'ValidationException' && /provisionedThroughput/i.test((err as Error).message)) return false;
    throw err;
  }
  const after = await describeTable(client, tableName);
  if (after.exists && after.missingIndexes.includes(indexName)) return false;
  await waitFor(client, tableName, (d) => d.exists && d.active, `finish building index ${indexName}`);
  return true;
}

/** Deletes a table and waits until it is gone (the local migration's copy). */
export async function dropTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (err) {
    if (isNotFound(err)) return;
    throw err;
  }
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
    const res = await client.send(new ScanCommand({ TableName: from, ExclusiveStartKey: startKey, Limit: 500 }));
    const items = res.Items ?? [];
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error(`DynamoDB left ${requests.length} writes to ${to} unprocessed after ${attempt} attempts`);
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: requests } }));
        requests = (out.UnprocessedItems?.[to] ?? []) as typeof requests;
        if (requests.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
    copied += items.length;
    onPage?.(copied);
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return copied;
}
