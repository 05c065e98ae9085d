/**
 * The words people see for families and categories, shared by the web app, the emails and both CSV exports,
 * so a head reading a digest and a trust officer on the web page use the same names.
 */
import type { Family } from '../score/types';

export const FAMILY_LABEL: Record<Family, string> = {
  abuse: 'Abuse or harassment',
  confidential: 'Confidential information',
  reputation: 'Reputation',
};

/** A family's name for people; an unknown id (old data) is shown as stored. */
export function familyName(family: string): string {
  return (FAMILY_LABEL as Record<string, string>)[family] ?? family;
}

/** "Threat (abuse.threat)": the label people read and the id filters and scripts use. */
export function categoryName(c: { label: string; id: string }): string {
  return `${c.label} (${c.id})`;
}

/** The digest's heading for a newly published Ofsted report (listed whether or not it was flagged). */
export const OFSTED_REPORT_HEADING = 'New Ofsted report';

/** What the digest says about a report that was not flagged, by layout. */
export const OFSTED_NOT_FLAGGED: Record<'graded' | 'report-card' | 'none', string> = {
  graded: 'Not flagged: no judgement is below Good.',
  'report-card': 'Not flagged: no area needs attention or urgent improvement.',
  none: 'Not flagged: the provider page shows no judgements for this report.',
};
