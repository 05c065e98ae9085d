import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigFile } from '../../lib/config/schema';
import type { Store } from '../../lib/store';
import { TableItems } from '../../lib/store/items';
import { hashKey } from '../../lib/store/mention-store';
import { keys } from '../../lib/store/table';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => dynamo.stop());

const config = ConfigFile.parse({
  trusts: [
    {
      id: 'meridian',
      name: 'Meridian Learning Trust',
      schools: [
        { id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'] },
        { id: 'kestrel', name: 'Kestrel Brook Primary' },
      ],
    },
    { id: 'other', name: 'Other Trust', schools: [{ id: 'elsewhere', name: 'Elsewhere High' }] },
  ],
});

describe('ConfigStore (dynalite)', () => {
  let store: Store;
  beforeAll(async () => ({ store } = await dynamo.freshStore()));

  it('imports, exports and re-imports without changes', async () => {
    expect(await store.config.importConfig(config)).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const exported = await store.config.exportConfig();
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(exported.trusts.map((t) => ({ ...t, schools: byId(t.schools) }))).toEqual(byId(config.trusts).map((t) => ({ ...t, schools: byId(t.schools) })));
    expect(await store.config.importConfig(config)).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await store.config.importConfig(exported)).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('finds a school by id and lists a trust’s schools only', async () => {
    expect((await store.config.getSchool('kestrel'))?.trustId).toBe('meridian');
    expect(await store.config.getSchool('missing')).toBeUndefined();
    expect((await store.config.getSchool('kestrel', 'meridian'))?.school.name).toBe('Kestrel Brook Primary');
    expect(await store.config.getSchool('kestrel', 'other')).toBeUndefined();
    const ids = (await store.config.listSchools('meridian')).map((s) => s.school.id).sort();
    expect(ids).toEqual(['kestrel', 'northgate']);
  });

  it('counts a changed school as updated', async () => {
    const changed = structuredClone(config);
    changed.trusts[0]!.schools[1]!.aliases = ['Kestrel Brook'];
    expect(await store.config.importConfig(changed)).toEqual({ created: 0, updated: 1, unchanged: 4 });
  });
});

describe('MentionStore (dynalite)', () => {
  let store: Store;
  beforeAll(async () => ({ store } = await dynamo.freshStore()));

  it('stores a hit once, and a redelivery stores nothing twice', async () => {
    const build = (capturedAt: string) => mention({ id: 'm1', schoolId: 'northgate', trustId: 'meridian', capturedAt });
    expect(await store.mentions.record({ trustId: 'meridian', schoolId: 'northgate', itemKey: 'k1', capturedAt: '2026-11-20T10:00:00.000Z', build })).toBe('stored');
    expect(await store.mentions.record({ trustId: 'meridian', schoolId: 'northgate', itemKey: 'k1', capturedAt: '2026-11-20T11:00:00.000Z', build })).toBe('duplicate');
    const page = await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' });
    expect(page.mentions.map((m) => [m.id, m.capturedAt])).toEqual([['m1', '2026-11-20T10:00:00.000Z']]);
    expect((await store.mentions.get('m1'))?.title).toBe('Item m1');
  });

  it('leaves only a seen marker for an unflagged item', async () => {
    expect(await store.mentions.record({ trustId: 'meridian', schoolId: 'kestrel', itemKey: 'plain', capturedAt: '2026-11-20T10:00:00.000Z' })).toBe('seen');
    expect(await store.mentions.record({ trustId: 'meridian', schoolId: 'kestrel', itemKey: 'plain', capturedAt: '2026-11-20T10:05:00.000Z' })).toBe('duplicate');
    expect((await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'kestrel' })).mentions).toEqual([]);
  });

  it('pages a trust’s mentions newest first across schools', async () => {
    for (let i = 0; i < 5; i++) {
      const schoolId = i % 2 ? 'kestrel' : 'northgate';
      const capturedAt = `2026-11-21T0${i}:00:00.000Z`;
      await store.mentions.record({ trustId: 'meridian', schoolId, itemKey: `p${i}`, capturedAt, build: (at) => mention({ id: `p${i}`, schoolId, trustId: 'meridian', capturedAt: at }) });
    }
    const first = await store.mentions.listForTrust('meridian', { limit: 4 });
    expect(first.mentions.map((m) => m.id)).toEqual(['p4', 'p3', 'p2', 'p1']);
    const second = await store.mentions.listForTrust('meridian', { limit: 4, before: first.nextBefore });
    expect(second.mentions.map((m) => m.id)).toEqual(['p0', 'm1']);
    expect(second.nextBefore).toBeUndefined();
    expect((await store.mentions.listForTrust('other')).mentions).toEqual([]);
  });

  it('lists undigested hits and forgets them once marked', async () => {
    const pending = await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-11-01T00:00:00.000Z');
    expect(pending.map((m) => m.id)).toEqual(['m1', 'p0', 'p2', 'p4']);
    await store.mentions.markDigested(pending.slice(0, 2), 'northgate/2026-11-21', '2026-11-21T07:00:00.000Z');
    expect((await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-11-01T00:00:00.000Z')).map((m) => m.id)).toEqual(['p2', 'p4']);
  });
});

describe('MentionStore after a seen marker expires (dynalite)', () => {
  let store: Store;
  let tableName: string;
  beforeAll(async () => ({ store, tableName } = await dynamo.freshStore()));

  it('a stored item re-served after its seen marker expired is a duplicate, not a second unreviewed copy', async () => {
    const school = { trustId: 'meridian', schoolId: 'kestrel' };
    const build = (capturedAt: string) => mention({ id: 'again', ...school, capturedAt });
    expect(await store.mentions.record({ ...school, itemKey: 'again-key', capturedAt: '2026-01-05T10:00:00.000Z', build })).toBe('stored');
    // the marker's 120-day TTL has passed: DynamoDB removed it (dynalite keeps TTL rows, so delete it as TTL would)
    await new TableItems(dynamo.client, tableName).delete(keys.seen(school, hashKey('again-key')));
    expect(await store.mentions.record({ ...school, itemKey: 'again-key', capturedAt: '2026-06-01T10:00:00.000Z', build })).toBe('duplicate');
    const stored = (await store.mentions.listForSchool(school)).mentions.filter((m) => m.id === 'again');
    expect(stored.map((m) => m.capturedAt)).toEqual(['2026-01-05T10:00:00.000Z']);
    expect((await store.mentions.unreviewedHeadlines(school)).filter((h) => h.id === 'again')).toHaveLength(1);
    // and a third delivery, with the marker back, stays a duplicate
    expect(await store.mentions.record({ ...school, itemKey: 'again-key', capturedAt: '2026-06-02T10:00:00.000Z', build })).toBe('duplicate');
  });

});

describe('DigestStore (dynalite)', () => {
  let store: Store;
  beforeAll(async () => ({ store } = await dynamo.freshStore()));
  const now = new Date('2026-11-21T07:00:00Z');

  it('lets one of two runs claim a day', async () => {
    const [a, b] = await Promise.all([
      store.digests.claim('meridian/northgate', '2026-11-21', now, 'run-a', 600_000),
      store.digests.claim('meridian/northgate', '2026-11-21', now, 'run-b', 600_000),
    ]);
    expect([a.claimed, b.claimed].filter(Boolean)).toHaveLength(1);
  });

  it('takes over a stale claim left by a crashed run, but never a sent one', async () => {
    await store.digests.claim('meridian/kestrel', '2026-11-21', now, 'crashed', 600_000);
    const early = await store.digests.claim('meridian/kestrel', '2026-11-21', new Date(now.getTime() + 60_000), 'next', 600_000);
    expect(early.claimed).toBe(false);
    const late = await store.digests.claim('meridian/kestrel', '2026-11-21', new Date(now.getTime() + 700_000), 'next', 600_000);
    expect(late.claimed).toBe(true);
    await store.digests.complete(late.record, { state: 'sent', messageId: 'abc', sentAt: now.toISOString() });
    const after = await store.digests.claim('meridian/kestrel', '2026-11-21', new Date(now.getTime() + 9e6), 'third', 600_000);
    expect(after).toMatchObject({ claimed: false, record: { state: 'sent', messageId: 'abc' } });
  });
});
