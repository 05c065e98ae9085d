import { createPrivateKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../lib/auth/tokens';
import { CLAIMS } from '../../lib/auth/principal';
import type { Store } from '../../lib/store';
import { createWebApp } from '../../lib/web/app';
import { PageClient, PASSWORD, seedWebFixture, tokenFor, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/**
 * Issue 10.6: a session ends when it should. Each case keeps a copy of a token (as Bearer) and of a session
 * cookie from before the event, and checks both are refused after it.
 */
type App = ReturnType<typeof createWebApp>;
const NEW_PASSWORD = 'another long passphrase here';

describe('sessions end on password change, sign-out, disable and access change', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: App;
  let admin: PageClient;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store);
    admin = new PageClient(app);
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  const bearer = (token: string) => app.request('/api/mentions', { headers: { authorization: `Bearer ${token}` } });
  /** A browser that only has this copied session cookie. */
  const withCookie = (cookie: string) => {
    const c = new PageClient(app);
    c.cookies.set('sw_session', cookie);
    return c.req('/mentions');
  };
  /** Signs `email` in twice: a browser session (its cookie copied) and an API token. */
  async function sessions(email: string, password = PASSWORD) {
    const browser = new PageClient(app);
    expect((await browser.signIn(email, password)).status).toBe(303);
    const cookie = browser.cookies.get('sw_session')!;
    const token = await tokenFor(app, email, password);
    expect((await withCookie(cookie)).status).toBe(200);
    expect((await bearer(token)).status).toBe(200);
    return { browser, cookie, token };
  }
  async function expectRefused(s: { cookie: string; token: string }) {
    expect((await bearer(s.token)).status).toBe(401);
    const page = await withCookie(s.cookie);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toMatch(/^\/auth\/login/);
  }

  it('refuses a correctly signed token without exp', async () => {
    const key = await store.users.signingKey(generateSigningKey);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const user = (await store.users.get(USERS.trust))!;
    const payload = { iss: 'urn:schoolwatch:local', aud: 'schoolwatch-web', token_use: 'id', sub: `local:${USERS.trust}`, email: USERS.trust, [CLAIMS.groups]: ['trust'], [CLAIMS.trustId]: 'meridian', sv: user.sessionVersion ?? 0, iat: Math.floor(Date.now() / 1000), jti: 'no-exp' };
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64(payload)}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(key.privateKeyPem)).toString('base64url')}`;
    expect((await bearer(token)).status).toBe(401);
  });

  it('changing the password ends every other session; the person who changed it stays signed in', async () => {
    const before = await sessions(USERS.head);
    const changer = new PageClient(app);
    await changer.signIn(USERS.head);
    const csrf = await changer.csrf('/account/password');
    const ok = await changer.form('/account/password', { _csrf: csrf, next: '/mentions', current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(ok.status).toBe(303);
    await expectRefused(before);
    expect((await changer.req('/mentions')).status).toBe(200);

    // Through the API: the caller gets a fresh token, the one it used stops working.
    const api = await sessions(USERS.head, NEW_PASSWORD);
    const res = await app.request('/api/account/password', { method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ current: NEW_PASSWORD, password: PASSWORD }) });
    expect(res.status).toBe(200);
    const { token: fresh } = (await res.json()) as { token: string };
    await expectRefused(api);
    expect((await bearer(fresh)).status).toBe(200);
  });

  it('an admin password reset ends the user’s sessions', async () => {
    const before = await sessions(USERS.otherHead);
    const csrf = await admin.csrf('/admin');
    expect((await admin.form('/admin/users/reset', { _csrf: csrf, email: USERS.otherHead })).status).toBe(200);
    await expectRefused(before);
  });

  it('signing out ends that session (cookie and token), not the others; "sign out everywhere" ends them all', async () => {
    const a = await sessions(USERS.trust);
    const b = await sessions(USERS.trust);
    const csrf = await a.browser.csrf('/mentions');
    expect((await a.browser.form('/auth/logout', { _csrf: csrf })).status).toBe(303);
    expect((await withCookie(a.cookie)).status).toBe(302);
    expect((await withCookie(b.cookie)).status).toBe(200);
    // An API client signs its own token out.
    const out = await app.request('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${a.token}` } });
    expect(await out.json()).toEqual({ signedOut: true, everywhere: false });
    expect((await bearer(a.token)).status).toBe(401);
    expect((await bearer(b.token)).status).toBe(200);

    const page = await (await b.browser.req('/account/password')).text();
    expect(page).toContain('Sign out everywhere');
    const csrfB = await b.browser.csrf('/mentions');
    const everywhere = await b.browser.form('/auth/logout', { _csrf: csrfB, everywhere: '1' });
    expect(everywhere.status).toBe(303);
    await expectRefused(b);
    expect((await new PageClient(app).signIn(USERS.trust)).status).toBe(303);
  });

  it('disabling ends sessions and re-enabling does not revive them', async () => {
    await store.users.save({ ...(await store.users.get(USERS.trust))!, email: 'second@meridian.example' });
    const before = await sessions('second@meridian.example');
    const csrf = await admin.csrf('/admin');
    expect((await admin.form('/admin/users/disable', { _csrf: csrf, email: 'second@meridian.example' })).status).toBe(303);
    await expectRefused(before);
    expect((await admin.form('/admin/users/disable', { _csrf: csrf, email: 'second@meridian.example', disabled: 'false' })).status).toBe(303);
    await expectRefused(before);
    await sessions('second@meridian.example');
  });

  it('a role or school change ends sessions, and changing it back does not revive them', async () => {
    const head = await sessions(USERS.head);
    const csrf = await admin.csrf('/admin');
    expect((await admin.form('/admin/users/access', { _csrf: csrf, email: USERS.head, role: 'head', schoolId: 'kestrel' })).status).toBe(303);
    expect((await admin.form('/admin/users/access', { _csrf: csrf, email: USERS.head, role: 'head', schoolId: 'northgate' })).status).toBe(303);
    await expectRefused(head);
  });
});
