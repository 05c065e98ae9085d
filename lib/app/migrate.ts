import { GetItemCommand, DeleteItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Store } from '../store';
import type { MigrationCheckpoint } from '../store/migration-store';
import { copyTable, describeTable, dropTable, ensureTable, addIndex } from '../store/table-admin';

/** The data migrations `cli migrate` knows, by name. */
export const MIGRATIONS = ['unreviewed-index'] as const;
export type MigrationName = (typeof MIGRATIONS)[number];

/** A migration cannot go on; the message says what to do. Nothing already migrated is lost. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Where the table lives decides how an index is added: `aws` (the CDK stack adds it on deploy), `endpoint` (a
 * running local stack: DynamoDB Local can add it, dynalite cannot while the stack uses the table) or `embedded`
 * (the CLI opened the data folder itself, holding its lock: the table may be rebuilt).
 */
export type TableMode = 'aws' | 'endpoint' | 'embedded';

const COPY_DONE = { PK: { S: 'MIGRATION#table-copy' }, SK: { S: 'COMPLETE' } };

/**
 * Gives the table every index `lib/store/table.ts` names. Where DynamoDB can add one (UpdateTable), it does; the
 * embedded dynalite cannot, so there the table is rebuilt: copied whole into `<name>-migrating`, marked complete,
 * dropped, created again with the indexes and copied back. Each step can be interrupted and the command run
 * again: it finds where it stopped from which of the two tables exist and the completion mark.
 */
export async function ensureIndexes(table: { client: DynamoDBClient; tableName: string; mode: TableMode }, say: (line: string) => void): Promise<'present' | 'added' | 'rebuilt'> {
  const { client, tableName, mode } = table;
  const copy = `${tableName}-migrating`;
  let state = await describeTable(client, tableName);
  const temp = await describeTable(client, copy);
  if (state.exists && state.missingIndexes.length === 0 && !temp.exists) return 'present';
  if (!state.exists && !temp.exists) throw new MigrationError(`Table "${tableName}" does not exist: check TABLE_NAME (or start the stack once, which creates it).`);
  if (state.exists && state.missingIndexes.length && !temp.exists) {
    if (mode === 'aws') {
      throw new MigrationError(
        `Table "${tableName}" has no ${state.missingIndexes.join(', ')} index yet. Deploy the stack first (\`npx cdk deploy\` adds it; DynamoDB builds it in the background), then run this command again.`,
      );
    }
    for (const name of state.missingIndexes) {
      say(`Adding index ${name} to table "${tableName}"…`);
      if (!(await addIndex(client, tableName, name))) break;
    }
    state = await describeTable(client, tableName);
    if (state.exists && state.missingIndexes.length === 0) return 'added';
    if (mode === 'endpoint') {
      throw new MigrationError(
        `The DynamoDB at DYNAMODB_ENDPOINT cannot add an index to an existing table (the local dynalite server). Stop \`npm start\`, then run this command again without DYNAMODB_ENDPOINT: it opens the data folder itself and rebuilds the table with the index (nothing is lost; an interrupted rebuild resumes).`,
      );
    }
  }
  // The embedded dynalite: rebuild. First a complete copy (resumed by copying again: a put writes the same item).
  if (state.exists && state.missingIndexes.length) {
    await ensureTable(client, copy);
    say(`Copying table "${tableName}" to "${copy}" (this server cannot add an index to an existing table)…`);
    const n = await copyTable(client, tableName, copy, (done) => say(`  copied ${done.toLocaleString('en-GB')} items`));
    await client.send(new PutItemCommand({ TableName: copy, Item: { ...COPY_DONE, items: { N: String(n) } } }));
    say(`Copied ${n.toLocaleString('en-GB')} items; dropping and re-creating "${tableName}" with its indexes…`);
    await dropTable(client, tableName);
  }
  const mark = await client.send(new GetItemCommand({ TableName: copy, Key: COPY_DONE, ConsistentRead: true }));
  if (!mark.Item) {
    throw new MigrationError(
      `Found "${copy}" without its completion mark while "${tableName}" already has its indexes. Nothing was deleted: check both tables, then delete "${copy}" once "${tableName}" holds everything.`,
    );
  }
  await ensureTable(client, tableName);
  say(`Copying ${Number(mark.Item.items?.N ?? 0).toLocaleString('en-GB')} items back into "${tableName}"…`);
  await copyTable(client, copy, tableName, (done) => say(`  copied ${done.toLocaleString('en-GB')} items`));
  await client.send(new DeleteItemCommand({ TableName: tableName, Key: COPY_DONE }));
  await dropTable(client, copy);
  return 'rebuilt';
}

