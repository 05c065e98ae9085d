import { ConfigFile, School, Trust, type SchoolRef } from '../config/schema';
import { GSI1, keys } from './table';
import { itemSize, MAX_ITEM_BYTES, type Item, type TableItems } from './items';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

type TrustMeta = Omit<Trust, 'schools'>;

/** What people are told when a school id is taken: the id, never the trust that holds it. */
export const schoolIdTakenMessage = (schoolId: string) => `school id '${schoolId}' already belongs to another trust; choose another id`;

/** One or more school ids belong to another trust; nothing was saved. */
export class SchoolIdTakenError extends Error {
  override readonly name = 'SchoolIdTakenError';
  constructor(readonly schoolIds: string[]) {
    super(`Nothing was saved: ${schoolIds.map(schoolIdTakenMessage).join('; ')}.`);
  }
}

/** The trust already has a school with this id (the console's "add a school"); nothing was saved. */
export class SchoolExistsError extends Error {
  override readonly name = 'SchoolExistsError';
}

/** An item would exceed DynamoDB's 400 KB limit; found before anything was written, so nothing was saved. */
export class ItemTooLargeError extends Error {
  override readonly name = 'ItemTooLargeError';
  constructor(
    readonly what: string,
    readonly bytes: number,
  ) {
    super(`Nothing was saved: ${what} is ${Math.ceil(bytes / 1024)} KB when stored, over DynamoDB's ${MAX_ITEM_BYTES / 1024} KB item limit; shorten its lists (aliases, context, exclusions, feeds) and import again.`);
  }
}

/** An import failed part-way; the store was put back as it was before the import (or, if that failed too, says so). */
export class ImportFailedError extends Error {
  override readonly name = 'ImportFailedError';
}

/**
 * Trusts and schools. Trust items are listed through GSI1 (`TRUSTS`), schools through GSI1 (`SCHOOLS`),
 * so neither listing needs a table scan. A school id is unique across trusts: `SCHOOLID#s` / `OWNER` names the
 * trust that owns it and is written conditionally before the school's configuration (see `claimSchoolId`).
 */
export class ConfigStore {
  constructor(private readonly items: TableItems) {}

  /**
   * Writes a validated configuration all-or-nothing. Unchanged items are not rewritten, so re-importing a file
   * changes nothing. dynalite has no transactions, so "nothing" is made in this order:
   *  1. reads only: refuse a school id another trust owns, and any item over DynamoDB's size limit;
   *  2. claim each new school id (conditional writes: of two trusts racing for an id exactly one wins; the loser
   *     releases the claims it made and saves nothing);
   *  3. write the changed items one by one, having kept each one's previous version (read in step 1); if a write
   *     fails, every changed item is put back to that version (or deleted if it was new) and the new claims are
   *     released, so the store is as it was. A claim is written before its school and released after a failed
   *     import, so a crash can only leave a claim held by the importing trust, which a re-import simply reuses.
   * A snapshot-and-restore rather than a staging generation: imports are rare and small (≤ 200 schools a trust),
   * and readers then never need to know about generations.
   */
  async importConfig(config: ConfigFile): Promise<ImportSummary> {
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const writes: { item: Item; previous?: Item }[] = [];
    const taken: string[] = [];
    const toClaim: { trustId: string; schoolId: string }[] = [];
    for (const trust of config.trusts) {
      const { schools, ...meta } = trust;
      const candidates: { what: string; item: Item }[] = [
        { what: `trust '${trust.id}'`, item: { ...keys.trust(trust.id), GSI1PK: 'TRUSTS', GSI1SK: trust.id, kind: 'trust', data: meta } },
        ...schools.map((school) => ({ what: `school '${school.id}'`, item: schoolItem(trust.id, school) })),
      ];
      for (const school of schools) {
        const claim = await this.items.get(keys.schoolIdClaim(school.id));
        const owner = claim ? (claim.trustId as string) : (await this.findByIndex(school.id))?.trustId;
        if (owner && owner !== trust.id) taken.push(school.id);
        else if (!claim) toClaim.push({ trustId: trust.id, schoolId: school.id });
      }
      for (const { what, item } of candidates) {
        const bytes = itemSize(item);
        if (bytes > MAX_ITEM_BYTES) throw new ItemTooLargeError(what, bytes);
        const existing = await this.items.get({ PK: item.PK as string, SK: item.SK as string });
        if (!existing) summary.created++;
        else if (stableJson(existing.data) === stableJson(item.data)) {
          summary.unchanged++;
          continue;
        } else summary.updated++;
        writes.push({ item, previous: existing });
      }
    }
    if (taken.length) throw new SchoolIdTakenError(taken);

    const claimed: typeof toClaim = [];
    for (const c of toClaim) {
      if (await this.claimSchoolId(c.trustId, c.schoolId)) claimed.push(c);
      else taken.push(c.schoolId);
    }
    if (taken.length) {
      await this.releaseClaims(claimed);
      throw new SchoolIdTakenError(taken);
    }

    const written: typeof writes = [];
    try {
      for (const w of writes) {
        written.push(w);
        await this.items.put(w.item);
      }
    } catch (err) {
      try {
        for (const w of written.reverse()) {
          if (w.previous) await this.items.put(w.previous);
          else await this.items.delete({ PK: w.item.PK as string, SK: w.item.SK as string });
        }
        await this.releaseClaims(claimed);
      } catch (restoreErr) {
        throw new ImportFailedError(
          `The import failed part-way (${describe(err)}) and the previous configuration could not be put back (${describe(restoreErr)}). Import the same file again once the store answers: it is safe to repeat.`,
          { cause: err },
        );
      }
      throw new ImportFailedError(`The import failed part-way (${describe(err)}); the previous configuration was put back, nothing changed. Try again.`, { cause: err });
    }
    return summary;
  }

