/**
 * Round 9b reputation: kinds of reputation news the round-8 blind sets' writers used that the scorer missed (spent
 * blind-2026-12-01e/f, read as dev data), and the good news told in bad words it flagged. Scored as an item of an
 * invented school with the shipped school model (the full decision, not the rules alone), so each behaviour has a flag
 * side and an innocent twin sharing its words. The sentences are written for this test; the kinds come from the misses,
 * not their wording (data/lexicons/kinds-9b-rep.tsv, rules/reputation.ts, school-model.ts schoolLineProbability).
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';
import { scoreItem } from '../../lib/score';

const schools = loadSchoolsFile([{ id: 'thornleigh', name: 'Thornleigh Academy', aliases: ['Thornleigh'] }]);
const families = (text: string, title = '') => assessItem({ id: 'x', school: 'thornleigh', title, text }, schools).families;
/** The categories the rules alone find at the threshold. */
const rules = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false }).categories.map((c) => c.id);

describe('a school named once, in one line of a digest, with a damaging fact', () => {
  it('a roundup, council minutes or a newsletter digest whose school line is reputation news flags', () => {
    for (const text of [
      'What a week in the village: the bowls club finally got its new green, the bakery on Mill Lane turned forty, and Thornleigh Academy was fined £25,000 after a pupil broke his arm on a collapsed bench. Back next Friday with the carnival plans.',
      'Odds and ends: the library reopens on Monday, the pantomime has sold out, and Thornleigh Academy has had to shut its kitchen after a food hygiene rating of 1. Packed lunches for now.',
      'Agenda item 4: members noted the Ombudsman finding against Thornleigh Academy over its handling of a complaint about a pupil. Item 5: the allotment fees. Item 6: any other business.',
      'Town notes: the market moves to Saturdays, and parents were picketing the gates of Thornleigh this morning over the new uniform rules. Roadworks on the bypass continue into March.',
    ]) expect(families(text), text).toContain('reputation');
  });
  it('the same digests whose school line is good or ordinary news do not', () => {
    for (const text of [
      'What a week in the village: the bowls club finally got its new green, the bakery on Mill Lane turned forty, and Thornleigh Academy won £2,500 for its new garden. Back next Friday with the carnival plans.',
      'Odds and ends: the library reopens on Monday, the pantomime has sold out, and the Thornleigh canteen got a food hygiene rating of 5. Well done all.',
      'Agenda item 4: members noted the Thornleigh Academy summer fair raised £3,000 for the hospice. Item 5: the allotment fees. Item 6: any other business.',
    ]) expect(families(text), text).not.toContain('reputation');
  });
  it('a rumour of a closure asked on a reply line and rebutted stays unflagged', () => {
    for (const text of [
      '> is it true Thornleigh is getting merged with the high school?\n\nNo, the consultation was about the infants. The head confirmed there are no plans at all.',
      'Heard Thornleigh is facing closure? Not true, the trust has said it is staying open and numbers are up.',
    ]) expect(families(text), text).not.toContain('reputation');
  });
});

describe('staff leaving in numbers', () => {
  it('"lost four of its teachers", "a third of the staff have left", the fourth head in three years', () => {
    for (const text of [
      'Thornleigh Academy has lost five of its eight science teachers since September, and the trust admits Year 11 have had supply cover all term.',
      'Thornleigh is on its fourth head in three years. Parents are at the end of their tether.',
      'Figures out today show Thornleigh Academy has the worst teacher turnover in the county, with 21 staff leaving last year.',
    ]) expect(families(text), text).toContain('reputation');
  });
  it('a retirement, a single leaver with good wishes, and a school that lost a football match do not', () => {
    for (const text of [
      'After thirty years at Thornleigh, Mrs Hale retires this summer. Thank you for everything!',
      'Thornleigh lost four nil to Grange Park on Saturday but the lads played their hearts out.',
      'Mr Ito leaves Thornleigh at Christmas to become a head in Leeds; we wish him every success.',
    ]) expect(families(text), text).not.toContain('reputation');
  });
});

