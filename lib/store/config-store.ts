import { ConfigFile, School, Trust, type SchoolRef } from '../config/schema';
import { GSI1, keys } from './table';
import type { Item, TableItems } from './items';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

type TrustMeta = Omit<Trust, 'schools'>;

/**
 * Trusts and schools. Trust items are listed through GSI1 (`TRUSTS`), schools through GSI1 (`SCHOOLS`),
 * so neither listing needs a table scan.
 */
export class ConfigStore {
  constructor(private readonly items: TableItems) {}

  /** Writes a validated configuration. Unchanged items are not rewritten, so re-importing a file changes nothing. */
  async importConfig(config: ConfigFile): Promise<ImportSummary> {
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const writes: Item[] = [];
    for (const trust of config.trusts) {
      const { schools, ...meta } = trust;
      const candidates: Item[] = [
        { ...keys.trust(trust.id), GSI1PK: 'TRUSTS', GSI1SK: trust.id, kind: 'trust', data: meta },
        ...schools.map((school) => ({
          ...keys.school(trust.id, school.id),
          GSI1PK: 'SCHOOLS',
          GSI1SK: school.id,
          kind: 'school',
          trustId: trust.id,
          data: school,
        })),
      ];
      for (const candidate of candidates) {
        const existing = await this.items.get({ PK: candidate.PK as string, SK: candidate.SK as string });
        if (!existing) summary.created++;
        else if (stableJson(existing.data) === stableJson(candidate.data)) {
          summary.unchanged++;
          continue;
        } else summary.updated++;
        writes.push(candidate);
      }
    }
    await this.items.putMany(writes);
    return summary;
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

  /** A school by id. With its trust id (as feed jobs carry) it is one consistent read; without, an index lookup first. */
  async getSchool(schoolId: string, trustId?: string): Promise<SchoolRef | undefined> {
    if (trustId) {
      const row = await this.items.get(keys.school(trustId, schoolId));
      return row ? toSchoolRef(row) : undefined;
    }
    const rows = await this.items.query('SCHOOLS', { from: schoolId, to: schoolId }, { index: GSI1 });
    const row = rows[0];
    if (!row) return undefined;
    // GSI reads are eventually consistent: read the base item for the current version.
    const fresh = await this.items.get({ PK: row.PK as string, SK: row.SK as string });
    return fresh ? toSchoolRef(fresh) : undefined;
  }

  /** Saves one school (admin console / CLI edit). The school must belong to an existing trust. */
  async saveSchool(trustId: string, school: School): Promise<void> {
    await this.items.put({ ...keys.school(trustId, school.id), GSI1PK: 'SCHOOLS', GSI1SK: school.id, kind: 'school', trustId, data: school });
  }

  /** Deletes one school's configuration (its data is erased separately, by `eraseSchoolData`). */
  async removeSchool(trustId: string, schoolId: string): Promise<void> {
    await this.items.delete(keys.school(trustId, schoolId));
  }
}

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
