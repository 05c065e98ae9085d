/**
 * The shipped abuse classifier: logistic regression over hashed features (see features.ts), trained
 * by scripts/train-abuse.ts. Weights are int8-quantised; model/abuse-lr.json stores only the non-zero
 * ones (base64 of varint index gaps, each followed by its int8 weight).
 */
import model from './model/abuse-lr.json';
import { featureDot, FEATURE_VERSION, HASH_BITS, type SparseVector } from './features';
import type { StackerFile } from './stacker';

export interface AbuseModelFile {
  version: number;
  hashBits: number;
  bias: number;
  scale: number;
  /** Probability at which the model alone calls a text offensive (chosen by cross-validation on train). */
  threshold: number;
  /**
   * Probability at which the classifier flags when it works together with the rules on text alone
   * (assessItem without schools), chosen by cross-validation on train for "rules or classifier".
   */
  combinedThreshold?: number;
  /** Text-alone abuse decision over the classifier and the rules (stacker.ts), fitted on out-of-fold predictions. */
  stacker?: StackerFile;
  /** Number of non-zero weights when `weights` is sparse; absent for the older dense encoding. */
  nonZero?: number;
  weights: string;
  trainedOn: string[];
  metrics: Record<string, number>;
  attribution: string;
}

/** Sparse encoding: for each non-zero weight in index order, varint(index - previous index) then the int8 weight. */
export function encodeSparse(q: Int8Array): { data: string; count: number } {
  const bytes: number[] = [];
  let prev = 0;
  let count = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === 0) continue;
    let gap = i - prev;
    prev = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(q[i]! & 0xff);
    count++;
  }
  return { data: Buffer.from(bytes).toString('base64'), count };
}

export function decodeWeights(file: AbuseModelFile): Int8Array {
  const buf = Buffer.from(file.weights, 'base64');
  if (file.nonZero === undefined) return new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Int8Array(1 << file.hashBits);
  let pos = 0;
  let idx = 0;
  for (let n = 0; n < file.nonZero; n++) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[pos++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    idx += gap;
    const v = buf[pos++]!;
    out[idx] = v > 127 ? v - 256 : v;
  }
  if (pos !== buf.length) throw new Error('abuse model weights are corrupt');
  return out;
}

const file = model as AbuseModelFile;
let scaled: Float32Array | undefined;

/** Weights times the quantisation scale, decoded on first use (so the trainer can import this module before a model exists). */
function weights(): Float32Array {
  if (scaled) return scaled;
  if (file.version !== FEATURE_VERSION || file.hashBits !== HASH_BITS) {
    throw new Error(`abuse model was trained with feature version ${file.version}/${file.hashBits} bits; run npm run train`);
  }
  const q = decodeWeights(file);
  scaled = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) scaled[i] = q[i]! * file.scale;
  return scaled;
}

export function linearScore(v: SparseVector, w: ArrayLike<number>, scale: number, bias: number): number {
  let z = 0;
  for (let i = 0; i < v.idx.length; i++) z += w[v.idx[i]!]! * v.val[i]!;
  return bias + z * scale;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The classifier's int8 weights and their scale: the school-mode decision reads them in one pass with its own (school-model.ts). */
export function abuseQuantised(): { q: Int8Array; scale: number } {
  weights();
  return { q: decodeWeights(file), scale: file.scale };
}
export const ABUSE_BIAS = file.bias;

/** The classifier's logit (log-odds that the text is offensive). */
export function abuseLogit(text: string, clean?: string): number {
  return file.bias + featureDot(weights(), text, clean);
}

/** Probability that the text is offensive, 0..1. */
export function abuseProbability(text: string, clean?: string): number {
  return sigmoid(abuseLogit(text, clean));
}

/** The text-alone stacker shipped with the model, if any. */
export const ABUSE_STACKER: StackerFile | undefined = file.stacker;

export const ABUSE_MODEL_THRESHOLD = file.threshold;
/** Classifier threshold for text scored alone, where the rules flag alongside it (see AbuseModelFile). */
export const ABUSE_COMBINED_THRESHOLD = file.combinedThreshold ?? file.threshold;
