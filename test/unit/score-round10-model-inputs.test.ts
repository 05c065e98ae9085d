/**
 * Round 10, the school model's inputs: words the n-grams learnt from harassment campaigns kept from them when the item
 * has no campaign in it, and the abuse words weighed apart once the rules read them as someone else's (counter-speech).
 * Both failed as contrasts after the round-10 retrain without them: a PE teacher's training routine flagged as abuse
 * (p 0.49 at 0.31), and a quoted insult answered "Out of order, Kev" flagged from its words alone.
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';
import { ruleParts } from '../../lib/score';
import { mutedSpans } from '../../lib/score/rules/muted';
import { DENSE_FEATURES, denseFeatures } from '../../lib/score/school-model';

const schools = loadSchoolsFile([{ id: 'wendholm', name: 'Wendholm Primary School', aliases: ['Wendholm'] }]);
const families = (text: string) => assessItem({ id: 'x', school: 'wendholm', text }, schools).families;
const muted = (text: string) => {
  const doc = ruleParts({ title: '', text }).doc;
  return mutedSpans(doc).map((s) => doc.clean.text.slice(s.start, s.end));
};

describe('words of persistence with no campaign in the item', () => {
  it('are kept from the n-grams when nobody is contacted and nothing hostile is said', () => {
    expect(muted('Mrs Lund at Wendholm knits morning noon and night for the fair, forty hats so far.')).toContain('morning noon and night');
    expect(muted('Mr Tarrant answered parents day and night during the floods at Wendholm.')).toContain('day and night');
  });
  it('are read as usual beside a contact act or a hostile word: that is the campaign', () => {
    expect(muted('Everyone email Mrs Lund at Wendholm morning noon and night until she cracks.')).toEqual([]);
    expect(muted('Mrs Lund at Wendholm is a useless cow, morning noon and night she moans.')).toEqual([]);
  });
  it('the campaign still flags, the routine does not', () => {
    expect(families('Everyone email Mrs Lund at Wendholm morning noon and night until she cracks. 20 each a day minimum.')).toContain('abuse');
    expect(families('Mr Pike at Wendholm swims forty lengths each morning, morning noon and night he trains for the Channel.')).not.toContain('abuse');
  });
});

describe('abuse words the rules read as discounted', () => {
  it('reach the stacker as their own input, the n-gram logit times "discounted"', () => {
    const at = (name: string) => DENSE_FEATURES.indexOf(name);
    expect(at('ngram:abuse*discounted')).toBeGreaterThan(-1);
    const quoted = ruleParts({ title: '', text: '> Kev: Mr Abbott at Wendholm is a thick smug waste of space\nOut of order, Kev. He runs the chess club for free.' });
    const own = ruleParts({ title: '', text: 'Mr Abbott at Wendholm is a thick smug waste of space.' });
    const q = denseFeatures(quoted, 1, [2.5, 0, 0]);
    const o = denseFeatures(own, 1, [2.5, 0, 0]);
    expect(q[at('abuse:discounted')]).toBe(1);
    expect(q[at('ngram:abuse*discounted')]).toBe(2.5);
    expect(o[at('ngram:abuse*discounted')]).toBe(0);
  });
  it('a quoted insult condemned by the writer is not abuse; the writer saying it is', () => {
    expect(families('> Kev: Mr Abbott at Wendholm is a thick smug waste of space\nOut of order, Kev. He runs the chess club for free.')).not.toContain('abuse');
    expect(families('Mr Abbott at Wendholm is a thick smug waste of space.')).toContain('abuse');
  });
});
