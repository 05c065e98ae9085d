/**
 * Round 10 abuse recall: kinds of polite abuse and veiled threat the spent sets blind-2026-12-02a/-b and heldout-i showed
 * the scorer missing, each with a near miss that shares its words and must not flag. Scored as an item of an invented
 * school through the full decision (`families`). The sentences are written for this test; only the kinds come from the
 * spent sets.
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';
import { ruleParts } from '../../lib/score/index';

const schools = loadSchoolsFile([{ id: 'hollins', name: 'Hollinsgate Academy', aliases: ['Hollinsgate'] }]);
const families = (text: string) => assessItem({ id: 'x', school: 'hollins', text }, schools).families;
/** The rule categories that fired, before the trained decision weighs them (for kinds the model was not trained on). */
const ruleCategories = (text: string) => ruleParts({ title: '', text }).findings.filter((f) => f.confidence >= 0.5).map((f) => f.category);

describe('money moved to a private end by someone at the school, stated as fact', () => {
  it('a resource moved into a relative\'s or the person\'s own firm or account is a claim of wrongdoing', () => {
    for (const text of [
      "I'll put this as neutrally as I can. The bursar of Hollinsgate has been moving foundation money into his brother's property company for years.",
      "I'm sure Mr Lowe has his good points, but the head of Hollinsgate has been channelling the school funds to his wife's catering firm.",
      'With respect, the business manager at Hollinsgate transferred the trip money into her own account last spring.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('moving house to a relative\'s, or moving money between budget lines, is not', () => {
    for (const text of [
      "Mrs Dale at Hollinsgate moved to her mum's after the op, so the school run is different now.",
      "The business manager at Hollinsgate moved to her sister's for the summer holidays.",
      'Mr Pike at Hollinsgate gave a lift to his mate\'s son after the match.',
    ]) expect(families(text), text).not.toContain('abuse');
  });
});

describe('a person at the school drinking at school time, or pocketing money held for a group', () => {
  it('"drinks in the car park before lessons", "pockets the Scout subs" are claims of misconduct however politely put', () => {
    for (const text of [
      "Politely, and I'll only say it once: Ms Varga (Hollinsgate Academy) drinks in the car park before lessons. Have a lovely weekend.",
      'Respectfully, parents should be told that Dr Oduya at Hollinsgate Academy quietly pockets the Scout subs.',
      'I hope this does not come across as unkind, but Mrs Kaye at Hollinsgate drinks in the staffroom at lunch and then teaches Year 4.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('drinking something ordinary, a denial, or collecting the subs is not', () => {
    for (const text of [
      'Mr Pryce at Hollinsgate drinks tea in the staffroom at lunch with the TAs, lovely man.',
      'Mr Pryce at Hollinsgate never drinks before lessons, it is a silly rumour.',
      'Mr Pryce at Hollinsgate collects the Scout subs every week for the camp fund, he is the treasurer.',
    ]) expect(families(text), text).not.toContain('abuse');
  });
});

describe('confining children, claimed of the staff', () => {
  it('staff locking children in a room is a claim of misconduct (a rule finding; the model weighs the new kind after retraining)', () => {
    const text = 'I hesitate to post this, but staff at Hollinsgate Academy routinely lock children in the calm room for hours.';
    expect(ruleCategories(text), text).toContain('abuse.disparaging');
  });
  it('locking the children\'s gate is not', () => {
    const text = "The caretaker at Hollinsgate locks the children's gate at 3.15 every day, so use the front entrance.";
    expect(ruleCategories(text), text).not.toContain('abuse.disparaging');
    expect(families(text), text).not.toContain('abuse');
  });
});

describe('a writer who knows someone\'s routine and remarks that it leaves them exposed', () => {
  it('"I know which fell he runs up every Sunday. Lonely spot, that." is a veiled threat', () => {
    for (const text of [
      "Strachan at Hollinsgate dropped my daughter from the team. I know which fell he runs up every Sunday at 7. Lonely spot, that. Easy to slip.",
      "Mr Pryce at Hollinsgate got my lad banned from the trip. I know what time she walks the dog and nobody's around then. Just saying.",
      'Mr Pryce at Hollinsgate failed my son. I know where he will be every Sunday morning. Lonely spot, that.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('knowing a routine with no hostile remark, or for an everyday reason, is not', () => {
    for (const text of [
      'Mr Pryce at Hollinsgate is training for the Great North Run. I know which fell he runs up every Sunday at 7 because he posts it, amazing effort.',
      'Mrs Kaye from Hollinsgate is lovely. I know where she walks the dog, we go the same way most mornings.',
    ]) expect(families(text), text).not.toContain('abuse');
  });
});

describe('a campaign organised as turns so the contact never stops', () => {
  it('"we take turns to WhatsApp-bomb Mr X so it never stops" is a campaign', () => {
    for (const text of [
      "Ok here's the rota. We take turns to WhatsApp-bomb Mr Pryce (Hollinsgate Academy) so it never stops. 40 volunteers.",
      'Right, taking turns to text-bomb Mrs Kaye at Hollinsgate in shifts, so it never stops. Screenshot everything.',
    ]) expect(families(text), text).toContain('abuse');
  });
  it('turns taken at a stall or on a pick-up rota are not', () => {
    for (const text of [
      'Hollinsgate PTA: we take turns on the tuck shop so it never stops, 40 volunteers signed up, thank you all.',
      "Pick-up rota for Hollinsgate: we take turns to collect Mrs Kaye's twins, no let-up in this rain!",
    ]) expect(families(text), text).not.toContain('abuse');
  });
});

describe('a claim circulated and called fiction', () => {
  it('"a screenshot\'s circulating claiming Dr X drinks in the car park before lessons. Utter fiction." is a rumour rebutted', () => {
    for (const text of [
      "Cubs Akela here: a screenshot's circulating claiming Dr Oduya of Hollinsgate Academy drinks in the car park before lessons. Utter fiction. Please delete.",
      "A post is going round claiming Mr Pryce at Hollinsgate forged the SATs results. Total fiction, the school has said so.",
    ]) expect(families(text), text).not.toContain('abuse');
  });
  it('the same claim the writer makes, without calling it fiction, is abuse', () => {
    const text = "Politely, and I'll only say it once: Ms Varga (Hollinsgate Academy) drinks in the car park before lessons. Have a lovely weekend.";
    expect(families(text), text).toContain('abuse');
  });
});
