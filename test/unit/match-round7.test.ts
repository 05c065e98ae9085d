/**
 * Round 7 of the mention decision (issue 11): a name many things share (initials, "the" and one word, a generic place
 * word alone) is the school only with school life near it; with nothing said either way it is not, and the other
 * senses of such names (banking and markets, football clubs, pubs and gigs, theatres, work teams, games, water
 * sports) are weighed as data. Studied on blind-2026-12-01a and corpora y, z and aa; blind-2026-12-01b,
 * blind-2026-11-30f/-g and corpora ab, ac, ad (and ae when it lands) kept unread as the check. Each case a contrast
 * in words of its own (invented schools, people and places, not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, MATCH_WORK, type MatchableSchool } from '../../lib/match';

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

const pellingham: MatchableSchool = { name: 'Pellingham Vale Academy', aliases: ['Pellingham Vale', 'PVA', 'the Vale'], context: ['Pellingham'], exclude: [] };
const northwold: MatchableSchool = { name: 'Northwold Bridge School', aliases: ['NBS'], context: ['Northwold'], exclude: [] };

describe('round 7: initials with nothing said either way are not the school', () => {
  it('"PVA" alone is glue or anything else; with school life near it, the school', () => {
    expect(m('PVA all over the kitchen table again, what a mess', pellingham)).toBe(false);
    expect(m('PVA sent a letter home about the new uniform rules', pellingham)).toBe(true);
  });
  it('a distinctive name keeps the default; the same words as initials do not', () => {
    expect(m('Pellingham Vale is a joke, nobody ever answers the phone', pellingham)).toBe(true);
    expect(m('PVA is a joke, nobody ever answers the phone', pellingham)).toBe(false);
    expect(m('PVA is a joke, nobody ever answers the phone about my son', pellingham)).toBe(true);
  });
  it('initials among banking and market words are a bank; among school words the school', () => {
    expect(m('NBS shares jumped after the trading update this morning', northwold)).toBe(false);
    expect(m('NBS announced the Year 7 trip dates this morning', northwold)).toBe(true);
  });
  it('initials among a work team\'s words are that team; a game trailer is the game', () => {
    expect(m('NBS stand-up is moved to 10, sorry wrong group', northwold)).toBe(false);
    expect(m('NBS trailers looked rough, hope the release is better', northwold)).toBe(false);
    expect(m('NBS homework club is moved to 10 on Fridays', northwold)).toBe(true);
  });
});

describe('round 7: "the" and one word is how pubs, theatres and clubs are called', () => {
  it('a night out or a show at "the Vale" is the pub or theatre; the kids sent home early is the school', () => {
    expect(m('Anyone heading to the Vale tonight for the quiz? 🍻', pellingham)).toBe(false);
    expect(m('Two seats left for the Vale box office matinee on Saturday', pellingham)).toBe(false);
    expect(m('the Vale sent the kids home early because the heating failed', pellingham)).toBe(true);
  });
  it('a football club of that name is the club; the school team with its year group is the school', () => {
    expect(m('The Vale sit 3rd in League Two after another late winner', pellingham)).toBe(false);
    expect(m('The Vale under-14 girls won the county final 3-1!', pellingham)).toBe(true);
  });
});

describe('round 7: school life that was not read as such', () => {
  const drumard: MatchableSchool = { name: 'Drumard Grammar School', aliases: ['DGS', 'Drumard'], context: ['Lisnacree'], exclude: [] };
  const hatton: MatchableSchool = { name: 'Hatton Moss Primary School', aliases: ['Hatton Moss'], context: ['Barwick'], exclude: [] };
  it('Year 14 (Northern Ireland) is a year group: lower-case initials with it are the school', () => {
    expect(m('dgs year 14 formal tonight, the hall looks unreal', drumard)).toBe(true);
    expect(m('dgs formal tonight, the hall looks unreal', drumard)).toBe(false);
  });
  it('a motorway the writer was stuck on is a little place-ness, outweighed by the teaching assistant who stayed', () => {
    expect(m('Our TA at Hatton Moss stayed late with my son when I was stuck on the M62. Thank you!', hatton)).toBe(true);
    expect(m('Queues back to Hatton Moss on the M62 after the crash, avoid', hatton)).toBe(false);
  });
  it('class reps, leadership and Progress 8 after the name leave it the school\'s; another capitalised word does not', () => {
    expect(m('Hatton Moss Class Reps: reminder that Friday is non-uniform', hatton)).toBe(true);
    expect(m("Hatton Moss's Progress 8 score was published this morning", hatton)).toBe(true);
    expect(m('Hatton Moss Quarry reopens to walkers this weekend', hatton)).toBe(false);
  });
});

describe('round 7: a club of the school before its name; a TV title is no teacher', () => {
  const fenwell: MatchableSchool = { name: 'Fenwell Academy', aliases: ['Fenwell', 'FNA'], context: ['Oakbury'], exclude: [] };
  it('"the Chess Fenwell team" is the school\'s chess team; "Port Fenwell" stays another place', () => {
    expect(m('Well done to the Chess Fenwell team at the county finals.', fenwell)).toBe(true);
    expect(m('Well done to the Robotics Fenwell squad, second in the region!', fenwell)).toBe(true);
    expect(m('The ferry to Port Fenwell is cancelled again this weekend.', fenwell)).toBe(false);
  });
  it('"Mr Bates vs the Post Office" is a drama, not a teacher; "Mr Hale" in the same voice is', () => {
    expect(m('Mr Bates vs the Post Office was on again last night. My Year 9 son was glued to it and wants to do it for his history homework.', fenwell)).toBe(false);
    expect(m('Mr Hale set the Post Office drama for history homework. My Year 9 son was glued to it all night.', fenwell)).toBe(true);
  });
});

describe('round 7: an emoji before the name no longer shifts what is read after it', () => {
  const calder: MatchableSchool = { name: 'Halsey Brook Academy', aliases: ['Halsey Brook'], context: ['Wetherfold'], exclude: [] };
  it('"📸 … outside Halsey Brook. Gorgeous" is the school; "📸 … at Halsey Brook Quarry" is the quarry', () => {
    expect(m('Leavers photo 📸 all of Year 11 lined up outside Halsey Brook. Gorgeous', calder)).toBe(true);
    expect(m('Sunset photo 📸 taken at Halsey Brook Quarry tonight', calder)).toBe(false);
  });
  it('the evidence of a name after an emoji is the name itself', () => {
    const r = matchSchool({ title: '', text: 'So proud 😍🎉 of Halsey Brook pupils today' }, calder);
    expect(r.evidence?.text).toBe('Halsey Brook');
  });
  it('an emoji ends a sentence: a capitalised word after it is no longer proper name with the school\'s', () => {
    expect(m('poor lad 😢 Tbh Halsey Brook should have spotted it sooner, his teacher knew', calder)).toBe(true);
    expect(m('Took the dog to Upper Halsey Brook woods this morning', calder)).toBe(false);
  });
});

describe('round 7: other senses of initials and names by kind', () => {
  const cba: MatchableSchool = { name: 'Corran Bay Academy', aliases: ['CBA', 'Corran Bay'], context: ['Lowther'], exclude: [] };
  const mks: MatchableSchool = { name: 'Moss Kennet School', aliases: ['MKS', 'Moss Kennet'], context: ['Ashby'], exclude: [] };
  it('a chat abbreviation in lower case ("cba with school") is not the school; the initials in capitals with school life are', () => {
    expect(m('cba with school tmrw, double maths first thing', cba)).toBe(false);
    expect(m('CBA maths homework is due tmrw, anyone done it?', cba)).toBe(true);
  });
  it('initials followed by units of measure are the units; the same initials with pupils are the school', () => {
    expect(m('Why do the old physics textbooks still use MKS units for mechanics?', mks)).toBe(false);
    expect(m('MKS physics pupils got their mock results back today', mks)).toBe(true);
  });
  it('cycling or driving through a name is a place; a son who goes there is the school', () => {
    expect(m('Moss Kennet? I cycle through it every Sunday, lovely little spot', mks)).toBe(false);
    expect(m('Moss Kennet? My son goes there, the staff are lovely', mks)).toBe(true);
  });
});

describe('round 7: community groups, its own town before its name, clubs written short', () => {
  const kelby: MatchableSchool = { name: 'Kelby Moor Academy', aliases: ['Kelby Moor'], context: ['Ashwick'], exclude: [] };
  const aidan: MatchableSchool = { name: "St Ethel's CofE Primary School", aliases: ["St Ethel's"], context: ['Copley Green'], exclude: [] };
  it('"<name> Community Chat |" is the place\'s group: school life makes it the school, a plumber does not', () => {
    expect(m('Kelby Moor Community Chat | the janny at the school found my lad\'s inhaler and ran it up to PE', kelby)).toBe(true);
    expect(m('Kelby Moor Community Chat | anyone know a good plumber? boiler\'s gone again', kelby)).toBe(false);
    expect(m('Kelby Moor Mums | the most judgemental bunch I have ever stood next to', kelby)).toBe(true);
  });
  it('its own town before its name ("Copley Green\'s St Ethel\'s") is no longer proper name', () => {
    expect(m("Copley Green's St Ethel's is lovely but wraparound care ends at 5", aidan)).toBe(true);
    expect(m("The ferry to Port St Ethel's is off again", aidan)).toBe(false);
  });
  it('a working men\'s club or boxing club written short after the name is that club', () => {
    expect(m('Quiz night at Kelby Moor WMC tonight, £1 a head 🍻', kelby)).toBe(false);
    expect(m('Kelby Moor ABC lads took three golds at the novice champs', kelby)).toBe(false);
    expect(m('Kelby Moor Year 8 lads took three golds at the county champs', kelby)).toBe(true);
  });
  it('"nothing to do with the <its town> one" places the name elsewhere', () => {
    expect(m("St Ethel's in Fenby (nothing to do with the Copley Green one) is closing in July", aidan)).toBe(false);
    expect(m("St Ethel's in Copley Green is closing its nursery class in July", aidan)).toBe(true);
  });
});

describe('round 7: a titled adult by surname is the school\'s own people for a shared name', () => {
  it('"PVA … Mr Okoro doing the floss" is the school; "PVA … share price" with a Mr is still a bank\'s', () => {
    expect(m('whoever runs the PVA instagram is a genius, that video of Mr Okoro doing the floss 😭', pellingham)).toBe(true);
    expect(m('whoever runs the PVA instagram is a genius, that video of a dog doing the floss 😭', pellingham)).toBe(false);
    expect(m('PVA share price slumped after Mr Okoro stepped down as chief executive', pellingham)).toBe(false);
  });
});

describe('round 7: walks and pub food are other senses of a distinctive name', () => {
  const tolven: MatchableSchool = { name: 'Tolvenor Academy', aliases: ['Tolvenor'], context: ['Penmarrow'], exclude: [] };
  it('a sunrise from a fell top or a Sunday roast is the place; a detention is the school', () => {
    expect(m('Cracking sunrise from Tolvenor this morning, only me and two fell runners up there', tolven)).toBe(false);
    expect(m('Tolvenor does a decent Sunday roast now they have a new chef', tolven)).toBe(false);
    expect(m('Tolvenor gave my lad a detention this morning for his shoes', tolven)).toBe(true);
  });
});

describe('round 7: a child\'s welfare and placement are school life for a shared name', () => {
  it('"he\'s at the Vale … sees the CAMHS nurse" and "where they send" are the school; "the Vale … live music" the pub', () => {
    expect(m('found a bag on the 22, it belongs to a lad at the Vale, says he sees the CAMHS nurse Tuesdays', pellingham)).toBe(true);
    expect(m('the Vale is where they send the ones nobody else will have', pellingham)).toBe(true);
    expect(m('the Vale has live music on Tuesdays, found a bag there last week', pellingham)).toBe(false);
  });
});

describe('review 7: weighing a shared name repeated in one long item stays linear', () => {
  it('"cba with the PVA units" × 4000 weighs at most 64 uses of the name, each against the item\'s cues', () => {
    for (const n of [1000, 4000]) {
      const text = 'cba with the PVA units '.repeat(n);
      const before = MATCH_WORK.weighedCues;
      expect(m(text, pellingham)).toBe(false);
      // each weighing reads every cue once; the cues grow with the text, the weighings do not
      expect(MATCH_WORK.weighedCues - before).toBeLessThanOrEqual(64 * 2 * n);
    }
  });
});

describe('review 7: "<initials> head is useless" is the school\'s head', () => {
  it('a head who "is" or "was" something is a headteacher; heading to the pub is not', () => {
    expect(m('PVA head is useless, sack her', pellingham)).toBe(true);
    expect(m("the Vale head's a clown", pellingham)).toBe(true);
    expect(m('Gonna head to the Vale tonight for the quiz 🍻', pellingham)).toBe(false);
  });
});

describe('review 7: a family outing to a same-named theatre is the theatre', () => {
  it('"took the kids to see … at the Vale" and a season "on till January" are the theatre; Year 2\'s play there is the school', () => {
    expect(m('Took the kids to see Matilda at the Vale, brilliant show', pellingham)).toBe(false);
    expect(m('The Vale panto is on till January, the kids loved it', pellingham)).toBe(false);
    expect(m("Our kids' Christmas play at the Vale was lovely, well done Year 2", pellingham)).toBe(true);
  });
});
