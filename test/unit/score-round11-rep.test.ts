/**
 * Round 11 contrast pairs for reputation kinds, in general wording with invented schools: each behaviour is a kind (a
 * structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the rules alone
 * (no classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-11-rep.tsv,
 * rules/reputation.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);
const rep = (text: string, title = '') => ids(text, title).filter((c) => c.startsWith('reputation.'));

describe('a person at the school "was charged" is a criminal charge', () => {
  it('a titled name, a staff role or a person in the news before a passive "charged"', () => {
    for (const text of [
      'Taxi rank gossip: Mr Pellow from Brackenfield Academy was charged yesterday, the police put out a statement.',
      'Scout hut notice: you may have read that a lunchtime supervisor at Brackenfield Academy has been charged. Speak to a leader if worried.',
      'Mrs Odell, a music coordinator at Brackenfield Academy, was picked up by the police and charged, the paper says.',
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('a price, a battery or a charge denied is not', () => {
    for (const text of [
      'Taxi rank gossip: Mr Pellow from Brackenfield Academy was charged £12 for the ride home, cheeky.',
      'Scout hut notice: the tablets a leader at Brackenfield Academy lent us have been charged overnight, collect them Friday.',
      'Mrs Odell, a music coordinator at Brackenfield Academy, was charged for the extra coach seat, the office says.',
      'Mr Pellow at Brackenfield Academy was questioned but was not charged, the police said, and he is back at work.',
    ]) expect(rep(text), text).not.toContain('reputation.sanction');
  });
});

describe('an investigating body named in one sentence and a pronoun for it in the next', () => {
  it('"the council were at the school all morning. It\'s investigating something" is an investigation', () => {
    for (const text of [
      'Bus stop talk: the council were at Brackenfield Academy all day, three cars outside. It is investigating something, the whole town knows.',
      "Heard at the gym: the council's safeguarding team were at Brackenfield Academy first thing. They're investigating something serious.",
      'Och, the council are lookin\' intae Brackenfield Academy, so they are. It was in the paper.',
    ]) expect(ids(text), text).toContain('reputation.investigation');
  });
  it('the body visiting or the pronoun for something else is not', () => {
    for (const text of [
      'Bus stop talk: the council were at Brackenfield Academy all day, three cars outside. It was the new crossing, they are painting the lines.',
      'Och, the council are lookin\' at a new bus route past Brackenfield Academy, so they are.',
    ]) expect(rep(text), text).not.toContain('reputation.investigation');
  });
});

describe('a regulator opens a case into the school', () => {
  it('a compliance case opened is an investigation', () => {
    expect(ids('The Charity Commission has opened a compliance case into the trustees of Brackenfield Academy over a loan to a governor\'s firm.')).toContain('reputation.investigation');
  });
  it('a case of books opened is not', () => {
    expect(rep('The librarian at Brackenfield Academy opened a case of new books from the charity shop.')).not.toContain('reputation.investigation');
  });
});

describe('a family taking someone to court over the school', () => {
  it('taking the school or the council to court is legal action', () => {
    for (const text of [
      'The parents of a pupil at Brackenfield Academy are taking the county council to court, claiming their son was hurt at school repeatedly.',
      'Forty families are taking Brackenfield Academy to court over the fees rise.',
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('a tennis court or a trip to the court building is not', () => {
    for (const text of [
      'Brackenfield Academy PE staff are taking Year 8 to the tennis courts after lunch.',
    ]) expect(rep(text), text).not.toContain('reputation.sanction');
  });
});

describe('a protest said not to have happened', () => {
  it('a walk-out planned is a protest', () => {
    expect(ids('Pupils at Brackenfield Academy are planning a walk-out on Monday over the new phone ban.')).toContain('reputation.protest');
  });
  it('"there was no walk-out in the end", "the protest was called off" are not', () => {
    for (const text of [
      'There was no walk-out in the end. The head met the pupils at Brackenfield Academy and they agreed a compromise on the phone ban.',
      'The protest at Brackenfield Academy was called off after the head met parents on Friday.',
    ]) expect(rep(text), text).not.toContain('reputation.protest');
  });
});

describe('a reputation story put in the past or shared again', () => {
  it('the story told now is news', () => {
    for (const text of [
      'Brackenfield Academy has been placed in special measures, the report published this week says.',
      'The inquiry into abuse at Brackenfield Academy has named the school, which apologised today.',
    ]) expect(rep(text).length, text).toBeGreaterThan(0);
  });
  it('"shared again - that was 2019", "the inquiry was about the 80s" are not', () => {
    for (const text of [
      'The post about Brackenfield Academy being in special measures is being shared again - that was 2019, they are rated good now. Stop sharing old stuff.',
      'That inquiry was about the 70s and Brackenfield Academy has been completely different since. My two have been there five years without a single worry.',
    ]) expect(rep(text), text).toEqual([]);
  });
});

describe('an alarm said to be a precaution', () => {
  it('police called to a lockdown is an incident', () => {
    expect(rep('Police were called to Brackenfield Academy this morning and the school was on lockdown after reports of a knife.').length).toBeGreaterThan(0);
  });
  it('pupils taken to hospital "as a precaution" are still harmed', () => {
    expect(rep('Three Year 9 pupils at Brackenfield Academy were taken to hospital as a precaution after a gas leak in the science block.').length).toBeGreaterThan(0);
  });
  it('"it wasn\'t a knife … police were called as a precaution" is not', () => {
    expect(rep("It wasn't a knife. Brackenfield Academy has written to parents: it was a plastic prop from drama, police were called as a precaution and nobody was hurt.")).toEqual([]);
  });
});

describe('a grade the writer calls unfair', () => {
  it('a grade given is a poor inspection', () => {
    expect(ids('Letter: Brackenfield Academy was put in special measures. Sir, Ofsted spent two days at the school last month.')).toContain('reputation.inspection');
  });
  it('"special measures was unfair" is a verdict on the inspectorate', () => {
    expect(rep('Letter: special measures was unfair. Sir, Ofsted spent two days at Brackenfield Academy and wrote off years of work. The inspectorate answers to no one.')).not.toContain('reputation.inspection');
  });
});

describe('a rumour called a fabrication', () => {
  it('the rumour told as fact is an accusation', () => {
    expect(ids('Someone posted that Mr Pellow from Brackenfield Academy pockets the trip money for himself.')).toContain('abuse.disparaging');
  });
  it('"utter fabrication" rebuts it', () => {
    expect(ids('Someone posted that Mr Pellow from Brackenfield Academy pockets the trip money for himself. Utter fabrication; the admins pulled it.')).not.toContain('abuse.disparaging');
  });
});

describe("a reply's title names the topic its body answers", () => {
  it('a reply that tells the protest or the alarm happened keeps it', () => {
    expect(ids('Yes, the walk-out went ahead, about 200 pupils stood on the field at Brackenfield Academy for an hour.', 'Re: Brackenfield walk-out')).toContain('reputation.protest');
    expect(rep('Police were called and Brackenfield Academy was locked down for two hours after a pupil was seen with a knife.', 'Re: lockdown at Brackenfield').length).toBeGreaterThan(0);
  });
  it('a reply that says it did not happen or was a precaution clears its title too', () => {
    expect(rep('There was no walk-out in the end. The head met the pupils at Brackenfield Academy and they agreed a compromise.', 'Re: Brackenfield walk-out')).toEqual([]);
    expect(rep("It wasn't a knife. Brackenfield Academy has written to parents: it was a plastic prop from drama, police were called as a precaution and nobody was hurt.", 'Re: lockdown at Brackenfield')).toEqual([]);
  });
});

describe('a television crew filming outside the school', () => {
  it('for an investigative programme it is news against the school', () => {
    expect(ids("ITV were filming outside Brackenfield Academy this morning. Word is it's for an undercover documentary about exclusions. Parents were being stopped on the way out.")).toContain('reputation.criticism');
  });
  it('a crew filming the choir, or filming with no investigative programme, is not', () => {
    for (const text of [
      'ITV were filming inside Brackenfield Academy this morning for a feature on the choir. The children were brilliant.',
      'A film crew outside Brackenfield Academy today, they are shooting a period drama on the green.',
    ]) expect(rep(text), text).not.toContain('reputation.criticism');
  });
});

describe('a headline charge with no verb of being', () => {
  it('"… head of Year 9 CHARGED", "… invigilator charged after …" are a criminal charge', () => {
    for (const text of [
      'Brackenfield Academy head of Year 9 CHARGED',
      'Brackenfield Academy exams invigilator charged after city centre incident',
    ]) expect(ids(text), text).toContain('reputation.sanction');
  });
  it('a device, or a charge denied, is not', () => {
    for (const text of [
      'Brackenfield Academy Year 9 laptops all charged.',
      'Brackenfield Academy head of Year 9 questioned, not charged.',
    ]) expect(rep(text), text).not.toContain('reputation.sanction');
  });
});
