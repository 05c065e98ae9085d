/**
 * Round 4 of the mention decision (issue 11): kinds of error found in the independent corpora k, l and m, each as a
 * contrast in words of its own (invented schools and places, not the corpora's).
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const brackley: MatchableSchool = { name: 'Brackley Fen Academy', aliases: ['Brackley Fen', 'BFA'], context: ['Ousebridge'], exclude: [] };
const hebog: MatchableSchool = { name: 'Ysgol Bryn Hebog', aliases: ['Bryn Hebog'], context: ['Llanfeirion'], exclude: [] };

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

describe('mention: initials spelt out as something else (acronym collision)', () => {
  it('"BFA (Bradford Folk Alliance)" is not the school; bare "BFA", or spelt out as the school, is', () => {
    // round 7: bare initials need school life near them
    expect(m('BFA pupils\' showcase next week, come and say hi', brackley)).toBe(true);
    expect(m('BFA showcase next week (Bradford Folk Alliance), come and say hi', brackley)).toBe(false);
    expect(m('Bristol Film & Arts (BFA) showcase starts Friday, come along', brackley)).toBe(false);
    expect(m('BFA (Brackley Fen Academy) pupils\' showcase next week, come and say hi', brackley)).toBe(true);
  });
});

describe('mention: a capitalised word after the name that is no other name', () => {
  it('shouting ("AGAIN") and a person\'s name after it leave it the school; an unknown proper word does not', () => {
    expect(m('Rang Brackley Fen AGAIN about the bus, nobody picks up.', brackley)).toBe(true);
    expect(m('The SENCO at BFA Priya Shah never answers emails.', brackley)).toBe(true);
    expect(m('Walked the dog round Brackley Fen Orchard this morning.', brackley)).toBe(false);
  });
  it('a sentence\'s first word is no sign of a Title Case headline', () => {
    expect(m('Brackley Fen Harpies 1 Kirkby Albion 3. Awful. Dreadful marking all game.', brackley)).toBe(false);
    expect(m('Brackley Fen Celebrates Record Results In Summer Exams', brackley)).toBe(true);
  });
});

describe('mention: a kind of place written before the name', () => {
  it('a chapel (Welsh, mutated) or a wine bar before the name is that place; a concert or a new head is the school', () => {
    expect(m('Cymanfa ganu yng Nghapel Bryn Hebog nos Sul, croeso i bawb.', hebog)).toBe(false);
    expect(m('Cyngerdd Nadolig Bryn Hebog nos Sul, croeso i bawb.', hebog)).toBe(true);
    expect(m('the new wine bar Brackley Fen opens on Friday, cocktails a fiver', brackley)).toBe(false);
    expect(m('the new head at Brackley Fen starts on Friday', brackley)).toBe(true);
  });
});

describe('mention: placed elsewhere', () => {
  it('a longer kind ("Sixth Form College") before "in <town>" still places it', () => {
    expect(m('Brackley Fen Sixth Form College in Stamford has opened a new studio.', brackley)).toBe(false);
    expect(m('Brackley Fen sixth form in Ousebridge has opened a new studio.', brackley)).toBe(true);
  });
  it('one use placed in another town claims the item\'s other uses of the full name', () => {
    expect(m('Brackley Fen Academy pupils plant trees. Pupils at Brackley Fen Academy in Kirkby, Northumberland, planted 200 trees.', brackley)).toBe(false);
    expect(m('Brackley Fen Academy pupils plant trees. Pupils at Brackley Fen Academy in Ousebridge planted 200 trees.', brackley)).toBe(true);
  });
});

describe('mention: another body named with the school\'s full name inside it', () => {
  it('"Brackley Fen Academy of Dance" and "Brackley Fen CC" are not the school', () => {
    expect(m('Brackley Fen Academy of Dance | shows on sale now, costume letters went home', brackley)).toBe(false);
    expect(m('Brackley Fen Academy | shows on sale now, costume letters went home', brackley)).toBe(true);
    expect(m('Brackley Fen CC 1st XI all out for 96, long afternoon in the field', brackley)).toBe(false);
  });
});

describe('mention: a handle made of an alias and the school\'s town', () => {
  it('"@BFAOusebridge" is the school; "@BFAphotography" is not said to be', () => {
    expect(m('Everyone tag @BFAOusebridge and tell them what you think.', brackley)).toBe(true);
    expect(m('Everyone tag @BFAphotography and tell them what you think.', brackley)).toBe(false);
  });
});

const ashdown: MatchableSchool = { name: 'Ashdown Park Primary School', aliases: ['Ashdown Park Primary', 'Ashdown Park'], context: ['Kelby'], exclude: ['Ashdown Park Retail Park'] };
const wenmoor: MatchableSchool = { name: 'Wenmoor Bridge Academy', aliases: ['Wenmoor Bridge'], context: ['Wenmoor'], exclude: [] };
const foxglove: MatchableSchool = { name: 'Foxglove House School', aliases: ['Foxglove House', 'Foxglove'], context: ['Ambridge'], exclude: [] };

describe('mention: the first word of a "<name> Park" school on its own', () => {
  it('"the dinner lady at Ashdown" is the school; "Ashdown Road" and "Ashdown Forest" are not', () => {
    expect(m('the dinner lady at Ashdown shouted at my daughter again', ashdown)).toBe(true);
    expect(m('Ashdown Road is shut again for the gas works, go round the back.', ashdown)).toBe(false);
    expect(m('Freezing walk over Ashdown Forest today, frost on everything.', ashdown)).toBe(false);
  });
  it('not when that word is the school\'s own town', () => {
    expect(m('Traffic through Wenmoor is terrible again this morning.', wenmoor)).toBe(false);
    expect(m('Traffic outside Wenmoor Bridge is terrible again this morning.', wenmoor)).toBe(true);
  });
  it('a misspelling of the school is not looked for in its first word alone', () => {
    expect(m('Ashdawn Park got a good Ofsted', ashdown)).toBe(true);
    expect(m('Ashdawn got a good write-up', ashdown)).toBe(false);
  });
});

describe('mention: the other senses of a name (plants, racehorses, books, whisky, homes, cricket)', () => {
  it('nothing said either way is the school; a garden, a race, a novel, a dram, flats or an innings are not', () => {
    expect(m('Foxglove is brilliant, our lad loves it there.', foxglove)).toBe(true);
    expect(m('Foxglove is a biennial: sow the seed in late summer and it will flower the year after, bees love it.', foxglove)).toBe(false);
    expect(m('Foxglove at 8/1 in the 2.30, good to soft going, each way for me', foxglove)).toBe(false);
    expect(m("Foxglove's debut novel is a cracking thriller, the plot twists kept me up", foxglove)).toBe(false);
    expect(m('Foxglove 12 is a lovely dram, soft malt with a long finish', foxglove)).toBe(false);
    expect(m('Foxglove House: 2 and 3 bed apartments, register interest for show home viewings', foxglove)).toBe(false);
    expect(m('Rain at Foxglove again, 187/4 at lunch and that is the innings done', foxglove)).toBe(false);
  });
});

describe('mention: "not the school" only as a disambiguation beside the name', () => {
  it('"not the school one" (a phone) and blame moved off the school leave it the school; "(the chapel, not the school)" does not', () => {
    expect(m("Mrs Lane from Foxglove House, that's her personal mobile not the school one. Ring her tonight.", foxglove)).toBe(true);
    expect(m('Ambridge spends more on taxis than it would cost to expand Foxglove House. The transport contract is the scandal here, not the school.', foxglove)).toBe(true);
    expect(m('Tea at Foxglove House (the chapel, not the school) on Sunday.', foxglove)).toBe(false);
  });
});

describe('mention: a person of that surname', () => {
  it('"Ishbel Foxglove" is a person; the bare name is the school', () => {
    expect(m('Ishbel Foxglove opened the new wing on Friday.', foxglove)).toBe(false);
    expect(m('Foxglove opened the new wing on Friday.', foxglove)).toBe(true);
  });
});

describe('mention: its town\'s parents\' group about a teacher, without the name', () => {
  it('"Ambridge Mums & Dads" on Miss Hartley and the school trip is the school; on a plumber it is not', () => {
    expect(m('Ambridge Mums & Dads | Miss Hartley kept my son in at lunch again, absolutely livid.', foxglove)).toBe(true);
    expect(m('Ambridge Parents & Carers | email Mrs Hartley direct, not the school account, she answers on Sundays', foxglove)).toBe(true);
    expect(m('Ambridge Mums & Dads | Mr Hartley fixed our boiler, absolute gent, recommend', foxglove)).toBe(false);
    expect(m('Ambridge Mums & Dads | anyone know a good plumber? ours has let us down again', foxglove)).toBe(false);
  });
});

const stlukes: MatchableSchool = { name: "St Luke's CofE Junior Academy", aliases: ["St Luke's Juniors", 'Thornby Juniors', 'SLJA'], context: ['Thornby'], exclude: [] };
const holm: MatchableSchool = { name: 'Holmfirth Park Academy', aliases: ['Holmfirth Park', 'HPA'], context: ['Kelby', 'Brook Street'], exclude: ['Holmfirth Park Retail Park'] };
const fenton: MatchableSchool = { name: 'Fenton Street Primary School', aliases: ['Fenton Street Primary'], context: ['Salterby'], exclude: [] };

describe('mention: a saint\'s name after a comma is not a street', () => {
  it('"… serves Holmfirth Park Academy, St Aidan\'s and …" names the school; "Holmfirth Park Academy Street" does not', () => {
    expect(m("Brook Street, which serves Holmfirth Park Academy, St Aidan's and the retail park, carries 1,100 cars an hour.", holm)).toBe(true);
    expect(m('Roadworks on Holmfirth Park Academy Street all week.', holm)).toBe(false);
  });
});

describe('mention: a club named after the school\'s own name', () => {
  it('"Thornby Juniors FC" is a football club; "Thornby Juniors" sports day is the school', () => {
    expect(m('Thornby Juniors FC U11s drew 2-2 at the rec, great battling display.', stlukes)).toBe(false);
    expect(m('Thornby Juniors sports day is on Friday, bring a hat.', stlukes)).toBe(true);
  });
});

describe('mention: a handle of the name and its kinds\' initials', () => {
  it('"@StLukesJA" (Junior Academy) is the school; "@StLukesXY" is not said to be', () => {
    expect(m('@StLukesJA fantastic reading cafe this morning, more of this please', stlukes)).toBe(true);
    expect(m('@StLukesXY fantastic reading cafe this morning, more of this please', stlukes)).toBe(false);
  });
});

describe('mention: initials written as a unit', () => {
  it('"968 hPa over Kelby" is air pressure; "HPA in Kelby" is the school', () => {
    expect(m('Models showing 968 hPa over Kelby tonight, tie down your trampolines.', holm)).toBe(false);
    expect(m('HPA in Kelby tonight for the carol concert, doors at 6.', holm)).toBe(true);
    expect(m('the Year 11 HPA list of candidate numbers is on the exams office door', holm)).toBe(true);
  });
});

describe('mention: initials shared with a TV show or a gaming clan', () => {
  // round 7: with nothing said either way initials are not the school either; school life makes them the school
  it('a season trailer or a clan recruiting is not the school; school life near the initials is', () => {
    expect(m('BFA season 13 trailer just dropped and I am not emotionally prepared', brackley)).toBe(false);
    expect(m('BFA clan recruiting for Warzone, must be 16+, mic required', brackley)).toBe(false);
    expect(m('BFA is a joke, nobody ever answers the phone', brackley)).toBe(false);
    expect(m('BFA is a joke, nobody ever answers the phone about the homework', brackley)).toBe(true);
  });
});

describe('mention: a street name inside the school\'s name, abbreviated', () => {
  it('"fenton st head" is the school; "roadworks on fenton st" is the street', () => {
    expect(m('fenton st head is useless, sack her', fenton)).toBe(true);
    expect(m('roadworks on fenton st all week, buses diverted', fenton)).toBe(false);
  });
});

describe('mention: a place word that is part of another proper name', () => {
  it('"lives on Heron Close", "is in Hallam Lodge now" name other places; "Foxglove\'s lodge" is the name\'s own', () => {
    expect(m("Foxglove's transport coordinator lives on Heron Close in Sedgecombe, give her a ring tonight", foxglove)).toBe(true);
    expect(m('the lad from Foxglove who was excluded is in Hallam Lodge now, the unit for kids', foxglove)).toBe(true);
    expect(m("Foxglove's lodge is fully booked for the lake weekend, lovely walks round the woods", foxglove)).toBe(false);
  });
});

const glyn: MatchableSchool = { name: 'Ysgol Bro Glyndwr', aliases: ['Ysgol Glyndwr', 'Bro Glyndwr'], context: ['Llanfeirion', 'Welsh-medium'], exclude: [] };

describe('mention: an apposition saying what and where it is', () => {
  it('"X, the small Welsh-medium primary in Bryncelyn, Conwy" is another school; in its own town it is this one', () => {
    expect(m('Children at Ysgol Glyndwr, the small Welsh-medium primary in Bryncelyn, Conwy, raised £420 for flood victims.', glyn)).toBe(false);
    expect(m('Children at Ysgol Glyndwr, the small Welsh-medium primary in Llanfeirion, raised £420 for flood victims.', glyn)).toBe(true);
  });
  it('after a colon or a dash as after a comma: "Brackley Fen: a lost village on the Ouse"', () => {
    expect(m('Brackley Fen: a lost village on the Ouse, now a few stones and a graveyard.', brackley)).toBe(false);
    expect(m('Brackley Fen: a good school, my two are happy there.', brackley)).toBe(true);
  });
});

describe('mention: Welsh given names and football talk', () => {
  it('"Elin Bryn Hebog Jones" is a person; "Bryn Hebog were shocking, the centre half…" is a team', () => {
    expect(m('Congrats to Elin Bryn Hebog Jones on her first cap for the Wales U20s!', hebog)).toBe(false);
    expect(m('Bryn Hebog were shocking on Saturday. The centre half couldnae trap a bag o cement.', hebog)).toBe(false);
    expect(m('Bryn Hebog were brilliant on Saturday at the eisteddfod.', hebog)).toBe(true);
  });
});

describe('mention: heads that are not head teachers', () => {
  it('"the head greenkeeper at Foxglove" is a golf course\'s; "the head at Foxglove" is the school\'s', () => {
    expect(m('Anyone know the head greenkeeper at Foxglove? Got an interview there next week.', foxglove)).toBe(false);
    expect(m('Anyone know the head at Foxglove? Got an interview there next week.', foxglove)).toBe(true);
  });
});

const trinity: MatchableSchool = { name: 'Holy Cross CofE Primary School', aliases: ['Holy Cross Primary', 'Holy Cross', 'HCP'], context: ['Wexby'], exclude: [] };
const brigid: MatchableSchool = { name: "St Ita's College", aliases: ["St Ita's"], context: ['Dunmore'], exclude: [] };

describe('mention: round 4, inspectorates, festivals and the other senses of a name', () => {
  it('the Northern Ireland inspectorate (ETI) is school vocabulary like Ofsted', () => {
    expect(m("The ETI follow-up on St Ita's has been published and it's worse.", brigid)).toBe(true);
    expect(m("The follow-up on St Ita's has been published and the bus route is cut.", brigid)).toBe(false);
  });
  it('a saint\'s day after the name leaves it the school\'s; a proper word does not', () => {
    expect(m("Bryn Hebog St David's Day parade photos are up, the dragon costume is ace", hebog)).toBe(true);
    expect(m('Bryn Hebog Stables parade photos are up, the dragon costume is ace', hebog)).toBe(false);
  });
  it('a carvery, a river\'s course, a church\'s nave and an ISA are not the school', () => {
    expect(m('Brackley Fen does the best Sunday carvery in the county, real ale too', brackley)).toBe(false);
    expect(m('Brackley Fen rises on the moor and is a tributary of the Ouse', brackley)).toBe(false);
    expect(m('Holy Cross, Wexby: a flint church with a fine nave and a Jacobean pulpit.', trinity)).toBe(false);
    expect(m('Anyone else with an HCP ISA transfer? Bank is being useless', trinity)).toBe(false);
    expect(m('Does anyone still use the old HPA norovirus guidance? Our ward manager keeps quoting it.', holm)).toBe(false);
    expect(m('Holy Cross, Wexby: a lovely school with a fine new library.', trinity)).toBe(true);
  });
  it('"make up the numbers" is no supporters\' chant', () => {
    expect(m("Protestant kids at St Ita's are only there to make up the numbers in that college.", brigid)).toBe(true);
  });
  it('"Holy Cross church schools" are schools; "Holy Cross church" is the church', () => {
    expect(m('Mrs Kaur teaches at Holy Cross church schools employ staff of any faith', trinity)).toBe(true);
    expect(m('Flowers at Holy Cross church on Sunday were lovely', trinity)).toBe(false);
  });
});

describe('mention: a saint\'s name alone, possessive', () => {
  const michaels: MatchableSchool = { name: "St Michael's Primary School", aliases: ["St Michael's"], context: ['Dunmore'], exclude: [] };
  const enda: MatchableSchool = { name: "St Enda's College", aliases: ["St Enda's"], context: ['Dunmore'], exclude: [] };
  it('"the wee Enda\'s principal" is St Enda\'s; "Michael\'s mum" is a person\'s (a common given name)', () => {
    expect(m("the wee Enda's principal is a bigot in a cardigan, whole staff room the same", enda)).toBe(true);
    expect(m("Michael's mum says the whole staff room is the same", michaels)).toBe(false);
  });
});

describe('mention: handles written with spaces, saints\' days, kinds joined by "and"', () => {
  const kingsley: MatchableSchool = { name: 'Kingsley Moor Infant and Nursery School', aliases: [], context: ['Dunmore'], exclude: [] };
  it('"replying to @Brackley Fen Academy:" is the school; "@Brackley" alone is not said to be', () => {
    expect(m('replying to @Brackley Fen Academy: congrats on hiring the top goon lol', brackley)).toBe(true);
    expect(m('replying to @Brackley: congrats on hiring the top goon lol', brackley)).toBe(false);
  });
  it('"… Academy St Piran\'s Day parade" is the school\'s; "… Academy St" is a street', () => {
    expect(m("Brackley Fen Academy St Piran's Day parade was the business", brackley)).toBe(true);
    expect(m('Roadworks on Brackley Fen Academy St all week', brackley)).toBe(false);
  });
  it('"Kingsley Moor" is the short name of Kingsley Moor Infant and Nursery School', () => {
    expect(m('Kingsley Moor sports day was lovely, the head gave every child a medal', kingsley)).toBe(true);
    expect(m('Kingsley Moor Infant sports day was lovely', { ...kingsley, name: 'Kingsley Moor Junior School' })).toBe(false);
  });
});

describe('mention: a classroom is no road', () => {
  it('"the teacher in B14" is a room; "on the B14" is a road', () => {
    expect(m('Ambridge Community Hub | the teacher in B14 got suspended and the head told the governors', foxglove)).toBe(true);
    expect(m('Ambridge Community Hub | the teacher on the B14 got suspended and the head told the governors', foxglove)).toBe(false);
  });
});

describe('mention: round 4, a club throughout, a full stop after a short street, a cricket score', () => {
  it('"Thornby Juniors FC | … Thornby Juniors 2-2 Kelby Colts" is the club throughout; without the club it is the school', () => {
    expect(m('Thornby Juniors 2-2 Kelby Colts, proper battling display on a mudbath.', stlukes, 'Thornby Juniors FC | match report')).toBe(false);
    expect(m('Thornby Juniors 2-2 Kelby Colts in the netball, proper battling display.', stlukes, 'Thornby Juniors | sports news')).toBe(true);
  });
  it('"… at Fenton St. He said" ends a sentence; "Fenton St Garage" is another name', () => {
    expect(m('My lad has had a terrible time at fenton st. He said the head never listens.', fenton)).toBe(true);
    expect(m('Took the car to Fenton St Garage, the head mechanic was great.', fenton)).toBe(false);
  });
  it('"187/4 at lunch" is a cricket score', () => {
    expect(m('Rain at Brackley Fen again, 187/4 at lunch, that is your lot', brackley)).toBe(false);
    expect(m('Rain at Brackley Fen again, sports day at lunch is off, that is your lot', brackley)).toBe(true);
  });
});

describe('mention: its town\'s community group as its parents\' group', () => {
  it('"Ambridge Community Chat" on Miss Hartley keeping a son in is the school; on a boiler it is not', () => {
    expect(m('Ambridge Community Chat | Miss Hartley kept my son in at lunch again, absolutely livid.', foxglove)).toBe(true);
    expect(m('Ambridge Community Chat | Mr Hartley fixed our boiler, absolute gent, recommend', foxglove)).toBe(false);
  });
});