describe('a provision lost, food safety, pupils led away by police', () => {
  it('a unit closing for want of money, food poisoning, a pupil taken out in cuffs, flags', () => {
    for (const text of [
      'Thornleigh Academy\'s autism unit will close at Easter after the trust said it could no longer afford it, leaving nine families looking for places.',
      'Police at Thornleigh again this morning, a Year 11 lad was taken out in cuffs in front of everyone.',
    ]) expect(families(text), text).toContain('reputation');
  });
  it('food poisoning at the school is found by the rules and flagged', () => {
    // close to the line: p 0.63 against the 0.63 a rule-backed reputation flag needs (a retrain before round 9c's merge
    // left it at 0.64 against 0.66); the rule finding is what the stacker reads
    const text = 'Half of Year 7 at Thornleigh came down with food poisoning after Tuesday\'s lunch and the school has said nothing.';
    expect(rules(text)).toContain('reputation.criticism');
    expect(families(text)).toContain('reputation');
  });
  it('the canteen closing early for a holiday, a food safety lesson and police visiting a careers fair do not', () => {
    for (const text of [
      'Reminder: the Thornleigh canteen will close early on Friday for the Christmas lunch, so please send a snack.',
      'Year 9 at Thornleigh learnt how to avoid food poisoning in food tech today, and made brilliant pasta salads.',
      'PC Amos came to the Thornleigh careers fair and showed Year 10 the handcuffs and the radio. Great morning!',
    ]) expect(families(text), text).not.toContain('reputation');
  });
});

describe('a school leaving special measures', () => {
  it('a headline that it lifts special measures, or an Estyn removal from the category, is good news', () => {
    expect(families('Thornleigh Academy has been taken out of special measures after inspectors praised its leaders.', 'Thornleigh lifts special measures')).not.toContain('reputation');
    expect(families('Three years after being placed in special measures, Thornleigh Academy has been removed from the category by Estyn, with inspectors praising its progress.')).not.toContain('reputation');
  });
  it('a school placed in special measures is still flagged', () => {
    expect(families('Thornleigh Academy has been placed in special measures after inspectors found weak leadership.', 'Thornleigh in special measures')).toContain('reputation');
  });
});

describe('a school fined, found liable or settling, and a member of staff charged', () => {
  it('"hit with a fine", "found liable", "paid a settlement", a headline that a teacher is charged', () => {
    for (const text of [
      'Thornleigh Academy hit with a fine after a Year 5 girl trapped her hand in a broken fire door. Shocking.',
      'A judge has found Thornleigh Academy liable for the injuries a pupil suffered on a rotten climbing frame.',
      'FOI answer: Thornleigh Academy paid a settlement last year over a pupil injured on the school field.',
    ]) expect(families(text), text).toContain('reputation');
    expect(families('Thornleigh Academy PE teacher charged', 'Thornleigh Academy PE teacher CHARGED')).toContain('reputation');
  });
  it('a price charged for a trip and a fine for a library book are not', () => {
    for (const text of [
      'Thornleigh Academy music teacher charged £5 for the concert tickets, which seems fair to me.',
      'Thornleigh Academy charged us for the trip twice but the office sorted it in a day. Lovely staff.',
    ]) expect(families(text), text).not.toContain('reputation');
  });
});

describe('a body at the school asking questions', () => {
  it('the police or a regulator "now in" the school "asking questions", or the school "looked into by" one', () => {
    for (const text of [
      'So the police are in Thornleigh Academy today asking questions. I would love to know what happened.',
      'Thornleigh Academy being looked into by the Charity Commission? Does anyone know why?',
    ]) expect(families(text), text).toContain('reputation');
  });
  it('pupils asking questions of a visiting police officer are not', () => {
    for (const text of [
      'Year 6 at Thornleigh Academy spent the morning asking questions about online safety. Brilliant session, thank you all!',
      'The police visited Thornleigh Academy today and Year 4 were asking questions about their jobs all morning. Thank you!',
    ]) expect(families(text), text).not.toContain('reputation');
    expect(rules('The police visited Thornleigh Academy today and Year 4 were asking questions about their jobs all morning.')).not.toContain('reputation.investigation');
  });
});

describe('pupils fighting on video, and staff leaving told with where they worked', () => {
  it('a video of pupils fighting flags; "a third of the teachers at X have left" is found by the rules', () => {
    expect(families('Video of two Thornleigh Academy pupils fighting on the field is all over TikTok, kids filming and cheering.')).toContain('reputation');
    expect(rules('A third of the teachers at Thornleigh Academy have left since the new head arrived.')).toContain('reputation.criticism');
  });
  it('pupils "fighting fit" on a video, and a third of the teachers at a training day, are not', () => {
    expect(families('A video of Year 6 pupils at Thornleigh Academy fighting fit after the fun run, well done all!')).not.toContain('reputation');
    expect(rules('A video of Year 6 pupils at Thornleigh Academy fighting fit after the fun run, well done all!')).not.toContain('reputation.criticism');
    expect(rules('A third of the teachers at Thornleigh Academy went on the science training day and loved it.')).not.toContain('reputation.criticism');
  });
  it('an investigation "was looked into" and found baseless is concluded, not news of one', () => {
    expect(rules('The rumour about Thornleigh Academy was looked into by the trust and found to be baseless.')).not.toContain('reputation.investigation');
  });
});
