import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { isValidNiNumber, isValidUpn, findPhones } from '../../lib/score/identifiers';
import type { ScoreResult } from '../../lib/score/types';

const score = (text: string, title = '') => scoreItem({ title, text });
const ids = (r: ScoreResult) => r.categories.map((c) => c.id);

describe('scoreItem: abuse', () => {
  it('flags disparaging remarks about staff', () => {
    const r = score('The head is rude, the reception teacher is lazy and the place is a shambles.');
    expect(r.flagged).toBe(true);
    expect(ids(r)).toContain('abuse.disparaging');
    expect(r.families).toEqual(['abuse']);
  });

  it('flags a threat against a named teacher as high severity', () => {
    const r = score("Mrs Price is a nasty old witch. I'll be having words with her in the car park.");
    const threat = r.categories.find((c) => c.id === 'abuse.threat');
    expect(threat?.severity).toBe('high');
    expect(r.severity).toBe('high');
  });

  it('flags threats to burn the school', () => {
    expect(ids(score("One more detention and I'll burn the place down."))).toContain('abuse.threat');
  });

  it('flags harassment and incitement', () => {
    expect(ids(score('Everyone go and tell her what you think. Make her life hell until she quits.'))).toContain('abuse.harassment');
  });

  it('flags discriminatory language', () => {
    expect(ids(score('Those polish kids should go back where they came from.'))).toContain('abuse.discriminatory');
  });

  it('flags extremist language', () => {
    expect(ids(score('White power, the race war is coming.'))).toContain('abuse.extremist');
  });

  it('flags obscene language', () => {
    expect(ids(score('That school is a shithole, the teachers can fuck off.'))).toContain('abuse.obscene');
  });

  it('flags insulting text scored alone (rules and classifier)', () => {
    const r = scoreItem({ title: '', text: '@user you are such a pathetic excuse for a human being, go away and never come back' }, undefined, { classifierMargin: 0 });
    expect(r.families).toContain('abuse');
  });
});

describe('scoreItem: robustness to how people write', () => {
  it.each([
    ['masked', 'Holy Cross High is a sh*thole and the head is a c*nt'],
    ['leetspeak', 'that school is a sh1thole run by w@nkers'],
    ['spaced letters', 'the teachers there are s h i t and the head is a t w a t'],
    ['stretched', 'fuuuuck this school and its useless teachers'],
    ['zero-width', 'the head is an id\u200Biot and a sc\u200Bum\u200Bbag'],
    ['fancy unicode', 'the teachers are 𝐢𝐝𝐢𝐨𝐭𝐬'],
    ['all caps', 'THE HEAD IS A LIAR AND A BULLY, THE TEACHERS ARE USELESS IDIOTS'],
  ])('catches %s abuse', (_, text) => {
    expect(score(text).families).toContain('abuse');
  });

  it('points evidence at the original obfuscated text', () => {
    const text = 'Honestly the place is a sh*thole.';
    const r = score(text);
    const ev = r.evidence.find((e) => e.category === 'abuse.obscene' || e.category === 'abuse.disparaging')!;
    expect(text.slice(ev.start, ev.end)).toBe('sh*thole');
    expect(ev.text).toBe('sh*thole');
  });

  it.each([
    'Year 11 absolutely killed it at the robotics final!',
    'The Year 6 show was sick 😭 proud mum moment',
    'Staff are absolute legends for running holiday club for free',
    'Our first XV murdered Wendlebury Grammar 45-0, beast mode',
    'The new playground is the bomb, the kids love it',
    'The Les Mis production was bloody brilliant',
    'The drama club were on fire tonight',
  ])('treats praise idioms as praise: %s', (text) => {
    expect(score(text).flagged).toBe(false);
  });

  it.each([
    'The teachers are NOT lazy, they work their socks off.',
    "Honestly it isn't a bad school at all, not bad at all actually.",
    'Our experience has not been bad at all. Strict but fair.',
  ])('respects negation: %s', (text) => {
    expect(score(text).flagged).toBe(false);
  });

  it.each([
    'The homework policy is confusing and communication has been poor. Disappointing.',
    'Pick-up parking is chaotic every morning, they should sort it out.',
    'My son got a detention for forgetting his book. Bit harsh?',
  ])('does not flag fair criticism in ordinary words: %s', (text) => {
    expect(score(text).flagged).toBe(false);
  });

  it("does not treat the school's own quoted statement as abuse", () => {
    const r = score('The headteacher said: "We will not tolerate abuse of our staff, and any threats will be reported to police."');
    expect(r.families).not.toContain('abuse');
  });
});

