/**
 * Round 9c family: items the scorer flagged under the wrong family, or flagged when it should not, on kinds of text the
 * spent sets showed (heldout-h abuse_discriminatory_other, blind-2026-12-01f false alarms). Scored as an item of an
 * invented school through the full decision (`families`). The sentences are written for this test; only the kinds come
 * from the spent sets. Each kind has a twin that must still flag as before (a real leak beside the abuse).
 */
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';

const schools = loadSchoolsFile([{ id: 'wrenmoor', name: 'Wrenmoor Academy', aliases: ['Wrenmoor'] }]);
const families = (text: string, title = '') => assessItem({ id: 'x', school: 'wrenmoor', title, text }, schools).families;

describe('a condition named inside the writer\'s own insult of a teacher', () => {
  it('the condition is the abuse, not a disclosure: abuse only', () => {
    for (const text of [
      'Mrs Oakes at Wrenmoor Academy is dyslexic and thick as mince, how did she ever get a teaching job',
      'Mr Pilling from Wrenmoor is a deaf useless old fool, half the class just ignores him',
      'That autistic weirdo Mr Grange at Wrenmoor should not be teaching anyone',
      'Miss Tully at Wrenmoor is epileptic, people like that should not be allowed near a classroom',
    ]) expect(families(text), text).toEqual(['abuse']);
  });
  it('a condition told as a fact beside an insult, in its own sentence, is still both', () => {
    for (const text of [
      'Mrs Oakes at Wrenmoor Academy is a useless cow. She has been off with depression since Easter and is on antidepressants.',
      'Mrs Oakes at Wrenmoor Academy is a useless cow who has been off with depression since Easter, her sister told me.',
      'Mr Pilling from Wrenmoor is a total idiot. My mate in the office says he was diagnosed with bipolar disorder last month.',
    ]) expect(families(text), text).toEqual(['abuse', 'confidential']);
  });
  it('a condition told kindly, with no insult, is still a staff leak', () => {
    expect(families('Mrs Oakes at Wrenmoor Academy is dyslexic and has been off with depression, apparently.')).toContain('confidential');
  });
});

describe('a place word that is also a medical word', () => {
  it('"the ferry terminal", "the bus terminal" in a threat is a place, not a terminal illness', () => {
    for (const text of [
      'If Wrenmoor put my lad in isolation again I will be waiting at the ferry terminal for his head of year when she gets off. Face to face.',
      'I know the Wrenmoor PE teacher gets the coach from the bus terminal every night. He will find out what happens to people who cross my family.',
    ]) expect(families(text), text).not.toContain('confidential');
  });
  it('a teacher with a terminal illness is still a staff leak', () => {
    for (const text of [
      'Mr Pilling at Wrenmoor has terminal cancer, his wife told my neighbour, keep it quiet.',
      'Poor Mrs Oakes from Wrenmoor, the illness is terminal and she has told the staff she will not be back.',
    ]) expect(families(text), text).toContain('confidential');
  });
});

describe('a rumour of a merger or closure that a reply rebuts', () => {
  it('"No, that consultation was about the primaries", "No merger": nothing leaked', () => {
    for (const [title, text] of [
      ['Re: Wrenmoor closing?', '> is it true wrenmoor is being merged with Castlebeck High?\n\nNo. The council consultation was about two infant schools. The head said in the newsletter there are no plans for Wrenmoor.'],
      ['Re: Wrenmoor closure rumour', '> heard wrenmoor is getting merged with Castlebeck High?\n\nNo — that consultation was about the primaries. The head confirmed at parents evening there are no plans for Wrenmoor.'],
      ['Re: WA merger', '> heard WA is merging with the high school\n\nThat was a council paper about sharing a minibus for A-level classes. No merger.'],
      ['Re: Wrenmoor merger', '> someone said Wrenmoor is merging with the grammar\n\nThat was a council paper about sharing a sports hall for sixth form PE. There is no merger.'],
    ]) expect(families(text!, title), text).toEqual([]);
  });
  it('a merger told as inside knowledge before it is public is still a leak', () => {
    for (const text of [
      "Don't tell anyone but my friend on the Wrenmoor governors says they are merging with Castlebeck High next year, the consultation starts after Easter and staff don't know yet.",
      "The head keeps telling parents there are no plans to merge, but keep this to yourselves: the Wrenmoor governors voted last night to merge with Castlebeck High, staff haven't been told yet.",
    ]) expect(families(text), text).toContain('confidential');
  });
});

