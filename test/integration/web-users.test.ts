import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, runUserCommand, seedDemoUsers, UserInputError } from '../../lib/app/users';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';
import { webAppFor } from '../support/browser';

describe('users: add, list, disable, demo seeding', () => {
  let dynamo: TestDynamo;
  let store: Store;
  const clock = () => new Date('2026-03-20T10:00:00.000Z');

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await store.config.importConfig({ trusts: [{ id: 'demo-trust', name: 'Demo', retentionMonths: 12, schools: [school({ id: 'northgate-park' }), school({ id: 'st-brendans' })] }] });
  }, 30_000);
  afterAll(async () => dynamo?.stop());

  it('validates role, trust and school before saving, and never stores the plain password', async () => {
    const deps = { store, clock };
    await expect(addUser(deps, { email: 'h@x.example', role: 'head', trustId: 'demo-trust', password: 'long enough pw' })).rejects.toThrow(/a head needs their one school/);
    await expect(addUser(deps, { email: 'h@x.example', role: 'head', trustId: 'nope', schoolId: 'northgate-park', password: 'long enough pw' })).rejects.toThrow(/no trust "nope"/);
    await expect(addUser(deps, { email: 'h@x.example', role: 'head', trustId: 'demo-trust', schoolId: 'elsewhere', password: 'long enough pw' })).rejects.toThrow(UserInputError);
    await expect(addUser(deps, { email: 'h@x.example', role: 'head', trustId: 'demo-trust', schoolId: 'northgate-park', password: 'short' })).rejects.toThrow(/at least 12/);
    const out = await runUserCommand(deps, { sub: 'add', email: 'H@X.example', role: 'head', trustId: 'demo-trust', schoolId: 'northgate-park', replace: false }, 'long enough pw');
    expect(out).toContain('Added h@x.example: head of demo-trust/northgate-park');
    const stored = await store.users.get('h@x.example');
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain('long enough pw');
    await expect(addUser(deps, { email: 'h@x.example', role: 'trust', trustId: 'demo-trust', password: 'long enough pw' })).rejects.toThrow(/cannot be used for a new account/);
    expect(await runUserCommand(deps, { sub: 'list', trustId: 'demo-trust' })).toContain('h@x.example\thead\tdemo-trust/northgate-park\tactive');
    expect(await runUserCommand(deps, { sub: 'disable', email: 'h@x.example' })).toBe('h@x.example is now disabled.');
  });

  it('seeds one demo user per role who can sign in with the printed password', async () => {
    const demo = await seedDemoUsers({ store, clock });
    expect(demo.users.map((u) => u.role).sort()).toEqual(['admin', 'head', 'head', 'trust']);
    expect(demo.password.length).toBeGreaterThanOrEqual(12);
    const app = await webAppFor(store);
    for (const u of demo.users) {
      const res = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: u.email, password: demo.password }) });
      expect(res.status).toBe(200);
    }
    // Re-seeding (next `npm start -- --demo`) resets to a new password.
    const again = await seedDemoUsers({ store, clock });
    expect(again.password).not.toBe(demo.password);
    const old = await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo.users[0]!.email, password: demo.password }) });
    expect(old.status).toBe(401);
  });
});