  /** The trust that owns a school id, if any. Stores written before claims existed are read through the index. */
  async ownerOf(schoolId: string): Promise<string | undefined> {
    const claim = await this.items.get(keys.schoolIdClaim(schoolId));
    if (claim) return claim.trustId as string;
    return (await this.findByIndex(schoolId))?.trustId;
  }

  /**
   * Claims a school id for a trust with a conditional write. True when the id is (now, or already) this trust's;
   * false when another trust holds it. Of any number of concurrent claims by different trusts exactly one wins.
   */
  async claimSchoolId(trustId: string, schoolId: string): Promise<boolean> {
    const legacy = await this.findByIndex(schoolId);
    if (legacy && legacy.trustId !== trustId) return false;
    if (await this.items.putIfAbsent({ ...keys.schoolIdClaim(schoolId), kind: 'school-id', trustId, schoolId })) return true;
    return (await this.items.get(keys.schoolIdClaim(schoolId)))?.trustId === trustId;
  }

  /** Gives a school id up (only if this trust holds it). */
  async releaseSchoolId(trustId: string, schoolId: string): Promise<void> {
    await this.items.deleteIf(keys.schoolIdClaim(schoolId), 'trustId', trustId);
  }

  private async releaseClaims(claims: { trustId: string; schoolId: string }[]): Promise<void> {
    for (const c of claims) await this.releaseSchoolId(c.trustId, c.schoolId);
  }

  /** A school's configuration through the `SCHOOLS` index (eventually consistent), then its base item. */
  private async findByIndex(schoolId: string): Promise<SchoolRef | undefined> {
    const rows = await this.items.query('SCHOOLS', { from: schoolId, to: schoolId }, { index: GSI1 });
    const row = rows[0];
    if (!row) return undefined;
    const fresh = await this.items.get({ PK: row.PK as string, SK: row.SK as string });
    return fresh ? toSchoolRef(fresh) : undefined;
  }

  async exportConfig(): Promise<ConfigFile> {
    const trusts = await this.listTrusts();
    const schools = await this.listSchools();
    return {
      trusts: trusts.map((t) => ({ ...t, schools: schools.filter((s) => s.trustId === t.id).map((s) => s.school) })),
    };
  }

  async listTrusts(): Promise<TrustMeta[]> {
    const rows = await this.items.query('TRUSTS', { prefix: '' }, { index: GSI1 });
    return rows.map((r) => Trust.parse({ ...(r.data as object), schools: [] })).map(({ schools: _s, ...meta }) => meta);
  }

  async getTrust(trustId: string): Promise<TrustMeta | undefined> {
    const row = await this.items.get(keys.trust(trustId));
    if (!row) return undefined;
    const { schools: _s, ...meta } = Trust.parse({ ...(row.data as object), schools: [] });
    return meta;
  }

  async listSchools(trustId?: string): Promise<SchoolRef[]> {
    const rows = trustId
      ? await this.items.query(`TRUST#${trustId}`, { prefix: 'SCHOOL#' })
      : await this.items.query('SCHOOLS', { prefix: '' }, { index: GSI1 });
    return rows.map(toSchoolRef);
  }

  /**
   * A school by id. With its trust id (as feed jobs and trust-scoped callers carry) it is one consistent read of
   * that trust's school and never another trust's. Without, the id's owner (its claim) says which trust to read.
   */
  async getSchool(schoolId: string, trustId?: string): Promise<SchoolRef | undefined> {
    const owner = trustId ?? (await this.items.get(keys.schoolIdClaim(schoolId)))?.trustId;
    if (typeof owner === 'string') {
      const row = await this.items.get(keys.school(owner, schoolId));
      if (row || trustId) return row ? toSchoolRef(row) : undefined;
    }
    return this.findByIndex(schoolId);
  }

  /** Saves an edit of one school of the trust (admin console). False when the id belongs to another trust. */
  async saveSchool(trustId: string, school: School): Promise<boolean> {
    if (!(await this.claimSchoolId(trustId, school.id))) return false;
    await this.items.put(schoolItem(trustId, school));
    return true;
  }

  /**
   * Adds a school to a trust: claims its id (SchoolIdTakenError when another trust holds it), then writes the
   * configuration only if the trust has no school with this id yet (SchoolExistsError), so of two admins adding
   * the same id at once exactly one succeeds.
   */
  async createSchool(trustId: string, school: School): Promise<void> {
    const item = schoolItem(trustId, school);
    const bytes = itemSize(item);
    if (bytes > MAX_ITEM_BYTES) throw new ItemTooLargeError(`school '${school.id}'`, bytes);
    if (!(await this.claimSchoolId(trustId, school.id))) throw new SchoolIdTakenError([school.id]);
    if (!(await this.items.putIfAbsent(item))) throw new SchoolExistsError(`a school with id '${school.id}' already exists in your trust`);
  }

  /** Deletes one school's configuration (its data is erased separately, by `eraseSchoolData`). */
  async removeSchool(trustId: string, schoolId: string): Promise<void> {
    await this.items.delete(keys.school(trustId, schoolId));
    await this.releaseSchoolId(trustId, schoolId);
  }
}

function schoolItem(trustId: string, school: School): Item {
  return { ...keys.school(trustId, school.id), GSI1PK: 'SCHOOLS', GSI1SK: school.id, kind: 'school', trustId, data: school };
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

function toSchoolRef(row: Item): SchoolRef {
  return { trustId: row.trustId as string, school: School.parse(row.data) };
}

/** JSON with sorted keys, so equal objects compare equal whatever order their keys were written in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
