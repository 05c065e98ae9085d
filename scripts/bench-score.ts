/**
 * Scoring speed on one core: `scoreItem` over a JSON-lines set (default data/eval/items.jsonl), warm.
 *
 *   npx tsx scripts/bench-score.ts [--set FILE] [--seconds 3] [--olid FILE]
 *
 * Prints the median pass (the figure to quote), the best pass, and the process's memory after the run.
 *
 * With --olid it scores the texts of a TweetEval TSV instead (text alone, as assessItem does without schools).
 * With --no-school-model it takes the previous school decision (rules + classifier margin) instead of the school model.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scoreItem, TEXT_ALONE_CLASSIFIER_MARGIN } from '../lib/score';
import { readTweetEval } from './lib-eval/datasets';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: 'data/eval/items.jsonl' },
    olid: { type: 'string' },
    seconds: { type: 'string', default: '3' },
    'no-school-model': { type: 'boolean', default: false },
  },
});

const items = args.olid
  ? readTweetEval(args.olid).map((r) => ({ title: '', text: r.text }))
  : readFileSync(args.set!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title?: string; text?: string })
      .map((i) => ({ title: i.title ?? '', text: i.text ?? '' }));
const options = args.olid ? { classifierMargin: TEXT_ALONE_CLASSIFIER_MARGIN, textAlone: true } : args['no-school-model'] ? { schoolModel: false as const } : {};

for (let pass = 0; pass < 3; pass++) for (const item of items) scoreItem(item, undefined, options); // warm-up (JIT, model decode)
// time each pass over the set: the median is the figure, the best pass shows the machine's headroom
// when other processes share the core
// Also the process's CPU time per pass: on a shared machine (other processes on the cores) wall time counts the waits,
// CPU time counts only this process's work, so it is the steadier figure to compare runs by
const passes: number[] = [];
const cpuPasses: number[] = [];
const seconds = Number(args.seconds);
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const item of items) scoreItem(item, undefined, options);
  const c = process.cpuUsage(c0);
  passes.push(performance.now() - t0);
  cpuPasses.push((c.user + c.system) / 1000);
}
passes.sort((a, b) => a - b);
cpuPasses.sort((a, b) => a - b);
const rate = (ms: number) => Math.round(items.length / (ms / 1000));
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const median = passes[Math.floor(passes.length / 2)]!;
console.log(
  `${args.olid ?? args.set}: ${items.length} items × ${passes.length} passes, median ${rate(median)} items/s on one core (warm, ${((median / items.length) * 1000).toFixed(0)} µs/item), best pass ${rate(passes[0]!)} items/s; ` +
    `by CPU time median ${rate(cpuPasses[Math.floor(cpuPasses.length / 2)]!)} items/s; ` +
    `memory after the run: RSS ${mb(process.memoryUsage().rss)} MB, heap used ${mb(process.memoryUsage().heapUsed)} MB`,
);
