import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';
import { compilePublicFacts, normaliseHost, normalisePhone, normalisePostcode } from '../../lib/score/public-facts';

/**
 * "Public facts are not leaks" (issue 14): the school's own published office number, address, postcode,
 * website and the head's name never make an item confidential for that school; a parent's, pupil's or
 * teacher's private details still do, also in the same item, and abuse about the head still flags.
 * Numbers are in Ofcom's drama ranges; everything is invented.
 */
const school = { id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'], context: ['Harlow Fen'], exclude: [] };
const publicFacts = {
  phones: ['01632 960100'],
  addresses: ['Northgate Park Academy, 14 Fen Lane, Harlow Fen HF3 2QP'],
  postcodes: ['HF3 2QP'],
  websites: ['https://www.northgate-park.sch.uk/'],
  people: ['Mrs Jane Marsh'],
};
const without = loadSchoolsFile([school]);
const withFacts = loadSchoolsFile([{ ...school, publicFacts }]);
const assess = (text: string, schools = withFacts, title = '') => assessItem({ id: 'x', school: 'northgate', title, text }, schools);
const categories = (text: string, schools = withFacts) => assess(text, schools).categories.map((c) => c.id);

describe('public facts: the school’s own published details are not flagged', () => {
  const cases: [string, string][] = [
    [
      'a local-news article quoting the office number and address',
      'Harlow Fen school wins £2m for sports hall. Northgate Park Academy, 14 Fen Lane, Harlow Fen HF3 2QP, will start building in spring. Headteacher Jane Marsh said she was delighted. Parents with questions can call the school on 01632 960100.',
    ],
    [
      'a parents’ forum post giving the school’s number to ring',
      'Has anyone managed to get hold of Northgate Park in Harlow Fen about the trip money? Ring them, the number is 01632 960100, and ask for the office.',
    ],
    [
      'the same number written the international way',
      'Anyone abroad trying to reach Northgate Park in Harlow Fen: the number is +44 (0)1632 960100, ask for the head.',
    ],
    [
      'the school’s own newsletter in a feed',
      'Northgate Park Academy newsletter, week 12. Dear families, if you would like to talk to Mrs Marsh, please come to the school, 14 Fen Lane, Harlow Fen hf3 2qp, or ring her on 01632960100. Term dates are at https://northgate-park.sch.uk/term-dates?ring=01632960100.',
    ],
    [
      'an Ofsted-style blurb naming the head',
      'Northgate Park Academy inspection report. Leaders, including the headteacher Jane Marsh, ensure that pupils with SEND get an EHCP quickly. Pupils in Year 6 say Jane Marsh listens.',
    ],
    ['a photo caption naming the head', 'Photo of Jane Marsh with Year 6 pupils at Northgate Park Academy sports day.'],
  ];

  for (const [what, text] of cases) {
    it(`${what}: not flagged with the school’s public facts`, () => {
      const r = assess(text);
      expect(r.mentioned).toBe(true);
      expect(r.categories.filter((c) => c.family === 'confidential')).toEqual([]);
      expect(r.flagged).toBe(false);
    });
  }

  it('the realistic items above did flag before public facts were known (so the facts are what clears them)', () => {
    const flaggedWithout = cases.filter(([, text]) => assess(text, without).categories.some((c) => c.family === 'confidential')).map(([what]) => what);
    expect(flaggedWithout).toEqual([
      'a local-news article quoting the office number and address',
      'a parents’ forum post giving the school’s number to ring',
      'the same number written the international way',
      'the school’s own newsletter in a feed',
      'an Ofsted-style blurb naming the head',
      'a photo caption naming the head',
    ]);
  });

  it('"her number is" followed by the school’s own number is not sharing someone’s number', () => {
    const text = 'Anyone wanting to complain to Mrs Marsh at Northgate Park in Harlow Fen: her number is 01632 960100, that’s the school office.';
    expect(assess(text).flagged).toBe(false);
    const mobile = assess('Anyone wanting to complain to Mrs Marsh at Northgate Park in Harlow Fen: her number is 07700 900481, that’s her own phone.');
    expect(mobile.families).toEqual(['abuse', 'confidential']);
    expect(categories('Everyone ring the office every day until Mrs Marsh at Northgate Park in Harlow Fen resigns: 01632 960100.')).toContain('abuse.harassment');
  });

  it('an Ofsted-style blurb about pupils with SEND is not a member of staff’s private health (plural "pupils")', () => {
    const text = 'Northgate Park Academy is a larger than average academy in Harlow Fen. Jane Marsh was appointed headteacher in 2021. Pupils with SEND, including those with autism, are well supported.';
    expect(categories(text)).toEqual([]);
    expect(categories(text, without)).toEqual([]);
  });
});

describe('public facts: private details still flag', () => {
  it('a teacher’s mobile, in the same item that quotes the office number', () => {
    const r = assess('Mr Okafor from Northgate Park in Harlow Fen never answers. The office is 01632 960100 but his own mobile is 07700 900481, ring that.');
    expect(r.categories.map((c) => c.id)).toContain('confidential.contact-details');
    expect(r.evidence.map((e) => e.text)).toContain('07700 900481');
    expect(r.evidence.map((e) => e.text)).not.toContain('01632 960100');
  });

  it('a parent’s private number beside the school’s', () => {
    const r = assess('Northgate Park parents in Harlow Fen: the school number is 01632 960100 but if you want the real story ring Kerry’s mum, her number is 01632 960777.');
    expect(r.categories.map((c) => c.id)).toContain('confidential.contact-details');
    expect(r.evidence.filter((e) => e.category.startsWith('confidential.')).map((e) => e.text)).toEqual(['01632 960777']);
  });

  it('a pupil’s home address, even in the school’s own postcode', () => {
    const r = assess('Northgate Park kid Tyler Brennan in Year 5 lives at 3 Mill Lane, HF3 2QP, his mum told everyone.');
    expect(r.categories.map((c) => c.id)).toContain('confidential.contact-details');
    expect(r.evidence.map((e) => e.text)).toContain('3 Mill Lane');
  });

  it('someone who lives on the school’s street is still a private address', () => {
    expect(categories('The Northgate Park deputy in Harlow Fen lives on Fen Lane, in the house with the red door.')).toContain('confidential.contact-details');
  });

  it('the head’s home address, although her name is public', () => {
    const r = assess('The head of Northgate Park, Jane Marsh, lives at 27 Hawthorn Avenue, HF9 5RT. Go and tell her what you think.');
    expect(r.categories.map((c) => c.id)).toContain('confidential.contact-details');
  });

  it('the head’s sickness, although her name is public', () => {
    expect(categories('Jane Marsh at Northgate Park in Harlow Fen has been off with stress for weeks, signed off by the GP apparently, heard it from a TA.')).toContain('confidential.staff-personal');
  });

  it('abuse about the head, although her name is public', () => {
    const r = assess('Jane Marsh, the head at Northgate Park in Harlow Fen, is a useless lying disgrace and a bully.');
    expect(r.families).toContain('abuse');
  });

  it('a pupil with the head’s surname but another first name is still a pupil', () => {
    expect(categories('Northgate Park in Harlow Fen: Ella Marsh in Year 4 has an EHCP and a one-to-one TA.')).toContain('confidential.pupil-personal');
  });
});

describe('public facts: normalised comparison', () => {
  it('phones: +44, 0044, (0), spaces and dashes', () => {
    for (const v of ['01632 960100', '+44 1632 960100', '+44 (0)1632 960100', '0044 1632 960100', '01632-960-100', '(01632) 960100', '1632960100']) expect(normalisePhone(v)).toBe('01632960100');
  });

  it('postcodes: case and spacing', () => {
    expect(normalisePostcode(' hf3  2qp')).toBe('HF32QP');
  });

  it('websites: scheme, www and path do not matter', () => {
    for (const v of ['https://www.northgate-park.sch.uk/', 'http://northgate-park.sch.uk', 'www.northgate-park.sch.uk/news', 'NORTHGATE-PARK.SCH.UK']) expect(normaliseHost(v)).toBe('northgate-park.sch.uk');
  });

  it('matcher: address parts with a house number, the postcode from the address line, the head without title', () => {
    const m = compilePublicFacts({ addresses: ['Northgate Park Academy, 14 Fen Lane, Harlow Fen HF3 2QP'], people: ['Mrs Jane Marsh'], websites: ['northgate-park.sch.uk'] })!;
    expect(m.address('14 Fen Lane')).toBe(true);
    expect(m.address('14, Fen Ln')).toBe(true);
    expect(m.address('Fen Lane')).toBe(false);
    expect(m.address('15 Fen Lane')).toBe(false);
    expect(m.postcode('hf3 2qp')).toBe(true);
    expect(m.person('Jane Marsh')).toBe(true);
    expect(m.person('Ella Marsh')).toBe(false);
    expect(m.website('https://www.northgate-park.sch.uk/news')).toBe(true);
    expect(m.website('https://northgate-park.example/')).toBe(false);
  });

  it('no facts: the rules run exactly as before', () => {
    expect(compilePublicFacts(undefined)).toBeUndefined();
    expect(compilePublicFacts({ phones: [], addresses: [], postcodes: [], websites: [], people: [] })).toBeUndefined();
  });
});

describe('public facts: the functional suite’s schools carry their published contact details', () => {
  const suite = loadSchoolsFile(JSON.parse(readFileSync('data/functional/schools.json', 'utf8')));
  const ashby = suite.get('ashbygrange')!;
  const bare = loadSchoolsFile([{ ...ashby, publicFacts: undefined }]);
  const text = 'Ashby Grange Primary School: if you want Mrs Pendleton, ring her on 01632 960100 or write to her at 2 Grange Lane, Thornleigh TL4 2AG.';

  it('a published-contact item without any office word is cleared by the facts, not by luck', () => {
    expect(ashby.publicFacts?.phones).toEqual(['01632 960100']);
    expect(assessItem({ id: 'a', school: 'ashbygrange', text }, bare).categories.map((c) => c.id)).toContain('confidential.contact-details');
    const facts = loadSchoolsFile([{ ...ashby, publicFacts: { ...ashby.publicFacts!, addresses: ['2 Grange Lane, Thornleigh TL4 2AG'] } }]);
    expect(assessItem({ id: 'a', school: 'ashbygrange', text }, facts).flagged).toBe(false);
  });
});
