import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger } from '../../lib/app/deps';
import { exportSchoolData, purgeExpired } from '../../lib/app/retention';
import type { Store } from '../../lib/store';
import type { AlertBatch } from '../../lib/store/alert-store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

// Alert batch records name recipients and mention ids: they are personal data like the mentions they point at,
// so retention purges them and a school export includes them (found in the 0.2.0 review).
describe('urgent-alert records under retention and export (dynalite)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  const now = new Date('2026-11-21T03:00:00Z');
  const deps = () => ({ store, clock: () => now, log: silentLogger });
  const batch = (token: string, claimedAt: string): AlertBatch => ({
    trustId: 'meridian',
    schoolId: 'northgate',
    token,
    claimedAt,
    state: 'sent',
    mentionIds: [`m-${token}`],
    recipients: ['head@northgate.example'],
    sentAt: claimedAt,
  });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await importConfig({ store }, { trusts: [{ id: 'meridian', name: 'Meridian', retentionMonths: 12, schools: [{ id: 'northgate', name: 'Northgate Park Academy' }] }] });
    await store.alerts.startBatch(batch('old', '2025-10-01T10:00:00.000Z'));
    await store.alerts.startBatch(batch('recent', '2026-11-01T10:00:00.000Z'));
  });
  afterAll(async () => dynamo.stop());

  it('a school export lists its alert batches', async () => {
    const exported = await exportSchoolData(deps(), 'northgate', 'meridian');
    expect(exported?.alertBatches?.map((b) => b.token).sort()).toEqual(['old', 'recent']);
    expect(exported?.alertBatches?.[0]?.recipients).toEqual(['head@northgate.example']);
  });

  it('a dry run counts alert batches past retention and deletes none', async () => {
    const results = await purgeExpired(deps(), { dryRun: true });
    expect(results.find((r) => r.schoolId === 'northgate')?.alertBatchesPurged).toBe(1);
    expect((await store.alerts.batches('meridian', 'northgate')).length).toBe(2);
  });

  it('retention purges alert batches older than the trust keeps snapshots, keeping recent ones', async () => {
    const results = await purgeExpired(deps());
    expect(results.find((r) => r.schoolId === 'northgate')?.alertBatchesPurged).toBe(1);
    expect((await store.alerts.batches('meridian', 'northgate')).map((b) => b.token)).toEqual(['recent']);
  });
});
