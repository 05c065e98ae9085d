/**
 * Which items mention a school must not depend on what was matched before in the same process (the poll Lambda
 * matches many schools' items in one process, and the school-model trainer scores corpus after corpus). Found by
 * the model engineer (round 5): a spent set's mention accuracy changed with the sets scored before it, because a
 * school compiled after a match had left a shared pattern's position mid-string missed its own kinds of school.
 */
import { describe, expect, it } from 'vitest';
import type { School } from '../../lib/config/schema';
import { loadSchoolsFile } from '../../lib/score/assess';
import { matchSchool } from '../../lib/match';

const schools = () =>
  loadSchoolsFile([
    { id: 'ferrand', name: 'Bishop Ferrand CofE High School', aliases: ['Bishop Ferrands'], context: ['Ashcombe Regis'], exclude: [] },
    { id: 'priorymead', name: 'Priory Mead Primary School', aliases: ['Priory Mead'], context: ['Wexcombe'], exclude: [] },
  ]);

const ferrandItem = { title: '', text: 'Bishop Ferrand High School open evening was packed, well done to the English department.' };
const mentioned = (school: School, item: { title: string; text: string }) => matchSchool(item, school).mentioned;

describe('mention matching does not depend on what was matched before', () => {
  it('a school compiled after another school\'s item reads its own kind of school the same as when compiled first', () => {
    const fresh = mentioned(schools().get('ferrand')!, ferrandItem);
    // another school's item whose name is followed, far along, by a kind of school
    const other = schools().get('priorymead')!;
    mentioned(other, { title: '', text: "Moving to Wexcombe - is Priory Mead any good? It's the nearest infant school" });
    // a new copy of the schools (as a new poll or a new corpus loads them) is compiled now
    expect(mentioned(schools().get('ferrand')!, ferrandItem)).toBe(fresh);
    expect(fresh).toBe(true);
  });
});
