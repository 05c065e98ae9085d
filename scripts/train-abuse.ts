/**
 * Train the abuse classifier (hashed n-gram logistic regression) and write lib/score/model/abuse-lr.json.
 *
 *   npm run train -- [--data ../shared/datasets] [--davidson-weight 0.2] [--school-weight 2] [--epochs 5] [--nb 0.7] [--seeds 3] [--folds 5] [--cv-only]
 *
 * Data: TweetEval offensive train (OLID), Davidson et al. 2017, and the project's own labelled school
 * items (data/eval/items.jsonl, never the holdout). The decision threshold is chosen by k-fold
 * cross-validation on TweetEval train; TweetEval val is only reported, never tuned on.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFeatures, FEATURE_VERSION, HASH_BITS, type SparseVector } from '../lib/score/features';
import { readDavidson, readTweetEval, schoolItemsAsTraining, type LabelledText } from './lib-eval/datasets';
import { bestThreshold, count, emptyCounts, macroF1, macroF1At, pct } from './lib-eval/metrics';
import { scoreItem } from '../lib/score';
import { buildDoc } from '../lib/score/document';
import { encodeSparse } from '../lib/score/classifier';
import { abuseRules } from '../lib/score/rules/abuse';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(process.cwd(), '../shared/datasets') },
    school: { type: 'string', default: 'data/eval/items.jsonl' },
    out: { type: 'string', default: 'lib/score/model/abuse-lr.json' },
    'davidson-weight': { type: 'string', default: '0.2' },
    'school-weight': { type: 'string', default: '2' },
    epochs: { type: 'string', default: '5' },
    folds: { type: 'string', default: '5' },
    lr: { type: 'string', default: '0.2' },
    l2: { type: 'string', default: '0.0001' },
    'dry-run': { type: 'boolean', default: false },
    nb: { type: 'string', default: '0.7' },
    seeds: { type: 'string', default: '3' },
    'pos-weight': { type: 'string', default: '1' },
    'cv-only': { type: 'boolean', default: false },
  },
});

const DIM = 1 << HASH_BITS;
const davidsonWeight = Number(args['davidson-weight']);
const schoolWeight = Number(args['school-weight']);
const epochs = Number(args.epochs);
const folds = Number(args.folds);
const lr = Number(args.lr);
const l2 = Number(args.l2);
const nbMix = Number(args.nb);
const seeds = Math.max(1, Number(args.seeds));
const posWeight = Number(args['pos-weight']);

interface Example {
  x: SparseVector;
  y: 0 | 1;
  w: number;
}

function featurise(rows: LabelledText[]): Example[] {
  return rows.map((r) => ({ x: extractFeatures(r.text), y: r.label, w: r.weight * (r.label === 1 ? posWeight : 1) }));
}

/** Deterministic PRNG so training is reproducible. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Naive-Bayes log-count ratios (Wang & Manning 2012, "NBSVM"): each feature is scaled by how much
 * more often it occurs in offensive than inoffensive texts before logistic regression. Because the
 * model is linear the ratios fold into the final weights, so nothing extra ships.
 */
function nbRatios(data: Example[], alpha = 1): Float64Array {
  const pos = new Float64Array(DIM).fill(alpha);
  const neg = new Float64Array(DIM).fill(alpha);
  for (const { x, y, w } of data) {
    const target = y === 1 ? pos : neg;
    for (let i = 0; i < x.idx.length; i++) {
      const j = x.idx[i]!;
      target[j] = target[j]! + w;
    }
  }
  let sp = 0;
  let sn = 0;
  for (let j = 0; j < DIM; j++) {
    sp += pos[j]!;
    sn += neg[j]!;
  }
  const r = new Float64Array(DIM);
  for (let j = 0; j < DIM; j++) r[j] = Math.log(pos[j]! / sp / (neg[j]! / sn));
  return r;
}

/** Average of `seeds` models trained on different shuffles (a linear model, so the average is one model). */
function train(data: Example[], seed = 1): { w: Float64Array; b: number } {
  if (seeds === 1) return trainOne(data, seed);
  const w = new Float64Array(DIM);
  let b = 0;
  for (let s = 0; s < seeds; s++) {
    const m = trainOne(data, seed * 1000 + s);
    for (let j = 0; j < DIM; j++) w[j] = w[j]! + m.w[j]! / seeds;
    b += m.b / seeds;
  }
  return { w, b };
}

