/** The abuse classifier's model file, its encoding and the shared match cache. */
import { describe, expect, it } from 'vitest';
import { ABUSE_COMBINED_THRESHOLD, ABUSE_MODEL_THRESHOLD, abuseProbability, decodeWeights, encodeSparse, type AbuseModelFile } from '../../lib/score/classifier';
import { findAll, findAllCached } from '../../lib/score/document';
import { extractFeatures, featureDot, FEATURE_VERSION, HASH_BITS } from '../../lib/score/features';
import { TEXT_ALONE_CLASSIFIER_MARGIN } from '../../lib/score';
import model from '../../lib/score/model/abuse-lr.json';

describe('abuse classifier model', () => {
  const file = model as AbuseModelFile;

  it('matches the feature extractor and stays small', () => {
    expect(file.version).toBe(FEATURE_VERSION);
    expect(file.hashBits).toBe(HASH_BITS);
    expect(JSON.stringify(file).length).toBeLessThan(1.5 * 1024 * 1024);
    expect(decodeWeights(file).length).toBe(1 << HASH_BITS);
  });

  it('has thresholds chosen by cross-validation and a text-alone margin that reaches the combined one', () => {
    expect(ABUSE_MODEL_THRESHOLD).toBeGreaterThan(0.05);
    expect(ABUSE_MODEL_THRESHOLD).toBeLessThan(0.95);
    expect(ABUSE_MODEL_THRESHOLD + TEXT_ALONE_CLASSIFIER_MARGIN).toBeCloseTo(ABUSE_COMBINED_THRESHOLD, 10);
    expect(file.metrics.cvMacroF1).toBeGreaterThanOrEqual(0.75);
  });

  it('round-trips the sparse weight encoding', () => {
    const q = new Int8Array(1 << 12);
    q[0] = -127;
    q[5] = 3;
    q[300] = 127;
    q[4095] = -1;
    const enc = encodeSparse(q);
    expect(enc.count).toBe(4);
    const back = decodeWeights({ ...file, hashBits: 12, nonZero: enc.count, weights: enc.data });
    expect([...back]).toEqual([...q]);
  });

  it('separates plain abuse from plain praise', () => {
    expect(abuseProbability('@user you are a pathetic lying idiot, shut up')).toBeGreaterThan(0.7);
    expect(abuseProbability('Lovely concert tonight, well done to the choir')).toBeLessThan(0.2);
  });

  it('extracts the same features however often it is called', () => {
    const a = extractFeatures('You absolute CLOWN, WHAT a joke #fail');
    extractFeatures('something else entirely');
    const b = extractFeatures('You absolute CLOWN, WHAT a joke #fail');
    expect([...b.idx]).toEqual([...a.idx]);
    expect([...b.val]).toEqual([...a.val]);
    const norm = a.val.reduce((s, v) => s + v * v, 0);
    expect(norm).toBeCloseTo(1, 5);
  });
});

describe('featureDot', () => {
  it('equals the dot product with extractFeatures, including repeated and long texts', () => {
    const w = new Float32Array(1 << HASH_BITS);
    for (let i = 0; i < w.length; i++) w[i] = Math.sin(i * 12.9898) * 0.5;
    const texts = ['You absolute CLOWN, WHAT a joke #fail', 'idiot idiot idiot idiot', '', 'lovely day at the fete '.repeat(400)];
    for (const t of texts) {
      const v = extractFeatures(t);
      let z = 0;
      for (let i = 0; i < v.idx.length; i++) z += w[v.idx[i]!]! * v.val[i]!;
      expect(featureDot(w, t)).toBeCloseTo(z, 5);
    }
  });
});

describe('findAllCached', () => {
  it('returns what findAll returns, for the text it was given', () => {
    const re = /\b(?:idiot|clown)s?\b/g;
    const s1 = 'what an idiot, clowns all of them';
    const s2 = 'no insults here';
    expect(findAllCached(s1, re)).toEqual(findAll(s1, re));
    expect(findAllCached(s2, re)).toEqual([]);
    expect(findAllCached(s1, re)).toEqual(findAll(s1, re));
  });
});
