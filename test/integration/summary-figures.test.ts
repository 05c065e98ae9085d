import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../lib/auth/principal';
import { localDay, type ReviewedMention } from '../../lib/app/mentions-query';
import { triageSummary, URGENT_CATEGORIES, type MentionBrief, type TriageSummary } from '../../lib/app/summary';
import type { Store } from '../../lib/store';
import type { Mention, ReviewStatus } from '../../lib/store/types';
import type { Family, Severity } from '../../lib/score/types';
import { CreateTableCommand, DescribeTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { assignMention, reviewMany, reviewMention } from '../../lib/app/review';
import { eraseSchoolData, purgeExpired } from '../../lib/app/retention';
import { backfillUnreviewedIndex, ensureIndexes, MigrationError, type BackfillLine } from '../../lib/app/migrate';
import { createStore } from '../../lib/store';
import { TableItems } from '../../lib/store/items';
import { mentionItem } from '../../lib/store/mention-store';
import { keys, TABLE } from '../../lib/store/table';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { flaggedScore, mention, school } from '../support/fixtures';

/**
 * The Overview's figures on a varied seeded store, checked against a plain recount from every mention read whole
 * (`store.mentions.get`), for each kind of reader. Pins the dashboard's numbers so that how the summary reads the
 * store can change without any figure changing.
 */

type Full = ReviewedMention & { alertedAt?: string };

const SCHOOLS = [
  { trustId: 'meridian', id: 'northgate', name: 'Northgate Park Academy', timezone: 'Europe/London' },
  { trustId: 'meridian', id: 'kestrel', name: 'Kestrel Primary', timezone: 'Europe/Dublin' },
  { trustId: 'meridian', id: 'quay', name: 'Quay School', timezone: 'America/New_York' },
  { trustId: 'meridian', id: 'empty', name: 'Empty Academy', timezone: 'Europe/London' },
  { trustId: 'harbour', id: 'seaview', name: 'Seaview High', timezone: 'Europe/London' },
];
const NOW = new Date('2026-03-31T23:30:00.000Z'); // already 1 April in London (BST), still 31 March in New York

const CATEGORIES: { id: string; family: Family }[] = [
  { id: 'abuse.threat', family: 'abuse' },
  { id: 'abuse.disparaging', family: 'abuse' },
  { id: 'confidential.pupil-personal', family: 'confidential' },
  { id: 'confidential.credentials', family: 'confidential' },
  { id: 'confidential.internal', family: 'confidential' },
  { id: 'reputation.inspection', family: 'reputation' },
];
const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const STATUSES: ReviewStatus[] = ['new', 'new', 'new', 'new', 'reviewed', 'escalated', 'dismissed'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Mentions over ~45 days (some older than the trend), with one- and two-family scores, alerts and Ofsted-style items. */
function seedMentions(): Mention[] {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Mention[] = [];
  for (let i = 0; i < 240; i++) {
    const s = SCHOOLS.filter((x) => x.id !== 'empty')[i % 4]!;
    const capturedAt = new Date(NOW.getTime() - Math.floor(rand() * 45 * 86_400_000)).toISOString();
    const cats = [pick(CATEGORIES), ...(i % 5 === 0 ? [pick(CATEGORIES)] : [])].map((c) => ({ ...c, severity: pick(SEVERITIES) }));
    const ofsted = i % 37 === 0; // kept flagged or not: no families, no severity
    const families = ofsted ? [] : [...new Set(cats.map((c) => c.family))];
    const severity = ofsted ? null : cats.some((c) => c.severity === 'high') ? 'high' : pick(SEVERITIES);
    out.push(
      mention({
        id: `m${String(i).padStart(3, '0')}`,
        trustId: s.trustId,
        schoolId: s.id,
        capturedAt,
        ...(i % 3 === 0 ? {} : { publishedAt: new Date(Date.parse(capturedAt) - 3_600_000).toISOString() }),
        title: `Post ${i} about ${s.name}`,
        text: `A long snapshot text ${'lorem '.repeat(50)} ${i}`,
        severity,
        families,
        score: flaggedScore({
          severity: severity ?? 'low',
          families,
          categories: ofsted ? [] : cats.map((c) => ({ id: c.id, family: c.family, label: c.id, policyClause: 'Clause', severity: c.severity, reason: 'r' })),
        }),
        ...(i % 11 === 0 ? { alertedAt: new Date(Date.parse(capturedAt) + 60_000).toISOString(), alertOutcome: 'sent' as const } : {}),
      }),
    );
  }
  // Two captured in the same millisecond at one school, and two at the trend's edges.
  out.push(mention({ id: 'tie-a', trustId: 'meridian', schoolId: 'kestrel', capturedAt: '2026-03-20T10:00:00.000Z' }));
  out.push(mention({ id: 'tie-b', trustId: 'meridian', schoolId: 'kestrel', capturedAt: '2026-03-20T10:00:00.000Z' }));
  out.push(mention({ id: 'edge-old', trustId: 'meridian', schoolId: 'northgate', capturedAt: '2026-03-02T22:59:59.999Z', severity: 'low', families: ['reputation'] }));
  out.push(mention({ id: 'edge-new', trustId: 'meridian', schoolId: 'quay', capturedAt: '2026-03-31T23:29:00.000Z', severity: 'medium', families: ['confidential'] }));
  return out;
}

/** The dashboard recounted the plain way, from whole mentions. */
function recount(all: Full[], principal: Principal): TriageSummary {
  const visible = SCHOOLS.filter((s) => s.trustId === principal.trustId && (principal.role !== 'head' || s.id === principal.schoolId));
  const timezone = (principal.role === 'head' && visible[0]?.timezone) || 'Europe/London';
  const mine = all
    .filter((m) => m.trustId === principal.trustId && visible.some((s) => s.id === m.schoolId))
    .sort((a, b) => `${b.capturedAt}#${b.id}`.localeCompare(`${a.capturedAt}#${a.id}`));
  const urgentOf = (m: Full) => Boolean(m.alertedAt) || (m.severity === 'high' && m.score.categories.some((c) => c.severity === 'high' && URGENT_CATEGORIES.includes(c.id)));
  const waiting = mine.filter((m) => m.status === 'new');
  const count = (ms: Full[]) => {
    const byFamily: Record<Family, number> = { abuse: 0, confidential: 0, reputation: 0 };
    for (const m of ms) for (const f of m.families) byFamily[f]++;
    return byFamily;
  };
  const brief = (m: Full): MentionBrief => ({
    id: m.id,
    schoolId: m.schoolId,
    title: m.title,
    capturedAt: m.capturedAt,
    publishedAt: m.publishedAt,
    severity: m.severity,
    families: m.families,
    status: m.status,
    assignee: m.assignee,
    categories: m.score.categories.map((c) => c.id),
    ...(m.alertedAt ? { alertedAt: m.alertedAt } : {}),
  });
  const oldest = waiting.at(-1) && waiting.filter((m) => m.capturedAt === waiting.at(-1)!.capturedAt)[0]!;
  const days = Array.from({ length: 30 }, (_, i) => localDay(new Date(NOW.getTime() - (29 - i) * 86_400_000).toISOString(), timezone));
  const urgent = waiting.filter(urgentOf);
  return {
    generatedAt: NOW.toISOString(),
    timezone,
    unreviewed: waiting.length,
    byFamily: count(waiting),
    schools: visible
      .map((s) => {
        const w = waiting.filter((m) => m.schoolId === s.id);
        return { schoolId: s.id, name: s.name, unreviewed: w.length, byFamily: count(w), oldestUnreviewedAt: w.at(-1)?.capturedAt };
      })
      .sort((a, b) => b.unreviewed - a.unreviewed || a.name.localeCompare(b.name)),
    oldestUnreviewed: oldest ? { ...brief(oldest), ageHours: Math.floor((NOW.getTime() - Date.parse(oldest.capturedAt)) / 3_600_000) } : undefined,
    urgent: urgent.slice(0, 20).map(brief),
    urgentCount: urgent.length,
    trend: days.map((date) => {
      const that = mine.filter((m) => localDay(m.capturedAt, timezone) === date);
      return { date, flagged: that.length, urgent: that.filter(urgentOf).length };
    }),
    anyFlagged: mine.length > 0,
  };
}

describe('Overview figures: identical to a recount from whole mentions', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let ids: string[];
  const principals: Record<string, Principal> = {
    'trust admin': { subject: 'u1', email: 'admin@meridian.example', role: 'admin', trustId: 'meridian' },
    'trust team': { subject: 'u2', email: 'team@meridian.example', role: 'trust', trustId: 'meridian' },
    'head (Dublin)': { subject: 'u3', email: 'head@kestrel.example', role: 'head', trustId: 'meridian', schoolId: 'kestrel' },
    'head (New York)': { subject: 'u4', email: 'head@quay.example', role: 'head', trustId: 'meridian', schoolId: 'quay' },
    'head with no school': { subject: 'u5', email: 'head@none.example', role: 'head', trustId: 'meridian' },
    'other trust': { subject: 'u6', email: 'team@harbour.example', role: 'trust', trustId: 'harbour' },
  };

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    const trusts = ['meridian', 'harbour'].map((t) => ({
      id: t,
      name: `${t} trust`,
      retentionMonths: 12,
      schools: SCHOOLS.filter((s) => s.trustId === t).map((s) => school({ id: s.id, name: s.name, timezone: s.timezone })),
    }));
    await store.config.importConfig({ trusts });
    const seeded = seedMentions();
    ids = seeded.map((m) => m.id);
    for (const m of seeded) await store.mentions.record({ trustId: m.trustId, schoolId: m.schoolId, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
    // Review changes through the store, as the review use case makes them: statuses and assignees.
    const rand = rng(11);
    for (const m of seeded) {
      const to = STATUSES[Math.floor(rand() * STATUSES.length)]!;
      const assignee = rand() < 0.3 ? 'team@meridian.example' : undefined;
      if (to !== 'new' || assignee) await store.mentions.transitionStatus(m, 'new', to, { reviewedAt: NOW.toISOString(), reviewedBy: 'team@meridian.example', assignee });
    }
  }, 120_000);
  afterAll(async () => dynamo?.stop());

  it.each(Object.keys(principals))('for the %s', async (who) => {
    const principal = principals[who]!;
    const all = (await Promise.all(ids.map((id) => store.mentions.get(id)))) as Full[];
    const summary = await triageSummary({ store, clock: () => NOW }, principal);
    expect(summary).toEqual(recount(all, principal));
    expect(JSON.parse(JSON.stringify(summary))).toEqual(JSON.parse(JSON.stringify(recount(all, principal))));
  });

  it('reads headlines only (no snapshot), chunk for chunk the same items and keys as the full scan', async () => {
    for (const partition of [{ trustId: 'meridian' }, { trustId: 'meridian', schoolId: 'kestrel' }]) {
      let before: string | undefined;
      for (;;) {
        const full = await store.mentions.scan(partition, { before, limit: 40 });
        const heads = await store.mentions.scanHeadlines(partition, { before, limit: 40 });
        expect(heads.mentions.map((m) => m.id)).toEqual(full.mentions.map((m) => m.id));
        expect([heads.lastKey, heads.exhausted]).toEqual([full.lastKey, full.exhausted]);
        for (const h of heads.mentions) {
          expect(h).not.toHaveProperty('text');
          expect(h).not.toHaveProperty('score');
          expect(h).not.toHaveProperty('PK');
        }
        if (full.exhausted || !full.lastKey) break;
        before = full.lastKey;
      }
    }
  });

  it('pages through a whole partition chunk by chunk, every item once (scan and scanHeadlines, from a bound too)', async () => {
    const all = (await Promise.all(ids.map((id) => store.mentions.get(id)))).filter((m) => m!.trustId === 'meridian');
    const from = new Date(NOW.getTime() - 20 * 86_400_000).toISOString();
    for (const partition of [{ trustId: 'meridian' }, { trustId: 'meridian', schoolId: 'kestrel' }]) {
      for (const bound of [undefined, from]) {
        const expected = all
          .filter((m) => (partition.schoolId === undefined || m!.schoolId === partition.schoolId) && (!bound || m!.capturedAt >= bound))
          .map((m) => m!.id)
          .sort();
        for (const read of [(o: { before?: string }) => store.mentions.scan(partition, { ...o, from: bound, limit: 7 }), (o: { before?: string }) => store.mentions.scanHeadlines(partition, { ...o, from: bound, limit: 7 })]) {
          const seen: string[] = [];
          let before: string | undefined;
          for (;;) {
            const chunk = await read({ before });
            seen.push(...chunk.mentions.map((m) => m.id));
            if (chunk.exhausted || !chunk.lastKey) break;
            before = chunk.lastKey;
          }
          expect(seen.sort(), JSON.stringify({ partition, bound })).toEqual(expected);
        }
      }
    }
  });

  it('covers what the figures depend on (the seeded store is not trivially empty)', async () => {
    const s = await triageSummary({ store, clock: () => NOW }, principals['trust team']!);
    expect(s.unreviewed).toBeGreaterThan(20);
    expect(s.urgentCount).toBeGreaterThan(20); // more than the list shows
    expect(s.urgent.some((m) => m.alertedAt)).toBe(true);
    expect(s.urgent.some((m) => m.assignee)).toBe(true);
    const meridian = (await Promise.all(ids.map((id) => store.mentions.get(id)))).filter((m) => m?.trustId === 'meridian');
    expect(meridian.length).toBeGreaterThan(s.trend.reduce((n, d) => n + d.flagged, 0)); // some older than the trend
    expect(meridian.some((m) => m!.status === 'new' && Date.parse(m!.capturedAt) < NOW.getTime() - 31 * 86_400_000)).toBe(true); // unreviewed and older than the trend
    expect(s.schools.find((x) => x.schoolId === 'empty')).toMatchObject({ unreviewed: 0, oldestUnreviewedAt: undefined });
  });
});

const quiet = { info() {}, warn() {}, error() {} } as never;
const admin: Principal = { subject: 'u1', email: 'admin@meridian.example', role: 'admin', trustId: 'meridian' };

/** Every reader's Overview against the recount, on whatever the store holds now. */
async function expectFiguresMatch(store: Store, ids: string[], principals: Record<string, Principal>): Promise<void> {
  const all = (await Promise.all(ids.map((id) => store.mentions.get(id)))).filter((m): m is Full => m !== undefined);
  for (const [who, principal] of Object.entries(principals)) {
    const summary = await triageSummary({ store, clock: () => NOW }, principal);
    expect(JSON.parse(JSON.stringify(summary)), who).toEqual(JSON.parse(JSON.stringify(recount(all, principal))));
  }
}

async function seedStore(store: Store, retentionMonths: number): Promise<Mention[]> {
  const trusts = ['meridian', 'harbour'].map((t) => ({
    id: t,
    name: `${t} trust`,
    retentionMonths,
    schools: SCHOOLS.filter((s) => s.trustId === t).map((s) => school({ id: s.id, name: s.name, timezone: s.timezone })),
  }));
  await store.config.importConfig({ trusts });
  const seeded = seedMentions();
  const rand = rng(11);
  return seeded.map((m) => {
    const to = STATUSES[Math.floor(rand() * STATUSES.length)]!;
    return { ...m, status: to, ...(rand() < 0.3 ? { assignee: 'team@meridian.example' } : {}) };
  });
}

describe('Overview figures follow every change of status and existence (the unreviewed index)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let tableName: string;
  let ids: string[];
  const readers: Record<string, Principal> = {
    'trust team': { subject: 'u2', email: 'team@meridian.example', role: 'trust', trustId: 'meridian' },
    'head (Dublin)': { subject: 'u3', email: 'head@kestrel.example', role: 'head', trustId: 'meridian', schoolId: 'kestrel' },
    'head (New York)': { subject: 'u4', email: 'head@quay.example', role: 'head', trustId: 'meridian', schoolId: 'quay' },
    'other trust': { subject: 'u6', email: 'team@harbour.example', role: 'trust', trustId: 'harbour' },
  };
  const deps = () => ({ store, clock: () => NOW, log: quiet });
  const summaryFor = (p: Principal) => triageSummary({ store, clock: () => NOW }, p);

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store, tableName } = await dynamo.freshStore());
    // One month's retention, so the purge below erases the older half of the seeded items.
    const seeded = await seedStore(store, 1);
    ids = seeded.map((m) => m.id);
    // Recorded with their review state already set: the record itself decides whether an item is indexed.
    for (const m of seeded) await store.mentions.record({ trustId: m.trustId, schoolId: m.schoolId, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
  }, 120_000);
  afterAll(async () => dynamo?.stop());

  it('as recorded, with statuses other than new', async () => {
    await expectFiguresMatch(store, ids, readers);
  });

  it('a stale index entry (an old reviewed item still carrying its unreviewed-index keys, as 0.4 code reviewing during a deploy leaves) is not counted', async () => {
    const all = (await Promise.all(ids.map((id) => store.mentions.get(id)))).filter((m): m is Full => m !== undefined);
    const cutoff = new Date(NOW.getTime() - 32 * 86_400_000).toISOString();
    const old = all.find((m) => m.status !== 'new' && m.trustId === 'meridian' && m.capturedAt < cutoff)!;
    expect(old).toBeDefined();
    const before = await summaryFor(readers['trust team']!);
    await new TableItems(dynamo.client, tableName).put({ ...mentionItem({ ...old, status: 'new' }), status: old.status });
    expect((await summaryFor(readers['trust team']!)).unreviewed).toBe(before.unreviewed);
    await expectFiguresMatch(store, ids, readers);
  });

  it('after an item is reviewed (the oldest and an urgent one) and one assigned and alerted while waiting', async () => {
    const before = await summaryFor(readers['trust team']!);
    const oldest = before.oldestUnreviewed!.id;
    const urgent = before.urgent.find((m) => m.id !== oldest)!.id;
    for (const id of [oldest, urgent]) await reviewMention(deps(), admin, id, { status: 'reviewed', note: 'Looked at it.' });
    const waiting = before.urgent.find((m) => m.id !== oldest && m.id !== urgent && !m.assignee)!;
    await assignMention(deps(), admin, waiting.id, { assignee: 'team@meridian.example' });
    const quietOne = (await Promise.all(ids.map((id) => store.mentions.get(id)))).find((m) => m?.status === 'new' && !m.alertedAt && m.trustId === 'meridian')!;
    await store.alerts.markAlerted(quietOne, NOW.toISOString(), 'sent', 'tok');
    const after = await summaryFor(readers['trust team']!);
    expect(after.unreviewed).toBe(before.unreviewed - 2);
    expect(after.oldestUnreviewed!.id).not.toBe(oldest);
    expect(after.urgent.find((m) => m.id === waiting.id)?.assignee).toBe('team@meridian.example');
    expect(after.urgent.some((m) => m.id === quietOne.id)).toBe(true);
    await expectFiguresMatch(store, ids, readers);
  });

  it('after items are un-reviewed (dismissed, reviewed or escalated back to new)', async () => {
    const before = await summaryFor(readers['trust team']!);
    const all = await Promise.all(ids.map((id) => store.mentions.get(id)));
    const back = (['dismissed', 'reviewed', 'escalated'] as const).map((st) => all.find((m) => m?.status === st && m.trustId === 'meridian')!);
    for (const m of back) await reviewMention(deps(), admin, m.id, { status: 'new', note: 'Needs another look.' });
    expect((await summaryFor(readers['trust team']!)).unreviewed).toBe(before.unreviewed + 3);
    await expectFiguresMatch(store, ids, readers);
  });

  it('after a bulk review', async () => {
    const waiting = (await Promise.all(ids.map((id) => store.mentions.get(id)))).filter((m) => m?.status === 'new' && m.trustId === 'meridian').slice(0, 15);
    const before = await summaryFor(readers['trust team']!);
    const outcomes = await reviewMany(deps(), admin, waiting.map((m) => m!.id), { status: 'dismissed', note: 'Not about us.' });
    expect(outcomes.every((o) => o.outcome === 'changed')).toBe(true);
    expect((await summaryFor(readers['trust team']!)).unreviewed).toBe(before.unreviewed - 15);
    await expectFiguresMatch(store, ids, readers);
  });

  it('after a school is erased', async () => {
    expect((await summaryFor(readers['head (New York)']!)).unreviewed).toBeGreaterThan(0);
    await eraseSchoolData(deps(), 'quay', 'meridian');
    const head = await summaryFor(readers['head (New York)']!);
    expect([head.unreviewed, head.anyFlagged]).toEqual([0, false]);
    await expectFiguresMatch(store, ids, readers);
  });

  it('after the retention purge (escalated items kept)', async () => {
    const results = await purgeExpired({ ...deps(), evidence: undefined });
    expect(results.reduce((n, r) => n + r.mentionsErased, 0)).toBeGreaterThan(20);
    expect(results.reduce((n, r) => n + r.escalatedKept, 0)).toBeGreaterThan(0);
    await expectFiguresMatch(store, ids, readers);
  });
});

