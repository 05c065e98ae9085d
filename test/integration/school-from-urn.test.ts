import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { draftSchoolFromUrn, draftSchoolsFromUrns, parseUrnList, saveSchoolsFromUrns, SchoolsNotSavedError, UrnLookupError } from '../../lib/app/school-from-urn';
import { MemoryGiasIndex } from '../../lib/gias/memory-index';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { school } from '../support/fixtures';
import { GIAS_LOADED_AT, GIAS_RECORDS } from '../support/gias-fixtures';

/** Issue 14: add a school by URN, against dynalite, with the GIAS data in memory. */
let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => dynamo?.stop());

const gias = new MemoryGiasIndex(GIAS_RECORDS, GIAS_LOADED_AT);

async function freshStore(): Promise<Store> {
  const { store } = await dynamo.freshStore();
  await importConfig(
    { store },
    {
      trusts: [
        { id: 'downs', name: 'Downs Learning Trust', schools: [school({ id: 'st-marys-primary', name: "St Mary's Primary (old entry)" }), school({ id: 'kgv', name: 'King George V School', urn: '136285' })] },
        { id: 'harbour', name: 'Harbour Trust', schools: [school({ id: 'westfield', name: 'Westfield Academy', urn: '171717' }), school({ id: 'northgate-park', name: 'Northgate Park (Harbour)' })] },
      ],
    },
  );
  return store;
}

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof UrnLookupError) return { problem: err.problem, message: err.message };
    throw err;
  }
  throw new Error('expected a UrnLookupError');
};

describe('draftSchoolFromUrn', () => {
  it('fills the draft from GIAS, says from which columns and which GIAS date, and proposes a free id', async () => {
    const store = await freshStore();
    const d = await draftSchoolFromUrn({ store, gias }, { trustId: 'downs', urn: '114501' });
    // "st-marys-primary" is taken in the trust: the next candidate adds the town
    expect(d.school).toMatchObject({ id: 'st-marys-primary-hove', name: "St Mary's Church of England Primary School", urn: '114501', timezone: 'Europe/London' });
    expect(d.school.aliases.slice(0, 3)).toEqual(["St Mary's Primary School", "St Mary's Primary", "St Mary's"]);
    expect(d.school.context).toEqual(['Hove', 'Brighton and Hove', 'Downs Church of England Trust', 'Downs Learning Trust']);
    expect(d.school.publicFacts?.people).toEqual(['Mrs Jane Smith', 'Jane Smith', 'Mrs Smith']);
    expect(d.filled.map((f) => f.field)).toEqual(expect.arrayContaining(['name', 'aliases', 'context', 'publicFacts.phones', 'publicFacts.websites']));
    expect(d.giasDate).toBe(GIAS_LOADED_AT);
    expect(d.warnings).toEqual([]);
  });

  it('an id claimed by another trust is never proposed', async () => {
    const store = await freshStore();
    const d = await draftSchoolFromUrn({ store, gias }, { trustId: 'downs', urn: '121212' });
    expect(d.school.id).toBe('northgate-park-harlow');
  });

  it('warns when the trust already has a school of that name without a URN (typed in by hand earlier)', async () => {
    const store = await freshStore();
    await importConfig({ store }, { trusts: [{ id: 'downs', name: 'Downs Learning Trust', schools: [school({ id: 'qe', name: 'Queen Elizabeth’s Grammar School' })] }] });
    const d = await draftSchoolFromUrn({ store, gias }, { trustId: 'downs', urn: '117460' });
    expect(d.warnings).toEqual([expect.stringContaining('Your trust already has “Queen Elizabeth’s Grammar School” (id qe) without a URN')]);
  });

  it('clear errors: malformed, not in GIAS, no data loaded, already here (named), in another trust (not named), closed (warned)', async () => {
    const store = await freshStore();
    const deps = { store, gias };
    expect(await problemOf(draftSchoolFromUrn(deps, { trustId: 'downs', urn: '12345' }))).toMatchObject({ problem: 'malformed', message: expect.stringContaining('six-digit') });
    const missing = await problemOf(draftSchoolFromUrn(deps, { trustId: 'downs', urn: '999999' }));
    expect(missing).toMatchObject({ problem: 'not-in-gias' });
    expect(missing.message).toContain('27 Nov 2026');
    expect(missing.message).toContain('gias import FILE');
    const noData = await problemOf(draftSchoolFromUrn({ store }, { trustId: 'downs', urn: '114501' }));
    expect(noData).toMatchObject({ problem: 'no-gias-data', message: expect.stringContaining('`npm run -s cli -- gias import FILE`') });
    expect((await problemOf(draftSchoolFromUrn({ store, gias: new MemoryGiasIndex([]) }, { trustId: 'downs', urn: '114501' }))).problem).toBe('no-gias-data');
    const here = await problemOf(draftSchoolFromUrn(deps, { trustId: 'downs', urn: '136285' }));
    expect(here).toMatchObject({ problem: 'already-in-trust' });
    expect(here.message).toContain('“King George V School” (id kgv)');
    const elsewhere = await problemOf(draftSchoolFromUrn(deps, { trustId: 'downs', urn: '171717' }));
    expect(elsewhere.problem).toBe('in-another-trust');
    expect(elsewhere.message).not.toMatch(/harbour/i);
    const closed = await draftSchoolFromUrn(deps, { trustId: 'downs', urn: '181818' });
    expect(closed.warnings[0]).toContain('“Closed”');
  });
});

