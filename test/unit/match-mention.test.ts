/**
 * The mention decision for ambiguous names (issue 11): school-ness against place-ness, each kind a contrast pair
 * in words of its own (invented schools, not the eval sets'), plus a paraphrase that the same rule must also get.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchSchool, MENTION_TUNING, type MatchableSchool } from '../../lib/match';
import { compileCueFile, loadCueTsv } from '../../lib/match/cues';
import cuesJson from '../../lib/match/cues.json';

const hartfell: MatchableSchool = { name: 'Hartfell Academy', aliases: ['Hartfell'], context: ['Brinmoor'], exclude: ['Hartfell Town FC'] };
const aidans: MatchableSchool = { name: "St Aidan's Catholic Primary School", aliases: ["St Aidan's"], context: ['Pellow'], exclude: ["St Aidan's Church"] };
const larkspur: MatchableSchool = { name: 'Larkspur Hill Primary School', aliases: ['Larkspur Hill'], context: ['Dunmere'], exclude: ['Larkspur Hill Garden Centre'] };
const millgate: MatchableSchool = { name: 'Millgate Grammar School', aliases: ['Millgate'], context: ['Oxley'], exclude: [] };
const copper: MatchableSchool = { name: 'Copperbeech High School', aliases: ['Copperbeech'], context: [], exclude: [] };
const quayside: MatchableSchool = { name: 'Quayside Sixth Form College', aliases: ['Quayside', 'QSC'], context: [], exclude: [] };

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

describe('mention cues are data', () => {
  it('lib/match/cues.json is compiled from data/match/mention-cues.tsv (run npx tsx scripts/build-mention-cues.ts)', () => {
    const fresh = compileCueFile(loadCueTsv(readFileSync('data/match/mention-cues.tsv', 'utf8'), 'data/match/mention-cues.tsv'));
    expect(cuesJson).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('refuses a cue line without a source, naming the file and line', () => {
    expect(() => loadCueTsv('term\tcategory\tweight\tsource\npupils\tschool-cue\t1\t\n', 'cues.tsv')).toThrow(/cues.tsv line 2: the source is empty/);
  });
});

describe('mention: place-ness outweighs the town', () => {
  it('a football report in the school town is not the school; a concert there is', () => {
    expect(m('Hartfell looked sharp on Saturday, two-nil up at the break and the away fans in Brinmoor loved it.', hartfell)).toBe(false);
    expect(m('Hartfell looked sharp at the Brinmoor music festival, the Year 8 choir were superb.', hartfell)).toBe(true);
  });
  it('paraphrase: the town alone still counts, a kick-off time does not', () => {
    expect(m('Big night for Hartfell in Brinmoor tonight.', hartfell)).toBe(true);
    expect(m('Big night for Hartfell in Brinmoor tonight, kick off at 7, season ticket holders use gate B.', hartfell)).toBe(false);
  });
});

describe('mention: generic words (kids, staff) are not school-ness', () => {
  it('a garden-centre visit with the kids is not the school; an open morning is', () => {
    expect(m('Took the kids to Larkspur Hill, staff were helpful and the café was lovely.', larkspur)).toBe(false);
    expect(m('Took the kids to the Larkspur Hill open morning, the head was lovely.', larkspur)).toBe(true);
  });
});

describe('mention: an excluded place named in the item claims the bare name too', () => {
  it('opening hours after the garden centre is named are not the school; pupils are', () => {
    expect(m('Larkspur Hill Garden Centre in Dunmere has new hours. Larkspur Hill is now open until eight on Thursdays.', larkspur)).toBe(false);
    expect(m('After a visit to Larkspur Hill Garden Centre, Larkspur Hill pupils planted bulbs by the gate.', larkspur)).toBe(true);
  });
});

describe('mention: another school with a similar name', () => {
  it('"Hartfell Primary" is not Hartfell Academy; "Hartfell\'s Year 4" is', () => {
    expect(m("Hartfell Primary's Year 4 went to the zoo.", hartfell)).toBe(false);
    expect(m("Hartfell's Year 4 went to the zoo.", hartfell)).toBe(true);
  });
  it('paraphrase: a denomination in between does not hide the different kind', () => {
    expect(m("St Aidan's Catholic High School in Pellow got a good Ofsted.", aidans)).toBe(false);
    expect(m("St Aidan's Catholic Primary in Pellow got a good Ofsted.", aidans)).toBe(true);
  });
});

describe("mention: a person's surname", () => {
  it('a councillor called Hartfell is not the school', () => {
    expect(m('Brinmoor councillor Ruth Hartfell opened the new library.', hartfell)).toBe(false);
    expect(m('Hartfell opened a new library for its Year 7s in Brinmoor.', hartfell)).toBe(true);
  });
  it('paraphrase: "Cllr Hartfell said"', () => {
    expect(m('Cllr Hartfell said the Brinmoor bypass would be finished by June.', hartfell)).toBe(false);
  });
});

describe('mention: staff written the school way', () => {
  it('"Mr Quill at St Aidan\'s" is a teacher; "Fr Quill at St Aidan\'s" is a priest', () => {
    expect(m("Mr Quill at St Aidan's has been off for weeks now.", aidans)).toBe(true);
    expect(m("Fr Quill at St Aidan's has been off for weeks now.", aidans)).toBe(false);
  });
  it('a teacher\'s class names the school', () => {
    expect(m("Poor lad in Miss Tan's class at Copperbeech, his mum is beside herself.", copper)).toBe(true);
    expect(m('Poor lad at Copperbeech, the landlord had to ring him a taxi.', copper)).toBe(false);
  });
});

describe('mention: a street or path', () => {
  it('"on Millgate" is the street; "Millgate\'s sixth form" is the school', () => {
    expect(m('A florist has opened on Millgate in Oxley, in the old bank.', millgate)).toBe(false);
    expect(m("A florist has opened opposite Millgate's sixth form block in Oxley.", millgate)).toBe(true);
  });
});

describe('mention: said in so many words', () => {
  it('"the church, not the school" against "the school, not the church"', () => {
    expect(m("Coffee at St Aidan's (the church, not the school) in Pellow is lovely.", aidans)).toBe(false);
    expect(m("Coffee morning at St Aidan's (the school, not the church) in Pellow raised £200.", aidans)).toBe(true);
  });
});

describe('mention: abbreviated forms', () => {
  it('"St A\'s" with school cues is the school; with mass times it is not', () => {
    expect(m("Non-uniform at St A's tomorrow, £1 for the PTA.", aidans)).toBe(true);
    expect(m("Mass at St A's tomorrow at 9, vigil tonight.", aidans)).toBe(false);
  });
  it('initials of the full name count with school vocabulary, in capitals', () => {
    expect(m('LHPS sports day is on Friday, bring a sun hat.', larkspur)).toBe(true);
    expect(m('LHPS said the footpath will reopen on Friday.', larkspur)).toBe(false);
    // lower-case initials are no name (the item's school life alone is the unnamed rule's business: off here)
    expect(matchSchool({ title: '', text: 'lhps sports day is on Friday' }, larkspur, { ...MENTION_TUNING, unnamedSupport: Infinity }).mentioned).toBe(false);
    expect(m('lhps download speeds on Friday', larkspur)).toBe(false);
  });
});

describe('mention: threads, quotes and headlines', () => {
  it('a name only in a quoted question is the school when the reply talks school', () => {
    expect(m('> Quote from dm77: Is Hartfell any good?\n\nMy two are in Year 9 there, no complaints at all.', hartfell)).toBe(true);
    expect(m('> Quote from dm77: Is Hartfell any good?\n\nBest burgers in Brinmoor, the beer garden is huge and the landlord is sound.', hartfell)).toBe(false);
  });
  it('a name only in the headline', () => {
    expect(m('The team of four beat eleven other schools at the regional final.', hartfell, 'Hartfell pupils win county quiz')).toBe(true);
    expect(m('The club paid an undisclosed fee for the 24-year-old, who scored nine goals last season.', hartfell, 'Hartfell sign new striker')).toBe(false);
  });
});

describe('mention: long items weigh what is said near the name', () => {
  const roundUp = (middle: string) =>
    `Brinmoor this week. The library has new opening hours from Monday and the car park charges go up in April. ${middle} Finally, the farmers market returns to the square on Sunday with twenty stalls.`;
  it('a round-up sentence about inspectors is the school; one about the manager is not', () => {
    expect(m(roundUp('Hartfell has been told to tighten up on behaviour after a visit from inspectors.'), hartfell)).toBe(true);
    expect(m(roundUp('Hartfell were beaten at home again and the manager is under pressure.'), hartfell)).toBe(false);
  });
  it('generic words (parents, parking, residents) count half against a specific word on the other side', () => {
    expect(m('Parents at Hartfell are fed up with parking on Mill Lane at drop-off time; residents agree something must change.', hartfell)).toBe(true);
    expect(m('Parking at Hartfell is a nightmare, residents say, since the shops and the food court opened.', hartfell)).toBe(false);
  });
  it('chat shorthand for year groups ("y11") is school vocabulary', () => {
    expect(m('[07:50] Dee: is hartfell shut for y11 today\n[07:51] Kat: no just the rest', hartfell)).toBe(true);
    expect(m('[07:50] Dee: is hartfell shut today\n[07:51] Kat: no just the bar', hartfell)).toBe(false);
  });
});

describe('mention: a school word right after the name', () => {
  it('"Hartfell kids" at the shops are the school\'s; "kids" elsewhere in a shopping post are not', () => {
    expect(m('Hartfell kids causing bother outside the shops on the high street again at lunchtime.', hartfell)).toBe(true);
    expect(m('Hartfell has great shops on the high street, the kids love the toy store.', hartfell)).toBe(false);
  });
  it('paraphrase: "the Hartfell parents" at a shopping-parade protest', () => {
    expect(m('The Hartfell parents were out in force at the shopping parade protest.', hartfell)).toBe(true);
  });
});

describe('mention: care homes, community centres, holiday lodges', () => {
  it('a care home with carers and residents is not the school; a school with carers\' children is', () => {
    expect(m('Grandad has settled into Larkspur Hill in Dunmere, the carers are kind and there is bingo on Fridays.', larkspur)).toBe(false);
    expect(m('Larkspur Hill in Dunmere runs a club for young carers after school on Fridays.', larkspur)).toBe(true);
  });
  it('"Hartfell Community Centre" is another place', () => {
    expect(m('Hartfell Community Centre in Brinmoor hosts a toddler group on Tuesdays.', hartfell)).toBe(false);
  });
  it('a lodge with a hot tub booked for half term is a holiday, not the school', () => {
    expect(m('We have booked a lodge at Larkspur Hill near Dunmere for half term, hot tub and all.', larkspur)).toBe(false);
    expect(m('Larkspur Hill in Dunmere breaks up for half term on Friday, reports go home with pupils.', larkspur)).toBe(true);
  });
});

describe('mention: school teams and outings near place words', () => {
  it('"Hartfell\'s football team" is the school\'s; "Hartfell Football Club" is not', () => {
    expect(m("Hartfell's football team won the county cup 2-0 in Brinmoor on Wednesday.", hartfell)).toBe(true);
    expect(m('Hartfell Football Club won the county cup 2-0 in Brinmoor on Wednesday.', hartfell)).toBe(false);
  });
  it('"Hartfell pupils" on a towpath litter pick outweigh the towpath', () => {
    expect(m('Hartfell pupils did a litter pick along the canal towpath and past the bluebells by the weir.', hartfell)).toBe(true);
    expect(m('Lovely walk along the canal towpath to Hartfell, bluebells out by the weir.', hartfell)).toBe(false);
  });
});

describe('mention: regional words for children', () => {
  it('"the bairn" or "the weans" at Hartfell are pupils; a pint at Hartfell is not', () => {
    expect(m("Hartfell's been grand for the bairn since September.", hartfell)).toBe(true);
    expect(m('Hartfell has been great for the weans this year.', hartfell)).toBe(true);
    expect(m("Hartfell's been grand for a pint since September.", hartfell)).toBe(false);
  });
});

describe('mention: a name with nothing said either way is the school (round 3)', () => {
  it('a bare complaint is the school; the same complaint with pub words is not', () => {
    expect(m("Copperbeech is a joke, honestly wouldn't send a dog there.", copper)).toBe(true);
    expect(m('Copperbeech is a joke, the pints are warm and the landlord is rude.', copper)).toBe(false);
  });
  it('paraphrase: someone running it "like his own little empire" is the school; a car-park rant is not', () => {
    expect(m('Adam Crewe runs Millgate like his own little empire. Arrogant and a liar.', millgate)).toBe(true);
    expect(m('Millgate car park charges have doubled, the retailers must be laughing.', millgate)).toBe(false);
  });
  it('initials never count without school vocabulary, even configured ones', () => {
    expect(m("QSC's new figures are out on Tuesday.", quayside)).toBe(false);
    expect(m("QSC's biology dept is elite, best in the county.", quayside)).toBe(true);
  });
});

describe('mention: part of another proper name (round 3)', () => {
  it('a capitalised word of no school after the name makes another place; a school word does not', () => {
    expect(m('Police were called to Hartfell Lifeboat Station after a fight on Saturday night.', hartfell)).toBe(false);
    expect(m('Police were called to Hartfell after a fight on Saturday night.', hartfell)).toBe(true);
  });
  it('paraphrase: a festival or subject in capitals keeps it the school; a Title Case headline says nothing', () => {
    expect(m('Larkspur Hill Christmas fair on Saturday, crafts made by the children.', larkspur)).toBe(true);
    expect(m('Larkspur Hill Maths results were the best in the county.', larkspur)).toBe(true);
    expect(m('', hartfell, 'Hartfell Students Plant Two Hundred Trees Along Brinmoor Road')).toBe(true);
    expect(m('Anyone know if Larkspur Hill Quarry is open on Sundays?', larkspur)).toBe(false);
  });
  it('a denomination in between does not hide the other place', () => {
    expect(m('Firefighters were called to Millgate Methodist Chapel on Tuesday evening.', millgate)).toBe(false);
    expect(m('Firefighters were called to Millgate on Tuesday evening, the pupils were sent home.', millgate)).toBe(true);
  });
});

describe('mention: the saint, the road, the priest (round 3)', () => {
  it("a saint's life is not the school; a festival with the Year 6 choir is", () => {
    expect(m("St Aidan's arrived from Iona in 635 and was consecrated bishop; pilgrims still visit his shrine.", aidans)).toBe(false);
    expect(m("St Aidan's arrived at the festival with the Year 6 choir.", aidans)).toBe(true);
  });
  it('traffic near the name is the road; the school run near it is the school', () => {
    expect(m('Traffic on the A41 near Millgate is horrendous this morning, accident by the garage.', millgate)).toBe(false);
    expect(m('Traffic near Millgate at the school run is horrendous this morning.', millgate)).toBe(true);
  });
});

describe('mention: misspelt names (round 3)', () => {
  it('one edit from the name is found and weighed; further is not the name', () => {
    expect(m("Copperbech is a joke, honestly wouldn't send a dog there.", copper)).toBe(true);
    expect(m("Coppersmith is a joke, honestly wouldn't send a dog there.", copper)).toBe(false);
  });
  it('paraphrase: a misspelt two-word name is weighed like the alias (pupils yes, a quarry no)', () => {
    expect(m('Larkspur Hil pupils planted bulbs by the gate.', larkspur)).toBe(true);
    expect(m('Larksper Hill Quarry is closed on Sundays.', larkspur)).toBe(false);
  });
});

describe("mention: a given name before it makes it someone's surname (round 3)", () => {
  it('"Adrian Copperbeech" is a person; in lower case the given name is not told from a word, so the name counts', () => {
    expect(m('Adrian Copperbeech has been fined for speeding, he told the magistrates he was late.', copper)).toBe(false);
    expect(m('adrian copperbeech has been fined for speeding, he told the magistrates he was late.', copper)).toBe(true);
    expect(m('Honestly Copperbeech has been a nightmare this term, the head never replies.', copper)).toBe(true);
  });
  it('paraphrase: "Copperbeech, 42, of Oxley" in court news is a person', () => {
    expect(m('Copperbeech, 42, of Oxley, admitted the offence at the magistrates court.', copper)).toBe(false);
    expect(m('Copperbeech, in Oxley, admitted it got the marking wrong and apologised to pupils.', copper)).toBe(true);
  });
});

describe('mention: a settlement or a town abroad of the same name (round 3)', () => {
  it('"the village of Copperbeech" is a settlement; "the pupils of Copperbeech" are the school\'s', () => {
    expect(m('Flooding hit the village of Copperbeech again last night.', copper)).toBe(false);
    expect(m('Flooding hit the pupils of Copperbeech again last night, the hall was under water.', copper)).toBe(true);
  });
  it('paraphrase: "Copperbeech, New York" is a town abroad; a school trip to New York is the school', () => {
    expect(m('Copperbeech, New York has a lovely main street and a great bagel shop.', copper)).toBe(false);
    expect(m('Copperbeech pupils are back from their trip to New York, what an experience.', copper)).toBe(true);
  });
});

describe('mention: a firm of the same name (round 3)', () => {
  it('"copperbeech lettings" is a firm; "copperbeech group chat" is the school\'s parents', () => {
    expect(m('copperbeech lettings still have not returned our deposit, avoid.', copper)).toBe(false);
    expect(m('copperbeech group chat is kicking off about the deposit for the trip again.', copper)).toBe(true);
  });
  it('paraphrase: customers and a refund are a firm\'s; a trip refund from the office is the school\'s', () => {
    expect(m('Copperbeech are a joke, three weeks waiting for a refund and customer service just hang up.', copper)).toBe(false);
    expect(m('Copperbeech are a joke, three weeks waiting for a refund of trip money from the school office.', copper)).toBe(true);
  });
});

describe('mention: forms people write that nobody configured (round 3)', () => {
  const derwen: MatchableSchool = { name: 'Ysgol Gynradd Nant Celyn', aliases: ['Ysgol Nant Celyn'], context: ['Llanfor'], exclude: [] };
  const through: MatchableSchool = { name: 'Fernhill All-Through School', aliases: ['Fernhill'], context: ['Oxley'], exclude: [] };
  const saint: MatchableSchool = { name: "St Aidan's Catholic Primary School", aliases: ["St A's"], context: ['Pellow'], exclude: [] };
  it('the name without its kind words ("Nant Celyn") is an alias, weighed like one', () => {
    expect(m('Nant Celyn teachers are tidy, diolch x', derwen)).toBe(true);
    expect(m('Nant Celyn Quarry is closed for blasting all week.', derwen)).toBe(false);
    const bro: MatchableSchool = { name: 'Ysgol Bro Treflan', aliases: [], context: ['Llanfor'], exclude: [] };
    expect(m('that kid in blwyddyn 10 at treflan is a weirdo', bro)).toBe(true);
  });
  it('paraphrase: "Millgate" alone for Millgate Grammar School, a pub or a person still not', () => {
    const bare: MatchableSchool = { name: 'Millgate Grammar School', aliases: [], context: ['Oxley'], exclude: [] };
    expect(m('millgate is a joke, the head never answers an email', bare)).toBe(true);
    expect(m('Millgate is a joke, the pints are warm and the landlord is rude.', bare)).toBe(false);
  });
  it('a configured "St A\'s" is found as written', () => {
    expect(m("St A's Christmas jumper day Friday, £1", saint)).toBe(true);
    expect(m("St A's mass times have changed, vigil at 6", saint)).toBe(false);
  });
  it('an all-through school has a primary phase of its own; a plain school does not', () => {
    expect(m("Fernhill's primary phase nativity was the best thing all year.", through)).toBe(true);
    expect(m("Millgate's primary phase nativity was the best thing all year.", millgate)).toBe(false);
  });
});

describe('mention: capitalised words after the name that keep it the school (round 3)', () => {
  it('its town, its Facebook page and its parents\' forum; not a quarry', () => {
    expect(m('Teachers at Hartfell Brinmoor are brilliant.', hartfell)).toBe(true);
    expect(m('Anyone seen the state of the Hartfell Facebook comments?', hartfell)).toBe(true);
    expect(m('Hartfell Parent Forum | reminder about Friday', hartfell)).toBe(true);
    expect(m('As a governor at Hartfell I\'m often asked what we do.', hartfell)).toBe(true);
    expect(m('Hartfell Quarry is blasting again on Friday.', hartfell)).toBe(false);
  });
});

describe('mention: a school of the same name placed elsewhere (round 3)', () => {
  it('"Larkspur Hill Primary School in Accrington" is another school; "in Dunmere" is this one', () => {
    expect(m('Larkspur Hill Primary School in Accrington marked its 150th anniversary.', larkspur)).toBe(false);
    expect(m('Larkspur Hill Primary School in Dunmere marked its 150th anniversary.', larkspur)).toBe(true);
  });
  it('paraphrase: "Millgate, Gloucestershire." is a village; "Millgate, Mrs Amos, …" is a teacher at the school', () => {
    expect(m('Millgate, Gloucestershire. The prettiest village around?', millgate)).toBe(false);
    expect(m('Millgate, Bradford vs Millgate, Harrogate? which is better', millgate)).toBe(false);
    expect(m('The head at Millgate, Mrs Amos, is brilliant.', millgate)).toBe(true);
    expect(m('My son was bullied at Millgate Grammar School in Year 7 and they dealt with it well.', millgate)).toBe(true);
    // shouting has no places by capitals
    expect(m('MILLGATE GRAMMAR SCHOOL, ALWAYS COUNTING THE PENNIES.', millgate)).toBe(true);
  });
});

describe('mention: configured initials written as a school\'s (round 3)', () => {
  // round 7: initials are a name many things share, so with nothing said either way they are not the school (fresh sets
  // punished the old default two rounds running); school life near them makes them the school
  it('"QSC" in capitals with school life is the school; with nothing else said, "the QSC" and "30 QSC" are not', () => {
    expect(m('Nae wonder QSC is getting worse, my cousin\'s in S3 there.', quayside)).toBe(true);
    expect(m('Nae wonder QSC is getting worse, my cousin says so.', quayside)).toBe(false);
    expect(m('Nae wonder the QSC is getting worse, my cousin says so.', quayside)).toBe(false);
    expect(m('Looking at a 30 QSC unit for the farm, anyone running one?', quayside)).toBe(false);
  });
  it('paraphrase: lower-case initials still need school vocabulary', () => {
    expect(m('qsc is pure mint the noo', quayside)).toBe(false);
    expect(m('qsc canteen is pure mint the noo', quayside)).toBe(true);
  });
});

describe('mention: people, handles and "not the school" (round 3)', () => {
  const oswin: MatchableSchool = { name: "St Oswin's Catholic High School", aliases: ["St Oswin's"], context: ['Kelverton'], exclude: [] };
  it('"Mr Doherty St Oswin\'s" is a teacher at the school; "Mr Doherty Hartfell" is a person', () => {
    expect(m("Mr Doherty St Oswins is a disgrace", oswin)).toBe(true);
    expect(m('Mr Doherty Hartfell is a disgrace', hartfell)).toBe(false);
  });
  it('a handle ending "Sch" is the school\'s own', () => {
    expect(m('@HartfellSch why do you let this happen', hartfell)).toBe(true);
    expect(m('@HartfellFC why do you let this happen', hartfell)).toBe(false);
  });
  it('"not the school\'s fault" is said of the school; "not the school team" is another', () => {
    expect(m("parking at hartfell is carnage, not the school's fault, the shops need a car park", hartfell)).toBe(true);
    expect(m("hartfell got done 6-0 on sunday, not the school team tho, the pub side", hartfell)).toBe(false);
  });
});

describe('mention: more kinds of same-named things (round 3)', () => {
  it('a bank, a hymn tune, a lake, a GAA club are not the school; its gates and dinner ladies are', () => {
    expect(m('just opened an account at Hartfell and the woman behind the counter was rude', hartfell)).toBe(false);
    expect(m("This week's hymn tune is Hartfell, written in 1890.", hartfell)).toBe(false);
    expect(m('Swimmers warned to avoid Hartfell after blue-green algae was found near the shore.', hartfell)).toBe(false);
    expect(m('Hartfell GAA club celebrates its centenary.', hartfell)).toBe(false);
    expect(m('the dinner lady at hartfell screams at the little ones', hartfell)).toBe(true);
    expect(m('see you at the hartfell school gates tomorrow', hartfell)).toBe(true);
  });
});

describe('mention: one reading of the name carries through the item (round 3)', () => {
  it('after "Larkspur Hill Methodist Chapel", a bare "Larkspur Hill" is still the chapel; alone it is taken as the school', () => {
    expect(m('Larkspur Hill Methodist Chapel reopens today. Larkspur Hill has been closed for a year.', larkspur)).toBe(false);
    expect(m('The chapel reopens today. Larkspur Hill has been closed for a year.', larkspur)).toBe(true);
  });
  it('a kind written before the name (Welsh order) names another school', () => {
    const celyn: MatchableSchool = { name: 'Ysgol Gyfun Nant Celyn', aliases: ['Nant Celyn'], context: ['Llanfor'], exclude: [] };
    expect(m('Ysgol Gynradd Nant Celyn are doing a uniform sale Saturday.', celyn)).toBe(false);
    expect(m('Ysgol Gyfun Nant Celyn are doing a uniform sale Saturday.', celyn)).toBe(true);
  });
  it('an exclusion covers its singular or plural ("Nurseries" → "nursery")', () => {
    const ash: MatchableSchool = { name: 'Ashgrove Bank School', aliases: ['Ashgrove Bank'], context: ['Wyebridge'], exclude: ['Ashgrove Bank Nurseries'] };
    expect(m('Ashgrove Bank nursery staff sold me a bush labelled as a climber.', ash)).toBe(false);
    expect(m('Ashgrove Bank staff sorted my son\'s transport in a day.', ash)).toBe(true);
  });
});

describe('mention: the school\'s community without its name (round 3)', () => {
  it('its town\'s parents\' group on the head and Year 8 is the school; another school named there is not', () => {
    expect(m("Brinmoor Parents | the head won't answer a single email about the Year 8 letter.", hartfell)).toBe(true);
    expect(m("Brinmoor Parents | the Ashby Primary head won't answer a single email about the Year 8 letter.", hartfell)).toBe(false);
  });
  it('paraphrase: the town with generic or place words only is not', () => {
    expect(m('Brinmoor Parents | the kids loved the fair, staff were lovely.', hartfell)).toBe(false);
    expect(m('Brinmoor Parents | the teachers and pupils were out on the towpath litter pick by the weir.', hartfell)).toBe(false);
  });
});

describe('mention: round 3, kinds from the second batch of corpora', () => {
  const aidansRC: MatchableSchool = { name: "St Aidan's Catholic Primary School", aliases: ["St Aidan's"], context: ['Pellow'], exclude: [] };
  it('"fr" (for real) in lower case is not a priest; "Fr Quill" is', () => {
    expect(m("nah fr hartfell's drama dept is lowkey cold", hartfell)).toBe(true);
    expect(m("Fr Quill at St Aidan's has been off for weeks now.", aidans)).toBe(false);
  });
  it('a kind on the line before (a forum section) is not the name\'s; on the same line it is', () => {
    expect(m("Hartfell have a new packed lunch rule and my son comes home starving.", hartfell, 'Mumsnet > Primary')).toBe(true);
    expect(m("Primary Hartfell have a new packed lunch rule and my son comes home starving.", hartfell)).toBe(false);
  });
  it('a later "Hartfell Primary" claims an earlier bare "Hartfell" in the headline', () => {
    expect(m('Hartfell Primary School in Stirling has been rated outstanding.', hartfell, 'Another Hartfell? Good news up north')).toBe(false);
    expect(m('The academy has been rated outstanding.', hartfell, 'Another Hartfell? Good news up north')).toBe(true);
  });
  it('a denomination without a kind after it is a church, unless the school\'s name has it', () => {
    expect(m('Larkspur Hill Methodist are doing their jumble sale Saturday, proceeds to the roof fund.', larkspur)).toBe(false);
    expect(m("St Aidan's Catholic are doing their jumble sale Saturday, proceeds to the roof fund.", aidansRC)).toBe(true);
  });
  it('an apposition says what the name is: a village, not "the one beside the chapel"', () => {
    expect(m('Spent the afternoon at Hartfell, the village in the Cotswolds, lovely cottages.', hartfell)).toBe(false);
    expect(m("Our youngest started at Hartfell, the one beside the chapel, and she loves it.", hartfell)).toBe(true);
  });
  it('capitalised staff titles, Wi-Fi and open nights after the name keep it the school', () => {
    expect(m("Hartfell's Mr Gwilym has gone very quiet since the incident.", hartfell)).toBe(true);
    expect(m('Hartfell Wi-Fi guest password is on a post-it by reception.', hartfell)).toBe(true);
    expect(m('Just a reminder Hartfell Open Night is Thursday.', hartfell)).toBe(true);
  });
  it('"not the Brinmoor one" says the name is another\'s; a department by subject is the school\'s', () => {
    expect(m('Hartfell in Shelford is the one I meant, not the Brinmoor one.', hartfell)).toBe(false);
    expect(m("Fair play to the music department at St Aidan's, the carol service was gorgeous.", aidans)).toBe(true);
  });
  it('a hill walk is not the school; a walk to its parents\' evening is', () => {
    expect(m("Hiked up Hartfell this arvo, proper views all the way to the coast.", hartfell)).toBe(false);
    expect(m("Hiked up to Hartfell for parents' evening in the rain.", hartfell)).toBe(true);
  });
});

describe('mention: its town inside "not the X one" does not place it (round 3)', () => {
  it('"Larkspur Hill Primary in Shelford, not the Dunmere one" is another school; "in Dunmere" is this one', () => {
    expect(m('Larkspur Hill Primary School in Shelford is the one I meant, not the Dunmere one.', larkspur)).toBe(false);
    expect(m('Larkspur Hill Primary School in Dunmere is the one I meant.', larkspur)).toBe(true);
  });
});

describe('mention: one generic place word is noise (numbers chosen leave-one-corpus-out, round 3)', () => {
  it('"parking" alone does not stop a bare name counting; shops and their car park do', () => {
    expect(m('Copperbeech is a joke, the parking is awful every morning.', copper)).toBe(true);
    expect(m('Copperbeech is a joke, the shops have put the car park charges up again.', copper)).toBe(false);
  });
});

describe('mention: its parents\' groups and teams in capitals after the name (round 3)', () => {
  it('"Hartfell Mums" and "Hartfell Netball" are the school\'s; "Hartfell Quarry" is not', () => {
    expect(m('Hartfell Mums are organising a collection for the teacher who is leaving.', hartfell)).toBe(true);
    expect(m('Hartfell Netball won the county final on Saturday.', hartfell)).toBe(true);
    expect(m('Hartfell Quarry won an award for its restoration work.', hartfell)).toBe(false);
  });
});

describe('mention: a denomination after the name is the school\'s own only as a whole word of its name', () => {
  const lawrence: MatchableSchool = { name: 'St Lawrence Primary School', aliases: ['St Lawrence'], context: ['Dunmere'], exclude: [] };
  it('"St Lawrence CE" is a church ("ce" inside "Lawrence" is not the school\'s own denomination); the school\'s own is', () => {
    expect(m('St Lawrence CE are doing their jumble sale on Saturday.', lawrence)).toBe(false);
    expect(m("St Aidan's Catholic are doing their jumble sale on Saturday.", aidans)).toBe(true);
  });
});

describe('mention: the decision\'s numbers are a parameter, not shared state (round 4)', () => {
  it('a caller passes other numbers for one call; the committed ones are frozen and stay the default', () => {
    const text = 'Copperbeech is a joke, the shops have put the car park charges up again.';
    expect(matchSchool({ title: '', text }, copper).mentioned).toBe(false);
    expect(matchSchool({ title: '', text }, copper, { ...MENTION_TUNING, noiseFloor: 5 }).mentioned).toBe(true);
    expect(matchSchool({ title: '', text }, copper).mentioned).toBe(false);
    expect(Object.isFrozen(MENTION_TUNING)).toBe(true);
  });
});
