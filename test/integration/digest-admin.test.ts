import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';

type App = Awaited<ReturnType<typeof webAppFor>>;

/** Signs in through the real form (cookie + CSRF) and returns a fetch-like that carries the session. */
async function signedIn(app: App, email: string) {
  const login = await app.request('/auth/login');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const pre = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD, next: '/admin' }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = [pre, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].filter(Boolean).join('; ');
  return (path: string) => app.request(path, { headers: { cookie } });
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
    await store.suppressions.suppress({ email: 'head@northgate.example', reason: 'bounce', detail: 'NoEmail', diagnostic: 'smtp; 550 <no such user>', at: '2026-03-02T09:30:00.000Z', ...rec });
    await store.suppressions.suppress({ email: 'head@seaview.example', reason: 'complaint', at: '2026-03-02T09:30:00.000Z', ...rec });
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
    expect(section).not.toMatch(/<form|<button/); // read-only
  });
});
