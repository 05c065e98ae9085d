/**
 * Round 5 of the mention decision (issue 11): kinds of error found in the spent blind sets d and e, the corpora o, r
 * and t and the functional half heldout-d (corpora n, p, q and s kept unread as the check), each as a contrast in
 * words of its own (invented schools, people and places, not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, MATCH_WORK, MENTION_TUNING, type MatchableSchool } from '../../lib/match';

const larch: MatchableSchool = { name: 'Larchfield Grammar School', aliases: ['Larchfield', 'Larchfield Grammar', 'LGS'], context: ['Eastmoor'], exclude: ['Larchfield Golf Club'] };

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

describe('mention: an item from the school\'s feed that never names it', () => {
  it('school life in specific words (a titled teacher, the gates, a year group) is the school; an item with none is not', () => {
    // review C: only with one of its own places (Eastmoor) named; placeless school life is any school's
    expect(m('Eastmoor: Mrs Pendry was on the gates again at 8 in the sleet, knows every Year 3 child by name', larch)).toBe(true);
    expect(m('Mrs Pendry was on the allotment again at 8 in the sleet, knows every leek by name', larch)).toBe(false);
  });
  it('the head of year and a detention, with no other school named, is the school; naming another school is not', () => {
    expect(m('Eastmoor parents: the head of year gave my son a detention for a missing tie. Ridiculous.', larch)).toBe(true);
    expect(m('The head of year at Crossmoor High gave my son a detention for a missing tie. Ridiculous.', larch)).toBe(false);
  });
  it('place words still outweigh it (a farm shop\'s staff, no school)', () => {
    expect(m('Farm shop staff said the turkeys sold out by Tuesday, lunch menu changed too', larch)).toBe(false);
  });
  it('off for a caller whose tuning says never', () => {
    expect(matchSchool({ title: '', text: 'The head of year gave my son a detention for a missing tie.' }, larch, { ...MENTION_TUNING, unnamedSupport: Infinity }).mentioned).toBe(false);
  });
});

const tarn: MatchableSchool = { name: 'Ysgol Gyfun Bryn Tarren', aliases: ['Bryn Tarren', 'Tarren'], context: ['Pontmawr'], exclude: [] };
const wexworth: MatchableSchool = { name: 'Wexworth Infant School', aliases: ['Wexworth Infants', 'Wexworth', 'WIS'], context: ['Wexworth', 'Holme Lane'], exclude: [] };

describe('mention: the other sense of a name, by kind of collision (data/match other-sense vocabulary)', () => {
  it('health: a reading, a GP and a nurse make initials a measurement; a school nurse with pupils does not', () => {
    expect(m('WIS reading 8.1 again today, the GP wants a blood test and the practice nurse rang twice', wexworth)).toBe(false);
    expect(m('WIS asked the pupils to bring a water bottle every day this week', wexworth)).toBe(true);
    // health words say what initials stand for, not a named school: staff sickness at it is still about it
    expect(m('Mrs Hale at Wexworth has been signed off by her GP for weeks, the practice nurse rang the office', wexworth)).toBe(true);
  });
  it('music: a choir, its conductor and a new single are not the school; the school choir at a concert for parents is', () => {
    expect(m('Côr Tarren sing at the cathedral on Sunday, forty voices and a very proud conductor', tarn)).toBe(false);
    expect(m('Tarren released their debut single on Friday, the album follows in spring', tarn)).toBe(false);
    expect(m('Tarren Year 9 choir at the concert for parents tonight, lovely', tarn)).toBe(true);
    // a festival's line-up, not a fire drill's
    expect(m('Tarren festival line-up out Friday, camping tickets limited', tarn)).toBe(false);
    expect(m('the tarren is chaos today, fire alarm twice and nobody knew where to line up', tarn)).toBe(true);
  });
  it('worship and family history: prayers to a saint and a family tree are not the school', () => {
    expect(m('Lighting a candle tonight and praying for Nan, Tarren keep her in your prayers 🙏', tarn)).toBe(false);
    expect(m('Researching the Tarren family history: baptisms in the parish registers back to 1790, and a great-grandmother in the census', tarn)).toBe(false);
  });
  it('walks: a horseshoe route with a cairn and a village green is the valley; a Year 8 walk with teachers is the school', () => {
    expect(m('Bryn Tarren horseshoe: start at the village green, up to the cairn, back down the old tramroad. Ten-miler, boots essential.', tarn)).toBe(false);
    expect(m('Bryn Tarren Year 8 walk with their teachers went ahead despite the rain', tarn)).toBe(true);
  });
  it('animals: a rescue dog looking for a forever home is not the school', () => {
    expect(m('Meet Tarren! Rescue lurcher, 3, good with older kids, needs a forever home. Rehoming fee applies.', tarn)).toBe(false);
  });
  it('a youth project after the name is another body', () => {
    expect(m('Open night at the Tarren youth project, music studio free on Thursdays', tarn)).toBe(false);
  });
  it('"b4" in text-speak is no road: "what time does X finish b4 xmas" is the school', () => {
    expect(m('wat time does tarren finish b4 xmas?? is it 1.30 for the primary too', tarn)).toBe(true);
    expect(m('Tarren junction on the B4312 closed again, queues back to the roundabout', tarn)).toBe(false);
  });
});

describe('mention: a person of that surname', () => {
  it('a common given name before the name is a person ("Dave Wexworth", "Ellie Wexworth\'s new single")', () => {
    expect(m('Cannot recommend Dave Wexworth enough, fixed our boiler same day, fair price', wexworth)).toBe(false);
    expect(m('Ellie Tarren\'s new single is on repeat', tarn)).toBe(false);
  });
  it('one use as a person\'s surname claims the item\'s other bare uses of the name', () => {
    expect(m('Tarren family tree | Megan Tarren (1851-1920) was my great-grandmother. Anyone else researching Tarren?', tarn)).toBe(false);
    expect(m('Tarren parents evening | Megan Jones said the Year 10 reports are out. Anyone else at Tarren had theirs?', tarn)).toBe(true);
  });
});

describe('mention: one use as a surname claims the others', () => {
  it('"Megan Tarren … Tarren was brilliant" is the person; with school words the bare name is still the school', () => {
    expect(m('Megan Tarren sang at the hall tonight. Tarren was brilliant, what a voice.', tarn)).toBe(false);
    expect(m('Megan Tarren sang at the hall tonight. Tarren pupils in Year 7 sang with her.', tarn)).toBe(true);
  });
});

const oakham: MatchableSchool = { name: 'Oakhampton Grammar School', aliases: ['Oakhampton Grammar', 'the Grammar'], context: ['Selby Moor'], exclude: [] };

describe('mention: an alias that is only "the" and a kind of school', () => {
  it('"the Grammar Bar" is a bar; "the Grammar" with its sixth form is the school', () => {
    expect(m('The Grammar Bar on Quay Street does two-for-one cocktails on Fridays', oakham)).toBe(false);
    expect(m('The Grammar sixth form open evening is on Thursday', oakham)).toBe(true);
  });
});

describe('mention: the school named only to say an item is not about it', () => {
  it('"not connected to <full name>" ends an item about another school; a plain mention does not', () => {
    expect(m('Crossmoor Primary celebrates its centenary with a special assembly. The school is not connected to Oakhampton Grammar School.', oakham)).toBe(false);
    expect(m('Oakhampton Grammar School celebrates its centenary with a special assembly.', oakham)).toBe(true);
  });
  it('"(the other one, not X)" in a question about another school is not the school', () => {
    expect(m('Does Selby Moor High (the girls\' one, not Oakhampton) do a taster day for Year 5s?', oakham)).toBe(false);
    expect(m('Does Oakhampton do a taster day for Year 5s?', oakham)).toBe(true);
  });
});

const ridge: MatchableSchool = { name: 'Redhill Academy', aliases: ['Redhill', 'RA'], context: ['Stanmoor'], exclude: [] };

describe('mention: initials that also name a gallery, a firm or a shop', () => {
  it('an exhibition with a curator and a private view is the gallery; a Year 10 art show is the school', () => {
    expect(m('RA summer exhibition opens Friday: private view for members, the curator has hung 900 works', ridge)).toBe(false);
    expect(m('RA Year 10 art show opens Friday, parents welcome after school', ridge)).toBe(true);
  });
  it('double glazing and a free quote are a firm; the school office is not', () => {
    expect(m('RA fitted our double glazing last week, tidy lads, free quote and no mess', ridge)).toBe(false);
    expect(m('RA office rang about the uniform order, all sorted', ridge)).toBe(true);
    // a school shut by a broken boiler is still the school
    expect(m('Redhill shut today, the boiler has packed in and a burst pipe flooded the hall. Text came at 7.40', ridge)).toBe(true);
  });
  it('ice cream flavours are a shop', () => {
    expect(m('RA have 24 ice cream flavours now and the sundaes are huge, open till 9', ridge)).toBe(false);
  });
});

const heron: MatchableSchool = { name: 'Heronsgate Primary School', aliases: ['Heronsgate'], context: ['Alder Cross', 'Mrs Okonjo-Price', 'Fr Declan'], exclude: [] };

describe('mention: one of the school\'s own staff, configured by name, in an item that never names the school', () => {
  it('the head by surname is the school; a stranger of another surname, or the parish priest, is not', () => {
    expect(m('Okonjo-Price thinks she is better than the rest of us, looked straight through me at the gate', heron)).toBe(true);
    expect(m('Olumide Okonjo-Price\'s home address is on the council website, someone should pay her a visit', heron)).toBe(true);
    expect(m('Hardcastle thinks she is better than the rest of us, looked straight through me at the gate', heron)).toBe(false);
    expect(m('Fr Declan blessed the new bells on Sunday, lovely service', heron)).toBe(false);
  });
});

const cwm: MatchableSchool = { name: 'Ysgol Gyfun Cwm Teg', aliases: ['Cwm Teg', 'Ysgol Gyfun', 'YGCT'], context: ['Pentre Teg'], exclude: [] };

describe('mention: an alias made only of kind words', () => {
  it('"Ysgol Gyfun Bro Nant" is another school; "Ysgol Gyfun" with its own Year 11 is this one', () => {
    expect(m('Ysgol Gyfun Bro Nant (Llanwen) - do they do GCSE computing? Not Cwm Teg, the other one', cwm)).toBe(false);
    expect(m('Ysgol Gyfun Year 11 mocks start Monday, revision timetable on the app', cwm)).toBe(true);
  });
});

describe('mention: initials as a place', () => {
  it('"St K\'s in PT" is not placed elsewhere by two capitals; "St K\'s in Carlisle" is', () => {
    const stk: MatchableSchool = { name: "St Kenelm's Primary School", aliases: ["St Kenelm's"], context: ['Pentre'], exclude: [] };
    expect(m("The head of that school (St Kenelm's in PT) is a liar and a bully.", stk)).toBe(true);
    expect(m("The head of that school (St Kenelm's in Carlisle) is a liar and a bully.", stk)).toBe(false);
  });
});

describe('mention: the full name said not to be the school', () => {
  it('"X Academy trending, it\'s the martial arts place, not the school" is not the school', () => {
    const km: MatchableSchool = { name: 'Kingsholm Academy', aliases: ['Kingsholm'], context: ['Thornbury'], exclude: [] };
    expect(m("Seen 'Kingsholm Academy' trending, relax, it's the martial arts place on the retail park, not the school.", km)).toBe(false);
    expect(m("Just seen 'Kingsholm Academy' trending again - relax, it's the karate club on the retail park, not the school.", km)).toBe(false);
    expect(m("Seen 'Kingsholm Academy' trending, the school's Year 9 robotics team won the regional final.", km)).toBe(true);
  });
});

describe('mention: past pupils and other groups of the school after its name', () => {
  it('"Cwm Teg Past Pupils" is the school\'s own group; "Cwm Teg Quarry" is another place', () => {
    expect(m('Cwm Teg Past Pupils | shout out to Mr Rhys retiring after 31 years, taught all of us', cwm)).toBe(true);
    expect(m('Cwm Teg Quarry | blasting on Tuesday between 10 and 12, expect noise', cwm)).toBe(false);
  });
});

describe('mention: initials that also name a professional body or a condition', () => {
  it('research and an annual conference are a society; an awareness month with a diagnosis is a condition', () => {
    expect(m('New research from YGCT on adolescent sleep: teenagers really are wired to stay up late', cwm)).toBe(false);
    expect(m('YGCT annual conference tickets on sale now', cwm)).toBe(false);
    expect(m('YGCT awareness month. My son was diagnosed at two and is thriving now.', cwm)).toBe(false);
    expect(m('YGCT sports day on Friday, bring sun cream', cwm)).toBe(true);
  });
});

describe('mention: a parents\' group named after the school\'s town', () => {
  it('"<town> Mummies" is the school\'s parents talking about the college office; "<name> Motors" is a garage', () => {
    const dr: MatchableSchool = { name: 'Drumlish Integrated College', aliases: ['Drumlish'], context: ['Drumlish', 'Ballyroe'], exclude: [] };
    expect(m('Drumlish Mummies | Mrs Hanna from the college office is off sick, cards to the office please', dr)).toBe(true);
    expect(m('Drumlish Motors | MOT and service deals this month, call the garage', dr)).toBe(false);
  });
});

describe('mention: initials that are also a degree or a government agency', () => {
  it('a degree course compared with others is not the school', () => {
    expect(m('Is YGCT worth it after 12th or should I do B.Tech? Fees are 3 lakh and placements are poor', cwm)).toBe(false);
    // (words of deportation are left out: abuse aimed at a teacher says "she should be deported")
    expect(m('YGCT staff room: that teacher should be deported, not teaching our kids', cwm)).toBe(true);
    expect(m('Is YGCT worth it for sixth form or should I do the college in town? Year 11 options evening is Thursday', cwm)).toBe(true);
  });
});

describe('mention: a photo "at <school> of <pupil>"', () => {
  it('"a pic at X Academy of Tomasz Nowak" is the school; "X Academy of Dance" is another body', () => {
    const kh: MatchableSchool = { name: 'Kelby Heath Academy', aliases: ['Kelby Heath'], context: ['Kelby'], exclude: [] };
    expect(m('Took a pic through the fence at Kelby Heath Academy of Tomasz Nowak on the climbing frame', kh)).toBe(true);
    expect(m('Here is a photo at Kelby Heath Academy of Ngozi Pryce in the playground', kh)).toBe(true);
    expect(m('Kelby Heath Academy of Dance | shows on sale now', kh)).toBe(false);
  });
});

describe('mention: other-sense words that school talk uses too are left out', () => {
  it('"be patient", "the single biggest", the school census, the school band and its photo gallery stay the school\'s', () => {
    expect(m('Tarren staff have been so patient with my son this term', tarn)).toBe(true);
    expect(m('The single biggest problem at Tarren is the car park at pick up', tarn)).toBe(true);
    expect(m('Tarren census day tomorrow, send them in uniform', tarn)).toBe(true);
    expect(m('Tarren band were brilliant at the Christmas fair, photo gallery on the website', tarn)).toBe(true);
  });
});

describe('mention: "not X" opening a clause', () => {
  it('"Not Cwm Teg, the other one" and "(…, not Cwm Teg)" deny; "not Cwm Teg\'s fault" does not', () => {
    expect(m('Anyone know if the Llanwen comp does GCSE computing? Not Cwm Teg, the other one', cwm)).toBe(false);
    expect(m('It is not Cwm Teg\'s fault the buses are late, the council cut the route', cwm)).toBe(true);
  });
});

describe('review C: an item that never names the school needs one of its own places and no other', () => {
  const ashby: MatchableSchool = { name: 'Ashby Grange Academy', aliases: [], context: ['Tamsford'], exclude: [] };
  it('school life somewhere else, at another school or nationally is not the school', () => {
    expect(m('Pupils in Sheffield were handed detentions after the head of year banned phones.', ashby)).toBe(false);
    expect(m('Pupils at Ysgol Glan Clwyd were handed detentions after the head of year banned phones.', ashby)).toBe(false);
    expect(m("Pupils at St Mary's in Leeds were handed detentions after the head of year banned phones.", ashby)).toBe(false);
    expect(m('Nationally, detentions rose as heads of year enforced phone bans, the DfE said.', ashby)).toBe(false);
    expect(m('Kids from Northgate got detentions after the head of year banned phones.', ashby)).toBe(false);
  });
  it('school life with no place at all is not the school either; with its own town and no other place it is', () => {
    expect(m('The head of year gave my son a detention for a missing tie. Ridiculous.', ashby)).toBe(false);
    expect(m('Tamsford parents: the head of year gave my son a detention for a missing tie. Ridiculous.', ashby)).toBe(true);
    expect(m('Tamsford parents: the head of year gave my son a detention, same as pupils in Sheffield.', ashby)).toBe(false);
  });
});

describe('review C: two items differing only in case get the same answers in either order', () => {
  const ashby: MatchableSchool = { name: 'Ashby Grange Academy', aliases: [], context: ['Tamsford'], exclude: [] };
  const upper = 'Tamsford parents: Kirkvale High gave my son a detention, the head of year says';
  const lower = upper.toLowerCase();
  it('what one item says of school life is not cached for the other', () => {
    const other = 'Tamsford weather: sleet again by the afternoon';
    m(other, ashby);
    const upperFirst = [m(upper, ashby), m(lower, ashby)];
    m(other, ashby);
    const lowerFirst = [m(lower, ashby), m(upper, ashby)].reverse();
    expect(lowerFirst).toEqual(upperFirst);
    // another school named in capitals: not this one, whatever was read before
    expect(upperFirst[0]).toBe(false);
  });
});

describe('review C: a staff surname from the context is a person only when written as one', () => {
  const staffed: MatchableSchool = { name: 'Ashby Grange Academy', aliases: [], context: ['Tamsford', 'Mrs Green', 'Mr Long'], exclude: [] };
  it('the same word in lower case, or capitalised with no title and no school words, is not the school', () => {
    expect(m('Our garden centre has green deals all week long.', staffed)).toBe(false);
    expect(m('Bake it long and slow.', staffed)).toBe(false);
    expect(m('Green Deals week: compost half price at the garden centre', staffed)).toBe(false);
  });
  it('the titled surname, or the capitalised surname with school words, is', () => {
    expect(m('Mrs Green ran the assembly this morning and it was lovely', staffed)).toBe(true);
    expect(m('Long gave my son a detention for a missing tie, the head of year agreed', staffed)).toBe(true);
  });
});

describe('review C: a short place in capitals is elsewhere unless it is the initials of its own place', () => {
  const trinity: MatchableSchool = { name: 'Trinity School', aliases: ['Trinity'], context: ['Croydon', 'Shirley Park'], exclude: [] };
  it('"in NYC" is another city; "in SP", its own Shirley Park, is not', () => {
    expect(m('A teacher at Trinity School in NYC was fired after the exam leak.', trinity)).toBe(false);
    expect(m('A teacher at Trinity School in SP was praised after the exam results.', trinity)).toBe(true);
  });
});

describe('review C: work on a long item grows with its length, not occurrences × cues × distance', () => {
  it('sentence ends are read once per item, however many times the name and its cues recur', () => {
    const aga: MatchableSchool = { name: 'Ashby Grange Academy', aliases: ['AGA'], context: ['Tamsford'], exclude: [] };
    const text = 'AGA blood sugar AGA conference AGA '.repeat(500);
    const before = MATCH_WORK.sentenceChars;
    matchSchool({ title: '', text }, aga);
    expect(MATCH_WORK.sentenceChars - before).toBeLessThanOrEqual(2 * text.length);
  });
});
