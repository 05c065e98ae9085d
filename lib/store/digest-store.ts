import { DailyClaims, type DailySendRecord } from './daily-claims';
import type { TableItems } from './items';
import { keys } from './table';

export interface DigestRecord extends DailySendRecord {
  schoolId: string;
}

export type ClaimResult = { claimed: boolean; record: DigestRecord };

/** A school's daily digest record, `SCHOOL#s` / `DIGEST#date` (exactly-once rule in DailyClaims). */
export class DigestStore extends DailyClaims<DigestRecord> {
  constructor(items: TableItems) {
    super(items, keys.digest, 'schoolId');
  }
}
