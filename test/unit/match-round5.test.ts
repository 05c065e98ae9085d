/**
 * Round 5 of the mention decision (issue 11): kinds of error found in the spent blind sets d and e and the corpora
 * o and r (corpora n, p, q and every newer corpus kept unread as the check), each as a contrast in words of its own
 * (invented schools, people and places, not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, MENTION_TUNING, type MatchableSchool } from '../../lib/match';

const larch: MatchableSchool = { name: 'Larchfield Grammar School', aliases: ['Larchfield', 'Larchfield Grammar', 'LGS'], context: ['Eastmoor'], exclude: ['Larchfield Golf Club'] };

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

describe('mention: an item from the school\'s feed that never names it', () => {
  it('school life in specific words (a titled teacher, the gates, a year group) is the school; an item with none is not', () => {
    expect(m('Mrs Pendry was on the gates again at 8 in the sleet, knows every Year 3 child by name', larch)).toBe(true);
    expect(m('Mrs Pendry was on the allotment again at 8 in the sleet, knows every leek by name', larch)).toBe(false);
  });
  it('the head of year and a detention, with no other school named, is the school; naming another school is not', () => {
    expect(m('The head of year gave my son a detention for a missing tie. Ridiculous.', larch)).toBe(true);
    expect(m('The head of year at Crossmoor High gave my son a detention for a missing tie. Ridiculous.', larch)).toBe(false);
  });
  it('place words still outweigh it (a farm shop\'s staff, no school)', () => {
    expect(m('Farm shop staff said the turkeys sold out by Tuesday, lunch menu changed too', larch)).toBe(false);
  });
  it('off for a caller whose tuning says never', () => {
    expect(matchSchool({ title: '', text: 'The head of year gave my son a detention for a missing tie.' }, larch, { ...MENTION_TUNING, unnamedSupport: Infinity }).mentioned).toBe(false);
  });
});
