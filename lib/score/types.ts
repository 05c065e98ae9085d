export type Family = 'abuse' | 'confidential' | 'reputation';
export type Severity = 'high' | 'medium' | 'low';

export interface ScoreInput {
  title: string;
  text: string;
}

/** A span of the input that triggered a category. Offsets are UTF-16 indexes into that field. */
export interface Evidence {
  field: 'title' | 'text';
  start: number;
  end: number;
  text: string;
  category: string;
}

export interface CategoryHit {
  /** Stable id, e.g. `abuse.threat`, `confidential.pupil-personal`, `reputation.inspection`. */
  id: string;
  family: Family;
  /** Short human label, e.g. "Threat". */
  label: string;
  /** The policy clause this serves, in plain words, shown in the digest and on the page. */
  policyClause: string;
  severity: Severity;
  /** One-line reason, e.g. 'threat of violence ("wait outside")'. */
  reason: string;
}

export interface ScoreResult {
  flagged: boolean;
  /** 0..1, higher is more concerning. */
  score: number;
  /** Highest severity among categories, null when nothing was found. */
  severity: Severity | null;
  families: Family[];
  categories: CategoryHit[];
  evidence: Evidence[];
  /** One or two sentences a headteacher can read. */
  explanation: string;
}

export interface MatchResult {
  mentioned: boolean;
  /** The name or alias that matched. */
  alias?: string;
  /** Why it matched or did not, e.g. 'alias "Northgate Park" with context "Harlow Fen"' or 'excluded by "Northgate Park Retail"'. */
  reason: string;
  evidence?: Evidence;
}
