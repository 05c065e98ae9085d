/**
 * Contrast pairs for the reputation kinds of round 9 (data/lexicons/kinds-9-reputation.tsv, rules/reputation.ts): kinds
 * of public reporting the spent sets' reputation items used that the older cues missed. Each behaviour has a side the
 * rules find at the rule-backed level (0.5 or more) and a look-alike sharing its words that they do not. Scored by the
 * reputation rules alone, so a failure points at a rule or a lexicon line. The schools and sentences are invented for
 * this test; the kinds come from the misses of the spent sets (blind-2026-11-30 … 12-01d and data/train), not their wording.
 */
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../lib/score/document';
import { reputationRules } from '../../lib/score/rules/reputation';

/** The reputation categories the rules find at 0.5 or more. */
const found = (text: string) => reputationRules(buildDoc('', text)).filter((f) => f.confidence >= 0.5).map((f) => f.category);
const any = (text: string) => found(text).length > 0;

describe('a leader who leaves under a cloud', () => {
  it('"resigned with immediate effect", "stepped down with immediate effect", a breakdown with the governors', () => {
    for (const text of [
      'The headteacher of Larchfield Primary has resigned with immediate effect, the trust said on Friday.',
      "Larchfield Academy's principal has stepped down with immediate effect after a row with the board.",
      'Mr Okafor left Larchfield following what the trust called a breakdown in the relationship with the governing body.',
      'Four Larchfield governors have quit, citing irreconcilable differences with the diocese over the school budget.',
    ]) expect(any(text), text).toBe(true);
  });
  it('a head retiring or moving on, and a rule that applies with immediate effect, are not', () => {
    for (const text of [
      'After 22 happy years, the headteacher of Larchfield Primary is retiring in July. We will miss her!',
      'Mrs Aziz has resigned from Larchfield to take up a headship in Leeds; we wish her every success.',
      'Larchfield has updated its mobile phone policy, which applies with immediate effect.',
    ]) expect(any(text), text).toBe(false);
  });
});

describe('an inspectorate telling the school to improve', () => {
  it('"told by Estyn to improve", "inspectors said it must improve", "judged as requiring improvement", an improvement notice', () => {
    for (const text of [
      'Ysgol Larchfield has been told by Estyn to improve attendance after an inspection in May.',
      'Inspectors said Larchfield Academy must improve the quality of teaching in science.',
      'Estyn has told Ysgol Larchfield that it must improve standards in reading.',
      'Ofsted judged behaviour and attitudes at Larchfield as requiring improvement.',
      'Larchfield High has been served an improvement notice by the inspectorate.',
      'The ISI inspection found Larchfield College had to fix its boarding welfare records.',
    ]) expect(found(text), text).toContain('reputation.inspection');
  });
  it('the inspectorate told to improve, and a parent saying the car park must improve, are not', () => {
    for (const text of [
      'Ofsted must improve how it handles complaints from schools, the union said.',
      'Honestly the Larchfield car park must improve, it is chaos at pick-up.',
      'Ofsted are in next week so the car park must improve before then, says the head.',
      'Inspectors praised Larchfield. They asked the school to improve attendance, which is below average.',
    ]) expect(found(text), text).not.toContain('reputation.inspection');
  });
});

describe('a poor grade told beside the good grade it had before', () => {
  it('"rated requires improvement, two years after it was judged good" is a poor grade', () => {
    expect(found('Larchfield School has been rated "requires improvement" by Ofsted, two years after it was judged good.')).toContain('reputation.inspection');
  });
  it('"rated good, two years after being judged to require improvement" stays a step up', () => {
    expect(found('Larchfield School has been rated good by Ofsted, two years after being judged to require improvement.')).not.toContain('reputation.inspection');
  });
});

describe('parents complaining about the school', () => {
  it('"parents have complained that", "families complained after", "parents have questioned why"', () => {
    for (const text of [
      'Parents at Larchfield Primary have complained that the school ignored repeated reports of bullying.',
      'Families complained after Larchfield pupils were left without a qualified maths teacher for a term.',
      'Parents have questioned why Larchfield Academy did not tell them about the fire for two days.',
    ]) expect(found(text), text).toContain('reputation.criticism');
  });
  it('complaints to the council about traffic, and residents complaining about a quarry, are not', () => {
    for (const text of [
      'Parents have complained to the county council that buses past Larchfield are always late.',
      'Residents complained that blasting at the quarry has cracked walls on Mill Row.',
      'Parents have complained that the council has still not fixed the crossing outside Larchfield.',
    ]) expect(found(text), text).not.toContain('reputation.criticism');
  });
});

describe('a data breach the school has taken to the data regulator', () => {
  it('"reported itself to the ICO", "the ICO has reprimanded", "the Information Commissioner has been informed"', () => {
    for (const text of [
      'Larchfield Academy has reported itself to the ICO after a list of pupil addresses was emailed to the wrong parents.',
      "The Information Commissioner's Office has reprimanded Larchfield Primary over a lost memory stick of pupil records.",
      'The trust said the Information Commissioner had been informed and that every family affected had been contacted.',
    ]) expect(found(text), text).toContain('reputation.investigation');
  });
  it('a parent asking whether to go to the ICO, or advising someone to, is not', () => {
    for (const text of [
      "Larchfield sent me another family's SEN report by mistake. Should I report it to the ICO?",
      "You can also complain to the Information Commissioner if Larchfield doesn't take it down.",
      "I've reported it to the ICO myself because Larchfield still hasn't replied.",
    ]) expect(found(text), text).not.toContain('reputation.investigation');
  });
});

describe('what inspectors found wanting, in the report\'s own words', () => {
  it('"insufficient progress", "failed to meet the standards", "needs to make urgent improvements", "gaps in records"', () => {
    for (const text of [
      'A monitoring visit by Ofsted found Larchfield had made insufficient progress since its last inspection.',
      'The inspection found that Larchfield College failed to meet the standards for boarding welfare.',
      'Education Scotland inspectors said Larchfield High needs to make urgent improvements to attendance tracking.',
      'Inspectors found gaps in the vetting records at Larchfield Primary.',
    ]) expect(found(text), text).toContain('reputation.inspection');
  });
  it('the same words with no inspection, or said of the inspectorate, are not', () => {
    for (const text of [
      'Larchfield Rovers made insufficient progress in the cup this year, sadly.',
      'The new Ofsted framework failed to meet the expectations of heads, the union said.',
      'Our Larchfield bake sale needs to make urgent improvements to its cake supply, ha.',
    ]) expect(found(text), text).not.toContain('reputation.inspection');
  });
});
