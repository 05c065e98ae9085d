/**
 * assessItem: match (when schools are given) then score one item, in the shape the CLI `assess`
 * command prints and the eval script counts. loadSchoolsFile accepts a plain array of schools or the
 * `{ trusts: [...] }` configuration file.
 */
import { z } from 'zod';
import { ConfigFile, School } from '../config/schema';
import { matchSchool } from '../match';
import { SCHOOL_CLASSIFIER_MARGIN, scoreItem, TEXT_ALONE_CLASSIFIER_MARGIN, type ScoreOptions } from './index';
import type { CategoryHit, Evidence, Family, MatchResult, ScoreResult } from './types';

export interface AssessInput {
  id: string;
  school?: string;
  title?: string;
  text?: string;
}

export interface Assessment {
  id: string;
  mentioned: boolean;
  flagged: boolean;
  score: number;
  families: Family[];
  categories: CategoryHit[];
  evidence: Evidence[];
  match?: MatchResult;
  explanation?: string;
}

export class UnknownSchoolError extends Error {
  constructor(readonly schoolId: string | undefined) {
    super(schoolId ? `unknown school "${schoolId}"` : 'item has no "school" and more than one school is configured');
    this.name = 'UnknownSchoolError';
  }
}

type Schools = Map<string, School> | School[];

function findSchool(schools: Schools, id: string | undefined): School | undefined {
  if (schools instanceof Map) {
    if (id !== undefined) return schools.get(id);
    return schools.size === 1 ? [...schools.values()][0] : undefined;
  }
  if (id !== undefined) return schools.find((s) => s.id === id);
  return schools.length === 1 ? schools[0] : undefined;
}

/** Words of a school's names that must not be read as a person's name by the scorer. */
function schoolWords(school: School): string[] {
  return [school.name, ...school.aliases, ...school.context, ...school.exclude];
}

/**
 * How an item about `school` is scored: the options scoreItem gets from the school (its names are not
 * people's names and become the model's placeholder; its published facts are not leaks). One definition
 * for assessForSchool and the school model's trainer (scripts/train-school.ts), so the model learns from
 * the same rule findings it meets when it scores.
 */
export function schoolScoreOptions(school: School): Required<Pick<ScoreOptions, 'notNames' | 'schoolNames' | 'classifierMargin'>> & Pick<ScoreOptions, 'publicFacts'> {
  return { notNames: schoolWords(school), schoolNames: [school.name, ...school.aliases], classifierMargin: SCHOOL_CLASSIFIER_MARGIN, publicFacts: school.publicFacts };
}

/**
 * Is this item about the school, and if so how does it score: the one rule the poller and `assess` share.
 * An item that does not mention the school is not scored.
 */
export function assessForSchool(input: { title: string; text: string }, school: School, options: Pick<ScoreOptions, 'schoolModel'> = {}): { match: MatchResult; score?: ScoreResult } {
  const match = matchSchool(input, school);
  if (!match.mentioned) return { match };
  return { match, score: scoreItem(input, school.scoring, { ...schoolScoreOptions(school), ...options }) };
}

export function assessItem(item: AssessInput, schools?: Schools, options: Pick<ScoreOptions, 'schoolModel'> = {}): Assessment {
  const input = { title: item.title ?? '', text: item.text ?? '' };
  if (!schools) {
    const score = scoreItem(input, undefined, { classifierMargin: TEXT_ALONE_CLASSIFIER_MARGIN, textAlone: true });
    return { id: item.id, mentioned: true, flagged: score.flagged, score: score.score, families: score.families, categories: score.categories, evidence: score.evidence, explanation: score.explanation };
  }
  const school = findSchool(schools, item.school);
  if (!school) throw new UnknownSchoolError(item.school);
  const { match, score } = assessForSchool(input, school, options);
  if (!score) return { id: item.id, mentioned: false, flagged: false, score: 0, families: [], categories: [], evidence: [], match };
  return { id: item.id, mentioned: true, flagged: score.flagged, score: score.score, families: score.families, categories: score.categories, evidence: score.evidence, match, explanation: score.explanation };
}

const SchoolList = z.array(School);

export class SchoolsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchoolsFileError';
  }
}

/** Parse a schools file: `[school, …]` or `{ trusts: [{ schools: [...] }] }`. Throws SchoolsFileError with the first problems. */
export function loadSchoolsFile(json: unknown): Map<string, School> {
  let list: School[];
  if (Array.isArray(json)) {
    const parsed = SchoolList.safeParse(json);
    if (!parsed.success) throw new SchoolsFileError(describe(parsed.error));
    list = parsed.data;
  } else {
    const parsed = ConfigFile.safeParse(json);
    if (!parsed.success) throw new SchoolsFileError(describe(parsed.error));
    list = parsed.data.trusts.flatMap((t) => t.schools);
  }
  const map = new Map<string, School>();
  for (const s of list) {
    if (map.has(s.id)) throw new SchoolsFileError(`duplicate school id "${s.id}"`);
    map.set(s.id, s);
  }
  return map;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
