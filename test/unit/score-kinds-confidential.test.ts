/**
 * Contrast pairs for the confidential and reputation kinds of round 4 (issue 11): each behaviour has a
 * flagged side and an unflagged side that shares its words, scored by the rules alone (no classifier,
 * no school model), so a failure points at a rule or a lexicon line. Sentences are written for this
 * test (the kinds come from the misses of the spent sets; the wording does not).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { LEXICON } from '../../lib/score/lexicon';
import { parseLexiconTsv } from '../../lib/score/lexicon-data';

const rules = (text: string, lexicon = LEXICON) => scoreItem({ title: '', text }, undefined, { classifier: false, lexicon });
const ids = (text: string) => rules(text).categories.map((c) => c.id);

describe('a named pupil: names with Irish and Scottish Gaelic particles', () => {
  it('reads "Ó hAodha", "Ní Bhriain", "Nic Giolla" as a surname, so the pupil and the condition are seen together', () => {
    for (const text of [
      'Saoirse Ó hAodha at Elmfield has epilepsy and had a seizure in assembly.',
      'Cian Mac an tSaoi in Year 5 has type 1 diabetes.',
      'Róisín Nic Giolla Phádraig in Year 2 is on the child protection register.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same names next to a condition as a cause they raised money for are not a disclosure', () => {
    expect(ids('Saoirse Ó hAodha at Elmfield did a sponsored walk for an epilepsy charity.')).not.toContain('confidential.pupil-personal');
  });
});

describe('a member of staff and an illness, told with sympathy or as hearsay', () => {
  it('sympathy ("poor man", "God love him") or "my sister says" does not turn a disclosure into a rebutted rumour', () => {
    for (const text of [
      'My sister says Mr Dunmore at Elmfield has pneumonia, poor man.',
      'The wife says Mrs Tulley from Elmfield has depression, God love her. Off till Easter.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a denial still clears it', () => {
    expect(ids('My sister says Mr Dunmore at Elmfield has pneumonia. Total rubbish, he is on a course in York.')).not.toContain('confidential.staff-personal');
  });
});

describe('condition names by their head word (data: condition-head)', () => {
  it('an eponymous disease or syndrome, an operation or a treatment is a condition', () => {
    for (const text of [
      'Mrs Avery at Elmfield has Behçet\'s disease, which is why she keeps missing parents\' evening.',
      'Mr Pike at Elmfield is off after a knee replacement.',
      'Ms Rudd at Elmfield is having chemotherapy treatment so she is off till spring.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same words as a topic of training are not anyone\'s health', () => {
    expect(ids('Mrs Avery at Elmfield ran a training session on Behçet\'s disease for the nurses.')).not.toContain('confidential.staff-personal');
  });
});

describe('who the condition belongs to', () => {
  it('a group after "pupils with" is the topic, not a member of staff', () => {
    expect(ids('Mr Orme at Elmfield trains colleagues on supporting children with epilepsy.')).not.toContain('confidential.staff-personal');
    expect(ids('Mr Orme at Elmfield is off work with epilepsy.')).toContain('confidential.staff-personal');
  });
  it('"a teacher" with no name or title identifies nobody; a named one does', () => {
    expect(ids('Elmfield paid out £18k for discriminating against a teacher on maternity leave.')).not.toContain('confidential.staff-personal');
    expect(ids('Elmfield paid out £18k for discriminating against Mrs Lyle, a teacher on maternity leave.')).toContain('confidential.staff-personal');
  });
  it('a committee is not a pupil', () => {
    expect(ids('The Audit Committee noted £15,000 paid by Elmfield over a pupil with a nut allergy sent on a trip without an adrenaline pen.')).not.toContain('confidential.pupil-personal');
    expect(ids('Jacob Lowe in Year 3 at Elmfield has a nut allergy and carries an adrenaline pen.')).toContain('confidential.pupil-personal');
  });
});

describe('images of named children described in words', () => {
  it('a photo verb or an attached photo, a named child and the school is a photo of a pupil', () => {
    for (const text of [
      'Snapped Ruby Thorne through the Elmfield fence at break, sharing it with the group.',
      '[photo] caught Ella Marsh and Josh Reed skiving behind the Elmfield sports hall, tag them',
      'Ava Leckie in P6 at Elmfield greetin in the toilets, didnae ask just filmed [video]',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a named adult in the photo, or the pupils\' parents\' permission, is not', () => {
    expect(ids('Snapped Mr Thorne through the Elmfield fence at break, sharing it with the group.')).not.toContain('confidential.pupil-personal');
    expect(ids('With their parents\' permission, snapped Ruby Thorne at the Elmfield fence for the newsletter.')).not.toContain('confidential.pupil-personal');
  });
});

describe('a pupil\'s exclusion in any wording', () => {
  it('"kicked out for", "sent to the PRU", told in a reply that goes on about the child', () => {
    for (const text of [
      'Ben Carver got kicked out for throwing a chair at a supply teacher at Elmfield today.',
      '> Where has Ben Carver been? Not seen him on the bus\nHe was sent to the PRU, Elmfield sent the letter Friday.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('kicked out of a competition is not an exclusion', () => {
    expect(ids('Ben Carver got kicked out of the county chess cup in the second round, Elmfield so proud anyway.')).not.toContain('confidential.pupil-personal');
  });
});

describe('a member of staff\'s home, by house name and postcode (data: residence-cue)', () => {
  it('"moved in beside us" with a house name and postcode is a home address', () => {
    expect(ids('Mr Dunmore from Elmfield moved in beside us, The Old Forge, Mill Lane, LS6 2AB. Lovely neighbour.')).toContain('confidential.contact-details');
  });
  it('the same address as a venue is not', () => {
    expect(ids('Elmfield\'s quiz night is at The Old Forge, Mill Lane, LS6 2AB. Tickets £5.')).not.toContain('confidential.contact-details');
  });
});

describe('an inspection downgrade in any wording (data: inspection-grade)', () => {
  it('"rated", "judged", "graded" with a poor grade, including older judgement names', () => {
    for (const text of [
      'Elmfield rated unsatisfactory by inspectors.',
      'Sad news, Elmfield rated not good enough. Proud of our kids regardless.',
      'Elmfield has been graded weak by Education Scotland.',
    ]) expect(ids(text), text).toContain('reputation.inspection');
  });
  it('a good grade, or the grade word aimed at the inspectorate, is not', () => {
    expect(ids('Elmfield rated good by inspectors, well done all.')).not.toContain('reputation.inspection');
    expect(ids('Honestly the way Ofsted inspects small schools is unsatisfactory and not good enough. Elmfield staff deserve better.')).not.toContain('reputation.inspection');
  });
});

describe('protest and investigation in plain words', () => {
  it('marching over a decision is a protest; a parade is not', () => {
    expect(ids('hundreds of us marching outside Elmfield over the uniform policy #saveourschool')).toContain('reputation.protest');
    expect(ids('hundreds of us marching in the Elmfield carnival parade, what a day')).not.toContain('reputation.protest');
  });
  it('an ongoing inquiry is an investigation; an ongoing repair is not', () => {
    expect(ids('Why has the council been at Elmfield all week? Letter home just says an ongoing inquiry.')).toContain('reputation.investigation');
    expect(ids('Why has the council been at Elmfield all week? Letter home just says an ongoing boiler repair.')).not.toContain('reputation.investigation');
  });
});

describe('word lists moved out of rule code into data', () => {
  it('a place-end word is one line of data: "Lake District" is not a child', () => {
    const text = 'Our photo of Grace Hollow Quarry from the Elmfield Year 6 trip, lovely day.';
    expect(ids(text)).toContain('confidential.pupil-personal');
    const added = LEXICON.with(parseLexiconTsv('term\tcategory\tweight\tsource\nquarry\tplace-end\t1\ttest line\n'));
    expect(rules(text, added).categories.map((c) => c.id)).not.toContain('confidential.pupil-personal');
  });
  it('a not-secret token shape is data: "Y9" and "10am" are not passwords', () => {
    expect(ids('The Elmfield Arbor login is on the Y9 noticeboard from 10am.')).not.toContain('confidential.credentials');
    expect(ids('The Elmfield Arbor login is Kestrel2031 from today.')).toContain('confidential.credentials');
  });
});

describe('defects found on the spent sets (each failed before its fix)', () => {
  it('the verb "send" is not SEND (special educational needs)', () => {
    expect(ids('Elmfield Parents Page | Send them all a letter, Jo Pryce in Year 3 says.')).not.toContain('confidential.pupil-personal');
    expect(ids('Jo Pryce in Year 3 at Elmfield is on the SEND register.')).toContain('confidential.pupil-personal');
  });
  it('a birthday given with its year is a date of birth; a birthday without one is not', () => {
    expect(ids('Elmfield group chat got a list by mistake: Zofia Brandt, birthday 28/10/2013, Year 6.')).toContain('confidential.contact-details');
    expect(ids('Elmfield group chat: Mrs Brandt\'s birthday 28/10, cake in the staffroom.')).not.toContain('confidential.contact-details');
  });
  it('a title before a name with a diacritic points at a member of staff', () => {
    expect(ids('my mate who is a TA at Elmfield said Ms Şahin is on fast-track capability, the formal thing')).toContain('confidential.staff-personal');
  });
  it('"here\'s where they live:" with a house name and postcode is a home address', () => {
    expect(ids('The Elmfield head is a hypocrite. Here\'s where they live: The Old Forge, Church Street, LS9 7RT.')).toContain('confidential.contact-details');
  });
  it('a press release that says the family agreed names a young carer without leaking anything', () => {
    expect(ids('Press release (shared with the family\'s consent): Reuben Ó Súilleabháin of Elmfield was named young carer of the year.')).not.toContain('confidential.pupil-personal');
    expect(ids('Reuben Ó Súilleabháin of Elmfield is a young carer, his mum is too ill to get him to school.')).toContain('confidential.pupil-personal');
  });
});

describe('a pupil named once in full, then by first name or asked about', () => {
  it('the first name alone in a later sentence is the same child', () => {
    expect(ids('My daughter sits next to Lena Voss at Elmfield. Her gran told me Lena has Crohn\'s and takes Pentasa.')).toContain('confidential.pupil-personal');
    expect(ids('My daughter sits next to Lena Voss at Elmfield. Her gran told me Lena won the Crohn\'s charity fun run.')).not.toContain('confidential.pupil-personal');
  });
  it('a question about the child is answered by the next sentence', () => {
    expect(ids('You heard about Kai Brandon from Elmfield? Only under a Section 20 arrangement with the council.')).toContain('confidential.pupil-personal');
    expect(ids('You heard about Kai Brandon from Elmfield? Only went and won the county cross-country.')).not.toContain('confidential.pupil-personal');
  });
  it('"where\'s Evie been?" and "Chiamaka, the Dobson kid" name a pupil by first name', () => {
    expect(ids('where\'s Evie been?? they got excluded after the search at Elmfield')).toContain('confidential.pupil-personal');
    expect(ids('don\'t say I told you but Chiamaka, the Dobson kid at Elmfield, is privately fostered')).toContain('confidential.pupil-personal');
  });
});

describe('a leaked internal document by its marks (data: internal-document, secrecy-cue)', () => {
  it('an e-mail from leaders or a staff briefing that was meant to stay inside', () => {
    for (const text of [
      'just seen an email from Elmfield SLT bout the £200k overspend on the new block, its meant 2 b secret',
      'Trust board minutes (not for circulation): Elmfield to close the nursery class in July.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('the same news sent to parents, or "not a secret any more", is not a leak', () => {
    expect(ids('Elmfield SLT emailed all parents about the £200k overspend on the new block, letter attached.')).not.toContain('confidential.internal');
    expect(ids('The Elmfield head told staff at the briefing she is retiring, not a secret any more.')).not.toContain('confidential.internal');
  });
});

describe('a member of staff\'s process and home in list form', () => {
  it('"a six-week improvement plan" is a capability step, not an awareness week', () => {
    expect(ids('Mrs Hale at Elmfield got put on a six-week improvement plan, dont tell')).toContain('confidential.staff-personal');
    expect(ids('Mrs Hale at Elmfield ran an epilepsy awareness week for the staff.')).not.toContain('confidential.staff-personal');
  });
  it('a titled name, a house and a street, then a postcode is a home address; the same venue for a fair is not', () => {
    expect(ids('Christmas card list for Elmfield staff: Dr Kovač, The Coach House, Mill Road, EC9 8HD. Others to follow!')).toContain('confidential.contact-details');
    expect(ids('Elmfield summer fair: The Coach House, Mill Road, EC9 8HD, all welcome, Mrs Tulley on the cake stall.')).not.toContain('confidential.contact-details');
  });
});

describe('many pupils\' details at once (data: data-collection, data-identity, data-sensitive, data-exposure)', () => {
  it('a list or spreadsheet with names and grades, SEN or conditions, gone out, is a leak of pupils\' details', () => {
    for (const text of [
      'the Elmfield year 11 mock spreadsheet is going round on snap, everyone\'s names, predicted grades and the SEN column',
      'Elmfield S2 class lists with who gets extra support and why (dyslexia, ADHD) were left on the printer and they are going round now.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('results on the portal for each family, a lift list, or a news report of the breach are not', () => {
    for (const text of [
      'Results day at Elmfield: every child\'s results are on the portal from 8am, letters to follow.',
      'The Elmfield class list for the trip is going round the parents\' chat so we can sort lifts.',
      'Elmfield has apologised after a file with Year 11 pupils\' mock grades was emailed to parents in error. The school said it had asked recipients to delete it.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
  it('a heading on its own line is not half of a name; the writer\'s own child is not a member of staff', () => {
    expect(ids('r/Elmfield\nSectarian abuse at my son\'s school, how did yours handle it?')).not.toContain('confidential.pupil-personal');
    expect(ids('Got an email from the Elmfield depute saying ma son\'s attendance is 82%. He\'s had tonsillitis twice.')).not.toContain('confidential.staff-personal');
    expect(ids('Got an email from the Elmfield depute. She\'s had tonsillitis twice this term, poor woman.')).toContain('confidential.staff-personal');
  });
});

describe('reputation in news wording (data: reputation-cues, exoneration)', () => {
  it('a grade given "as" a poor one after a longer phrase; a good grade after an old poor one is good news', () => {
    expect(ids('Education Scotland inspectors have rated learning, teaching and assessment at Elmfield High as "weak".')).toContain('reputation.inspection');
    expect(ids('Elmfield has been rated \'good\' in all areas, two years after being judged to require improvement.')).not.toContain('reputation.inspection');
    expect(ids('Elmfield rated the new menu as weak tea, lol')).not.toContain('reputation.inspection');
  });
  it('a regulator for teachers or exams investigating, and removal from the register', () => {
    expect(ids('The SQA is investigating Higher English folios submitted by Elmfield Academy.')).toContain('reputation.investigation');
    expect(ids('A former Elmfield teacher has been removed from the register after a fitness to practise panel.')).toContain('reputation.sanction');
    expect(ids('The SQA results for Elmfield Academy are out on Tuesday, good luck all.')).not.toContain('reputation.investigation');
  });
});

describe('recognisable children without a name, and names written with initials', () => {
  it('a video in which the kids\' faces can be seen is a photo of pupils; faces blurred, or consent, is not', () => {
    expect(ids('Here is the vid of Miss Lyle losing it with 8W at Elmfield, you can see the kids\' faces plain as day.')).toContain('confidential.pupil-personal');
    expect(ids('Lovely video of the Elmfield nativity on the website, faces blurred for safety, well done all the kids.')).not.toContain('confidential.pupil-personal');
    expect(ids('With parents\' permission, the video of Elmfield class 3 with the kids\' faces is on the newsletter.')).not.toContain('confidential.pupil-personal');
  });
  it('"J. Mulrooney" in a leaked note is a pupil; "Mr J. Mulrooney" is staff', () => {
    expect(ids('Leaked Elmfield briefing: Year 10 student J. Mulrooney has returned from a managed move.')).toContain('confidential.pupil-personal');
    expect(ids('Mr J. Mulrooney at Elmfield ran the managed move training.')).not.toContain('confidential.pupil-personal');
  });
});

describe('pupils named by family or in apposition; internal decisions taken in private', () => {
  it('"the Pickering kids" and ", Rhys, he" name pupils; the same names at sports day disclose nothing', () => {
    expect(ids('Police at Elmfield this morning for the Pickering kids. Social services have took all three into foster care.')).toContain('confidential.pupil-personal');
    expect(ids('The kid in care who lives at the children\'s home on Sandgate Road, Rhys, he goes to Elmfield.')).toContain('confidential.pupil-personal');
    expect(ids('The Pickering kids at Elmfield won the relay at sports day.')).not.toContain('confidential.pupil-personal');
  });
  it('a decision taken in private that "you didn\'t hear from me" is a leak without a leak word from the older list', () => {
    expect(ids('Elmfield are getting rid of the sixth form. Governors agreed it in private last week, not out till after Christmas so you didn\'t hear it from me')).toContain('confidential.internal');
    expect(ids('Elmfield are getting rid of the sixth form. Governors agreed it last week and the letter went to all parents today.')).not.toContain('confidential.internal');
  });
  it('"office really said oops" is no statement: the spreadsheet going round is still a leak', () => {
    expect(ids('Elmfield Year 11 mock spreadsheet is going round on snap, everyone\'s names, predicted grades AND the SEN column. office really said oops')).toContain('confidential.pupil-personal');
  });
});

describe('a headline role word is anyone in the job', () => {
  it('"Teacher under investigation over…" names nobody; "The deputy at Elmfield is under investigation" points at one person', () => {
    expect(ids('Teacher under investigation over alleged slur | Elmfield Council is investigating claims that a teacher used a derogatory term.')).not.toContain('confidential.staff-personal');
    expect(ids('The deputy at Elmfield is under investigation by the EWC. Supposed to be confidential.')).toContain('confidential.staff-personal');
  });
});

describe('defects found on corpora a-j after the round-4 changes', () => {
  it('an organisation under investigation is not a member of staff\'s process', () => {
    expect(ids('Academy trust under investigation after the CEO\'s payments to his wife\'s firm | Elmfield Academy.')).not.toContain('confidential.staff-personal');
  });
  it('"the Ukrainian kids" is a group, not a family name', () => {
    expect(ids('A Y9 lad at Elmfield has been saying he will bring a blade in for the Ukrainian kids. I have told the school and the police.')).not.toContain('confidential.pupil-personal');
  });
  it('a safeguarding lead is a member of staff', () => {
    expect(ids('Elmfield safeguarding lead has been suspended, me mate\'s a TA there. Keep it to yerselves.')).toContain('confidential.staff-personal');
  });
  it('a class list with every kid\'s allergy left on a wall is a leak of pupils\' details', () => {
    expect(ids('Elmfield left the class list with every kid\'s allergy, medication and home phone on the wall of the church hall. I took a photo.')).toContain('confidential.pupil-personal');
  });
});

describe('a reply that answers about the person asked, and a judgement "of" a grade', () => {
  it('"> Is Dr Hale leaving?\\nProbably. They\'re on a performance improvement plan" is about Dr Hale', () => {
    expect(ids('> Is Dr Hale leaving Elmfield?\nProbably. They\'re on a performance improvement plan, so it\'s only a matter of time.')).toContain('confidential.staff-personal');
    expect(ids('> Is the Elmfield fair on Saturday?\nProbably. They\'re on a performance improvement plan for the PTA, lol.')).not.toContain('confidential.staff-personal');
  });
  it('"received a judgement of \'ineffective\'" is a poor inspection; "of \'good\'" is not', () => {
    expect(ids('Members noted that Elmfield had received a judgement of \'ineffective\' at its recent inspection.')).toContain('reputation.inspection');
    expect(ids('Elmfield received a judgement of \'good\' at its recent inspection.')).not.toContain('reputation.inspection');
  });
});