describe('Overview figures on a store written before the unreviewed index (the migration)', () => {
  let dynamo: TestDynamo;
  afterAll(async () => dynamo?.stop());
  const readers: Record<string, Principal> = {
    'trust admin': admin,
    'head (Dublin)': { subject: 'u3', email: 'head@kestrel.example', role: 'head', trustId: 'meridian', schoolId: 'kestrel' },
    'other trust': { subject: 'u6', email: 'team@harbour.example', role: 'trust', trustId: 'harbour' },
  };

  it('rebuilds an embedded table without the index, backfills it resumably and idempotently, and the figures match', async () => {
    dynamo = await startTestDynamo();
    const client = dynamo.client;
    const tableName = 'old-layout';
    // The 0.4 table: keys and GSI1 only.
    const { trustIndex } = TABLE;
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['PK', 'SK', trustIndex.partitionKey, trustIndex.sortKey].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
        GlobalSecondaryIndexes: [{ IndexName: trustIndex.name, KeySchema: [{ AttributeName: trustIndex.partitionKey, KeyType: 'HASH' }, { AttributeName: trustIndex.sortKey, KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
      }),
    );
    const store = createStore(client, tableName);
    const seeded = await seedStore(store, 12);
    const ids = seeded.map((m) => m.id);
    // Mentions as 0.4 wrote them: without the unreviewed-index keys.
    const items = new TableItems(client, tableName);
    for (const m of seeded) {
      const { GSI2PK: _a, GSI2SK: _b, ...old } = mentionItem(m);
      await items.put(old);
      await items.put({ ...keys.mentionRef(m.id), schoolId: m.schoolId, trustId: m.trustId, mentionSK: old.SK });
    }
    const count = async () => (await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count;
    const stored = await count();
    expect(stored).toBeGreaterThan(ids.length * 2);

    const lines: string[] = [];
    const say = (l: string) => lines.push(l);
    // A running local stack's dynalite cannot add the index: the command says what to do instead, and changes nothing.
    await expect(ensureIndexes({ client, tableName, mode: 'endpoint' }, say)).rejects.toThrow(MigrationError);
    await expect(ensureIndexes({ client, tableName, mode: 'aws' }, say)).rejects.toThrow(/Deploy the stack first/);
    expect(await ensureIndexes({ client, tableName, mode: 'embedded' }, say)).toBe('rebuilt');
    expect(lines.some((l) => /Copying table "old-layout"/.test(l))).toBe(true);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table!.GlobalSecondaryIndexes!.map((i) => i.IndexName).sort()).toEqual(['GSI1', 'GSI2']);
    expect(await count()).toBe(stored); // everything copied back, the completion mark gone
    await expect(client.send(new DescribeTableCommand({ TableName: `${tableName}-migrating` }))).rejects.toThrow(/not found|ResourceNotFound/i);
    expect(await ensureIndexes({ client, tableName, mode: 'embedded' }, say)).toBe('present');

    // Not yet backfilled: the last 30 days' unreviewed items count (they come with the trend), older ones not yet.
    const pre = (await triageSummary({ store, clock: () => NOW }, admin)).unreviewed;
    const due = seeded.filter((m) => m.trustId === 'meridian' && m.status === 'new');
    expect(pre).toBe(due.filter((m) => m.capturedAt >= new Date(NOW.getTime() - 31 * 86_400_000).toISOString()).length);
    expect(pre).toBeLessThan(due.length);

    // Interrupted after three pages, then resumed: the checkpoint carries on where it stopped.
    const first = await backfillUnreviewedIndex({ store, clock: () => NOW }, { say, pageSize: 9, maxPages: 3 });
    expect(first.complete).toBe(false);
    expect(first.read).toBeGreaterThan(0);
    expect(first.read).toBeLessThanOrEqual(27);
    const second = await backfillUnreviewedIndex({ store, clock: () => NOW }, { say, pageSize: 9 });
    expect(second.complete).toBe(true);
    const unreviewedSeeded = seeded.filter((m) => m.status === 'new').length;
    expect(first.added + second.added).toBe(unreviewedSeeded);
    expect(first.read + second.read).toBe(seeded.length);
    expect(lines.some((l) => /: resuming after [1-9]\d* mentions$/.test(l))).toBe(true);
    await expectFiguresMatch(store, ids, readers);

    // Again: every school done (each says so as a `done-earlier` line); and re-checking everything (--again) writes nothing.
    const kinds: BackfillLine[] = [];
    const third = await backfillUnreviewedIndex({ store, clock: () => NOW }, { say: (_line, kind) => kinds.push(kind) });
    expect([third.read, third.added, third.removed]).toEqual([0, 0, 0]);
    expect(kinds.length).toBe(third.schools);
    expect(new Set(kinds)).toEqual(new Set(['done-earlier']));
    const again = await backfillUnreviewedIndex({ store, clock: () => NOW }, { say, again: true });
    expect([again.read, again.added, again.removed]).toEqual([seeded.length, 0, 0]);
    await expectFiguresMatch(store, ids, readers);
  }, 120_000);
});
