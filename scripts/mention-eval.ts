/**
 * The mention decision alone (matchSchool), on every dev set and training corpus (scripts/mention/sets.ts):
 * accuracy per set, and with --errors each wrong item with the matcher's reason. No scoring, so a cue change is
 * checked on all sets in seconds. `npm run eval -- --set … --functional none` gives the same figure through assessItem.
 *
 *   npx tsx scripts/mention-eval.ts                 # accuracy per set
 *   npx tsx scripts/mention-eval.ts --errors        # plus the wrong items
 *   npx tsx scripts/mention-eval.ts --only train    # sets whose name contains "train"
 *   npx tsx scripts/mention-eval.ts --bench         # matchSchool speed over the dev sets' items (median of passes)
 */
import { parseArgs } from 'node:util';
import { matchSchool } from '../lib/match';
import { mentionSets } from './mention/sets';

const { values: args } = parseArgs({ options: { bench: { type: 'boolean', default: false }, errors: { type: 'boolean', default: false }, only: { type: 'string' }, width: { type: 'string', default: '260' } } });

if (args.bench) {
  // the item sets, not the generated functional cases (short and many alike)
  const cases = mentionSets().filter((s) => s.kind !== 'functional').flatMap((s) => s.cases);
  for (let i = 0; i < 3; i++) for (const c of cases) matchSchool({ title: c.title, text: c.text }, c.school);
  const passes: number[] = [];
  const t = performance.now();
  while (performance.now() - t < 3000) {
    const t0 = performance.now();
    for (const c of cases) matchSchool({ title: c.title, text: c.text }, c.school);
    passes.push(performance.now() - t0);
  }
  passes.sort((a, b) => a - b);
  console.log(`matchSchool: ${cases.length} items × ${passes.length} passes, median ${Math.round(cases.length / (passes[passes.length >> 1]! / 1000))} items/s on one core`);
  process.exit(0);
}

let all = 0;
let right = 0;
const width = Number(args.width);
for (const set of mentionSets()) {
  if (args.only && !set.name.includes(args.only)) continue;
  let ok = 0;
  const wrong: string[] = [];
  for (const c of set.cases) {
    const r = matchSchool({ title: c.title, text: c.text }, c.school);
    if (r.mentioned === c.mentioned) ok++;
    else wrong.push(`  ${c.mentioned ? 'MISS ' : 'FALSE'} ${c.id} [${c.school.name}] ${r.reason}\n      ${`${c.title ? c.title + ' | ' : ''}${c.text}`.replace(/\s+/g, ' ').slice(0, width)}`);
  }
  all += set.cases.length;
  right += ok;
  console.log(`${set.name.padEnd(30)} ${String(set.cases.length).padStart(5)}  mention ${(ok / set.cases.length).toFixed(3)}  wrong ${set.cases.length - ok}`);
  if (args.errors) for (const w of wrong) console.log(w);
}
console.log(`${'all'.padEnd(30)} ${String(all).padStart(5)}  mention ${(right / all).toFixed(3)}`);
