import { DailyClaims, type DailySendRecord } from './daily-claims';
import type { TableItems } from './items';
import { keys } from './table';

export interface RollupRecord extends DailySendRecord {
  trustId: string;
}

export type RollupClaim = { claimed: boolean; record: RollupRecord };

/** A trust's daily roll-up record, `TRUST#t` / `DIGEST#date`: the same exactly-once rule as a school's digest. */
export class RollupStore extends DailyClaims<RollupRecord> {
  constructor(items: TableItems) {
    super(items, keys.trustDigest, 'trustId');
  }
}
