/** Per-functionality accuracy of the scorer on the school functional test suite (data/functional/). */
import type { Assessment } from '../../lib/score/assess';
import type { FunctionalItem } from '../../lib/functional/expand';
import { expectedFamilies } from './report';

export interface FunctionalRow {
  functionality: string;
  n: number;
  correct: number;
  /** Cases wrong because the flag was wrong (missed or false alarm). */
  flagWrong: number;
  /** Flagged as expected but for the wrong family. */
  familyWrong: number;
  /** Mention decided wrongly. */
  mentionWrong: number;
}

/**
 * A case is right when, for an item about the school, `flagged` and the family are as expected, and
 * for an item not about the school, it comes back not mentioned (and so not flagged).
 */
export function caseCorrect(item: FunctionalItem, r: Assessment): { ok: boolean; why?: 'flag' | 'family' | 'mention' } {
  if (!item.expect.mentioned) return r.mentioned ? { ok: false, why: 'mention' } : { ok: true };
  if (!r.mentioned) return { ok: false, why: 'mention' };
  if (r.flagged !== item.expect.flag) return { ok: false, why: 'flag' };
  const want = expectedFamilies(item);
  const got = r.flagged ? r.families : [];
  const exact = want.length === got.length && want.every((f) => got.includes(f));
  return exact ? { ok: true } : { ok: false, why: 'family' };
}

export function functionalRows(items: readonly FunctionalItem[], results: readonly Assessment[]): FunctionalRow[] {
  const rows = new Map<string, FunctionalRow>();
  items.forEach((item, i) => {
    const row = rows.get(item.functionality) ?? { functionality: item.functionality, n: 0, correct: 0, flagWrong: 0, familyWrong: 0, mentionWrong: 0 };
    rows.set(item.functionality, row);
    row.n++;
    const c = caseCorrect(item, results[i]!);
    if (c.ok) row.correct++;
    else if (c.why === 'flag') row.flagWrong++;
    else if (c.why === 'family') row.familyWrong++;
    else row.mentionWrong++;
  });
  return [...rows.values()];
}

export function formatFunctional(name: string, rows: readonly FunctionalRow[]): string {
  const width = Math.max(13, ...rows.map((r) => r.functionality.length));
  const acc = (r: { n: number; correct: number }) => (r.n ? r.correct / r.n : 1);
  const n = rows.reduce((s, r) => s + r.n, 0);
  const correct = rows.reduce((s, r) => s + r.correct, 0);
  const min = rows.reduce<FunctionalRow | undefined>((m, r) => (!m || acc(r) < acc(m) ? r : m), undefined);
  const lines = [
    `${name}: ${n} cases over ${rows.length} functionalities, overall accuracy ${(correct / Math.max(1, n)).toFixed(3)}`,
    `  ${'functionality'.padEnd(width)}     n  accuracy  (wrong: flag / family / mention)`,
  ];
  for (const r of rows) {
    lines.push(`  ${r.functionality.padEnd(width)} ${String(r.n).padStart(5)}  ${acc(r).toFixed(3)}     ${r.flagWrong} / ${r.familyWrong} / ${r.mentionWrong}`);
  }
  if (min) lines.push(`  minimum: ${acc(min).toFixed(3)} (${min.functionality})`);
  return lines.join('\n');
}

/** One Markdown line: overall accuracy and the weakest functionalities. */
export function functionalSummary(name: string, rows: readonly FunctionalRow[]): string {
  const acc = (r: FunctionalRow) => (r.n ? r.correct / r.n : 1);
  const n = rows.reduce((s, r) => s + r.n, 0);
  const correct = rows.reduce((s, r) => s + r.correct, 0);
  const weakest = [...rows].sort((a, b) => acc(a) - acc(b)).slice(0, 3);
  const atLeast90 = rows.filter((r) => acc(r) >= 0.9).length;
  return (
    `${name}: ${n} cases over ${rows.length} functionalities, accuracy ${(correct / Math.max(1, n)).toFixed(3)}; ` +
    `${atLeast90} of ${rows.length} functionalities at 0.90 or more; lowest ${weakest.map((r) => `${r.functionality} ${acc(r).toFixed(3)}`).join(', ')}.`
  );
}

/** Up to `perFunctionality` wrong cases of each functionality, with what the scorer said. */
export function formatFailures(items: readonly FunctionalItem[], results: readonly Assessment[], perFunctionality: number): string {
  const shown = new Map<string, number>();
  const lines = ['  wrong cases (dev):'];
  items.forEach((item, i) => {
    const r = results[i]!;
    const c = caseCorrect(item, r);
    if (c.ok || (shown.get(item.functionality) ?? 0) >= perFunctionality) return;
    shown.set(item.functionality, (shown.get(item.functionality) ?? 0) + 1);
    const want = item.expect.mentioned ? (item.expect.family ?? 'not flagged') : 'not mentioned';
    const got = !r.mentioned ? 'not mentioned' : r.flagged ? r.families.join('+') : 'not flagged';
    const why = r.categories.map((k) => k.id).join(', ');
    lines.push(`    ${item.id}: expected ${want}, got ${got}${why ? ` (${why})` : ''}: ${JSON.stringify(item.text.length > 140 ? `${item.text.slice(0, 137)}...` : item.text)}`);
  });
  return lines.join('\n');
}
