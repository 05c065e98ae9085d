/**
 * Contrast pairs for the kinds of text round 3 generalises (issue 11): each case has a flagged side
 * and an unflagged side that shares its words, scored by the rules alone (no classifier, no school
 * model), so a failure points at a rule or a lexicon line. Sentences are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { LEXICON } from '../../lib/score/lexicon';
import { parseLexiconTsv } from '../../lib/score/lexicon-data';

const rules = (text: string, lexicon = LEXICON) => scoreItem({ title: '', text }, undefined, { classifier: false, lexicon });
const ids = (text: string) => rules(text).categories.map((c) => c.id);

describe('discrimination: an identity word near an exclusion cue', () => {
  it('flags blunt and polite exclusion aimed at a teacher, pupil or family, in any order', () => {
    for (const text of [
      'With respect, people like Mrs Farouk shouldn\'t be teaching at Elmfield. She is a Sikh after all.',
      'Elmfield has hired a Nigerian for Year 4. Send them all back, I say.',
      'Can Elmfield explain why a Mormon is allowed near our children?',
      'Honestly the new TA at Elmfield is a bloke in a dress. Not having my kids confused like that.',
      'Not racist but Elmfield Primary has too many of them on the staff now.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });

  it('does not flag the same identities in RE lessons, festivals, EAL support or praise of the staff', () => {
    for (const text of [
      'Elmfield Year 5 visited the gurdwara in RE and learnt how Sikh families celebrate Vaisakhi.',
      'Lovely Eid party at Elmfield today, thank you to the Muslim families who brought food.',
      'The EAL team at Elmfield help pupils from Poland and Romania settle in so quickly.',
      'Our deaf son has thrived at Elmfield: the staff learnt to sign for him.',
      'Such a diverse staff at Elmfield, gay, straight, Christian and Hindu, and all brilliant.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });

  it('a negated or condemned cue does not count', () => {
    expect(ids('Mrs Farouk is a Sikh and she belongs at Elmfield as much as anyone.')).not.toContain('abuse.discriminatory');
    expect(ids('Someone wrote that people like Mrs Farouk shouldn\'t be teaching because she is Sikh. Disgusting, reported it.')).not.toContain('abuse.discriminatory');
  });

  it('a cue is one line of data: without it the remark is not found', () => {
    const text = 'Elmfield took on a Buddhist for reception. Utterly unwelcome here.';
    expect(ids(text)).not.toContain('abuse.discriminatory');
    const added = LEXICON.with(parseLexiconTsv('term\tcategory\tweight\tsource\nutterly unwelcome\tidentity-exclusion\t0.85\ttest line\n'));
    expect(rules(text, added).categories.map((c) => c.id)).toContain('abuse.discriminatory');
  });

  it('a condition said of a group is not a member of staff\'s health', () => {
    expect(ids('Mrs Kerr at Elmfield is deaf and off for an operation next week.')).toContain('confidential.staff-personal');
    expect(ids('Mrs Kerr at Elmfield? Deaf people shouldn\'t be teaching, simple as.')).not.toContain('confidential.staff-personal');
  });
});

describe('credentials in any wording', () => {
  it('flags a secret given for a log-in, a school system, a network or a door, however it is put', () => {
    for (const text of [
      'Elmfield staff, pw for the photocopier account is now Kestrel2027 fyi',
      'lol Elmfield still has Bromcom on Autumn99! nobody ever changes it',
      'user: office1 / pass: Heron44 (Elmfield MIS) enjoy',
      'Elmfield staff wifi key is Elm-Staff-2027 if anyone needs it',
      'The door code at Elmfield is 4518, the back gate is the same.',
    ]) expect(ids(text), text).toContain('confidential.credentials');
  });

  it('does not flag talk about passwords in general, or numbers that are not secrets', () => {
    for (const text of [
      'Reminder from Elmfield: change your ParentPay password every term and never share it.',
      'Elmfield Year 6 did an online safety lesson on strong passwords, e.g. three random words.',
      'Cannot log in to Google Classroom at Elmfield again today, anyone else?',
      'Elmfield ParentPay: Year6 trip is £12.50, pay by Friday 3pm.',
      'The Elmfield office door code changed this week; ask reception if you need it.',
      // a school system and a code that is no secret (review of round 3)
      'Elmfield trip: pay on ParentPay, reference TRIP2026, by Friday.',
      'Elmfield staff wifi keeps dropping since the Windows11 update.',
      'Elmfield homework is on Google Classroom: classroom.google.com/c/NjQ2ODk2',
    ]) expect(ids(text), text).not.toContain('confidential.credentials');
  });
});

describe('threat idioms and campaigns of contact', () => {
  it('flags veiled threats in standard and regional wording', () => {
    for (const text of [
      'Keep my girl in at break again, Mrs Hale, and you\'ll find her tyres slashed. Ask Elm School if I\'m joking.',
      'Mr Dale from Elm School is going to get hurt if this carries on.',
      'Elm School head wants to watch herself walking to that car park after parents evening.',
      'I kna where he lives, the Elm School heid. See how he likes it.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });

  it('does not flag the same words as a warning, an errand or news of damage', () => {
    for (const text of [
      'Cars mount the kerb outside Elm School every morning. Someone is going to get hurt.',
      'Staff at Elm School had their tyres slashed in the car park overnight; police are appealing for witnesses.',
      'I\'ll be at the Elm School gates at 3:15 to collect my son, see you there.',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });

  it('flags a campaign of repeated contact or a pile-on, not an ordinary appeal', () => {
    for (const text of [
      'Everyone troll Mr Dale from Elm School, we don\'t stop till they leave.',
      'Messaged Mrs Hale at Elm School every day til she resigns, keep it going people.',
      'Everyone message the Elm School head on her personal Facebook and ask her how she sleeps at night.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
    for (const text of [
      'Calling all Elm School parents: the more the better at Saturday\'s litter pick, join in!',
      'Elm School PTA: everyone message the class rep if you can help with the disco.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });
});

describe('counter-speech, rebuttal and negation: whose words, and are they meant', () => {
  const abusive = (text: string) => ids(text).some((id) => id.startsWith('abuse.'));
  it('an insult quoted, reported or asked about and then condemned or denied is not the writer\'s', () => {
    for (const text of [
      '> Mr Dale at Elm School is a total muppet\nCan\'t believe people write this about a teacher. Report and block.',
      'Someone\'s been sayin\' Mrs Hale at Elm School fiddles the dinner money. Utter pish, she\'s brilliant.',
      'Somebody wrote \'Mr Dale is a nonce\' on the Elm School page. Not banter, reported it.',
      'is it true Mrs Hale at Elm School nicks from the tuck shop?? no, total lies, the school wrote to us about it',
      'I used to think Mr Dale at Elm School was useless. I was wrong, he got my son through his GCSEs.',
    ]) expect(abusive(text), text).toBe(false);
  });

  it('the same insults said in the writer\'s own voice, or agreed with, are flagged', () => {
    for (const text of [
      'Mr Dale at Elm School is a total muppet. Report him to the governors.',
      'Mrs Hale at Elm School fiddles the dinner money, everyone knows it.',
      'Someone wrote that Mr Dale at Elm School is useless and they\'re not wrong.',
    ]) expect(abusive(text), text).toBe(true);
  });

  it('"no way is she …" and "the opposite of a …" negate the insult', () => {
    expect(abusive('No way is Mrs Hale at Elm School clueless. Best teacher there.')).toBe(false);
    expect(abusive('Mrs Hale at Elm School is clueless.')).toBe(true);
    expect(abusive('Mr Dale at Elm School is the opposite of a liar.')).toBe(false);
    expect(abusive('Mr Dale at Elm School is a liar.')).toBe(true);
  });

  it('a rumour of a sacking that the item rebuts discloses nothing; told as fact it does', () => {
    expect(ids('The claim that Mr Dale at Elm School was sacked from his last job is false. Stop sharing it.')).not.toContain('confidential.staff-personal');
    expect(ids('Mr Dale at Elm School was sacked from his last job, a friend in HR told me.')).toContain('confidential.staff-personal');
  });

  it('knowing where a neighbour lives, or a nan waiting at the gates, is not a threat', () => {
    expect(ids('I know where Mrs Hale from Elm School lives, she\'s my neighbour and a lovely woman.')).not.toContain('abuse.threat');
    expect(ids('I know where Mrs Hale from Elm School lives. She won\'t be expecting me.')).toContain('abuse.threat');
    // an ordinary reason said in the next sentence still counts; one mild word there does not clear a threat
    expect(ids('I know where Mrs Hale from Elm School lives. She\'s my neighbour.')).not.toContain('abuse.threat');
    expect(ids('I know where Mrs Hale from Elm School lives. Lovely house.')).toContain('abuse.threat');
  });
});

describe('reputation: staff in court, results stripped, inspections, reviews', () => {
  const rep = (text: string) => ids(text).filter((id) => id.startsWith('reputation.'));
  it('flags public reporting of charges, hearings, penalties and downgrades', () => {
    for (const text of [
      'Elm School teacher in court. The former PE teacher denied all charges at a hearing on Monday.',
      'Exam board cancels grades at Elm School after staff helped candidates cheat.',
      'Elm School goes from good to inadequate in one inspection.',
      'Elm School has been placed in urgent improvement after the inspection.',
      'The local authority designated officer has been at Elm School all week; the trust is cooperating fully.',
    ]) expect(rep(text), text).not.toEqual([]);
  });

  it('does not flag the same words about a cancelled trip, a tribunal against the council or a school coming out of a category', () => {
    for (const text of [
      'Elm School cancelled the Year 6 residential with a week\'s notice, gutted but understandable.',
      'Elm School has come out of special measures, well done everyone.',
    ]) expect(rep(text), text).toEqual([]);
  });
});

describe('confidential: named pupils in photos, and new vocabulary said of a named person', () => {
  it('a photo or video of a named child shared without consent is flagged; with consent or as news it is not', () => {
    expect(ids('Snapchat story from the Elm School residential: Ruby Marsh and Theo Lang asleep in Year 5 dorm, nobody asked their parents.')).toContain('confidential.pupil-personal');
    expect(ids('Elm School residential photos, shared with the family\'s consent: Ruby Marsh in Year 5 won the talent show.')).not.toContain('confidential.pupil-personal');
    expect(ids('AFPS residential pics from Elm School, no faces, but the view over the Lake District was something else.')).not.toContain('confidential.pupil-personal');
  });

  it('a safeguarding or SEND term next to a named pupil is flagged; the term as a topic is not', () => {
    expect(ids('Don\'t repeat this but Ruby Marsh in Year 4 at Elm School is on a supervision order.')).toContain('confidential.pupil-personal');
    expect(ids('Elm School governors had training on supervision orders and the MARAC process this week.')).not.toContain('confidential.pupil-personal');
  });

  it('a capability or disciplinary step next to a named teacher is flagged; the policy is not', () => {
    expect(ids('Not official yet but Mr Dale at Elm School is on a final written warning.')).toContain('confidential.staff-personal');
    expect(ids('Elm School has published its new disciplinary policy, including how a final written warning works.')).not.toContain('confidential.staff-personal');
  });
});

describe('round 3, second pass: accents, codes, open links, "X my arse"', () => {
  it('a remark about a teacher\'s accent or language is discriminatory; asking for EAL help is not', () => {
    expect(ids('Not being funny but why has Elm School got a teacher who can\'t even speak proper English? Sick of it.')).toContain('abuse.discriminatory');
    expect(ids('Elm School\'s EAL team help new pupils speak English with confidence, brilliant work.')).not.toContain('abuse.discriminatory');
  });

  it('a code given in a chat or an open document link is a credential; a school word ending in "!" is not', () => {
    expect(ids('Elm School staff toilet code is 2244 lol')).toContain('confidential.credentials');
    expect(ids('The Elm School SharePoint for the therapy team is open to anyone with the link: elmschool-my.sharepoint.example/personal/ot_reports')).toContain('confidential.credentials');
    expect(ids('Reminder from the Elm School PTA: the tuck shop is cashless, top up on ParentPay. Diolch!')).not.toContain('confidential.credentials');
    expect(ids('A phishing email asked Elm School pupils to confirm their password. Don\'t click it.')).not.toContain('confidential.credentials');
  });

  it('"scum my arse" denies the word it repeats', () => {
    expect(ids('Elm School teachers scum? Scum my arse, they drove my lad to hospital.').some((id) => id.startsWith('abuse.'))).toBe(false);
    expect(ids('Elm School teachers are scum.').some((id) => id.startsWith('abuse.'))).toBe(true);
  });
});

describe('British slang insults and damaging claims', () => {
  const abusive = (text: string) => ids(text).some((id) => id.startsWith('abuse.'));
  it('a weak slang insult counts in an insulting construction, not as an ordinary noun', () => {
    expect(abusive('That Mrs Hale from Elm School is a right doughnut, la.')).toBe(true);
    expect(abusive('Bought a jam doughnut at the Elm School summer fair, lovely afternoon.')).toBe(false);
  });
  it('a claim of bribery said of a named teacher is damaging, however politely put; denied it is not', () => {
    expect(abusive('With the greatest respect, Mr Dale at Elm School takes bribes for school places.')).toBe(true);
    expect(abusive('The rumour that Mr Dale at Elm School takes bribes is total lies. Don\'t spread it.')).toBe(false);
  });
});

describe('tone and regional voices (corpus kinds)', () => {
  it('"wants battered" said of a teacher is a threat; "needs a battering" of a slide is not aimed at anyone there', () => {
    expect(ids('Ms Hale fae Elm School wants battered, gave ma brother a detention for breathin')).toContain('abuse.threat');
    expect(ids('Elm School fair was lovely, the chippy van sold out of battered fish by six.')).not.toContain('abuse.threat');
  });
  it('a staff-room code is a credential; the year a school opened is not', () => {
    expect(ids('who wants the staff room code at Elm School, its literally 2011 lol')).toContain('confidential.credentials');
    expect(ids('Elm School opened in 2011 and the staff room was refitted this year.')).not.toContain('confidential.credentials');
  });
  it('leave a teacher announced herself is not a disclosure', () => {
    expect(ids('Miss Ahern at Elm School is on maternity leave from January, she told us at parents evening so it is not a secret.')).not.toContain('confidential.staff-personal');
    expect(ids('Miss Ahern at Elm School is on maternity leave from January, keep it quiet.')).toContain('confidential.staff-personal');
  });
});

describe('court reports and quoted threats', () => {
  it('an adult named in a court report is not a pupil; a child named with a condition is', () => {
    expect(ids('Former Elm School TA jailed for stealing from pupils\' trip fund. Laura Pike, 44, admitted theft at Elmford Crown Court.')).not.toContain('confidential.pupil-personal');
    expect(ids('Ruby Marsh in Year 4 at Elm School has epilepsy, her mum told everyone at the gate.')).toContain('confidential.pupil-personal');
  });
  it('a threat quoted in order to report it is not the writer\'s threat', () => {
    expect(ids('Forwarded because it\'s disgusting: "If Mrs Hale at Elm School touches my son again I\'ll be waiting for her in the car park." I\'ve reported it to the school.')).not.toContain('abuse.threat');
    expect(ids('If Mrs Hale at Elm School touches my son again I\'ll be waiting for her in the car park.')).toContain('abuse.threat');
  });
});

describe('outcomes that clear a school', () => {
  const rep = (text: string) => ids(text).filter((id) => id.startsWith('reputation.'));
  it('a teacher cleared, or a school out of special measures, is not a reputational risk; charged or placed in it is', () => {
    expect(rep('Elm School teacher cleared of assault after a two-day trial at Elmford Magistrates\' Court.')).toEqual([]);
    expect(rep('Elm School teacher charged with assault, due at Elmford Magistrates\' Court.')).not.toEqual([]);
    expect(rep('Elm School has been rated good after its period in special measures.')).toEqual([]);
    expect(rep('Elm School has been placed in special measures.')).not.toEqual([]);
  });
});

describe('a named pupil and a sensitive fact across a question and its answer', () => {
  it('the fact in the answer to a question about the child counts; a question answered about something else does not', () => {
    expect(ids('Why is Ruby Marsh always out of lessons at Elm School? Oh right, a statement of special needs.')).toContain('confidential.pupil-personal');
    expect(ids('Why is Ruby Marsh always first in the lunch queue at Elm School? The SEND review meeting is on Tuesday for all parents.')).not.toContain('confidential.pupil-personal');
  });
  it('"from Year 3" marks a pupil named by first name, with a capital Y', () => {
    expect(ids('Update on Zara from Year 3 at Elm School: hospital confirmed alopecia yesterday.')).toContain('confidential.pupil-personal');
  });
});

describe('campaign cues stay specific', () => {
  it('"ring back" or "everyone in this group" in an ordinary post is not a campaign; jamming the lines is', () => {
    expect(ids('Rather than waiting for Elm School to ring back I just call the office again at nine.')).not.toContain('abuse.harassment');
    expect(ids('Everyone in this group has been so kind about the Elm School fair, thank you.')).not.toContain('abuse.harassment');
    expect(ids('Everyone in this group, phone Elm School at 8.30 tomorrow and jam the lines till Mr Dale resigns.')).toContain('abuse.harassment');
  });
});

describe('refusing a kind of person is not negation', () => {
  it('"I\'m not having a <slur> near my kids" is flagged; "I don\'t want to slag anyone off" is not an insult', () => {
    expect(ids('Pulled my son out of Elm School. I\'m not having a paki anywhere near my kids.')).toContain('abuse.discriminatory');
    expect(ids('I don\'t want to slag anyone off at Elm School, but communication this term has been poor.').some((id) => id.startsWith('abuse.'))).toBe(false);
  });
});

describe('short verdicts and ironic labels', () => {
  it('"Honestly incompetent." after naming a role insults them; "Vile." after reported abuse condemns it', () => {
    expect(ids('Elm School\'s attendance officer? Honestly incompetent.')).toContain('abuse.disparaging');
    expect(ids('Reported the comment that said Mr Dale at Elm School is a wh*re. Vile.').some((id) => id.startsWith('abuse.'))).toBe(false);
  });
  it('"the school\'s finest snake" is an insult; a snake in the science lab is not', () => {
    expect(ids('Mrs Hale, Elm School\'s finest snake.')).toContain('abuse.disparaging');
    expect(ids('Elm School\'s science lab has a new corn snake called Kevin.')).not.toContain('abuse.disparaging');
  });
});

describe('a named adult is told by an age, not by any number after the name', () => {
  it('"Noah Patel, 42," is an adult; "Noah Patel, 23 Acacia Avenue" and "Noah Patel, 2015" are not', async () => {
    const { adultNamed } = await import('../../lib/score/rules/confidential');
    const after = (raw: string) => adultNamed(raw, { start: 0, end: 'Noah Patel'.length });
    expect(after('Noah Patel, 42, of Hill Road was fined.')).toBe(true);
    expect(after('Noah Patel, aged 19, appeared in court.')).toBe(true);
    expect(after('Noah Patel, 23 Acacia Avenue, has epilepsy.')).toBe(false);
    expect(after('Noah Patel, 2015 intake, has epilepsy.')).toBe(false);
    expect(after('Noah Patel, 12, has epilepsy.')).toBe(false);
  });
});

describe('harassment campaigns by their parts (round 4)', () => {
  it('contact aimed at someone plus a call to join in or persistence is a campaign, in any wording', () => {
    for (const text of [
      'so the plan is we take it in turns and just badger Mrs Hale at Elm School, your turn tonight',
      'Elm School parents: go pester Mr Dale, link in bio, they cannot ignore all of us. The more the better.',
      'evry1 msg Mrs Hale 2nite, over 70 msgs n countin, Elm School will learn',
      'My challenge to listeners: hassle Mr Dale at Elm School. I have already done 40.',
      'Right, I am asking everyone on here to text Mrs Hale from Elm School daily until she cracks.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });

  it('one part alone, a small count, a kind purpose or a body outside the school is not a campaign', () => {
    for (const text of [
      'Emailed Mrs Hale at Elm School three times about the bus, no answer yet. Let\'s see.',
      'I have emailed the governors of Elm School asking for a meeting. Please do the same if it affects your child.',
      'Costs have gone up for everyone. I have emailed Mrs Nash at Elm School to ask about a sibling discount.',
      'Let\'s all message Mrs Hale at Elm School every day this week to wish her a happy retirement!',
      'Walkout at Elm School tomorrow 11am over the uniform rules, spread the word',
      'Everyone email the council every day until they fix the crossing outside Elm School.',
      'Mrs Hale at Elm School said to text her any time. She is a hundred times more use than ringing the office.',
      'My daughter at Elm School has read the same book about forty times. I have put it in an email to the office and asked for a meeting.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });

  it('a campaign quoted in order to condemn it is not the writer\'s', () => {
    expect(ids('Someone posted "everyone DM Mrs Hale at Elm School daily till she quits". Disgusting, reported it.')).not.toContain('abuse.harassment');
    expect(ids('Everyone DM Mrs Hale at Elm School daily till she quits.')).toContain('abuse.harassment');
  });
});

describe('claims of misconduct by their structure (round 4)', () => {
  it('a person at the school as the subject of wrongdoing, stated as fact, is damaging however politely put', () => {
    for (const text of [
      'With all due respect, I feel I must record that Mr Dale at Elm School pockets the tuck shop takings.',
      'Mrs Hale, who runs Year 6 at Elm School, shoves the children when nobody is looking.',
      'Elm School\'s bursar sells the school laptops on eBay, I simply thought you ought to know.',
      'Mr Dale at Elm School swindled the PTA out of thousands.',
      'Hate to say it, but Mrs Hale at Elm School drives the minibus drunk.',
      'Mr Dale from Elm School buys his pills off the sixth formers.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });

  it('the same verbs denied, asked, reported as news, said of a pupil or of ordinary things are not', () => {
    for (const text of [
      'Mr Dale at Elm School never pocketed the tuck shop takings, whatever people say.',
      'Did Mrs Hale at Elm School really sell the school laptops?',
      'Elm School teacher cleared of assault on a pupil, court hears.',
      'Mr Dale at Elm School says the school spends more on heating than on books now.',
      'Mrs Hale at Elm School took the netball girls to the regional finals.',
      'There is a rumour that Mr Dale at Elm School pockets the tuck shop takings. Not a word of truth in it.',
      'Our new boy at Elm School is only four and he pushed a pupil today, the staff handled it well.',
      'The deputy at Elm School took his laptop off him in front of the class and walked him off site.',
      'Mrs Hale, a TA at Elm School, says the boy uses about twenty words and loves the minibus.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('a label or claim reported in order to deny it (round 4 denials and report frames)', () => {
  it('"described as a liar … nothing of the sort" and "whoever\'s saying … not a word of truth" deny; the bare label insults', () => {
    for (const text of [
      'I keep seeing Mrs Hale from Elm School described as a liar on here. Having known her for years, she is nothing of the sort.',
      'Whoever\'s saying Mr Dale at Elm School pocketed the trip money, would ye ever stop. There\'s not a word of truth in it.',
    ]) expect(ids(text).filter((id) => id.startsWith('abuse.')), text).toEqual([]);
    expect(ids('Mrs Hale from Elm School is a liar.')).toContain('abuse.disparaging');
  });
});

describe('pile-on acts with a call to join in (round 4)', () => {
  it('review bombing, heckling and group-chat exclusion called for are campaigns, even against the school itself', () => {
    for (const text of [
      'Go on Google and give Elm School 1 star everyone, let\'s get it below 2 before the open evening',
      'When Mr Dale does his Elm School assembly for parents, let\'s all turn up, fill the front rows and boo every time he speaks.',
      'everyone in the Elm School year 7 chat add the new girl then all leave at once, make her cry',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });
  it('a single review, a call with no act, or "let\'s see" after one email is not', () => {
    for (const text of [
      'Elm School gets 1 star from me: the car park is chaos.',
      'Emailed her head of year at Elm School about the coat rule, let\'s see.',
      'Elm School summer fair on Saturday, everyone welcome, bring the kids!',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });
});

describe('a teacher\'s faith named with WordNet\'s words for believers, beside exclusion (round 4)', () => {
  it('flags a denomination or faith with a cue of separate schooling, distrust or removal, a sentence or two apart', () => {
    for (const text of [
      'Elm School has gone downhill since they let a Methodist like Mr Dale in. Wouldn\'t trust one of that crowd with little ones.',
      'Mrs Hale wore her turban to Elm School again. Sikhs should stay in their own schools.',
      'Zoroastrian in charge of our kids?? Elm School wake up. Mr Dale back to where they belong.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('the same words in RE, a festival or a welcome carry no cue', () => {
    for (const text of [
      'Elm School Year 5 learnt how Methodists and Quakers worship, with a visit from Mr Dale\'s chapel.',
      'Lovely to see the Zoroastrian families at Elm School share their new year celebration with Year 2.',
      'Mrs Hale, a Pentecostal, has joined Elm School as head of music. Welcome!',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('warning subjects are data (round 4: WARNING_SUBJECT moved to threats-campaigns.tsv)', () => {
  it('harm to someone indefinite is a warning; removing the data line turns the same words into a threat', () => {
    const text = 'Honestly, a toddler is going to get hurt at Elm School one of these days.';
    expect(ids(text)).not.toContain('abuse.threat');
    expect(ids('Honestly, Mrs Hale is going to get hurt at Elm School one of these days.')).toContain('abuse.threat');
    const without = LEXICON.filter((e) => !(e.category === 'warning-subject' && e.term === 'a toddler'));
    expect(rules(text, without).categories.map((c) => c.id)).toContain('abuse.threat');
  });
});

describe('more kinds of veiled threat (round 4)', () => {
  it('harm to the body, a lesson, vigilance, catching someone alone, a visit are threats when aimed at a person', () => {
    for (const text of [
      'Mrs Hale at Elm School will be eating through a straw. Not messing.',
      'Mr Dale at Elm School wants to hope I never catch him on his own.',
      'That deputy at Elm School is gonnae get a visit if she keeps on at my lassie. Some of us know folk.',
      'Mr Dale had better keep looking over his shoulder after what Elm School did.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
  it('an inspection visit, people who are worried, a neighbour looking over a shoulder are not', () => {
    for (const text of [
      'Elm School are getting a visit from Ofsted next week, fingers crossed.',
      'I know people are worried about Elm School and that is fair, but the rumours are hurting kids.',
      'Mrs Hale was looking over my shoulder at the Elm School quiz and laughing at my answers.',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('exposure: where someone lives, with an invitation to go there (round 4)', () => {
  it('an address or private number with a hostile invitation is harassment as well as a leak', () => {
    for (const text of [
      'The Elm School head lives on Mill Close, number 4. Go round and let her know what you think of the new uniform rules.',
      'Mr Dale from Elm School, his wife\'s number is 07700 900123. Ring the house, he won\'t ignore that.',
      'Mrs Hale at Elm School lives above the bakery on Marsh Street. Give her some grief.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });
  it('a number shared to be helpful, a card, or exposure condemned is not harassment', () => {
    for (const text of [
      'Mr Dale from Elm School said text him direct about football, his mobile is 07700 900123, he replies quicker than the office.',
      'Mrs Hale at Elm School is poorly. Her address is 7 Foxglove Way if anyone wants to send a card.',
      'Whoever posted Mrs Hale\'s address from Elm School and told people to \'give her grief\': that is harassment and a crime. Report it.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });
});

describe('insults made from parts, and weak insults as labels (round 4)', () => {
  it('compounds, slang endings of slurs and degrees of insulting adjectives are found without their own line', () => {
    expect(ids('Mr Dale at Elm School is a total arsewaffle.')).toContain('abuse.disparaging');
    expect(ids('Who let Elm School hire spazzers to teach?')).toContain('abuse.discriminatory');
    expect(ids('Poll in the Elm School chat: is Aisha Khan the rankest kid in Year 8 or just the thickest?')).toContain('abuse.disparaging');
    // ordinary words ending in -er/-est, and a compound-looking word that is not one
    for (const text of ['Elm School\'s newest teacher is the kindest and the water fountain is cleaner.', 'The Elm School shitake mushroom club meets on Friday.'])
      expect(ids(text).some((id) => id.startsWith('abuse.')), text).toBe(false);
    // a degree insults when said of a person; the thickest snow or thicker coats are weather
    expect(ids('Mr Dale at Elm School is thicker than mince.')).toContain('abuse.disparaging');
    for (const text of ['The thickest snow in years closed Elm School today.', 'Thicker coats needed at Elm School, the playground is freezing.'])
      expect(ids(text).some((id) => id.startsWith('abuse.')), text).toBe(false);
  });
  it('a weak insult as a label or a verdict after a name insults; as a judgement of what happened it does not', () => {
    for (const text of ['Would ye look at Mrs Hale above at Elm School, the melt.', 'Elm School made Mr Dale head of music. Bleedin\' weapon, that one.', 'Dr Marchetti. Elm School. melt. That\'s the post.'])
      expect(ids(text), text).toContain('abuse.disparaging');
    expect(ids('Sure it\'s a disgrace what they are writing about Mr Dale at Elm School, calling him hopeless. We are better than that.').some((id) => id.startsWith('abuse.'))).toBe(false);
  });
  it('obscene put-downs aimed at a person are obscene', () => {
    expect(ids('Mrs Hale at Elm School can sit on it and swivel.')).toContain('abuse.obscene');
  });
});

describe('refusal is not negation; a one-word denial denies; graffiti being cleaned is condemned (round 4)', () => {
  it('"ain\'t sending my kids … with that <slur>" is flagged; the label denied by "wrong." is not', () => {
    expect(ids('I ain\'t sending my kids to Elm School with that dyke Mrs Hale teaching them.')).toContain('abuse.discriminatory');
    expect(ids('Elm School. To whoever called Mrs Hale a liar in the last review: wrong. Completely. She fixes the kids\' bikes.').some((id) => id.startsWith('abuse.'))).toBe(false);
  });
  it('a word written on the wall and being painted over is reported, not the writer\'s', () => {
    expect(ids('Someone wrote SCUM on the Elm School wall, sad, it is being cleaned tho').some((id) => id.startsWith('abuse.'))).toBe(false);
  });
});

describe('mocking emoji said of someone at the school (round 4)', () => {
  it('"is a 🐷 and a 🤡", "teachers 🤡🤡🤡" insult; a pig costume praised or a smelly canteen does not', () => {
    expect(ids('Mrs Hale at Elm School is a 🐷 and a 🤡 and we all know what she did')).toContain('abuse.disparaging');
    expect(ids('Elm School teachers 🤡🤡🤡 whole circus in there')).toContain('abuse.disparaging');
    for (const text of ['Elm School nativity was amazing 😂🐷 the pig costume!', 'Elm School canteen smells 🤢 what are they cooking'])
      expect(ids(text).some((id) => id.startsWith('abuse.')), text).toBe(false);
  });
  it('an emoji that is often literal (snake, pig, being sick) insults only as a noun ("is a 🐍"), not beside a reptile visit or a tummy bug', () => {
    expect(ids('Mr Dale at Elm School is a 🐍 and everyone knows it')).toContain('abuse.disparaging');
    for (const text of ['Reptile man came to Elm School today 🐍🐍 and Mr Hughes was brave enough to hold one!', 'A bug is going round Elm School, the kids have had upset tummies 🤮 keep them off for 48 hours'])
      expect(ids(text).some((id) => id.startsWith('abuse.')), text).toBe(false);
  });
});

describe('a cue phrased with "not" is still exclusion; a conditional threat with a weapon is a threat (round 4 data)', () => {
  it('"full of Muslims now … not a British school any more" and "any teacher lays a finger on my boy … baseball bat"', () => {
    expect(ids('Elm School is full of Muslims now. Prayer room, halal chicken. It is not a British school any more.')).toContain('abuse.discriminatory');
    expect(ids('Any teacher at Elm School lays a finger on my boy again I\'ll be up that school wi a baseball bat. Try me')).toContain('abuse.threat');
    expect(ids('Elm School celebrated Eid with the Muslim families; the hall was full of food and music.')).not.toContain('abuse.discriminatory');
  });
});

describe('exposure by postcode, and a marked card whoever holds it (round 4)', () => {
  it('a postcode with "anyone wants a word face to face" is exposure; "Mr X\'s card is marked" is a threat', () => {
    expect(ids('Dr Dale at Elm School is a hypocrite. If anyone wants a word face to face, he is at The Old Forge, Church Street, LL9 7RT.')).toContain('abuse.harassment');
    expect(ids('Done the governors at Elm School. So now Mr Dale\'s card is marked.')).toContain('abuse.threat');
    expect(ids('Elm School summer fair is at The Old Forge, Church Street, LL9 7RT. Everyone welcome!')).not.toContain('abuse.harassment');
  });
});

/** Any abuse category at all, rules alone. */
const abusive = (text: string) => ids(text).some((id) => id.startsWith('abuse.'));

