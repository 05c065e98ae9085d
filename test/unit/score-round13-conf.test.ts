/**
 * Round 13 contrast pairs for the confidential kinds, in general wording with invented schools: each behaviour is a kind
 * (a structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the rules alone
 * (no classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-13-conf.tsv,
 * rules/credentials.ts, rules/confidential.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('a password-shaped token said to be what an account or system runs on', () => {
  it('a secret used for, or set as the password for, a system or account counts', () => {
    for (const text of [
      "Office managers' group: Brackenfield Academy uses Kestrel#42 for the staff wifi. Is that secure enough?",
      'We use Otter_77 for CPOMS at Brackenfield Academy, should we change it?',
      "Brackenfield Academy has set Heron2026! as the password for the parent email account.",
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it("a product's name, or a name with digits that is no secret, used for the same system does not", () => {
    for (const text of [
      "Office managers' group: Brackenfield Academy uses Arbor for the staff wifi bookings. Is that good enough?",
      'We use Office365 for the staff email at Brackenfield Academy, should we change it?',
      'Brackenfield Academy uses Go4Schools for homework and the parent account.',
      'Brackenfield Academy uses Room12 for the exam system training.',
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('the word for a password in the languages of UK families', () => {
  it('Romanian "parola la … este …" with a secret counts', () => {
    for (const text of [
      'Parola la the staff wifi de la Brackenfield Academy este Kestrel#42. Nu o da la nimeni',
      'Heslo do SIMS na Brackenfield Academy je Otter_77, nikomu to nedávej',
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('the same words with no secret do not', () => {
    for (const text of [
      'Parola la the staff wifi de la Brackenfield Academy s-a schimbat azi, întrebați la birou.',
      'Heslo do SIMS na Brackenfield Academy se změnilo, zeptejte se v kanceláři.',
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('a junior age-group team marks the players as children', () => {
  it('a named player of an under-8s side snapped with an attached image counts', () => {
    for (const text of [
      'u8 netball snapped Harvey Thurtle bawling on the bench after we lost, in the Brackenfield Academy bib 😂 mum doesnt know [image]',
      'the U11s: snapped Harvey Thurtle on the bench [image]',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same photo with the family\'s permission, or an adult group, does not', () => {
    for (const text of [
      "u8 netball snapped Harvey Thurtle lifting the cup, with his mum's permission, in the Brackenfield Academy bib [image]",
      'my u3a walking group snapped Harvey Thurtle on the bench [image]',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('a member of staff off the named school, and the reason', () => {
  it('"off <school> with <reason>" and sick leave in other languages with its reason count', () => {
    for (const text of [
      "Choir notes: Dr Tunnicliffe won't be conducting until Easter; between us, they're off Brackenfield Academy with cellulitis.",
      "Mrs Whitlock's been off Brackenfield Academy with a ruptured Achilles from the staff netball.",
      'Dr Rowbotham de la Brackenfield Academy e în concediu medical, are a TIA. De aia au suplinitor.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('off the school with a class or a vehicle, or sick leave with no reason, does not', () => {
    for (const text of [
      'Mr Dunn took the choir off Brackenfield Academy with the minibus.',
      'Mr Dunn is off Brackenfield Academy with Year 6 on the residential.',
      'Dr Rowbotham de la Brackenfield Academy e în concediu medical. De aia au suplinitor.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a named child taken up again by a noun phrase in the next sentence', () => {
  it('"<Name>\'s family … The young one at <school> is <safeguarding fact>" counts', () => {
    for (const text of [
      "Gurdwara sangat update: ardas will include Aisha Dobson's family this Sunday. The young one at Brackenfield Academy is in foster care. Langar sewa rota below.",
      "Prayer list: please remember Aisha Dobson's family this week. The little one at Brackenfield Academy is the subject of a Section 47 enquiry.",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a next sentence about something else, or good news, does not', () => {
    for (const text of [
      "Gurdwara sangat update: ardas will include Aisha Dobson's family this Sunday. The new foster care drive at Brackenfield Academy needs volunteers.",
      "Gurdwara sangat update: ardas will include Aisha Dobson's family this Sunday. The young one at Brackenfield Academy won the art prize.",
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe("a school's one head named by the school, with no article", () => {
  it('"<school> primary head on garden leave", "academy deputy off with stress" count', () => {
    for (const text of [
      "brackenfield primary head on garden leave since half term. neighbour's a governor, says it's a grievance from the deputy.",
      'brackenfield primary head off with stress since half term, between us.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('any primary head, heads in the plural, or no private fact do not', () => {
    for (const text of [
      'any primary head on garden leave would say the same.',
      'brackenfield primary heads are on garden leave rules, says the union.',
      'brackenfield primary head was lovely at the fair.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a flat denial that is a whole sentence rebuts the claim before it', () => {
  it('"… posted that the head had been sacked. She hasn\'t." is no leak', () => {
    for (const text of [
      "Someone posted on here yesterday that the Brackenfield Primary School head had been sacked. She hasn't. I'm a parent governor - she is retiring in July.",
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
  it('"she hasn\'t been in since …" goes on to a fact, and still counts', () => {
    for (const text of [
      "brackenfield primary head on garden leave since half term. she hasn't been in since. neighbour's a governor, says it's a grievance",
      'Mr Dunn is off with stress. He hasn\'t been back since half term.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
});

describe("a document's mark of privacy in its own words", () => {
  it('"says PRIVATE in red" and "Poufne" beside a memo or a staff e-mail count', () => {
    for (const text of [
      "lads, the wife cleans at Brackenfield Academy and the staffroom printer spat out a memo on the trust's plan to merge the sixth form with the college. Says PRIVATE in red.",
      "Mój mąż pracuje w Brackenfield Academy, dostał maila do personelu: 'the trust's plan to merge the sixth form with the college'. Poufne, ale rodzice powinni wiedzieć.",
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('"private" alone, or a memo that "says it all", does not', () => {
    for (const text of [
      'lads, the wife cleans at Brackenfield Academy and the staffroom printer spat out a memo on the private tutor scheme for the sixth form.',
      "Brackenfield Academy sent a memo on the trust's plan to merge the sixth form with the college. Says it all really.",
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});
