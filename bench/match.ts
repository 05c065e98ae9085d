/**
 * Mention matching speed on one core: matchSchool over the labelled sets with their schools (warm).
 *
 *   npx tsx bench/match.ts [--seconds 3]
 *
 * Prints the median pass. Matching runs before scoring for every item a feed returns, so it must stay well
 * above the scorer's 10,000 items/s budget.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { matchSchool } from '../lib/match';
import { loadSchoolsFile } from '../lib/score/assess';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });

const sets: [string, string][] = [
  ['data/eval/items.jsonl', 'data/eval/schools.json'],
  ['data/eval/mention-dev.jsonl', 'data/eval/schools.json'],
  ['data/eval/blind-2026-11-30/items.jsonl', 'data/eval/blind-2026-11-30/schools.json'],
];
const work: { item: { title: string; text: string }; school: Parameters<typeof matchSchool>[1] }[] = [];
for (const [set, schoolsFile] of sets) {
  const schools = loadSchoolsFile(JSON.parse(readFileSync(schoolsFile, 'utf8')));
  for (const line of readFileSync(set, 'utf8').split('\n').filter(Boolean)) {
    const it = JSON.parse(line) as { school: string; title?: string; text?: string };
    const school = schools.get(it.school);
    if (school) work.push({ item: { title: it.title ?? '', text: it.text ?? '' }, school });
  }
}
for (const w of work) matchSchool(w.item, w.school);
const rates: number[] = [];
const cpu0 = process.cpuUsage();
let done = 0;
const end = performance.now() + Number(args.seconds) * 1000;
while (performance.now() < end || rates.length < 3) {
  const t0 = performance.now();
  for (const w of work) matchSchool(w.item, w.school);
  rates.push(work.length / ((performance.now() - t0) / 1000));
  done += work.length;
}
const cpu = process.cpuUsage(cpu0);
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
// CPU time of this process is steadier than wall clock on a shared machine
const perCpu = done / ((cpu.user + cpu.system) / 1e6);
console.log(`matchSchool: ${work.length} items × ${rates.length} passes, wall median ${Math.round(median)} items/s, CPU ${Math.round(perCpu)} items/s on one core (${(1e6 / perCpu).toFixed(0)} µs/item)`);
