/** Small logistic-regression fitters shared by the training scripts (deterministic). */

/** Deterministic PRNG so training is reproducible. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SparseExample {
  idx: Int32Array;
  val: Float32Array;
  y: number;
  w: number;
}

/** Hashed-feature logistic regression by AdaGrad SGD with L2, over `dim` buckets. */
export function fitSparse(data: readonly SparseExample[], dim: number, opts: { epochs: number; lr: number; l2: number; seed: number }): { w: Float64Array; b: number } {
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  let b = 0;
  let gb = 1e-8;
  const rand = mulberry32(opts.seed);
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const e = data[k]!;
      let z = b;
      for (let i = 0; i < e.idx.length; i++) z += w[e.idx[i]!]! * e.val[i]!;
      const g = (1 / (1 + Math.exp(-z)) - e.y) * e.w;
      if (g === 0) continue;
      for (let i = 0; i < e.idx.length; i++) {
        const j = e.idx[i]!;
        const gi = g * e.val[i]! + opts.l2 * w[j]!;
        g2[j] = g2[j]! + gi * gi;
        w[j] = w[j]! - (opts.lr * gi) / Math.sqrt(g2[j]!);
      }
      gb += g * g;
      b -= (opts.lr * g) / Math.sqrt(gb);
    }
  }
  return { w, b };
}

export function sparseLogit(m: { w: ArrayLike<number>; b: number }, e: { idx: Int32Array; val: Float32Array }): number {
  let z = m.b;
  for (let i = 0; i < e.idx.length; i++) z += m.w[e.idx[i]!]! * e.val[i]!;
  return z;
}

/** Weighted logistic regression by Newton's method on standardised features with a ridge; weights returned on the raw scale. */
export function fitDense(xs: readonly ArrayLike<number>[], ys: ArrayLike<number>, ws: ArrayLike<number>, ridge = 1): { weights: number[]; bias: number } {
  const d = xs[0]!.length;
  const n = xs.length;
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += ws[i]!;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = mean[j]! + (ws[i]! * xs[i]![j]!) / wsum;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] = sd[j]! + (ws[i]! * (xs[i]![j]! - mean[j]!) ** 2) / wsum;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const D = d + 1;
  const w = new Float64Array(D);
  const z = new Float64Array(D);
  for (let iter = 0; iter < 40; iter++) {
    const g = new Float64Array(D);
    const H = new Float64Array(D * D);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      for (let j = 0; j < d; j++) z[j] = (x[j]! - mean[j]!) / sd[j]!;
      z[d] = 1;
      let s = 0;
      for (let j = 0; j < D; j++) s += w[j]! * z[j]!;
      const p = 1 / (1 + Math.exp(-s));
      const r = (p - ys[i]!) * ws[i]!;
      const h = p * (1 - p) * ws[i]!;
      for (let a = 0; a < D; a++) {
        g[a] = g[a]! + r * z[a]!;
        for (let c = a; c < D; c++) H[a * D + c] = H[a * D + c]! + h * z[a]! * z[c]!;
      }
    }
    for (let a = 0; a < D; a++) for (let c = 0; c < a; c++) H[a * D + c] = H[c * D + a]!;
    for (let j = 0; j < d; j++) {
      g[j] = g[j]! + ridge * w[j]!;
      H[j * D + j] = H[j * D + j]! + ridge;
    }
    H[d * D + d] = H[d * D + d]! + 1e-9;
    const delta = solve(H, g, D);
    let step = 0;
    for (let j = 0; j < D; j++) {
      w[j] = w[j]! - delta[j]!;
      step = Math.max(step, Math.abs(delta[j]!));
    }
    if (step < 1e-9) break;
  }
  const weights: number[] = [];
  let bias = w[d]!;
  for (let j = 0; j < d; j++) {
    weights.push(w[j]! / sd[j]!);
    bias -= (w[j]! * mean[j]!) / sd[j]!;
  }
  return { weights, bias };
}

/** Solve A x = b (A is D×D, row-major) by Gaussian elimination with partial pivoting. */
export function solve(A: Float64Array, b: Float64Array, D: number): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < D; c++) {
    let piv = c;
    for (let r = c + 1; r < D; r++) if (Math.abs(M[r * D + c]!) > Math.abs(M[piv * D + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < D; k++) [M[c * D + k], M[piv * D + k]] = [M[piv * D + k]!, M[c * D + k]!];
      [x[c], x[piv]] = [x[piv]!, x[c]!];
    }
    const m = M[c * D + c]! || 1e-12;
    for (let r = c + 1; r < D; r++) {
      const f = M[r * D + c]! / m;
      if (!f) continue;
      for (let k = c; k < D; k++) M[r * D + k] = M[r * D + k]! - f * M[c * D + k]!;
      x[r] = x[r]! - f * x[c]!;
    }
  }
  for (let c = D - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let k = c + 1; k < D; k++) s -= M[c * D + k]! * x[k]!;
    x[c] = s / (M[c * D + c]! || 1e-12);
  }
  return x;
}
