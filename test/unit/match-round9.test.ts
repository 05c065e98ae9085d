/**
 * Round 9 of the mention decision (issue 11): studied on the spent blind sets (to blind-2026-12-01d) and corpora a–ap.
 * Each case a contrast in words of its own (invented schools, people and places, not the sets').
 */
import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school).mentioned;

describe('round 9: handles as school accounts write them', () => {
  const fernvale: MatchableSchool = { name: 'Ferncliffe Vale Academy', aliases: ['Ferncliffe Vale', 'FVA'], context: ['Oldmere'], exclude: [] };
  const dunmore: MatchableSchool = { name: 'Dunmore Grammar School', aliases: [], context: ['Ashby Lees'], exclude: [] };
  const eryr: MatchableSchool = { name: 'Ysgol Gyfun Nant Eryr', aliases: ['Nant Eryr'], context: ['Llanhelyg'], exclude: [] };
  const hollies: MatchableSchool = { name: 'The Hollies CofE Primary School', aliases: ['The Hollies', 'The Hollies Marston'], context: ['Marston'], exclude: [] };
  it('initials with a handle word after them are the school\'s account; with another word they are someone else\'s', () => {
    expect(m('@fvaofficial answer your phones, my son has been waiting on his timetable for a week', fernvale)).toBe(true);
    expect(m('@fvaracing new livery for the season looks mint', fernvale)).toBe(false);
  });
  it('a hashtag of the derived initials in capitals is the school; in lower case it is not', () => {
    expect(m('another lunchtime detention for a missing tie, unreal #DGS', dunmore)).toBe(true);
    expect(m('another lunchtime detention for a missing tie, unreal #dgs', dunmore)).toBe(false);
  });
  it('the kinds\' initials before the name in a handle are the school\'s account; a brewery\'s prefix is not', () => {
    expect(m('@YGNantEryr why is nobody answering at reception, my daughter left her inhaler at home', eryr)).toBe(true);
    expect(m('@BragdyNantEryr new pale ale on tap this weekend', eryr)).toBe(false);
  });
  it('a handle may drop "The" of the name; the same words with a club after them are the club', () => {
    expect(m('@HolliesMarston your Year 2 teacher was brilliant at the nativity', hollies)).toBe(true);
    expect(m('@HolliesMarstonFC 3-1 win away at Copley, three points', hollies)).toBe(false);
  });
});

describe('round 9: initials after a possessive are someone\'s role or thing, not the school', () => {
  const tallowby: MatchableSchool = { name: 'Tallowby Academy', aliases: ['Tallowby', 'TA'], context: ['Fernside'], exclude: [] };
  const marrick: MatchableSchool = { name: 'Marrick Hill Academy', aliases: ['Marrick Hill'], context: ['Stainby'], exclude: [] };
  it('"my TA" is a teaching assistant; "TA" opening the sentence with its pupils is the school', () => {
    expect(m('my TA stayed late to help with the Year 9 maths coursework, what a star', tallowby)).toBe(false);
    expect(m('TA stayed late to help the Year 9s with their maths coursework, what a school', tallowby)).toBe(true);
  });
  it('"our MHA" is a housing association\'s; "the MHA Year 8s" is the school\'s', () => {
    expect(m('our MHA rep came round about the damp, the kids\' bedroom is black with mould', marrick)).toBe(false);
    expect(m('the MHA Year 8s were brilliant at the concert, proud of the kids', marrick)).toBe(true);
  });
});

describe('round 9: a result against a side named by its town is a club\'s', () => {
  const pennant: MatchableSchool = { name: 'Ysgol Gyfun Cwm Pennant', aliases: ['Cwm Pennant'], context: ['Llanwenog'], exclude: [] };
  const ardlow: MatchableSchool = { name: 'Ardlow High School', aliases: ['Ardlow'], context: ['Ballykeel'], exclude: [] };
  it('"Cwm Pennant 19 Aberdulais 12" is the town\'s rugby club; "Cwm Pennant 19 points clear in the house cup" is the school', () => {
    expect(m('Cwm Pennant 19 Aberdulais 12, mud everywhere, front row immense', pennant)).toBe(false);
    expect(m('Cwm Pennant Year 9 are 19 points clear in the house cup, da iawn pawb', pennant)).toBe(true);
  });
  it('"Ardlow 2 – 1 Carnmore" is a club; "Ardlow 2 – 1 St Colman\'s" is the school\'s team against another school', () => {
    expect(m('Ardlow 2 – 1 Carnmore, three points and top of the league', ardlow)).toBe(false);
    expect(m('Ardlow 2 – 1 St Colman\'s in the schools cup, well done to the Year 10 girls', ardlow)).toBe(true);
  });
});

describe('round 9: short names that another body\'s longer name contains', () => {
  const hebog: MatchableSchool = { name: 'Ysgol Bryn Hebog', aliases: ['Bryn Hebog', 'Ysgol Bryn'], context: ['Llanerchydd'], exclude: [] };
  const kilmory: MatchableSchool = { name: 'Kilmory Academy', aliases: ['the Academy'], context: ['Portbeag'], exclude: [] };
  it('"Ysgol Bryn" cut short from the name is another school when a capitalised word follows it', () => {
    expect(m('Ysgol Bryn Gwyn placed in special measures after the Estyn visit', hebog)).toBe(false);
    expect(m('Ysgol Bryn put on a brilliant eisteddfod today, the Year 4s sang beautifully', hebog)).toBe(true);
  });
  it('"the academy" in an item naming a dance academy is that academy; alone with pupils it is the school', () => {
    expect(m('Portbeag Academy of Dance showcase on Saturday. The academy has run classes for twenty years, tickets £5', kilmory)).toBe(false);
    expect(m('The Academy showcase on Saturday, the S3 pupils have been rehearsing for weeks', kilmory)).toBe(true);
  });
});

describe('round 9: a village\'s community page and a group chat after the name', () => {
  const ashfold: MatchableSchool = { name: 'Ashfold CofE Primary School', aliases: ['Ashfold'], context: ['Church Lane'], exclude: [] };
  const brackwell: MatchableSchool = { name: 'Brackwell Academy', aliases: ['Brackwell'], context: ['Lowton'], exclude: [] };
  it('"Ashfold Village Noticeboard" with school life is the school\'s community; with the village hall it is not', () => {
    expect(m('Miss Pennock at the school has been off since half term, the Reception kids have had supply all week', ashfold, 'Ashfold Village Noticeboard')).toBe(true);
    expect(m('Village hall coffee morning moved to Thursday, bring cakes for the raffle', ashfold, 'Ashfold Village Noticeboard')).toBe(false);
  });
  it('"the brackwell gc" in chat is a group chat of its pupils; "Brackwell GC" is a golf club', () => {
    expect(m('whoever keeps posting ms amin\'s insta in the brackwell gc is getting reported to head of year', brackwell)).toBe(true);
    expect(m('Brackwell GC fourball on Sunday, greens were like glass', brackwell)).toBe(false);
  });
});
