import type { CategoryId } from './policy';
import type { Severity } from './types';
import type { Span } from './document';

/** One rule's conclusion about an item, before categories are merged. */
export interface Finding {
  category: CategoryId;
  /** 0..1 */
  confidence: number;
  reason: string;
  /** Clean-view spans (document.ts), or raw spans when `raw` is set. */
  spans: Span[];
  raw?: boolean;
  severity?: Severity;
}

/** Noisy-or of independent pieces of evidence. */
export function noisyOr(values: readonly number[]): number {
  let p = 1;
  for (const v of values) p *= 1 - Math.max(0, Math.min(1, v));
  return 1 - p;
}
