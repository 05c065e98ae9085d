import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseDemoDigests } from '../../lib/local/demo/demo-resend';
import type { Store } from '../../lib/store';
import { digestOwner } from '../../lib/store/digest-store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention, school } from '../support/fixtures';

/** The demo's restart releases its own digest records and marks through the stores, and nobody else's. */
describe('demo restart: releasing the demo trust’s digests', () => {
  let dynamo: TestDynamo;
  let store: Store;
  const now = new Date('2026-03-10T08:00:00.000Z');
  const schools = [
    { trustId: 'demo', schoolId: 'northgate' },
    { trustId: 'demo', schoolId: 'brendan' },
    { trustId: 'real', schoolId: 'seaview' },
  ];

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await store.config.importConfig({
      trusts: [
        { id: 'demo', name: 'Demo Trust', retentionMonths: 12, schools: [school({ id: 'northgate' }), school({ id: 'brendan' })] },
        { id: 'real', name: 'Real Trust', retentionMonths: 12, schools: [school({ id: 'seaview' })] },
      ],
    });
    for (const s of schools) {
      for (let i = 0; i < 3; i++) {
        const m = mention({ ...s, id: `${s.schoolId}${i}`, capturedAt: `2026-03-0${i + 1}T09:00:00.000Z` });
        await store.mentions.record({ ...s, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
      }
      const { record } = await store.digests.claim(digestOwner(s), '2026-03-09', now, `token-${s.schoolId}`, 600_000);
      await store.digests.complete(record, { state: 'sent', sentAt: now.toISOString(), messageId: 'm-1' });
      await store.digests.claim(digestOwner(s), '2026-03-10', now, `token2-${s.schoolId}`, 600_000);
      await store.mentions.markDigested(await store.mentions.listUndigested(s, '2026-01-01'), `d-${s.schoolId}`, now.toISOString());
    }
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('deletes the demo schools’ digest records and clears their mentions’ marks; another trust’s stay', async () => {
    // `seaview` is named as if it were a demo school, but it is the real trust's: nothing of it is touched.
    expect(await releaseDemoDigests(store, 'demo', ['northgate', 'brendan', 'seaview', 'not-yet'])).toEqual({ digests: 4, mentions: 6 });
    for (const s of schools.filter((x) => x.trustId === 'demo')) {
      expect(await store.digests.latest(digestOwner(s))).toEqual([]);
      expect(await store.mentions.listUndigested(s, '2026-01-01')).toHaveLength(3);
    }
    const real = schools[2]!;
    expect((await store.digests.latest(digestOwner(real))).map((r) => r.localDate)).toEqual(['2026-03-10', '2026-03-09']);
    expect(await store.mentions.listUndigested(real, '2026-01-01')).toEqual([]);
    // A second restart finds nothing left to release.
    expect(await releaseDemoDigests(store, 'demo', ['northgate', 'brendan'])).toEqual({ digests: 0, mentions: 0 });
  });
});
