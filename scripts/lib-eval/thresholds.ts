/**
 * The school model's decision thresholds per family (scripts/train-school.ts), chosen on out-of-fold stacker
 * probabilities: the stacker probability needed (`threshold`), what the words alone need when the rules found nothing
 * of the family (`alone`), what a rule finding that flags on its own needs (`keep`), and the rule confidence that
 * decides whatever the stacker says (`strong`, or none). Pure, so the search can be tested on its own.
 */
import { familyThreshold } from '../../lib/score/school-model';

/** One out-of-fold row: the family's stacker probability, its strongest rule finding, its label and its weight. */
export interface ThresholdRows {
  p: ArrayLike<number>;
  rule: ArrayLike<number>;
  y: ArrayLike<number>;
  w: ArrayLike<number>;
  /** A kind of rule finding that may decide alone on its own level (the role-insult strength, 0: none). */
  kind?: ArrayLike<number>;
}

export interface ThresholdSearch {
  /** The `strong` levels tried (null: no rule finding decides alone). */
  strong: readonly (number | null)[];
  /**
   * The levels tried for the kind (ThresholdRows.kind) to decide alone, in order of preference: on equal scores the
   * first tried is kept. Absent: the kind has no level of its own.
   */
  strongKind?: readonly (number | null)[];
  /** 'chosen' (searched), 'off' (the words alone need the threshold) or what they need (at least the threshold). */
  alone: 'chosen' | 'off' | number;
  /** 'chosen' (searched, at most the threshold) or 'off' (the threshold). */
  keep: 'chosen' | 'off';
  /** F-beta's beta: above 1 weighs a missed item over a false alarm. */
  beta: number;
  /**
   * 'fbeta': the best F-beta. 'floor': the best recall among the choices whose precision is at least `precisionFloor`
   * (F-beta breaks ties); F-beta when none reaches it.
   */
  objective: 'fbeta' | 'floor';
  /**
   * The least the words alone may need, whatever is chosen: words with no rule finding generalise least ("pupils are
   * investigating volcanoes" scored for reputation on its words), so a searched `alone` never falls below this.
   */
  aloneFloor?: number;
  /**
   * The words-alone rows' probabilities are on their own scale (the robust probability, school-model.ts aloneRobust):
   * `alone` may then be chosen below the threshold too, so a lower robust probability does not drag down the threshold
   * of every item with a rule finding.
   */
  aloneBelow?: boolean;
  precisionFloor?: number;
  /**
   * Judge each threshold by the mean score of those within this many hundredths of it (0 or absent: by its own
   * score): the middle of a broad plateau, not a narrow spike.
   */
  smooth?: number;
}

export interface FamilyChoice {
  threshold: number;
  alone: number;
  keep: number;
  strong: number | null;
  /** The kind's own decide-alone level (null: none). */
  strongKind: number | null;
  /** F-beta of the choice on the rows. */
  f1: number;
  precision: number;
  recall: number;
}

const ALONE_STEPS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4];
const ALONE_STEPS_BELOW = [-0.4, -0.3, -0.2, -0.15, -0.1, -0.05, ...ALONE_STEPS];
const KEEP_STEPS = [0, 0.1, 0.2, 0.3, 0.4];

/**
 * The best choice for one family on the rows (ties: the first found, so the search is deterministic). With
 * `smooth` (ThresholdSearch), each threshold is judged by the mean score of the thresholds within `smooth`
 * hundredths of it (the other choices fixed): a threshold in the middle of a broad plateau beats one on a narrow
 * spike that a handful of rows made, so a few more training rows cannot move it far.
 */
export function chooseFamilyThreshold(rows: ThresholdRows, s: ThresholdSearch): FamilyChoice {
  const { p, rule, y, w, kind } = rows;
  let best: FamilyChoice = { threshold: 0.5, alone: 0.5, keep: 0.5, strong: null, strongKind: null, f1: -1, precision: 0, recall: 0 };
  let bestScore = -Infinity;
  const b2 = s.beta * s.beta;
  const floor = s.precisionFloor ?? 0;
  const half = Math.max(0, Math.round(s.smooth ?? 0));
  const levels = (kind ? (s.strongKind ?? [null]) : [null]).flatMap((strongKind) => s.strong.map((strong) => [strongKind, strong] as const));
  const steps = s.alone === 'off' ? [0] : s.alone === 'chosen' ? (s.aloneBelow ? ALONE_STEPS_BELOW : ALONE_STEPS) : null;
  const downs = s.keep === 'chosen' ? KEEP_STEPS : [0];
  const stepCount = steps ? steps.length : 1;
  // every candidate's choice and raw score, by [threshold][alone step][keep step], for one level at a time
  const T = 81;
  for (const [strongKind, strong] of levels) {
    const grid: FamilyChoice[] = new Array(T * stepCount * downs.length);
    const raw = new Float64Array(grid.length);
    const at = (ti: number, si: number, di: number) => (ti * stepCount + si) * downs.length + di;
    for (let ti = 0; ti < T; ti++) {
      const t = (ti + 10) / 100;
      for (let si = 0; si < stepCount; si++) {
        const step = steps ? steps[si]! : (s.alone as number) - t;
        const alone = Math.max(s.aloneBelow ? 0.05 : t, s.aloneFloor ?? 0, Math.min(0.99, Math.round((t + step) * 100) / 100));
        for (let di = 0; di < downs.length; di++) {
          const keep = Math.max(0.05, Math.round((t - downs[di]!) * 100) / 100);
          let tp = 0;
          let fp = 0;
          let fn = 0;
          for (let k = 0; k < p.length; k++) {
            const yes = p[k]! >= familyThreshold({ threshold: t, alone, keep }, rule[k]!) || (strong !== null && rule[k]! >= strong) || (strongKind !== null && kind![k]! >= strongKind);
            if (yes && y[k]) tp += w[k]!;
            else if (yes) fp += w[k]!;
            else if (y[k]) fn += w[k]!;
          }
          const f1 = ((1 + b2) * tp) / Math.max(1e-9, (1 + b2) * tp + b2 * fn + fp);
          const precision = tp / Math.max(1e-9, tp + fp);
          const recall = tp / Math.max(1e-9, tp + fn);
          grid[at(ti, si, di)] = { threshold: t, alone, keep, strong, strongKind, f1, precision, recall };
          raw[at(ti, si, di)] = s.objective === 'floor' ? (precision >= floor ? 1 + recall + 1e-3 * f1 : f1 - 1) : f1;
        }
      }
    }
    for (let ti = 0; ti < T; ti++) {
      for (let si = 0; si < stepCount; si++) {
        for (let di = 0; di < downs.length; di++) {
          let score = raw[at(ti, si, di)]!;
          if (half) {
            let sum = 0;
            let n = 0;
            for (let tj = Math.max(0, ti - half); tj <= Math.min(T - 1, ti + half); tj++, n++) sum += raw[at(tj, si, di)]!;
            score = sum / n;
          }
          if (score > bestScore + 1e-9) {
            bestScore = score;
            best = grid[at(ti, si, di)]!;
          }
        }
      }
    }
  }
  return best;
}

/**
 * Weights that make every set count as much in total as an average one (each row 1 / its set's size, scaled so the
 * weights sum to the number of rows): a big corpus does not choose the thresholds for the rest.
 */
export function corpusEqualWeights(sets: readonly string[]): Float64Array {
  const n = new Map<string, number>();
  for (const s of sets) n.set(s, (n.get(s) ?? 0) + 1);
  const avg = sets.length / Math.max(1, n.size);
  return Float64Array.from(sets, (s) => avg / n.get(s)!);
}
