/**
 * Scoring time of one long item (100 KB of a sentence repeated), for patterns whose cost grows faster than the text:
 *
 *   npx tsx bench/long-text.ts [--kb 100]
 *
 * Five shapes: news prose with full stops, a repeated threat, insults with no full stop (one 100 KB sentence with
 * hundreds of hits in it), a member of staff's health told over and over with no full stop (the confidential rules'
 * staff-details check asked its sentence once per cue: 4.8 s on 200 KB before round 7 on a quiet machine, 28 s at
 * load ~9), and "pupil injured" repeated (the reputation rules read the sentence once per hit: 5–7 s quiet, 30 s at load ~9). Prints scoreItem's wall time per shape (best of 3, warm).
 */
import { parseArgs } from 'node:util';
import { scoreItem } from '../lib/score';

const shapes: Record<string, string> = {
  news: 'The head teacher said the school would review its policy after parents complained about the new uniform rules. ',
  threat: 'someone should pay her a little visit and sort her out, i know where she lives. ',
  'no full stops': 'the teacher is an idiot and the head is useless and nobody listens to parents and ',
  'staff health': 'mrs smith is off with depression and the deputy head has cancer and ',
  'pupil injured': 'pupil injured ',
};
const { values: args } = parseArgs({ options: { kb: { type: 'string', default: '100' } } });
const size = Number(args.kb) * 1000;
for (const [name, s] of Object.entries(shapes)) {
  const text = s.repeat(Math.ceil(size / s.length)).slice(0, size);
  scoreItem({ title: '', text: text.slice(0, 2000) });
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    scoreItem({ title: '', text });
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${name.padEnd(14)} ${args.kb} KB: ${best.toFixed(0)} ms (best of 3)`);
}