function trainOne(data: Example[], seed = 1): { w: Float64Array; b: number } {
  if (nbMix > 0) {
    const r = nbRatios(data);
    for (let j = 0; j < DIM; j++) r[j] = 1 - nbMix + nbMix * r[j]!;
    const scaled = data.map((e) => ({ ...e, x: { idx: e.x.idx, val: e.x.val.map((v, i) => v * r[e.x.idx[i]!]!) } }));
    const m = trainPlain(scaled, seed);
    for (let j = 0; j < DIM; j++) m.w[j] = m.w[j]! * r[j]!;
    return m;
  }
  return trainPlain(data, seed);
}

function trainPlain(data: Example[], seed = 1): { w: Float64Array; b: number } {
  const w = new Float64Array(DIM);
  const g2 = new Float64Array(DIM).fill(1e-8);
  let b = 0;
  let gb = 1e-8;
  const rand = mulberry32(seed);
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { x, y, w: weight } = data[k]!;
      let z = b;
      for (let i = 0; i < x.idx.length; i++) z += w[x.idx[i]!]! * x.val[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * weight;
      for (let i = 0; i < x.idx.length; i++) {
        const j = x.idx[i]!;
        const gi = g * x.val[i]! + l2 * w[j]!;
        g2[j] = g2[j]! + gi * gi;
        w[j] = w[j]! - (lr * gi) / Math.sqrt(g2[j]!);
      }
      gb += g * g;
      b -= (lr * g) / Math.sqrt(gb);
    }
  }
  return { w, b };
}

function predict(model: { w: ArrayLike<number>; b: number }, xs: Example[], scale = 1): Float64Array {
  const out = new Float64Array(xs.length);
  xs.forEach(({ x }, n) => {
    let z = model.b;
    for (let i = 0; i < x.idx.length; i++) z += model.w[x.idx[i]!]! * scale * x.val[i]!;
    out[n] = 1 / (1 + Math.exp(-z));
  });
  return out;
}

/**
 * What the rules alone say about each text, so the threshold for "rules or classifier" (the way
 * assessItem scores a text without schools) can be chosen on the same cross-validation folds.
 */
interface RuleView {
  flagged: boolean;
  /** Praise without hostility: the scorer damps the classifier (index.ts). */
  damped: boolean;
}
function ruleViews(rows: LabelledText[]): RuleView[] {
  return rows.map((r) => {
    const flagged = scoreItem({ title: '', text: r.text }, undefined, { classifier: false }).families.includes('abuse');
    const sig = abuseRules(buildDoc('', r.text));
    return { flagged, damped: sig.praised && !sig.hostile };
  });
}

/** The scorer's decision for text alone when the classifier's threshold is `t` (mirrors modelConfidence in index.ts). */
function combinedDecision(p: number, rule: RuleView, t: number): boolean {
  if (rule.flagged) return true;
  let conf = p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t);
  if (rule.damped) conf *= 0.6;
  return conf >= 0.5;
}

function bestCombined(probs: ArrayLike<number>, rules: RuleView[], labels: ArrayLike<number>): { threshold: number; macroF1: number } {
  let best = { threshold: 0.5, macroF1: -1 };
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const c = emptyCounts();
    for (let i = 0; i < labels.length; i++) count(c, combinedDecision(probs[i]!, rules[i]!, t), labels[i] === 1);
    const f = macroF1(c);
    if (f > best.macroF1) best = { threshold: Math.round(t * 100) / 100, macroF1: f };
  }
  return best;
}

function combinedF1At(probs: ArrayLike<number>, rules: RuleView[], labels: ArrayLike<number>, t: number): number {
  const c = emptyCounts();
  for (let i = 0; i < labels.length; i++) count(c, combinedDecision(probs[i]!, rules[i]!, t), labels[i] === 1);
  return macroF1(c);
}

