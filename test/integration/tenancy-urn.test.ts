import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchool, removeSchool, replaceTrustConfig, saveSchool, AdminConfigError } from '../../lib/app/admin-config';
import { importConfig, ConfigValidationError } from '../../lib/app/config';
import type { Principal } from '../../lib/auth/principal';
import { ConfigFile } from '../../lib/config/schema';
import type { Store } from '../../lib/store';
import { ConfigStore } from '../../lib/store/config-store';
import { TableItems, type Item } from '../../lib/store/items';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/**
 * A URN is one school's, in one trust, like a school id: it is claimed with a conditional write before the
 * school's configuration is written, so two trusts adding the same school at the same instant cannot both
 * succeed (0.3.0 checked by reading first, so both could), and no write path (config import, PUT /api/config,
 * the school form, "add a school") gives a school a URN another school holds.
 */
let dynamo: TestDynamo;
let store: Store;
let tableName: string;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo?.stop();
});
beforeEach(async () => {
  ({ store, tableName } = await dynamo.freshStore());
});

/** The table's own record of who holds a URN (read past the stores, to see exactly what is left behind). */
const urnClaim = async (urn: string) =>
  (await dynamo.client.send(new GetItemCommand({ TableName: tableName, Key: { PK: { S: `URN#${urn}` }, SK: { S: 'OWNER' } }, ConsistentRead: true }))).Item;

/** Table calls that fail (as a throttled or unreachable table would) for the conditional writes `failing` picks. */
class FailingItems extends TableItems {
  constructor(private readonly failing: (item: Item) => boolean) {
    super(dynamo.client, tableName);
  }
  override async putIfAbsent(item: Item): Promise<boolean> {
    if (this.failing(item)) throw new Error('the table did not answer');
    return super.putIfAbsent(item);
  }
}

const admin = (trustId: string): Principal => ({ email: `admin@${trustId}.example`, role: 'admin', trustId }) as Principal;
const clock = () => new Date('2026-11-30T08:00:00.000Z');
const OTHER_TRUST = /already configured by another trust/;

