/**
 * The school model's training data (scripts/train-school.ts): which sets it learns from, read as rows,
 * and what the rules and the classifiers make of each row, computed exactly as the scorer does when it
 * scores an item about that school (schoolScoreOptions, abuseLogit, maskedClean).
 *
 * Corpora, all dev: the functional suite's dev templates and its spent held-out halves (scripts/lib-eval/spent-sets.ts) (expanded by the
 * eval's loader, lib/functional/load.ts; never an unread blind half), the project's items,
 * the spent blind sets blind-2026-11-30 to -g, blind-2026-12-01a to -f, blind-2026-12-02a to -h (never an unread blind set), the shared dev
 * set, and every corpus under data/train/<name>/ (items.jsonl + schools.json), found by listing the folder.
 * Each has a `kind`: `independent` sets were written by people who never saw the scorer, so leaving one
 * out and scoring it is the generalisation check (leave-one-corpus-out).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { School } from '../../lib/config/schema';
import { FUNCTIONAL_DIR, generateSuite, loadSuiteData } from '../../lib/functional/load';
import { loadSchoolsFile, schoolScoreOptions } from '../../lib/score/assess';
import { abuseLogit } from '../../lib/score/classifier';
import { extractFeatures, type SparseVector } from '../../lib/score/features';
import { ruleParts } from '../../lib/score/index';
import { denseFeatures, maskedClean, SCHOOL_FAMILIES } from '../../lib/score/school-model';
import { readJsonl, type EvalItem } from './datasets';
import { NEVER, SPENT_BLIND_SETS, SPENT_HALVES, type TrainableHalf } from './spent-sets';
import { expectedFamilies } from './report';


export type CorpusKind = 'functional' | 'project' | 'independent';

/** One labelled school item, from a functional template or an item set. */
export interface Row {
  id: string;
  /** The corpus it comes from (Corpus.name). */
  set: string;
  /** Items of one group are never split between folds (a functional template; otherwise the item). */
  group: string;
  functionality?: string;
  school: School;
  title: string;
  text: string;
  expect: EvalItem['expect'];
  weight: number;
}

export interface Corpus {
  name: string;
  kind: CorpusKind;
  /** The item file and its schools (item sets only): leave-one-corpus-out scores it through assessItem. */
  path?: string;
  schoolsPath?: string;
  rows: Row[];
  /** Scored by leave-one-corpus-out but never trained on (the old-data baseline's view of the new sets). */
  evalOnly?: boolean;
}

function schoolsOf(path: string): Map<string, School> {
  return loadSchoolsFile(JSON.parse(readFileSync(path, 'utf8')));
}

function guard(path: string): string {
  if (NEVER.test(path)) throw new Error(`refusing to read ${path}: it is an unread blind set`);
  return path;
}

export function itemCorpus(name: string, kind: CorpusKind, path: string, schoolsPath: string): Corpus {
  const schools = schoolsOf(guard(schoolsPath));
  const rows = readJsonl(guard(path)).map((it) => {
    const school = schools.get(it.school!);
    if (!school) throw new Error(`${path}: item ${it.id} names school "${String(it.school)}", which ${schoolsPath} does not list`);
    return { id: it.id, set: name, group: `${name}:${it.id}`, school, title: it.title ?? '', text: it.text ?? '', expect: it.expect, weight: 1 };
  });
  return { name, kind, path, schoolsPath, rows };
}

/**
 * Functional halves as corpora, read and expanded by the eval's own loader (lib/functional/load.ts), so the
 * trainer learns from exactly the cases the eval scores and a mistake in any half's files is reported before
 * anything is trained. Only the halves named here are opened (never an unread blind half). Every case weighs `weight`.
 */
