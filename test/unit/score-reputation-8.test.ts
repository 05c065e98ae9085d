/**
 * Contrast pairs for the reputation kinds of round 8 (data/lexicons/kinds-8-reputation.tsv, rules/reputation.ts): news
 * events that hurt a school which the older cues left to the words alone. Each behaviour has a side the rules find at
 * the rule-backed level (0.5 or more, so the model's rule-backed threshold applies) and a side sharing its words that
 * they do not. Scored by the reputation rules alone, so a failure points at a rule or a lexicon line. The schools and
 * sentences are invented for this test; the kinds come from the misses of the spent sets blind-2026-12-01c, heldout-g
 * and the training corpora (their wording is not reused).
 */
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../lib/score/document';
import { reputationRules } from '../../lib/score/rules/reputation';

/** The reputation categories the rules find at 0.5 or more. */
const found = (text: string) => reputationRules(buildDoc('', text)).filter((f) => f.confidence >= 0.5).map((f) => f.category);

describe('a member of staff in the justice system, in any register', () => {
  it('"got charged", "charged by police", "remains in custody", "awaiting trial" are a sanction', () => {
    for (const text of [
      "wait the drama teacher at Fernbrook got charged?? it's all over the village group",
      'A teaching assistant at Fernbrook Academy has been charged by police after an incident on a school trip.',
      'A Fernbrook Academy caretaker, held after a search of his flat, remains in custody.',
      'The former Fernbrook bursar is awaiting trial over missing lettings income.',
    ]) expect(found(text), text).toContain('reputation.sanction');
  });
  it('a price charged to parents is not', () => {
    for (const text of [
      'we got charged £20 for the Fernbrook coach and it never even turned up',
      'Parents got charged twice for the Fernbrook panto tickets, the office is sorting refunds.',
    ]) expect(found(text), text).not.toContain('reputation.sanction');
  });
});

describe('a body looking into the school, in loose wording', () => {
  it('"the council sniffing round", "HM Revenue and Customs sniffing around": a body beside the verb', () => {
    for (const text of ['Ooh, the council sniffing round Fernbrook Academy again.', 'HM Revenue and Customs are sniffing around Fernbrook over the payroll, apparently.']) {
      expect(found(text), text).toContain('reputation.investigation');
    }
  });
  it('a dog sniffing round the bins is no investigation', () => {
    expect(found('Our spaniel was sniffing round the Fernbrook bins again this morning.')).not.toContain('reputation.investigation');
  });
});

describe('protest and strikes by the school community', () => {
  it('pupils walking out, staff voting to strike, a vote of no confidence, a protest in Portuguese', () => {
    for (const text of [
      'Half of Year 10 at Fernbrook walked out in protest at the new toilet rules.',
      'Staff at Fernbrook Academy have voted to strike over the new behaviour policy.',
      'Fernbrook parents passed a vote of no confidence in the governors last night.',
      'Amanhã manifestação à porta da Fernbrook Academy, tragam cartazes.',
    ]) expect(found(text), text).toContain('reputation.protest');
  });
  it('a strike by others, or walking out of a room, is not', () => {
    for (const text of ['The bus drivers are on strike so Fernbrook pupils will be late all week.', 'The Fernbrook choir walked out on stage to a standing ovation.']) {
      expect(found(text), text).not.toContain('reputation.protest');
    }
  });
});

describe('a building shut as unsafe, restraint of a pupil, a closure threat, a poor parents poll', () => {
  it('each is an incident at the rule-backed level', () => {
    for (const text of [
      'The Fernbrook science block has been deemed unsafe and shut after RAAC was found in the roof.',
      'Fernbrook restrained my 8 year old face down in the corridor and nobody rang me.',
      'Fernbrook Primary faces closure after pupil numbers fell to 38.',
      "Fernbrook's sixth form could close unless numbers rise, a report to the trust board says.",
      'The Fernbrook pool will close permanently in June, the council confirmed.',
      'In the council survey, 61% of Fernbrook parents said they would not recommend the school.',
    ]) expect(found(text), text).toContain('reputation.criticism');
  });
  it('the same words in their everyday sense are not', () => {
    for (const text of [
      'She restrained her excitement when Fernbrook won the county cup.',
      'The Fernbrook science block has been repainted and is open again after half term.',
      'Fernbrook Primary faced the closing ceremony with a song from Year 2.',
      'The Fernbrook car park could close for resurfacing over Easter.',
    ]) expect(found(text), text).not.toContain('reputation.criticism');
  });
});
