import type { CategoryHit, Family, Severity } from '../score/types';
import type { TableItems } from './items';
import { keys } from './table';
import type { Mention } from './types';

/** A span of the captured page's readable text (page.txt) or title that triggered a category. UTF-16 offsets. */
export interface PageEvidence {
  field: 'page-title' | 'page-text';
  start: number;
  end: number;
  text: string;
  category: string;
}

/** The page's own score: what the article says, beyond the feed's excerpt. */
export interface PageScore {
  flagged: boolean;
  severity: Severity | null;
  families: Family[];
  categories: CategoryHit[];
  /** Category ids the page flags that the feed text did not. */
  newCategories: string[];
  evidence: PageEvidence[];
  explanation: string;
}

/**
 * Where a mention's page capture stands, kept on the mention item beside its snapshot (which is never edited).
 * `pending`: queued or being retried; `captured`: files are in the evidence bucket under `prefix`;
 * `failed`: gave up (or refused for good), with the reason.
 */
export interface CaptureRecord {
  status: 'pending' | 'captured' | 'failed';
  attempts: number;
  updatedAt: string;
  requestedUrl?: string;
  /** Last failure, kept after a later success too (so "captured on the third try after a 403" is visible). */
  reason?: { code: string; message: string };
  nextAttemptAt?: string;
  captureId?: string;
  /** Evidence bucket prefix of this capture, ending in '/'. */
  prefix?: string;
  finalUrl?: string;
  httpStatus?: number;
  /** ISO-8601 in the school's timezone with its offset. */
  capturedAt?: string;
  files?: Record<string, { sha256: string; bytes: number }>;
  pageScore?: PageScore;
  note?: string;
}

/** A capture due to be tried again: `TRUST#t` / `CAPTURE#RETRY#at#mentionId`, so a sweep finds them by trust and time. */
export interface DueCapture {
  trustId: string;
  schoolId: string;
  mentionId: string;
  url: string;
  at: string;
}

const retryKey = (trustId: string, at: string, mentionId: string) => ({ PK: `TRUST#${trustId}`, SK: `CAPTURE#RETRY#${at}#${mentionId}` });

export class CaptureStore {
  constructor(private readonly items: TableItems) {}

  /** Sets the mention's capture record; false when the mention is gone (erased meanwhile). Never creates an item. */
  async set(mention: Pick<Mention, 'trustId' | 'schoolId' | 'capturedAt' | 'id'>, record: CaptureRecord): Promise<boolean> {
    return this.items.set(keys.mention(mention, mention.capturedAt, mention.id), { capture: record });
  }

  async scheduleRetry(due: DueCapture): Promise<void> {
    await this.items.put({ ...retryKey(due.trustId, due.at, due.mentionId), kind: 'capture-retry', ...due });
  }

  async clearRetry(trustId: string, at: string, mentionId: string): Promise<void> {
    await this.items.delete(retryKey(trustId, at, mentionId));
  }

  /** Retries of one trust due at or before `now` (ISO), oldest first. */
  async dueRetries(trustId: string, now: string, limit = 50): Promise<DueCapture[]> {
    const rows = await this.items.query(`TRUST#${trustId}`, { from: 'CAPTURE#RETRY#', to: `CAPTURE#RETRY#${now}~` }, { limit });
    return rows.map((r) => ({ trustId: r.trustId as string, schoolId: r.schoolId as string, mentionId: r.mentionId as string, url: r.url as string, at: r.at as string }));
  }
}
