/**
 * Review of round 6's mention changes: defects found by trying ordinary posts through the decision, each as a
 * contrast in words of the reviewer's own (invented schools, people and places).
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

const fenwell: MatchableSchool = { name: 'Fenwell Academy', aliases: ['Fenwell', 'FNA'], context: ['Oakbury'], exclude: [] };

describe('review 6: a titled adult in placeless education news, fiction or TV is not the feed school\'s', () => {
  it('a politician, a union leader or a quoted head in national news is no school\'s', () => {
    expect(m('Sir Keir Starmer promised pupils free breakfast clubs, smaller classes and fewer detentions for GCSE students.', fenwell)).toBe(false);
    expect(m('Ms Phillipson announced that teachers will get a 4% pay rise and that Ofsted report cards replace one-word grades.', fenwell)).toBe(false);
    expect(m('Mr Whiteman, general secretary of the NAHT, said headteachers were exhausted and that pupils with SEND were being failed.', fenwell)).toBe(false);
    expect(m('Mrs Patel, a headteacher and mum of two, said pupils were struggling with the new GCSE maths papers and homework.', fenwell)).toBe(false);
  });
  it('a teacher in a book, a film or on TV is no school\'s', () => {
    expect(m('Miss Trunchbull gave Bruce a detention for eating the cake. Best GCSE set text ever.', fenwell)).toBe(false);
    expect(m('Mr Chips is the best film about a teacher and his pupils, a headmaster at a boarding school.', fenwell)).toBe(false);
  });
  it('someone of its community speaking of a teacher (I, my, our, you) or of a form\'s still is', () => {
    expect(m("I don't think Mrs Bainbridge is a bad teacher, but the phonics homework this year is too much. I've emailed her.", fenwell)).toBe(true);
    expect(m('Mrs Pryce gave my son a detention for a missing tie. Year 9 are fuming.', fenwell)).toBe(true);
    expect(m('Mr Hale gave our lad a detention for a missing tie, the head of year backed him.', fenwell)).toBe(true);
    expect(m('My daughter is in Year 8. Miss Oduya gave her a detention for forgetting her planner.', fenwell)).toBe(true);
    expect(m('Mrs Pryce deserves a medal for putting up with 9W and their homework excuses.', fenwell)).toBe(true);
  });
});

describe('review 6: a unit or a grade after a number (10W, 11h, 8a) is no form group', () => {
  it('a town\'s parents\' group asking about a 10W bulb or an 11h delay is no school\'s; a form group still is', () => {
    expect(m('Anyone know where to get a 10W LED bulb for a bathroom extractor fan?', fenwell, 'Oakbury Mums & Dads')).toBe(false);
    expect(m('Our flight home was 11h delayed, never flying with them again.', fenwell, 'Oakbury Parents')).toBe(false);
    expect(m('Anyone in 10B whose kid has the maths homework?', fenwell, 'Oakbury Mums & Dads')).toBe(true);
    expect(m('The lad who keeps starting it is Jaxon, 10R, and nobody does owt.', fenwell, 'Oakbury Mums & Dads')).toBe(true);
    expect(m('That Ms Reid picks on certain kids. Every parent in 10B knows it.', fenwell, 'Oakbury Catholic Parents')).toBe(true);
  });
});

describe('review 6: configured initials after "the" ending their clause among school words are the school', () => {
  it('"teaching Year 7 maths at the FNA." is the school; "a case brought by the FNA." stays a body', () => {
    expect(m('Proud to be teaching Year 7 maths at the FNA.', fenwell)).toBe(true);
    expect(m('Another detention for my son from the FNA. Ridiculous.', fenwell)).toBe(true);
    expect(m('An Oakbury man was fined after a complaint about his behaviour was made to the FNA.', fenwell)).toBe(false);
    expect(m('The case was brought by the FNA.', fenwell)).toBe(false);
  });
});

describe('review 6: a count before initials ("12 FNA pupils") makes them no unit for the rest of the item', () => {
  it('"the 12 FNA pupils … FNA is the best" is the school; "600 kPa … KPA" stays a unit', () => {
    expect(m('Congrats to the 12 FNA pupils who got into Oxbridge this year! FNA is the best.', fenwell)).toBe(true);
    // round 7: initials need school life near them ("teams" alone are any club's)
    expect(m('So proud of FNA. Our 3 FNA teams all won the schools cup on Saturday.', fenwell)).toBe(true);
    const kpa: MatchableSchool = { name: 'Kestrel Park Academy', aliases: ['KPA'], context: ['Oakbury'], exclude: [] };
    expect(m('The pump is rated 600 kPa but the installer wrote KPA on the form as if it were another unit.', kpa)).toBe(false);
  });
});

describe('review 6: a saint named in full as the opponent is not what "St B\'s" stands for', () => {
  const bede: MatchableSchool = { name: "St Bede's Catholic Primary School", aliases: [], context: ['Oakbury'], exclude: [] };
  it('"St B\'s … beat St Benedict\'s 12-3" is the school; "St B\'s … St Bartholomew\'s Exeter are flying" stays the other', () => {
    expect(m("Well done to the St B's netball girls who beat St Benedict's 12-3 on Saturday!", bede)).toBe(true);
    expect(m("St B's U12s drew with St Bernard's in the cup. Proud of our Year 7s.", bede)).toBe(true);
    expect(m("St B's netball girls through to the finals!! St Bartholomew's Exeter are flying this year", bede)).toBe(false);
  });
});

describe('review 6: a name placed in another capitalised place many times reads the item for its own places once', () => {
  it('a thousand "Fenwell in Lancs Fenwell" read the item once per school', async () => {
    const { MATCH_WORK } = await import('../../lib/match');
    const lancs: MatchableSchool = { name: 'Fenwell Academy', aliases: ['Fenwell'], context: ['Oakbury', 'Lancashire'], exclude: [] };
    const text = 'Fenwell in Lancs '.repeat(1000);
    const before = MATCH_WORK.contextChars;
    m(text, lancs);
    expect(MATCH_WORK.contextChars - before).toBeLessThanOrEqual(text.length + 1);
  });
});

describe('review 6: a full county name is no short form of another county ("Essex" is not "East Sussex")', () => {
  const sussex: MatchableSchool = { name: 'Millbrook Infant School', aliases: ['Millbrook'], context: ['Greave Lane', 'East Sussex'], exclude: [] };
  it('"Millbrook in Essex" is elsewhere for a school in East Sussex; "Millbrook in E Sussex" and "in Sussex" are its own', () => {
    expect(m('Our Reception teacher at Millbrook in Essex sets no homework at all.', sussex)).toBe(false);
    expect(m('Our Reception teacher at Millbrook in E Sussex sets no homework at all.', sussex)).toBe(true);
    expect(m('Our Reception teacher at Millbrook in Sussex sets no homework at all.', sussex)).toBe(true);
  });
});

describe('review 6: the school\'s own town is no place-ness when it is also a racing venue (Market Rasen, Haydock)', () => {
  const aston: MatchableSchool = { name: 'De Aston School', aliases: ['De Aston'], context: ['Market Rasen', 'Caistor'], exclude: [] };
  it('its town\'s parents\' group speaking of a detention is the school, as it is from its other town', () => {
    expect(m('The head of year gave my son a detention for a missing tie. Year 9 are fuming.', aston, 'Market Rasen Mums & Dads')).toBe(true);
    expect(m('The head of year gave my son a detention for a missing tie. Year 9 are fuming.', aston, 'Caistor Mums & Dads')).toBe(true);
    expect(m('Great day at Market Rasen races, the odds were kind to us.', aston, 'Market Rasen Mums & Dads')).toBe(false);
  });
});

describe('review 6: "against the odds", "at odds with" are no betting', () => {
  it('"Against all the odds Fenwell got through to the final" is the school; "Fenwell at odds of 9/2" is a horse', () => {
    expect(m('Against all the odds Fenwell got through to the final, so proud of the girls.', fenwell)).toBe(true);
    expect(m('Fenwell is at odds with the council again, apparently.', fenwell)).toBe(true);
    expect(m('Fenwell at odds of 9/2 in the 3.40, come on!', fenwell)).toBe(false);
  });
});

describe('review 6: a people or faith word after the name describes pupils only before a word for people', () => {
  it('"Fenwell Polish mums" is the school; "Fenwell British Legion", "Fenwell Chinese takeaway" are other names', () => {
    expect(m('Fenwell Polish mums are organising a coffee morning after drop-off.', fenwell)).toBe(true);
    expect(m('Fenwell Somali parents have asked for a meeting with the head.', fenwell)).toBe(true);
    expect(m('Fenwell British Legion are holding the poppy appeal on Saturday.', fenwell)).toBe(false);
    expect(m('Fenwell Chinese takeaway has closed for good, gutted.', fenwell)).toBe(false);
    expect(m('Fenwell Irish dancers were amazing at the feis on Sunday.', fenwell)).toBe(false);
  });
});

describe('review 6: a titled person\'s name with a plural verb ("Sir Roger Hale are through") is the school, not the man', () => {
  const hale: MatchableSchool = { name: 'Sir Roger Hale Grammar School', aliases: ['Hale Grammar'], context: ['Wrenbury'], exclude: [] };
  it('"Sir Roger Hale are through to the county cup final" is the school; "Sir Roger Hale, who built the hall" is the man', () => {
    expect(m('Sir Roger Hale are through to the county cup final, well played lads!', hale)).toBe(true);
    expect(m('Sir Roger Hale have won the county cup again, well played.', hale)).toBe(true);
    expect(m('Sir Roger Hale, who built the hall in 1720, is buried in the churchyard.', hale)).toBe(false);
    expect(m('Sir Roger Hale was a wool merchant who built the hall in 1720.', hale)).toBe(false);
  });
});

describe('review 6: a capitalised word before the name, with a strong school word straight after it, describes the school\'s pupils', () => {
  it('"the Debating Fenwell pupils", "the Robotics Fenwell pupils" are the school; "Port Fenwell" stays a place', () => {
    expect(m('So proud of the Debating Fenwell pupils who won the county cup.', fenwell)).toBe(true);
    expect(m('Massive well done to the Robotics Fenwell pupils at the regional final.', fenwell)).toBe(true);
    expect(m('Heavy rain has cut off the roads around Port Fenwell again, with ferries delayed.', fenwell)).toBe(false);
  });
});
