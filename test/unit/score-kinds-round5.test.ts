/**
 * Round 5 contrast pairs for the confidential and reputation kinds (issue 11), written for this test in
 * general wording: each behaviour is a kind (a structure), with a flagged side and an unflagged side that shares
 * its words. Scored by the rules alone (no classifier, no school model), so a failure points at a rule or a
 * lexicon line.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false });
const ids = (text: string) => rules(text).categories.map((c) => c.id);

describe('an internal document: the marks of a staff-only channel and a word that it was meant to stay inside', () => {
  it('a mark that is itself a secrecy phrase ("strictly confidential") still counts beside another mark', () => {
    expect(ids('A friend passed me an internal email from Elmfield, marked strictly confidential, about moving the lunch hour to 11.30.')).toContain('confidential.internal');
  });
  it('a staff-only channel (the staff inbox, the staff group chat) and "parents have not been told"', () => {
    for (const text of [
      'From the Elmfield staff inbox, via my cousin: lunch moves to 11.30 after Easter and they are not telling the families yet.',
      'Straight off the Elmfield staff group chat: the Year 7 trip to Paris is off, and they are not informing parents until spring.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('the school writing to parents about the same matter is no leak', () => {
    for (const text of [
      'Elmfield emailed all parents today: the nursery will close in July. Letter on the website.',
      'The Elmfield newsletter says the staff room is being refurbished over the summer.',
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe('an investigation: a body that investigates and an investigating verb in one sentence, in any spelling', () => {
  it('the body and the verb far apart in a long news sentence, or a clipped spelling', () => {
    for (const text of [
      'In a statement the Health and Safety Executive has confirmed to reporters this afternoon that it is now investigating the fall at Elmfield Academy.',
      'the ombudsman r investigatin elmfield academy now?? what happened',
    ]) expect(ids(text), text).toContain('reputation.investigation');
  });
  it('a body asked to investigate someone else, or an opinion that it should, is not an investigation of the school', () => {
    for (const text of [
      'Elmfield Academy hosted a careers talk from the Health and Safety Executive about how it investigates accidents at work.',
      'The council should be investigating the potholes on the road outside Elmfield Academy.',
    ]) expect(ids(text), text).not.toContain('reputation.investigation');
  });
});

describe('an inspection outcome: a poor grade put on the school in any inspectorate wording', () => {
  it('a grade "got", "handed", "awarded" or given as a verdict after an inspection', () => {
    for (const text of [
      'Elmfield Academy got requires improvement from Ofsted, what does that even mean for our kids',
      'The inspectors handed Elmfield Academy a verdict of ineffective for leadership.',
      'Estyn inspection result for Elmfield: unsatisfactory, and in need of special measures.',
      'Elmfield Primary is now a school causing concern after the Education Scotland visit.',
    ]) expect(ids(text), text).toContain('reputation.inspection');
  });
  it('blame aimed at the inspectorate, or a good grade, is not a poor inspection', () => {
    for (const text of [
      "Ofsted's new report cards are inadequate and unfair on heads, Elmfield Academy's head said.",
      'Elmfield Academy got good in every area from Ofsted, well done all.',
      'The Ofsted framework itself is not good enough, say unions at Elmfield.',
    ]) expect(ids(text), text).not.toContain('reputation.inspection');
  });
});

describe('a member of staff charged, arrested or before a court, reported as news', () => {
  it('a reporting frame about a school staff member: a court, the police, a tribunal', () => {
    for (const text of [
      'A teaching assistant at Elmfield Academy has been remanded in custody and will stand trial at the crown court in March.',
      'An Elmfield Primary teacher was bailed by police pending further enquiries, a spokesperson confirmed.',
      'The tribunal heard that the Elmfield deputy head falsified coursework marks; he has been barred from teaching.',
      "Elmfield Academy's GCSE results were annulled by the exam board after a teacher leaked the paper.",
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('a court or police mention that is not about the school staff in trouble', () => {
    for (const text of [
      'A police officer visited Elmfield Primary to talk about bike safety.',
    ]) expect(ids(text), text).not.toContain('reputation.sanction');
  });
});

describe('an inspection outcome said of the school through its grade', () => {
  it('"its Ofsted grade is inadequate" is the school\'s outcome, not blame aimed at Ofsted', () => {
    expect(ids("Elmfield Academy's Ofsted grade is inadequate after the November visit.")).toContain('reputation.inspection');
  });
});

describe('a staff process reported as news is reputation, not a confidential disclosure', () => {
  it('a suspension reported with a reporting frame (a statement, a court, police) is not staff-personal', () => {
    for (const text of [
      'The headteacher of Elmfield Academy has been suspended while the trust looks into concerns about its finances. A spokesperson confirmed the suspension was a neutral act.',
      'Elmfield Primary caretaker remanded | A caretaker at Elmfield Primary was remanded in custody after appearing before magistrates charged with theft. He has been suspended.',
    ]) {
      expect(ids(text), text).not.toContain('confidential.staff-personal');
      expect(ids(text).some((id) => id.startsWith('reputation.')), text).toBe(true);
    }
  });
  it('the same process passed on privately, before anyone announced it, is staff-personal', () => {
    expect(ids("Keep this to yourself but Mrs Dane at Elmfield has been suspended, parents don't know yet.")).toContain('confidential.staff-personal');
  });
});

describe('wrongdoing reported as news of a court or police case is reputation, not the poster accusing', () => {
  it('a conviction, a charge or a jailing in a reporting frame carries no abuse finding', () => {
    for (const text of [
      'A former office manager at Elmfield Academy was jailed for two years after admitting stealing from the school fund, the crown court heard.',
      'An Elmfield Primary bursar has been convicted of fraud after creating false invoices, magistrates heard.',
    ]) {
      const got = ids(text);
      expect(got, text).toContain('reputation.sanction');
      expect(got.filter((id) => id.startsWith('abuse.')), text).toEqual([]);
    }
  });
  it("the poster's own accusation, or insults added to the report, stay abuse", () => {
    expect(ids('Mrs Kell the Elmfield bursar is stealing from the school fund and nobody does anything.').some((id) => id.startsWith('abuse.'))).toBe(true);
    expect(ids('The Elmfield bursar was jailed for fraud, the crown court heard. Thieving scumbag.').some((id) => id.startsWith('abuse.'))).toBe(true);
  });
});

describe('pupil images: a media noun, a recognisable pupil and no consent', () => {
  it('a clip or photo in which a named or recognisable child can be seen, put online', () => {
    for (const text of [
      'Someone has put a clip on TikTok of the Year 8 scrap at Elmfield Academy, you can clearly see it is Kian in the blue coat.',
      'A reel of the Elmfield nativity is on a public Instagram with Poppy and Aisha named in the caption, nobody asked their parents.',
      'There is a video going round of a boy at Elmfield having a meltdown in the corridor and his face is fully visible.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the school publishing with consent, faces hidden, or a photo with nobody identified', () => {
    for (const text of [
      'Lovely photo on the Elmfield website of Year 6 on their residential, shared with the families\' permission.',
      'Someone put a video of the Elmfield fight online but all the faces are blurred out.',
      'Great photo of the new Elmfield sports hall on the council page.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});


describe('pupil images: an image description of any length, and media words in other languages', () => {
  it('an attached image described in brackets ("[photo: …]") that names a pupil and their year', () => {
    expect(ids('[photo: Jasmine Okoro, Year 9, Elmfield Academy blazer, outside the chip shop at 4pm] she is always here on her own')).toContain('confidential.pupil-personal');
  });
  it('a Welsh or Polish word for photos, a named child and the school', () => {
    for (const text of [
      'Lluniau o Ysgol Elmfield: Osian Prydderch ar y cae chwarae 📸',
      'Zdjęcie ze szkoły Elmfield: Kacper Nowicki na boisku, nikomu nie mówcie',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('an image description of the building or a description with no one named is no disclosure', () => {
    for (const text of [
      '[photo: the new Elmfield Academy sports hall, opened by the mayor on Friday]',
      '[image: Year 9 pupils at Elmfield planting trees, shared with parents\' permission]',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('credentials: the word for a password in other languages, and a system "unlocked" with a secret', () => {
  it('a Welsh or Polish password word before a secret-looking token', () => {
    for (const text of [
      'Elmfield staff: y cyfrinair ar gyfer Arbor yw Hydref2026! diolch',
      'Dla nauczycieli w Elmfield: hasło do wifi to Jesien2026#',
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('a school system, a note in brackets, an unlocking word and a secret', () => {
    expect(ids('Bromcom (Elmfield Academy) unlocked with Frost2026!')).toContain('confidential.credentials');
  });
  it('a system that was unlocked, with no secret given, or a year in brackets, is not a leak', () => {
    for (const text of [
      'Bromcom (Elmfield Academy) unlocked again after the outage, thanks IT.',
      'Bromcom (since 2026) is much better than SIMS at Elmfield.',
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('internal documents: more channels, headed minutes, and keeping-it-inside idioms in English and Roman Urdu', () => {
  it('a staff channel or headed minutes beside an idiom of keeping it inside', () => {
    for (const text of [
      "Lifted from the Elmfield staff Teams channel: 'the new timetable goes no further than this room until Easter.'",
      'Found on the Elmfield photocopier: minutes marked NOT FOR CIRCULATION about the lunch rota.',
      'Elmfield ke staff meeting ka screenshot: lunch 11.30 se. Kisi ko mat batana.',
      'Leaked draft of the Elmfield staff bulletin: the Year 7 trip is off.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('a staff channel with nothing meant to stay inside, or a time in minutes, is no leak', () => {
    for (const text of [
      'The Elmfield staff Teams channel is where supply teachers find cover work, says the head.',
      'Elmfield assembly ran ten minutes over, not for the first time.',
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe('SEND provision named for a pupil (data: send, from the SEND Code of Practice and common provision maps)', () => {
  it('an intervention, an assessment or an access arrangement next to a named pupil', () => {
    for (const text of [
      'fyi Ruby Sandhu in Year 4 at Elmfield does Toe by Toe with a TA every morning now.',
      'Noah Whitlock (Elmfield, Year 8) has a writing slope and ear defenders these days.',
      'Apparently Leo Marsh in Year 2 at Elmfield does Drawing and Talking sessions on Fridays.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same provision described for a whole class or as a school offer is not a disclosure', () => {
    for (const text of [
      'Elmfield offers Toe by Toe and Drawing and Talking to any Year 1 child who needs them, see the SEN information report.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('inspection grades in other wordings and languages', () => {
  it('"below the expected standard" from inspectors, and Welsh words for the inspectors', () => {
    for (const text of [
      'Elmfield Primary has been rated below the expected standard after inspectors visited in May.',
      "Newyddion drwg: Elmfield wedi cael 'unsatisfactory' gan yr arolygwyr.",
    ]) expect(ids(text), text).toContain('reputation.inspection');
  });
  it('a pupil working below the expected standard in a subject is not an inspection', () => {
    expect(ids('Our son at Elmfield is working below the expected standard in reading, so we do extra at home.')).not.toContain('reputation.inspection');
  });
});

describe('condition awareness: an awareness day or week is about the condition, not about someone', () => {
  it('an awareness event and general advice about the condition is not a disclosure', () => {
    for (const text of [
      'Elmfield is going blue on Thursday for Diabetes Awareness Day. Reminder of the signs of a hypo: shaky, sweaty, pale. Give sugar first.',
      'It is ADHD Awareness Month at Elmfield. A fidgety child is not being rude, they may need to move to think.',
      "It's Dyslexia Awareness Week at Elmfield. A child who reads slowly is not lazy.",
      'Elmfield goes purple on Friday for epilepsy awareness. Seizure first aid reminder: time it, protect the head and call 999 after five minutes.',
    ]) expect(ids(text).filter((id) => id.startsWith('confidential.')), text).toEqual([]);
  });
  it('a named pupil with the condition, on the same awareness day, is still a disclosure', () => {
    expect(ids('For Diabetes Awareness Day at Elmfield: Kian Doyle in Year 5 has type 1 diabetes and had a hypo in PE yesterday.')).toContain('confidential.pupil-personal');
  });
});

describe('fines and legal outcomes, and protests, in more wordings', () => {
  it('a school made to pay, a penalty accepted, a court ruling against it', () => {
    for (const text of [
      'Elmfield Academy has been told to pay out £20,000 after a tribunal ruled it unfairly dismissed a cook.',
      'Elmfield Primary has accepted a financial penalty over the lost laptops, the governors said.',
      'Elmfield dostała karę za wyciek danych uczniów.',
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('a penalty in a football match or a parent fined for holidays is not about the school', () => {
    for (const text of [
      'Elmfield under-11s won on penalties, what a match!',
    ]) expect(ids(text), text).not.toContain('reputation.sanction');
  });
  it('a vigil or a sit-in over a school decision', () => {
    for (const text of [
      'Parents held a candlelit vigil outside Elmfield Academy against the closure of the nursery.',
    ]) expect(ids(text), text).toContain('reputation.protest');
  });
  it('a strike by bin collectors is not a protest against the school', () => {
    for (const text of [
      'Bin strike means the Elmfield Academy car park bins are overflowing, the council says.',
    ]) expect(ids(text), text).not.toContain('reputation.protest');
  });
});

describe('a member of staff off work and the reason why, whatever the reason (data: absence-cue)', () => {
  it('an absence phrase, then the reason, about a titled member of staff', () => {
    for (const text of [
      'Mr Pryce Elmfield se chutti pe hai, dental abscess ki wajah se.',
      'Dey say Miss Kerr at Elmfield is been aff fir weeks wi her shoulder op.',
      'Mrs Garside at Elmfield is off work with her jaw op, supply till half term.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('off with a class on a trip, or a school newsletter naming no reason, is no disclosure', () => {
    for (const text of [
      'Mrs Garside at Elmfield is off with Year 6 to the Isle of Wight all week.',
      'Mr Oduya from Elmfield is off on a course in Leeds until Friday.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('a disciplinary process by another name', () => {
  it('a conduct panel, being sent home while HR look into something', () => {
    for (const text of [
      'Between us, Mr Hale at Elmfield faces a conduct panel next week.',
      'Mrs Oni from Elmfield was sent home while HR investigate, nobody is supposed to know.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
});

describe("the school's own voice: a letter from the head or the governors to families is published, not leaked", () => {
  it('a governors\' or head\'s letter about policy, however it words what is not yet known', () => {
    for (const text of [
      'Dear parents and carers, the chair of governors and I have reviewed our allergy policy. If we do not yet know about your child\'s allergy, please tell the office. Yours sincerely, Mrs Ade, Headteacher, Elmfield Primary',
    ]) expect(ids(text).filter((id) => id.startsWith('confidential.')), text).toEqual([]);
  });
  it('the same letter passed on with a word that it was meant to stay inside is still a leak', () => {
    expect(ids('Not for circulation — staff briefing from the chair of governors at Elmfield: the deficit means nine posts go. Dear colleagues, please keep this to yourselves.')).toContain('confidential.internal');
  });
});

describe("the writer's own child's condition, a few words after 'my son'", () => {
  it('"my daughter had her first asthma attack in PE, the staff were brilliant" discloses nothing about staff', () => {
    expect(ids('When my daughter had her first asthma attack in PE at Elmfield, the staff were brilliant and a teacher stayed with her.')).not.toContain('confidential.staff-personal');
  });
  it("a teacher's condition told after 'my son's teacher' is still about the teacher", () => {
    expect(ids("My son's teacher Mrs Dane at Elmfield has been off with depression since October.")).toContain('confidential.staff-personal');
  });
});

describe('staff in trouble with the law, told in slang or Roman Urdu, with the news as its source', () => {
  it('"got nicked", "giraftar hua", with "it is on the local news"', () => {
    for (const text of [
      "it's on the local news, a TA from Elmfield got nicked for selling fake sick notes to parents",
      'Khabar hai ki Elmfield ka ek TA giraftar hua, chori ka charge laga hai.',
    ]) {
      const got = ids(text);
      expect(got, text).toContain('reputation.sanction');
      expect(got.filter((id) => id.startsWith('abuse.')), text).toEqual([]);
    }
  });
  it('a pupil nicking chips at lunch is no arrest', () => {
    expect(ids('Some Year 8 at Elmfield nicked my chips at lunch, cheeky sod')).not.toContain('reputation.sanction');
  });
});

describe('credentials: school systems by product name (data: credential-system)', () => {
  it('a Welsh, Scottish or English school platform, then a secret', () => {
    for (const text of [
      'SEEMiS (Elmfield Academy) unlocked 🔓 Thistle2026!',
      'the Hwb account for Elmfield is Cennin2026 if anyone needs it',
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });
  it('the platform named with no secret is no leak', () => {
    expect(ids('Hwb was down all morning at Elmfield, 2026 is not going well.')).not.toContain('confidential.credentials');
  });
});

describe('a chat transcript: a question about a named child on one line, the answer on the next speaker\'s line', () => {
  it('"where\'s X been" without a question mark, answered by the next speaker', () => {
    for (const text of [
      "Tom: where's Layla Brennan been lately\nSam: excluded for a week after the fight at Elmfield, keep it quiet",
      "Tom: why is Layla Brennan always at the nurse at Elmfield\nSam: she's got coeliac disease apparently",
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the next speaker changing the subject is not an answer about the child', () => {
    expect(ids("Tom: where's Layla Brennan been lately\nSam: the exclusion figures for Elmfield were in the paper today")).not.toContain('confidential.pupil-personal');
  });
});

describe('an event with a capitalised name is not a named pupil', () => {
  it('"World Book Day parade livestream" with a year group is praise, not a photo of a named child', () => {
    expect(ids('watched the Elmfield World Book Day parade livestream twice, Year 4 smashed it')).not.toContain('confidential.pupil-personal');
  });
  it('a named child in the livestream is still one', () => {
    expect(ids('the Elmfield parade livestream is up on a public page and you can see Kian Doyle from Year 4 crying, nobody asked his mum')).toContain('confidential.pupil-personal');
  });
});

describe('exclusion and safeguarding in slang and agency names (data: send, pupil-sensitive)', () => {
  it('"booted out", a youth justice or youth offending team, next to a named pupil', () => {
    for (const text of [
      'Jodie Marsh in Year 9 at Elmfield got booted out for three days, her mum is raging.',
      'Word is Kai Turner at Elmfield is known to the youth offending team now.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same words about no one in particular are no disclosure', () => {
    expect(ids('Elmfield had a talk from the youth offending team about knife crime for all of Year 10.')).not.toContain('confidential.pupil-personal');
  });
});

describe('a grade said of the inspectorate, on a long item', () => {
  /** The longest string, and how many, the inspectorate-before-a-grade pattern (source contains "one-word") reads while `run` runs. */
  function inspectorateReads(run: () => void): { calls: number; longest: number } {
    let calls = 0;
    let longest = 0;
    const { exec } = RegExp.prototype;
    // patched by hand, not with a spy: a spy's own bookkeeping runs regular expressions too
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      if (this.source.includes('one-word\\s+judgements')) {
        calls++;
        longest = Math.max(longest, s.length);
      }
      return exec.call(this, s);
    };
    try {
      run();
    } finally {
      RegExp.prototype.exec = exec;
    }
    return { calls, longest };
  }
  it('reads only a short window before each grade, not the sentence from its start', () => {
    const text = 'Elmfield Academy. ' + 'ofsted said the framework is inadequate and '.repeat(600);
    let found: string[] = [];
    const reads = inspectorateReads(() => (found = ids(text)));
    expect(reads.calls).toBeGreaterThan(0);
    expect(reads.longest).toBeLessThanOrEqual(160);
    // every grade here is said of the framework, so none is the school's inspection
    expect(found).not.toContain('reputation.inspection');
  });
  it('a grade far along a long sentence is still read as said of the inspectorate, or of the school', () => {
    const filler = 'and then we talked about lots of things at the gate '.repeat(20);
    expect(ids(`Elmfield Academy ${filler} but honestly the framework itself is inadequate`)).not.toContain('reputation.inspection');
    expect(ids(`Elmfield Academy ${filler} and it was rated inadequate by Ofsted last week`)).toContain('reputation.inspection');
  });
});

