/**
 * Round 9b of the mention decision (issue 11): studied on the spent blind sets blind-2026-12-01e and -01f.
 * Each case a contrast in words of its own (invented schools, people and places, not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

describe('round 9b: a pub called "The X" does not take the school\'s own name after "the"', () => {
  const kestrel: MatchableSchool = { name: 'Kestrel Mead School', aliases: ['Kestrel Mead', "Kestrel's Mead"], context: ['Ollerby'], exclude: ['The Kestrel Mead'] };
  it('"the Kestrel Mead newsletter" / "minibus" is the school; "quiz night at the Kestrel Mead" is the pub', () => {
    expect(m('Did anyone else read the Kestrel Mead newsletter this week? Mr Fairlie in Year 4 is leaving at Easter', kestrel)).toBe(true);
    expect(m('Some lads threw eggs at the Kestrel Mead minibus on the high street, the children were in tears', kestrel, 'Ollerby Residents')).toBe(true);
    expect(m('The Kestrel Mead office number is 01632 960777 if you want to book a place at the summer fair', kestrel, 'Ollerby Residents')).toBe(true);
    expect(m('Quiz night at the Kestrel Mead on Friday, two for one on pints and the carvery is back', kestrel)).toBe(false);
    expect(m('The Kestrel Mead has a new landlord, the beer garden reopens next week', kestrel)).toBe(false);
  });
});

describe('round 9b: "it\'s the council, not X" moves the blame onto another body; the item is still about X', () => {
  const harrow: MatchableSchool = { name: 'Harrowdene Grammar School', aliases: ['Harrowdene Grammar', 'Harrowdene', 'HGS'], context: ['Kelbury'], exclude: [] };
  const copt: MatchableSchool = { name: 'Copthorne Rise Primary School', aliases: ['Copthorne Rise Primary', 'Copthorne Rise'], context: ['Wexley'], exclude: [] };
  it('blame moved to the council or the parents keeps the school; another school or a church in its place does not', () => {
    expect(m("It's the county council that scrapped the late bus, not Harrowdene. The head has written to them twice.", harrow)).toBe(true);
    expect(m("It's the council I'm furious with, not Harrowdene Grammar School. They've cut the SEN transport again.", harrow)).toBe(true);
    expect(m('The parking outside Copthorne Rise Primary is dangerous and it is the parents, not the school, who cause it.', copt)).toBe(true);
    expect(m("It's St Jude's that got the bad inspection, not Harrowdene.", harrow)).toBe(false);
    expect(m('The jumble sale is at the Methodist hall, not Harrowdene.', harrow)).toBe(false);
    expect(m('The fire was at the Copthorne Rise garage on the corner, not the school.', copt)).toBe(false);
  });
});

describe('round 9b: a person from a same-named place ("a Harrowdene man", "a Copthorne Rise resident")', () => {
  const harrow: MatchableSchool = { name: 'Harrowdene Grammar School', aliases: ['Harrowdene Grammar', 'Harrowdene', 'HGS'], context: ['Kelbury'], exclude: [] };
  const copt: MatchableSchool = { name: 'Copthorne Rise Primary School', aliases: ['Copthorne Rise Primary', 'Copthorne Rise'], context: ['Wexley'], exclude: [] };
  it('a man, woman or resident of the place is not the school; its pupils and its 11-year-olds are', () => {
    expect(m('A 61-year-old Harrowdene man has been jailed for eighteen months for stealing from his elderly neighbours.', harrow, 'Harrowdene man jailed')).toBe(false);
    expect(m('A Copthorne Rise resident has been fined after council officers found a skip of rubbish dumped on the verge.', copt, 'Wexley Gazette')).toBe(false);
    expect(m('Harrowdene woman, 38, admits drink driving on the bypass', harrow)).toBe(false);
    expect(m('The Harrowdene 11-year-olds were brilliant in the maths challenge, so proud of them', harrow)).toBe(true);
    expect(m('Copthorne Rise pupils raised £900 for the hospice with a sponsored silence', copt)).toBe(true);
  });
  it('an adult\'s age is no school life; a child\'s still is', () => {
    const glen: MatchableSchool = { name: 'Glenmorrow High School', aliases: ['Glenmorrow High', 'Glenmorrow'], context: ['Invercraig'], exclude: [] };
    expect(m('Tasting notes: Glenmorrow 15 Year Old. Toffee, orchard fruit and a long smoky finish.', glen)).toBe(false);
    expect(m('Two 14-year-olds from Glenmorrow were suspended after the fight at lunch', glen)).toBe(true);
  });
});

describe('round 9b: other senses by kind (shopping, day trips, walks, fishing)', () => {
  const gallow: MatchableSchool = { name: 'Sallowmere Academy', aliases: ['Sallowmere'], context: ['Penford'], exclude: [] };
  it('a supermarket\'s trolleys and car park are the retail park, not the school', () => {
    expect(m('Is it just me or are the trolley bays at Sallowmere always overflowing? Big Asda needs more staff on.', gallow)).toBe(false);
    expect(m('Sallowmere has put every Year 8 in detention for the trolley prank in the canteen', gallow)).toBe(true);
  });
  it('a day trip to the place, its beach and harbour, is the place', () => {
    expect(m('Is Sallowmere worth a day trip? Thinking chips on the beach and a wander round the harbour.', gallow)).toBe(false);
    expect(m('Sallowmere Year 5 day trip to the museum was brilliant, thank you to the teachers', gallow)).toBe(true);
  });
  it('walking a loop or fishing the river there is the place', () => {
    expect(m('Has anyone walked the Sallowmere loop since the storm? Wondering if the footbridge is open.', gallow)).toBe(false);
    expect(m('The river runs down past Sallowmere to the estuary, decent sea trout in the lower reaches in August.', gallow)).toBe(false);
  });
});

describe('round 9b: initials with school life in an item with no other school words', () => {
  const gallow: MatchableSchool = { name: 'Gallowmere Academy', aliases: ['Gallowmere', 'GMA'], context: ['Penford'], exclude: [] };
  it('an exclusion rate is school life; a rate of anything else is not', () => {
    expect(m("Saw in the paper that GMA's exclusion rate is twice the county average. Worrying.", gallow)).toBe(true);
    expect(m("Saw in the paper that GMA's interest rate is going up again. Worrying.", gallow)).toBe(false);
  });
});

describe('round 9b: "X man" in youth slang is the school\'s own lot, not a person from the place', () => {
  const kes: MatchableSchool = { name: 'Thornbrook Academy', aliases: ['Thornbrook'], context: ['Lessby'], exclude: [] };
  it('"thornbrook man dem" and "the man who" after a dash stay the school; "a Thornbrook man jailed" is not', () => {
    expect(m('thornbrook man dem got no chance in the year 10 football on friday fr', kes)).toBe(true);
    expect(m('Heads up parents at Thornbrook — the man hanging round the back gate at pick-up has been reported to the head', kes)).toBe(true);
    expect(m('A Thornbrook man was sentenced to six months for assaulting a bus driver.', kes)).toBe(false);
  });
});

describe('round 9b: a same-named street claims none of the item\'s other uses; "not the village" said of another place', () => {
  const kestrel: MatchableSchool = { name: 'Kestrel Mead School', aliases: ['Kestrel Mead'], context: ['Ollerby'], exclude: [] };
  const linnet: MatchableSchool = { name: 'Linnet Dale Infant School', aliases: ['Linnet Dale'], context: ['Harbury'], exclude: [] };
  it('"ring Kestrel Mead … the entrance is on Kiln Lane, not Kestrel Mead Road" is the school; roadworks on the road alone are not', () => {
    expect(m('If you need Kestrel Mead about the summer fair, ring the office; the reception entrance is on Kiln Lane, not Kestrel Mead Road.', kestrel)).toBe(true);
    expect(m('Roadworks on Kestrel Mead Road all week, bins will be collected from the corner instead.', kestrel)).toBe(false);
  });
  it('"Linnet Dale (the school, not the village)" is the school; "Linnet Dale itself — the old drovers\' track, not the village" is not', () => {
    expect(m('Linnet Dale (the school, not the village) has a new head from September', linnet)).toBe(true);
    expect(m('Day 2 of the walk: along Linnet Dale itself — the old drovers\' track, not the village — where the wild garlic grows thick.', linnet)).toBe(false);
  });
  it('a route walked or cycled is the place; a walk to the school with its pupils is the school', () => {
    expect(m('Has anyone cycled the Linnet Dale stretch lately? Wondering if the potholes are fixed.', linnet)).toBe(false);
    expect(m('Linnet Dale Year 2 walked to the church for the harvest assembly, lovely to see', linnet)).toBe(true);
  });
});

describe('round 9b: a fixture against a side named by its town is a club\'s, unless school life says it is the school\'s team', () => {
  const sallow: MatchableSchool = { name: 'Sallowmere Academy', aliases: ['Sallowmere'], context: ['Penford'], exclude: [] };
  it('"Sallowmere v Dunford Town" with nothing else is a club; against a school, or with a year group, it is the school', () => {
    expect(m('Anyone else remember Sallowmere v Dunford Moor back in 2016, the crowd on the pitch? Mad day.', sallow)).toBe(false);
    expect(m('Dunford Athletic vs Sallowmere on Saturday, bring a brolly', sallow)).toBe(false);
    expect(m("Sallowmere v St Bede's in the cup final tonight, good luck lads", sallow)).toBe(true);
    expect(m('Year 8 netball: Sallowmere v Oakridge, won 12-4, so proud of the girls', sallow)).toBe(true);
  });
});

describe('round 9b: a district\'s residents\' page ("X Bay Residents") is the community\'s, not another place claiming the name', () => {
  const brack: MatchableSchool = { name: 'Brackenholme All-Through School', aliases: ['Brackenholme School', 'Brackenholme'], context: ['Brackenholme', 'Fellside campus'], exclude: [] };
  it('school life on a "Brackenholme Quay Residents" page is the school\'s; the quay\'s bins are not', () => {
    expect(m("Thank you to the reception team at Brackenholme's Fellside campus, my two have settled in brilliantly.", brack, 'Brackenholme Quay Residents')).toBe(true);
    expect(m('Bins on the quay not collected again this week, third time since October', brack, 'Brackenholme Quay Residents')).toBe(false);
    expect(m('Brackenholme Close residents: bin collection moved to Friday, and please stop parking across the drives before the school run', brack)).toBe(false);
  });
});

describe('round 9b: a school team by age group after its initials', () => {
  const kgs: MatchableSchool = { name: 'Kilwarren Grammar School', aliases: ['Kilwarren Grammar', 'KGS'], context: ['Kilwarren'], exclude: [] };
  it('"KGS senior hockey" is the school\'s team; "KGS senior analyst" is a firm\'s job', () => {
    expect(m('KGS senior hockey unbeaten all season 🏑 what a squad', kgs)).toBe(true);
    expect(m('KGS senior analyst role advertised, apply by Friday', kgs)).toBe(false);
  });
});
