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
    expect(m('BFA showcase next week, come and say hi', brackley)).toBe(true);
    expect(m('BFA showcase next week (Bradford Folk Alliance), come and say hi', brackley)).toBe(false);
    expect(m('Bristol Film & Arts (BFA) showcase starts Friday, come along', brackley)).toBe(false);
    expect(m('BFA (Brackley Fen Academy) showcase next week, come and say hi', brackley)).toBe(true);
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
