import { describe, expect, it } from 'vitest';
import { compactMasked, initials, maskMention, maskText, namesIn } from '../../lib/privacy/mask';
import { assessForSchool } from '../../lib/score/assess';
import { mention, school } from '../support/fixtures';

/** A realistic leak: what a parents' group post about a pupil looks like. Every identifier here is invented. */
export const LEAK_TITLE = "Northgate Park parents: Maisie Turner's EHCP";
export const LEAK_TEXT =
  'Everyone at Northgate Park Academy should know that Maisie Turner in Year 4 has an EHCP for autism and was excluded last week. ' +
  "Her mum's number is 07700 900123 and they live at 14 Elm Grove Road, Harlow CM20 3QT. Maisie's DOB is 14/03/2017, " +
  'her dad\'s NI number is QQ 12 34 56 C and his email is dave.turner@gmail.com. The office password is Summer2026! by the way.';

const northgate = school({ id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'] });

export function leakMention(id = 'leak1') {
  const { score } = assessForSchool({ title: LEAK_TITLE, text: LEAK_TEXT }, northgate);
  if (!score?.flagged) throw new Error('the realistic leak should be flagged by the scorer');
  return mention({ id, schoolId: 'northgate', trustId: 'meridian', capturedAt: '2026-11-21T08:00:00.000Z', title: LEAK_TITLE, text: LEAK_TEXT, score, families: score.families, severity: score.severity });
}

const SECRETS = ['07700 900123', '14 Elm Grove Road', 'CM20 3QT', '14/03/2017', 'QQ 12 34 56 C', 'dave.turner@gmail.com', 'Summer2026!', 'Maisie Turner', 'Maisie', 'Turner'];

describe('masking personal data for email', () => {
  it('the scorer flags the leak as confidential and names the pupil in its evidence', () => {
    const m = leakMention();
    expect(m.families).toContain('confidential');
    expect(namesIn(m)).toContain('Maisie Turner');
  });

  it('masks phone, address, postcode, date of birth, NI number, email, password and the pupil name (by initials)', () => {
    const m = maskMention(leakMention());
    const all = [m.title, m.text, m.score.explanation, ...m.score.categories.map((c) => c.reason), ...m.score.evidence.map((e) => e.text)].join('\n');
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(compactMasked(m.text)).toContain('M. T. in Year 4 has an EHCP for autism');
    expect(compactMasked(m.text)).toContain("Her mum's number is [phone]");
    expect(compactMasked(m.text)).toContain('The office password is [hidden]');
    expect(compactMasked(m.title)).toBe("Northgate Park parents: M. T.'s EHCP");
  });

  it('keeps the length of title and text, so evidence offsets still point at the same words', () => {
    const original = leakMention();
    const masked = maskMention(original);
    expect(masked.text).toHaveLength(original.text.length);
    expect(masked.title).toHaveLength(original.title.length);
    const ehcp = masked.score.evidence.find((e) => /EHCP/i.test(e.text) && e.field === 'text');
    expect(ehcp && masked.text.slice(ehcp.start, ehcp.end)).toBe(ehcp?.text);
  });

  it('in items that are not confidential, identifiers are masked but names and dates stay', () => {
    const text = 'Mr Jones at Kestrel Primary on 3 March 2026: ring 01632 960123 or I will wait outside.';
    expect(maskText(text)).toContain('Mr Jones at Kestrel Primary on 3 March 2026');
    expect(maskText(text)).not.toContain('01632 960123');
  });

  it('leaves ordinary text alone and masks short identifiers with bullets', () => {
    expect(maskText('Ofsted rated the school Requires Improvement in 2025.')).toBe('Ofsted rated the school Requires Improvement in 2025.');
    expect(maskText('M1 1AA')).toBe('[pc]  ');
    expect(maskText('CM20 3QT')).toBe('[pcode] ');
    expect(initials("Maisie O'Neill")).toBe('M. O.');
  });
});

describe('every email and attachment carries the masked evidence', () => {
  const secretsIn = (s: string) => SECRETS.filter((x) => s.includes(x));

  it('digest HTML, text and CSV: no phone, NI number, date of birth, postcode, address, email, password or pupil name', async () => {
    const { renderDigest } = await import('../../lib/digest/render');
    const r = renderDigest({ school: northgate, mentions: [leakMention()], localDate: '2026-11-21', webBaseUrl: 'https://sw.example' });
    expect(secretsIn(r.html)).toEqual([]);
    expect(secretsIn(r.text)).toEqual([]);
    expect(secretsIn(r.csv)).toEqual([]);
    expect(r.text).toContain('M. T.');
    expect(r.text).toContain('Sign in to see the full snapshot: https://sw.example/mentions/leak1');
    expect(r.html).toContain('Sign in to see the full snapshot');
  });

  it('roll-up HTML, text and CSV too', async () => {
    const { renderRollup } = await import('../../lib/digest/render');
    const r = renderRollup({ trust: { id: 'meridian', name: 'Meridian' }, groups: [{ school: northgate, mentions: [leakMention()] }], localDate: '2026-11-21' });
    expect(secretsIn(r.html + r.text + r.csv)).toEqual([]);
  });

  it('a digest item says when its urgent alert went out, in the school timezone', async () => {
    const { renderDigest } = await import('../../lib/digest/render');
    const r = renderDigest({ school: northgate, mentions: [{ ...leakMention(), alertedAt: '2026-07-01T08:05:00.000Z' }], localDate: '2026-07-01' });
    expect(r.text).toContain('Urgent alert: alerted at Wed 1 Jul 2026, 09:05 BST');
    expect(r.html).toContain('alerted at Wed 1 Jul 2026, 09:05 BST');
  });
});

describe('maskText on the shapes people really write', () => {
  const cases: [string, string, string][] = [
    ['mobile with +44', 'text her on +44 7700 900123 tonight', '+44 7700 900123'],
    ['mobile run together', 'his number is 07700900123', '07700900123'],
    ['landline with brackets', 'ring (01632) 960 001 after six', '960 001'],
    ['NI number without spaces', 'NI AB123456C on the form', 'AB123456C'],
    ['personal email', 'email j.smith1987@hotmail.co.uk', 'j.smith1987@hotmail.co.uk'],
    ['street address', 'she lives at 22 Acacia Avenue with her nan', '22 Acacia Avenue'],
    ['lives on a street', 'he lives on Mill Lane near the shop', 'Mill Lane'],
    ['postcode alone', 'somewhere in HF3 9ZZ apparently', 'HF3 9ZZ'],
    ['pin', 'the door PIN is 4471', '4471'],
    ['username and password pair', 'login: jsmith2 / password: Fen!2026', 'Fen!2026'],
  ];
  it.each(cases)('%s', (_what, text, secret) => {
    const masked = maskText(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain(secret);
  });

  it('dates of birth in confidential items, written in words too', () => {
    expect(maskText('born 3rd March 2015, in Year 6', { dates: true })).not.toContain('3rd March 2015');
    expect(maskText('DOB 03/03/2015', { dates: true })).not.toContain('03/03/2015');
  });
});
