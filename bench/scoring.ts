import { readFileSync } from 'node:fs';
import { scoreItem } from '../lib/score';

/** Items scored per second on one core (this process is single-threaded), over a realistic mix. */
export function benchScoring(setPath: string, minSeconds = 3) {
  const items = readFileSync(setPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title?: string; text?: string })
    .map((i) => ({ title: i.title ?? '', text: i.text ?? '' }));
  for (const item of items) scoreItem(item); // warm-up (JIT, lazy model load)
  let scored = 0;
  const started = performance.now();
  while (performance.now() - started < minSeconds * 1000) {
    for (const item of items) scoreItem(item);
    scored += items.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { items: items.length, scored, seconds, itemsPerSecond: scored / seconds };
}
