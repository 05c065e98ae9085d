import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import type { createWebApp } from '../../lib/web/app';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { PageClient, PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';

/**
 * Issue 10, item 8: listing flagged items shows evidence (the words that made each one flag) and `q` searches the
 * captured text, so every list, search and export is recorded as a read: who, when, how, what they searched for
 * and which items they were shown, in their own trust's audit partition.
 */
describe('list, search and export reads are audited', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: ReturnType<typeof createWebApp>;
  const tokenOf = async (email: string) =>
    ((await (await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })).json()) as { token: string }).token;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store, { clock: () => new Date('2026-03-20T10:00:00.000Z') });
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('GET /api/mentions with a text search records who searched for what and which items came back', async () => {
    const token = await tokenOf(USERS.trust);
    const res = await app.request('/api/mentions?q=kestrel&limit=50', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const shown = ((await res.json()) as { mentions: { id: string }[] }).mentions.map((m) => m.id);
    expect(shown.sort()).toEqual(['k1', 'k2']);
    const reads = await store.audit.listReads('meridian');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ trustId: 'meridian', actor: USERS.trust, actorRole: 'trust', via: 'api', filters: { q: 'kestrel' }, count: 2, at: '2026-03-20T10:00:00.000Z' });
    expect([...reads[0]!.mentionIds].sort()).toEqual(['k1', 'k2']);
  });

  it('the list page and the CSV export are recorded too; another trust’s reads go to that trust only', async () => {
    const page = new PageClient(app);
    await page.signIn(USERS.head);
    expect((await page.req('/mentions?q=ofsted')).status).toBe(200);
    expect((await page.req('/mentions.csv')).status).toBe(200);
    const other = await tokenOf(USERS.otherTrust);
    await app.request('/api/mentions', { headers: { authorization: `Bearer ${other}` } });

    const meridian = await store.audit.listReads('meridian');
    expect(meridian.map((r) => [r.actor, r.via, r.filters.q ?? null])).toEqual(
      expect.arrayContaining([
        [USERS.head, 'page', 'ofsted'],
        [USERS.head, 'csv', null],
      ]),
    );
    expect(meridian.find((r) => r.via === 'page')!.mentionIds).toEqual(['n7']);
    expect(meridian.some((r) => r.actor === USERS.otherTrust)).toBe(false);
    const harbour = await store.audit.listReads('harbour');
    expect(harbour.map((r) => [r.actor, r.mentionIds])).toEqual([[USERS.otherTrust, ['s1']]]);
  });
});
