/**
 * Round 8 contrast pairs for the abuse kinds, in general wording with invented schools: each behaviour is a kind (a
 * structure), with a flagged side and an unflagged side that shares its words. Scored by the rules alone (no classifier,
 * no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-8-abuse.tsv).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string) => scoreItem({ title: '', text }, undefined, { classifier: false });
const ids = (text: string) => rules(text).categories.map((c) => c.id);

describe('an outside body told about an insult is not the one insulted', () => {
  it('an insult of a member of staff with "I have told the council" after it still counts', () => {
    for (const text of [
      "The escort on the Brackenfield Academy bus told my son to shut up. She's a nasty bitch and I've told the council.",
      "Mrs Pelham at Brackenfield Academy shouts at the kids. She's a vile cow, I complained to the council about her.",
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('an insult aimed at the council itself is still the council\'s, not the school\'s', () => {
    for (const text of [
      'Brackenfield Academy parents: the council are a bunch of clowns over the bus passes.',
      "I've told the council they are useless clowns over the Brackenfield Academy bus passes.",
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('a hiding in a match is a defeat, not a beating', () => {
  it('"getting a hiding" said of a person is a threat', () => {
    for (const text of [
      'Mr Dunmore at Brackenfield Academy is getting a hiding when I see him.',
      'That PE teacher at Brackenfield Academy is getting a hiding, mark my words.',
    ]) expect(ids(text), text).toContain('abuse.threat');
  });
  it('"getting a hiding" in a sentence about a match is not', () => {
    for (const text of [
      'The Brackenfield Academy rugby lads are getting a hiding from Moorside this afternoon, 40-3 at half time.',
      'Brackenfield Academy netball team getting a hiding in the cup final, come on girls!',
    ]) expect(ids(text), text).not.toContain('abuse.threat');
  });
});

describe('a sexual remark about someone at the school is obscene without a swear word', () => {
  it('a sexual act or demand described of a named member of staff', () => {
    for (const text of [
      'Brackenfield Academy staff photo is out. Mrs Pelham? wanks off in the stock cupboard at lunch.',
      'Mate reckons Miss Kestle at Brackenfield Academy can sit on my face any day.',
      'Miss Kestle at Brackenfield Academy needs a proper rogering to sort her attitude out.',
    ]) expect(ids(text), text).toContain('abuse.obscene');
  });
  it('the same words with nobody at the school as their subject, or negated, are not', () => {
    for (const text of [
      'Brackenfield Academy sixth form comedy night: the headline act did a whole bit about a dog that can sit on my face, grim.',
      'Nobody said Mrs Pelham at Brackenfield Academy needs a proper rogering, that was a troll account quoting a film.',
    ]) expect(ids(text), text).not.toContain('abuse.obscene');
  });
});

describe('a comparison insult for a fool or a useless person', () => {
  it('said of a member of staff', () => {
    for (const text of [
      'Dr Whitlow up Brackenfield Academy? dafter than a brush. Nowt else to add.',
      'Miss Kestle at Brackenfield Academy is about as much use as a chocolate teapot.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('denied of them, it is not', () => {
    for (const text of ["Mr Dunmore at Brackenfield Academy is not as much use as a chocolate teapot, whatever the group says, he's brilliant."]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});

describe('an invitation to act on an exposed address or number', () => {
  it('"pay a visit", "ye know what tae do", "do with it what you like" beside a home address or a mobile', () => {
    for (const text of [
      'Mr Dunmore from Brackenfield Academy lives at 14 Larch Close. Pay a visit, I have done my bit.',
      "07700 900512 is Mrs Pelham's own phone. Brackenfield Academy. Ye know what tae do.",
      "Brackenfield Academy's business manager won't listen, so his personal mobile is 07700 900512. Do with it what you like.",
    ]) expect(ids(text), text).toContain('abuse.harassment');
  });
  it('the same words with no address or number, or with a kind purpose, are not', () => {
    for (const text of [
      'The Brackenfield Academy Christmas fair is on Saturday, pay a visit if you can.',
      'Mrs Pelham at Brackenfield Academy retires on Friday, she lives at 14 Larch Close, drop off a card and pay a visit, she would love that.',
    ]) expect(ids(text), text).not.toContain('abuse.harassment');
  });
});

describe('religion: a believer called unfit, removed or told to go', () => {
  it('a believer named and a removal said to be due, an ultimatum over a faith\'s dress, or "that kind"', () => {
    for (const text of [
      'A Sikh doing RE at Brackenfield Academy?! Mr Dunmore needs booting out, pronto.',
      'Mrs Pelham parades about Brackenfield Academy in a hijab. Disgusting. Bin it or leave.',
      'Brackenfield Academy has gone and hired a Muslim. Mr Dunmore. Our bairns deserve better than that kind.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('the faith, the dress or the removal without the hostility is not', () => {
    for (const text of [
      'A Sikh parent did a brilliant RE session at Brackenfield Academy. Mr Dunmore needs a medal for organising it.',
      'Mrs Pelham wore a beautiful hijab to the Brackenfield Academy Eid assembly and the children loved hearing about it.',
      'Brackenfield Academy has hired a Muslim chaplain for the sixth form. Our students deserve the best and she is it.',
      'Mr Dunmore needs booting out of Brackenfield Academy for losing the coursework, it is a disgrace.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('a verdict on the education system is not abuse of the school', () => {
  it('"X is a joke" said of the school or its staff counts', () => {
    for (const text of ['Brackenfield Academy is a joke, they lost the coursework again.', 'Mr Dunmore at Brackenfield Academy is a joke.']) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('said of education in the country as a whole, it does not', () => {
    for (const text of [
      "the grammar near Brackenfield Academy has a rowing club and we don't have a working photocopier. education in this country is a joke",
      'Brackenfield Academy lost three teachers this year. The education system is a joke.',
    ]) expect(ids(text), text).not.toContain('abuse.disparaging');
  });
});
