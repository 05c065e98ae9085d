import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAuth } from '../../lib/auth/local-auth';
import type { Store } from '../../lib/store';
import { createWebApp } from '../../lib/web/app';
import { PageClient, seedWebFixture, USERS } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/** The admin console and the Ofsted source: a school with a URN keeps it when its form (which has no URN field) is saved. */
describe('admin console: Ofsted reports', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let admin: PageClient;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    const ref = (await store.config.getSchool('northgate'))!;
    await store.config.saveSchool(ref.trustId, { ...ref.school, urn: '137001' });
    admin = new PageClient(createWebApp({ store, auth: await createLocalAuth(store) }));
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await dynamo?.stop();
  });

  it('adds "Ofsted reports" to a school with a URN, keeping the URN, and shows the page it will read', async () => {
    const csrf = await admin.csrf('/admin/schools/northgate');
    const res = await admin.form('/admin/schools/northgate', {
      _csrf: csrf, name: 'Northgate Park Academy', aliases: 'Northgate Park', recipients: 'head@northgate.example', timezone: 'Europe/London', digestHour: '7',
      'feeds.0.source': 'ofsted',
    });
    expect(res.status).toBe(303);
    const saved = (await store.config.getSchool('northgate'))!.school;
    expect(saved.urn).toBe('137001');
    expect(saved.feeds).toEqual([{ source: 'ofsted' }]);
    const page = await (await admin.req('/admin/schools/northgate')).text();
    expect(page).toContain('<option value="ofsted" selected>Ofsted reports');
    expect(page).toContain('https://reports.ofsted.gov.uk/provider/21/137001');
  });

  it('refuses it for a school without a URN, on the feed row, saving nothing', async () => {
    const csrf = await admin.csrf('/admin/schools/new');
    const res = await admin.form('/admin/schools/new', { _csrf: csrf, id: 'heron', name: 'Heron Academy', timezone: 'Europe/London', digestHour: '7', 'feeds.0.source': 'ofsted' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Ofsted reports need the school&#39;s URN, and &quot;Heron Academy&quot; has none');
    expect(await store.config.getSchool('heron')).toBeUndefined();
  });
});
