/**
 * Issue 11, generalisation: each kind of error found on an independent school set (data/eval/blind-2026-11-30,
 * now spent) is fixed as a kind, by cue lists in data/lexicons (discourse-cues.tsv, vocab-0.3.tsv) and structure,
 * and proved here by a contrast pair in fresh words: a case that must flag and a near-identical one that must not.
 * None of these sentences is taken from an evaluation set. The blind items each kind fixed are named in the
 * describe titles, so a change can be checked against a paraphrase as well as the item it was written for.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';

// The pairs prove the rules' kinds, so they are decided by the rules (with the text classifier), not by the school model:
// scored with the school model but without the school's names (a mode no caller uses) the round-8 model put two flag
// sides (p 0.59, 0.57) just under its rule-backed level 0.6; as an item of the school (assessItem, below) they flag
const score = (text: string, title = '') => scoreItem({ title, text }, undefined, { notNames: ['Northgate', 'Park', 'Academy'], schoolModel: false });
const families = (text: string) => score(text).families;

function pair(flag: string, noFlag: string, family: 'abuse' | 'confidential' | 'reputation') {
  expect(families(flag), flag).toContain(family);
  expect(families(noFlag), noFlag).not.toContain(family);
}

describe('counter-speech names the offender, not the school (blind b021, b059, b165, b179, b234, b243)', () => {
  it('an insult aimed at whoever wrote the abuse is not the school\'s abuse', () => {
    pair(
      'The new maths teacher at Northgate Park Academy is pathetic.',
      "Whoever scratched that word into the Northgate Park Academy bus shelter, you are pathetic. Grow up.",
      'abuse',
    );
  });
  it('"some total weapon has written…": the insult is the subject of the offence verb', () => {
    pair(
      'Mr Ellery at Northgate Park Academy is a total weapon.',
      "Some total weapon has written on Facebook that Mr Ellery at Northgate Park Academy is a 'paedo'. Reported the post. Disgusting.",
      'abuse',
    );
  });
  it('a short verdict after the report ("Absolute vermin.") condemns the writer of the report', () => {
    pair(
      'The governors at Northgate Park Academy are absolute scum.',
      'Someone has sprayed a slur on the Northgate Park Academy minibus overnight. Absolute scum. The caretaker has jet-washed it already.',
      'abuse',
    );
  });
  it('graffiti named by its word ("the SLAG graffiti") is reported, not said', () => {
    pair('Mrs Tenby at Northgate Park Academy is a slag.', 'The site team at Northgate Park Academy cleaned off the SLAG graffiti before registration.', 'abuse');
  });
});

describe('a label the writer denies is rebutted everywhere in the item (blind b007, b084, b100)', () => {
  it("\"Are they really 'clueless'? She isn't clueless at all\"", () => {
    pair(
      'The new head at Northgate Park Academy is clueless.',
      "Is the new head at Northgate Park Academy really 'clueless'? She isn't clueless at all, she sorted the timetable in a week.",
      'abuse',
    );
  });
  it('"people keep saying it is a dump. Give it a rest."', () => {
    pair(
      'Northgate Park Academy is a shithole.',
      'People on the town page keep saying Northgate Park Academy is a "shithole". My two are thriving there. Give it a rest.',
      'abuse',
    );
  });
});

describe("someone else's verdict, and a parent's word for their own child, are not insults (blind b011, b095)", () => {
  it('"my daughter is bossy" vs "her teacher is bossy and petty"', () => {
    pair(
      'Her teacher at Northgate Park Academy is bossy and petty.',
      'My daughter is bossy at home, but her teacher at Northgate Park Academy brings out the best in her.',
      'abuse',
    );
  });
});

describe('insinuation is polite defamation (blind b002, b045, b054, b205)', () => {
  it('strong cues flag with a member of staff in view; a lone weak cue does not', () => {
    pair(
      'Funny how Mr Calloway at Northgate Park Academy always offers to drive the girls home after netball. Draw your own conclusions.',
      'Mr Calloway at Northgate Park Academy always offers to drive the minibus to netball matches. Lovely man.',
      'abuse',
    );
  });
  it('two weak cues together flag; aimed at Ofsted they do not', () => {
    pair(
      "Not saying anything, just asking why Mrs Pryor at Northgate Park Academy keeps a lock on her classroom door.",
      'Funny how Ofsted always turn up the week after half term. Draw your own conclusions.',
      'abuse',
    );
  });
});

describe('veiled threats: knowing someone\'s car, route or routine, and threat idioms (blind b010, b049, b127, b128, b214, b246)', () => {
  it('"I know which car she drives" vs the same with a lift share', () => {
    pair(
      'Mrs Okoro at Northgate Park Academy kept my son in at lunch again. I know which car she drives and when she finishes on a Friday.',
      'Mrs Okoro at Northgate Park Academy kept my son in at lunch. I know which car she drives because she gives me a lift on Fridays.',
      'abuse',
    );
  });
  it('"had better hope I don\'t bump into him" vs "hope I bump into him"', () => {
    pair(
      'Mr Dane at Northgate Park Academy had better hope I don\'t bump into him at the weekend.',
      'Mr Dane at Northgate Park Academy, I hope I bump into him at the weekend, I owe him a thank-you.',
      'abuse',
    );
  });
  it('"be a shame if anything happened to it" vs "it would be a shame if it closed"', () => {
    pair(
      "Mr Dane at Northgate Park Academy has a lovely new van. Be a shame if anything happened to it.",
      "Northgate Park Academy's library is lovely. It would be a shame if it closed.",
      'abuse',
    );
  });
  it('"someone should pay the old witch a visit" is a threat; visiting a grandparent is not', () => {
    pair(
      'Mrs Leigh at Northgate Park Academy lives on our estate. About time someone paid the old witch a visit.',
      'Mrs Leigh at Northgate Park Academy retired last year. We paid her a visit with the class card.',
      'abuse',
    );
  });
});

describe('a harassment campaign: contact kept up without end (blind b036)', () => {
  it('persistent tagging flags; one mention of posts does not', () => {
    pair(
      'Everyone tag Northgate Park Academy on every post until they explain the uniform change. Keep tagging, do not let up.',
      'Northgate Park Academy answered questions about the uniform change on every post in the parents group, which was helpful.',
      'abuse',
    );
  });
});

describe('an incident at the school is reputation (blind b050, b071, b130, b222)', () => {
  it('two incident cues flag; a fire-engine visit does not', () => {
    pair(
      'Fire engines and an ambulance at Northgate Park Academy this morning, the whole school evacuated onto the field.',
      "Fire engines visited Northgate Park Academy's reception class this morning for People Who Help Us week.",
      'reputation',
    );
  });
});

describe('a road-safety petition to the council is not a protest against the school (blind b174, b192)', () => {
  it('petition for a crossing vs petition against the school\'s policy', () => {
    pair(
      "Petition against Northgate Park Academy's new uniform policy, please sign.",
      'Petition to the county council for a zebra crossing outside Northgate Park Academy, please sign.',
      'reputation',
    );
  });
});

describe('confidential: credentials, whose condition it is, similes, court reporting, leaks (blind b017, b018, b110, b131, b158, b209, b244)', () => {
  it('a user name / secret pair after a log-in word is a credential', () => {
    pair(
      'Northgate Park Academy staff wifi login is pinned up in the staffroom photo: NPA-Staff / Kestrel2025!',
      'Northgate Park Academy wifi login help: ask the office / reception desk.',
      'confidential',
    );
  });
  it("the writer's own child's condition is not a member of staff's", () => {
    pair(
      'Her form tutor at Northgate Park Academy has dyslexia and has been off with anxiety.',
      "My daughter's dyslexia assessment came back and her form tutor at Northgate Park Academy has been brilliant.",
      'confidential',
    );
  });
  it('"runs the place like a prison" is a simile, not a fact about a pupil', () => {
    pair("Year 9 pupil Jordan Blake's dad is in prison, poor lad.", 'Mrs Jordan Blake runs Northgate Park Academy like a prison, Year 9 are miserable.', 'confidential');
  });
  it('"magistrates heard" is public evidence, not a rumour passed on', () => {
    pair(
      "Heard that Northgate Park Academy's governing body is planning to close the nursery.",
      "Magistrates heard that Northgate Park Academy's governing body had replaced the boiler.",
      'confidential',
    );
  });
  it('"what they\'re not telling us" accuses; it does not deny the leak', () => {
    pair(
      "Got hold of the governors' pack for Northgate Park Academy: two TAs to be made redundant. What they're not telling us.",
      "The governors' pack for Northgate Park Academy is on the website every term.",
      'confidential',
    );
  });
});

describe('wider vocabulary from the data files (blind b082, b135, b146, b189)', () => {
  it('masked forms of any lexicon slur are found ("h*mo"), and a negated one is not flagged', () => {
    pair('The new drama teacher at Northgate Park Academy is a l*zzie.', 'Nobody should ever call a teacher at Northgate Park Academy a l*zzie.', 'abuse');
  });
  it('British put-down idioms insult; ordinary praise of the same staff does not', () => {
    pair(
      "The office staff at Northgate Park Academy couldn't organise a piss-up in a brewery.",
      'The office staff at Northgate Park Academy organised the summer fair brilliantly.',
      'abuse',
    );
  });
  it('the triple-brackets echo marks a group for hate', () => {
    pair('Look who really runs the governors at Northgate Park Academy. (((Them))) again.', 'Look who really runs the governors at Northgate Park Academy. Parents again.', 'abuse');
  });
  it('a group named by origin with an exclusion cue is discriminatory; the same group praised is not', () => {
    pair(
      'Northgate Park Academy is full of Polish and Romanian kids now. It should be for locals only.',
      'Northgate Park Academy has Polish and Romanian families on the PTA now, and the fair was the best yet.',
      'abuse',
    );
  });
});

describe('names written with diacritics are names (held-out vocabulary: names with diacritics)', () => {
  it('a pupil named "Łukasz Wójcik" with a sensitive fact is confidential; the fact alone is not', () => {
    pair(
      'Łukasz Wójcik in Year 8 has been permanently excluded from Northgate Park Academy.',
      'Northgate Park Academy has explained its permanent exclusion policy to Year 8 parents.',
      'confidential',
    );
  });
});

describe('threat idioms are threats; the same alarm about a road is a warning', () => {
  it('"her card\'s marked", "he will end up in A&E" vs a child ending up in A&E at a broken crossing', () => {
    pair(
      "Mrs Varga at Northgate Park Academy gave my lad a detention. Her card's marked.",
      'The crossing outside Northgate Park Academy has been broken for weeks. A child will end up in A&E at this rate.',
      'abuse',
    );
    pair(
      'Mr Lowe at Northgate Park Academy excluded my son. He will end up in A&E if I see him.',
      'The crossing outside Northgate Park Academy has been broken for weeks. A child will end up in A&E at this rate.',
      'abuse',
    );
  });
});

describe('a disclosure without an abusive word is not offensive wording (functional conf_staff_sickness)', () => {
  it('the classifier does not add abuse to a sick-leave disclosure; an insult beside it still does', () => {
    // "Infant and Nursery School" and a private medical word move the tweet-trained classifier on their own
    const school = { notNames: ['Larkfield', 'Infant', 'Nursery', 'School'] };
    const fams = (text: string) => scoreItem({ title: '', text }, undefined, school).families;
    expect(fams('Mr Rowe from Larkfield Infant and Nursery School is off sick with a mental health crisis, hence the supply teachers.')).toEqual(['confidential']);
    expect(fams('Mr Rowe from Larkfield Infant and Nursery School is off sick again, the useless prat.')).toEqual(['abuse', 'confidential']);
    expect(families('Mr Holt at Northgate Park Academy is on long-term sick leave after a miscarriage in the family.')).toEqual(['confidential']);
    expect(families('Mr Holt at Northgate Park Academy is on long-term sick leave, the useless prat.')).toEqual(['abuse', 'confidential']);
  });
});

describe('polite defamation in a formal register; wrongdoing as a training topic is not a claim (functional abuse_defamation_polite)', () => {
  it('"I have it on good authority that Mr Quill turned up drunk" vs training on spotting a colleague who turns up drunk', () => {
    pair(
      'I have it on good authority that Mr Quill at Northgate Park Academy turned up drunk to the Year 6 disco.',
      'Northgate Park Academy staff had training on how to spot a colleague who turns up drunk.',
      'abuse',
    );
    pair(
      'It is my understanding that the bursar at Northgate Park Academy helped himself to the trip money.',
      'The bursar at Northgate Park Academy helped the Year 4 trip money go further this year.',
      'abuse',
    );
  });
});

describe('a forwarded internal email is a leak (functional conf_internal_email)', () => {
  it('"FW: … Dear colleagues" with a capability process vs a public newsletter about a new appointment', () => {
    pair(
      'FW: staffing update. Dear colleagues, Mrs Ruddock at Northgate Park Academy will begin a formal capability process next week.',
      'From this week\'s newsletter: Mrs Ruddock at Northgate Park Academy will become head of science next term.',
      'confidential',
    );
  });
});

describe('an investigation by any investigating body, in either word order, is reputation (functional rep_investigation)', () => {
  it('"Ofqual is investigating…", "referred to the Teaching Regulation Agency" vs pupils investigating volcanoes', () => {
    pair('Ofqual is investigating exam results at Northgate Park Academy.', 'Year 9 at Northgate Park Academy are investigating volcanoes in science.', 'reputation');
    pair('Northgate Park Academy has been referred to the Teaching Regulation Agency.', 'Northgate Park Academy has been shortlisted for a regional teaching award.', 'reputation');
  });
});

describe('the flag sides above, scored as an item of the school (the shipped school model decides)', () => {
  const schools = loadSchoolsFile([{ id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'], context: [], exclude: [] }]);
  const asItem = (text: string) => assessItem({ id: 'x', school: 'northgate', title: '', text }, schools).categories.map((c) => c.family);
  it('an insult of a teacher and a polite defamation of the bursar are abuse', () => {
    for (const text of [
      'The new maths teacher at Northgate Park Academy is pathetic.',
      'It is my understanding that the bursar at Northgate Park Academy helped himself to the trip money.',
    ]) expect(asItem(text), text).toContain('abuse');
  });
});
