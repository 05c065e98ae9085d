import { createHash } from 'node:crypto';
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

/** What people are told when another trust's school has the URN: never which trust. */
export const urnTakenMessage = (urn: string) =>
  `URN ${urn} is already configured by another trust, so it cannot be added to yours. If the school has joined your trust, ask the other trust's administrator (or Schoolwatch support) to remove it there first.`;

/** A URN wanted for `schoolId`, held by another school: of the same trust (`heldBy`) or of another trust. */
export interface UrnConflict {
  urn: string;
  schoolId: string;
  heldBy?: string;
}
export const urnConflictMessage = (c: UrnConflict) =>
  c.heldBy ? `URN ${c.urn} is already used by school '${c.heldBy}' in your trust; save that school without it first, then give it to this one` : urnTakenMessage(c.urn);

/** One or more URNs belong to other schools; nothing was saved. */
export class UrnTakenError extends Error {
  override readonly name = 'UrnTakenError';
  constructor(readonly conflicts: UrnConflict[]) {
    super(`Nothing was saved: ${conflicts.map(urnConflictMessage).join('; ')}.`);
  }
}

/** The trust already has a school with this id (the console's "add a school"); nothing was saved. */
export class SchoolExistsError extends Error {
  override readonly name = 'SchoolExistsError';
}

/** A school's configuration changed between reading and saving it (an import, or another admin); nothing was saved. */
export class SchoolChangedError extends Error {
  constructor(readonly schoolId: string) {
    super(`School '${schoolId}' was changed while you were saving it (by an import or another administrator). Nothing was saved. Your change is still in the form below: open the school again in another tab to see what changed, then save again.`);
    this.name = 'SchoolChangedError';
  }
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
 * A URN is unique too: `URN#u` / `OWNER` names the one (trust, school) that has it, claimed the same way, so of
 * two trusts adding the same school at the same instant exactly one succeeds.
 */
export class ConfigStore {
  constructor(private readonly items: TableItems) {}

