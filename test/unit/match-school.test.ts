import { describe, expect, it } from 'vitest';
import { matchSchool, type MatchableSchool } from '../../lib/match';

const northgate: MatchableSchool = {
  name: 'Northgate Park Academy',
  aliases: ['Northgate Park', 'NPA'],
  context: ['Harlow Fen'],
  exclude: ['Northgate Park Retail', 'Northgate Park Shopping Centre'],
};
const brendans: MatchableSchool = {
  name: "St Brendan's Catholic Primary School",
  aliases: ["St Brendan's Primary", "St Brendan's"],
  context: ['Ashworth'],
  exclude: ["St Brendan's Church"],
};
const glanmor: MatchableSchool = { name: 'Ysgol Glan Môr', aliases: ['Glan Môr'], context: ['Porth Ederyn'], exclude: ['Glan Môr Holiday Park'] };
const kestrel: MatchableSchool = { name: 'Kestrel Brook Primary School', aliases: ['Kestrel Brook'], context: ['Millbridge'], exclude: ['Kestrel Brook Nature Reserve'] };

const m = (text: string, school: MatchableSchool, title = '') => matchSchool({ title, text }, school);

describe('matchSchool: names and spellings', () => {
  it('matches the full name and reports it', () => {
    const r = m('Northgate Park Academy opens a new sixth form.', northgate);
    expect(r).toMatchObject({ mentioned: true, alias: 'Northgate Park Academy' });
    expect(r.reason).toContain('name');
  });

  it('ignores case and punctuation', () => {
    expect(m('NORTHGATE-PARK ACADEMY!!', northgate).mentioned).toBe(true);
  });

  it.each([["St Brendan's Catholic Primary School"], ['St Brendans Catholic Primary School'], ["Saint Brendan's Catholic Primary School"], ['St. Brendan’s Catholic Primary School']])(
    'treats possessives and Saint/St alike: %s',
    (name) => {
      expect(m(`${name} held its nativity.`, brendans).mentioned).toBe(true);
    },
  );

  it('strips diacritics both ways', () => {
    expect(m('Pupils at Ysgol Glan Mor won at the Eisteddfod.', glanmor).mentioned).toBe(true);
    expect(m('Pupils at YSGOL GLAN MÔR won at the Eisteddfod.', glanmor).mentioned).toBe(true);
  });

  it('ignores zero-width characters', () => {
    expect(m('North\u200Bgate Park Academy is closed today', northgate).mentioned).toBe(true);
  });

  it('matches hashtags and handles written as one word', () => {
    expect(m('Great trip today #NorthgateParkAcademy', northgate)).toMatchObject({ mentioned: true });
    expect(m('@NorthgateParkAcademy your maths teachers are great', northgate).mentioned).toBe(true);
    expect(m('Leavers assembly #StBrendans 🎓', brendans).mentioned).toBe(true);
  });

  it('matches leetspeak spellings of the name', () => {
    expect(m('K3str3l Br00k Primary teachers r rubbish', kestrel).mentioned).toBe(true);
  });

  it('finds the name in the title with evidence offsets into the title', () => {
    const r = m('Teachers praised.', northgate, 'Inside Northgate Park Academy');
    expect(r.mentioned).toBe(true);
    expect(r.evidence).toMatchObject({ field: 'title', start: 7, end: 29, text: 'Northgate Park Academy' });
  });

  it('gives evidence offsets into the text field', () => {
    const text = 'Well done to everyone at St Brendan’s Primary this week.';
    const r = m(text, brendans, 'Ashworth news');
    expect(r.evidence?.field).toBe('text');
    expect(text.slice(r.evidence!.start, r.evidence!.end)).toBe('St Brendan’s Primary');
  });
});

describe('matchSchool: collisions, context and exclusions', () => {
  it('does not count an excluded phrase', () => {
    const r = m('Northgate Park Shopping Centre opens late for Christmas.', northgate);
    expect(r.mentioned).toBe(false);
    expect(r.reason).toContain('excluded');
  });

  it('still counts a genuine mention next to an excluded one', () => {
    const r = m('Pupils from Northgate Park Academy sang carols at Northgate Park Shopping Centre.', northgate);
    expect(r).toMatchObject({ mentioned: true, alias: 'Northgate Park Academy' });
  });

  it('needs context for an ambiguous alias', () => {
    expect(m('Lovely walk along Kestrel Brook this morning, saw a heron.', kestrel)).toMatchObject({ mentioned: false });
    expect(m('Kestrel Brook in Millbridge has a new head.', kestrel)).toMatchObject({ mentioned: true, alias: 'Kestrel Brook' });
    expect(m('Kestrel Brook in Millbridge has a new head.', kestrel).reason).toContain('Millbridge'.toLowerCase());
  });

  it('accepts school vocabulary as context for an ambiguous alias', () => {
    const r = m('Kestrel Brook teachers are brilliant with the Year 2 kids.', kestrel);
    expect(r.mentioned).toBe(true);
    expect(r.reason).toMatch(/school vocabulary/);
  });

  it('rejects an ambiguous alias that is part of another place name even with vocabulary', () => {
    expect(m('Kestrel Brook footpath closed; children should use the road.', kestrel).mentioned).toBe(false);
    expect(m("St Brendan's FC under-12s win the league, well done kids", brendans).mentioned).toBe(false);
  });

  it('treats an unlisted church of the same name as a collision', () => {
    expect(m("St Brendan's Church roof appeal raises £2,000", brendans).mentioned).toBe(false);
    expect(m("St Brendan's parish fete on Saturday", brendans).mentioned).toBe(false);
  });

  it('needs context for a short acronym', () => {
    expect(m('The NPA released new figures on Tuesday.', northgate).mentioned).toBe(false);
    expect(m('NPA teachers are on strike in Harlow Fen.', northgate).mentioned).toBe(true);
  });

  it('reports why nothing matched', () => {
    expect(m('Nothing here about schools.', northgate)).toEqual({ mentioned: false, reason: 'no name or alias found' });
  });

  it('is pure: the same input gives the same answer', () => {
    const item = { title: 'x', text: 'Northgate Park Academy news' };
    expect(matchSchool(item, northgate)).toEqual(matchSchool(item, northgate));
  });
});
