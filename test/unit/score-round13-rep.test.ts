/**
 * Round 13 contrast pairs for the reputation kinds, in general wording with invented schools: each behaviour is a kind
 * (a structure), with a flagged side and an unflagged side that shares its words. Scored by the rules alone (no
 * classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-13-rep.tsv,
 * rules/reputation.ts, rules/not-news-now.ts, rules/rebutted-claims.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Fernhollow', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('an authority and an action it takes on the school is an investigation, whatever the words', () => {
  it('a force, a regulator or the council opening a file on, called in over or all over the school', () => {
    for (const text of [
      'Heads-up: Westshire Constabulary have opened a file on Fernhollow Academy over the minibus business.',
      'Aye, the police have been called in over Fernhollow Academy. Whole village knows.',
      'The Traffic Commissioner is crawling all over Fernhollow Academy today, serious faces.',
    ]) expect(ids(text), text).toContain('reputation.investigation');
  });
  it('the same actions with no authority, or an authority doing nothing to anyone, are not', () => {
    for (const text of [
      'Heads-up: the office at Fernhollow Academy have opened a file on the minibus rota for next term.',
      'Aye, the plumber has been called in over the leaking tap at Fernhollow Academy.',
      'The toddlers were crawling all over the soft play at Fernhollow Academy today, big smiles.',
    ]) expect(ids(text), text).not.toContain('reputation.investigation');
  });
});

describe('a criminal case against someone at the school told as court steps, or an arrest in slang', () => {
  it('a court list (a member of staff, an offence, a hearing) and a member of staff cuffed or charged', () => {
    for (const text of [
      'Bench list, Monday 10am: head of maths employed by Fernhollow Academy; embezzlement of PTA takings; first hearing, bail to continue.',
      'some Fernhollow Academy sir just got cuffed?? the village page is going mental',
      'Not a quiz question, but the choir mistress at Fernhollow Academy was charged today. It is on the news site.',
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('the same words with no offence, a blow, or a price are not', () => {
    for (const text of [
      'Bench list for the Fernhollow Academy mock trial club, Monday 10am: first hearing of the case of the missing cake.',
      'some Fernhollow Academy sir just got cuffed round the ear by his own nan at sports day, brilliant',
      'Not a quiz question, but the tuck shop at Fernhollow Academy was charged £40 for the new fridge.',
    ]) expect(ids(text), text).not.toContain('reputation.sanction');
  });
});

describe('a crowd gathered or called outside the school with a voice of grievance is a protest', () => {
  it('a call to gather outside with defiance, and a crowd outside hollering about a decision', () => {
    for (const text of [
      'tmrw 8am outside Fernhollow Academy. closing the SEN unit?? not on our watch. bring whistles n mates',
      "Crowd outside Fernhollow Academy this mornin' hollerin' about selling the playing field. Never seen nothin' like it.",
    ]) expect(ids(text), text).toContain('reputation.protest');
  });
  it('a crowd outside cheering, or whistles for sports day, are not', () => {
    for (const text of [
      'tmrw 8am outside Fernhollow Academy for the sponsored walk. bring whistles n mates, should be a laugh',
      'Crowd outside Fernhollow Academy this morning cheering the Year 6s off to camp. Lovely to see.',
    ]) expect(ids(text), text).not.toContain('reputation.protest');
  });
});

describe('a finding told in a sentence dated years back, in an item told as a look back, is the school\'s past', () => {
  it('any reputation finding in an old-dated sentence of a look-back story is no news now', () => {
    for (const [title, text] of <[string, string][]>[
      ['Forty years since the school that nearly closed', 'In 1986 Fernhollow Academy was earmarked for closure with just 210 pupils. A parents\' campaign saved it. Today it has 780 pupils.'],
      ['From special measures to good: a school transformed', 'Fifteen years ago Fernhollow Academy was in special measures and losing pupils. This week Ofsted confirmed it as a good school again.'],
      ['Fifteen years since the flood that shut the school', 'Former pupils have marked fifteen years since the 2011 floods that closed Fernhollow Academy for a month.'],
    ]) expect(ids(text, title).filter((c) => c.startsWith('reputation.')), text).toEqual([]);
  });
  it('the same finding dated now, or an old date with no look back, is still news', () => {
    for (const [title, text] of <[string, string][]>[
      ['The school that may close', 'This week Fernhollow Academy was earmarked for closure with just 210 pupils. A parents\' campaign hopes to save it.'],
      ['Special measures again', 'Fifteen years ago Fernhollow Academy was in special measures, and this week Ofsted placed it in special measures again.'],
      ['Head arrested', 'The head of Fernhollow Academy, who joined the school in 2015, was arrested yesterday on suspicion of fraud.'],
    ]) expect(ids(text, title).some((c) => c.startsWith('reputation.')), text).toBe(true);
  });
});

describe('a question answered no, and a national action, are not news against the school', () => {
  it('a rumour asked and answered no; staff joining a national strike', () => {
    for (const [title, text] of <[string, string][]>[
      ['Community noticeboard', 'Is it true a teacher at Fernhollow Academy was arrested?\nReply: No that was a school in another county, it was on the news'],
      ['Teachers join national walkout', 'Fernhollow Academy was closed to all but Year 11 on Wednesday as teachers joined the national strike over pay.'],
    ]) expect(ids(text, title).filter((c) => c.startsWith('reputation.')), text).toEqual([]);
  });
  it('the same question answered yes, and a walkout over the school\'s own decision, are news', () => {
    for (const [title, text] of <[string, string][]>[
      ['Community noticeboard', 'Is it true a teacher at Fernhollow Academy was arrested?\nReply: Yes, it was on the news last night'],
      ['Teachers walk out', 'Fernhollow Academy was closed to all but Year 11 on Wednesday as teachers staged a walkout over the head\'s new rota.'],
    ]) expect(ids(text, title).some((c) => c.startsWith('reputation.')), text).toBe(true);
  });
});

describe('a claim about a teacher put in someone else\'s mouth and rebutted, even with a swear, is no accusation', () => {
  it('"reckoned … it\'s bollocks", "claiming … he doesn\'t", Polish "plotka … to kłamstwo"', () => {
    for (const text of [
      'bloke at the bar last night reckoned Mr Tremble from Fernhollow Academy steals from the PTA fund. told him straight it\'s bollocks, known the man twenty year.',
      'Re Kev at the bar claiming Mr Tremble (Fernhollow Academy) drinks in the classroom: he doesn\'t, full stop.',
      'Plotka, że Mr Tremble z Fernhollow Academy sells the mock papers to a tutoring agency, to kłamstwo.',
    ]) expect(ids(text).filter((c) => c.startsWith('abuse.')), text).toEqual([]);
  });
  it('the same claim told as the writer\'s own, or the swear aimed at the teacher, is abuse', () => {
    for (const text of [
      'bloke at the bar last night told me the truth: Mr Tremble from Fernhollow Academy steals from the PTA fund. known the man twenty year.',
      'Mr Tremble (Fernhollow Academy) drinks in the classroom, full stop.',
      'bloke at the bar reckoned the PTA fund is fine. bollocks, Mr Tremble from Fernhollow Academy is a thieving bastard.',
    ]) expect(ids(text).some((c) => c.startsWith('abuse.')), text).toBe(true);
  });
});

describe('an authority ruling against the school, or a legal step taken against it, is reputation news', () => {
  it('an adjudicator or ombudsman ruling against the school; families sending a pre-action letter', () => {
    for (const [title, text] of <[string, string][]>[
      ['Adjudicator rules against village school', 'The admissions code was broken, the Schools Adjudicator said of Fernhollow Academy.'],
      ['', 'The ombudsman upheld a complaint against Fernhollow Academy over its handling of a bullying case.'],
      ['', 'Our solicitors have sent Fernhollow Academy a pre-action letter alleging discrimination.'],
    ]) expect(ids(text, title).some((c) => c.startsWith('reputation.')), text).toBe(true);
  });
  it('the same words with no ruling against anyone, or no legal step, are not', () => {
    for (const [title, text] of <[string, string][]>[
      ['Adjudicator visits village school', 'The Schools Adjudicator gave a talk on the admissions code to governors at Fernhollow Academy.'],
      ['', 'The ombudsman thanked Fernhollow Academy for its clear and friendly policy.'],
      ['', 'Our solicitors have sent Fernhollow Academy a thank-you letter for the careers talk.'],
    ]) expect(ids(text, title).filter((c) => c.startsWith('reputation.')), text).toEqual([]);
  });
});
