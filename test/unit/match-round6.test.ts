/**
 * Round 6 of the mention decision (issue 11): kinds of error found in the spent blind sets f and g (corpora v, w, x
 * and blind sets d and e kept unread as the check), each as a contrast in words of its own (invented schools,
 * people and places, not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

const fenwell: MatchableSchool = { name: 'Fenwell Academy', aliases: ['Fenwell', 'FNA'], context: ['Oakbury'], exclude: [] };
const tarrant: MatchableSchool = { name: 'Tarrant Moss College', aliases: ['Tarrant Moss', 'Tarrant'], context: ['Hebdon'], exclude: [] };

describe('round 6: a capitalised word straight before the name makes a longer proper name', () => {
  it('"Port Fenwell" is another place; "at Fenwell" and a sentence opening with a word before it are the school', () => {
    expect(m('Heavy rain has cut off the roads around Port Fenwell again, with ferries delayed.', fenwell)).toBe(false);
    expect(m('Heavy rain has cut off the roads around Fenwell again, the buses are delayed.', fenwell)).toBe(true);
    expect(m('Congrats Fenwell on the netball win!', fenwell)).toBe(true);
  });
});

describe('round 6: a street or church word after the full name counts only as a name (capitalised)', () => {
  it('"Tarrant Moss College Close" is a street; "Tarrant Moss College close its sixth form" is the school', () => {
    expect(m('The council has recommended that Tarrant Moss College close its sixth form after numbers fell.', tarrant)).toBe(true);
    expect(m('Parking on Tarrant Moss College Close is a nightmare at 3pm.', tarrant)).toBe(false);
  });
});

describe('round 6: Welsh school words after (or before) a Welsh-medium school\'s name leave it the school\'s', () => {
  const celyn: MatchableSchool = { name: 'Ysgol Gyfun Bryn Celyn', aliases: ['Bryn Celyn'], context: ['Llanfedw'], exclude: [] };
  it('its parents\' group ("Bryn Celyn Rhieni Bl 8") is the school; "Bryn Celyn Quarry" is not', () => {
    expect(m('Has anyone had the letter about the trip? Not in the bag again.', celyn, 'Bryn Celyn Rhieni Bl 8')).toBe(true);
    expect(m('Has anyone had the letter about the blasting? Not in the post again.', celyn, 'Bryn Celyn Quarry Neighbours')).toBe(false);
  });
  it('"Cymdeithas Rieni Bryn Celyn" (parents\' association, mutated) is the school; "Heol Bryn Celyn" is a street', () => {
    expect(m('Noson cwis: quiz night for Cymdeithas Rieni Bryn Celyn on Friday, teams of six.', celyn)).toBe(true);
    expect(m('Quiz night at the Ship Inn, Friday; parking on Heol Bryn Celyn only.', celyn)).toBe(false);
  });
});

describe('round 6: a person named before the school is not a longer name', () => {
  it('"Miss Carys Lowe Fenwell" is a teacher and her school; "Port Fenwell" is a place', () => {
    expect(m('Nobody believes Miss Carys Lowe Fenwell will keep her job after that.', fenwell)).toBe(true);
    expect(m('Nobody believes the ferry from Port Fenwell will run after that storm.', fenwell)).toBe(false);
  });
});

describe('round 6: initials written as a unit anywhere in the item are that unit throughout', () => {
  const kpa: MatchableSchool = { name: 'Kestrel Park Academy', aliases: ['KPA'], context: ['Oakbury'], exclude: [] };
  it('"rated 600 kPa … the KPA figure" is a pressure; "KPA" alone is the school', () => {
    expect(m('The pump is rated 600 kPa but the installer wrote KPA on the form as if it were another unit.', kpa)).toBe(false);
    expect(m('The installer at KPA wrote the form wrong again, the kids say the boiler is off.', kpa)).toBe(true);
  });
});

describe('round 6: initials after "the" that end their clause name a body, not the school', () => {
  const hvs: MatchableSchool = { name: 'Hallam Vale School', aliases: ['HVS'], context: ['Oakbury'], exclude: [] };
  it('"a complaint made to the HVS." is a body; "the HVS staff car park" is the school', () => {
    expect(m('An Oakbury man was fined after a complaint about his behaviour was made to the HVS.', hvs)).toBe(false);
    expect(m('An Oakbury man was fined after parking in the HVS staff car park for a week.', hvs)).toBe(true);
  });
});

describe('round 6: an item naming no school and no place, but a titled teacher with school life, is the feed school\'s', () => {
  it('"Mrs Pryce gave my son a detention" is the school; the same in Sheffield, or with no titled adult, is not', () => {
    expect(m('Mrs Pryce gave my son a detention for a missing tie. Year 9 are fuming.', fenwell)).toBe(true);
    expect(m('Mrs Pryce in Sheffield gave my son a detention for a missing tie. Year 9 are fuming.', fenwell)).toBe(false);
    expect(m('The head of year gave my son a detention for a missing tie. Year 9 are fuming.', fenwell)).toBe(false);
  });
  it('a titled adult with no school life is not ("Mr Hale fixed our boiler")', () => {
    expect(m('Mr Hale fixed our boiler in an hour, cannot recommend him enough.', fenwell)).toBe(false);
  });
});

describe('round 6: a county written short ("Lancs", "West Yorks") is where the school may be, not elsewhere', () => {
  const brook: MatchableSchool = { name: 'Millbrook Infant School', aliases: ['Millbrook'], context: ['Greave Lane'], exclude: [] };
  const glos: MatchableSchool = { name: 'Millbrook Infant School', aliases: ['Millbrook'], context: ['Greave Lane', 'Gloucestershire'], exclude: [] };
  it('"my daughter\'s infant school (Millbrook in Lancs)" is the school; "Millbrook, Gloucestershire. The prettiest village" is not', () => {
    expect(m("Is it normal that my daughter's infant school (Millbrook in Lancs) sets no homework in Reception?", brook)).toBe(true);
    expect(m('Millbrook, Gloucestershire. The prettiest village in the county? Discuss.', brook)).toBe(false);
  });
  it('against a school whose county is known: its own short form is it, another county is not', () => {
    expect(m('Our Reception teacher at Millbrook in Glos sets no homework at all.', glos)).toBe(true);
    expect(m('Our Reception teacher at Millbrook in Lancs sets no homework at all.', glos)).toBe(false);
  });
});

describe('round 6: a school named after a titled person: the person\'s name alone is the person\'s unless school words say school', () => {
  const hale: MatchableSchool = { name: 'Sir Roger Hale Grammar School', aliases: ['Hale Grammar'], context: ['Wrenbury'], exclude: [] };
  it('"Sir Roger Hale, who built the hall in 1720" is the man; "Sir Roger Hale sixth formers" is the school', () => {
    expect(m('Sir Roger Hale, who built the hall in 1720, was a patron of the parish and a gambler.', hale)).toBe(false);
    expect(m('Sir Roger Hale sixth formers raised £2,000 for the food bank this term.', hale)).toBe(true);
  });
});

describe('round 6: other senses of a name by kind (data/match other-sense place cues)', () => {
  const glen: MatchableSchool = { name: 'Glenavon Academy', aliases: ['Glenavon'], context: ['Craigmuir'], exclude: [] };
  it('whisky: "Glenavon 15: a whiff of peat, sherry cask" is a dram; "Glenavon S2 trip" is the school', () => {
    expect(m('Glenavon 15 tonight: a whiff of peat, sherry cask finish, lovely.', glen)).toBe(false);
    expect(m('Glenavon 15 tonight: the S2 trip bus is back late, lovely.', glen)).toBe(true);
  });
  it('floods: "flood alert for Glenavon" is the burn; "Glenavon closed, pupils sent home" is the school', () => {
    expect(m('Flood alert in force for Glenavon this morning, do not drive through it.', glen)).toBe(false);
    expect(m('Glenavon closed this morning, pupils sent home at ten.', glen)).toBe(true);
  });
  it('racing: "Glenavon at Haydock" is a horse; abroad: "Glenavon for 4th grade" is a US school', () => {
    expect(m('Glenavon 9/2 at Haydock. Come on!', glen)).toBe(false);
    expect(m('Does anyone still use the old Glenavon readers for 4th grade?', glen)).toBe(false);
    expect(m('Does anyone still use the old Glenavon readers for S1?', glen)).toBe(true);
  });
});

describe('round 6: an unnamed item from its town\'s qualified parents\' group ("Oakbury Catholic Parents") speaking of a form and a teacher', () => {
  it('"That Ms Reid picks on kids, every parent in 10B knows it" is the school; a plumber asked for is not', () => {
    expect(m('That Ms Reid picks on certain kids. Every parent in 10B knows it.', fenwell, 'Oakbury Catholic Parents')).toBe(true);
    expect(m('Anyone know a good plumber? Ours let us down again.', fenwell, 'Oakbury Catholic Parents')).toBe(false);
  });
});

describe('round 6: a saint\'s initial ("St B\'s") stands for the saint the item names in full', () => {
  const brannoc: MatchableSchool = { name: "St Brannoc's CofE Primary School", aliases: ["St Brannoc's"], context: ['Wexley'], exclude: [] };
  it('"St B\'s … St Bartholomew\'s Exeter are flying" is St Bartholomew\'s; "St B\'s … St Brannoc\'s" is the school', () => {
    expect(m("St B's netball girls through to the finals!! St Bartholomew's Exeter are flying this year", brannoc)).toBe(false);
    expect(m("St B's netball girls through to the finals!! St Brannoc's are flying this year", brannoc)).toBe(true);
    expect(m("St B's netball girls through to the county finals!!", brannoc)).toBe(true);
  });
});

describe('round 6: an apposition may describe the other place in up to four words', () => {
  it('"Fenwell, the old three-arched packhorse bridge, is closed" is a bridge; "Fenwell, the one by the bridge, has a new head" is the school', () => {
    expect(m('Fenwell, the old three-arched packhorse bridge, is closed for repairs until spring.', fenwell)).toBe(false);
    expect(m('Fenwell, the one by the bridge, has a new head from September.', fenwell)).toBe(true);
  });
});

describe('round 6: Welsh "Sant" is "St"; a school denomination ("Community") is no church; a people after the name describes pupils', () => {
  it('"the acting head at St Tudno\'s" is Ysgol Sant Tudno', () => {
    const tudno: MatchableSchool = { name: 'Ysgol Sant Tudno', aliases: [], context: ['Llandudwy'], exclude: [] };
    expect(m("Anyone else think it's odd that the acting head at St Tudno's is the vicar's daughter?", tudno)).toBe(true);
    expect(m("Anyone else think it's odd that the acting head at St Tudwal's is the vicar's daughter?", tudno)).toBe(false);
  });
  it('"Fenwell Community kids … Year 6 SATs" is the school; "Fenwell Methodist are doing a jumble sale" is a church', () => {
    expect(m('Fenwell Community kids did brilliantly in their Year 6 SATs.', fenwell)).toBe(true);
    expect(m('Fenwell Methodist are doing their jumble sale on Saturday.', fenwell)).toBe(false);
  });
  it('"them Fenwell Somali kids" are its pupils; "Fenwell Rovers kids" a club\'s', () => {
    expect(m('Them Fenwell Somali kids are always at that bus stop after school.', fenwell)).toBe(true);
    expect(m('Them Fenwell Rovers kids are always at that bus stop after training.', fenwell)).toBe(false);
  });
});

describe('round 6: a same-named street is an address; the item may still speak of the school unnamed', () => {
  const drum: MatchableSchool = { name: 'Drumcarn Integrated College', aliases: ['Drumcarn'], context: ['Ballyneagh'], exclude: ['Drumcarn Road'] };
  it('"the crash on the Drumcarn Road … in Year 10 at the integrated" (its town\'s forum) is the school; a same-named surgery is not', () => {
    expect(m('The girl in the crash on the Drumcarn Road was in Year 10 at the integrated, her form tutor is heartbroken.', drum, 'Ballyneagh Community Forum')).toBe(true);
    expect(m('Drumcarn Surgery has been rated poor: staff training records were missing, inspectors said.', drum, 'Ballyneagh Community Forum')).toBe(false);
  });
});

describe('round 6: the matcher\'s work stays linear', () => {
  it('an item with a thousand "St B\'s" reads it once for a saint named in full', async () => {
    const { MATCH_WORK } = await import('../../lib/match');
    const brannoc: MatchableSchool = { name: "St Brannoc's CofE Primary School", aliases: [], context: ['Wexley'], exclude: [] };
    const text = `${"St B's netball girls, ".repeat(1000)}and St Bartholomew's Exeter.`;
    const before = MATCH_WORK.saintChars;
    m(text, brannoc);
    expect(MATCH_WORK.saintChars - before).toBeLessThanOrEqual(text.length + 1);
  });
});
