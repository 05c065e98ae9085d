import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile, SchoolsFileError, UnknownSchoolError } from '../../lib/score/assess';

const schoolsArray = [
  { id: 'kestrel', name: 'Kestrel Brook Primary School', aliases: ['Kestrel Brook'], context: ['Millbridge'], exclude: ['Kestrel Brook Nature Reserve'] },
  { id: 'oakhurst', name: 'Oakhurst College', aliases: [], context: [], exclude: [], scoring: { extraTerms: ['minibus'], ignore: [] } },
];

describe('loadSchoolsFile', () => {
  it('accepts a plain array of schools', () => {
    const map = loadSchoolsFile(schoolsArray);
    expect([...map.keys()]).toEqual(['kestrel', 'oakhurst']);
    expect(map.get('kestrel')!.timezone).toBe('Europe/London');
  });

  it('accepts the {trusts: [...]} configuration shape', () => {
    const map = loadSchoolsFile({ trusts: [{ id: 'meridian', name: 'Meridian', schools: schoolsArray }] });
    expect(map.size).toBe(2);
  });

  it('rejects invalid files with a readable message', () => {
    expect(() => loadSchoolsFile([{ id: 'Bad Id', name: 'x' }])).toThrow(SchoolsFileError);
    expect(() => loadSchoolsFile({ schools: [] })).toThrow(/trusts/);
    expect(() => loadSchoolsFile([...schoolsArray, schoolsArray[0]])).toThrow(/duplicate/);
  });
});

describe('assessItem', () => {
  const schools = loadSchoolsFile(schoolsArray);

  it('matches first, and an unmentioned item is never flagged', () => {
    const r = assessItem({ id: '1', school: 'kestrel', text: 'Kestrel Brook Nature Reserve is a disgrace, the wardens are idiots' }, schools);
    expect(r).toMatchObject({ id: '1', mentioned: false, flagged: false, families: [], categories: [], evidence: [] });
    expect(r.match?.reason).toContain('excluded');
  });

  it('scores a mentioned item and returns the match', () => {
    const r = assessItem({ id: '2', school: 'kestrel', title: 'Millbridge', text: 'Kestrel Brook teachers are lazy idiots' }, schools);
    expect(r).toMatchObject({ id: '2', mentioned: true, flagged: true, families: ['abuse'] });
    expect(r.match?.alias).toBe('Kestrel Brook');
    expect(r.score).toBeGreaterThan(0.5);
  });

  it("applies the school's tuning", () => {
    expect(assessItem({ id: '3', school: 'oakhurst', text: 'Oakhurst College minibus seen again' }, schools).flagged).toBe(true);
  });

  it('accepts an array of schools too', () => {
    const list = [...schools.values()];
    expect(assessItem({ id: '4', school: 'oakhurst', text: 'Oakhurst College open evening' }, list)).toMatchObject({ mentioned: true, flagged: false });
  });

  it('scores text alone without schools', () => {
    const r = assessItem({ id: '5', text: 'you are a pathetic idiot' });
    expect(r).toMatchObject({ id: '5', mentioned: true, flagged: true });
    expect(r.match).toBeUndefined();
  });

  it('fails clearly on an unknown school', () => {
    expect(() => assessItem({ id: '6', school: 'nope', text: 'x' }, schools)).toThrow(UnknownSchoolError);
  });
});