describe('reported wrongdoing: the news frame clears only the finding it reports', () => {
  it("the poster's own accusation in another sentence, about another person, stays abuse", () => {
    expect(ids('Police said a former caretaker at Elmfield Academy was charged with theft. Separately, everyone knows Mrs Cole fiddles the dinner money and steals from the PTA fund.')).toContain('abuse.disparaging');
  });
  it('a titled person the report never names, in the next sentence, is the poster\'s own claim', () => {
    expect(ids('Police said a former caretaker at Elmfield Academy was charged with theft. Everyone knows Mrs Cole fiddles the dinner money and steals from the PTA fund.')).toContain('abuse.disparaging');
  });
  it('the wrongdoing told inside the news frame, or in the sentence beside it, is still news, not abuse', () => {
    for (const text of [
      'Police said a former caretaker at Elmfield Academy was charged with theft after stealing from the PTA fund.',
      'A former Elmfield Academy teacher stole £5,000 from the school fund. He was jailed for two years, the court heard.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('a photo: a part in a play or a seasonal character is not a pupil recognised by name', () => {
  it('"that\'s Mary and Joseph", "that\'s Santa" in photos of an event with nothing to say they went out', () => {
    for (const text of [
      "Lovely photos of the children's nativity at Elmfield Academy, that's Mary and Joseph at the front with the donkey.",
      'Photos of the kids at the Elmfield Academy Christmas fair, that\'s Santa in his grotto.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
  it('a first name after "that\'s" in a photo of pupils still identifies one', () => {
    expect(ids('Photo of the Year 4 class at Elmfield Academy going round on Facebook, that\'s Poppy at the front crying.')).toContain('confidential.pupil-personal');
  });
  it('a part in the play, with a sign the photo went out, may still be a pupil\'s own name', () => {
    expect(ids("Photos of the children's nativity at Elmfield Academy are going round on Facebook, that's Mary at the front crying.")).toContain('confidential.pupil-personal');
  });
});

describe('a member of staff off with a group: where they are, not why', () => {
  it('"off with his class", "off with her form", "off with their tutor group"', () => {
    for (const text of [
      'Mr Hart at Elmfield Academy is off with his class at the museum today so no homework club.',
      'Miss Jones at Elmfield Academy is off with her form on the Ashworth trip until Friday.',
      'Mrs Cole at Elmfield Academy is off with her tutor group at the outdoor centre this week.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
  it('off with a reason still tells someone\'s health', () => {
    expect(ids('Miss Jones at Elmfield Academy is off with her back again, third time this term.')).toContain('confidential.staff-personal');
  });
});
