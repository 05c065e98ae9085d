import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromForm, saveSchool, schoolToForm } from '../../lib/app/admin-config';
import { importConfig } from '../../lib/app/config';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

// Found while merging the Ofsted watch: saving a school from the console's form dropped what the form does
// not show (the per-school scoring tuning; the URN was patched in the web adapter only). The use case keeps them.
describe('saving the school form keeps settings the form does not show (dynalite)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  const admin = { subject: 'a', email: 'admin@meridian.example', role: 'admin' as const, trustId: 'meridian' };

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await importConfig({ store }, {
      trusts: [
        {
          id: 'meridian',
          name: 'Meridian',
          schools: [{ id: 'northgate', name: 'Northgate Park Academy', urn: '123456', scoring: { extraTerms: ['bus lane'], ignore: ['fete'], threshold: 0.6 }, feeds: [{ source: 'ofsted' }] }],
        },
      ],
    });
  });
  afterAll(async () => dynamo.stop());

  it('an edit through the form keeps the URN and the scoring tuning', async () => {
    const ref = (await store.config.getSchool('northgate', 'meridian'))!;
    const form = schoolToForm(ref.school);
    await saveSchool({ store, clock: () => new Date() } as never, admin, 'northgate', draftFromForm({ ...form, name: 'Northgate Park Academy (renamed)' }).draft);
    const saved = (await store.config.getSchool('northgate', 'meridian'))!.school;
    expect(saved.name).toBe('Northgate Park Academy (renamed)');
    expect(saved.urn).toBe('123456');
    expect(saved.scoring).toEqual({ extraTerms: ['bus lane'], ignore: ['fete'], threshold: 0.6 });
  });
});
