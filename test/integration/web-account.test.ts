import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, runUserCommand, seedDemoUsers } from '../../lib/app/users';
import { createLocalAuth } from '../../lib/auth/local-auth';
import { verifyPassword } from '../../lib/auth/password';
import type { Store } from '../../lib/store';
import { createWebApp } from '../../lib/web/app';
import { PageClient, PASSWORD, seedWebFixture, tokenFor, USERS } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';

type App = ReturnType<typeof createWebApp>;
const NEW_PASSWORD = 'a brand new passphrase of mine';

describe('account: forced password change for issued passwords, and "Change password"', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: App;
  let admin: PageClient;
  const clock = () => new Date('2026-03-20T10:00:00.000Z');

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = createWebApp({ store, auth: await createLocalAuth(store) });
    admin = new PageClient(app);
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  /** Adds a head through the admin console and returns the one-time password. */
  async function invite(email: string): Promise<string> {
    const csrf = await admin.csrf('/admin');
    const added = await admin.form('/admin/users', { _csrf: csrf, email, role: 'head', schoolId: 'northgate' });
    expect(added.status).toBe(200);
    return /id="one-time-password">([^<]+)</.exec(await added.text())![1]!;
  }

  it('sends a user with an admin-issued password to /account/password and blocks every other page and API until they change it', async () => {
    const issued = await invite('forced@northgate.example');
    expect(await store.users.get('forced@northgate.example')).toMatchObject({ mustChangePassword: true });
    const head = new PageClient(app);
    const csrf = await head.csrf();
    const login = await head.form('/auth/login', { _csrf: csrf, email: 'forced@northgate.example', password: issued, next: '/mentions?severity=high' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe(`/account/password?next=${encodeURIComponent('/mentions?severity=high')}`);

    // Every page redirects to the change page (remembering where they were going); the API answers 403 with a reason.
    for (const path of ['/mentions', '/mentions/n1', '/mentions.csv', '/admin']) {
      const res = await head.req(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toBe(`/account/password?next=${encodeURIComponent(path)}`);
    }
    const api = await head.req('/api/mentions');
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ code: 'password_change_required', error: expect.stringContaining('change the password') });
    // Posts are refused too (redirected, nothing written).
    const postCsrf = await head.csrf('/account/password');
    const review = await head.form('/mentions/n1/review', { _csrf: postCsrf, status: 'reviewed', note: 'x', expected: 'new' });
    expect(review.status).toBe(303);
    expect(review.headers.get('location')).toMatch(/^\/account\/password/);
    expect(await store.reviews.history('n1')).toEqual([]);
    // A Bearer token from the JSON sign-in says so, and is held to the same rule.
    const json = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'forced@northgate.example', password: issued }) });
    const { token, mustChangePassword } = (await json.json()) as { token: string; mustChangePassword?: boolean };
    expect(mustChangePassword).toBe(true);
    expect((await app.request('/api/mentions', { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);

    // The change page: forced wording, three fields.
    const pageRes = await head.req('/account/password?next=%2Fmentions');
    expect(pageRes.status).toBe(200);
    const html = await pageRes.text();
    expect(html).toContain('Choose your own password');
    for (const id of ['pw-current', 'pw-password', 'pw-confirm']) expect(html).toContain(`id="${id}"`);

    // Validation: wrong current, too short, same as the old one, confirmation mismatch. Nothing changes.
    const post = (fields: Record<string, string>) => head.form('/account/password', { _csrf: postCsrf, next: '/mentions', ...fields });
    const wrong = await post({ current: 'not it at all!!', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/id="pw-current"[^>]*aria-invalid="true"[\s\S]*this is not your current password/);
    const short = await post({ current: issued, password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('must be at least 12 characters');
    const same = await post({ current: issued, password: issued, confirm: issued });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain('must be different from your current password');
    const mismatch = await post({ current: issued, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('does not match the new password');
    expect(await store.users.get('forced@northgate.example')).toMatchObject({ mustChangePassword: true });

    // The change: back to where they were going, everything works, the old password no longer does.
    const ok = await post({ current: issued, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/mentions');
    const stored = (await store.users.get('forced@northgate.example'))!;
    expect(stored.mustChangePassword).toBe(false);
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    expect((await head.req('/mentions')).status).toBe(200);
    // The token from before the change has ended with it (issue 10.6); the browser that changed it carries on.
    expect((await app.request('/api/mentions', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const old = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'forced@northgate.example', password: issued }) });
    expect(old.status).toBe(401);
    expect((await new PageClient(app).signIn('forced@northgate.example', NEW_PASSWORD)).headers.get('location')).toBe('/mentions');
  });

  it('forces the change after an admin reset and after `cli user add`, and the JSON API can change it', async () => {
    const csrf = await admin.csrf('/admin');
    const reset = await admin.form('/admin/users/reset', { _csrf: csrf, email: USERS.otherHead });
    expect(reset.status).toBe(200);
    const issued = /id="one-time-password">([^<]+)</.exec(await reset.text())![1]!;
    expect(await store.users.get(USERS.otherHead)).toMatchObject({ mustChangePassword: true });
    // Another trust's user, or the admin themselves: not through this form.
    expect((await admin.form('/admin/users/reset', { _csrf: csrf, email: USERS.otherTrust })).status).toBe(404);
    expect((await admin.form('/admin/users/reset', { _csrf: csrf, email: USERS.admin })).status).toBe(400);

    const token = await tokenFor(app, USERS.otherHead, issued);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await app.request('/api/me', { headers: auth })).status).toBe(200);
    const bad = await app.request('/api/account/password', { method: 'POST', headers: auth, body: JSON.stringify({ current: issued, password: 'short' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ problems: { password: expect.stringContaining('at least 12') } });
    const good = await app.request('/api/account/password', { method: 'POST', headers: auth, body: JSON.stringify({ current: issued, password: NEW_PASSWORD }) });
    expect(good.status).toBe(200);
    // The old token ended with the change; the answer carries its replacement.
    expect((await app.request('/api/mentions', { headers: auth })).status).toBe(401);
    const { token: fresh } = (await good.json()) as { token: string };
    expect((await app.request('/api/mentions', { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);

    await runUserCommand({ store, clock }, { sub: 'add', email: 'cli@meridian.example', role: 'trust', trustId: 'meridian', replace: false }, 'typed by the operator');
    expect(await store.users.get('cli@meridian.example')).toMatchObject({ mustChangePassword: true });
    const cli = new PageClient(app);
    expect((await cli.signIn('cli@meridian.example', 'typed by the operator')).headers.get('location')).toMatch(/^\/account\/password/);
  });

  it('lets any local user change their password from the header link; demo users are exempt from the forced change', async () => {
    const head = new PageClient(app);
    await head.signIn(USERS.head);
    const list = await (await head.req('/mentions')).text();
    expect(list).toContain('href="/account/password"');
    const pageRes = await head.req('/account/password?next=%2Fmentions');
    expect(await pageRes.text()).toContain('<h1>Change password</h1>');
    const csrf = await head.csrf('/account/password');
    const ok = await head.form('/account/password', { _csrf: csrf, next: '/mentions', current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account/password?changed=1&next=%2Fmentions');
    expect(await (await head.req(ok.headers.get('location')!)).text()).toContain('Your password has been changed.');
    expect((await head.req('/mentions')).status).toBe(200);
    // Without the CSRF token nothing changes.
    expect((await head.form('/account/password', { current: NEW_PASSWORD, password: `${NEW_PASSWORD}x`, confirm: `${NEW_PASSWORD}x` })).status).toBe(403);

    await store.config.importConfig({ trusts: [{ id: 'demo-trust', name: 'Demo', retentionMonths: 12, schools: [school({ id: 'northgate-park' }), school({ id: 'st-brendans' })] }] });
    const demo = await seedDemoUsers({ store, clock });
    for (const u of demo.users) expect((await store.users.get(u.email))!.mustChangePassword ?? false).toBe(false);
    const demoAdmin = new PageClient(app);
    expect((await demoAdmin.signIn(demo.users[0]!.email, demo.password)).headers.get('location')).toBe('/mentions');
    expect((await demoAdmin.req('/mentions')).status).toBe(200);
    // A library caller that sets a password the user knows (fixtures) is not forced either.
    await addUser({ store, clock }, { email: 'fixture@meridian.example', role: 'trust', trustId: 'meridian', password: PASSWORD });
    expect((await store.users.get('fixture@meridian.example'))!.mustChangePassword).toBeUndefined();
  });

  it('shows nothing in Cognito mode: no link, and /account/password is not found', async () => {
    const local = await createLocalAuth(store);
    const cognitoish = new PageClient(createWebApp({ store, auth: { ...local, mode: 'cognito', passwordLogin: undefined } }));
    const token = await tokenFor(app, USERS.trust);
    cognitoish.cookies.set('sw_session', token);
    const page = await cognitoish.req('/mentions');
    expect(page.status).toBe(200);
    expect((await cognitoish.req('/account/password')).status).toBe(404);
    expect((await cognitoish.req('/api/account/password', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});
