/**
 * Leave-one-corpus-out check of the mention decision's numbers (MENTION_TUNING in lib/match/index.ts, passed to matchSchool as its `tuning` argument): for each
 * training corpus X (data/train/<X>/), choose the grid point with the best mean accuracy over every OTHER set
 * (dev sets, spent blind sets, the other corpora; the functional suite's halves too), then score X with it. Prints
 * X's accuracy with the committed numbers and with the numbers chosen without it. A change of numbers is kept only
 * when the out-of-corpus figure rises. Deterministic (a fixed grid, ties to the committed numbers).
 *
 *   npx tsx scripts/mention-tune.ts
 *   npx tsx scripts/mention-tune.ts --vary unnamedSupport   # one number's grid, the others at the committed values
 */
import { parseArgs } from 'node:util';
import { matchSchool, MENTION_TUNING, type MentionTuning } from '../lib/match';
import { mentionSets, type MentionSet } from './mention/sets';

type Tuning = MentionTuning;
const committed: Tuning = MENTION_TUNING;
const GRID: Partial<Record<keyof Tuning, number[]>> = {
  minSupport: [0.2, 0.3, 0.4],
  noiseFloor: [0, 0.15, 0.31, 0.5],
  farFactor: [0.3, 0.5, 0.7],
  unnamedSupport: [0.5, 0.9, 1.5, Infinity],
};

const { values: args } = parseArgs({ options: { vary: { type: 'string' } } });
if (args.vary && !(args.vary in GRID)) throw new Error(`--vary ${args.vary}: not a number of the grid; use one of ${Object.keys(GRID).join(', ')}`);

function points(): Tuning[] {
  let out: Tuning[] = [{ ...committed }];
  for (const [k, values] of Object.entries(GRID) as [keyof Tuning, number[]][]) if (!args.vary || k === args.vary) out = out.flatMap((p) => values.map((v) => ({ ...p, [k]: v })));
  // the committed point first, so a tie keeps it
  out.sort((a, b) => Number(same(b, committed)) - Number(same(a, committed)));
  return out;
}
const same = (a: Tuning, b: Tuning) => (Object.keys(a) as (keyof Tuning)[]).every((k) => a[k] === b[k]);

function accuracy(set: MentionSet, t: Tuning): number {
  let ok = 0;
  for (const c of set.cases) if (matchSchool({ title: c.title, text: c.text }, c.school, t).mentioned === c.mentioned) ok++;
  return ok / set.cases.length;
}

const sets = mentionSets().map((s) => (s.kind === 'functional' ? { ...s, cases: s.cases.filter((_, i) => i % 5 === 0) } : s));
const grid = points();
const table = grid.map((t) => sets.map((s) => accuracy(s, t)));
const corpora = sets.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'corpus');
if (!corpora.length) console.log('no training corpora under data/train/ yet');
const fmt = (t: Tuning) => (Object.keys(GRID) as (keyof Tuning)[]).map((k) => `${k}=${t[k]}`).join(' ');
let base = 0;
let loco = 0;
for (const [x, xi] of corpora) {
  let best = 0;
  let bestMean = -1;
  table.forEach((row, gi) => {
    const others = row.filter((_, si) => si !== xi);
    const mean = others.reduce((a, b) => a + b, 0) / others.length;
    if (mean > bestMean + 1e-9) [best, bestMean] = [gi, mean];
  });
  base += table[0]![xi]!;
  loco += table[best]![xi]!;
  console.log(`${x.name.padEnd(28)} committed ${table[0]![xi]!.toFixed(3)}  chosen without it ${table[best]![xi]!.toFixed(3)}  (${fmt(grid[best]!)})`);
}
if (corpora.length) console.log(`${'mean over corpora'.padEnd(28)} committed ${(base / corpora.length).toFixed(3)}  leave-one-corpus-out ${(loco / corpora.length).toFixed(3)}`);
let all = -1;
let allBest = 0;
table.forEach((row, gi) => {
  const mean = row.reduce((a, b) => a + b, 0) / row.length;
  if (mean > all + 1e-9) [all, allBest] = [mean, gi];
});
console.log(`best on every set: ${fmt(grid[allBest]!)} (mean ${all.toFixed(4)}); committed: ${fmt(committed)} (mean ${(table[0]!.reduce((a, b) => a + b, 0) / sets.length).toFixed(4)})`);
