/**
 * Every labelled set the mention decision can be checked on, as (school, title, text, mentioned) cases: the
 * project's dev sets, the spent blind sets, the functional suite's halves that are spent (dev, heldout,
 * heldout-b to heldout-k), and each training corpus under data/train/<corpus>/ (discovered by listing, so a new corpus needs
 * no code change). Never reads an unread blind set (scripts/lib-eval/spent-sets.ts NEVER).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { School } from '../../lib/config/schema';
import { generateSuite, loadSuiteData } from '../../lib/functional/load';
import { loadSchoolsFile } from '../../lib/score/assess';
import { SPENT_BLIND_SETS, SPENT_HALVES } from '../lib-eval/spent-sets';

export interface MentionCase {
  id: string;
  school: School;
  title: string;
  text: string;
  mentioned: boolean;
}

export interface MentionSet {
  name: string;
  /** "corpus" sets are independent authors' work: the unit of leave-one-corpus-out. */
  kind: 'dev' | 'spent-blind' | 'functional' | 'corpus';
  cases: MentionCase[];
}

interface Row {
  id: string;
  school?: string;
  title?: string;
  text?: string;
  expect: { mentioned: boolean };
}

function readSet(name: string, kind: MentionSet['kind'], file: string, schoolsFile: string): MentionSet {
  const schools = loadSchoolsFile(JSON.parse(readFileSync(schoolsFile, 'utf8')));
  const cases: MentionCase[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Row;
    const school = r.school !== undefined ? schools.get(r.school) : schools.size === 1 ? [...schools.values()][0] : undefined;
    if (!school) throw new Error(`${file}: item ${r.id} names school "${r.school}", which ${schoolsFile} does not have`);
    cases.push({ id: r.id, school, title: r.title ?? '', text: r.text ?? '', mentioned: r.expect.mentioned });
  }
  return { name, kind, cases };
}

export function trainCorpora(root = 'data/train'): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'items.jsonl')) && existsSync(join(root, d.name, 'schools.json')))
    .map((d) => d.name)
    .sort();
}

export function mentionSets(): MentionSet[] {
  const sets: MentionSet[] = [];
  for (const f of ['items', 'holdout', 'dev-extra', 'mention-dev']) sets.push(readSet(`eval/${f}`, 'dev', `data/eval/${f}.jsonl`, 'data/eval/schools.json'));
  // the shared eval sample beside the checkout (../shared/eval), as the other eval scripts read it
  const shared = join('..', 'shared', 'eval');
  if (existsSync(join(shared, 'dev.jsonl'))) sets.push(readSet('shared/dev', 'dev', join(shared, 'dev.jsonl'), join(shared, 'schools.json')));
  for (const b of SPENT_BLIND_SETS) sets.push(readSet(`eval/${b}`, 'spent-blind', `data/eval/${b}/items.jsonl`, `data/eval/${b}/schools.json`));
  // only the spent halves are opened: the unread blind half is never read
  const data = loadSuiteData('data/functional', { halves: SPENT_HALVES });
  const fschools = loadSchoolsFile(JSON.parse(readFileSync('data/functional/schools.json', 'utf8')));
  for (const half of SPENT_HALVES) {
    const cases = generateSuite(data, [half]).map((it) => ({ id: `${it.functionality}:${it.id}`, school: fschools.get(it.school!)!, title: it.title ?? '', text: it.text ?? '', mentioned: it.expect.mentioned }));
    sets.push({ name: `functional/${half}`, kind: 'functional', cases });
  }
  for (const c of trainCorpora()) sets.push(readSet(`train/${c}`, 'corpus', `data/train/${c}/items.jsonl`, `data/train/${c}/schools.json`));
  return sets;
}
