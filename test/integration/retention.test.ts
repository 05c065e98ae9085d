import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger } from '../../lib/app/deps';
import { eraseSchoolData, exportSchoolData, monthsBefore, purgeExpired } from '../../lib/app/retention';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';

describe('retention and per-school export/erase (dynalite)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  const now = new Date('2026-11-21T03:00:00Z');
  const deps = () => ({ store, clock: () => now, log: silentLogger });

  const record = (id: string, schoolId: string, capturedAt: string, status: 'new' | 'escalated' = 'new') =>
    store.mentions.record({ trustId: 'meridian', schoolId, itemKey: `k-${id}`, capturedAt, build: (at) => mention({ id, schoolId, trustId: 'meridian', capturedAt: at, status }) });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await importConfig({ store }, {
      trusts: [{ id: 'meridian', name: 'Meridian', retentionMonths: 12, schools: [{ id: 'northgate', name: 'Northgate Park Academy' }, { id: 'kestrel', name: 'Kestrel Brook Primary' }] }],
    });
    await record('old', 'northgate', '2025-10-01T10:00:00.000Z');
    await record('old-escalated', 'northgate', '2025-09-01T10:00:00.000Z', 'escalated');
    await record('recent', 'northgate', '2026-10-21T10:00:00.000Z');
    await store.reviews.append({ mentionId: 'old', at: '2025-10-02T10:00:00.000Z', actor: 'a@b.c', actorRole: 'trust', from: 'new', to: 'reviewed', note: 'seen' });
    // an unflagged item seen 200 days ago: its dedupe marker has expired
    await store.mentions.record({ trustId: 'meridian', schoolId: 'northgate', itemKey: 'plain', capturedAt: '2026-05-05T00:00:00.000Z' });
    await record('k1', 'kestrel', '2026-11-01T10:00:00.000Z');
  });
  afterAll(async () => dynamo.stop());

  it('counts calendar months back', () => {
    expect(monthsBefore(now, 12).toISOString()).toBe('2025-11-21T03:00:00.000Z');
  });

  it('a dry run reports what is due and deletes nothing', async () => {
    const results = await purgeExpired(deps(), { dryRun: true });
    expect(results.find((r) => r.schoolId === 'northgate')).toMatchObject({ mentionsErased: 1, escalatedKept: 1 });
    expect(await store.mentions.get('old')).toBeDefined();
  });

  it('erases snapshots past retention with their audit trail, keeps escalated and recent ones', async () => {
    const results = await purgeExpired(deps());
    expect(results.find((r) => r.schoolId === 'northgate')).toEqual({ schoolId: 'northgate', mentionsErased: 1, escalatedKept: 1, seenMarkersPurged: 3, alertBatchesPurged: 0 }); // markers of 'plain', 'old' and 'old-escalated'
    expect(await store.mentions.get('old')).toBeUndefined();
    expect(await store.reviews.history('old')).toEqual([]);
    expect((await store.mentions.get('old-escalated'))?.status).toBe('escalated');
    expect(await store.mentions.get('recent')).toBeDefined();
    // the expired marker is gone, so the same unflagged item would be assessed afresh
    expect(await store.mentions.record({ trustId: 'meridian', schoolId: 'northgate', itemKey: 'plain', capturedAt: now.toISOString() })).toBe('seen');
  });

  it('exports everything held about one school, then erases it without touching other schools', async () => {
    // a data migration's checkpoint names the school too: erasing the school's data takes it as well
    const checkpoint = { done: true, read: 2, added: 1, removed: 0, raced: 0, at: '2026-11-30T08:00:00.000Z' };
    for (const schoolId of ['northgate', 'kestrel']) await store.migrations.save('unreviewed-index', { trustId: 'meridian', schoolId }, checkpoint);
    const exported = await exportSchoolData(deps(), 'northgate');
    expect(exported?.mentions.map((m) => m.id).sort()).toEqual(['old-escalated', 'recent']);
    expect(await exportSchoolData(deps(), 'nope')).toBeUndefined();

    const erased = await eraseSchoolData(deps(), 'northgate');
    expect(erased?.mentions).toBe(2);
    expect(await store.mentions.get('recent')).toBeUndefined();
    expect((await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions).toEqual([]);
    expect(await store.config.getSchool('northgate')).toBeDefined();
    expect((await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'kestrel' })).mentions.map((m) => m.id)).toEqual(['k1']);
    expect(await store.migrations.get('unreviewed-index', { trustId: 'meridian', schoolId: 'northgate' })).toBeUndefined();
    expect(await store.migrations.get('unreviewed-index', { trustId: 'meridian', schoolId: 'kestrel' })).toEqual(checkpoint);
  });
});
