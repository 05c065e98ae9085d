/**
 * Long items (a scraped page with no full stops, a pasted thread) must cost time in proportion to their length:
 * a poll Lambda has a timeout, and one feed item must not use it up. These tests count the regular-expression
 * runs over long strings (no timings: speed is measured in bench/), and that a pathological token scores at all.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { assessItem } from '../../lib/score/assess';
import { buildDoc } from '../../lib/score/document';
import { misconductClaims } from '../../lib/score/rules/defamation';
import { school } from '../support/fixtures';

/**
 * How many times a regular expression is run from the start of a string of at least `min` characters while `run`
 * runs. Global and sticky ones are left out: a loop over their matches carries on from `lastIndex`, so reads once.
 */
function longRegexRuns(min: number, run: () => void): number {
  let count = 0;
  const { test, exec } = RegExp.prototype;
  // patched by hand, not with a spy: a spy's own bookkeeping runs regular expressions too
  RegExp.prototype.test = function (this: RegExp, s: string) {
    if (s.length >= min && !this.global && !this.sticky) count++;
    return test.call(this, s);
  };
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (s.length >= min && !this.global && !this.sticky) count++;
    return exec.call(this, s);
  };
  try {
    run();
  } finally {
    RegExp.prototype.test = test;
    RegExp.prototype.exec = exec;
  }
  return count;
}

describe('misconduct claims on a long item', () => {
  it('reads each long sentence and the whole item a bounded number of times, not once per verb', () => {
    for (const text of ['the caretaker took the money '.repeat(300), 'Mr Smith took the money for the trip. '.repeat(300)]) {
      const doc = buildDoc('', text);
      let claims = 0;
      const runs = longRegexRuns(5_000, () => (claims = misconductClaims(doc, () => true).length));
      expect(claims, text.slice(0, 40)).toBeGreaterThan(0);
      expect(runs, text.slice(0, 40)).toBeLessThan(20);
    }
  });

  it('still finds the claim, and still lets court news anywhere in the item clear it', () => {
    const claim = buildDoc('', 'Honestly. Mr Smith took the money for the trip.');
    expect(misconductClaims(claim, () => true)).toHaveLength(1);
    const news = buildDoc('Caretaker in court', 'Mr Smith took the money for the trip, the court heard.');
    expect(misconductClaims(news, () => true)).toHaveLength(0);
  });
});

describe('a pathological token', () => {
  it('a 40,000–50,000-character token of digits or of letters and digits scores instead of throwing, with and without the school model', () => {
    const s = school({ id: 'northgate', name: 'Northgate Park Academy' });
    for (const token of ['7'.repeat(50_000), 'a1'.repeat(20_000)]) {
      const text = `Northgate Park Academy ${token}`;
      expect(() => scoreItem({ title: '', text })).not.toThrow();
      expect(() => assessItem({ id: 'x', school: 'northgate', title: '', text }, new Map([['northgate', s]]))).not.toThrow();
    }
  });
});