describe('round 5: a faith is a faith, not a protest', () => {
  it('"Protestant" names a denomination; "protesters" at the gates is still a protest', () => {
    expect(ids('Oakmere Academy has a Protestant chaplain and a Catholic one, and both are lovely.')).not.toContain('reputation.protest');
    expect(ids('Protesters gathered outside Oakmere Academy this morning over the uniform change.')).toContain('reputation.protest');
  });
});

describe('round 5: counter-speech by what the writer does about the words (escalation, defence)', () => {
  it('a quoted slur or insult that the writer passed on to someone who can act on it is not the writer\'s abuse', () => {
    for (const text of [
      'A man outside Oakmere shouted "pikey" at the Year 2 class today. I have taken screenshots of his page and sent them to the head.',
      'Somebody in the Oakmere parents chat keeps calling Mrs Dunn "a useless old cow". Forwarded the lot to the admins and the school.',
      'Found a comment under the Oakmere post calling the new TA a "tranny". Flagged it to the page moderators this morning.',
    ]) expect(abusive(text), text).toBe(false);
  });
  it('the same words as the writer\'s own, or passed on with approval, still flag', () => {
    for (const text of [
      'Mrs Dunn at Oakmere is a useless old cow. Sent that to the head, she can read it.',
      'The new TA at Oakmere is a tranny. I have told the admins what I think of him.',
    ]) expect(abusive(text), text).toBe(true);
  });
  it('"it is a disgrace what they are writing about her" judges the writing, and does not make the item hostile', () => {
    const r = scoreItem({ title: '', text: 'Honestly it is a disgrace what people are posting about Mrs Dunn, calling her useless. Oakmere deserves better.' }, undefined, { schoolModel: false });
    expect(r.flagged).toBe(false);
  });
});