describe('batches', () => {
  it('drafts each URN separately, ids unique within the batch, a URN listed twice reported once', async () => {
    const store = await freshStore();
    const urns = parseUrnList('114501, 191919\n137010;  abc 114501');
    expect(urns).toEqual(['114501', '191919', '137010', 'abc', '114501']);
    expect(parseUrnList('URN: 114501\nURN 136285, urn:140210')).toEqual(['114501', '136285', '140210']);
    const { results, giasDate } = await draftSchoolsFromUrns({ store, gias }, { trustId: 'downs', urns });
    expect(giasDate).toBe(GIAS_LOADED_AT);
    expect(results.map((r) => (r.ok ? r.draft.school.id : r.error.problem))).toEqual(['st-marys-primary-hove', 'st-marys-primary-191919', 'king-edward-vi-grammar', 'malformed', 'listed-twice']);
  });

  it('saves reviewed drafts all-or-nothing through the config save path; export shows them', async () => {
    const store = await freshStore();
    const { results } = await draftSchoolsFromUrns({ store, gias }, { trustId: 'downs', urns: ['114501', '137010', '140210'] });
    const drafts = results.flatMap((r) => (r.ok ? [r.draft.school] : []));
    // the admin edits one alias list and one id while reviewing
    drafts[1] = { ...drafts[1]!, aliases: [...drafts[1]!.aliases, 'KEGS'] };
    drafts[2] = { ...drafts[2]!, id: 'holy-trinity-newark' };
    const saved = await saveSchoolsFromUrns({ store }, { trustId: 'downs', schools: drafts });
    expect(saved.map((s) => s.id)).toEqual(['st-marys-primary-hove', 'king-edward-vi-grammar', 'holy-trinity-newark']);
    const listed = (await store.config.listSchools('downs')).map((s) => s.school);
    expect(listed.map((s) => s.id).sort()).toEqual(['holy-trinity-newark', 'kgv', 'king-edward-vi-grammar', 'st-marys-primary', 'st-marys-primary-hove']);
    expect(listed.find((s) => s.id === 'king-edward-vi-grammar')!.aliases).toContain('KEGS');
    expect(await store.config.ownerOf('holy-trinity-newark')).toBe('downs');
    // now configured: drafting it again is "already in your trust"
    expect((await problemOf(draftSchoolFromUrn({ store, gias }, { trustId: 'downs', urn: '114501' }))).problem).toBe('already-in-trust');
    expect((await problemOf(draftSchoolFromUrn({ store, gias }, { trustId: 'harbour', urn: '114501' }))).problem).toBe('in-another-trust');
  });

  it('one bad school in the batch saves nothing, and each problem names its URN and field', async () => {
    const store = await freshStore();
    const { results } = await draftSchoolsFromUrns({ store, gias }, { trustId: 'downs', urns: ['114501', '137010', '140210', '117460'] });
    const drafts = results.flatMap((r) => (r.ok ? [r.draft.school as unknown as Record<string, unknown>] : []));
    drafts[1] = { ...drafts[1]!, name: '' };
    drafts[2] = { ...drafts[2]!, id: 'northgate-park' }; // another trust's id
    drafts[3] = { ...drafts[3]!, id: 'kgv' }; // this trust's
    const before = await store.config.exportConfig();
    let err: unknown;
    try {
      await saveSchoolsFromUrns({ store }, { trustId: 'downs', schools: drafts });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchoolsNotSavedError);
    const problems = (err as SchoolsNotSavedError).problems;
    expect(problems).toContainEqual(expect.objectContaining({ index: 1, urn: '137010', field: 'name' }));
    expect(problems).toContainEqual(expect.objectContaining({ index: 3, urn: '117460', field: 'id', message: expect.stringContaining('“King George V School”') }));
    expect(await store.config.exportConfig()).toEqual(before);
    // fix those two: the other trust's id is refused by the conditional claim, still nothing saved, and it is not named
    drafts[1] = { ...drafts[1]!, name: 'King Edward VI Grammar School' };
    drafts[3] = { ...drafts[3]!, id: 'qegs' };
    err = undefined;
    try {
      await saveSchoolsFromUrns({ store }, { trustId: 'downs', schools: drafts });
    } catch (e) {
      err = e;
    }
    expect((err as SchoolsNotSavedError).problems).toEqual([expect.objectContaining({ index: 2, urn: '140210', field: 'id', message: "school id 'northgate-park' already belongs to another trust; choose another id" })]);
    expect(await store.config.exportConfig()).toEqual(before);
  });

  it('refuses a URN another trust configured meanwhile, and a URN twice in one batch', async () => {
    const store = await freshStore();
    const { results } = await draftSchoolsFromUrns({ store, gias }, { trustId: 'downs', urns: ['114501'] });
    const draft = (results[0] as { draft: { school: object } }).draft.school;
    await saveSchoolsFromUrns({ store }, { trustId: 'harbour', schools: [{ ...draft, id: 'st-marys-harbour' }] });
    const err = await saveSchoolsFromUrns({ store }, { trustId: 'downs', schools: [draft, { ...draft, id: 'other' }] }).catch((e: unknown) => e);
    expect((err as SchoolsNotSavedError).problems.map((p) => p.message)).toEqual([expect.stringContaining('another trust'), expect.stringContaining('another trust'), 'URN 114501 is in this batch twice']);
    expect((await store.config.listSchools('downs')).length).toBe(2);
  });
});
