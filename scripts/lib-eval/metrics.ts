/** Small metric helpers shared by the eval and training scripts. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function count(c: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) c.tp++;
  else if (predicted) c.fp++;
  else if (actual) c.fn++;
  else c.tn++;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Macro-F1 over the two classes of a binary task. */
export function macroF1(c: Counts): number {
  const pos = prf(c).f1;
  const neg = prf({ tp: c.tn, fp: c.fn, fn: c.fp, tn: c.tp }).f1;
  return (pos + neg) / 2;
}

export function macroF1At(probs: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): number {
  const c = emptyCounts();
  for (let i = 0; i < labels.length; i++) count(c, probs[i]! >= threshold, labels[i] === 1);
  return macroF1(c);
}

/** Threshold in [0.05, 0.95] that maximises macro-F1. */
export function bestThreshold(probs: ArrayLike<number>, labels: ArrayLike<number>): { threshold: number; macroF1: number } {
  let best = { threshold: 0.5, macroF1: -1 };
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const f = macroF1At(probs, labels, t);
    if (f > best.macroF1) best = { threshold: Math.round(t * 100) / 100, macroF1: f };
  }
  return best;
}

export const pct = (x: number) => (100 * x).toFixed(1);