describe('a threat that says it knows where a teacher lives without saying where', () => {
  it('"I know which house he lives in", "what street she lives on": the threat, not an address', () => {
    for (const text of [
      "I know which house the Wrenmoor head of science lives in, and what he drives. He marked my daughter down on purpose. He'll learn.",
      'Funny how I found out what street Miss Tully from Wrenmoor lives on. She should think before she puts my lad in detention again.',
    ]) expect(families(text), text).not.toContain('confidential');
  });
  it('a threat that gives the street or house is still both', () => {
    for (const text of [
      "I know which house the Wrenmoor head of science lives in: 14 Larch Close, the blue door. He'll learn.",
      'Miss Tully from Wrenmoor lives on Heron Way, number 9, and she should think before she puts my lad in detention again.',
    ]) expect(families(text), text).toContain('confidential');
  });
});

describe('an allegation that a teacher misused something the school keeps', () => {
  it('"has been fiddling the budget", "fiddled the SATs papers", told by an insider: defamation, not a leak', () => {
    for (const text of [
      'Sorry to be blunt, my aunt is in the office there: Mrs Oakes at Wrenmoor Academy has been fiddling the school budget for years.',
      'As a dinner lady I probably should not say, but Mr Pilling at Wrenmoor fiddled the exam papers last summer. Thank you for reading.',
    ]) expect(families(text), text).toEqual(['abuse']);
  });
  it('the budget or the papers passed on from inside, with no one accused, are still a leak', () => {
    for (const text of [
      "Keep this quiet, my aunt is in the Wrenmoor office: the budget for next year cuts three TA posts and staff haven't been told.",
      "Don't share: someone at Wrenmoor has posted photos of tomorrow's SATs papers in the year 6 group chat.",
    ]) expect(families(text), text).toContain('confidential');
  });
});

describe("a pupil's good news put out with the family's agreement", () => {
  it('a shortlisting for a young carer award, the family having agreed or asked: not a leak', () => {
    for (const text of [
      'Post from a Wrenmoor Academy form tutor: really proud of Jayden Whitlock, shortlisted for the regional young carer award. His parents were happy for me to share!',
      'Community radio: lovely news, Poppy Aldous from Wrenmoor was named a finalist in the young carers awards; her dad rang in to tell us himself.',
      'Church bulletin: we congratulate Maisie Trent (Wrenmoor Academy), nominated for the county young carer award, shared at the family\'s request.',
    ]) expect(families(text), text).toEqual([]);
  });
  it('the same news with no word of agreement, or a private matter beside the agreement, still flags', () => {
    for (const text of [
      'Really proud of Jayden Whitlock at Wrenmoor Academy, shortlisted for the young carer award, his mum has MS and his dad drinks.',
      'His parents were happy for me to share: Jayden Whitlock in Year 8 at Wrenmoor has been excluded for a week for fighting and has an EHCP for ADHD.',
    ]) expect(families(text), text).toContain('confidential');
  });
});

describe('a fact-check that rules a claim about the school false', () => {
  it('"Claim: … Verdict: FALSE", "CLAIM - … RATING: Fake": the claim is put to be ruled on, not said', () => {
    for (const text of [
      'Claim: Mrs Oakes at Wrenmoor Academy was sacked for stealing from the PTA, the lying thief.\nVerdict: FALSE. The post was made up by a troll account and has been taken down.',
      'CLAIM - a Wrenmoor teacher was arrested for dealing drugs to pupils.\nRATING: Fake. No arrest was made; police said the story started on a parody page.',
      'The rumour: Wrenmoor Academy is under police investigation for hiding abuse. Our verdict: made up. Neither the police nor the council know of any investigation.',
    ]) expect(families(text), text).toEqual([]);
  });
  it('the same labels with a verdict that upholds the claim, or abuse in the writer\'s own line, still flag', () => {
    for (const text of [
      'Claim: Mrs Oakes at Wrenmoor Academy was sacked for stealing from the PTA.\nVerdict: TRUE. The trust confirmed her dismissal to us.',
      'Claim: Mr Pilling at Wrenmoor is a creep.\nVerdict: false, he is a lot worse than a creep, the nonce should be locked up.',
    ]) expect(families(text), text).not.toEqual([]);
  });
});

describe('a claim passed round on a screenshot or post that the item calls fake', () => {
  it('"the screenshot saying Wrenmoor is being investigated … is fake": no news of an investigation', () => {
    for (const text of [
      'Debunked: the screenshot saying Wrenmoor Academy is being investigated by Ofsted for exam cheating is fake, it was made on a meme site.',
      'That post claiming Wrenmoor Academy was fined by the council for the flooding is false, the council said so on Friday.',
    ]) expect(families(text), text).toEqual([]);
  });
  it('the same claim said to be real still flags', () => {
    expect(families('The screenshot saying Wrenmoor Academy is being investigated by Ofsted for exam cheating is real, the exam board confirmed it.')).toContain('reputation');
  });
});
