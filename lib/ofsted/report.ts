/**
 * A newly published Ofsted report as a mention: its title and text (a summary of the judgements, what the digest
 * and the evidence log show) and its score. Pure. A report is flagged as reputation (reputation.inspection) when
 * any judgement is below good or any report-card area needs attention or urgent improvement; otherwise it is
 * recorded unflagged, and the digest lists it either way.
 */
import { categoryDef } from '../score/policy';
import type { Evidence, ScoreResult } from '../score/types';
import { gradeInfo } from './grades';
import type { OfstedReport } from './parse';

/** What a mention keeps about the report it records (beside the usual snapshot fields). */
export interface OfstedReportRecord {
  urn: string;
  reportId: string;
  link: string;
  title: string;
  inspectionType?: string;
  inspectionDate?: string;
  publishedDate?: string;
  layout?: 'graded' | 'report-card';
  judgements: { area: string; grade: string; concern: boolean }[];
  /** Where the report was listed (the provider page). */
  pageUrl: string;
}

/** Identity for dedupe (seen marker, mention id): one per school per report. */
export const ofstedItemKey = (urn: string, reportId: string) => `ofsted:${urn}:${reportId}`;

/** "14 January 2026" from "2026-01-14" (UTC, no clock). */
export function longDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function ofstedRecord(report: OfstedReport, urn: string, pageUrl: string): OfstedReportRecord {
  return {
    urn,
    reportId: report.id,
    link: report.link,
    title: report.title,
    inspectionType: report.inspectionType,
    inspectionDate: report.inspectionDate,
    publishedDate: report.publishedDate,
    layout: report.layout,
    judgements: report.judgements.map(({ area, grade, concern }) => ({ area, grade, concern })),
    pageUrl,
  };
}

/** One line a head can read at a glance: "Report card: 2 areas need attention" / "Graded inspection: Good". */
export function ofstedHeadline(r: Pick<OfstedReportRecord, 'layout' | 'judgements'>): string {
  const concerns = r.judgements.filter((j) => j.concern);
  if (r.layout === 'report-card') {
    if (concerns.length === 0) return 'Report card: no area needs attention';
    return `Report card: ${concerns.map((j) => `${j.area} "${j.grade}"`).join(', ')}`;
  }
  const overall = r.judgements.find((j) => /overall/i.test(j.area));
  if (r.layout === 'graded') return `Graded inspection: ${overall ? overall.grade : concerns.length ? `${concerns.length} judgement(s) below Good` : 'no judgement below Good'}`;
  return 'No judgements shown on the provider page for this report';
}

/** Title and text of the mention; the text names every judgement with its grade. */
export function ofstedMentionText(r: OfstedReportRecord, schoolName: string): { title: string; text: string } {
  const when = longDate(r.inspectionDate);
  const title = `New Ofsted report for ${schoolName}${when ? ` (inspection ${when})` : ''}: ${ofstedHeadline(r)}`;
  const lines = [
    `Ofsted published a ${r.title.toLowerCase()} for ${schoolName} (URN ${r.urn}).`,
    r.inspectionType ? `Inspection type: ${r.inspectionType}.` : '',
    when ? `Inspection date: ${when}.` : '',
    r.publishedDate ? `Published: ${longDate(r.publishedDate)}.` : '',
    r.judgements.length ? `${r.layout === 'report-card' ? 'Report card grades' : 'Judgements'}: ${r.judgements.map((j) => `${j.area}: ${j.grade}.`).join(' ')}` : 'The provider page shows no judgements for this report (for example a monitoring or ungraded visit).',
    `Report: ${r.link}`,
  ];
  return { title, text: lines.filter(Boolean).join('\n') };
}

/** The score: flagged reputation.inspection (high when a grade is severe) or an unflagged record. */
export function ofstedScore(r: OfstedReportRecord, text: string): ScoreResult {
  const concerns = r.judgements.filter((j) => j.concern);
  const severe = concerns.some((j) => gradeInfo(j.grade)?.severe === true);
  if (concerns.length === 0) {
    return {
      flagged: false,
      score: 0,
      severity: null,
      families: [],
      categories: [],
      evidence: [],
      explanation: r.judgements.length
        ? `A new Ofsted report: ${r.layout === 'report-card' ? 'no area needs attention or urgent improvement' : 'no judgement is below Good'}. Listed for information.`
        : 'A new Ofsted report with no judgements on the provider page. Listed for information.',
    };
  }
  const def = categoryDef('reputation.inspection');
  const severity = severe ? 'high' : def.baseSeverity;
  const described = concerns.map((j) => `${j.area} "${j.grade}"`).join(', ');
  const evidence: Evidence[] = [];
  for (const j of concerns) {
    const needle = `${j.area}: ${j.grade}`;
    const at = text.indexOf(needle);
    if (at >= 0) evidence.push({ field: 'text', start: at + j.area.length + 2, end: at + needle.length, text: j.grade, category: def.id });
  }
  return {
    flagged: true,
    score: severe ? 0.9 : 0.7,
    severity,
    families: ['reputation'],
    categories: [{ id: def.id, family: def.family, label: def.label, policyClause: def.policyClause, severity, reason: `Ofsted graded ${described}` }],
    evidence,
    explanation: `Ofsted published a report grading ${described}: ${r.layout === 'report-card' ? 'an area that needs attention or urgent improvement' : 'a judgement below Good'} reflects on the school in public.`,
  };
}
