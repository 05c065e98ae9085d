/**
 * The scorer's output on every spent set, as JSON lines, so a performance change can be proved
 * behaviour-neutral by a plain diff of two dumps (before and after):
 *
 *   npx tsx bench/dump-assessments.ts --out /tmp/before.jsonl
 *   ... change ...
 *   npx tsx bench/dump-assessments.ts --out /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
 *
 * Per item: assessItem with its schools (school model on, then off) and text alone (no schools), every
 * field of the assessment (flags, families, categories with reasons, evidence, score), plus the rule
 * findings before any decision (ruleParts: each finding's confidence to 1e-9, spans, reason) and the
 * abuse signals, so a change below the threshold shows too.
 *
 * Sets: data/eval/*.jsonl (with data/eval/schools.json), the spent blind sets data/eval/blind-2026-11-30{,b,…,g} and
 * blind-2026-12-01{a,b,c,d,e,f}, every data/train/<corpus>, and the functional halves dev, heldout, heldout-b … heldout-h.
 * Never the unread blind sets nor an unread functional half (scripts/lib-eval/spent-sets.ts NEVER): they are refused by name.
 */
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { School } from '../lib/config/schema';
import { generateSuite, loadSuiteData } from '../lib/functional/load';
import { assessItem, loadSchoolsFile, schoolScoreOptions, type Assessment } from '../lib/score/assess';
import { ruleParts } from '../lib/score/index';
import { NEVER, SPENT_BLIND_SETS, SPENT_HALVES } from '../scripts/lib-eval/spent-sets';


const { values: args } = parseArgs({ options: { out: { type: 'string', default: '/dev/stdout' }, only: { type: 'string' } } });

interface Item {
  id: string;
  school?: string;
  title?: string;
  text?: string;
}

function readJsonl(path: string): Item[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
}

const sets: { name: string; items: () => Item[]; schools: string }[] = [];
for (const f of readdirSync('data/eval').filter((f) => f.endsWith('.jsonl')).sort()) sets.push({ name: `eval/${f}`, items: () => readJsonl(join('data/eval', f)), schools: 'data/eval/schools.json' });
for (const d of SPENT_BLIND_SETS) {
  sets.push({ name: `eval/${d}`, items: () => readJsonl(join('data/eval', d, 'items.jsonl')), schools: join('data/eval', d, 'schools.json') });
}
for (const d of readdirSync('data/train').sort()) {
  const dir = join('data/train', d);
  if (NEVER.test(dir) || !existsSync(join(dir, 'items.jsonl'))) continue;
  sets.push({ name: `train/${d}`, items: () => readJsonl(join(dir, 'items.jsonl')), schools: join(dir, 'schools.json') });
}
for (const half of SPENT_HALVES) {
  sets.push({ name: `functional/${half}`, items: () => generateSuite(loadSuiteData('data/functional', { halves: [half] }), [half]), schools: 'data/functional/schools.json' });
}

const r9 = (n: number) => Math.round(n * 1e9) / 1e9;
const out = createWriteStream(args.out!);
const started = performance.now();
let count = 0;
for (const set of sets) {
  if (NEVER.test(set.name)) throw new Error(`refusing unread set ${set.name}`);
  if (args.only && !set.name.includes(args.only)) continue;
  const schools = loadSchoolsFile(JSON.parse(readFileSync(set.schools, 'utf8')));
  for (const it of set.items()) {
    const item = { id: it.id, school: it.school, title: it.title, text: it.text };
    const on = assessItem(item, schools);
    const off = assessItem(item, schools, { schoolModel: false });
    const alone = assessItem(item);
    const school: School | undefined = it.school !== undefined ? schools.get(it.school) : schools.size === 1 ? [...schools.values()][0] : undefined;
    const parts = school ? ruleParts({ title: it.title ?? '', text: it.text ?? '' }, school.scoring, schoolScoreOptions(school)) : undefined;
    const rules = parts && {
      abuse: { ...parts.abuse, findings: undefined },
      findings: parts.findings.map((f) => ({ c: f.category, p: r9(f.confidence), s: f.spans.map((s) => [s.start, s.end]), r: f.reason, raw: f.raw, sev: f.severity })),
    };
    out.write(JSON.stringify({ set: set.name, id: it.id, on: strip(on), off: strip(off), alone: strip(alone), rules }) + '\n');
    count++;
  }
}
out.end();
console.error(`${count} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);

function strip(a: Assessment) {
  const { match, ...rest } = a;
  return { ...rest, mention: match?.mentioned };
}
