import type { Evidence } from '../score/types';

export interface Segment {
  text: string;
  /** The evidence category when this segment is evidence. */
  category?: string;
}

/** Splits a field into plain and evidence segments; overlapping spans merge, out-of-range spans are ignored. */
export function segmentsFor(text: string, evidence: Evidence[], field: Evidence['field']): Segment[] {
  const spans = evidence
    .filter((e) => e.field === field && e.start >= 0 && e.end <= text.length && e.end > e.start)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, span.end), category: span.category });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
