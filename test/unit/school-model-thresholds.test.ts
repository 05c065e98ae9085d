/**
 * How the school model's trainer chooses each family's thresholds on out-of-fold predictions
 * (scripts/lib-eval/thresholds.ts): by F-beta or by recall at a precision floor, with every corpus counting the
 * same if asked, and a rule level that decides alone only when the predictions say it is worth it.
 */
import { describe, expect, it } from 'vitest';
import { chooseFamilyThreshold, corpusEqualWeights, type ThresholdRows, type ThresholdSearch } from '../../scripts/lib-eval/thresholds';

const rows = (list: [p: number, rule: number, y: number][], w?: number[]): ThresholdRows => ({
  p: list.map((r) => r[0]),
  rule: list.map((r) => r[1]),
  y: list.map((r) => r[2]),
  w: w ?? list.map(() => 1),
});
const search: ThresholdSearch = { strong: [null], alone: 'off', keep: 'off', beta: 1, objective: 'fbeta' };

describe('school model thresholds', () => {
  it('F-beta puts the threshold between the classes when they separate', () => {
    const c = chooseFamilyThreshold(rows([[0.2, 0, 0], [0.3, 0, 0], [0.7, 0, 1], [0.8, 0, 1]]), search);
    expect(c.threshold).toBeGreaterThan(0.3);
    expect(c.threshold).toBeLessThanOrEqual(0.7);
    expect([c.precision, c.recall]).toEqual([1, 1]);
  });

  it('at a precision floor, recall is bought only while precision stays at the floor', () => {
    // five positives: three sure, two at 0.4 among false alarms at 0.45 and 0.5
    const r = rows([[0.9, 0, 1], [0.85, 0, 1], [0.8, 0, 1], [0.5, 0, 0], [0.45, 0, 0], [0.4, 0, 1], [0.4, 0, 1], [0.1, 0, 0]]);
    const lenient = chooseFamilyThreshold(r, { ...search, objective: 'floor', precisionFloor: 0.7 });
    expect(lenient.recall).toBe(1);
    expect(lenient.precision).toBeGreaterThanOrEqual(0.7);
    const strict = chooseFamilyThreshold(r, { ...search, objective: 'floor', precisionFloor: 0.9 });
    expect(strict.precision).toBeGreaterThanOrEqual(0.9);
    expect(strict.recall).toBeCloseTo(0.6, 5);
  });

  it('a rule level decides alone only when what it flags is mostly right on the predictions', () => {
    // rule findings of 0.8 the stacker doubts (p 0.1): all false alarms, so no level is kept
    const doubted = rows([[0.1, 0.8, 0], [0.1, 0.8, 0], [0.1, 0.8, 0], [0.9, 0.8, 1], [0.9, 0, 1], [0.1, 0, 0]]);
    expect(chooseFamilyThreshold(doubted, { ...search, strong: [null, 0.85, 0.7] }).strong).toBeNull();
    // the same findings, right where the stacker doubts them: the level is kept
    const right = rows([[0.1, 0.8, 1], [0.1, 0.8, 1], [0.1, 0.8, 1], [0.9, 0.8, 1], [0.9, 0, 1], [0.1, 0, 0]]);
    expect(chooseFamilyThreshold(right, { ...search, strong: [null, 0.85, 0.7] }).strong).toBe(0.7);
  });

  it('words alone may be asked for more than a rule-backed item', () => {
    // with no rule finding, 0.6 is a false alarm; with one, 0.6 is right
    const r = rows([[0.6, 0, 0], [0.6, 0, 0], [0.95, 0, 1], [0.6, 0.3, 1], [0.6, 0.3, 1], [0.2, 0.3, 0]]);
    const c = chooseFamilyThreshold(r, { ...search, alone: 'chosen' });
    expect([c.precision, c.recall]).toEqual([1, 1]);
    expect(c.alone).toBeGreaterThan(0.6);
    expect(c.threshold).toBeLessThanOrEqual(0.6);
  });

  it('a floor on what the words alone need holds whatever the rows say', () => {
    // words alone at 0.6 are right on these rows, so the search alone would let them flag
    const r = rows([[0.6, 0, 1], [0.6, 0, 1], [0.2, 0, 0], [0.6, 0.3, 1], [0.2, 0.3, 0]]);
    expect(chooseFamilyThreshold(r, { ...search, alone: 'chosen' }).alone).toBeLessThanOrEqual(0.6);
    const floored = chooseFamilyThreshold(r, { ...search, alone: 'chosen', aloneFloor: 0.8 });
    expect(floored.alone).toBeGreaterThanOrEqual(0.8);
    expect(floored.recall).toBeCloseTo(1 / 3, 5);
  });

  it('words alone on their own scale (aloneBelow) may need less than a rule-backed item, without lowering its threshold', () => {
    // rule-backed: 0.5 is a false alarm, 0.8 right; words alone (robust probability): 0.3 right, 0.1 a false alarm
    const r = rows([[0.5, 0.3, 0], [0.5, 0.3, 0], [0.8, 0.3, 1], [0.3, 0, 1], [0.3, 0, 1], [0.1, 0, 0]]);
    const tied = chooseFamilyThreshold(r, { ...search, alone: 'chosen' });
    expect([tied.precision, tied.recall]).not.toEqual([1, 1]);
    const below = chooseFamilyThreshold(r, { ...search, alone: 'chosen', aloneBelow: true });
    expect([below.precision, below.recall]).toEqual([1, 1]);
    expect(below.threshold).toBeGreaterThan(0.5);
    expect(below.alone).toBeLessThanOrEqual(0.3);
  });

  it('corpus-equal weights make each set weigh the same in total, whatever its size', () => {
    const sets = ['a', 'a', 'a', 'b', 'c', 'c'];
    const w = corpusEqualWeights(sets);
    const total = (s: string) => sets.reduce((sum, x, i) => sum + (x === s ? w[i]! : 0), 0);
    expect(total('a')).toBeCloseTo(total('b'), 9);
    expect(total('b')).toBeCloseTo(total('c'), 9);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(sets.length, 9);
  });

  it('with corpus-equal weights a big corpus no longer chooses the threshold for the rest', () => {
    // corpus big: its positives sit at 0.35 (and many easy negatives); corpus small: its false alarms sit at 0.35
    // too, its positive at 0.8
    const big: [number, number, number][] = [...Array.from({ length: 10 }, (): [number, number, number] => [0.35, 0, 1]), ...Array.from({ length: 30 }, (): [number, number, number] => [0.1, 0, 0])];
    const small: [number, number, number][] = [[0.35, 0, 0], [0.35, 0, 0], [0.35, 0, 0], [0.8, 0, 1]];
    const sets = [...big.map(() => 'big'), ...small.map(() => 'small')];
    const byItem = chooseFamilyThreshold(rows([...big, ...small]), search);
    const byCorpus = chooseFamilyThreshold(rows([...big, ...small], [...corpusEqualWeights(sets)]), search);
    expect(byItem.threshold).toBeLessThanOrEqual(0.35);
    expect(byCorpus.threshold).toBeGreaterThan(byItem.threshold);
  });

  it('with smoothing, a broad plateau beats a narrow spike a couple of rows made', () => {
    // two positives at 0.305 just above two false alarms at 0.295 make t = 0.30 perfect, and nothing around it
    const spike = rows([
      ...Array.from({ length: 6 }, () => [0.9, 0, 1] as [number, number, number]),
      [0.305, 0, 1], [0.305, 0, 1], [0.295, 0, 0], [0.295, 0, 0],
      ...Array.from({ length: 8 }, () => [0.29, 0, 0] as [number, number, number]),
    ]);
    expect(chooseFamilyThreshold(spike, search).threshold).toBe(0.3);
    const smoothed = chooseFamilyThreshold(spike, { ...search, smooth: 5 });
    // the window's half-width clear of the cliff where the ten false alarms begin (at 0.29 and 0.295)
    expect(smoothed.threshold).toBeGreaterThanOrEqual(0.35);
    expect(smoothed.precision).toBe(1);
    expect(smoothed.recall).toBeCloseTo(0.75, 5);
  });

  it('smoothing of 0 chooses as before', () => {
    const r = rows([[0.9, 0, 1], [0.85, 0, 1], [0.8, 0, 1], [0.5, 0, 0], [0.45, 0, 0], [0.4, 0, 1], [0.4, 0, 1], [0.1, 0, 0]]);
    expect(chooseFamilyThreshold(r, { ...search, smooth: 0 })).toEqual(chooseFamilyThreshold(r, search));
  });
});
