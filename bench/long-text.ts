/**
 * Scoring time of one long item (100 KB of a sentence repeated), for patterns whose cost grows faster than the text:
 *
 *   npx tsx bench/long-text.ts
 *
 * Three shapes: news prose with full stops, a repeated threat, and insults with no full stop (one 100 KB sentence with
 * hundreds of hits in it). Prints scoreItem's wall time per shape (best of 3, warm).
 */
import { scoreItem } from '../lib/score';

const shapes: Record<string, string> = {
  news: 'The head teacher said the school would review its policy after parents complained about the new uniform rules. ',
  threat: 'someone should pay her a little visit and sort her out, i know where she lives. ',
  'no full stops': 'the teacher is an idiot and the head is useless and nobody listens to parents and ',
};
for (const [name, s] of Object.entries(shapes)) {
  const text = s.repeat(Math.ceil(100_000 / s.length)).slice(0, 100_000);
  scoreItem({ title: '', text: text.slice(0, 2000) });
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    scoreItem({ title: '', text });
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${name.padEnd(14)} 100 KB: ${best.toFixed(0)} ms (best of 3)`);
}
