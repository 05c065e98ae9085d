/**
 * Cross-validated sweep of the abuse classifier's training settings on TweetEval train only (an experiment tool: it
 * writes no model and never reads val or test). Featurises once, then for each setting prints out-of-fold macro-F1 at
 * its best threshold, AUC, log-loss and (with --stack) the text-alone stacker's macro-F1, on train-abuse.ts's folds.
 *
 *   npx tsx scripts/abuse-cv-sweep.ts --stack --configs 'base;l2=0.0003;seeds=6;dvw=0.2,dvNegW=0.6'
 *
 * Keys: dvw (Davidson weight), dvNegW / dvHateW (Davidson "neither" / "hate" rows' weight), scw (school items),
 * epochs, lr, l2, nb, seeds, pos (offensive-class weight), ea=1 (shared + per-source weights, "easy domain
 * adaptation", shipping shared + TweetEval). SUB=log|sqrt (env) re-weights repeated features sublinearly (approximate:
 * counts recovered from the normalised vector). MULTI=1 (env) writes out-of-fold logits of a Davidson-only model,
 * a TweetEval-only model and an un-scaled LR to MULTI_OUT (default /tmp/abuse-multi-oof.json) for stacker experiments.
 * Round 6's figures are in train-abuse.ts's header.
 */
import { parseArgs } from 'node:util';
import { extractFeatures, HASH_BITS, type SparseVector } from '../lib/score/features';
import { firstExisting, readTweetEval, schoolItemsAsTraining, type LabelledText } from './lib-eval/datasets';
import { readFileSync, writeFileSync } from 'node:fs';
import { bestThreshold, count, emptyCounts, macroF1, pct } from './lib-eval/metrics';
import { buildDoc } from '../lib/score/document';
import { fitDense, fitSparse, mulberry32 } from './lib-eval/logistic';
import { abuseRules } from '../lib/score/rules/abuse';
import { setLogit, stackFeatures, stackLogit, STRONG_RULE } from '../lib/score/stacker';

const { values: args } = parseArgs({ options: { configs: { type: 'string' }, 'fold-seed': { type: 'string', default: '42' }, stack: { type: 'boolean', default: false } } });
const DIM = 1 << HASH_BITS;
const data = firstExisting('../shared/datasets', '../../shared/datasets');
interface Ex { x: SparseVector; y: 0 | 1; src: 'tw' | 'dv' | 'sc'; dv?: number }
const twRows = readTweetEval(`${data}/tweeteval_offensive_train.tsv`);
const tw: Ex[] = twRows.map((r) => ({ x: extractFeatures(r.text), y: r.label, src: 'tw' }));
const dvRows = readFileSync(`${data}/davidson_labeled_data.tsv`, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)] as const);
const dv: Ex[] = dvRows.map(([l, t]) => ({ x: extractFeatures(t), y: l === '2' ? 0 : 1, src: 'dv', dv: Number(l) }));
const sc: Ex[] = schoolItemsAsTraining('data/eval/items.jsonl', 1).map((r: LabelledText) => ({ x: extractFeatures(r.text), y: r.label, src: 'sc' }));
function sublinear(x: SparseVector, kind: string): SparseVector {
  let mn = Infinity;
  for (const v of x.val) if (v > 0 && v < mn) mn = v;
  const val = Float32Array.from(x.val, (v) => { const raw = Math.round(v / mn); return kind === 'log' ? 1 + Math.log(raw) : kind === 'sqrt' ? Math.sqrt(raw) : raw; });
  let n2 = 0;
  for (const v of val) n2 += v * v;
  const inv = 1 / Math.sqrt(n2 || 1);
  for (let i = 0; i < val.length; i++) val[i] = val[i]! * inv;
  return { idx: x.idx, val };
}
if (process.env.SUB) for (const e of [...tw, ...dv, ...sc]) e.x = sublinear(e.x, process.env.SUB);
const labels = Int8Array.from(tw.map((e) => e.y));
const stackBase: Float64Array[] = [];
const strong: boolean[] = [];
if (args.stack) {
  for (const r of twRows) {
    const doc = buildDoc('', r.text);
    const sig = abuseRules(doc);
    stackBase.push(stackFeatures(0, sig, doc));
    strong.push(sig.findings.some((f) => f.confidence >= STRONG_RULE));
  }
}
const folds = 5;
const rand = mulberry32(Number(args['fold-seed']));
const foldOf = tw.map(() => Math.floor(rand() * folds));

interface Cfg { name: string; ea?: number; eaL2?: number; dvw: number; dvNegW?: number; dvHateW?: number; scw: number; epochs: number; lr: number; l2: number; nb: number; seeds: number; pos: number; alpha?: number }
const base: Cfg = { name: 'base', dvw: 0.2, scw: 2, epochs: 5, lr: 0.2, l2: 1e-4, nb: 0.7, seeds: 3, pos: 1 };