describe('scoreItem: confidential', () => {
  it('flags a named pupil with a sensitive detail', () => {
    const r = score('The boy in Year 1 who bit my daughter is Oscar Bell, he has ADHD and his dad is in prison.');
    expect(ids(r)).toContain('confidential.pupil-personal');
    expect(r.categories.find((c) => c.id === 'confidential.pupil-personal')?.severity).toBe('high');
  });

  it('treats a name near a class code as a pupil', () => {
    expect(ids(score('Sophie Turner in 10B is pregnant and her mum has kicked her out.'))).toContain('confidential.pupil-personal');
  });

  it('flags staff health details', () => {
    expect(ids(score('Heard Mrs Kowalski is off with breast cancer, parents have not been told.'))).toContain('confidential.staff-personal');
  });

  it('flags a personal phone number (GB, validated)', () => {
    const r = score("The office manager's home number is 01632 960 418, ring her.");
    expect(ids(r)).toContain('confidential.contact-details');
  });

  it('does not flag the school office number', () => {
    expect(score('The school office number is 01632 960 300 for absences.').flagged).toBe(false);
  });

  it('flags personal email addresses but not school ones', () => {
    expect(ids(score("The SENCO's personal email is maria.doyle77@hotmail.co.uk"))).toContain('confidential.contact-details');
    expect(score('Admissions email is admissions@northgate.sch.uk, they reply quickly.').flagged).toBe(false);
  });

  it('flags a home address with postcode', () => {
    const r = score('Ms Reid lives at 22 Linden Way, Westbury WB2 5HN.');
    expect(ids(r)).toContain('confidential.contact-details');
    expect(r.evidence.some((e) => e.text === 'WB2 5HN')).toBe(true);
  });

  it('counts a postcode only with address context', () => {
    expect(score('Bus 42 to WB2 5HN is diverted today.').flagged).toBe(false);
  });

  it('flags dates of birth, NI numbers and UPNs only when valid', () => {
    expect(ids(score('Kid is Harvey Lyons, DOB 14/03/2016.'))).toContain('confidential.contact-details');
    expect(ids(score('Her NI number is JT 48 21 93 B.'))).toContain('confidential.contact-details');
    expect(score('Reference QQ 12 34 56 C on the form.').flagged).toBe(false);
    expect(ids(score('UPN M823201512004 was on the letter.'))).toContain('confidential.contact-details');
    expect(score('Code A823201512004 was on the letter.').flagged).toBe(false);
  });

  it('flags leaked internal matters but not the same words in public news', () => {
    expect(ids(score("Word is the deputy has been suspended. Governors meeting tonight, not announced yet."))).toContain('confidential.internal');
    const news = score('Sports day was suspended because of the heatwave and will be held next week.');
    expect(news.flagged).toBe(false);
  });

  it('flags credentials', () => {
    expect(ids(score('The staff wifi password is KBPstaff#2291, found it on a post-it.'))).toContain('confidential.credentials');
    expect(score('I forgot my password for the parent portal again').flagged).toBe(false);
  });

  it('flags abuse and confidential together', () => {
    const r = score('The head of Year 9, Ms Reid, lives at 22 Linden Way, Westbury WB2 5HN. Go and tell her what you think.');
    expect(r.families).toEqual(['abuse', 'confidential']);
  });
});

