/**
 * The categories the scorer can raise, each tied to the clause of the school social-media policy it
 * serves. Clauses are written in the project's own words so a digest can say *why* an item matters.
 */
import type { Family, Severity } from './types';

export interface CategoryDef {
  id: string;
  family: Family;
  label: string;
  policyClause: string;
  /** Severity when nothing about the target raises or lowers it. */
  baseSeverity: Severity;
}

const defs = [
  // abuse
  { id: 'abuse.disparaging', family: 'abuse', label: 'Disparaging or defamatory', baseSeverity: 'medium',
    policyClause: 'Abuse: content that insults, belittles or makes damaging claims about the school, its staff, pupils, parents or governors.' },
  { id: 'abuse.harassment', family: 'abuse', label: 'Harassment or incitement', baseSeverity: 'high',
    policyClause: 'Abuse: content that harasses, bullies or trolls a person, or urges others to target them.' },
  { id: 'abuse.threat', family: 'abuse', label: 'Threat', baseSeverity: 'high',
    policyClause: 'Abuse: any threat of violence, damage or intimidation towards the school community or its buildings.' },
  { id: 'abuse.obscene', family: 'abuse', label: 'Obscene language', baseSeverity: 'low',
    policyClause: 'Abuse: obscene or grossly offensive language aimed at or about the school community.' },
  { id: 'abuse.discriminatory', family: 'abuse', label: 'Discriminatory or hateful', baseSeverity: 'high',
    policyClause: 'Abuse: content that demeans people for race, nationality, religion, disability, sex, sexuality or background.' },
  { id: 'abuse.extremist', family: 'abuse', label: 'Extremist', baseSeverity: 'high',
    policyClause: 'Abuse: content that promotes extremist ideology or violence against a group.' },
  { id: 'abuse.offensive', family: 'abuse', label: 'Offensive (classifier)', baseSeverity: 'low',
    policyClause: 'Abuse: language the trained classifier judges offensive, for a person to confirm.' },
  // confidential
  { id: 'confidential.pupil-personal', family: 'confidential', label: 'Pupil personal information', baseSeverity: 'high',
    policyClause: 'Confidential: a pupil who can be identified, together with sensitive details such as special needs, health, safeguarding, exclusion or family circumstances.' },
  { id: 'confidential.staff-personal', family: 'confidential', label: 'Staff personal information', baseSeverity: 'medium',
    policyClause: 'Confidential: private details about a member of staff, such as health, pregnancy, relationships, disciplinary matters or where they live.' },
  { id: 'confidential.contact-details', family: 'confidential', label: 'Personal contact or identity details', baseSeverity: 'high',
    policyClause: 'Confidential: personal phone numbers, personal email addresses, home addresses and postcodes, dates of birth, National Insurance numbers or pupil numbers.' },
  { id: 'confidential.internal', family: 'confidential', label: 'Internal school matter', baseSeverity: 'medium',
    policyClause: 'Confidential: internal business not yet made public, such as suspensions and disciplinary cases, restructures and redundancies, leaked papers or results, finances and governors\' disputes.' },
  { id: 'confidential.credentials', family: 'confidential', label: 'Credentials', baseSeverity: 'high',
    policyClause: 'Confidential: passwords, log-ins or other access details for school systems.' },
  // reputation
  { id: 'reputation.inspection', family: 'reputation', label: 'Inspection outcome', baseSeverity: 'medium',
    policyClause: 'Reputation: a poor or downgraded inspection judgement reported in public.' },
  { id: 'reputation.protest', family: 'reputation', label: 'Protest or petition', baseSeverity: 'low',
    policyClause: 'Reputation: protests, petitions, walkouts or campaigns against the school.' },
  { id: 'reputation.sanction', family: 'reputation', label: 'Fine or legal action', baseSeverity: 'medium',
    policyClause: 'Reputation: fines, compensation orders, tribunal findings or bans connected with the school.' },
  { id: 'reputation.investigation', family: 'reputation', label: 'Investigation', baseSeverity: 'medium',
    policyClause: 'Reputation: the school or its staff being investigated by police, a regulator, the council or another body.' },
  { id: 'reputation.apology', family: 'reputation', label: 'Public apology', baseSeverity: 'low',
    policyClause: 'Reputation: the school apologising in public for something that went wrong.' },
  { id: 'reputation.criticism', family: 'reputation', label: 'Public criticism or incident', baseSeverity: 'low',
    policyClause: 'Reputation: reporting of criticism, complaints, incidents or failures that reflects poorly on the school.' },
  { id: 'reputation.watch-term', family: 'reputation', label: 'School watch term', baseSeverity: 'low',
    policyClause: 'Reputation: a term this school asked to be told about.' },
] as const satisfies readonly CategoryDef[];

export type CategoryId = (typeof defs)[number]['id'];

export const CATEGORIES: ReadonlyMap<CategoryId, CategoryDef> = new Map(defs.map((d) => [d.id, d as CategoryDef]));

export function categoryDef(id: CategoryId): CategoryDef {
  return CATEGORIES.get(id)!;
}
