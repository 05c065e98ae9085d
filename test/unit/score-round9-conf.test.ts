/**
 * Round 9 contrast pairs for the confidential kinds, in general wording with invented schools: each behaviour is a kind
 * (a structure), with a flagged side and an unflagged side that shares its words. Scored by the rules alone (no
 * classifier, no school model), so a failure points at a rule or a lexicon line (data/lexicons/kinds-9-confidential.tsv).
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';

const rules = (text: string, title = '') => scoreItem({ title, text }, undefined, { classifier: false, notNames: ['Brackenfield', 'Academy'] });
const ids = (text: string, title = '') => rules(text, title).categories.map((c) => c.id);

describe('two capitalised words that name a page, a paper, a body or a place are not a pupil', () => {
  it('a child named beside a sensitive fact still counts', () => {
    for (const text of [
      'Oliver Grant in Year 4 at Brackenfield Academy has been diagnosed with epilepsy, his mum told me.',
      'Tilly Cavendish (Year 6) at Brackenfield Academy is on a child protection plan, the whole estate knows.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a blog, a prayer group, a newspaper, an inspectorate or a hospital is no child', () => {
    for (const [title, text] of [
      ['Our Autism Journey', 'Week two at Brackenfield Academy. He is autistic and the quiet room has been a lifesaver.'],
      ['Hollowmere Prayer Chain', 'Please pray for a little one in Year 3 at Brackenfield Academy who has been diagnosed with leukaemia.'],
      ['Fenbridge Evening Post', 'A pupil at Brackenfield Academy was taken to hospital after an allergic reaction at lunch.'],
      ['', 'The Education and Training Inspectorate says safeguarding records at Brackenfield Academy need to improve.'],
      ['', 'A Year 8 pupil from Brackenfield Academy was taken to the Fenbridge Royal Infirmary after a fall in PE.'],
      ['', 'Brackenfield Academy pupils ran a Young Carers party and raised money for young carers.'],
    ] as const) expect(ids(text, title), text).not.toContain('confidential.pupil-personal');
  });
});

describe("a private event in a titled member of staff's own life", () => {
  it('a lost baby, a partner who left, a bankruptcy said of a titled member of staff', () => {
    for (const text of [
      "Mr Pelham at Brackenfield Academy has been off because his wife's just lost a baby. Be kind when he's back.",
      'Mrs Dunmore at Brackenfield Academy, the Year 2 one, her husband left her over the summer.',
      'Ms Okafor at Brackenfield Academy has been declared bankrupt, it was in the paper notices.',
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('the same words of no one at the school, or of the writer\'s own life, are not staff details', () => {
    for (const text of [
      "My wife's just lost a baby so I won't be at the Brackenfield Academy fair this year.",
      'The Year 9 play at Brackenfield Academy is about a woman whose husband left her in the war.',
      'The old shop by Brackenfield Academy went bankrupt years ago, it is flats now.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("a school's own handling of a data breach is news of it, not the leak", () => {
  it('a spreadsheet of pupils passed on by someone is still an internal leak', () => {
    for (const text of [
      'Someone has leaked the Brackenfield Academy spreadsheet of Year 9 SEN pupils onto the parents chat, names and all.',
    ]) expect(ids(text), text).toContain('confidential.internal');
  });
  it('a report that the school apologised or reported itself to the regulator is not', () => {
    for (const text of [
      'Brackenfield Academy has apologised after a spreadsheet of Year 9 SEN pupils was leaked onto a parents chat by mistake.',
      "Brackenfield Academy has reported itself to the Information Commissioner's Office after a spreadsheet of pupils' details was leaked to parents.",
    ]) expect(ids(text), text).not.toContain('confidential.internal');
  });
});

describe("an employer's public statement frames a suspension as news", () => {
  it('a suspension passed on by someone on the staff is still a staff detail', () => {
    for (const text of [
      "Mr Pelham at Brackenfield Academy has been suspended over something he said to a parent, my mate on the staff told me.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a suspension the council has confirmed, or the diocese said, is not', () => {
    for (const text of [
      'Brackenfield head suspended. The headteacher of Brackenfield Academy has been suspended while the trust looks into complaints. The Fenbridge Council has confirmed it.',
      'The headteacher of Brackenfield Academy has been suspended while complaints are looked into, the diocese said. An acting head will lead the school.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("a named child's family circumstances and care needs in everyday wording", () => {
  it('a parent in jail or on drugs, social services round, soiling, non-verbal: said of a named child', () => {
    for (const text of [
      "Lily Marsh in Year 5 at Brackenfield Academy, her mam's just out the jail and the social's been round again.",
      'Jayden Cole (Year 3) at Brackenfield Academy keeps wetting himself in class, his dad is on the gear.',
      'Amir Shah in Year 2 at Brackenfield Academy got lost on the trip. He is non verbal, anything could have happened.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('the same words about no child, or the writer\'s own family, are not', () => {
    for (const text of [
      'My mam died when I was at Brackenfield Academy and the teachers there were so kind to me.',
      'Brackenfield Academy is running a course for staff on supporting non verbal children.',
      'Lily Marsh in Year 5 at Brackenfield Academy won the spelling bee, her mam was made up.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});

describe('who a detail is about: a pupil by first name and form, a member of staff by what they teach', () => {
  it('a first name with a form ("from 8K") or a full name beside a health crisis is a named pupil', () => {
    for (const text of [
      "The emergency at Brackenfield Academy today was a Year 8 girl, Maisie from 8K, she took an overdose in the toilets.",
      'Isla Kerr fae Brackenfield Academy S4 tried tae kill herself last week. Send love x',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('a form without a child, or a health word said of no one, is not', () => {
    for (const text of [
      'Brackenfield Academy: all pupils from 8K are to meet at the minibus for the trip to the museum.',
      'Brackenfield Academy is holding a talk for parents on what to do if a teenager tried to kill themselves: the charity leads it.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
  it('a named adult "who teaches" at the school, off with a private reason, is a member of staff', () => {
    for (const text of [
      'Daniel Ashby who teaches maths at Brackenfield Academy has been signed off for months after a breakdown.',
      "Mr Pelham at Brackenfield Academy has been off since the summer, he's in the Priory for his drinking.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('a school "which teaches" children with mental health needs, or a cousin who teaches there, tells no one\'s health', () => {
    for (const text of [
      'Brackenfield Academy, which teaches 110 children with social, emotional and mental health needs, has a new head.',
      'My cousin teaches at Brackenfield Academy and says half the staff are off with stress.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe("a fact about the writer's own child, named as parents' forums name them", () => {
  it('a member of staff named near the child still owns the fact', () => {
    for (const text of [
      "Ma boy's guidance teacher at Brackenfield Academy, Mrs Baird, has been off since August. Heard fae her sister she's pregnant wi twins.",
      "Miss Hale at Brackenfield Academy shouted at my son in the hall. She was signed off with stress all last term, her neighbour told me.",
    ]) expect(ids(text), text).toContain('confidential.staff-personal');
  });
  it('"DS (12, autistic)", "ma loon … struggling wi dyslexia", "my daughter … She is autistic" are the family\'s own', () => {
    for (const text of [
      'DS (12, autistic) goes to Brackenfield Academy and the council has just changed his taxi to a minibus.',
      "Ma loon's in S3 at Brackenfield Academy and he's struggling wi dyslexia. Who should I contact first?",
      'My daughter started at Brackenfield Academy in September. She is autistic and the move was always going to be hard.',
    ]) expect(ids(text), text).not.toContain('confidential.staff-personal');
  });
});

describe('an adult named with a job or a home in apposition, and named events and bodies, are no pupil', () => {
  it('a child named with a sensitive fact and a class still counts', () => {
    for (const text of [
      'Stephen Marlow, in Year 6 at Brackenfield Academy, has just been diagnosed with ADHD, his nan told the whole street.',
    ]) expect(ids(text), text).toContain('confidential.pupil-personal');
  });
  it('"X, headteacher of …", "X, of Mill Terrace,", "Autism Acceptance Week", "Macmillan Cancer Support" are not', () => {
    for (const text of [
      'Stephen Marlow, headteacher of Brackenfield Academy, has been honoured for his work with pupils with special educational needs.',
      'Lee Dunn, of Cromer Walk, admitted assaulting a teacher at Brackenfield Academy after his son was excluded.',
      'Autism Acceptance Week at Brackenfield Academy! Our Year 4 class learnt how autistic people experience the world.',
      'Year 11 at Brackenfield Academy raised £2,000 for Macmillan Cancer Support with a bake sale.',
    ]) expect(ids(text), text).not.toContain('confidential.pupil-personal');
  });
});
