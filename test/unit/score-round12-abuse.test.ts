/**
 * Round 12 contrast pairs for abuse and its non-flag contrasts, in general wording with invented schools: each behaviour
 * is a kind (a structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the
 * rules alone (no classifier, no school model), so a failure points at a rule or a lexicon line
 * (data/lexicons/kinds-12-abuse.tsv, lib/score/structure.ts, lib/score/rules/abuse.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Fernleigh', 'Academy'] });
const ids = (text: string) => rules(text).categories.map((c) => c.id);

describe('a verdict on whoever says the insult ("wants their head testing")', () => {
  it('the insult endorsed after the same frame still counts', () => {
    for (const text of [
      'Whoever sez Mrs Oduya from Fernleigh Academy is a nasty piece of work is spot on.',
      'Anyone who says Mr Pike at Fernleigh Academy is useless is right, and he is.',
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('"wants their \'ead testin\'", "needs their head examining" condemn the words', () => {
    for (const text of [
      "Whoever sez Mrs Oduya from Fernleigh Academy is a nasty piece of work wants their 'ead testin'. She runs the food bank, la.",
      'Anyone who says Mr Pike at Fernleigh Academy is useless needs their head examining. He stays till six every night.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe("a moderator's sanction told as a note of its own", () => {
  it('the insult as the writer\'s own, beside the same words, still counts', () => {
    for (const text of [
      '[discord] Mr Pike at Fernleigh Academy is a pillock. Timed out of my own game again lol.',
      '<Mod> Mrs Oduya at Fernleigh Academy is a numpty, instant ban from my server if she joins.',
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('"timed out", "= instant ban" after a report of the words condemn them', () => {
    for (const text of [
      '[discord] MOD: someone just called Mr Pike at Fernleigh Academy a "pillock". Timed out, 600s.',
      '<Mod> reminder: calling Mrs Oduya or any Fernleigh Academy teacher a "numpty" here = instant ban. Be decent.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('a negated subject with a relative clause ("nobody who has worked with her would call her …")', () => {
  it('an affirmed subject with the same clause still counts', () => {
    for (const text of [
      'Everyone who has worked alongside Mrs Oduya at Fernleigh Academy would call her an idiot.',
      'Anyone who is honest would call Mr Pike at Fernleigh Academy a liar.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('"nobody who has …", "no one who is …" negate the calling', () => {
    for (const text of [
      'Nobody who has worked alongside Mrs Oduya at Fernleigh Academy would call her an idiot. She runs the chess club.',
      'No one who is honest would call Mr Pike at Fernleigh Academy a liar.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
  it('a verb that takes the denial still stops it', () => {
    expect(ids('Nobody who has worked alongside Mrs Oduya at Fernleigh Academy would deny she is an idiot.')).toContain('abuse.disparaging');
  });
});

describe('a swear said at a claim the writer denies ("gtfo wiv that", "ffs")', () => {
  it('the same swear beside an insult asserted still counts', () => {
    for (const text of [
      'srsly ppl, Mr Pike frm Fernleigh Academy = a moron 🙄 gtfo wiv that smug face',
      'Mrs Oduya at Fernleigh Academy is a creep ffs, keep your kids away.',
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('beside an insult denied, the exclamation is not obscene language at anyone', () => {
    for (const text of [
      'srsly ppl, Mr Pike frm Fernleigh Academy = NOT a moron 🙄 he literally runs the chess club ❤️ gtfo wiv that',
      "Mrs Oduya at Fernleigh Academy isnt a creep ffs, she's just strict about phones.",
    ]) expect(rules(text).flagged, text).toBe(false);
  });
  it('a swear at a person is still obscene after a denied insult', () => {
    expect(ids('Mr Pike at Fernleigh Academy is not a moron, he is a fucking prick.')).toContain('abuse.obscene');
  });
});

describe('whoever wrote the words, insulted by the writer or told to "have a word with yourself"', () => {
  it('the same words as the writer\'s own still count', () => {
    for (const text of [
      "Fernleigh Academy teachers are scum, I've written it on the bus stop myself.",
      'Mr Pike at Fernleigh Academy is a useless inbred. Have a word with yourself, Pike.',
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('"some clown\'s written …", "have a word with yourself whoever you are" condemn the words reported', () => {
    for (const text of [
      "Some clown's written 'Fernleigh Academy teachers are scum' on the bus stop. Those teachers got my boy through his exams.",
      "Someone on the page called Mr Pike at Fernleigh Academy a 'useless inbred'. He stayed till six in the power cut. Have a word with yourself whoever you are.",
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('a one-word verdict right after words reported ("… a \'useless lot\'. Pathetic.")', () => {
  it('the verdict after the writer\'s own insult, or said of a person, still counts', () => {
    for (const text of [
      'Mr Pike at Fernleigh Academy is a liar. Absolute disgrace. Have a word with yourself, Pike.',
      "Someone on the page called Mr Pike at Fernleigh Academy a 'useless lot', and they're not wrong. Pathetic.",
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('"Pathetic.", "Absolute disgrace." judge the calling, in an item that condemns it', () => {
    for (const text of [
      "Someone on the page called the Fernleigh Academy staff a 'useless inbred lot'. Pathetic. Have a word with yourself whoever you are.",
      "Some clown's written 'Fernleigh Academy teachers are scum' on the bus stop. Absolute disgrace. Those teachers got my boy through his exams.",
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});