  /**
   * Writes a validated configuration all-or-nothing. Unchanged items are not rewritten, so re-importing a file
   * changes nothing. dynalite has no transactions, so "nothing" is made in this order:
   *  1. reads only: refuse a school id another trust owns, a URN another school has, and any item over
   *     DynamoDB's size limit;
   *  2. claim each new school id and URN (conditional writes: of two trusts racing for one exactly one wins; the
   *     loser, or an import the store fails part-way, releases the claims it made and saves nothing);
   *  3. write the changed items one by one, having kept each one's previous version (read in step 1); if a write
   *     fails, every changed item is put back to that version (or deleted if it was new) and the new claims are
   *     released, so the store is as it was. A claim is written before its school and released after a failed
   *     import, so a crash can only leave a claim held by the importing trust, which a re-import simply reuses.
   *     A URN a school no longer has is released only after the writes (and not while its configuration names it).
   * A URN moving between two schools of one trust in one file (the file takes it off the one and gives it to the
   * other, or swaps two) is handed over with a conditional write on its claim (still the first school's?) in step 2,
   * and handed back if the import then fails. A crash after the hand-over leaves the claim with the school the
   * file gives it to, in the same trust; re-importing the file finishes the move.
   * A snapshot-and-restore rather than a staging generation: imports are rare and small (≤ 200 schools a trust),
   * and readers then never need to know about generations.
   */
  async importConfig(config: ConfigFile): Promise<ImportSummary> {
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const writes: { item: Item; previous?: Item }[] = [];
    const taken: string[] = [];
    const toClaim: { trustId: string; schoolId: string }[] = [];
    const urnConflicts: UrnConflict[] = [];
    const urnsToClaim: UrnOwner[] = [];
    const urnsToRelease: UrnOwner[] = [];
    const urnsToHandOver: { from: UrnOwner; to: UrnOwner }[] = [];
    const legacy = this.legacyUrnHolders();
    for (const trust of config.trusts) {
      const { schools, ...meta } = trust;
      const urnInFile = new Map(schools.map((s) => [s.id, s.urn]));
      const candidates: { what: string; item: Item }[] = [
        { what: `trust '${trust.id}'`, item: { ...keys.trust(trust.id), GSI1PK: 'TRUSTS', GSI1SK: trust.id, kind: 'trust', data: meta } },
        ...schools.map((school) => ({ what: `school '${school.id}'`, item: schoolItem(trust.id, school) })),
      ];
      for (const school of schools) {
        const claim = await this.items.get(keys.schoolIdClaim(school.id));
        const owner = claim ? (claim.trustId as string) : (await this.findByIndex(school.id))?.trustId;
        if (owner && owner !== trust.id) taken.push(school.id);
        else if (!claim) toClaim.push({ trustId: trust.id, schoolId: school.id });
        if (!school.urn) continue;
        const wanted = { trustId: trust.id, schoolId: school.id, urn: school.urn };
        const holder = await this.urnHolder(school.urn, legacy, wanted);
        // the file itself takes the URN off the trust's school that has it: hand the claim over rather than refuse
        const movedInFile = holder?.trustId === trust.id && urnInFile.has(holder.schoolId) && urnInFile.get(holder.schoolId) !== school.urn;
        if (!holder) urnsToClaim.push(wanted);
        else if (movedInFile && holder.claimed) urnsToHandOver.push({ from: holder, to: wanted });
        else if (movedInFile) urnsToClaim.push(wanted);
        else if (!sameOwner(holder, wanted)) urnConflicts.push(conflictWith(holder, wanted));
        else if (!holder.claimed) urnsToClaim.push(wanted);
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
        const before = existing?.kind === 'school' ? (existing.data as School).urn : undefined;
        if (before && before !== (item.data as School).urn) urnsToRelease.push({ trustId: trust.id, schoolId: (item.data as School).id, urn: before });
      }
    }
    if (taken.length) throw new SchoolIdTakenError(taken);
    if (urnConflicts.length) throw new UrnTakenError(urnConflicts);

    const claimed: typeof toClaim = [];
    const claimedUrns: UrnOwner[] = [];
    const handedOver: typeof urnsToHandOver = [];
    const releaseAll = async () => {
      await this.releaseClaims(claimed);
      for (const u of claimedUrns) await this.releaseUrnUnlessNamed(u);
      for (const h of handedOver.reverse()) await this.items.putIfUnchanged(urnClaimItem(h.from), 'owner', ownerOf(h.to));
    };
    try {
      for (const c of toClaim) {
        if (await this.claimSchoolId(c.trustId, c.schoolId)) claimed.push(c);
        else taken.push(c.schoolId);
      }
      for (const u of urnsToClaim) {
        const outcome = await this.claimUrn(u);
        if (outcome === 'claimed') claimedUrns.push(u);
        else if (outcome !== 'held') urnConflicts.push(conflictWith(outcome, u));
      }
      for (const h of urnsToHandOver) {
        // only while the school the file takes it from still has it: a change meanwhile is refused as a conflict
        if (await this.items.putIfUnchanged(urnClaimItem(h.to), 'owner', ownerOf(h.from))) handedOver.push(h);
        else urnConflicts.push(conflictWith(h.from, h.to));
      }
    } catch (err) {
      // A store failure part-way: the claims made so far are given back, so nothing is held for a school never written.
      await releaseAll();
      throw err;
    }
    if (taken.length || urnConflicts.length) {
      await releaseAll();
      throw taken.length ? new SchoolIdTakenError(taken) : new UrnTakenError(urnConflicts);
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
        await releaseAll();
      } catch (restoreErr) {
        throw new ImportFailedError(
          `The import failed part-way (${describe(err)}) and the previous configuration could not be put back (${describe(restoreErr)}). Import the same file again once the store answers: it is safe to repeat.`,
          { cause: err },
        );
      }
      throw new ImportFailedError(`The import failed part-way (${describe(err)}); the previous configuration was put back, nothing changed. Try again.`, { cause: err });
    }
    // A URN a school no longer has is given up only after its new configuration is written: a crash in between
    // leaves the claim with that same school (never free while a configuration still names it).
    for (const u of urnsToRelease) await this.releaseUrnUnlessNamed(u);
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

