/**
 * Scoring speed of this tree against another checkout, in ONE process: both trees' scoreItem are loaded side by side
 * and their passes over the set interleave (A B B A …), so both see the same load from second to second. On a shared
 * machine whose load swings within a run this is steadier than alternating whole processes (bench/ab-score.sh):
 *
 *   npx tsx bench/ab-inproc.mts OTHER_DIR [--set FILE] [--seconds 20]
 *
 * Prints, per side, the median, 10th percentile and best pass by CPU time (µs/item and items/s), and the median of the per-pair
 * CPU-time ratios (other / this tree; above 1: this tree is faster).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { set: { type: 'string', default: 'data/eval/items.jsonl' }, seconds: { type: 'string', default: '20' } } });
const other = positionals[0];
if (!other) throw new Error('usage: npx tsx bench/ab-inproc.mts OTHER_DIR [--set FILE] [--seconds 20]');
const items = readFileSync(args.set!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title?: string; text?: string })
  .map((i) => ({ title: i.title ?? '', text: i.text ?? '' }));
type Score = (item: { title: string; text: string }) => unknown;
const here = ((await import(resolve('lib/score/index.ts'))) as { scoreItem: Score }).scoreItem;
const there = ((await import(resolve(other, 'lib/score/index.ts'))) as { scoreItem: Score }).scoreItem;
const pass = (f: Score) => {
  const c0 = process.cpuUsage();
  for (const item of items) f(item);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / items.length;
};
for (let w = 0; w < 5; w++) {
  pass(here);
  pass(there);
}
const a: number[] = [];
const b: number[] = [];
const ratios: number[] = [];
const started = performance.now();
for (let r = 0; performance.now() - started < Number(args.seconds) * 1000; r++) {
  // A B, then B A: a load that rises or falls within a pair favours neither side
  const [x, y] = r % 2 === 0 ? [pass(here), pass(there)] : [pass(there), pass(here)].reverse();
  a.push(x!);
  b.push(y!);
  ratios.push(y! / x!);
}
const med = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
const best = (v: number[]) => Math.min(...v);
/** The 10th percentile: the least disturbed passes, less at the mercy of one lucky pass than the best. */
const p10 = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 10)]!;
const line = (name: string, v: number[]) =>
  `${name}: median ${med(v).toFixed(1)} µs/item (${Math.round(1e6 / med(v))} items/s), 10th percentile ${p10(v).toFixed(1)} µs/item (${Math.round(1e6 / p10(v))} items/s), best ${best(v).toFixed(1)} µs/item (${Math.round(1e6 / best(v))} items/s)`;
console.log(`${items.length} items × ${a.length} pass pairs by CPU time; load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(line('this tree', a));
console.log(line(other, b));
console.log(`CPU-time ratio (other / this: above 1, this tree is faster): median of pairs ${med(ratios).toFixed(3)}, of 10th percentiles ${(p10(b) / p10(a)).toFixed(3)}, of best passes ${(best(b) / best(a)).toFixed(3)}`);
