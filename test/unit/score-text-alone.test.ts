/** Text scored alone (no school): the stacker decides the abuse family; strong rules still flag. */
import { describe, expect, it } from 'vitest';
import { assessItem } from '../../lib/score/assess';
import { ABUSE_STACKER, abuseLogit, type AbuseModelFile } from '../../lib/score/classifier';
import { scoreItem } from '../../lib/score';
import { buildDoc } from '../../lib/score/document';
import { abuseRules } from '../../lib/score/rules/abuse';
import { STACK_FEATURES, stackFeatures, stackProbability, STRONG_RULE } from '../../lib/score/stacker';
import model from '../../lib/score/model/abuse-lr.json';

const alone = (text: string) => scoreItem({ title: '', text }, undefined, { textAlone: true });

describe('text-alone stacker', () => {
  const file = model as AbuseModelFile;

  it('ships with the model, matches the feature list and beat the classifier alone in cross-validation', () => {
    expect(ABUSE_STACKER).toBeDefined();
    expect(ABUSE_STACKER!.features).toEqual([...STACK_FEATURES]);
    expect(ABUSE_STACKER!.weights).toHaveLength(STACK_FEATURES.length);
    expect(ABUSE_STACKER!.threshold).toBeGreaterThan(0.05);
    expect(ABUSE_STACKER!.threshold).toBeLessThan(0.95);
    expect(file.metrics.cvTextAloneMacroF1).toBeGreaterThanOrEqual(file.metrics.cvMacroF1!);
    expect(file.metrics.cvTextAloneMacroF1).toBeGreaterThanOrEqual(0.755);
  });

  it('gives a probability that rises with the classifier logit', () => {
    const doc = buildDoc('', 'what a day');
    const sig = abuseRules(doc);
    const lo = stackProbability(stackFeatures(-3, sig, doc), ABUSE_STACKER!);
    const hi = stackProbability(stackFeatures(3, sig, doc), ABUSE_STACKER!);
    expect(hi).toBeGreaterThan(lo);
  });

  it('flags plain abuse and strong rule findings, and leaves praise alone', () => {
    expect(alone('@user you are a pathetic lying idiot, shut up').families).toContain('abuse');
    const threat = alone("One more detention and I'll burn the place down.");
    expect(threat.categories.map((c) => c.id)).toContain('abuse.threat');
    expect(STRONG_RULE).toBeLessThanOrEqual(0.92);
    expect(alone('Lovely concert tonight, well done to the choir').flagged).toBe(false);
    expect(assessItem({ id: 'x', text: 'you are a pathetic idiot' }).flagged).toBe(true);
  });

  it('gates a weak rule finding when the stacker says no, keeping it visible in the score', () => {
    const text = '@user @user we need to name and shame these companies. I run a group which exposes them.';
    const doc = buildDoc('', text);
    const sig = abuseRules(doc);
    const rule = Math.max(...sig.findings.map((f) => f.confidence));
    expect(rule).toBeGreaterThanOrEqual(0.5);
    expect(rule).toBeLessThan(STRONG_RULE);
    expect(scoreItem({ title: '', text }).flagged).toBe(true);
    const p = stackProbability(stackFeatures(abuseLogit(doc.raw, doc.clean.text), sig, doc), ABUSE_STACKER!);
    const r = alone(text);
    if (p < ABUSE_STACKER!.threshold) {
      expect(r.flagged).toBe(false);
      expect(r.score).toBeCloseTo(0.49, 5);
    } else {
      expect(r.families).toContain('abuse');
    }
  });
});