const t0 = Date.now();
const dataDir = args.data!;
const tweetTrainRows = readTweetEval(`${dataDir}/tweeteval_offensive_train.tsv`);
const tweetTrain = featurise(tweetTrainRows);
const davidson = davidsonWeight > 0 ? featurise(readDavidson(`${dataDir}/davidson_labeled_data.tsv`, davidsonWeight)) : [];
const school = schoolWeight > 0 ? featurise(schoolItemsAsTraining(args.school!, schoolWeight)) : [];
const trainRules = ruleViews(tweetTrainRows);
console.log(`features: ${tweetTrain.length} TweetEval train, ${davidson.length} Davidson, ${school.length} school items (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

// k-fold cross-validation on TweetEval train to choose both thresholds
const rand = mulberry32(42);
const foldOf = tweetTrain.map(() => Math.floor(rand() * folds));
const oof = new Float64Array(tweetTrain.length);
for (let f = 0; f < folds; f++) {
  const trainPart = tweetTrain.filter((_, i) => foldOf[i] !== f).concat(davidson, school);
  const testIdx = tweetTrain.map((_, i) => i).filter((i) => foldOf[i] === f);
  const m = train(trainPart, f + 1);
  const p = predict(m, testIdx.map((i) => tweetTrain[i]!));
  testIdx.forEach((i, n) => (oof[i] = p[n]!));
}
const labels = Int8Array.from(tweetTrain.map((e) => e.y));
const cv = bestThreshold(oof, labels);
const cvCombined = bestCombined(oof, trainRules, labels);
const rulesOnly = emptyCounts();
trainRules.forEach((r, i) => count(rulesOnly, r.flagged, labels[i] === 1));
console.log(`cross-validation on TweetEval train: classifier macro-F1 ${pct(cv.macroF1)} at threshold ${cv.threshold}; rules alone ${pct(macroF1(rulesOnly))}; rules + classifier ${pct(cvCombined.macroF1)} at threshold ${cvCombined.threshold} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
if (args['cv-only']) process.exit(0);

const full = train(tweetTrain.concat(davidson, school), 7);
let maxAbs = 0;
for (const v of full.w) maxAbs = Math.max(maxAbs, Math.abs(v));
const scale = maxAbs / 127;
const q = new Int8Array(DIM);
for (let i = 0; i < DIM; i++) q[i] = Math.max(-127, Math.min(127, Math.round(full.w[i]! / scale)));

// TweetEval val: reported once, at thresholds fixed above; never used to choose anything
const valRows = readTweetEval(`${dataDir}/tweeteval_offensive_val.tsv`);
const tweetVal = featurise(valRows);
const valLabels = Int8Array.from(tweetVal.map((e) => e.y));
const valProbs = predict({ w: q, b: full.b }, tweetVal, scale);
const valFloat = macroF1At(predict(full, tweetVal), valLabels, cv.threshold);
const valQuant = macroF1At(valProbs, valLabels, cv.threshold);
const valCombined = combinedF1At(valProbs, ruleViews(valRows), valLabels, cvCombined.threshold);
console.log(`TweetEval val macro-F1 (not tuned on): classifier ${pct(valFloat)} float, ${pct(valQuant)} int8 at ${cv.threshold}; rules + classifier ${pct(valCombined)} at ${cvCombined.threshold}`);

// the sparse encoding pays off only when most buckets are zero; otherwise keep the dense one
const sparseEnc = encodeSparse(q);
const dense = Buffer.from(q.buffer).toString('base64');
const sparse = sparseEnc.data.length < dense.length ? sparseEnc : { data: dense, count: undefined };
const out = {
  version: FEATURE_VERSION,
  hashBits: HASH_BITS,
  bias: full.b,
  scale,
  threshold: cv.threshold,
  combinedThreshold: cvCombined.threshold,
  trainedOn: [
    'TweetEval offensive train (OLID / OffensEval 2019 sub-task A)',
    ...(davidson.length ? [`Davidson et al. 2017 (weight ${davidsonWeight})`] : []),
    ...(school.length ? [`Schoolwatch data/eval/items.jsonl (weight ${schoolWeight})`] : []),
  ],
  hyperParameters: { epochs, lr, l2, nb: nbMix, seeds, posWeight, folds },
  metrics: {
    cvMacroF1: Number(cv.macroF1.toFixed(4)),
    cvCombinedMacroF1: Number(cvCombined.macroF1.toFixed(4)),
    valMacroF1: Number(valQuant.toFixed(4)),
    valCombinedMacroF1: Number(valCombined.toFixed(4)),
  },
  attribution:
    'Derived weights only. TweetEval (Barbieri et al. 2020) / OLID (Zampieri et al. 2019); Davidson et al. 2017 (MIT). No source text is included.',
  nonZero: sparse.count,
  weights: sparse.data,
};
if (!args['dry-run']) {
  writeFileSync(args.out!, JSON.stringify(out) + '\n');
  console.log(`wrote ${args.out} (${(readFileSync(args.out!).length / 1024).toFixed(0)} KB, ${sparseEnc.count} non-zero weights, ${sparse.count === undefined ? 'dense' : 'sparse'}) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
} else {
  console.log(`(dry run) model would hold ${sparseEnc.count} non-zero weights, about ${((sparse.data.length + 1000) / 1024).toFixed(0)} KB`);
}
