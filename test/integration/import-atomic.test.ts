import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { LIMITS, type ConfigFile } from '../../lib/config/schema';
import { ConfigStore, ImportFailedError, ItemTooLargeError } from '../../lib/store/config-store';
import { TableItems, type Item } from '../../lib/store/items';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';

/**
 * Issue 10, item 2: a configuration import is all-or-nothing. Sizes are checked before the first write, and a
 * write failing half-way leaves the store exactly as it was before the import.
 */
let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => dynamo?.stop());

/** Every item of the table, sorted, as plain objects: "the store exactly as it was". */
async function snapshot(tableName: string): Promise<Item[]> {
  const res = await dynamo.client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return (res.Items ?? []).map((i) => unmarshall(i)).sort((a, b) => `${a.PK} ${a.SK}`.localeCompare(`${b.PK} ${b.SK}`));
}

/** The real table, except that put number `okPuts + 1` fails, as a throttled request would (the restore's puts then succeed). */
class FailingAfter extends TableItems {
  puts = 0;
  armed = true;
  constructor(base: TableItems, private readonly okPuts: number) {
    super(base.client, base.tableName);
  }
  override async put(item: Item): Promise<void> {
    if (this.armed && this.puts++ === this.okPuts) throw new Error('ProvisionedThroughputExceededException: simulated');
    return super.put(item);
  }
}

const file = (schools: ReturnType<typeof school>[], name = 'Meridian Learning Trust'): ConfigFile => ({ trusts: [{ id: 'meridian', name, retentionMonths: 12, schools }] });
const schools = (n: number, tag = '') => Array.from({ length: n }, (_, i) => school({ id: `s${i + 1}`, name: `School ${i + 1}${tag}`, recipients: [`head${i + 1}@x.example`] }));

describe('config import is all-or-nothing', () => {
  it('refuses an oversized 25th school before writing anything, naming it', async () => {
    const { store, tableName } = await dynamo.freshStore();
    const list = schools(30);
    // Over the schema's limits (the store is the last line of defence for any caller that skips the schema).
    list[24] = { ...list[24]!, aliases: Array.from({ length: 3000 }, (_, i) => `Alias ${i} ${'x'.repeat(150)}`) };
    const err = await store.config.importConfig(file(list)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ItemTooLargeError);
    expect((err as Error).message).toMatch(/^Nothing was saved: school 's25' is \d+ KB when stored, over DynamoDB's 400 KB item limit/);
    expect(await snapshot(tableName)).toEqual([]);
  });

  it('the same file through `config import` is refused by the schema, naming the field', async () => {
    const { store, tableName } = await dynamo.freshStore();
    const list: unknown[] = schools(30);
    list[24] = { id: 's25', name: 'S25', aliases: Array.from({ length: 3000 }, (_, i) => `Alias ${i} ${'x'.repeat(150)}`) };
    await expect(importConfig({ store }, { trusts: [{ id: 'meridian', name: 'M', schools: list }] })).rejects.toThrow(`trusts[0].schools[24].aliases: list at most ${LIMITS.listItems} entries`);
    expect(await snapshot(tableName)).toEqual([]);
  });

  it('a write failing half-way puts the store back exactly as it was', async () => {
    const { store, tableName } = await dynamo.freshStore();
    await store.config.importConfig(file(schools(3)));
    const before = await snapshot(tableName);
    // Changes the trust and the three schools, and adds three schools (new id claims): 7 writes, the 5th fails.
    const items = new FailingAfter(new TableItems(dynamo.client, tableName), 4);
    const failing = new ConfigStore(items);
    const err = await failing.importConfig(file(schools(6, ' (renamed)'), 'Meridian renamed')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailedError);
    expect((err as Error).message).toContain('the previous configuration was put back, nothing changed');
    expect((err as Error).cause).toBeInstanceOf(Error);
    expect(await snapshot(tableName)).toEqual(before);
    // And the same import succeeds once the store answers again.
    items.armed = false;
    expect(await failing.importConfig(file(schools(6, ' (renamed)'), 'Meridian renamed'))).toEqual({ created: 3, updated: 4, unchanged: 0 });
  });

  it('a school at every limit fits comfortably in one item', async () => {
    const { store } = await dynamo.freshStore();
    const long = (n: number, c = 'é') => c.repeat(n);
    const big = school({
      id: 'big',
      name: long(LIMITS.nameChars),
      aliases: Array.from({ length: LIMITS.listItems }, (_, i) => `${i}${long(LIMITS.nameChars - 3)}`),
      context: Array.from({ length: LIMITS.listItems }, (_, i) => `${i}${long(LIMITS.nameChars - 3)}`),
      exclude: Array.from({ length: LIMITS.listItems }, (_, i) => `${i}${long(LIMITS.nameChars - 3)}`),
      recipients: Array.from({ length: LIMITS.recipients }, (_, i) => `${'h'.repeat(60)}${i}@${'d'.repeat(60)}.example`),
      feeds: Array.from({ length: LIMITS.feeds }, (_, i) => ({ source: 'rss' as const, url: `https://x.example/${i}/${'p'.repeat(LIMITS.urlChars - 30)}` })),
      scoring: { extraTerms: Array.from({ length: LIMITS.scoringTerms }, (_, i) => `${i}${long(LIMITS.nameChars - 3)}`), ignore: Array.from({ length: LIMITS.scoringTerms }, (_, i) => `${i}${long(LIMITS.nameChars - 3)}`) },
    });
    expect(await store.config.importConfig(file([big]))).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });
});
