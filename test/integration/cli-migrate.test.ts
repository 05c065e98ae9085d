import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { triageSummary } from '../../lib/app/summary';
import { startLocalDynamo } from '../../lib/local/dynamo-server';
import { createDynamoClient, createStore } from '../../lib/store';
import { TableItems } from '../../lib/store/items';
import { mentionItem } from '../../lib/store/mention-store';
import { keys, TABLE } from '../../lib/store/table';
import { copyTable, dropTable, ensureTable } from '../../lib/store/table-admin';
import type { ReviewStatus } from '../../lib/store/types';
import { mention, school } from '../support/fixtures';

/** `cli migrate` as a user runs it: a child process on an embedded store written with the 0.4 table layout. */
const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-migrate-'));
const dataDir = join(dir, 'data');
const NOW = new Date('2026-03-31T12:00:00.000Z');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/schoolwatch.ts', ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '', S3_ENDPOINT: '' }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function withStore<T>(run: (store: ReturnType<typeof createStore>, client: ReturnType<typeof createDynamoClient>) => Promise<T>): Promise<T> {
  const dynamo = await startLocalDynamo({ dataDir });
  const client = createDynamoClient({ region: 'eu-west-2', endpoint: dynamo.endpoint });
  try {
    return await run(createStore(client, 'schoolwatch'), client);
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}

describe('cli migrate unreviewed-index', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const statuses: ReviewStatus[] = ['new', 'reviewed', 'new', 'dismissed', 'new'];
  const seeded = Array.from({ length: 23 }, (_, i) =>
    mention({ id: `m${i}`, trustId: 'meridian', schoolId: i % 2 ? 'northgate' : 'kestrel', capturedAt: new Date(NOW.getTime() - i * 3_600_000).toISOString(), status: statuses[i % statuses.length]! }),
  );
  const unreviewed = seeded.filter((m) => m.status === 'new').length;
  const reader = { subject: 'u', email: 'team@meridian.example', role: 'trust' as const, trustId: 'meridian' };

  it('adds the index to a 0.4 store, indexes its unreviewed mentions with progress lines, and a second run changes nothing', async () => {
    await withStore(async (store, client) => {
      const { trustIndex } = TABLE;
      await client.send(
        new CreateTableCommand({
          TableName: 'schoolwatch',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: ['PK', 'SK', trustIndex.partitionKey, trustIndex.sortKey].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
          KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
          GlobalSecondaryIndexes: [{ IndexName: trustIndex.name, KeySchema: [{ AttributeName: trustIndex.partitionKey, KeyType: 'HASH' }, { AttributeName: trustIndex.sortKey, KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
        }),
      );
      await store.config.importConfig({ trusts: [{ id: 'meridian', name: 'Meridian', retentionMonths: 12, schools: [school({ id: 'northgate' }), school({ id: 'kestrel', name: 'Kestrel Primary' })] }] });
      const items = new TableItems(client, 'schoolwatch');
      for (const m of seeded) {
        const { GSI2PK: _a, GSI2SK: _b, ...old } = mentionItem(m);
        await items.put(old);
        await items.put({ ...keys.mentionRef(m.id), schoolId: m.schoolId, trustId: m.trustId, mentionSK: old.SK });
      }
    });

    const bad = await cli(['migrate', 'everything']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('migrate takes the name of a migration: unreviewed-index');
    expect((await cli(['migrate', 'unreviewed-index', '--batch', 'lots'])).stderr).toContain('--batch must be a whole number from 1 to 5000, not "lots"');

    const first = await cli(['migrate', 'unreviewed-index', '--batch', '5']);
    expect(first.stderr).toContain('Copying table "schoolwatch" to "schoolwatch-migrating"');
    expect(first.stderr).toMatch(/meridian\/kestrel: 5 mentions read, \d+ unreviewed indexed\n/);
    expect(first.stderr).toMatch(/meridian\/northgate: 11 mentions read, \d+ unreviewed indexed — done/);
    expect(first.stdout).toContain(`Unreviewed index: 2 school(s), 23 mention(s) read, ${unreviewed} indexed, 0 stale key(s) removed, 0 changed meanwhile. Done.`);
    expect(first.code).toBe(0);

    const second = await cli(['migrate', 'unreviewed-index']);
    expect(second.stderr).toContain('Table "schoolwatch" already has its indexes.');
    expect(second.stderr).toContain('meridian/kestrel: done earlier (12 mentions read');
    expect(second.stdout).toContain('2 school(s), 0 mention(s) read, 0 indexed');
    const again = await cli(['migrate', 'unreviewed-index', '--again']);
    expect(again.stdout).toContain('2 school(s), 23 mention(s) read, 0 indexed');

    await withStore(async (store) => {
      const s = await triageSummary({ store, clock: () => NOW }, reader);
      expect(s.unreviewed).toBe(unreviewed);
      expect(s.oldestUnreviewed?.id).toBe(seeded.filter((m) => m.status === 'new').at(-1)!.id);
    });
  }, 300_000);

  it('any other command on a store whose rebuild stopped after the drop finishes the rebuild first, so nothing reads or claims in a half-copied table', async () => {
    // the state a Ctrl-C leaves between "dropping" and "copying back": only the complete copy holds the store
    await withStore(async (_store, client) => {
      await ensureTable(client, 'schoolwatch-migrating');
      await copyTable(client, 'schoolwatch', 'schoolwatch-migrating');
      await client.send(new PutItemCommand({ TableName: 'schoolwatch-migrating', Item: { PK: { S: 'MIGRATION#table-copy' }, SK: { S: 'COMPLETE' }, items: { N: '1' } } }));
      await dropTable(client, 'schoolwatch');
    });
    const exported = await cli(['config', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('"meridian"');
    expect(exported.stderr).toContain('Copying');
    await withStore(async (store, client) => {
      expect(await describeTableExists(client, 'schoolwatch-migrating')).toBe(false);
      expect(await store.config.ownerOf('northgate')).toBe('meridian');
    });
  }, 300_000);
});

async function describeTableExists(client: ReturnType<typeof createDynamoClient>, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch {
    return false;
  }
}