function nbRatios(d: { x: SparseVector; y: number; w: number }[], alpha = 1): Float64Array {
  const pos = new Float64Array(DIM).fill(alpha);
  const neg = new Float64Array(DIM).fill(alpha);
  for (const { x, y, w } of d) {
    const t = y === 1 ? pos : neg;
    for (let i = 0; i < x.idx.length; i++) t[x.idx[i]!] = t[x.idx[i]!]! + w;
  }
  let sp = 0, sn = 0;
  for (let j = 0; j < DIM; j++) { sp += pos[j]!; sn += neg[j]!; }
  const r = new Float64Array(DIM);
  for (let j = 0; j < DIM; j++) r[j] = Math.log(pos[j]! / sp / (neg[j]! / sn));
  return r;
}
/** "Frustratingly easy" domain adaptation: shared weights plus per-domain weights; returns shared + domain 0 (TweetEval). */
function fitEA(rows: { idx: Int32Array; val: Float32Array; y: number; w: number; d: number }[], c: Cfg, seed: number): { w: Float64Array; b: number } {
  const D = 3;
  const W = Array.from({ length: D + 1 }, () => new Float64Array(DIM));
  const G = Array.from({ length: D + 1 }, () => new Float64Array(DIM).fill(1e-8));
  const B = new Float64Array(D + 1);
  const GB = new Float64Array(D + 1).fill(1e-8);
  const rand = mulberry32(seed);
  const order = rows.map((_, i) => i);
  const ea = c.ea ?? 1;
  const l2d = c.eaL2 ?? c.l2;
  for (let ep = 0; ep < c.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const k of order) {
      const e = rows[k]!;
      const Wd = W[1 + e.d]!, W0 = W[0]!;
      let z = B[0]! + B[1 + e.d]!;
      for (let i = 0; i < e.idx.length; i++) z += (W0[e.idx[i]!]! + ea * Wd[e.idx[i]!]!) * e.val[i]!;
      const g = (1 / (1 + Math.exp(-z)) - e.y) * e.w;
      if (g === 0) continue;
      for (const [Wx, Gx, l2, sc] of [[W0, G[0]!, c.l2, 1], [Wd, G[1 + e.d]!, l2d, ea]] as const) {
        for (let i = 0; i < e.idx.length; i++) {
          const j = e.idx[i]!;
          const gi = g * sc * e.val[i]! + l2 * Wx[j]!;
          Gx[j] = Gx[j]! + gi * gi;
          Wx[j] = Wx[j]! - (c.lr * gi) / Math.sqrt(Gx[j]!);
        }
      }
      for (const bi of [0, 1 + e.d]) {
        GB[bi] = GB[bi]! + g * g;
        B[bi] = B[bi]! - (c.lr * g) / Math.sqrt(GB[bi]!);
      }
    }
  }
  const w = new Float64Array(DIM);
  for (let j = 0; j < DIM; j++) w[j] = W[0]![j]! + ea * W[1]![j]!;
  return { w, b: B[0]! + B[1]! };
}
function trainCfg(d: { x: SparseVector; y: number; w: number; d?: number }[], c: Cfg, seed: number): { w: Float64Array; b: number } {
  const w = new Float64Array(DIM);
  let b = 0;
  let r: Float64Array | undefined;
  if (c.nb > 0) {
    r = nbRatios(d, c.alpha ?? 1);
    for (let j = 0; j < DIM; j++) r[j] = 1 - c.nb + c.nb * r[j]!;
  }
  const rows = d.map((e) => ({ idx: e.x.idx, val: r ? e.x.val.map((v, i) => v * r![e.x.idx[i]!]!) : e.x.val, y: e.y, w: e.w, d: e.d ?? 0 }));
  for (let s = 0; s < c.seeds; s++) {
    const m = c.ea ? fitEA(rows, c, seed * 1000 + s) : fitSparse(rows, DIM, { epochs: c.epochs, lr: c.lr, l2: c.l2, seed: seed * 1000 + s });
    for (let j = 0; j < DIM; j++) w[j] = w[j]! + (m.w[j]! * (r ? r[j]! : 1)) / c.seeds;
    b += m.b / c.seeds;
  }
  return { w, b };
}
function weighted(c: Cfg) {
  const wOf = (e: Ex) => {
    let w = e.src === 'tw' ? 1 : e.src === 'sc' ? c.scw : e.dv === 2 ? (c.dvNegW ?? c.dvw) : e.dv === 0 ? (c.dvHateW ?? c.dvw) : c.dvw;
    if (e.y === 1) w *= c.pos;
    return w;
  };
  return wOf;
}
function auc(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSum = 0, npos = 0;
  idx.forEach((i, r) => { if (y[i] === 1) { rankSum += r + 1; npos++; } });
  const nneg = y.length - npos;
  return (rankSum - (npos * (npos + 1)) / 2) / (npos * nneg);
}
const logitOf = (p: number) => Math.log(Math.max(1e-7, p) / Math.max(1e-7, 1 - p));
function run(c: Cfg) {
  const t0 = Date.now();
  const wOf = weighted(c);
  const extra = [...(c.dvw > 0 || c.dvNegW ? dv : []), ...(c.scw > 0 ? sc : [])].map((e) => ({ x: e.x, y: e.y, w: wOf(e), d: e.src === 'dv' ? 1 : e.src === 'sc' ? 2 : 0 })).filter((e) => e.w > 0);
  const oof = new Float64Array(tw.length);
  for (let f = 0; f < folds; f++) {
    const part = tw.filter((_, i) => foldOf[i] !== f).map((e) => ({ x: e.x, y: e.y, w: wOf(e), d: 0 })).concat(extra);
    const m = trainCfg(part, c, f + 1);
    tw.forEach((e, i) => {
      if (foldOf[i] !== f) return;
      let z = m.b;
      for (let k = 0; k < e.x.idx.length; k++) z += m.w[e.x.idx[k]!]! * e.x.val[k]!;
      oof[i] = 1 / (1 + Math.exp(-z));
    });
  }
  const bt = bestThreshold(oof, labels);
  let ll = 0;
  oof.forEach((p, i) => (ll -= labels[i] ? Math.log(Math.max(p, 1e-9)) : Math.log(Math.max(1 - p, 1e-9))));
  let stackMsg = '';
  if (args.stack) {
    const X = stackBase.map((x, i) => setLogit(Float64Array.from(x), logitOf(oof[i]!)));
    const so = new Float64Array(X.length);
    for (let f = 0; f < folds; f++) {
      const idx = X.map((_, i) => i).filter((i) => foldOf[i] !== f);
      const s = fitDense(idx.map((i) => X[i]!), idx.map((i) => labels[i]!), new Float64Array(idx.length).fill(1), 1);
      X.forEach((x, i) => { if (foldOf[i] === f) so[i] = 1 / (1 + Math.exp(-stackLogit(x, s))); });
    }
    let best = { t: 0, f: -1 };
    for (let t = 0.05; t <= 0.951; t += 0.01) {
      const cc = emptyCounts();
      for (let i = 0; i < labels.length; i++) count(cc, so[i]! >= t || strong[i]!, labels[i] === 1);
      const f = macroF1(cc);
      if (f > best.f) best = { t, f };
    }
    stackMsg = ` stack ${pct(best.f)}@${best.t.toFixed(2)}`;
  }
  console.log(`${c.name.padEnd(28)} cv ${pct(bt.macroF1)}@${bt.threshold} auc ${(auc(oof, labels) * 100).toFixed(2)} ll ${(ll / tw.length).toFixed(4)}${stackMsg} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
}
if (process.env.MULTI) {
  const c: Cfg = { ...base, name: 'multi' };
  const wOf = weighted(c);
  const extra = [...dv, ...sc].map((e) => ({ x: e.x, y: e.y, w: wOf(e), d: 0 }));
  const oof = new Float64Array(tw.length);
  for (let f = 0; f < folds; f++) {
    const part = tw.filter((_, i) => foldOf[i] !== f).map((e) => ({ x: e.x, y: e.y, w: 1, d: 0 })).concat(extra);
    const m = trainCfg(part, c, f + 1);
    tw.forEach((e, i) => { if (foldOf[i] === f) oof[i] = dot(m, e.x); });
  }
  const out: Record<string, number[]> = { base: [...oof] };
  // Davidson-only models: predictions on TweetEval train are out of sample without folds
  const dvOff = trainCfg(dv.map((e) => ({ x: e.x, y: e.y, w: 1 })), { ...c, nb: 0.7 }, 5);
  out.dvOff = tw.map((e) => dot(dvOff, e.x));
  const dvHate = trainCfg(dv.map((e) => ({ x: e.x, y: e.dv === 0 ? 1 : 0, w: 1 })), { ...c, nb: 0.7 }, 6);
  out.dvHate = tw.map((e) => dot(dvHate, e.x));
  // TweetEval alone, and plain LR without NB scaling, out of fold
  for (const [name, cc, withExtra] of [['twOnly', c, false], ['plain', { ...c, nb: 0 }, true]] as const) {
    const o = new Float64Array(tw.length);
    for (let f = 0; f < folds; f++) {
      const part = tw.filter((_, i) => foldOf[i] !== f).map((e) => ({ x: e.x, y: e.y, w: 1, d: 0 })).concat(withExtra ? extra : []);
      const m = trainCfg(part, cc, f + 11);
      tw.forEach((e, i) => { if (foldOf[i] === f) o[i] = dot(m, e.x); });
    }
    out[name] = [...o];
  }
  writeFileSync(process.env.MULTI_OUT ?? '/tmp/abuse-multi-oof.json', JSON.stringify(out));
  console.log('wrote multi');
  process.exit(0);
}
function dot(m: { w: Float64Array; b: number }, x: SparseVector): number {
  let z = m.b;
  for (let k = 0; k < x.idx.length; k++) z += m.w[x.idx[k]!]! * x.val[k]!;
  return z;
}
console.log(`featurised ${tw.length} tw, ${dv.length} dv, ${sc.length} sc`);
for (const spec of (args.configs ?? 'base').split(';')) {
  const c: Cfg = { ...base, name: spec };
  if (spec !== 'base') for (const kv of spec.split(',')) { const [k, v] = kv.split('='); (c as unknown as Record<string, number>)[k!] = Number(v); }
  run(c);
}
