import { DailyClaims, type DailySendRecord } from './daily-claims';
import type { TableItems } from './items';
import { keys, schoolPartition, type SchoolKey } from './table';

export interface DigestRecord extends DailySendRecord {
  /** `trustId/schoolId`: the school the record belongs to, always named with its trust. */
  owner: string;
}

export type ClaimResult = { claimed: boolean; record: DigestRecord };

/** The owner string of a school's daily records (`/` cannot occur in a slug, so it splits back unambiguously). */
export const digestOwner = (s: SchoolKey) => `${s.trustId}/${s.schoolId}`;

function keyFor(owner: string, localDate: string) {
  const [trustId = '', schoolId = ''] = owner.split('/');
  return keys.digest({ trustId, schoolId }, localDate);
}

/**
 * A school's daily digest record, `TRUST#t#SCHOOL#s` / `DIGEST#date` (exactly-once rule in DailyClaims).
 * Callers pass `digestOwner({trustId, schoolId})` as the owner, never a school id alone.
 */
export class DigestStore extends DailyClaims<DigestRecord> {
  constructor(private readonly table: TableItems) {
    super(table, keyFor, 'owner');
  }

  /**
   * Deletes every daily record of one school (trust and school both in the key), so its next run sends again.
   * This undoes the exactly-once record: only the local demo's restart calls it, on its own demo schools.
   * Returns how many records were deleted.
   */
  async deleteAllOf(school: SchoolKey): Promise<number> {
    const rows = await this.table.query(schoolPartition(school.trustId, school.schoolId), { prefix: 'DIGEST#' });
    for (const row of rows) await this.table.delete({ PK: row.PK as string, SK: row.SK as string });
    return rows.length;
  }
}
