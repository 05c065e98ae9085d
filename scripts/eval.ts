/**
 * Measure the scorer.
 *
 *   npm run eval                                   # data/eval/holdout.jsonl with data/eval/schools.json
 *   npm run eval -- --set FILE [--schools FILE]    # any JSON-lines set in the shared eval format
 *   npm run eval -- --olid FILE                    # macro-F1 of the abuse family on a TweetEval/OLID TSV
 *   npm run eval -- --set FILE --no-schools        # score text alone (mentioned is then always true)
 *
 * Prints precision, recall and F1 for `flagged` and per family, mention accuracy and a confusion list.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assessItem, loadSchoolsFile } from '../lib/score/assess';
import { scoreItem } from '../lib/score';
import { readJsonl, readTweetEval } from './lib-eval/datasets';
import { count, emptyCounts, macroF1, prf } from './lib-eval/metrics';
import { evaluate, formatReport } from './lib-eval/report';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string' },
    schools: { type: 'string' },
    'no-schools': { type: 'boolean', default: false },
    olid: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

function runOlid(path: string): void {
  const rows = readTweetEval(path);
  const c = emptyCounts();
  for (const r of rows) count(c, scoreItem({ title: '', text: r.text }, undefined, { classifierMargin: 0 }).families.includes('abuse'), r.label === 1);
  // throughput on warm code: three more passes
  const t0 = performance.now();
  for (let pass = 0; pass < 3; pass++) for (const r of rows) scoreItem({ title: '', text: r.text }, undefined, { classifierMargin: 0 });
  const ms = (performance.now() - t0) / 3;
  const p = prf(c);
  console.log(`${path}: ${rows.length} texts`);
  console.log(`  abuse family macro-F1 ${(100 * macroF1(c)).toFixed(1)}  (offensive class P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)})`);
  console.log(`  ${Math.round(rows.length / (ms / 1000))} items/s scored (warm, one thread, ${(ms / rows.length * 1000).toFixed(0)} µs/item)`);
}

function runSet(setPath: string, schoolsPath: string | undefined): void {
  const items = readJsonl(setPath);
  const schools = schoolsPath ? loadSchoolsFile(JSON.parse(readFileSync(schoolsPath, 'utf8'))) : undefined;
  const results = items.map((it) => assessItem({ id: it.id, school: it.school, title: it.title, text: it.text }, schools));
  const report = evaluate(items, results);
  const out = formatReport(setPath, report);
  console.log(args.quiet ? out.split('\n  confusion:')[0] : out);
}

if (args.olid) {
  runOlid(args.olid);
} else {
  const set = args.set ?? 'data/eval/holdout.jsonl';
  const schools = args['no-schools'] ? undefined : (args.schools ?? (args.set ? undefined : 'data/eval/schools.json'));
  if (args.set && !args.schools && !args['no-schools']) console.error('note: no --schools given, so every item counts as mentioned');
  runSet(set, schools);
}
