/**
 * Round 6 end-of-round review fixes in the abuse rules (rules alone, no classifier). Each case was found by trying
 * ordinary sentences about a school through the real code; sentences are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('review: "14 88" inside a longer number is an identifier, not an extremist code', () => {
  it('does not flag an NI number, a phone number, a payroll number or a bus number holding "14 88"', () => {
    for (const text of [
      'Mr Hale\'s NI number is VD 14 88 30 B, pass it on.',
      'Elmfield staff NI: AB 12 14 88 C',
      'Tel 01632 14 88 20 for Elmfield reception.',
      'Mr Hale\'s payroll number is 14 88 2031.',
    ]) expect(ids(text), text).not.toContain('abuse.extremist');
  });

  it('still flags 14/88 and 1488 standing alone', () => {
    for (const text of [
      'Someone sprayed 14/88 on the Elmfield bike shed and the head left it there.',
      'Mr Hale at Elmfield is proper 1488, everyone knows it.',
      'Elmfield lads chanting 14 88 at the match.',
    ]) expect(ids(text), text).toContain('abuse.extremist');
  });
});