const seed = () =>
  importConfig({ store }, {
    trusts: [
      { id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy', urn: '140001' }] },
      { id: 'beta', name: 'Beta Trust', schools: [{ id: 'seaview', name: 'Seaview High' }] },
    ],
  });

describe('a URN belongs to one school of one trust', () => {
  it('two trusts importing the same URN at the same instant: exactly one wins, every time, and the loser saves nothing', async () => {
    await seed();
    for (let round = 0; round < 8; round++) {
      const urn = `15000${round}`;
      const tries = ['alpha', 'beta'].map((trustId) =>
        importConfig({ store }, { trusts: [{ id: trustId, name: trustId === 'alpha' ? 'Alpha Trust' : 'Beta Trust', schools: [{ id: `${trustId}-r${round}`, name: `Race ${round}`, urn }] }] }).then(
          () => 'won',
          (e: unknown) => e,
        ),
      );
      const outcomes = await Promise.all(tries);
      expect(outcomes.filter((o) => o === 'won'), `round ${round}`).toHaveLength(1);
      const lost = outcomes.find((o) => o !== 'won');
      expect(lost).toBeInstanceOf(ConfigValidationError);
      expect((lost as Error).message).toMatch(OTHER_TRUST);
      const holders = (await store.config.listSchools()).filter((s) => s.school.urn === urn);
      expect(holders, `round ${round}`).toHaveLength(1);
    }
  });

  it('config import refuses a URN another trust holds, at the field, without naming the trust, and saves nothing', async () => {
    await seed();
    const err = await importConfig({ store }, { trusts: [{ id: 'beta', name: 'Beta renamed', schools: [{ id: 'seaview', name: 'Seaview High' }, { id: 'copy', name: 'Copy', urn: '140001' }] }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect((err as ConfigValidationError).problems).toEqual([{ path: 'trusts[0].schools[1].urn', message: expect.stringMatching(OTHER_TRUST) }]);
    expect((err as Error).message).not.toContain('alpha');
    expect((await store.config.getTrust('beta'))?.name).toBe('Beta Trust');
    expect(await store.config.getSchool('copy', 'beta')).toBeUndefined();
  });

  it('PUT /api/config, the school form and "add a school" refuse it too', async () => {
    await seed();
    const put = await replaceTrustConfig({ store }, admin('beta'), { name: 'Beta Trust', schools: [{ id: 'seaview', name: 'Seaview High', urn: '140001' }] }).catch((e: unknown) => e);
    expect(put).toBeInstanceOf(AdminConfigError);
    expect((put as AdminConfigError).problems['schools.0.urn']).toMatch(OTHER_TRUST);
    const form = await saveSchool({ store }, admin('beta'), 'seaview', { name: 'Seaview High', urn: '140001' }).catch((e: unknown) => e);
    expect(form).toBeInstanceOf(AdminConfigError);
    expect((form as AdminConfigError).problems.urn).toMatch(OTHER_TRUST);
    expect((await store.config.getSchool('seaview', 'beta'))?.school.urn).toBeUndefined();
    const created = await createSchool({ store }, admin('beta'), { id: 'newbeta', name: 'New Beta', urn: '140001' }).catch((e: unknown) => e);
    expect(created).toBeInstanceOf(AdminConfigError);
    expect((created as AdminConfigError).problems.urn).toMatch(OTHER_TRUST);
    expect(await store.config.getSchool('newbeta', 'beta')).toBeUndefined();
    // The refused create left no id claim behind: the id is still free for anyone.
    expect(await store.config.ownerOf('newbeta')).toBeUndefined();
  });

  it('within a trust a URN names one school: a second school taking it is told which one has it', async () => {
    await seed();
    const err = await createSchool({ store }, admin('alpha'), { id: 'twin', name: 'Twin', urn: '140001' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminConfigError);
    expect((err as AdminConfigError).problems.urn).toMatch(/already used by school 'northgate' in your trust/);
    const file = await importConfig({ store }, { trusts: [{ id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'a', name: 'A', urn: '140002' }, { id: 'b', name: 'B', urn: '140002' }] }] }).catch((e: unknown) => e);
    expect(file).toBeInstanceOf(ConfigValidationError);
    expect((file as Error).message).toMatch(/trusts\[0\]\.schools\[1\]\.urn: URN 140002 is given to two schools/);
  });

  it('one import moves a URN between two schools of the trust, or swaps two, and the claims follow', async () => {
    await seed();
    const alpha = (schools: { id: string; name: string; urn?: string }[]) => importConfig({ store }, { trusts: [{ id: 'alpha', name: 'Alpha Trust', schools }] });
    // the URN was recorded against the wrong school: one file takes it off northgate and gives it to the annexe
    await alpha([{ id: 'northgate', name: 'Northgate Park Academy', urn: '140002' }, { id: 'annexe', name: 'Northgate Annexe', urn: '140001' }]);
    expect((await store.config.getSchool('annexe', 'alpha'))?.school.urn).toBe('140001');
    expect((await urnClaim('140001'))?.schoolId?.S).toBe('annexe');
    expect((await urnClaim('140002'))?.schoolId?.S).toBe('northgate');
    // and a swap in one file
    await alpha([{ id: 'northgate', name: 'Northgate Park Academy', urn: '140001' }, { id: 'annexe', name: 'Northgate Annexe', urn: '140002' }]);
    expect((await urnClaim('140001'))?.schoolId?.S).toBe('northgate');
    expect((await urnClaim('140002'))?.schoolId?.S).toBe('annexe');
    // another trust still cannot take either
    await expect(createSchool({ store }, admin('beta'), { id: 'grab', name: 'Grab', urn: '140002' })).rejects.toThrow(OTHER_TRUST);
    // a move to a school whose old holder keeps it in the same file is still refused (the validation names both)
    const kept = await alpha([{ id: 'northgate', name: 'Northgate Park Academy', urn: '140001' }, { id: 'annexe', name: 'Northgate Annexe', urn: '140001' }]).catch((e: unknown) => e);
    expect(kept).toBeInstanceOf(ConfigValidationError);
  });

  it('a URN move whose import then fails part-way goes back to the school it came from', async () => {
    await seed();
    await importConfig({ store }, { trusts: [{ id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy', urn: '140001' }, { id: 'annexe', name: 'Northgate Annexe' }] }] });
    // the table fails writing the annexe's new configuration (once), after the URN was handed over
    let failed = false;
    const failing = new (class extends TableItems {
      override async put(item: Item): Promise<void> {
        if (!failed && item.kind === 'school' && (item.data as { id: string }).id === 'annexe') {
          failed = true;
          throw new Error('the table did not answer');
        }
        return super.put(item);
      }
    })(dynamo.client, tableName);
    const moved = new ConfigStore(failing).importConfig(
      ConfigFile.parse({ trusts: [{ id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy' }, { id: 'annexe', name: 'Northgate Annexe', urn: '140001' }] }] }),
    );
    await expect(moved).rejects.toThrow(/put back, nothing changed/);
    expect((await store.config.getSchool('northgate', 'alpha'))?.school.urn).toBe('140001');
    expect((await urnClaim('140001'))?.schoolId?.S).toBe('northgate');
  });

  it('a school form saved while an import hands its URN to another school: the form is refused, one school names the URN', async () => {
    await importConfig({ store }, { trusts: [{ id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy', urn: '140001' }, { id: 'annexe', name: 'Northgate Annexe' }] }] });
    // The form (renaming northgate, keeping its URN) finds the URN still northgate's; before it writes, an import
    // takes the URN off northgate and gives it to the annexe.
    const handOver = () =>
      importConfig({ store }, { trusts: [{ id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy' }, { id: 'annexe', name: 'Northgate Annexe', urn: '140001' }] }] });
    let importDone: Promise<unknown> | undefined;
    class ImportBetweenCheckAndWrite extends TableItems {
      override async get(key: { PK: string; SK: string }): Promise<Item | undefined> {
        const row = await super.get(key);
        if (key.PK === 'URN#140001' && !importDone) await (importDone = handOver());
        return row;
      }
    }
    const form = new ConfigStore(new ImportBetweenCheckAndWrite(dynamo.client, tableName)).saveSchool('alpha', { id: 'northgate', name: 'Northgate Park (renamed)', urn: '140001' } as never);
    await expect(form).rejects.toThrow(/changed while you were saving/);
    expect(importDone).toBeDefined();
    const named = (await store.config.listSchools('alpha')).filter((r) => r.school.urn === '140001').map((r) => r.school.id);
    expect(named).toEqual(['annexe']);
    expect((await urnClaim('140001'))?.schoolId?.S).toBe('annexe');
    // saved again, it is refused at the URN field, naming the school that has it
    await expect(saveSchool({ store }, admin('alpha'), 'northgate', { name: 'Northgate Park (renamed)', urn: '140001' })).rejects.toThrow(AdminConfigError);
  });

  it('removing a school or changing its URN frees the URN for another trust', async () => {
    await seed();
    await saveSchool({ store }, admin('alpha'), 'northgate', { name: 'Northgate Park Academy', urn: '140009' });
    await importConfig({ store }, { trusts: [{ id: 'beta', name: 'Beta Trust', schools: [{ id: 'old-northgate', name: 'Old Northgate', urn: '140001' }] }] });
    expect((await store.config.getSchool('old-northgate', 'beta'))?.school.urn).toBe('140001');
    await expect(createSchool({ store }, admin('beta'), { id: 'grab', name: 'Grab', urn: '140009' })).rejects.toThrow(AdminConfigError);
    await removeSchool({ store, clock }, admin('alpha'), 'northgate', 'northgate');
    await createSchool({ store }, admin('beta'), { id: 'grab', name: 'Grab', urn: '140009' });
    expect((await store.config.getSchool('grab', 'beta'))?.school.urn).toBe('140009');
  });

  it('a store written before URN claims: a URN already on another trust’s school is still refused', async () => {
    await seed();
    // 0.3.0 wrote no URN claims: simulate by dropping the claim the seed made.
    await store.config.releaseUrn('alpha', 'northgate', '140001');
    const err = await importConfig({ store }, { trusts: [{ id: 'beta', name: 'Beta Trust', schools: [{ id: 'copy', name: 'Copy', urn: '140001' }] }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigValidationError);
    // …and re-saving the owner's school claims it again.
    await importConfig({ store }, { trusts: [{ id: 'alpha', name: 'Alpha Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy', urn: '140001' }] }] });
    await expect(createSchool({ store }, admin('beta'), { id: 'copy', name: 'Copy', urn: '140001' })).rejects.toThrow(OTHER_TRUST);
  });

  it('a store failure part-way through claiming gives back every URN claim it made (import and "add a school")', async () => {
    await seed();
    // The import claims URN 140100 for its first school, then the table fails on the second school's URN claim.
    const importing = new ConfigStore(new FailingItems((item) => item.PK === 'URN#140101'));
    const file = { trusts: [{ id: 'beta', name: 'Beta Trust', schools: [{ id: 'first', name: 'First', urn: '140100' }, { id: 'second', name: 'Second', urn: '140101' }] }] };
    await expect(importing.importConfig(file as never)).rejects.toThrow(/did not answer/);
    expect(await urnClaim('140100')).toBeUndefined();
    // "Add a school" claims the URN first, then the table fails writing the school itself.
    const adding = new ConfigStore(new FailingItems((item) => item.SK === 'SCHOOL#added'));
    await expect(adding.createSchool('beta', { id: 'added', name: 'Added', urn: '140200' } as never)).rejects.toThrow(/did not answer/);
    expect(await urnClaim('140200')).toBeUndefined();
    // …so another trust can still add either school.
    await createSchool({ store }, admin('alpha'), { id: 'gets-it', name: 'Gets it', urn: '140200' });
    await createSchool({ store }, admin('alpha'), { id: 'gets-that', name: 'Gets that', urn: '140100' });
  });

  it('two admins of one trust adding the same school at once: the one who lost does not give back the URN the winner’s school has', async () => {
    await seed();
    // Admin A claims the URN and the id, then (slowed) finds the school already written by admin B, who found the
    // URN already this school's and wrote first.
    let bDone!: () => void;
    const afterB = new Promise<void>((resolve) => (bDone = resolve));
    class SlowSchoolWrite extends TableItems {
      override async putIfAbsent(item: Item): Promise<boolean> {
        if (item.SK === 'SCHOOL#same') await afterB;
        return super.putIfAbsent(item);
      }
    }
    const a = new ConfigStore(new SlowSchoolWrite(dynamo.client, tableName)).createSchool('beta', { id: 'same', name: 'Same (A)', urn: '140300' } as never).then(() => 'won', (e: unknown) => e);
    while (!(await urnClaim('140300'))) await new Promise((r) => setTimeout(r, 5));
    await store.config.createSchool('beta', { id: 'same', name: 'Same (B)', urn: '140300' } as never);
    bDone();
    expect(await a).toBeInstanceOf(Error);
    expect((await store.config.getSchool('same', 'beta'))?.school.name).toBe('Same (B)');
    expect((await urnClaim('140300'))?.owner?.S).toBe('beta#same');
  });
});
