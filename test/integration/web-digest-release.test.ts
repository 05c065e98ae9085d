import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { digestOwner } from '../../lib/store/digest-store';
import { PageClient, seedWebFixture, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/** Issue 10.4: an admin releases a held digest day from the console, with a note; only their own trust's. */
describe('admin console: held digests', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let admin: PageClient;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    const now = new Date('2026-03-20T07:05:00.000Z');
    const mine = await store.digests.claim(digestOwner({ trustId: 'meridian', schoolId: 'northgate' }), '2026-03-20', now, 'run-a', 600_000);
    await store.digests.recordError(mine.record, 'outcome unknown: the mail server did not answer in 30 s; not resent; will retry after 07:15 UTC unless released', now.toISOString(), 'unknown');
    await store.digests.claim(digestOwner({ trustId: 'harbour', schoolId: 'seaview' }), '2026-03-20', now, 'run-b', 600_000);
    admin = new PageClient(await webAppFor(store));
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('lists the trust’s held days with what was recorded, and none of another trust’s', async () => {
    const res = await admin.req('/admin/digests');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Northgate Park Academy');
    expect(page).toContain('Outcome unknown');
    expect(page).toContain('the mail server did not answer in 30 s');
    expect(page).not.toContain('seaview');
    expect(page.match(/action="\/admin\/digests\/release"/g)).toHaveLength(1);
    expect(await (await admin.req('/admin')).text()).toContain('href="/admin/digests"');
  });

  it('needs a note, refuses another trust’s school, and releases with who and why kept', async () => {
    const csrf = await admin.csrf('/admin/digests');
    const noNote = await admin.form('/admin/digests/release', { _csrf: csrf, school: 'northgate', date: '2026-03-20', note: ' ' });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('Give a note');
    const other = await admin.form('/admin/digests/release', { _csrf: csrf, school: 'seaview', date: '2026-03-20', note: 'mine now' });
    expect(other.status).toBe(400);
    expect((await store.digests.get(digestOwner({ trustId: 'harbour', schoolId: 'seaview' }), '2026-03-20'))?.releasedAt).toBeUndefined();
    const ok = await admin.form('/admin/digests/release', { _csrf: csrf, school: 'northgate', date: '2026-03-20', note: 'head confirmed nothing arrived' });
    expect(ok.status).toBe(303);
    expect(await store.digests.get(digestOwner({ trustId: 'meridian', schoolId: 'northgate' }), '2026-03-20')).toMatchObject({ releasedBy: USERS.admin, releaseNote: 'head confirmed nothing arrived' });
    const head = new PageClient(await webAppFor(store));
    await head.signIn(USERS.head);
    expect((await head.req('/admin/digests')).status).toBe(403);
  });
});
