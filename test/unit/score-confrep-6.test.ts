/**
 * Contrast pairs for the confidential and reputation kinds of round 6 (issue 11): each behaviour has a flagged side
 * and an unflagged side that shares its words, scored by the rules alone (no classifier, no school model), so a
 * failure points at a rule or a lexicon line. Sentences are written for this test (the kinds come from the misses
 * of the spent sets blind-2026-11-30f and heldout-e; the wording does not).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('identifiers by their format in context', () => {
  it('a UPN-shaped number counts after a UPN label or on a record line with a full name, whatever its check letter', () => {
    for (const text of [
      'Found a class sheet in the car park: Ruby Okonjo, Year 8, UPN B513309274416.',
      'Tomasz Wilk | Elmfield Academy | 04/07/2013 | B513309274416',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it('the same shape as an order or tracking reference, with no label and no name, is not one', () => {
    expect(ids('Elmfield Academy uniform order B513309274416 dispatched 04/07/2025.')).not.toContain('confidential.contact-details');
  });
  it('"date o\' birth" is a date-of-birth label like "date of birth"', () => {
    expect(ids("Leaked register page from Elmfield: Kai Brennan, date o' birth 14/02/2012.")).toContain('confidential.contact-details');
    expect(ids('Elmfield sports day moved to 14/02/2026 because of the rain.')).not.toContain('confidential.contact-details');
  });
});

describe('who discloses: the speaker of "says" read from its clause start', () => {
  it('"someone in the office says", "one of the mums said" pass a member of staff\'s illness on as hearsay', () => {
    for (const text of [
      'Wondering why Mrs Abara is never at Elmfield? Somebody who works in the Elmfield kitchen says shingles.',
      'Mr Lusk at Elmfield is off with shingles, one of the dads at football said.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the school or a spokesperson saying it is a public statement', () => {
    for (const text of [
      'Mr Lusk at Elmfield is off with shingles, the school said.',
      'Mr Lusk at Elmfield is off with shingles, a spokesperson for the trust said.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("a member of staff's own number and home", () => {
  it('"their own phone is" after "skip the office" is a personal number', () => {
    expect(ids('Want Mrs Abara from Elmfield about the trip? Skip the office, her own phone is 07700 900318.')).toContain('confidential.contact-details');
  });
  it("the school office's number given as the office's is not", () => {
    expect(ids('Want Mrs Abara from Elmfield about the trip? Ring the office, the number is 01632 960318.')).not.toContain('confidential.contact-details');
  });
  it('a house, a street and a postcode with a titled person and a word that it is their home, in the next sentence', () => {
    expect(ids('Free bike, collect from Ivy Cottage, Mill Lane, HG4 2PT. Knock for Mr Lusk from Elmfield, it is his house.')).toContain('confidential.contact-details');
  });
  it('the same address as an event venue is not a home', () => {
    expect(ids('Elmfield PTA quiz at Ivy Cottage, Mill Lane, HG4 2PT. Mr Lusk is the quizmaster.')).not.toContain('confidential.contact-details');
  });
});

describe('a photo of a named pupil placed at the school by its name', () => {
  it('a full name near a school word, in a photo posted or attached, is a named pupil in a photo', () => {
    for (const text of [
      'Doorbell cam caught Leon Achebe and Maisie Groat from Elmfield Academy pinching apples off our tree. Posting the still so their mams see [image]',
      'Pic 3 of my camera roll: Maisie Groat fast asleep on the Elmfield Academy coach, mouth open, tagged her 😂',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('said with the parents\' consent, or an honorific before the name (an adult), it is not', () => {
    for (const text of [
      'Pic 3 of my camera roll: the Elmfield Academy minibus, names shared with parental consent: Maisie Groat and Leon Achebe.',
      'Photo from the Elmfield Academy fun run: Councillor Maisie Groat handing out the medals [image]',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('reputation: money the school pays, with its sum', () => {
  it('a payment, penalty or damages beside a sum in one sentence is a reported sanction', () => {
    for (const text of [
      'Elmfield Academy has agreed to pay £40,000 in damages to a former pupil injured on a trip.',
      'Court round-up: Elmfield Academy admitted breaching fire regulations; penalty £9,500 plus costs.',
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('a sum the school raised or a price is not', () => {
    for (const text of [
      'The Elmfield Academy PTA raised £2,300 at the Christmas fair, which will pay for new library books.',
      'The Elmfield Academy Year 6 residential costs £310 and is fine value for three nights.',
    ]) expect(ids(text), text).not.toContain('reputation.sanction');
  });
});

describe('reputation: an emergency service located at the school', () => {
  it('"police at …", "ambulance outside …" is an incident on its own', () => {
    for (const text of [
      'Police at Elmfield Academy again this morning, a van outside reception. Third time this month.',
      'Ambulance outside Elmfield Academy for an hour after lunch, no word from the school.',
    ]) expect(ids(text), text).toContain('reputation.criticism');
  });
  it('a police visit to give a talk is not', () => {
    expect(ids('Police visited Elmfield Academy to give a road safety talk to Year 5.')).not.toContain('reputation.criticism');
  });
});

describe("a member of staff's home or car told by description", () => {
  it('a residence word, a place word and a named street, said of a member of staff, is a home address', () => {
    for (const text of [
      "Elmfield's deputy, Mrs Corran, lives off Pennick Lane, the house with the blue gate.",
      'The Elmfield caretaker bides on Tollcross Wynd, the end hoose wi the caravan.',
    ]) expect(ids(text), text).toContain('confidential.contact-details');
  });
  it('"lives for" a team, or the school\'s own street, is not', () => {
    for (const text of [
      'Mr Corran from Elmfield lives for his rugby, Pennick Road end every Saturday.',
      'Elmfield Academy is on Pennick Lane, next to the Co-op; the head lives locally.',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
  it('a registration plate beside a car word and a member of staff identifies the car', () => {
    expect(ids('The Elmfield head drives the grey Volvo, reg LP19 XKT, parks on the zigzags every morning.')).toContain('confidential.contact-details');
    expect(ids('Police appeal: a car, reg LP19 XKT, was seen speeding outside Elmfield Academy.')).not.toContain('confidential.contact-details');
  });
});

describe('a matter kept inside until a set time', () => {
  it('a results figure beside a results word, in an item that says it is not public yet, is a leak', () => {
    for (const text of [
      'Elmfield GCSE results came in to staff today, 42% strong pass in English. Not published till Thursday so shh.',
      'Elmfield A-level results embargoed till the 14th but my neighbour says 61% A*-B. Keep it here.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('published results, or advice that tells nobody anything, are not', () => {
    for (const text of [
      'Elmfield GCSE results are out today: 42% strong pass in English, up on last year. Well done everyone!',
      "I'm not telling anyone what to think about Elmfield's 42% pass rate, just read the league table.",
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
  it('an internal decision with words that say it is not public yet counts as leaked', () => {
    expect(ids('Elmfield governors agreed last night to cut two TA posts. Not public until the letter goes out, keep it here.').filter((c) => c === 'confidential.internal')).toHaveLength(1);
  });
});

describe("a death or loss in a member of staff's family", () => {
  it("a titled member of staff's relative who died, or their compassionate leave, is private", () => {
    for (const text of [
      "Mrs Oduya's mum passed away on Sunday, that's why Elmfield Year 3 have a supply all week.",
      'Elmfield: Mr Brack is on compassionate leave after losing his wife, so 6B has cover.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a poem or lesson about a death, or the writer\'s own family, is not', () => {
    for (const text of [
      'Mrs Oduya at Elmfield read a poem about how her dad died in the war, a lovely assembly.',
      "Mrs Oduya at Elmfield was brilliant with us when my son's dad passed away last year.",
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a name standing alone as a sentence', () => {
  it('the sentence after a name-only fragment says what it is about the child', () => {
    expect(ids('Ellis Marwood. Permanently excluded. Elmfield Academy. About time.')).toContain('confidential.pupil-personal');
  });
  it('a fragment followed by something about someone else is not', () => {
    expect(ids('Ellis Marwood. Great goal on Saturday. Elmfield Academy reviewed its exclusions policy.')).not.toContain('confidential.pupil-personal');
  });
});

describe("who publishes: a community body's newsletter is not the school's", () => {
  it("a parish or mosque newsletter passing on a teacher's illness discloses it", () => {
    expect(ids('Parish newsletter: please pray for Mrs Teague from Elmfield, off with pneumonia since half term.')).toContain('confidential.staff-personal');
  });
  it("the school's own newsletter publishes it", () => {
    expect(ids('School newsletter: Mrs Teague from Elmfield is off with pneumonia since half term; we wish her well.')).not.toContain('confidential.staff-personal');
  });
});

describe('reputation: harm to a pupil, a fall in results', () => {
  it('a pupil harmed, or results that fell, said in one sentence, is a reported incident', () => {
    for (const text of [
      'A Year 8 pupil was taken to hospital after a chemical spill in a science lab at Elmfield Academy.',
      'The share of Elmfield Academy pupils getting a grade 4 in English and maths fell from 58% to 41%.',
    ]) expect(ids(text), text).toContain('reputation.criticism');
  });
  it('pupils raising money for a hospital, or sickness that fell beside results that rose, is not', () => {
    for (const text of [
      'Elmfield Academy pupils raised £500 for the hospital that treated a classmate last year.',
      "Elmfield Academy's GCSE results rose again; the number of pupils off sick fell this winter.",
    ]) expect(ids(text), text).not.toContain('reputation.criticism');
  });
});