export function functionalCorpora(halves: readonly TrainableHalf[], weight: number, dir = FUNCTIONAL_DIR): Corpus[] {
  for (const half of halves) guard(`templates.${half}.jsonl`);
  // only these halves' files are opened: an unread blind half is never read, not even to be validated
  const data = loadSuiteData(dir, { halves });
  const schools = schoolsOf(join(dir, 'schools.json'));
  return halves.map((half) => {
    const name = `functional-${half}`;
    const rows = generateSuite(data, [half]).map((it) => ({
      id: it.id, set: name, group: `functional:${it.functionality}:${it.template}`, functionality: it.functionality,
      school: schools.get(it.school)!, title: it.title, text: it.text, expect: it.expect, weight,
    }));
    return { name, kind: 'functional' as const, rows };
  });
}

/** The training corpora under `dir` (data/train/<name>/items.jsonl + schools.json), in name order. */
export function trainCorpora(dir = 'data/train'): Corpus[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NEVER.test(d.name) && existsSync(join(dir, d.name, 'items.jsonl')) && existsSync(join(dir, d.name, 'schools.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => itemCorpus(`train/${name}`, 'independent', join(dir, name, 'items.jsonl'), join(dir, name, 'schools.json')));
}

export interface CorpusOptions {
  functionalWeight: number;
  /** Also the spent held-out functional halves (heldout to heldout-i). */
  heldoutHalves: boolean;
  /** Also train on blind-2026-11-30b to -g, blind-2026-12-01a to -f, blind-2026-12-02a and -b and data/train/* (false: they are read for leave-one-corpus-out scoring only). */
  newSets: boolean;
  sharedEval?: string;
  trainDir?: string;
}

export function schoolCorpora(o: CorpusOptions): Corpus[] {
  const out: Corpus[] = functionalCorpora(o.heldoutHalves ? SPENT_HALVES : ['dev'], o.functionalWeight);
  for (const f of ['items', 'holdout', 'dev-extra']) out.push(itemCorpus(f, 'project', `data/eval/${f}.jsonl`, 'data/eval/schools.json'));
  out.push(itemCorpus('blind-2026-11-30', 'independent', 'data/eval/blind-2026-11-30/items.jsonl', 'data/eval/blind-2026-11-30/schools.json'));
  if (o.sharedEval && existsSync(join(o.sharedEval, 'dev.jsonl'))) out.push(itemCorpus('shared-dev', 'project', join(o.sharedEval, 'dev.jsonl'), join(o.sharedEval, 'schools.json')));
  const fresh = [
    ...SPENT_BLIND_SETS.filter((b) => b !== 'blind-2026-11-30').map((b) => itemCorpus(b, 'independent', `data/eval/${b}/items.jsonl`, `data/eval/${b}/schools.json`)),
    ...trainCorpora(o.trainDir),
  ];
  return [...out, ...fresh.map((c) => ({ ...c, evalOnly: !o.newSets }))];
}

/** A scored row: what the rules and the classifier say, ready for both stages. */
export interface Prepared {
  row: Row;
  x: SparseVector;
  dense: Float64Array;
  tweetLogit: number;
  y: number[];
  /** The item's raw text and the masked clean view the n-gram features are taken from (for the words-alone robustness check). */
  raw: string;
  masked: string;
}

/**
 * What the scorer's school-mode step sees of a row (school-model.ts schoolView): the rule findings with
 * the school's options, the tweet classifier's logit and the n-gram features of the masked text. The
 * n-gram logits are left at 0 for the trainer to fill in out of fold.
 */
export function prepare(row: Row): Prepared {
  const options = schoolScoreOptions(row.school);
  const parts = ruleParts({ title: row.title, text: row.text }, row.school.scoring, options);
  const masked = maskedClean(parts.doc, options.schoolNames);
  const tweetLogit = abuseLogit(parts.doc.raw, masked);
  const want = expectedFamilies(row as unknown as EvalItem);
  return { row, x: extractFeatures(parts.doc.raw, masked), dense: denseFeatures(parts, tweetLogit, [0, 0, 0]), tweetLogit, y: SCHOOL_FAMILIES.map((f) => (want.includes(f) ? 1 : 0)), raw: parts.doc.raw, masked };
}
