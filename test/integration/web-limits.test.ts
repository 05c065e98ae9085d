import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../lib/auth/rate-limit';
import type { Store } from '../../lib/store';
import { PageClient, PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

type App = Awaited<ReturnType<typeof webAppFor>>;

describe('sign-in limits on a shared school IP (issue 10.11) and malformed bodies (issue 10.12)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: App;
  const limiter = new LoginRateLimiter();

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store, { loginLimiter: limiter });
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  const login = (email: string, password: string) =>
    app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  it('50 failed sign-ins from one IP lock out only the accounts that failed, not the rest of the school', async () => {
    // Every request here comes from one address (app.request has no socket: "unknown"), like a school behind one
    // NAT. 45 failures are recorded straight into the app's limiter (each real attempt costs an scrypt), 5 go over HTTP.
    for (let i = 0; i < 45; i++) limiter.fail('unknown', `pupil${i % 9}@northgate.example`);
    for (let i = 0; i < 5; i++) expect((await login('pupil9@northgate.example', 'wrong guess')).status).toBe(401);
    const locked = await login('pupil9@northgate.example', 'wrong guess');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await login(USERS.head, PASSWORD)).status).toBe(200);
    expect((await new PageClient(app).signIn(USERS.trust)).status).toBe(303);
  });

  it('answers a malformed multipart body with 400 and a clear message, not 500', async () => {
    const boundary = 'xyzzy';
    const broken = `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\nhead@northgate.example\r\n--${boundary}\r\nContent-Disposition: form-da`;
    const anonymous = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: broken });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.text()).toMatch(/could not be read/i);

    const client = new PageClient(app);
    await client.signIn(USERS.admin);
    const csrf = await client.csrf('/mentions');
    for (const [path, body] of [
      ['/mentions/n1/review', broken],
      ['/admin/users', `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Type: text/plain\r\n\r\nno disposition`],
      ['/admin/users', 'not multipart at all'],
    ] as const) {
      const res = await client.req(path, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': csrf }, body });
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toMatch(/could not be read/i);
    }
    const api = await client.req('/api/mentions/n1/review', { method: 'POST', headers: { 'content-type': 'multipart/form-data', 'x-csrf-token': csrf }, body: broken });
    expect(api.status).toBe(400);
  });
});
