import { LIMITS, School, Urn } from '../config/schema';
import { deriveSchoolDraft, schoolIdCandidates, type FilledField } from '../gias/derive';
import type { GiasIndex, GiasRecord } from '../gias/types';
import type { Store } from '../store';
import { ItemTooLargeError, SchoolIdTakenError, schoolIdTakenMessage, urnConflictMessage, UrnTakenError, urnTakenMessage } from '../store/config-store';
import { AdminConfigError, parseSchool, RESERVED_SCHOOL_IDS } from './admin-config';

/**
 * "Add a school by URN": GIAS record → a school draft for review (CLI `school add`, the admin console's "Add from
 * URN"), then saving the reviewed drafts through the configuration's own all-or-nothing write
 * (`ConfigStore.importConfig`: school ids claimed conditionally, every school validated before the first write).
 * Everything is scoped to one trust; another trust's schools are never named.
 */
export interface SchoolFromUrnDeps {
  store: Store;
  gias?: GiasIndex;
}

/** At most this many URNs in one go: a big trust adds its schools in a few batches, each reviewed. */
export const MAX_URNS_PER_BATCH = 50;

export type UrnProblem = 'malformed' | 'no-gias-data' | 'not-in-gias' | 'already-in-trust' | 'in-another-trust' | 'listed-twice' | 'no-trust' | 'too-many';

/** One URN could not be drafted; `message` says what was wrong and what to do. */
export class UrnLookupError extends Error {
  override readonly name = 'UrnLookupError';
  constructor(
    readonly problem: UrnProblem,
    readonly urn: string,
    message: string,
  ) {
    super(message);
  }
}

export interface UrnDraft {
  urn: string;
  /** The proposed school, valid for the configuration as it stands. */
  school: School;
  record: GiasRecord;
  filled: FilledField[];
  missing: string[];
  /** Things to check before saving (a closed establishment). */
  warnings: string[];
  /** When the GIAS data it came from was made or imported. */
  giasDate?: string;
}

export type UrnResult = { urn: string; ok: true; draft: UrnDraft } | { urn: string; ok: false; error: UrnLookupError };

/**
 * "114501, 137010\n140210" → ["114501", "137010", "140210"]: commas, semicolons, spaces or lines between URNs. A
 * "URN" or "URN:" label, as copied from a GIAS page, is dropped.
 */
export function parseUrnList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().replace(/^urn:?/i, ''))
    .filter(Boolean);
}

const dateOf = (iso?: string) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }) : undefined);

const noData = (urn: string) =>
  new UrnLookupError(
    'no-gias-data',
    urn,
    'No GIAS data is loaded yet, so schools cannot be added by URN. Download the all-establishments extract from Get Information about Schools (get-information-schools.service.gov.uk, "Downloads") and import it with `npm run -s cli -- gias import FILE`, then try again.',
  );

/** Where each URN is configured now: trust id and the school, across all trusts (never shown for another trust). */
async function configuredUrns(store: Store): Promise<Map<string, { trustId: string; id: string; name: string }>> {
  const out = new Map<string, { trustId: string; id: string; name: string }>();
  for (const ref of await store.config.listSchools()) if (ref.school.urn) out.set(ref.school.urn, { trustId: ref.trustId, id: ref.school.id, name: ref.school.name });
  return out;
}

function urnConflict(urn: string, trustId: string, where: { trustId: string; id: string; name: string } | undefined): UrnLookupError | undefined {
  if (!where) return undefined;
  if (where.trustId === trustId) return new UrnLookupError('already-in-trust', urn, `URN ${urn} is already in your trust as “${where.name}” (id ${where.id}); edit that school instead.`);
  return new UrnLookupError('in-another-trust', urn, urnTakenMessage(urn));
}

/**
 * Drafts for several URNs at once, each with its own result (one bad URN does not hide the others). Ids are
 * proposed free: not used in this trust, not claimed by another, not proposed twice in the batch.
 */