  /**
   * Who has a URN, as seen by the school `wanted` it: its claim, else (stores written before URN claims, 0.3.0) a
   * school configuration naming it, found through the `SCHOOLS` index, which `legacy` reads at most once per call
   * that needs it. If two schools named one URN back then, each sees the other as its holder, so neither can claim it
   * while the other's configuration still names it.
   */
  private async urnHolder(urn: string, legacy: () => Promise<Map<string, UrnOwner[]>>, wanted: UrnOwner): Promise<(UrnOwner & { claimed: boolean }) | undefined> {
    const claim = await this.items.get(keys.urnClaim(urn));
    if (claim) return { trustId: claim.trustId as string, schoolId: claim.schoolId as string, urn, claimed: true };
    const configured = (await legacy()).get(urn) ?? [];
    const holder = configured.find((o) => !sameOwner(o, wanted)) ?? configured[0];
    return holder && { ...holder, claimed: false };
  }

  private legacyUrnHolders(): () => Promise<Map<string, UrnOwner[]>> {
    let map: Promise<Map<string, UrnOwner[]>> | undefined;
    return () =>
      (map ??= this.listSchools().then((refs) => {
        const out = new Map<string, UrnOwner[]>();
        for (const r of refs) if (r.school.urn) out.set(r.school.urn, [...(out.get(r.school.urn) ?? []), { trustId: r.trustId, schoolId: r.school.id, urn: r.school.urn }]);
        return out;
      }));
  }

  /** Claims a URN for one school with a conditional write: 'claimed' (new), 'held' (already this school's) or the holder. */
  private async claimUrn(u: UrnOwner): Promise<'claimed' | 'held' | UrnOwner> {
    if (await this.items.putIfAbsent(urnClaimItem(u))) return 'claimed';
    const claim = await this.items.get(keys.urnClaim(u.urn));
    if (!claim) return this.claimUrn(u); // released in between: try again
    const holder = { trustId: claim.trustId as string, schoolId: claim.schoolId as string, urn: u.urn };
    return sameOwner(holder, u) ? 'held' : holder;
  }

  /**
   * Checks and claims the URN a single school write (the school form, "add a school") gives a school. Returns
   * whether this call made the claim, so a write that then fails can give it back; throws UrnTakenError.
   */
  private async claimUrnFor(trustId: string, school: School): Promise<boolean> {
    if (!school.urn) return false;
    const wanted = { trustId, schoolId: school.id, urn: school.urn };
    const holder = await this.urnHolder(school.urn, this.legacyUrnHolders(), wanted);
    if (holder && !sameOwner(holder, wanted)) throw new UrnTakenError([conflictWith(holder, wanted)]);
    if (holder?.claimed) return false;
    const outcome = await this.claimUrn(wanted);
    if (outcome === 'claimed') return true;
    if (outcome === 'held') return false;
    throw new UrnTakenError([conflictWith(outcome, wanted)]);
  }

  /** Gives a URN up, only if this very school holds it. */
  async releaseUrn(trustId: string, schoolId: string, urn: string): Promise<void> {
    await this.items.deleteIf(keys.urnClaim(urn), 'owner', ownerOf({ trustId, schoolId }));
  }