/**
 * Finishes a rebuild of the embedded table that was interrupted (its copy, `<table>-migrating`, still exists), so a
 * command never reads, claims or writes in a table that is empty or half copied back. Does nothing otherwise (adding
 * the index to an old store is `npm start`'s or `cli migrate`'s job). Returns whether it rebuilt.
 */
export async function finishInterruptedRebuild(table: { client: DynamoDBClient; tableName: string; mode: TableMode }, say: (line: string) => void): Promise<boolean> {
  if (!(await describeTable(table.client, `${table.tableName}-migrating`)).exists) return false;
  say(`An earlier rebuild of table "${table.tableName}" was interrupted; finishing it before anything else.`);
  await ensureIndexes(table, say);
  return true;
}

export interface BackfillResult {
  schools: number;
  read: number;
  /** Unreviewed mentions given their index keys. */
  added: number;
  /** Reviewed mentions whose stale index keys were removed. */
  removed: number;
  /** Mentions whose status changed between read and write (the review's own write keeps the index right). */
  raced: number;
  /** False when stopped early (`maxPages`); run again to resume. */
  complete: boolean;
}

/** Mentions read per page of a data migration, unless `--batch` says otherwise. */
export const DEFAULT_MIGRATE_BATCH = 500;

/**
 * What a backfill line reports, so a caller picks the lines it shows by kind, not by their wording: `done-earlier`,
 * a school an earlier run finished (skipped); `resuming`, a school picked up at its checkpoint; `page`, a page's
 * running totals; `no-mentions`, a school with no mentions at all, finished on its first page; `stopped`, the
 * run stopped at `maxPages`.
 */
export type BackfillLine = 'done-earlier' | 'resuming' | 'page' | 'no-mentions' | 'stopped';

/**
 * Gives every mention with status `new` its unreviewed-index keys (and takes them off any other), school by
 * school, saving a checkpoint after each page so an interrupted run resumes where it stopped. Idempotent:
 * mentions already right are not written, and a school marked done is skipped unless `again`.
 */
export async function backfillUnreviewedIndex(
  deps: { store: Store; clock: () => Date },
  options: { say: (line: string, kind: BackfillLine) => void; pageSize?: number; again?: boolean; /** Stop after this many pages (tests of resuming). */ maxPages?: number },
): Promise<BackfillResult> {
  const name: MigrationName = 'unreviewed-index';
  const pageSize = options.pageSize ?? DEFAULT_MIGRATE_BATCH;
  const total: BackfillResult = { schools: 0, read: 0, added: 0, removed: 0, raced: 0, complete: true };
  let pages = 0;
  for (const trust of await deps.store.config.listTrusts()) {
    for (const { school } of await deps.store.config.listSchools(trust.id)) {
      const key = { trustId: trust.id, schoolId: school.id };
      const label = `${trust.id}/${school.id}`;
      total.schools++;
      const saved = options.again ? undefined : await deps.store.migrations.get(name, key);
      if (saved?.done) {
        options.say(`${label}: done earlier (${saved.read.toLocaleString('en-GB')} mentions read, ${saved.added.toLocaleString('en-GB')} indexed)`, 'done-earlier');
        continue;
      }
      const cp: MigrationCheckpoint = saved ?? { done: false, read: 0, added: 0, removed: 0, raced: 0, at: '' };
      if (saved) options.say(`${label}: resuming after ${saved.read.toLocaleString('en-GB')} mentions`, 'resuming');
      while (!cp.done) {
        if (options.maxPages !== undefined && pages >= options.maxPages) {
          total.complete = false;
          options.say(`Stopped after ${pages} page(s); run the command again to resume.`, 'stopped');
          return total;
        }
        const step = await deps.store.mentions.repairUnreviewedKeys(key, { after: cp.after, limit: pageSize });
        pages++;
        cp.after = step.lastKey ?? cp.after;
        cp.done = step.exhausted;
        cp.read += step.read;
        cp.added += step.added;
        cp.removed += step.removed;
        cp.raced += step.raced;
        cp.at = deps.clock().toISOString();
        for (const k of ['read', 'added', 'removed', 'raced'] as const) total[k] += step[k];
        await deps.store.migrations.save(name, key, cp);
        options.say(
          `${label}: ${cp.read.toLocaleString('en-GB')} mentions read, ${cp.added.toLocaleString('en-GB')} unreviewed indexed${cp.removed ? `, ${cp.removed} stale keys removed` : ''}${cp.raced ? `, ${cp.raced} changed meanwhile` : ''}${cp.done ? ' — done' : ''}`,
          cp.done && cp.read === 0 ? 'no-mentions' : 'page',
        );
      }
    }
  }
  return total;
}
