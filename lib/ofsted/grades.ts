import data from './grades.json';

/** Which Ofsted scale a grade belongs to: the graded judgements to 2025, or the report cards from November 2025. */
export type OfstedLayout = 'graded' | 'report-card';

export interface GradeInfo {
  /** The grade as Ofsted writes it ("Needs attention"). */
  grade: string;
  layout: OfstedLayout;
  /** Below good, or an area that needs attention or urgent improvement. */
  concern: boolean;
  /** Inadequate, urgent improvement, safeguarding not met: the report is flagged high. */
  severe: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[‘’'"]/g, '').replace(/[\s\u00a0]+/g, ' ').replace(/[.:]+$/, '').trim();

const KNOWN = new Map<string, GradeInfo>();
for (const [layout, list] of [['graded', data.graded], ['report-card', data.reportCard]] as const) {
  for (const g of list) KNOWN.set(norm(g.grade), { grade: g.grade, layout, concern: g.concern, severe: 'severe' in g && g.severe === true });
}
const NEUTRAL = new Set(data.neutral.map(norm));

/** A grade Ofsted uses, or undefined for text that is not one (a layout change, or a grade we have not seen). */
export function gradeInfo(text: string): GradeInfo | undefined {
  return KNOWN.get(norm(text));
}

/** "Not applicable" and the like: shown as written, never a concern, and not a sign of an unknown layout. */
export function isNeutralGrade(text: string): boolean {
  return NEUTRAL.has(norm(text));
}
