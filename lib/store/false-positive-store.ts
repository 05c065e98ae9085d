import type { TableItems } from './items';
import { schoolPartition, type SchoolKey } from './table';

/** A word or phrase a reviewer dismissed as a false positive for one school, and which mention taught it. */
export interface FalsePositiveTerm {
  trustId: string;
  schoolId: string;
  term: string;
  mentionId: string;
  category: string;
  at: string;
  by: string;
}

const pk = (s: SchoolKey) => schoolPartition(s.trustId, s.schoolId);
const sk = (term: string, mentionId: string) => `FALSEPOS#${term}#${mentionId}`;

/**
 * Per-school suppressions learnt from dismissed mentions: the evidence words of a dismissed item stop
 * counting for that school, so the same kind of item stops recurring. Un-dismissing forgets them again.
 */
export class FalsePositiveStore {
  constructor(private readonly items: TableItems) {}

  async learn(terms: FalsePositiveTerm[]): Promise<void> {
    await this.items.putMany(terms.map((t) => ({ PK: pk(t), SK: sk(t.term, t.mentionId), ...t })));
  }

  async forget(school: SchoolKey, mentionId: string): Promise<void> {
    const rows = await this.items.query(pk(school), { prefix: 'FALSEPOS#' });
    for (const row of rows) if (row.mentionId === mentionId) await this.items.delete({ PK: row.PK as string, SK: row.SK as string });
  }

  /** Distinct suppressed terms for a school. */
  async terms(school: SchoolKey): Promise<string[]> {
    const rows = await this.items.query(pk(school), { prefix: 'FALSEPOS#' });
    return [...new Set(rows.map((r) => r.term as string))].sort();
  }
}
