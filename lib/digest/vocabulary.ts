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