export async function draftSchoolsFromUrns(deps: SchoolFromUrnDeps, input: { trustId: string; urns: readonly string[] }): Promise<{ giasDate?: string; results: UrnResult[] }> {
  const urns = input.urns.map((u) => u.trim()).filter(Boolean);
  if (urns.length > MAX_URNS_PER_BATCH) {
    throw new UrnLookupError('too-many', '', `${urns.length} URNs is more than one batch takes (${MAX_URNS_PER_BATCH}); add them in batches of up to ${MAX_URNS_PER_BATCH}.`);
  }
  const trust = await deps.store.config.getTrust(input.trustId);
  if (!trust) throw new UrnLookupError('no-trust', '', `No trust "${input.trustId}" is configured. Create it first (config import), then add its schools.`);
  const loadedAt = deps.gias ? await deps.gias.loadedAt() : undefined;
  const own = await deps.store.config.listSchools(input.trustId);
  const ownIds = new Set(own.map((s) => s.school.id));
  const configured = await configuredUrns(deps.store);
  const proposed = new Set<string>();
  const seen = new Set<string>();
  const results: UrnResult[] = [];
  for (const raw of urns) {
    const fail = (error: UrnLookupError) => results.push({ urn: raw, ok: false, error });
    const parsed = Urn.safeParse(raw);
    if (!parsed.success) {
      fail(new UrnLookupError('malformed', raw, `“${raw}” is not a URN: a URN is the six-digit number Get Information about Schools gives each school (e.g. 114501). Check it and try again.`));
      continue;
    }
    const urn = parsed.data;
    if (seen.has(urn)) {
      fail(new UrnLookupError('listed-twice', urn, `URN ${urn} is listed more than once; it is drafted once above.`));
      continue;
    }
    seen.add(urn);
    if (!deps.gias || !loadedAt) {
      fail(noData(urn));
      continue;
    }
    const conflict = urnConflict(urn, input.trustId, configured.get(urn));
    if (conflict) {
      fail(conflict);
      continue;
    }
    const record = await deps.gias.get(urn);
    if (!record) {
      fail(
        new UrnLookupError(
          'not-in-gias',
          urn,
          `URN ${urn} is not in the GIAS data (extract of ${dateOf(loadedAt)}). Check the number on Get Information about Schools; if the school opened since, import a newer extract with \`npm run -s cli -- gias import FILE\`.`,
        ),
      );
      continue;
    }
    let id: string | undefined;
    for (const candidate of schoolIdCandidates(record)) {
      if (ownIds.has(candidate) || proposed.has(candidate) || RESERVED_SCHOOL_IDS.has(candidate)) continue;
      const owner = await deps.store.config.ownerOf(candidate);
      if (owner && owner !== input.trustId) continue;
      id = candidate;
      break;
    }
    // The last candidate carries the URN, which no other school can share; this is only a guard.
    id ??= `school-${urn}`;
    proposed.add(id);
    const derived = deriveSchoolDraft(record, { id, trustName: trust.name });
    const warnings: string[] = [];
    const key = (n: string) => n.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const twin = own.find((s) => !s.school.urn && key(s.school.name) === key(record.name));
    if (twin) {
      warnings.push(`Your trust already has “${twin.school.name}” (id ${twin.school.id}) without a URN. If it is this school, untick this draft and add the URN to that school instead, or remove it after saving this one.`);
    }
    if (record.status && !/^open/i.test(record.status)) {
      warnings.push(`GIAS lists this establishment as “${record.status}”. Check the URN: a school that converted to an academy or changed trust usually has a new URN.`);
    }
    results.push({ urn, ok: true, draft: { urn, school: parseSchool(derived.school), record, filled: derived.filled, missing: derived.missing, warnings, giasDate: loadedAt } });
  }
  return { giasDate: loadedAt, results };
}

/** One URN → its draft, or UrnLookupError saying why not. */
export async function draftSchoolFromUrn(deps: SchoolFromUrnDeps, input: { trustId: string; urn: string }): Promise<UrnDraft> {
  const { results } = await draftSchoolsFromUrns(deps, { trustId: input.trustId, urns: [input.urn] });
  const r = results[0];
  if (!r) throw new UrnLookupError('malformed', input.urn, 'Give a URN: the six-digit number Get Information about Schools gives each school (e.g. 114501).');
  if (!r.ok) throw r.error;
  return r.draft;
}

export interface SaveProblem {
  /** Position of the school in the batch. */
  index: number;
  urn?: string;
  /** The field (`id`, `name`, `aliases`, `publicFacts.phones`…), or `form` for the batch as a whole. */
  field: string;
  message: string;
}

