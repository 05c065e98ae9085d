/**
 * Before/after check of a lexicon change on SPENT data only (the lists below are explicit: unread blind sets and
 * halves are never named, globbed or opened).
 *
 *   npx tsx scripts/lib-lexicon/vocab-check.ts --out /tmp/before.json          # score and save per-item results
 *   npx tsx scripts/lib-lexicon/vocab-check.ts --out /tmp/after.json --diff /tmp/before.json
 *   … --no-school-model    # the rules + classifier decision, i.e. what a retrained school model reads
 *
 * Prints per-set flagged P/R and family exact, per-half functional accuracy, and with --diff every item whose
 * correctness changed (to judge which new entries help and which are ambiguous).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';
import { generateSuite, loadSuiteData } from '../../lib/functional/load';
import type { SuiteHalf } from '../../lib/functional/expand';
import { readJsonl } from '../lib-eval/datasets';
import { evaluate } from '../lib-eval/report';
import { caseCorrect } from '../lib-eval/functional';
import { prf } from '../lib-eval/metrics';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, diff: { type: 'string' }, 'no-school-model': { type: 'boolean', default: false } } });

const SPENT_SETS: [string, string, string][] = [
  ...['', 'b', 'c', 'd', 'e'].map((s): [string, string, string] => [`blind${s ? '-' + s : ''}`, `data/eval/blind-2026-11-30${s}/items.jsonl`, `data/eval/blind-2026-11-30${s}/schools.json`]),
  ...'abcdefghijklmnopqrstuvwx'.split('').map((c): [string, string, string] => [`corpus-${c}`, `data/train/corpus-${c}/items.jsonl`, `data/train/corpus-${c}/schools.json`]),
  ['items', 'data/eval/items.jsonl', 'data/eval/schools.json'],
  ['holdout', 'data/eval/holdout.jsonl', 'data/eval/schools.json'],
  ['dev-extra', 'data/eval/dev-extra.jsonl', 'data/eval/schools.json'],
];
const SPENT_HALVES: SuiteHalf[] = ['dev', 'heldout', 'heldout-b', 'heldout-c', 'heldout-d'];

interface Row { set: string; id: string; ok: boolean; expect: string; got: string; why: string; text: string }
const rows: Row[] = [];
const opts = args['no-school-model'] ? { schoolModel: false as const } : {};
const summary: string[] = [];
const f3 = (x: number) => x.toFixed(3);
let pooled = { tp: 0, fp: 0, fn: 0, tn: 0, exact: 0, n: 0 };

for (const [name, set, schoolsPath] of SPENT_SETS) {
  if (!existsSync(set) || !existsSync(schoolsPath)) continue;
  const items = readJsonl(set);
  const schools = loadSchoolsFile(JSON.parse(readFileSync(schoolsPath, 'utf8')));
  const results = items.map((it) => assessItem({ id: it.id, school: it.school, title: it.title, text: it.text }, schools, opts));
  const r = evaluate(items, results);
  const p = prf(r.flagged);
  pooled = { tp: pooled.tp + r.flagged.tp, fp: pooled.fp + r.flagged.fp, fn: pooled.fn + r.flagged.fn, tn: pooled.tn + r.flagged.tn, exact: pooled.exact + r.familyExact, n: pooled.n + r.items };
  summary.push(`${name.padEnd(10)} n ${String(r.items).padStart(4)}  P ${f3(p.precision)} R ${f3(p.recall)} famExact ${f3(r.familyExact / r.items)}  (fp ${r.flagged.fp} fn ${r.flagged.fn})`);
  items.forEach((it, i) => {
    const res = results[i]!;
    const got = res.mentioned && res.flagged ? res.families.join('+') : 'none';
    const want = it.expect.flag ? String(it.expect.family) : 'none';
    const ok = (got === 'none') === (want === 'none') && (want === 'none' || want === got || (want === 'both' && got.split('+').sort().join('+') === 'abuse+confidential'));
    rows.push({ set: name, id: it.id, ok, expect: want, got, why: res.categories.map((c) => `${c.id}: ${c.reason}`).join(' | '), text: `${it.title ?? ''} / ${it.text}`.slice(0, 300) });
  });
}
const pp = prf({ tp: pooled.tp, fp: pooled.fp, fn: pooled.fn, tn: pooled.tn });
summary.push(`POOLED sets n ${pooled.n}  P ${f3(pp.precision)} R ${f3(pp.recall)} famExact ${f3(pooled.exact / pooled.n)}  (fp ${pooled.fp} fn ${pooled.fn})`);

const data = loadSuiteData('data/functional', { halves: SPENT_HALVES });
const fschools = loadSchoolsFile(JSON.parse(readFileSync('data/functional/schools.json', 'utf8')));
for (const half of SPENT_HALVES) {
  const items = generateSuite(data, [half]);
  let correct = 0;
  const perF = new Map<string, [number, number]>();
  items.forEach((it) => {
    const res = assessItem({ id: it.id, school: it.school, title: it.title, text: it.text }, fschools, opts);
    const c = caseCorrect(it, res);
    if (c.ok) correct++;
    const pf = perF.get(it.functionality) ?? [0, 0];
    pf[0] += c.ok ? 1 : 0; pf[1]++;
    perF.set(it.functionality, pf);
    rows.push({ set: `fn-${half}`, id: `${it.functionality}:${it.id}`, ok: c.ok, expect: it.expect.flag ? String(it.expect.family) : 'none', got: res.mentioned && res.flagged ? res.families.join('+') : 'none', why: res.categories.map((x) => `${x.id}: ${x.reason}`).join(' | '), text: it.text.slice(0, 300) });
  });
  const mean = [...perF.values()].reduce((a, [c, n]) => a + c / n, 0) / perF.size;
  summary.push(`fn-${half.padEnd(9)} cases ${items.length} acc ${f3(correct / items.length)} mean-per-functionality ${f3(mean)}`);
}
console.log(summary.join('\n'));
if (args.out) writeFileSync(args.out, JSON.stringify({ summary, rows }));
if (args.diff) {
  const before = JSON.parse(readFileSync(args.diff, 'utf8')) as { rows: Row[] };
  const map = new Map(before.rows.map((r) => [`${r.set}|${r.id}`, r]));
  let better = 0, worse = 0, changed = 0;
  for (const r of rows) {
    const b = map.get(`${r.set}|${r.id}`);
    if (!b) continue;
    if (b.ok !== r.ok) { if (r.ok) better++; else worse++; console.log(`${r.ok ? 'FIXED' : 'BROKE'} ${r.set} ${r.id} expect ${r.expect} got ${r.got} (was ${b.got})\n   why: ${r.why.slice(0, 300)}\n   text: ${r.text.slice(0, 200)}`); }
    else if (b.got !== r.got || b.why !== r.why) changed++;
  }
  console.log(`diff: ${better} fixed, ${worse} broken, ${changed} other changes (same correctness)`);
}
