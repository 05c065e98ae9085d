/**
 * Scoring speed on one core: `scoreItem` over a JSON-lines set (default data/eval/items.jsonl), warm.
 *
 *   npx tsx scripts/bench-score.ts [--set FILE] [--seconds 3] [--olid FILE]
 *
 * With --olid it scores the texts of a TweetEval TSV instead (text alone, as assessItem does without schools).
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
  },
});

const items = args.olid
  ? readTweetEval(args.olid).map((r) => ({ title: '', text: r.text }))
  : readFileSync(args.set!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title?: string; text?: string })
      .map((i) => ({ title: i.title ?? '', text: i.text ?? '' }));
const options = args.olid ? { classifierMargin: TEXT_ALONE_CLASSIFIER_MARGIN } : {};

for (let pass = 0; pass < 3; pass++) for (const item of items) scoreItem(item, undefined, options); // warm-up (JIT, model decode)
let scored = 0;
const seconds = Number(args.seconds);
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  for (const item of items) scoreItem(item, undefined, options);
  scored += items.length;
}
const elapsed = (performance.now() - started) / 1000;
console.log(`${args.olid ?? args.set}: ${items.length} items, ${Math.round(scored / elapsed)} items/s on one core (warm, ${((elapsed / scored) * 1e6).toFixed(0)} µs/item)`);
