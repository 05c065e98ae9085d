/**
 * Round 8 of the mention decision (issue 11): studied on the spent blind-2026-12-01c and -d (and the older spent sets);
 * corpus-am kept unread as the check. Each case a contrast in words of its own (invented schools, people and places,
 * not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

const quillbrook: MatchableSchool = { name: 'Quillbrook Infant School', aliases: ['Quillbrook', 'Quillbrook Infants'], context: ['Amberley Cross'], exclude: [] };

describe('round 8: the other senses of everyday phrases, as data', () => {
  it('"an hour each way" is a journey to school; "£5 each way" or "10/1 each way" is a bet on a racehorse', () => {
    expect(m('Anyone got a kid at Quillbrook? Lovely visit but the bus is 45 mins each way.', quillbrook)).toBe(true);
    expect(m('£5 each way on Quillbrook in the 3.15, soft ground should suit her', quillbrook)).toBe(false);
    expect(m('Quillbrook at 10/1 in the 2.40, each-way for me', quillbrook)).toBe(false);
  });
  it('the dog that ate the flyer says nothing about the place; walking the dog there does', () => {
    expect(m('what time does the quillbrook christmas fair start, the dog ate the flyer', quillbrook)).toBe(true);
    expect(m('walking the dog round Quillbrook this morning, frost on everything', quillbrook)).toBe(false);
  });
  it('a ferry of the name is the ferry; the sports day of the name is the school', () => {
    expect(m('Quillbrook ferry cancelled again, fog so thick you could not see the pier', quillbrook)).toBe(false);
    expect(m('Quillbrook sports day cancelled again, fog so thick you could not see the track', quillbrook)).toBe(true);
  });
});

describe('round 8: initials and names shared with the army reserve and a TV quiz', () => {
  const tallowby: MatchableSchool = { name: 'Tallowby Academy', aliases: ['Tallowby', 'TA'], context: ['Fernside'], exclude: [] };
  const hollin: MatchableSchool = { name: 'Hollin Chase School', aliases: ['Hollin Chase', 'the Chase'], context: ['Wetherby Moor'], exclude: [] };
  it('"TA" among a platoon\'s words is the Army Reserve; among homework words the school', () => {
    expect(m('TA training weekend on the ranges, lads. The platoon smashed the night nav 💪', tallowby)).toBe(false);
    expect(m('TA sent the Year 9 reports home a week late, lads', tallowby)).toBe(true);
  });
  it('"the Chase" with its chasers is the quiz show; with a letter home it is the school', () => {
    expect(m('the chase tonight 😂 the beast got beaten by a dinner lady from Leeds', hollin)).toBe(false);
    expect(m('the chase sent a letter home tonight, a dinner lady has been let go', hollin)).toBe(true);
  });
});

describe('round 8: a handle whose initials run into the town', () => {
  const harrowden: MatchableSchool = { name: 'Harrowden High School', aliases: ['Harrowden High', 'HHS'], context: ['Sandmere'], exclude: [] };
  it('"@HHSandmere" is the initials and the town sharing a letter; "@HHSandwich" is neither', () => {
    expect(m('@HHSandmere you should be ashamed of how you treat your pupils', harrowden)).toBe(true);
    expect(m('@HHSandwich you should be ashamed of how you treat your customers', harrowden)).toBe(false);
  });
});

describe('round 8: the name placed in another town', () => {
  const kelderby: MatchableSchool = { name: 'Kelderby High School', aliases: ['Kelderby', 'Kelderby High'], context: ['Moorhampton'], exclude: [] };
  const cuthbert: MatchableSchool = { name: "St Cuthbert's Catholic Primary School", aliases: ["St Cuthbert's", "St Cuthbert's Primary"], context: ['Harwick'], exclude: [] };
  it('"X, near Andover" is a village near another town; the fete at X for the school library is the school', () => {
    expect(m('The annual fete in Kelderby, near Andover, raised £2,000 for the village hall roof.', kelderby)).toBe(false);
    expect(m('The annual fete at Kelderby raised £2,000 for the new school library.', kelderby)).toBe(true);
  });
  it('"<full name>, Stockbridge, took" is a school of the name in another town; its own town or its head there is this one', () => {
    const title = "St Cuthbert's pupils shine at festival";
    expect(m("Children from St Cuthbert's Catholic Primary School, Stockbridge, took three trophies at the festival.", cuthbert, title)).toBe(false);
    expect(m("Children from St Cuthbert's Catholic Primary School, Harwick, took three trophies at the festival.", cuthbert, title)).toBe(true);
    expect(m("The head of St Cuthbert's Catholic Primary School, Sarah Lister, said the pupils were thrilled.", cuthbert)).toBe(true);
  });
});

describe('round 8: regional words for children near shared initials', () => {
  const ballycarn: MatchableSchool = { name: 'Ballycarn Integrated College', aliases: ['Ballycarn', 'BIC'], context: ['Lisnagarvey'], exclude: [] };
  it('"BIC wee hallions" are its pupils; "BIC biros" are pens', () => {
    expect(m('BIC wee hallions on the 8:10 again, animals the lot of them', ballycarn)).toBe(true);
    expect(m('BIC biros are still the best pens, fight me', ballycarn)).toBe(false);
  });
});

describe('round 8: a subject after "in" is no other place', () => {
  const norbury: MatchableSchool = { name: 'Norbury Lodge Grammar School', aliases: ['Norbury Lodge'], context: ['Ashcombe'], exclude: [] };
  it('a titled teacher "in PE" with a parent speaking is the feed school\'s; the same teacher "in Preston" is somewhere else', () => {
    expect(m('Mr Varga is a creepy man who should have been sacked. My son says he makes remarks about the boys in PE. Disgusting excuse for a teacher.', norbury)).toBe(true);
    expect(m('Mr Varga is a creepy man who should have been sacked. My son says he makes remarks about the boys in Preston. Disgusting excuse for a teacher.', norbury)).toBe(false);
  });
});

describe('round 8: a titled teacher written in lower case, as pupils write', () => {
  const norbury: MatchableSchool = { name: 'Norbury Lodge Grammar School', aliases: ['Norbury Lodge'], context: ['Ashcombe'], exclude: [] };
  it('"mr varga gave me a detention" is a teacher of the feed school; "mr varga gave me a lift" is no school life', () => {
    expect(m('mr varga gave me a detention for my tie again, man is a joke', norbury)).toBe(true);
    expect(m('mr varga gave me a lift home again, man is a legend', norbury)).toBe(false);
  });
  it('"miss" in lower case is a verb, "mr and mrs" a couple: neither is a titled surname', () => {
    expect(m('miss having detention with my mates, the new place is boring', norbury)).toBe(false);
    expect(m('mr and mrs said my detention was fair enough tbh', norbury)).toBe(false);
  });
});

describe('round 8: bands and building societies named like a school', () => {
  const carrowmore: MatchableSchool = { name: 'Carrowmore High School', aliases: ['Carrowmore'], context: ['Lisburn Road'], exclude: [] };
  it('a folk band of the name with a record deal is the band; the school\'s Year 9 on a trip is the school', () => {
    expect(m('Folk band Carrowmore, a five-piece from the Highlands, have signed a record deal for spring.', carrowmore)).toBe(false);
    expect(m('Carrowmore have announced a Year 9 trip to Paris for spring.', carrowmore)).toBe(true);
  });
  it('a remortgage or a regular saver with it is a building society; its parents evening is the school', () => {
    expect(m('Carrowmore have cut their 2 year fix again, worth a look if you need to remortgage.', carrowmore)).toBe(false);
    expect(m('Carrowmore have moved parents evening again, worth a look at the new dates.', carrowmore)).toBe(true);
  });
});

describe('round 8: school life by kind', () => {
  const aldwick: MatchableSchool = { name: "St Ivo's CofE Primary School", aliases: ["St Ivo's", 'SIP'], context: ['Moorcote'], exclude: [] };
  const bryn: MatchableSchool = { name: 'Ysgol Bryn Eithin', aliases: ['Bryn Eithin'], context: ['Cwmfelin'], exclude: [] };
  it('the harvest festival that collects tins for the food bank is the school\'s; the food bank\'s own appeal is not', () => {
    expect(m("St Ivo's Harvest Festival collected 300 tins for the Moorcote food bank. Well done everyone", aldwick)).toBe(true);
    expect(m("St Ivo's collected 300 tins for the Moorcote food bank. Well done everyone", aldwick)).toBe(false);
  });
  it('shared initials with a subject mock or a tie telling-off are the school; with nothing said either way they are not', () => {
    expect(m('sip lower sixth chem mock back today, got a B', aldwick)).toBe(true);
    expect(m('sip slowly and enjoy it, got a B', aldwick)).toBe(false);
  });
  it('"Bryn Eithin\'s Urdd trip" is the school\'s; "Bryn Eithin Quarry" is another name', () => {
    expect(m("Anyone know if Bryn Eithin's Urdd trip to Llangrannog is on this year?", bryn)).toBe(true);
    expect(m('Anyone know if Bryn Eithin Quarry is open to walkers this year?', bryn)).toBe(false);
  });
});

describe('round 8: a school word inside a saying is no school life', () => {
  const ebba: MatchableSchool = { name: "St Wenna's CofE Primary School", aliases: ["St Wenna's"], context: ['Porthcarrow'], exclude: [] };
  it('"named after St Wenna … every day\'s a school day" is the saint; "St Wenna\'s … the school day" is the school', () => {
    expect(m("Trip to the headland today, seabirds everywhere, named after St Wenna apparently, every day's a school day", ebba)).toBe(false);
    expect(m("St Wenna's have changed the school day again, pick-up is now at 3.05", ebba)).toBe(true);
  });
});
