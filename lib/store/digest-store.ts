import { DailyClaims, type DailySendRecord } from './daily-claims';
import type { TableItems } from './items';
import { keys, type SchoolKey } from './table';

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
  constructor(items: TableItems) {
    super(items, keyFor, 'owner');
  }
}
