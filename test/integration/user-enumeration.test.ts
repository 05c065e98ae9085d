import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../lib/app/users';
import type { Store } from '../../lib/store';
import { PageClient, PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/**
 * Issue 10, item 10: "Add user" must not tell an admin that an address has an account in another trust. Sign-in
 * is by address alone, so addresses stay unique across trusts; the answer is the same whichever trust holds it.
 */
describe('adding a user never reveals another trust’s users', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: Awaited<ReturnType<typeof webAppFor>>;
  const HARBOUR_ADMIN = 'admin@harbour.example';

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    await addUser({ store, clock: () => new Date() }, { email: HARBOUR_ADMIN, role: 'admin', trustId: 'harbour', password: PASSWORD });
    app = await webAppFor(store);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('answers the same for an address in another trust as for one in the admin’s own trust', async () => {
    const admin = new PageClient(app);
    expect((await admin.signIn(HARBOUR_ADMIN)).status).toBe(303);
    const csrf = await admin.csrf('/admin');
    const add = async (email: string) => {
      const res = await admin.form('/admin/users', { _csrf: csrf, email, role: 'trust' });
      const html = await res.text();
      const problem = /id="u-email-error"[^>]*>([^<]*)</.exec(html)?.[1] ?? /class="error"[^>]*>([^<]*)</.exec(html)?.[1];
      return { status: res.status, problem: problem?.replaceAll(email, 'EMAIL') };
    };
    const foreign = await add(USERS.head); // meridian's head
    const own = await add(USERS.otherTrust); // harbour's own trust user
    expect(foreign.status).toBe(400);
    expect(foreign).toEqual(own);
    expect(foreign.problem).toBeTruthy();
    expect(foreign.problem).not.toMatch(/already exists/);
    // Nothing about the other trust's user changed.
    expect((await store.users.get(USERS.head))?.trustId).toBe('meridian');
  });
});