describe('scoreItem: reputation', () => {
  it.each([
    ['reputation.inspection', 'Ofsted has rated the school inadequate and placed it in special measures.'],
    ['reputation.protest', 'Dozens of parents gathered outside the school to protest against the merger.'],
    ['reputation.sanction', 'The school has been fined £8,000 after a child was injured.'],
    ['reputation.investigation', 'Police are investigating after a teaching assistant was accused of assault.'],
    ['reputation.apology', 'The school has apologised after a pupil was left behind on a trip.'],
    ['reputation.criticism', "Parents' anger as academy bans phones; some parents have criticised the rule."],
  ])('flags %s', (id, text) => {
    const r = score(text);
    expect(ids(r)).toContain(id);
    expect(r.families).toContain('reputation');
  });

  it('does not flag an improved inspection', () => {
    expect(score('The school is no longer rated requires improvement: Ofsted judged it good in every area.').flagged).toBe(false);
  });
});

describe('scoreItem: explainable, pure, tunable', () => {
  it('gives every category a policy clause, label and reason', () => {
    const r = score('Mr Byrne is a racist pig and should be sacked.');
    expect(r.categories.length).toBeGreaterThan(0);
    for (const c of r.categories) {
      expect(c.policyClause.length).toBeGreaterThan(20);
      expect(c.label).toBeTruthy();
      expect(c.reason).toBeTruthy();
    }
    expect(r.explanation).toMatch(/\w/);
  });

  it('is deterministic', () => {
    const input = { title: 'x', text: 'Mr Byrne is a racist pig, his number is 07700 900123' };
    expect(scoreItem(input)).toEqual(scoreItem(input));
  });

  it('reports evidence offsets into the field they come from', () => {
    const title = 'Threat at the gates';
    const text = 'I will be waiting outside for Mr Ellis after school.';
    const r = scoreItem({ title, text });
    expect(r.evidence.length).toBeGreaterThan(0);
    for (const e of r.evidence) expect((e.field === 'title' ? title : text).slice(e.start, e.end)).toBe(e.text);
  });

  it('flags per-school extra terms', () => {
    const r = scoreItem({ title: '', text: 'Rumours about the minibus again.' }, { extraTerms: ['minibus'], ignore: [] });
    expect(r.flagged).toBe(true);
    expect(ids(r)).toContain('reputation.watch-term');
  });

  it('suppresses per-school ignore words', () => {
    const text = 'Cock Lane sports day was great fun.';
    expect(scoreItem({ title: '', text }, { extraTerms: [], ignore: ['Cock Lane'] }).flagged).toBe(false);
  });

  it('honours a per-school threshold', () => {
    const text = 'The reception teacher is lazy.';
    expect(scoreItem({ title: '', text }).flagged).toBe(true);
    // rules alone (the previous school decision): the insult's own confidence is 0.5
    expect(scoreItem({ title: '', text }, { extraTerms: [], ignore: [], threshold: 0.9 }, { schoolModel: false }).flagged).toBe(false);
    // the school model is far surer than that rule ("X is lazy" about a teacher is abuse in every dev set),
    // so the threshold is compared with the model's confidence, which is below certainty
    const model = scoreItem({ title: '', text }).score;
    expect(model).toBeLessThan(1);
    expect(scoreItem({ title: '', text }, { extraTerms: [], ignore: [], threshold: Math.min(1, model + 0.01) }).flagged).toBe(false);
  });

  it('returns an empty result for empty input', () => {
    expect(scoreItem({ title: '', text: '' })).toMatchObject({ flagged: false, families: [], categories: [], evidence: [], severity: null });
  });
});

describe('identifiers', () => {
  it('validates NI numbers', () => {
    expect(isValidNiNumber('JT 48 21 93 B')).toBe(true);
    expect(isValidNiNumber('QQ123456C')).toBe(false);
    expect(isValidNiNumber('GB123456A')).toBe(false);
  });

  it('validates UPN check letters', () => {
    expect(isValidUpn('M823201512004')).toBe(true);
    expect(isValidUpn('X919402117031')).toBe(true);
    expect(isValidUpn('A919402117031')).toBe(false);
  });

  it('accepts valid GB numbers and Ofcom drama numbers, not random digits', () => {
    expect(findPhones('call 07911 123456')).toHaveLength(1);
    expect(findPhones('ring 01632 960418')).toHaveLength(1);
    expect(findPhones('order 01000 123456 ref')).toHaveLength(0);
  });
});
