import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveTrustSettings } from '../../lib/app/admin-config';
import { silentLogger } from '../../lib/app/deps';
import { recordMailEvent } from '../../lib/app/mail-events';
import { addUser } from '../../lib/app/users';
import type { Principal } from '../../lib/auth/principal';
import type { Store } from '../../lib/store';
import { PageClient, PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';

/**
 * Issue 10, item 9: a suppression belongs to the trust(s) whose digests or roll-up used the address when SES
 * reported it. Another trust's admin cannot read or lift it by adding the address as a recipient afterwards.
 */
describe('suppressions are scoped to the trust that owns the address', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: Awaited<ReturnType<typeof webAppFor>>;
  const clock = () => new Date('2026-03-20T10:00:00.000Z');
  const HARBOUR_ADMIN = 'admin@harbour.example';
  const bounce = (email: string, messageId: string) =>
    JSON.stringify({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email, diagnosticCode: 'smtp; 550 private detail of meridian' }], timestamp: '2026-03-02T09:30:00.000Z' }, mail: { messageId } });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    await store.config.saveSchool('meridian', school({ id: 'northgate', name: 'Northgate Park Academy', recipients: ['head@northgate.example'] }));
    await addUser({ store, clock }, { email: HARBOUR_ADMIN, role: 'admin', trustId: 'harbour', password: PASSWORD });
    await recordMailEvent({ store, clock, log: silentLogger }, bounce('head@northgate.example', 'ses-meridian-1'));
    app = await webAppFor(store, { clock });
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('records which trust used the address when SES reported it', async () => {
    expect((await store.suppressions.get('head@northgate.example'))?.trustIds).toEqual(['meridian']);
  });

  it('trust B adding A’s address as a roll-up recipient can neither see nor lift A’s suppression', async () => {
    await saveTrustSettings({ store }, { email: HARBOUR_ADMIN, role: 'admin', trustId: 'harbour' } as Principal, {
      name: 'Harbour Trust',
      retentionMonths: 12,
      rollup: { recipients: ['head@northgate.example'] },
    });
    const harbour = new PageClient(app);
    expect((await harbour.signIn(HARBOUR_ADMIN)).status).toBe(303);
    const page = await (await harbour.req('/admin')).text();
    expect(page).not.toContain('private detail of meridian');
    const section = page.slice(page.indexOf('id="suppressed"'));
    expect(section).not.toMatch(/<td>head@northgate\.example<\/td>/);
    const csrf = await harbour.csrf('/admin');
    const lift = await harbour.form('/admin/suppressed/lift', { _csrf: csrf, email: 'head@northgate.example', note: 'mine now' });
    expect(lift.status).toBe(404);
    expect((await store.suppressions.get('head@northgate.example'))?.reason).toBe('bounce');
    expect(await store.suppressions.lifts('head@northgate.example')).toEqual([]);
  });

  it('the owning trust still sees and lifts it', async () => {
    const meridian = new PageClient(app);
    expect((await meridian.signIn(USERS.admin)).status).toBe(303);
    const page = await (await meridian.req('/admin')).text();
    expect(page).toContain('private detail of meridian');
    const csrf = await meridian.csrf('/admin');
    expect((await meridian.form('/admin/suppressed/lift', { _csrf: csrf, email: 'head@northgate.example', note: 'mailbox fixed' })).status).toBe(303);
    expect(await store.suppressions.get('head@northgate.example')).toBeUndefined();
  });
});
