import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import type { createWebApp } from '../../lib/web/app';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';

// Found in the 0.2.0 review: GET /api/config showed the alert webhook's signing secret to the trust's admins
// (and so to anyone with a copy of the JSON). It is now write-only: shown as a marker, kept when sent back.
describe('the alert webhook secret is write-only in /api/config (app.request on dynalite)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: ReturnType<typeof createWebApp>;
  let token = '';
  const SECRET = 'a'.repeat(24) + 'webhook-secret-never-shown';
  const api = (path: string, init: RequestInit = {}) => app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    const trust = (await store.config.getTrust('meridian'))!;
    await store.config.importConfig({ trusts: [{ ...trust, alertWebhook: { kind: 'generic', url: 'https://hooks.example.org/schoolwatch', secret: SECRET }, schools: [] }] } as never);
    app = await webAppFor(store);
    const res = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: USERS.admin, password: PASSWORD }) });
    token = ((await res.json()) as { token: string }).token;
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('GET does not contain the secret, and says it is kept', async () => {
    const text = await (await api('/api/config')).text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text) as { trust: { alertWebhook: { secret: string; url: string } } };
    expect(body.trust.alertWebhook.url).toBe('https://hooks.example.org/schoolwatch');
    expect(body.trust.alertWebhook.secret).toMatch(/not shown/);
  });

  it('sending the GET body back keeps the stored secret; a new secret replaces it', async () => {
    const body = (await (await api('/api/config')).json()) as { trust: Record<string, unknown>; schools: unknown[] };
    const put = await api('/api/config', { method: 'PUT', body: JSON.stringify(body) });
    expect(put.status).toBe(200);
    expect(await put.text()).not.toContain(SECRET);
    expect((await store.config.getTrust('meridian'))!.alertWebhook?.secret).toBe(SECRET);

    const fresh = 'b'.repeat(40);
    const changed = { ...body, trust: { ...body.trust, alertWebhook: { ...(body.trust.alertWebhook as object), secret: fresh } } };
    expect((await api('/api/config', { method: 'PUT', body: JSON.stringify(changed) })).status).toBe(200);
    expect((await store.config.getTrust('meridian'))!.alertWebhook?.secret).toBe(fresh);
  });
});