describe('round 5: negation and concession scope over an insult', () => {
  it('a denied act of saying or thinking reaches the insult later in its clause', () => {
    for (const text of [
      "I'm not saying the Oakmere teachers are useless, the trust is the problem.",
      'Nobody is claiming Mr Dunn at Oakmere is a liar, just that the letter was late.',
      "I'd never call Mrs Dunn lazy, she runs three clubs.",
    ]) expect(abusive(text), text).toBe(false);
  });
  it('a label put as a question and answered no is denied', () => {
    for (const text of ['Mr Dunn at Oakmere lazy? No, he was there till seven every night.', 'Oakmere staff useless? Not a chance. They got my lad through his GCSEs.'])
      expect(abusive(text), text).toBe(false);
  });
  it('the same insult asserted, a question answered yes, or a denial taken back ("I\'m not saying… I\'m saying…") still flags', () => {
    for (const text of [
      'I am saying the Oakmere teachers are useless, and the trust too.',
      'Mr Dunn at Oakmere a liar? Yes, and he knows it.',
      "I'm not saying the Oakmere bursar is a thief. I'm just saying the trip money never adds up.",
    ])
      expect(abusive(text), text).toBe(true);
  });
});

describe('round 5: a warning to everyone at the gates is not a threat to someone', () => {
  it('a hazard warning addressed to everyone, or with a hazard word from data, does not flag', () => {
    for (const text of [
      'Pavement by the Oakmere gates is like glass this morning. Watch your backs, all of you!',
      'Careful at Oakmere drop-off, folks, the hill is treacherous. Watch your backs.',
    ]) expect(abusive(text), text).toBe(false);
  });
  it('the same idiom aimed at a named person still flags', () => {
    expect(abusive('Mrs Dunn at Oakmere had better watch her back at pick-up.')).toBe(true);
  });
  it('an audience named beside a threat to someone else, or before it, does not make it a warning', () => {
    for (const text of [
      'Oakmere boys, all of you meet by the gates at four. That Year 10 who grassed on my cousin is getting it.',
      'Kai Brennan in Year 8 at Oakmere is a snitch and everyone knows it. Watch your back on the bus home tomorrow.',
      'Mrs Dunn at Oakmere should watch her back, that car park gets very dark after parents evening.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
});

describe('round 5: hostility predicated of a faith', () => {
  it('a faith named beside removal of the person, a suspicion of them or a takeover story flags', () => {
    for (const text of [
      'Oakmere now has a Sikh running the maths department. Sack him and give the job to one of ours.',
      'The Muslim TA at Oakmere wants watching. Bet she has links to extremists.',
      'Oakmere has a prayer room now and halal dinners. Sharia next, mark my words.',
      'Another Hindu teacher at Oakmere. Indoctrinating our kids one assembly at a time.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('a language named as a school subject is not a person\'s identity', () => {
    expect(ids('Word is the governors at Oakmere want to get rid of her. Half the English department have complained.')).not.toContain('abuse.discriminatory');
    expect(ids('Oakmere gave the job to an English woman over him. Sack her and hire someone local.')).toContain('abuse.discriminatory');
  });
  it('the same faiths in news, RE, festival thanks, praise or a condemned remark do not flag', () => {
    for (const text of [
      'Oakmere opened a prayer room for Muslim pupils and staff during Ramadan; the governors approved it in June.',
      'Year 8 at Oakmere learnt about Sikh history and visited the gurdwara with Mr Singh.',
      'Thanks to the Hindu families at Oakmere who organised the Diwali lights for the whole school.',
      'Someone posted that the Muslim TA at Oakmere has links to extremists. That is a vile lie and I have reported it.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 5: waiting at the gates for an errand, or for someone', () => {
  it('a routine errand at the gates (a bag to hand over, tickets to sell, pick-up) with no menace is not a threat', () => {
    for (const text of [
      "Anyone short of a water bottle for Oakmere sports day? I'll be waiting by the gates at half three with spares.",
      'Oakmere PTA will be outside the gates every morning this week with raffle tickets, come and say hello.',
    ]) expect(abusive(text), text).toBe(false);
  });
  it('waiting at the gates with menace, or for a person, is still a threat', () => {
    for (const text of [
      "Mrs Dunn at Oakmere, I'll be waiting at the gates at pick-up. We'll have it out then.",
      "Tell Mr Dunn from Oakmere I'll be waiting for him outside at home time. He won't forget it.",
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
});

describe('round 5: more counter-speech by deed and by verdict', () => {
  it('a moderator removing the words, a bare "No." after them, or an insult aimed at whoever wrote them condemns them', () => {
    for (const text of [
      '[admin] Removed a comment calling Mr Dunn at Oakmere a "retard". Poster banned.',
      'Caller on the phone-in just now called an Oakmere teacher a "useless cow". No. Not on this station.',
      'Some muppet posted that Mrs Dunn at Oakmere is "a waste of oxygen". She stayed late every night with my son.',
    ]) expect(abusive(text), text).toBe(false);
  });
  it('the writer\'s own insult beside the same deeds still flags', () => {
    for (const text of ['Mr Dunn at Oakmere is a retard. Removed from my friends list.', 'Mrs Dunn at Oakmere is a waste of oxygen. No, I will not calm down.'])
      expect(abusive(text), text).toBe(true);
  });
});

describe('round 5: what is predicated of an identity group, by structure', () => {
  it('a ban, a dehumanising predicate, a group said unable to do the job, or a woman by title called a man, flags', () => {
    for (const text of [
      'Oakmere let Mr Dunn wear his kippah in assembly?? no Jews in charge of our kids thanks',
      'Mrs Dunn at Oakmere is a Methodist. That religion is a disease, plain and simple.',
      'Oakmere hired another Polish teacher. Polish women cannot teach English to save their lives.',
      'Mrs Dunn at Oakmere is obviously a man in a wig. Parents have a right to know.',
      'Oakmere has a new Jain teacher, Mr Dunn. Go back wherever you came from mate.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('the same shapes with nothing hostile predicated do not flag', () => {
    for (const text of [
      'Oakmere has no Jewish pupils this year, so the Hanukkah assembly is run by the local synagogue.',
      'Our twins started Oakmere with no Welsh at all and were fluent by Christmas.',
      'Mrs Dunn at Oakmere is a Methodist. That church is a lovely part of the village.',
      'Polish families at Oakmere cannot praise the EAL team enough.',
      'Mrs Dunn at Oakmere is a woman of her word, and Mr Dunn is a man of many talents.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 5: wrongdoing carried by the object or the manner, however it is framed', () => {
  it('a staff member doing an ordinary act with drugs, on purpose against pupils, or to fool an inspector is a claim', () => {
    for (const text of [
      'With the greatest respect, the Oakmere head keeps cocaine in the staffroom fridge.',
      'Just so parents know: Mr Dunn at Oakmere grades the traveller kids down on purpose.',
      'I will say this once. Mrs Dunn at Oakmere rewrites the registers to fool the inspectors.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('the same words denied, asked, about a pupil, or as news of a case are not the writer\'s claim', () => {
    for (const text of [
      'Mr Dunn at Oakmere has never kept cocaine anywhere, the rumour is nonsense.',
      'Does Mr Dunn at Oakmere really grade some kids down on purpose?',
      'My son at Oakmere broke the window on purpose and we have paid for it.',
      'A teacher at Oakmere is in court accused of keeping cocaine in the staffroom.',
      'This came to me from a teacher there, it is a note from the head to all staff about the Oakmere trip.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('round 5: a rumour of misconduct framed as a post or a story and denied', () => {
  it('"a post alleging…", "the story that … is lies", or the same in romanised Hindi-Urdu is not the writer\'s claim', () => {
    for (const text of [
      'The governors are aware of a post alleging Mr Dunn at Oakmere takes backhanders from the caterers. It is untrue.',
      'The story that Mrs Dunn at Oakmere keeps cocaine in her locker is lies from start to finish.',
      'Koi bol raha hai ki Mr Dunn at Oakmere takes backhanders. Bilkul galat hai.',
    ]) expect(abusive(text), text).toBe(false);
  });
  it('the same claim told as fact still flags', () => {
    expect(abusive('Mr Dunn at Oakmere takes backhanders from the caterers, and the governors know it.')).toBe(true);
    expect(abusive('Mrs Dunn at Oakmere keeps cocaine in her locker. Everyone knows.')).toBe(true);
  });
});

describe('round 5: faiths and their dress from WordNet, with the hostility beside them', () => {
  it('a Druze, Parsi or Shia teacher, or a tallith or kirpan, beside a ban or a dehumanising predicate flags', () => {
    for (const text of [
      'Oakmere lets Mr Dunn wear a tallith in lessons. No Druze near our children, thanks.',
      'Mrs Dunn at Oakmere is a Parsi. Their religion is a cult.',
      'A Shia teaching RE at Oakmere? Shia people can\'t teach our kids about God.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('the same words in an RE lesson or a news item do not', () => {
    for (const text of ['Year 9 at Oakmere looked at a tallith, a kirpan and a rosary in RE today.', 'The Parsi and Druze families at Oakmere ran a stall at the summer fair.'])
      expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 5: a label answered or a report denied by a sentence of its own', () => {
  it('"X, a liar? Never in a million years." and "Whoever wrote X is a bully … Not a chance." deny the label', () => {
    for (const text of [
      'Mr Dunn at Oakmere, a lazy liar? Never in a million years, pal. He marks every book by Friday.',
      'Whoever posted that Mrs Dunn at Oakmere is a bully needs their head looking at. Not a chance. She ran the chess club for nine years.',
    ]) expect(abusive(text), text).toBe(false);
  });
  it('the same label answered yes, or the writer\'s own label before a refusal, still flags', () => {
    for (const text of ['Mr Dunn at Oakmere, a lazy liar? Absolutely, and proud of it.', 'Mrs Dunn at Oakmere is a bully. Not a chance I am sending my youngest there.'])
      expect(abusive(text), text).toBe(true);
  });
});

describe('review fixes: identity facts, staff warnings, stance scope', () => {
  it('reads "there are no <identity> in/at" as a fact, but a ban on a role or place still flags', () => {
    for (const text of [
      "There are no Muslims in my son's class at Elmfield, so the RE trip to the mosque is a good idea.",
      "Pity there's no Welsh in the timetable at Elmfield these days.",
      'We have no Sikhs in our school at Elmfield yet.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
    for (const text of [
      'No Muslims near our kids at Elmfield, simple as that.',
      'No gays teaching at Elmfield, full stop.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
});

describe('review fixes: a warning aimed at the staff as a group is a threat', () => {
  it('flags "watch your backs" said to teachers, staff or governors, not to everyone', () => {
    for (const text of [
      'Teachers at Elmfield: watch your backs, all of you.',
      'Staff at Elmfield, watch your backs, every one of you.',
      'Governors of Elmfield: watch your backs, all of you.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
});

describe('review fixes: a denied stance reaches only its own clause', () => {
  it('flags the insult when the negation falls on a disagreeing or doubting clause in between', () => {
    for (const text of [
      "I don't think anyone would disagree the head at Elmfield is a lazy useless idiot",
      "I don't believe anybody could deny the head at Elmfield is a lying useless idiot",
    ]) expect(ids(text).length, text).toBeGreaterThan(0);
  });
  it('still reads a plain denied stance as denying the insult', () => {
    for (const text of [
      "I'm not saying the staff at Elmfield are useless",
      "I don't think the head at Elmfield is lazy",
    ]) expect(ids(text), text).toEqual([]);
  });
});

describe('round 6: a claim the writer vouches for is the writer\'s own (data: claim-vouch)', () => {
  it('flags a claim of wrongdoing introduced as unprinted, unsaid or confirmed, news words elsewhere notwithstanding', () => {
    for (const text of [
      'Quiet week for the court pages, so here is one the papers won\'t print: Mrs Ellery, bursar at Elmfield, steals from the uniform fund.',
      'What nobody at Elmfield will say out loud is that Mr Quayle pockets the dinner money.',
      'School gate gossip confirmed: Mr Quayle from Elmfield pocketed the charity money. Shameful.',
      'Quiet week for the court pages, so here is one the papers won\'t print: Mr Quayle at Elmfield is sleeping with a parent.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });

  it('does not flag the same claim reported from a court, denied, or asked about', () => {
    for (const text of [
      'Court report: Mrs Ellery, bursar at Elmfield, denied stealing from the uniform fund and was cleared.',
      'Gossip says Mr Quayle from Elmfield pocketed the charity money. Total lies, he never did.',
      'Everyone knows Mr Quayle from Elmfield never took a penny of the charity money.',
      'Nobody is saying Mr Quayle at Elmfield pocketed the dinner money, we just want the accounts.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('round 6: orders to a crowd to contact someone make a campaign (data: campaign-audience, campaign-urge)', () => {
  it('flags an urged order aimed at a member of staff, addressed to the readers as a crowd', () => {
    for (const text of [
      'Go on, bombard Mrs Ellery at Elmfield. You lot know what she did.',
      'C\'mon, tag Mr Quayle from Elmfield. All of youse. He hides behind the office.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });

  it('does not flag the same order with an ordinary purpose, a kind one, or with no crowd addressed', () => {
    for (const text of [
      'Folks, email Mrs Ellery at Elmfield to book a place on the Year 6 residential.',
      'You lot, message Mr Quayle at Elmfield and wish him a happy retirement!',
      'Ring Mr Quayle at Elmfield, he sorted our bus pass in a day.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });
});

describe('round 6: harm foretold or wished for a person at the school is a threat (data: harm-outcome, harm-wish)', () => {
  it('flags harm with a person as subject and a future, due or wish frame, or a harm with their name on it', () => {
    for (const text of [
      'Mr Quayle from Elmfield is due a good kicking. Tonight.',
      'That deputy at Elmfield will be getting her tyres slashed, mark it.',
      'There\'s a black eye with Mrs Ellery\'s name on it after what Elmfield did.',
      'I hope the head at Elmfield gets a heart attack.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });

  it('does not flag the same harms as past news, a warning to anyone, a denial, or the person\'s own hope', () => {
    for (const text of [
      'Mr Quayle from Elmfield got a black eye playing rugby on Saturday.',
      'Someone is going to get seriously hurt on the Elmfield crossing.',
      'Mr Quayle from Elmfield will not be getting a kicking, calm down.',
      'Mrs Ellery from Elmfield hopes to beat cancer this year, go on Mrs E!',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('round 6: exclusion by structure: kept away from children, kept out, sent back (identity.ts)', () => {
  it('flags an identity kept away from children or out of school, or told to go back, in any wording', () => {
    for (const text of [
      'Elmfield made Mr Adair head of Year 7, and he is gay. Keep that away from our weans.',
      'Mrs Farouk at Elmfield should keep her headscarf at home.',
      'Nobody wants a Sikh running our Elmfield.',
      'Elmfield\'s new TA wears a turban 🙄 Mr Singh take it back where you came from.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });

  it('does not flag the same frames with no identity, with a thing kept at home, or news of a trip home', () => {
    for (const text of [
      'Keep your dogs away from the kids at Elmfield pick-up please.',
      'Mrs Levy, who is Jewish, asked us to keep the Hanukkah presents at home, Elmfield is doing a shared party.',
      'The Sikh family at Elmfield flew back home to Amritsar for a wedding.',
      'Keep your phones at home from Monday, Elmfield has a new policy.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 6: rebuttal and counter-speech by structure (structure.ts, data: report-noun, denial, condemnation)', () => {
  it('does not flag a label denied by a superlative or a rejection idiom, a reported claim rebutted, or abuse asked to be removed', () => {
    for (const text of [
      'Mrs Ellery at Elmfield is the last person I\'d call lazy, she runs three clubs.',
      'A disgrace?? Do me a favour. Mr Quayle from Elmfield coached the team for nothing.',
      'The whisper that Mr Quayle from Elmfield fiddles the trip money was looked into by the governors: baseless.',
      'Please remove the comment saying Mrs Ellery at Elmfield is useless. Not how we talk here.',
      "Someone wrote 'Mr O'Hara from St Bede's is a thief' on the Elmfield page. Total lies, reported it.",
    ]) expect(rules(text).flagged, text).toBe(false);
  });

  it('still flags the same labels and claims said as the writer\'s own', () => {
    for (const text of [
      'Mrs Ellery at Elmfield is lazy, she never runs a single club.',
      'Mr Quayle from Elmfield is a disgrace and a liar.',
      'Mr Quayle from Elmfield fiddles the trip money, everyone knows it.',
      "Mr O'Hara from St Bede's is a thief, I'll say it on the Elmfield page too.",
    ]) expect(rules(text).flagged, text).toBe(true);
  });
});

describe('round 6: a person at the school called a bad thing (data: negative-noun, from AFINN-165)', () => {
  it('flags a titled person or member of staff called a bad thing as the head of a predicate or a label', () => {
    for (const text of [
      'Honestly Mr Quayle at Elmfield is an absolute catastrophe.',
      'Elmfield\'s new deputy? A walking fiasco, that one.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });

  it('does not flag a bad thing that happened, a person who suffered one, or a denied label', () => {
    for (const text of [
      'The Elmfield sports day was a catastrophe, it rained all afternoon.',
      'Mrs Ellery at Elmfield is a victim of her own success.',
      'Mr Quayle at Elmfield is not a fiasco, he is the best head we have had.',
      'Mr Quayle at Elmfield is a catastrophe expert, he runs the emergency drills.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('round 6: campaign persistence and recruitment by grammar (rules/campaign.ts)', () => {
  it('flags recruiting others to turn up, contact kept up until someone gives in, and accounts made to beat a block', () => {
    for (const text of [
      'Who\'s up for turning up at Mrs Ellery\'s office at Elmfield every morning?',
      'Everyone tag Mr Quayle from Elmfield until he resigns.',
      'Mr Quayle from Elmfield blocked me so I made another account. He can\'t block us all.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });

  it('does not flag recruiting for a fair, or waiting until someone replied', () => {
    for (const text of [
      'Who\'s up for helping at the Elmfield summer fair? Message Mrs Ellery.',
      'I emailed Mrs Ellery at Elmfield and waited until she replied, very helpful.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });
});

describe('round 6: a label after a British intensifier said of a person at the school (data: fond-label)', () => {
  it('flags "a right X", "a proper X", "pure X so she is" whatever the noun', () => {
    for (const text of [
      'Our Kayden says Mr Quayle at Elmfield is a right wazzbat, mate.',
      'The deputy at Elmfield, Mrs Ellery, pure dunderfunk so she is.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });

  it('does not flag the same frames with a fond or praising noun, or said of no one', () => {
    for (const text of [
      'Mr Quayle at Elmfield is a right laugh, the kids love him.',
      'Mrs Ellery at Elmfield is a proper teacher, old school.',
      'The Elmfield nativity was pure class.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('round 6: a sexual slur by its parts, with no swear word (data: sexual-availability, indiscriminate)', () => {
  it('flags availability with anyone or a count said of a person at the school', () => {
    for (const text of [
      'Word at the Elmfield gates is Mrs Ellery puts it about with half the dads.',
      'Mr Quayle from Elmfield has been passed round more times than the register.',
    ]) expect(ids(text), text).toContain('abuse.obscene');
  });

  it('does not flag the same words about a thing, a career, or denied', () => {
    for (const text of [
      'The Elmfield minibus has been round more times than I can count, it needs replacing.',
      'Mrs Ellery has been round more schools than anyone, thirty years at Elmfield and counting!',
      'Mrs Ellery at Elmfield does not put it about with anyone, stop spreading that.',
    ]) expect(ids(text), text).not.toContain('abuse.obscene');
  });
});

describe('round 6: invitations to give someone abuse beside their contact details, and wrongdoing carried by its object', () => {
  it('flags a number or address with an invitation to give them grief, and a person running a betting ring', () => {
    expect(ids('That Mrs Ellery from Elmfield. Here\'s her mobile, 07700 900123, gie her pelters.')).toContain('abuse.harassment');
    expect(ids('With respect, Mr Quayle from Elmfield runs a betting ring with the Year 10 lads.')).toContain('abuse.disparaging');
  });

  it('does not flag the school\'s number with a kind invitation, or a talk about gambling', () => {
    expect(ids('Elmfield office is 01632 960100, give them a ring to book parents\' evening.')).not.toContain('abuse.harassment');
    expect(ids('Mr Quayle from Elmfield told the kids to keep quiet in the library.')).not.toContain('abuse.disparaging');
  });
});

describe('round 7: menace by consequence, precaution and youth violence, without threat words', () => {
  it('flags harm foretold as a consequence, a precaution urged on someone, and a youth threat', () => {
    for (const text of [
      'Mr Dunmore at Elmfield is one bad day away from a broken nose.',
      'Tell Mrs Ferris at Elmfield she\'ll be leaving in an ambulance if she touches my lad again.',
      'Keep it up Mr Quayle and you\'ll be picking your teeth up off the Elmfield playground.',
      'Mr Quayle at Elmfield will be getting his kneecaps done if he carries on.',
      'Mr Quayle at Elmfield would want to check under his car before he drives home.',
      'if Mr Quayle takes my phone again im banging him outside the Elmfield gates',
      'if Mr Quayle gives me another detention at Elmfield im doing his tyres',
      'wee dafties at Elmfield think theyre hard. wait til we catch yous at the gates',
      'Keep looking at my wife like that Mr Quayle and you\'ll be picking your teeth up off the pavement outside Elmfield.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });

  it('does not flag the same words as news, first aid, an errand or talk', () => {
    for (const text of [
      'The lad who fell off the climbing frame at Elmfield left in an ambulance, he is fine now.',
      'If a pupil is seriously hurt they will be taken to hospital in an ambulance, as the Elmfield first aid policy says.',
      'Mr Quayle at Elmfield checked under his car for the cat before he drove home.',
      'I\'d want to check the dates before booking the Elmfield trip.',
      'im banging on about the Elmfield fair again sorry',
      'I\'m dropping him at the Elmfield gates at 8 then going to work.',
      'wait til you see the Elmfield nativity, you will cry',
      'My dad is doing Mr Quayle\'s tyres at the garage on Saturday.',
      'Mind the ice by the Elmfield gates, Mr Quayle will be picking the kids up off the pavement otherwise.',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('round 7: prejudice by structure, without slurs', () => {
  it('flags othering and a demeaning predicate said of an identity', () => {
    for (const text of [
      'Not racist but Mrs Farouk at Elmfield just isn\'t one of us. Back to wherever, love.',
      'Elmfield gave top set to Miss Obi, a black woman, and those people haven\'t got the brains for physics.',
      'The new cook at Elmfield is a traveller and with the way those people live I wouldn\'t trust her near food.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });

  it('does not flag the same identities said fairly or fondly', () => {
    for (const text of [
      'Mrs Farouk isn\'t one of us in the Elmfield choir yet, but she joins next term!',
      'Miss Obi, a black woman, runs the Elmfield physics club and the kids adore her.',
      'Traveller families at Elmfield ran the best stall at the fair, the way those people bake is something else.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 7: insults in other languages and youth slang, and a child described demeaningly', () => {
  it('flags a teacher called a fool in Hindi, Pidgin or Portuguese, and a pupil labelled a goblin or urchin', () => {
    for (const text of [
      'Mr Quayle at Elmfield is such a ghabi, no clue',
      'Mrs Ellery at Elmfield is a total mumu',
      'Dr Hale from Elmfield is an otario, honestly',
      'Kian Doyle from Year 8 at Elmfield: crusty lil goblin.',
      'Evie Hart, Elmfield: scabby wee urchin. Share widely.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });

  it('does not flag them negated, or a costume and a grazed knee', () => {
    for (const text of [
      'Mrs Ellery at Elmfield is no mumu, she is sharp as anything',
      'Kian Doyle from Year 8 at Elmfield came as a little goblin for book day, so cute.',
      'Evie Hart got scabby knees on Elmfield sports day, brave wee thing.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('round 7: an insult reported and then denied in regional and youth voices', () => {
  it('does not flag the insult others use when the writer denies it', () => {
    for (const text of [
      'Folk call Mr Quayle at Elmfield a waste of space. Is he \'eck. He ran the whole residential.',
      'Thon Mr Quayle fae Elmfield? Nae liar, sure he mentored my lad.',
      'Who talk say Mrs Ellery for Elmfield na moron? No be so at all, she set up breakfast club.',
      'I\'ve seen comments in here saying Mr Quayle is a liar and I want to gently push back: he rang me when my son was ill.',
      'Mr Quayle liar?? nah fr he\'s the goat at Elmfield',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });

  it('still flags the insult when the writer agrees or uses it', () => {
    for (const text of [
      'Folk call Mr Quayle at Elmfield a waste of space and they\'re not wrong.',
      'Mr Quayle at Elmfield is a liar, nah fr.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
});

describe('round 7 leftovers: court outcomes, travel and the campaign lead', () => {
  it('a theft word in a court outcome or an open question is no claim; stated, it is', () => {
    expect(ids('Mr Hale at Elmfield was cleared by the tribunal of stealing from the PTA.')).not.toContain('abuse.disparaging');
    expect(ids('The jury will decide whether Mr Hale stole from Elmfield\'s PTA.')).not.toContain('abuse.disparaging');
    expect(ids('Mr Hale stole from the Elmfield PTA, everyone knows.')).toContain('abuse.disparaging');
  });

  it('getting around on a bike is travel, not a sexual slur', () => {
    expect(ids('Miss Patel from Elmfield gets around with everyone on her bike, she cycles to every village.')).not.toContain('abuse.obscene');
    expect(ids('Miss Patel from Elmfield gets around with everyone, ask the dads.')).toContain('abuse.obscene');
  });
});

describe('round 7: an ambiguous slur counts as a label said of a person, not as an ordinary word', () => {
  it('flags "nowt but a spade", a verdict sentence and "that sooty Mr X"', () => {
    for (const text of [
      'Our lass says Mrs Obi at Elmfield is nowt but a spade.',
      'She comes home and tells me who her teacher at Elmfield is. Mrs Obi. A spade. In front of six-year-olds.',
      'They got that sooty Mr Dube teaching at Elmfield now.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });

  it('does not flag a spade in the garden, Sooty the puppet or a fairy costume', () => {
    for (const text of [
      'Mrs Obi at Elmfield brought a spade for the garden club.',
      'Elmfield reception watched Sooty and Sweep with Mr Dube.',
      'Mrs Obi at Elmfield came as a fairy for book day.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 7: campaigns in youth and Roman Urdu wording, counter-speech and errands at the gates', () => {
  it('flags a crowd urged to keep contacting a teacher, counted or until they give in', () => {
    for (const text of [
      'Sab log, message Mrs Ellery from Elmfield, 100 baar each, jab tak woh resign na kare.',
      'ok lads: everyone in Year 9, inbox Mr Quayle at Elmfield tonight, forty-odd people minimum, make him delete his account',
      'Elmfield parents, Mrs Ellery still has not answered. So: ring her. And again. 20 of us did it yesterday, let\'s double it.',
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });

  it('does not flag one parent asking others to message a teacher once, kindly', () => {
    for (const text of [
      'Sab log, message Mrs Ellery from Elmfield to say thank you for the trip!',
      'Everyone in Year 9, inbox Mr Quayle at Elmfield your coursework by Friday.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });

  it('an insult others write, condemned as a shame for the community, is not the writer\'s', () => {
    expect(ids('I see people write mumu about Mrs Ellery from Elmfield. This is shame for our community, stop it.')).not.toContain('abuse.disparaging');
    expect(ids('Mrs Ellery from Elmfield is a mumu. This is the truth, stop pretending.')).toContain('abuse.disparaging');
  });

  it('waiting at the gate for one\'s own child, or knowing where a neighbour lives, is an errand', () => {
    for (const text of [
      'I\'ll wait for Dylan at the Elmfield gate by three, please tell Mr Quayle not to release him to anyone else.',
      'I know where Mrs Ellery lives, same street as us, so I\'ll drop the Elmfield costumes round.',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
    expect(ids('I\'ll wait for Mr Quayle at the Elmfield gate by three, he knows what he did.')).toContain('abuse.threat');
  });

  it('a pupil described by a put-down of looks and wits is insulted', () => {
    expect(ids('Kian Doyle in Year 8 at Elmfield: face like a smacked backside and nowt up top.')).toContain('abuse.disparaging');
  });
});

describe('round 7: defamation vouched for, hidden records, insinuating questions', () => {
  it('flags a vouched claim whose own words include "lies", a hidden conviction and a kickback', () => {
    for (const text of [
      'Not a rumour btw, my mate confirmed it: Mr Hale at Elmfield lies on the attendance figures.',
      'Mr Hale at Elmfield has an assault conviction he kept quiet.',
      'Mr Hale at Elmfield has a kickback deal with the coach firm.',
      'Is it true Mr Lumb at Elmfield got a written warning for being in the pub at dinner? Just wondering. Asking for a friend. If it\'s not true ignore me!',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });

  it('does not flag the question the writer answers with a denial, or news of a conviction in court', () => {
    for (const text of [
      'Is it true Mr Lumb at Elmfield got a written warning? Just wondering, asking for a friend. It\'s not true, he was on a course.',
      'A rumour that Mr Hale at Elmfield lies on the attendance figures is going round. It is lies, the audit found nothing.',
      'Mr Hale, formerly of Elmfield, was sentenced at the crown court for an assault conviction appeal.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('round 7: northern "needs V-ing" wishes, veiled luck, staff misconduct verbs and plain put-downs', () => {
  it('flags them said of staff at the school', () => {
    expect(ids('These Elmfield staff need burning out of their houses honestly.')).toContain('abuse.threat');
    expect(ids('Elmfield is lucky I don\'t know where that maths teacher lives. Yet.')).toContain('abuse.threat');
    expect(ids('to whoever runs Elmfield: we\'re gonna come up there and show u what happens')).toContain('abuse.threat');
    expect(ids('Word is the Elmfield head has been creaming off the trip money for her holidays.')).toContain('abuse.disparaging');
    expect(ids('Mrs Ellery at Elmfield is a corporate ghoul and a soulless careerist.')).toContain('abuse.disparaging');
    expect(ids('Elmfield teachers r sum of the laziest ppl on earth swear down.')).toContain('abuse.disparaging');
    expect(ids('The head at Elmfield covered up an assault in the changing rooms, I\'m not saying how I know.')).toContain('abuse.disparaging');
  });

  it('does not flag the same words about a bonfire, a recipe, a fair question or an ordinary denial', () => {
    expect(ids('The Elmfield bonfire wood needs burning before it rots.')).not.toContain('abuse.threat');
    expect(ids('Lucky I know where the Elmfield fair is, the signs are all down.')).not.toContain('abuse.threat');
    expect(ids('Elmfield cookery club: cream off the top of the milk for the butter.')).not.toContain('abuse.disparaging');
    expect(ids('I\'m not saying the Elmfield head covered anything up, the inquiry cleared her.')).not.toContain('abuse.disparaging');
  });
});

describe('round 7: more youth and regional threats, by subject, verb and outcome', () => {
  it('flags them', () => {
    for (const text of [
      'tell mrs ellery from elmfield shes getting done in after school',
      'that elmfield pe teacher is getting his head kicked in by my cousins',
      'on my mums life im gonna smack mr quayle in the mouth tomorrow',
      'someone needs to give mrs ellery at elmfield a slap fr',
      'mr quayle elmfield catch these hands',
      'gonna get mr quayle jumped after school elmfield',
      'ima pull up on mr quayle after school at elmfield',
      'Elmfield\'s head wants her face rearranging',
      'watch what happens to mrs ellery\'s car at elmfield tonight',
      'mr quayle wont have a car left by the end of the week, elmfield',
      'I know what time Mrs Ellery leaves Elmfield every night',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });

  it('does not flag the same words in play, praise or errands', () => {
    for (const text of [
      'im gonna smack mr quayle\'s record in the elmfield sports day sprint',
      'give mrs ellery at elmfield a slap on the back from me, what a show',
      'ima pull up on the elmfield drive at 3 to get the kids',
      'I know what time Mrs Ellery leaves Elmfield every night because I give her a lift home.',
      'she is getting it done in after school club, Elmfield runs it on Thursdays',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('round 7: more prejudice without slurs, by the cue beside an identity word', () => {
  it('flags them', () => {
    for (const text of [
      'Elmfield should be ashamed hiring a muslim to teach RE to our kids',
      'Elmfield has gone downhill since they let the polish lot in',
      'Mrs Obi at Elmfield only got head of year cos shes black, everyone knows it',
      'Elmfield hired another one in a headscarf, wonder who they\'ll hire next',
      'Elmfield teachers with their woke trans nonsense, leave our kids alone',
      'Mrs Ellery at Elmfield with her Polish accent, nobody can understand a word, go back to teaching in your own country',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });

  it('does not flag the same identities without a cue', () => {
    for (const text of [
      'Elmfield hired a Muslim RE teacher and our kids love her lessons.',
      'Elmfield has gone downhill since the new head came in.',
      'Mrs Obi at Elmfield got head of year, she is black and brilliant and the kids adore her.',
      'Elmfield\'s trans awareness day was lovely, the kids made posters.',
      'Mrs Ellery at Elmfield teaches Polish club, the kids can understand a word or two now.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('round 7: threats and polite prejudice in Scots, Northern Irish, Lancashire, Welsh English and MLE voices', () => {
  it('flags them', () => {
    for (const text of [
      'Mrs Ellery at Elmfield wants tae watch hersel',
      'Mr Quayle, watch yourself. Elmfield\'s no that big',
      'mrs ellery fae elmfield, we ken where ye stay',
      'ah\'ll burst mr quayle when ah see him, elmfield',
      'mr quayle elmfield yer gettin it',
      'if that elmfield deputy touches ma wean again he\'s gettin his jaw broke',
      'mr quayle at elmfield is getting dropped fr, on my life',
      'nobody\'d miss that elmfield deputy if he disappeared',
    ]) expect(ids(text), text).toContain('abuse.threat');
    for (const text of [
      'Elmfield is lovely but since the refugee families came the classes are chaos',
      'nothing against travellers but Elmfield shouldn\'t have to take their kids, they don\'t stay',
      'two dads at Elmfield\'s nativity, what are the kids supposed to think',
      'Elmfield now has a Muslim head, say goodbye to Christmas',
      'wheelchair users can\'t manage a Year 6 class, Elmfield should know that',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });

  it('does not flag a hazard, a lift, a burst pipe, or the same identities praised', () => {
    for (const text of [
      'Watch yourself on the ice by the Elmfield gates this morning',
      'mr quayle at elmfield is getting dropped off at 3 by his wife',
      'the burst pipe at Elmfield means the head is getting the hall done',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
    for (const text of [
      'Elmfield is lovely since the new head came, the classes are calm',
      'the refugee families at Elmfield ran the international evening, what a night',
      'two dads and two mums helped at Elmfield\'s nativity, the kids loved it',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('review 7: ordinary sentences the round-7 rules must leave alone', () => {
  it('does not flag a precaution for hedgehogs, a look at the budget, a fun-run convoy, a laptop on borrowed time or a ladder', () => {
    for (const text of [
      'Mr Quayle at Elmfield would want to check under his car for hedgehogs in this cold weather',
      'The Elmfield head might want to look over her shoulder at the budget before signing',
      'Elmfield\'s head teacher will be leaving in an ambulance convoy for the charity fun run',
      'Elmfield\'s head is on borrowed time with that old laptop, someone buy her a new one',
      'Mr Quayle at Elmfield, watch yourself on that ladder!',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });

  it('does not flag a subject teacher, a move to a bigger school or a fond "little goblin"', () => {
    expect(ids('the English teacher at Elmfield said what are the kids supposed to think about Macbeth')).not.toContain('abuse.discriminatory');
    expect(ids('The Elmfield head quietly moved on to a bigger school, congratulations to her')).not.toContain('abuse.disparaging');
    expect(ids('Kian at Elmfield is a proper little goblin when he\'s tired, love him')).not.toContain('abuse.disparaging');
  });
});
