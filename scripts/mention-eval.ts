/**
 * The mention decision alone (matchSchool), on every dev set and training corpus (scripts/mention/sets.ts):
 * accuracy per set, and with --errors each wrong item with the matcher's reason. No scoring, so a cue change is
 * checked on all sets in seconds. `npm run eval -- --set … --functional none` gives the same figure through assessItem.
 *
 *   npx tsx scripts/mention-eval.ts                 # accuracy per set
 *   npx tsx scripts/mention-eval.ts --errors        # plus the wrong items
 *   npx tsx scripts/mention-eval.ts --only train    # sets whose name contains "train"
 */
import { parseArgs } from 'node:util';
import { matchSchool } from '../lib/match';
import { mentionSets } from './mention/sets';

const { values: args } = parseArgs({ options: { errors: { type: 'boolean', default: false }, only: { type: 'string' }, width: { type: 'string', default: '260' } } });

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
