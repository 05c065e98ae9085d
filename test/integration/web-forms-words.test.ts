import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PageClient, seedWebFixture, tokenFor, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

describe('forms and the API speak people’s words', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: Awaited<ReturnType<typeof webAppFor>>;
  let admin: PageClient;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store);
    admin = new PageClient(app);
    await admin.signIn(USERS.admin);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('starts the add-user form with no role chosen (never “head with no school”) and answers without CLI flags', async () => {
    const page = await (await admin.req('/admin')).text();
    const roleSelect = /<select id="u-role" name="role">([\s\S]*?)<\/select>/.exec(page)![1]!;
    expect(roleSelect).toMatch(/^<option value="" selected>Choose a role…<\/option>/);
    expect(roleSelect).not.toMatch(/value="head" selected/);
    const csrf = await admin.csrf('/admin');
    const noRole = await (await admin.form('/admin/users', { _csrf: csrf, email: 'x@northgate.example', role: '', schoolId: '' })).text();
    expect(noRole).toMatch(/id="u-role-error">choose a role: head \(one school\), trust \(every school of the trust\) or admin</);
    const headless = await (await admin.form('/admin/users', { _csrf: csrf, email: 'x@northgate.example', role: 'head', schoolId: '' })).text();
    expect(headless).toMatch(/id="u-schoolId-error">a head needs their one school</);
    expect(headless).not.toMatch(/--school/);
  });

  it('states a school’s digest hour bounds in words next to the field', async () => {
    const csrf = await admin.csrf('/admin/schools/northgate');
    const form = await (await admin.req('/admin/schools/northgate')).text();
    const fields = Object.fromEntries([...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const res = await admin.form('/admin/schools/northgate', { ...fields, _csrf: csrf, name: 'Northgate Park Academy', timezone: 'Europe/London', digestHour: '24' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="s-digestHour-error">must be between 0 and 23</);
  });

  it('answers PUT /api/config with the line and column of a JSON mistake, and names unknown fields', async () => {
    const token = await tokenFor(app, USERS.admin);
    const put = (body: string) => app.request('/api/config', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    const syntax = await put('{\n  "trust": {"name": "Meridian"}\n  "schools": []\n}');
    expect(syntax.status).toBe(400);
    expect(((await syntax.json()) as { error: string }).error).toContain('The body is not valid JSON: line 3, column 3:');
    const unknown = await put(JSON.stringify({ trust: { name: 'Meridian', retentionMonth: 6 }, schools: [] }));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("unknown field 'retentionMonth' — did you mean 'retentionMonths'?");
  });
});
