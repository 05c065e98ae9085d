/**
 * Contrast pairs for the false alarms of round 7 (issue 11): the rules aimed at the school community, not at someone
 * outside it, the writer's own family, or the writer's own street. Each behaviour has a flagged side and an unflagged
 * side that shares its words, scored by the rules alone (no classifier, no school model), so a failure points at a rule,
 * a structure cue or a lexicon line. The sentences are written for this test (invented schools); the kinds come from
 * the false alarms of the spent sets blind-2026-12-01c and -d and the spent functional half heldout-g (their wording is
 * not reused).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const ids = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false }).categories.map((c) => c.id);
const families = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false }).families;

describe('someone outside the school community criticised', () => {
  it('a member of staff called a scumbag is abuse', () => {
    for (const text of [
      "Mr Hale who teaches at Elmfield is a grade A scumbag. Hope you're proud of yourself.",
      'The caretaker at Elmfield is an absolute scumbag.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('a member of staff, or someone from the school, who took something and is called a scumbag is abuse', () => {
    for (const text of [
      'Mr Hale has nicked the Elmfield minibus money again. Hope ye get caught ya scumbag.',
      'Some of the staff at Elmfield stole the trip money. Absolute scumbags.',
      'Some idiot teacher at Elmfield nicked my son\'s phone. Scumbag.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('some unknown doer who stole from the school, called names or asked who would, is not', () => {
    for (const text of [
      'Some scrote has nicked the Elmfield minibus catalytic converter again. Hope ye get caught ya scumbag.',
      'Some low life nicked the Elmfield playground bench the PTA bought. Who steals from a primary school??',
      'Whoever robbed the lead off the Elmfield sports hall roof is a proper scumbag, it\'s kids\' PE you\'re ruining.',
    ]) expect(families(text), text).not.toContain('abuse');
  });
  it('whoever stole from or broke into the school, called the same, is not', () => {
    for (const text of [
      "Whoever stole the Christmas lights off Elmfield school railings is a grade A scumbag. The kids made those. Hope you're proud of yourself.",
      'Whoever broke into the Elmfield sports shed is an absolute scumbag.',
    ]) expect(families(text), text).not.toContain('abuse');
  });

  it('families criticising the head, or protesting outside the school against its policy, is reputation', () => {
    expect(ids('Families of pupils at Elmfield School have criticised the headteacher after a timetable change left children waiting two hours.')).toContain('reputation.criticism');
    expect(ids("Parents will protest outside Elmfield School on Thursday against the head's new uniform policy.")).toContain('reputation.protest');
  });
  it('the council criticising the school, or the school apologising, is reputation', () => {
    expect(ids('The county council criticised Elmfield School over its handling of the complaint.')).toContain('reputation.criticism');
    expect(ids('Elmfield School apologised after the trip was cancelled.')).toContain('reputation.apology');
  });
  it('the school criticising the council, or the council apologising, is not', () => {
    expect(ids('Elmfield School has criticised the county council over transport.')).not.toContain('reputation.criticism');
    expect(ids('Taxis for Elmfield pupils were late again. The council apologised.')).not.toContain('reputation.apology');
  });
  it('families criticising the council over transport, or protesting outside its offices, is not', () => {
    expect(families('Families of pupils at Elmfield School have criticised Wessex County Council after a change of taxi firm left children waiting two hours for transport. The council apologised and said the problems were fixed.', 'Council criticised over school transport')).not.toContain('reputation');
    expect(families("Families of pupils at Elmfield School will protest outside County Hall on Thursday against the council's plans to cut transport.", 'Parents to protest over transport cuts')).not.toContain('reputation');
  });
});

describe("the writer's own family", () => {
  it("a titled member of staff's condition, or someone else's named grandchild's, is a disclosure", () => {
    expect(ids('Mrs Dane at Elmfield has been off for weeks. She has multiple sclerosis.')).toContain('confidential.staff-personal');
    expect(ids('Mr Dane at Elmfield has been off since Easter. He\'s 45. He has cerebral palsy.')).toContain('confidential.staff-personal');
    expect(ids('Her grandson Ben Khan in Year 4 at Elmfield has cerebral palsy.')).toContain('confidential.pupil-personal');
  });
  it("the writer's own grandchild or child, told by the writer, is not", () => {
    for (const text of [
      'My granddaughter is at Elmfield. She has Rett syndrome and the staff there are angels.',
      'Alfie started at Elmfield in September. He\'s eleven. He has Angelman syndrome.',
      'My grandson goes to Elmfield. He has cerebral palsy and they have been brilliant with him.',
    ]) expect(ids(text), text).toEqual([]);
  });
  it("a member of staff's diagnosis asked prayers for, or passed on by the writer's child, is a disclosure", () => {
    for (const text of [
      'Prayers please for Mrs Dane at Elmfield after her diagnosis with breast cancer.',
      'My son told me Mr Dane at Elmfield has been diagnosed with cancer.',
      "My son's teacher Mrs Dane at Elmfield has had a miscarriage.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it("the family's own child, by name, thanked for prayers after a diagnosis or an operation, is not", () => {
    for (const text of [
      'Thank you so much for all your prayers for our Archie (Year 3, Elmfield Primary) after his diagnosis with cystic fibrosis. The school have been wonderful.',
      "Thank you all for the prayers for our Seren (Year 10, Elmfield). She's come through her heart surgery. The school have been amazing.",
    ]) expect(ids(text), text).toEqual([]);
  });
});

describe('a slur reported by the parent it was said to', () => {
  it('the slur said of a pupil is abuse', () => {
    expect(families("Elmfield's new lad is a p*ki.")).toContain('abuse');
  });
  it("a parent telling that their son keeps being called it is not", () => {
    for (const text of [
      "Ma boy's been getting called a p*ki at Elmfield every day for a month. The school keep saying they're dealing with it.",
      'My son was called a p*ki at Elmfield again today. Posting so other parents know.',
    ]) expect(families(text), text).not.toContain('abuse');
  });
});

describe('special measures, in and out', () => {
  it('a school put into special measures is a poor inspection', () => {
    expect(ids('Elmfield Academy has been put into special measures after inspectors found weak leadership.', 'Academy placed in special measures')).toContain('reputation.inspection');
  });
  it('a school that has moved out of special measures, now rated requires improvement, is not', () => {
    expect(ids('Elmfield Academy is no longer in special measures after inspectors found rapid improvement. The school is now rated requires improvement.', 'Academy moves out of special measures')).not.toContain('reputation.inspection');
  });
});

describe("a letter-writer's own street", () => {
  it("a member of staff's street is a home address", () => {
    expect(ids('Mr Hale from Elmfield lives on Chapel Lane.')).toContain('confidential.contact-details');
    expect(ids('Mr Hale from Elmfield lives at 14 Chapel Lane.')).toContain('confidential.contact-details');
  });
  it('the writer saying where they live is not', () => {
    for (const text of [
      'Sir, I live on Chapel Lane in Marlcombe and twice a day the road becomes a car park outside Elmfield.',
      'We live at 14 Chapel Lane, opposite Elmfield, and the school run parking is dreadful.',
    ]) expect(ids(text), text).not.toContain('confidential.contact-details');
  });
});

describe('a rumour about a member of staff, passed on and rebutted', () => {
  it('the claim said as fact is damaging', () => {
    for (const text of [
      'Mr Dane up at Elmfield drinks in the classroom. Everyone knows.',
      'Mr Dane for Elmfield takes backhanders for school places. Na true!',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('the claim reported and called rot or a lie (British and Nigerian Pidgin rebuttals) is not', () => {
    for (const text of [
      'Folk in the pub saying Mr Dane up at Elmfield drinks in the classroom. Utter rot.',
      'Dem dey yarn say Mr Dane for Elmfield takes backhanders for school places. Na lie!',
    ]) expect(families(text), text).not.toContain('abuse');
  });
});
