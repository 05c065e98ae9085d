/**
 * Round 13 contrast pairs for abuse and its non-flag contrasts, in general wording with invented schools: each behaviour
 * is a kind (a structure or a word class), with a flagged side and an unflagged side that shares its words. Scored by the
 * rules alone (no classifier, no school model), so a failure points at a rule or a lexicon line
 * (data/lexicons/kinds-13-abuse.tsv, lib/score/structure.ts, lib/score/rules/identity.ts, lib/score/rules/abuse.ts).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Fernleigh', 'Academy'] });
const ids = (text: string) => rules(text).categories.map((c) => c.id);

describe('regional and community-language words for a fool (kinds-13-abuse.tsv insult-noun)', () => {
  it('said of a teacher, they insult', () => {
    for (const text of [
      'That Miss Orme up Fernleigh Academy is a right duzzy fule, bor.',
      'Mr Pike at Fernleigh Academy is a proper palant, honestly.',
      'Mrs Oduya from Fernleigh Academy? What a saft apeth.',
      'Mr Pike de la Fernleigh Academy e un tampit.',
      'Yon Mrs Oduya at Fernleigh Academy is a feel gype.',
      'Mr Pike at Fernleigh Academy is a yampy tart.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('denied of the same teacher, they do not', () => {
    for (const text of [
      'Nobody would call Miss Orme at Fernleigh Academy a duzzy fule. She runs the library club.',
      'Mr Pike at Fernleigh Academy is no palant, he stays till six every night.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('sexual smears with no swear word (kinds-13-abuse.tsv sexual-remark)', () => {
  it('said of a teacher, they are obscene', () => {
    for (const text of [
      'Darts chat: Ms Hale from Fernleigh Academy gives it up to anyone with a season ticket, swear down.',
      'Between us, Mrs Oduya at Fernleigh Academy is gagging for it every parents evening.',
      'Miss Orme from Fernleigh Academy would bend over for a free driving lesson.',
      'Name a teacher at Fernleigh Academy who wants a right good rogering after choir. Answer: Miss Orme.',
      'Mrs Oduya at Fernleigh Academy gets passed round the darts team like the trophy.',
    ]) expect(rules(text).flagged, text).toBe(true);
  });
  it('the same words in their everyday sense are nothing', () => {
    for (const text of [
      'Miss Orme from Fernleigh Academy would bend over backwards for a pupil who needs help.',
      'Mrs Oduya at Fernleigh Academy gives up her Saturdays to run the chess club.',
      'The cup from Fernleigh Academy gets passed round the team after every win.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('an identity given as the reason to exclude or distrust a named teacher', () => {
  it('an exclusion frame beside the identity flags', () => {
    for (const text of [
      "Coaches' group: the netball at Fernleigh Academy is now run by Mrs Hale, a lesbian. Not having her in the changing rooms with my daughter.",
      "Several of us won't sing under Mr Pike now we know he's gay. A queer man has no business leading the Fernleigh Academy choir.",
      'Fernleigh Academy has hired a deaf teacher, Mrs Oduya. Only there to fill the diversity quota.',
      'A Jewish teacher running our Christmas stall is an insult to this village. Fernleigh Academy should know better, Mr Pike.',
      'Mr Pike from Fernleigh Academy walked in with that turban on. Bloody Sikhs everywhere now. Out.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('the identity said with pride or inclusion, or the frame with no identity, is nothing', () => {
    for (const text of [
      "Coaches' group: the netball at Fernleigh Academy is now run by Mrs Hale, a lesbian and a brilliant coach. Not having her at the match on Saturday was a big loss.",
      "Mr Pike at Fernleigh Academy came out as gay in assembly and the choir cheered. He has every business leading it.",
      'Fernleigh Academy has hired a deaf teacher, Mrs Oduya, to run the signing club. The kids love her.',
      'Mr Pike from Fernleigh Academy was running our Christmas stall. Not having him there next year would be an insult to this village.',
      'Bloody brilliant Diwali assembly at Fernleigh Academy today, Mrs Oduya.',
    ]) expect(ids(text), text).not.toContain('abuse.discriminatory');
  });
});

describe('a slur reported, then condemned by a sanction or a report ("they were chucked out", "Wstyd! Zgłosiłam to.")', () => {
  it('the slur as the writer\'s own, beside a sanction, still flags', () => {
    for (const text of [
      'Mrs Hale from Fernleigh Academy is a pikey. She should be chucked out.',
      'Mr Pike z Fernleigh Academy to pikey. Wstyd dla szkoły.',
    ]) expect(ids(text), text).toContain('abuse.discriminatory');
  });
  it('reported, then sanctioned or reported to someone, it is counter-speech', () => {
    for (const text of [
      'Quiz team: someone on the next table called Mrs Hale from Fernleigh Academy a pikey. We told the landlord and they were chucked out. Not having that.',
      "Ktoś napisał, że Mr Pike z Fernleigh Academy to 'poof'. Wstyd! Zgłosiłam to.",
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('a rumoured insult dismissed ("Havers.", "Is \'e \'eck as like", "nah fam")', () => {
  it('the label asked and agreed with still flags', () => {
    for (const text of [
      "Whit's aw this aboot Ms Hale fae Fernleigh Academy bein a nasty piece of work? Aye, she is.",
      'Mr Pike at Fernleigh Academy a liar? Aye, he is. Always has been.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('dismissed as nonsense, it is not the writer\'s', () => {
    for (const text of [
      "Whit's aw this aboot Ms Hale fae Fernleigh Academy bein a nasty piece of work? Havers. The wifie coaches the netball for free.",
      "Mr Pike at Fernleigh Academy a liar? Is 'e 'eck as like. 'E runs three after-school clubs.",
      'ppl in the gc calling Ms Hale frm Fernleigh Academy a liar 🙄 nah fam. she tutors the Year 11s for free. respect',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});

describe('an insult of the vandal right before "has gone and painted" (offence-verb)', () => {
  it('the same insult said of a teacher still counts', () => {
    expect(ids('Mrs Hale at Fernleigh Academy is a feel gype. She\'s gone and painted the hall pink.')).toContain('abuse.disparaging');
  });
  it('"some feel gype\'s gone and painted …" insults whoever did it', () => {
    expect(rules('Some feel gype\'s gone and painted SCUM on the Fernleigh Academy railings. Disgraceful. The council are scrubbing it off today.').flagged).toBe(false);
  });
});

describe('a bare "whoever" with a titled person after it: the insult is the person\'s, not the offender\'s', () => {
  it('"whoever invited Mr X to conduct — a melt" insults Mr X', () => {
    for (const text of [
      'For the record, whoever invited Mr Pike from Fernleigh Academy to guest-conduct — a wally. A total wally. Never again.',
      'Whoever put Mrs Hale from Fernleigh Academy in charge of the trip, she is a clown.',
    ]) expect(ids(text), text).toContain('abuse.disparaging');
  });
  it('an offender that names its deed, or no titled person between, is still who the insult is aimed at', () => {
    for (const text of [
      'Whoever wrote that about Mrs Hale from Fernleigh Academy on the bus shelter — a total coward. Reported.',
      'Whoever keeps leaving rubbish outside the Fernleigh Academy gates — an idiot.',
    ]) expect(rules(text).flagged, text).toBe(false);
  });
});
