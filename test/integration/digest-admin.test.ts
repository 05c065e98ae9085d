import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PageClient, seedWebFixture, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';

type App = Awaited<ReturnType<typeof webAppFor>>;

/** Signs in through the real form (cookie + CSRF) with the shared PageClient and returns a fetch-like that carries the session. */
async function signedIn(app: App, email: string) {
  const client = new PageClient(app);
  expect((await client.signIn(email)).status).toBe(303);
  return (path: string) => client.req(path);
}

describe('admin page: suppressed addresses', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: App;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    await store.config.saveSchool('meridian', school({ id: 'northgate', name: 'Northgate Park Academy', recipients: ['head@northgate.example', 'ok@northgate.example'] }));
    await store.config.saveSchool('harbour', school({ id: 'seaview', name: 'Seaview High', recipients: ['head@seaview.example'] }));
    const rec = { recordedAt: '2026-03-02T10:00:00.000Z', messageId: 'ses-1' };
    await store.suppressions.suppress({ email: 'head@northgate.example', reason: 'bounce', detail: 'NoEmail', diagnostic: 'smtp; 550 <no such user>', at: '2026-03-02T09:30:00.000Z', ...rec, trustIds: ['meridian'] });
    await store.suppressions.suppress({ email: 'head@seaview.example', reason: 'complaint', at: '2026-03-02T09:30:00.000Z', ...rec, trustIds: ['harbour'] });
    app = await webAppFor(store);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it("lists this trust's suppressed recipients with reason and date, and no other trust's", async () => {
    const get = await signedIn(app, USERS.admin);
    const res = await get('/admin');
    expect(res.status).toBe(200);
    const page = await res.text();
    const section = page.slice(page.indexOf('id="suppressed"'), page.indexOf('<h2>Users</h2>'));
    expect(section).toContain('head@northgate.example');
    expect(section).toContain('Bounced');
    expect(section).toContain('(NoEmail)');
    expect(section).toContain('smtp; 550 &lt;no such user&gt;'); // escaped
    expect(section).toMatch(/2 Mar 2026/);
    expect(section).toContain('Northgate Park Academy');
    expect(section).not.toContain('ok@northgate.example');
    expect(page).not.toContain('head@seaview.example');
    // One lift form per row, CSRF-protected, with a required note.
    expect(section.match(/<form method="post" action="\/admin\/suppressed\/lift">/g)).toHaveLength(1);
    expect(section).toMatch(/name="_csrf" value="[^"]+"/);
    expect(section).toMatch(/name="note" required/);
    expect(section).toContain('<th scope="col">Soft bounces (14 days)</th>');
  });

  describe('lifting a suppression', () => {
    const liftForm = (page: string) => ({ csrf: /action="\/admin\/suppressed\/lift"><input type="hidden" name="_csrf" value="([^"]+)"/.exec(page)![1]! });

    it('is refused without the CSRF token and for non-admins, and another trust\'s address is not found', async () => {
      const admin = new PageClient(app);
      await admin.signIn(USERS.admin);
      const { csrf } = liftForm(await (await admin.req('/admin')).text());
      expect((await admin.form('/admin/suppressed/lift', { email: 'head@northgate.example', note: 'fixed' })).status).toBe(403);
      expect((await admin.form('/admin/suppressed/lift', { _csrf: 'x'.repeat(csrf.length), email: 'head@northgate.example', note: 'fixed' })).status).toBe(403);
      expect((await admin.form('/admin/suppressed/lift', { _csrf: csrf, email: 'head@seaview.example', note: 'fixed' })).status).toBe(404);
      expect((await admin.form('/admin/suppressed/lift', { _csrf: csrf, email: 'ok@northgate.example', note: 'fixed' })).status).toBe(404);

      const central = new PageClient(app);
      await central.signIn(USERS.trust);
      const token = await central.csrf('/mentions');
      expect((await central.form('/admin/suppressed/lift', { _csrf: token, email: 'head@northgate.example', note: 'fixed' })).status).toBe(403);

      const harbourUser = new PageClient(app);
      await harbourUser.signIn(USERS.otherTrust);
      expect((await harbourUser.form('/admin/suppressed/lift', { _csrf: await harbourUser.csrf('/mentions'), email: 'head@seaview.example', note: 'x' })).status).toBe(403);

      expect(await store.suppressions.get('head@northgate.example')).toBeDefined();
      expect(await store.suppressions.get('head@seaview.example')).toBeDefined();
      expect(await store.suppressions.lifts('head@northgate.example')).toEqual([]);
    });

    it('needs a note, then lifts the address with who, when and why kept', async () => {
      const admin = new PageClient(app);
      await admin.signIn(USERS.admin);
      const { csrf } = liftForm(await (await admin.req('/admin')).text());
      const noNote = await admin.form('/admin/suppressed/lift', { _csrf: csrf, email: 'head@northgate.example', note: '  ' });
      expect(noNote.status).toBe(400);
      expect(await noNote.text()).toContain('Say why the suppression can be lifted');
      expect(await store.suppressions.get('head@northgate.example')).toBeDefined();

      const ok = await admin.form('/admin/suppressed/lift', { _csrf: csrf, email: 'Head@Northgate.example', note: 'New mailbox <set up> by IT' });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/admin?saved=1#suppressed');
      expect(await store.suppressions.get('head@northgate.example')).toBeUndefined();
      expect(await store.suppressions.lifts('head@northgate.example')).toMatchObject([{ by: USERS.admin, note: 'New mailbox <set up> by IT', suppression: { reason: 'bounce', messageId: 'ses-1' } }]);
      const page = await (await admin.req('/admin')).text();
      expect(page.slice(page.indexOf('id="suppressed"'), page.indexOf('<h2>Users</h2>'))).toContain('No digest address of this trust is suppressed.');
      // Lifting again: nothing to lift.
      expect((await admin.form('/admin/suppressed/lift', { _csrf: csrf, email: 'head@northgate.example', note: 'again' })).status).toBe(404);
    });

    it('shows soft-bounce counts of the trust\'s addresses', async () => {
      for (let i = 1; i <= 2; i++) await store.suppressions.countSoftBounce('ok@northgate.example', new Date(Date.now() - i * 3600_000).toISOString(), `soft-${i}`, ['meridian']);
      await store.suppressions.countSoftBounce('head@seaview.example', new Date().toISOString(), 'soft-x', ['harbour']);
      const get = await signedIn(app, USERS.admin);
      const page = await (await get('/admin')).text();
      const section = page.slice(page.indexOf('id="suppressed"'), page.indexOf('<h2>Users</h2>'));
      expect(section).toMatch(/Soft bounces in the last 14 days[^<]*ok@northgate\.example 2/);
      expect(page).not.toContain('head@seaview.example');
    });
  });
});
