import type { CaptureRecord } from './capture-store';
import type { MatchResult, ScoreResult, Severity, Family } from '../score/types';
import type { OfstedReportRecord } from '../ofsted/report';

export type ReviewStatus = 'new' | 'reviewed' | 'escalated' | 'dismissed';

/** A stored hit: the evidence snapshot (never edited after capture) plus its review state. */
export interface Mention {
  id: string;
  trustId: string;
  schoolId: string;
  itemKey: string;
  /** Link as found in the feed. */
  url?: string;
  canonicalUrl?: string;
  feedUrl: string;
  /** The feed's own id for the item. */
  feedItemId?: string;
  title: string;
  author?: string;
  publishedAt?: string;
  /** ISO-8601 UTC. */
  capturedAt: string;
  /** Plain text as captured, size-capped. */
  text: string;
  textSha256: string;
  match: MatchResult;
  score: ScoreResult;
  severity: Severity | null;
  families: Family[];
  status: ReviewStatus;
  /** When an urgent alert about it was sent (ISO-8601 UTC); set by the alert run, never part of the evidence. */
  alertedAt?: string;
  /** `unknown`: the alert send timed out, so it may or may not have arrived; it is not sent again. */
  alertOutcome?: 'sent' | 'unknown';
  /** The page capture (screen print, archived HTML, readable text), beside the snapshot; absent before the first attempt. */
  capture?: CaptureRecord;
  /** Set when the mention is a newly published Ofsted report (the Ofsted watch), flagged or not: the digest lists it either way. */
  ofsted?: OfstedReportRecord;
}
