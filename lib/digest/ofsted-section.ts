/**
 * The "New Ofsted report" part of a school's digest: each newly published report with its dates, every
 * judgement or report-card area with its grade (concerns marked), whether it was flagged and why, and the link.
 * Pure; everything that came from Ofsted's page is escaped where it is written.
 */
import type { Mention } from '../store/types';
import { longDate } from '../ofsted/report';
import { FONT, MUTED } from './style';
import { escapeHtml, escapeWrap, oneLine, safeHttpUrl } from './text';
import { FAMILY_LABEL, OFSTED_NOT_FLAGGED, OFSTED_REPORT_HEADING } from './vocabulary';


export const isOfstedReport = (m: Mention): boolean => m.ofsted !== undefined;

interface ReportView {
  heading: string;
  dates: string;
  type?: string;
  grades: { area: string; grade: string; concern: boolean }[];
  flagged: boolean;
  verdict: string;
  policy?: string;
  href?: string;
  snapshotUrl?: string;
}

function view(m: Mention, base?: string): ReportView {
  const r = m.ofsted!;
  const inspected = longDate(r.inspectionDate);
  const published = longDate(r.publishedDate);
  const flagged = m.score?.flagged === true;
  const category = m.score?.categories?.find((c) => c.id === 'reputation.inspection') ?? m.score?.categories?.[0];
  return {
    heading: oneLine(`${r.layout === 'report-card' ? 'Report card' : r.title}${inspected ? `, inspection ${inspected}` : ''}`),
    dates: [inspected ? `Inspected ${inspected}` : '', published ? `published ${published}` : ''].filter(Boolean).join(', ') || 'Dates not given on the provider page',
    type: r.inspectionType ? oneLine(r.inspectionType) : undefined,
    grades: r.judgements.map((j) => ({ area: oneLine(j.area), grade: oneLine(j.grade), concern: j.concern })),
    flagged,
    verdict: flagged
      ? `Flagged: ${FAMILY_LABEL.reputation} (${category ? oneLine(category.label) : 'inspection outcome'}, ${m.score.severity ?? 'medium'}). ${category ? oneLine(category.reason) : ''}`.trim()
      : OFSTED_NOT_FLAGGED[r.layout ?? 'none'],
    policy: flagged && category ? oneLine(category.policyClause) : undefined,
    href: safeHttpUrl(r.link)?.href,
    snapshotUrl: base ? `${base}/mentions/${encodeURIComponent(m.id)}` : undefined,
  };
}

export function ofstedSectionHtml(reports: Mention[], base?: string): string {
  if (reports.length === 0) return '';
  const small = `margin:0 0 4px 0;font-family:${FONT};font-size:13px;line-height:19px;color:#344054;`;
  const cards = reports.map((m) => {
    const v = view(m, base);
    const border = v.flagged ? '#d98b00' : '#067647';
    const rows = v.grades
      .map(
        (g) =>
          `<tr><td style="padding:4px 8px 4px 0;font-family:${FONT};font-size:13px;line-height:19px;color:#1f2937;border-top:1px solid #eaecf0;">${escapeWrap(g.area)}</td><td style="padding:4px 0;font-family:${FONT};font-size:13px;line-height:19px;border-top:1px solid #eaecf0;${g.concern ? 'color:#b42318;font-weight:bold;' : 'color:#1f2937;'}">${escapeWrap(g.grade)}${g.concern ? ' (concern)' : ''}</td></tr>`,
      )
      .join('');
    return `<tr><td style="padding:0 24px 16px 24px;" class="sw-pad">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:1px solid #e4e7ec;border-left:5px solid ${border};background-color:#ffffff;">
<tr><td style="padding:14px 16px 16px 16px;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;">
<p style="margin:0 0 6px 0;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};text-transform:uppercase;letter-spacing:0.5px;">${escapeHtml(OFSTED_REPORT_HEADING)}</p>
<h2 style="margin:0 0 8px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:#101828;">${escapeWrap(v.heading)}</h2>
<p style="${small}">${escapeWrap(v.dates)}${v.type ? ` · ${escapeWrap(v.type)}` : ''}</p>
${rows ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 8px 0;border-collapse:collapse;">${rows}</table>` : ''}
<p style="margin:8px 0 4px 0;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;${v.flagged ? 'font-weight:bold;' : ''}">${escapeWrap(v.verdict)}</p>
${v.policy ? `<p style="${small}color:${MUTED};">Policy: ${escapeWrap(v.policy)}</p>` : ''}
${v.href ? `<p style="${small}">Read the report: <a href="${escapeHtml(v.href)}" target="_blank" rel="noopener noreferrer" style="color:#1849a9;text-decoration:underline;word-break:break-all;">${escapeWrap(v.href)}</a></p>` : ''}
${v.snapshotUrl ? `<p style="${small}"><a href="${escapeHtml(v.snapshotUrl)}" target="_blank" rel="noopener noreferrer" style="color:#1849a9;">Sign in to review it in Schoolwatch</a></p>` : ''}
</td></tr></table>
</td></tr>`;
  });
  return cards.join('\n');
}

export function ofstedSectionText(reports: Mention[], base?: string): string[] {
  const lines: string[] = [];
  for (const m of reports) {
    const v = view(m, base);
    lines.push('-'.repeat(64), `${OFSTED_REPORT_HEADING.toUpperCase()}: ${v.heading}`, `   ${v.dates}${v.type ? ` (${v.type})` : ''}`);
    for (const g of v.grades) lines.push(`   - ${g.area}: ${g.grade}${g.concern ? ' (concern)' : ''}`);
    lines.push(`   ${v.verdict}`);
    if (v.policy) lines.push(`   Policy: ${v.policy}`);
    if (v.href) lines.push(`   Read the report: ${v.href}`);
    if (v.snapshotUrl) lines.push(`   Review it in Schoolwatch: ${v.snapshotUrl}`);
    lines.push('');
  }
  return lines;
}

/** "new Ofsted report (flagged)" for the subject line. */
export function ofstedSubjectPart(reports: Mention[]): string {
  if (reports.length === 0) return '';
  const flagged = reports.some((m) => m.score?.flagged);
  return `${reports.length === 1 ? 'new Ofsted report' : `${reports.length} new Ofsted reports`}${flagged ? ' (flagged)' : ''}`;
}
