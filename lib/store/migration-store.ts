import type { TableItems } from './items';
import type { SchoolKey } from './table';

/** How far a data migration got in one school: where to resume, and what it did so far. */
export interface MigrationCheckpoint {
  /** The last mention sort key handled; the next step starts after it. */
  after?: string;
  done: boolean;
  read: number;
  added: number;
  removed: number;
  raced: number;
  at: string;
}

const key = (migration: string, s: SchoolKey) => ({ PK: `MIGRATION#${migration}`, SK: `TRUST#${s.trustId}#SCHOOL#${s.schoolId}` });

/** Per-school progress of data migrations (`cli migrate`), so an interrupted run resumes where it stopped. */
export class MigrationStore {
  constructor(private readonly items: TableItems) {}

  async get(migration: string, school: SchoolKey): Promise<MigrationCheckpoint | undefined> {
    const row = await this.items.get(key(migration, school));
    if (!row) return undefined;
    const { PK: _p, SK: _s, kind: _k, trustId: _t, schoolId: _sc, ...rest } = row;
    return rest as unknown as MigrationCheckpoint;
  }

  async save(migration: string, school: SchoolKey, checkpoint: MigrationCheckpoint): Promise<void> {
    await this.items.put({ ...key(migration, school), kind: 'migration', trustId: school.trustId, schoolId: school.schoolId, ...checkpoint });
  }

  /** Forgets one school's checkpoints of these migrations (erasing a school's data leaves nothing naming it). */
  async forget(migrations: readonly string[], school: SchoolKey): Promise<void> {
    for (const migration of migrations) await this.items.delete(key(migration, school));
  }
}
