import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchool, removeSchool, replaceTrustConfig, AdminConfigError, ConfigNotFoundError } from '../../lib/app/admin-config';
import { importConfig, ConfigValidationError } from '../../lib/app/config';
import { silentLogger, type AppDeps } from '../../lib/app/deps';
import { sendDigests } from '../../lib/app/send-digests';
import type { Principal } from '../../lib/auth/principal';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { startMailServer, type MailServer } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';

/**
 * Issue 10, item 1: a school id belongs to one trust. Another trust cannot import or create it, two admins
 * creating it at once cannot both win, and nothing another trust does can reach the owner's data or digest.
 */
let dynamo: TestDynamo;
let mail: MailServer;
let store: Store;
let tableName: string;
beforeAll(async () => {
  [dynamo, mail] = await Promise.all([startTestDynamo(), startMailServer({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([dynamo?.stop(), mail?.stop()]);
});

const admin = (trustId: string, email = `admin@${trustId}.example`): Principal => ({ email, role: 'admin', trustId }) as Principal;
const clock = () => new Date('2026-11-21T08:00:00.000Z');

const trustA = {
  id: 'alpha',
  name: 'Alpha Trust',
  schools: [{ id: 'northgate', name: 'Northgate Park Academy', recipients: ['head@northgate.example'] }],
};
const trustB = { id: 'beta', name: 'Beta Trust', schools: [{ id: 'seaview', name: 'Seaview High', recipients: ['head@seaview.example'] }] };

async function seedA() {
  await importConfig({ store }, { trusts: [trustA, trustB] });
  const m = mention({ id: 'a1', schoolId: 'northgate', trustId: 'alpha', capturedAt: '2026-11-20T10:00:00.000Z', title: 'Call 07700 900123 about Northgate' });
  await store.mentions.record({ trustId: 'alpha', schoolId: 'northgate', itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
}

beforeEach(async () => {
  ({ store, tableName } = await dynamo.freshStore());
  await mail.clear();
});

describe('school ids are owned by one trust', () => {
  it('config import refuses an id another trust owns, naming it, and saves nothing', async () => {
    await seedA();
    const hostile = { trusts: [{ id: 'beta', name: 'Beta Trust renamed', schools: [{ id: 'northgate', name: 'Not Northgate', recipients: ['evil@beta.example'] }, { id: 'newbeta', name: 'New Beta School' }] }] };
    const err = await importConfig({ store }, hostile).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect((err as Error).message).toContain("school id 'northgate' already belongs to another trust; choose another id");
    expect((err as Error).message).not.toContain('alpha');
    expect((await store.config.getTrust('beta'))?.name).toBe('Beta Trust');
    expect(await store.config.getSchool('newbeta')).toBeUndefined();
    expect((await store.config.getSchool('northgate'))?.trustId).toBe('alpha');
  });

  it('PUT /api/config and the console refuse an id another trust owns', async () => {
    await seedA();
    const put = await replaceTrustConfig({ store }, admin('beta'), { name: 'Beta Trust', schools: [{ id: 'northgate', name: 'Mine now' }] }).catch((e: unknown) => e);
    expect(put).toBeInstanceOf(AdminConfigError);
    expect((put as AdminConfigError).problems['schools.0.id']).toBe("school id 'northgate' already belongs to another trust; choose another id");
    const created = await createSchool({ store }, admin('beta'), { id: 'northgate', name: 'Mine now' }).catch((e: unknown) => e);
    expect(created).toBeInstanceOf(AdminConfigError);
    expect((created as AdminConfigError).problems.id).toBe("school id 'northgate' already belongs to another trust; choose another id");
    expect((await store.config.listSchools('beta')).map((s) => s.school.id)).toEqual(['seaview']);
  });

  it('two admins creating the same id at once: exactly one wins, every time', async () => {
    await importConfig({ store }, { trusts: [trustA, trustB] });
    for (let round = 0; round < 10; round++) {
      const id = `race-${round}`;
      const tries = Array.from({ length: 10 }, (_, i) => createSchool({ store }, admin(i % 2 ? 'alpha' : 'beta', `admin${i}@x.example`), { id, name: `Race ${round} by ${i}` }).then(() => 'won', (e: unknown) => e));
      const outcomes = await Promise.all(tries);
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      for (const o of outcomes.filter((x) => x !== 'won')) expect(o).toBeInstanceOf(AdminConfigError);
      const owners = [...(await store.config.listSchools('alpha')), ...(await store.config.listSchools('beta'))].filter((s) => s.school.id === id);
      expect(owners).toHaveLength(1);
    }
  });

  it('the attack from the issue: trust B takes A’s id, then removes “its” school; A keeps its evidence and its digest', async () => {
    await seedA();
    await expect(importConfig({ store }, { trusts: [{ ...trustB, schools: [...trustB.schools, { id: 'northgate', name: 'Northgate (B)', recipients: ['evil@beta.example'] }] }] })).rejects.toThrow(/already belongs to another trust/);
    await expect(createSchool({ store }, admin('beta'), { id: 'northgate', name: 'Northgate (B)', recipients: ['evil@beta.example'] })).rejects.toThrow(AdminConfigError);
    await expect(removeSchool({ store, clock }, admin('beta'), 'northgate', 'northgate')).rejects.toThrow(ConfigNotFoundError);
    expect((await store.mentions.get('a1'))?.trustId).toBe('alpha');

    const deps: AppDeps = {
      store,
      fetcher: {} as AppDeps['fetcher'],
      mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 }),
      settings: { mailFrom: 'digest@schoolwatch.test', pollIntervalMinutes: 30 },
      clock,
      newId: (() => { let n = 0; return () => `id-${n++}`; })(),
      log: silentLogger,
    };
    const results = await sendDigests(deps, { force: true });
    expect(results.find((r) => r.schoolId === 'northgate')).toMatchObject({ trustId: 'alpha', outcome: 'sent', mentions: 1 });
    const emails = await mail.fetchStore();
    const withPhone = emails.filter((e) => JSON.stringify(e).includes('Northgate'));
    expect(withPhone.flatMap((e) => e.destination.to)).toEqual(['head@northgate.example']);
    expect(emails.some((e) => e.destination.to.some((t) => t.includes('beta.example')))).toBe(false);
  });

  it('the claim-then-write order is resumable: a claim left by a crash stays its trust’s, and its re-import completes', async () => {
    await importConfig({ store }, { trusts: [trustA, trustB] });
    // A crash between claiming "riverside" for alpha and writing its configuration leaves only the claim.
    expect(await store.config.claimSchoolId('alpha', 'riverside')).toBe(true);
    await expect(createSchool({ store }, admin('beta'), { id: 'riverside', name: 'Riverside (B)' })).rejects.toThrow(AdminConfigError);
    expect(await importConfig({ store }, { trusts: [{ ...trustA, schools: [...trustA.schools, { id: 'riverside', name: 'Riverside Primary' }] }] })).toEqual({ created: 1, updated: 0, unchanged: 2 });
    expect((await store.config.getSchool('riverside'))?.trustId).toBe('alpha');
    // Removing the school frees its id for anyone.
    await removeSchool({ store, clock }, admin('alpha'), 'riverside', 'riverside');
    expect(await store.config.ownerOf('riverside')).toBeUndefined();
    await createSchool({ store }, admin('beta'), { id: 'riverside', name: 'Riverside (B)' });
    expect((await store.config.getSchool('riverside'))?.trustId).toBe('beta');
  });

  it('removing a school erases only the remover’s data, even if another trust’s data sits under the same school id', async () => {
    // A store written before ids were claimed could hold the same school id in two trusts: removal must still
    // touch only the remover's (trust, school) data.
    await seedA();
    const data = { id: 'northgate', name: 'Northgate (B)', aliases: [], context: [], exclude: [], timezone: 'Europe/London', digestHour: 7, recipients: [], allClear: false, feeds: [] };
    await dynamo.client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ PK: 'TRUST#beta', SK: 'SCHOOL#northgate', GSI1PK: 'SCHOOLS', GSI1SK: 'northgate', kind: 'school', trustId: 'beta', data }) }));
    const b = mention({ id: 'b1', schoolId: 'northgate', trustId: 'beta', capturedAt: '2026-11-20T11:00:00.000Z' });
    await store.mentions.record({ trustId: 'beta', schoolId: 'northgate', itemKey: b.itemKey, capturedAt: b.capturedAt, build: () => b });
    const removed = await removeSchool({ store, clock }, admin('beta'), 'northgate', 'northgate');
    expect(removed.erased.mentions).toBe(1);
    expect(await store.mentions.get('b1')).toBeUndefined();
    expect((await store.mentions.get('a1'))?.trustId).toBe('alpha');
    expect((await store.config.getSchool('northgate', 'alpha'))?.trustId).toBe('alpha');
  });
});
