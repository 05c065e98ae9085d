import type { TableItems } from './items';
import { keys, schoolPartition, type SchoolKey } from './table';
import type { Mention } from './types';

/** Deletes what retention says must go. Everything here removes data: callers decide what is due. */
export class RetentionStore {
  constructor(private readonly items: TableItems) {}

  /** Mentions of a school captured before `cutoff` (ISO), oldest first. */
  async mentionsCapturedBefore(school: SchoolKey, cutoff: string): Promise<Mention[]> {
    const rows = await this.items.query(schoolPartition(school.trustId, school.schoolId), { from: 'MENTION#', to: `MENTION#${cutoff}` });
    return rows.map((row) => {
      const { PK: _p, SK: _s, GSI1PK: _g1, GSI1SK: _g2, GSI2PK: _u1, GSI2SK: _u2, kind: _k, ...rest } = row;
      return rest as unknown as Mention;
    });
  }

  /** Removes a mention's snapshot, its id reference and its audit trail (review events and reads). */
  async eraseMention(mention: Mention): Promise<void> {
    const beside = await this.items.query(`MENTION#${mention.id}`, { prefix: '' });
    for (const row of beside) await this.items.delete({ PK: row.PK as string, SK: row.SK as string });
    await this.items.delete(keys.mention(mention, mention.capturedAt, mention.id));
  }

  /**
   * Seen markers whose expiry has passed (dynalite has no TTL; in AWS TTL removes them too).
   * Returns how many were deleted.
   */
  async purgeExpiredSeenMarkers(school: SchoolKey, nowEpochSeconds: number): Promise<number> {
    const rows = await this.items.query(schoolPartition(school.trustId, school.schoolId), { prefix: 'SEEN#' });
    let deleted = 0;
    for (const row of rows) {
      if (typeof row.expiresAt === 'number' && row.expiresAt < nowEpochSeconds) {
        await this.items.delete({ PK: row.PK as string, SK: row.SK as string });
        deleted++;
      }
    }
    return deleted;
  }

  /** Every item in a school's partition except its configuration (which lives under the trust). */
  async eraseSchoolPartition(school: SchoolKey): Promise<number> {
    const rows = await this.items.query(schoolPartition(school.trustId, school.schoolId), { prefix: '' });
    for (const row of rows) await this.items.delete({ PK: row.PK as string, SK: row.SK as string });
    return rows.length;
  }
}
