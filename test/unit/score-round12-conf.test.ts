/**
 * Round 12 contrast pairs for the confidential kinds, in general wording with invented schools: each behaviour is a kind
 * (a structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the rules alone
 * (no classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-12-conf.tsv,
 * rules/confidential.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('a place named in a parent\'s question about schools is no pupil', () => {
  it('a named pupil with a need still counts', () => {
    for (const text of [
      'Brackenfield Academy or the school in town? Toby Hartnell in Year 2 has dyslexia and his mum says support there is poor.',
      'Brackenfield Academy, Year 4. Maisie Crowther has an EHCP and is still left in the corridor every afternoon.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a village or an area after "out at", "moving to", or ending on "End"/"Common" is where the family looks', () => {
    for (const text of [
      'Relocating in spring with a 7yo. Brackenfield Academy or the little school out at Hobbs Hollow? Daughter has dyslexia so support matters most.',
      'Moving to Tarnside Common with a Year 2 boy. Brackenfield Academy or the one near the church? Son has mild dyslexia, any views?',
      'Brackenfield Academy or Fallow End Primary for a 6yo with autism? We are house hunting near both.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('an e-mail pasted as text, with its header lines', () => {
  it('a leaders-only e-mail pasted into a chat is an internal document passed on', () => {
    for (const text of [
      "Pasted into the wrong chat, sorry everyone:\n'From: Head, Brackenfield Academy\nTo: SLT only\nRe: selling the minibus to pay for the roof\nThis must not reach parents before Friday.'",
      'Someone put this in the PTA group:\nFrom: Business Manager\nSubject: the pool\nGovernors only, not for parents yet.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it("the school's own e-mail to families, with the same header lines, tells them", () => {
    for (const text of [
      "Got this today:\n'From: Head, Brackenfield Academy\nTo: all parents\nRe: selling the minibus to pay for the roof\nWe will sell the minibus on Friday, thank you for your patience.'",
      'Someone put this in the PTA group:\nFrom: Business Manager\nSubject: the pool\nThe pool reopens for parents and toddlers on Saturday.',
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe("a doctor's note by its everyday names, and whose it is", () => {
  it("a member of staff's GP's note or doctor's note passed on counts, as a sick note does", () => {
    for (const text of [
      "Mystery solved re Mr Ashdown's missing runs. GP's note from Brackenfield Academy HR lists vertigo.",
      "Mrs Quill has handed Brackenfield Academy a doctor's note for a slipped disc.",
      'Word is Mrs Quill from Brackenfield Academy sent in a med cert for six weeks.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it("the writer's own note handed to a member of staff is no one else's", () => {
    for (const text of [
      "My GP's note went to Brackenfield Academy today, so Mr Ashdown knows why I missed parents' evening.",
      'I handed my sick note to Mrs Quill at Brackenfield Academy, she was lovely about it.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a question that ends on a doubled stop ("??")', () => {
  it("the reply under a question about a titled member of staff is about them", () => {
    for (const text of [
      "> why is Mr Tolland never in his classroom??\n>> Brackenfield Academy office gossip: a capability plan\n> yikes",
      '> has anyone seen Miss Ardent lately??\n> off with stress since half term',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same reply under a question about no one in particular is no one\'s', () => {
    for (const text of [
      "> why are the classrooms never tidy??\n>> Brackenfield Academy office gossip: a capability plan for the cleaning firm\n> yikes",
      '> has anyone seen the new minibus lately??\n> off the road with a breakdown since half term',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});
