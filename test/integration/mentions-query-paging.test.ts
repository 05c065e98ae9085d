import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MentionsQuery, parseFilters } from '../../lib/app/mentions-query';
import type { Principal } from '../../lib/auth/principal';
import type { Store } from '../../lib/store';
import { TableItems } from '../../lib/store/items';
import { mentionItem } from '../../lib/store/mention-store';
import { keys } from '../../lib/store/table';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention, school } from '../support/fixtures';

/**
 * A filtered list reads the partition in chunks of 200 until the page is full. It used to end after the second
 * chunk (the chunk's exclusive bound was counted as one of the items read), so a rare match further back was
 * never found and no "next" link offered.
 */
describe('filtered list pages past the second chunk', () => {
  let dynamo: TestDynamo;
  let store: Store;
  const NOW = Date.parse('2026-03-31T12:00:00.000Z');
  const team: Principal = { subject: 'u', email: 'team@meridian.example', role: 'trust', trustId: 'meridian' };

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    let tableName: string;
    ({ store, tableName } = await dynamo.freshStore());
    await store.config.importConfig({ trusts: [{ id: 'meridian', name: 'Meridian', retentionMonths: 12, schools: [school({ id: 'northgate' })] }] });
    const items = [];
    for (let i = 0; i < 650; i++) {
      const m = mention({ id: `m${String(i).padStart(4, '0')}`, trustId: 'meridian', schoolId: 'northgate', capturedAt: new Date(NOW - i * 60_000).toISOString(), text: i % 100 === 0 ? 'a needle here' : 'hay' });
      items.push(mentionItem(m), { ...keys.mentionRef(m.id), schoolId: m.schoolId, trustId: m.trustId, mentionSK: keys.mention(m, m.capturedAt, m.id).SK });
    }
    await new TableItems(dynamo.client, tableName).putMany(items);
  }, 120_000);
  afterAll(async () => dynamo?.stop());

  it('finds every match in a 650-item partition, trust-wide and for one school', async () => {
    for (const extra of [{}, { school: 'northgate' }]) {
      const list = await new MentionsQuery(store, team).list(parseFilters({ q: 'needle', ...extra }));
      expect(list.mentions.map((m) => m.id)).toEqual(['m0000', 'm0100', 'm0200', 'm0300', 'm0400', 'm0500', 'm0600']);
      expect(list.next).toBeUndefined();
    }
  });
});