/** The reviewed drafts were not saved, none of them; each problem names the school and field. */
export class SchoolsNotSavedError extends Error {
  override readonly name = 'SchoolsNotSavedError';
  constructor(readonly problems: SaveProblem[]) {
    super(`Nothing was saved:\n${problems.map((p) => `  ${p.urn ? `URN ${p.urn}` : `school ${p.index + 1}`}${p.field === 'form' ? '' : ` (${p.field})`}: ${p.message}`).join('\n')}`);
  }
}

/**
 * Saves reviewed drafts (as edited by the admin) all-or-nothing: every school is validated first (the config
 * schema, its URN still free, its id new to the trust and unique in the batch, the trust's school limit), then
 * they are written together through `importConfig`, which claims each new id conditionally and puts everything
 * back if a write fails. Existing schools of the trust are left as they are.
 */
export async function saveSchoolsFromUrns(deps: Pick<SchoolFromUrnDeps, 'store'>, input: { trustId: string; schools: readonly unknown[] }): Promise<School[]> {
  const problems: SaveProblem[] = [];
  if (input.schools.length === 0) throw new SchoolsNotSavedError([{ index: 0, field: 'form', message: 'there is no school to save; look up at least one URN first' }]);
  if (input.schools.length > MAX_URNS_PER_BATCH) throw new SchoolsNotSavedError([{ index: 0, field: 'form', message: `save at most ${MAX_URNS_PER_BATCH} schools at once` }]);
  const trust = await deps.store.config.getTrust(input.trustId);
  if (!trust) throw new SchoolsNotSavedError([{ index: 0, field: 'form', message: `no trust "${input.trustId}" is configured` }]);
  const own = await deps.store.config.listSchools(input.trustId);
  const ownById = new Map(own.map((s) => [s.school.id, s.school]));
  const configured = await configuredUrns(deps.store);
  const schools: School[] = [];
  const ids = new Map<string, number>();
  const urns = new Map<string, number>();
  input.schools.forEach((draft, index) => {
    let school: School;
    try {
      school = parseSchool(draft);
    } catch (err) {
      if (!(err instanceof AdminConfigError)) throw err;
      const urn = draft && typeof draft === 'object' && typeof (draft as { urn?: unknown }).urn === 'string' ? (draft as { urn: string }).urn : undefined;
      for (const [field, message] of Object.entries(err.problems)) problems.push({ index, urn, field, message });
      return;
    }
    const at = (field: string, message: string) => problems.push({ index, urn: school.urn, field, message });
    if (!school.urn) at('urn', 'is missing: a school added from GIAS keeps its URN');
    else {
      const conflict = urnConflict(school.urn, input.trustId, configured.get(school.urn));
      if (conflict) at('urn', conflict.message);
      if (urns.has(school.urn)) at('urn', `URN ${school.urn} is in this batch twice`);
      urns.set(school.urn, index);
    }
    if (RESERVED_SCHOOL_IDS.has(school.id)) at('id', `"${school.id}" is reserved; choose another id`);
    const existing = ownById.get(school.id);
    if (existing) at('id', `id "${school.id}" is already used in your trust by “${existing.name}”; choose another id`);
    if (ids.has(school.id)) at('id', `id "${school.id}" is given to two schools in this batch; choose another for one of them`);
    ids.set(school.id, index);
    schools.push(school);
  });
  if (own.length + input.schools.length > LIMITS.schoolsPerTrust) {
    problems.push({ index: 0, field: 'form', message: `your trust would have ${own.length + input.schools.length} schools; the limit is ${LIMITS.schoolsPerTrust}` });
  }
  if (problems.length) throw new SchoolsNotSavedError(problems);
  try {
    await deps.store.config.importConfig({ trusts: [{ ...trust, schools }] });
  } catch (err) {
    if (err instanceof SchoolIdTakenError) {
      throw new SchoolsNotSavedError(err.schoolIds.map((id) => ({ index: ids.get(id) ?? 0, urn: schools[ids.get(id) ?? 0]?.urn, field: 'id', message: schoolIdTakenMessage(id) })));
    }
    if (err instanceof UrnTakenError) {
      throw new SchoolsNotSavedError(err.conflicts.map((c) => ({ index: ids.get(c.schoolId) ?? 0, urn: c.urn, field: 'urn', message: urnConflictMessage(c) })));
    }
    if (err instanceof ItemTooLargeError) throw new SchoolsNotSavedError([{ index: 0, field: 'form', message: err.message.replace(/^Nothing was saved: /, '') }]);
    throw err;
  }
  return schools;
}
