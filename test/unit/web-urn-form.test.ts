import { describe, expect, it } from 'vitest';
import { parseSchool } from '../../lib/app/admin-config';
import { deriveSchoolDraft } from '../../lib/gias/derive';
import { draftFromRow, rowProblemKey } from '../../lib/web/admin-urn';
import { rowFromSchool } from '../../lib/web/admin-urn-views';
import { giasRecord } from '../support/gias-fixtures';

describe('Add from URN review form ⇄ school draft', () => {
  it('round-trips a derived draft through the form rows unchanged', () => {
    const school = parseSchool(deriveSchoolDraft(giasRecord('114501'), { id: 'st-marys-primary', trustName: 'Downs Learning Trust' }).school);
    expect(parseSchool(draftFromRow(rowFromSchool(school)))).toEqual(school);
  });
  it('blank lines and spaces around entries are dropped', () => {
    const row = { ...rowFromSchool(parseSchool(deriveSchoolDraft(giasRecord('136285'), { id: 'kgv' }).school)), aliases: ' KGV \r\n\r\nKing George V\n', phones: '\n01632 960285 \n' };
    expect(draftFromRow(row)).toMatchObject({ aliases: ['KGV', 'King George V'], publicFacts: expect.objectContaining({ phones: ['01632 960285'] }) });
  });
  it('a save problem lands on the row’s field, with the line for lists', () => {
    expect(rowProblemKey(3, 'aliases.2', 'must not be empty')).toEqual(['3.aliases', 'line 3: must not be empty']);
    expect(rowProblemKey(0, 'publicFacts.phones.0', 'must be at most 120 characters')).toEqual(['0.phones', 'line 1: must be at most 120 characters']);
    expect(rowProblemKey(1, 'id', 'is taken')).toEqual(['1.id', 'is taken']);
    expect(rowProblemKey(1, 'feeds.0.source', 'bad')).toEqual(['1.form', 'bad']);
  });
});