  /**
   * Gives a URN up after a write that no longer needs it, unless the school's stored configuration names it: two
   * writes of one school share its claim, and the one that lost (or dropped the URN) must not take it from the one
   * whose configuration now has it. (A read then a delete: without transactions a write landing between the two
   * can still find its URN unclaimed, and the configured-schools check then still refuses it to another trust.)
   */
  private async releaseUrnUnlessNamed(u: UrnOwner): Promise<void> {
    const current = await this.items.get(keys.school(u.trustId, u.schoolId));
    if (current && (current.data as School).urn === u.urn) return;
    await this.releaseUrn(u.trustId, u.schoolId, u.urn);
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

  /**
   * Saves an edit of one school of the trust (admin console). False when the id belongs to another trust;
   * UrnTakenError when its URN is another school's.
   */
  async saveSchool(trustId: string, school: School): Promise<boolean> {
    if (!(await this.claimSchoolId(trustId, school.id))) return false;
    const previous = await this.items.get(keys.school(trustId, school.id));
    const before = previous ? (previous.data as School).urn : undefined;
    const claimedUrn = await this.claimUrnFor(trustId, school);
    let saved: boolean;
    try {
      // Only over the version read above: an import landing in between (which may have handed this school's URN to
      // another school) is not overwritten with what this form saw before it.
      saved = await this.items.putIfUnchanged(schoolItem(trustId, school), 'fingerprint', previous?.fingerprint);
    } catch (err) {
      if (claimedUrn) await this.releaseUrnUnlessNamed({ trustId, schoolId: school.id, urn: school.urn! });
      throw err;
    }
    if (!saved) {
      if (claimedUrn) await this.releaseUrnUnlessNamed({ trustId, schoolId: school.id, urn: school.urn! });
      throw new SchoolChangedError(school.id);
    }
    if (before && before !== school.urn) await this.releaseUrnUnlessNamed({ trustId, schoolId: school.id, urn: before });
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
    // The URN first: a refused URN then leaves no id claim behind.
    const claimedUrn = await this.claimUrnFor(trustId, school);
    const giveBackUrn = async () => {
      if (claimedUrn) await this.releaseUrnUnlessNamed({ trustId, schoolId: school.id, urn: school.urn! });
    };
    try {
      if (!(await this.claimSchoolId(trustId, school.id))) throw new SchoolIdTakenError([school.id]);
      if (!(await this.items.putIfAbsent(item))) throw new SchoolExistsError(`a school with id '${school.id}' already exists in your trust`);
    } catch (err) {
      await giveBackUrn();
      throw err;
    }
  }

  /** Deletes one school's configuration (its data is erased separately, by `eraseSchoolData`). */
  async removeSchool(trustId: string, schoolId: string): Promise<void> {
    const current = await this.items.get(keys.school(trustId, schoolId));
    await this.items.delete(keys.school(trustId, schoolId));
    await this.releaseSchoolId(trustId, schoolId);
    const urn = current ? (current.data as School).urn : undefined;
    if (urn) await this.releaseUrn(trustId, schoolId, urn);
  }
}

interface UrnOwner {
  trustId: string;
  schoolId: string;
  urn: string;
}
const ownerOf = (o: { trustId: string; schoolId: string }) => `${o.trustId}#${o.schoolId}`;
/** The claim record naming the one (trust, school) that has a URN. */
const urnClaimItem = (u: UrnOwner): Item => ({ ...keys.urnClaim(u.urn), kind: 'urn', trustId: u.trustId, schoolId: u.schoolId, owner: ownerOf(u) });
const sameOwner = (a: { trustId: string; schoolId: string }, b: { trustId: string; schoolId: string }) => a.trustId === b.trustId && a.schoolId === b.schoolId;
/** What a school wanting a URN is told about its holder: the school if it is in the same trust, never another trust. */
const conflictWith = (holder: UrnOwner, wanted: UrnOwner): UrnConflict =>
  holder.trustId === wanted.trustId ? { urn: wanted.urn, schoolId: wanted.schoolId, heldBy: holder.schoolId } : { urn: wanted.urn, schoolId: wanted.schoolId };

/**
 * `fingerprint` (a hash of the configuration) lets a single-school write go ahead only over the version it read:
 * DynamoDB conditions cannot compare a whole map in every implementation, a short string they all can.
 */
function schoolItem(trustId: string, school: School): Item {
  const fingerprint = createHash('sha256').update(stableJson(school)).digest('hex').slice(0, 24);
  return { ...keys.school(trustId, school.id), GSI1PK: 'SCHOOLS', GSI1SK: school.id, kind: 'school', trustId, data: school, fingerprint };
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
