import { describe, expect, it } from 'vitest';
import { AdminConfigError, draftFromForm, emptySchoolForm, formFromBody, formProblems, parseSchool, schoolToForm } from '../../lib/app/admin-config';
import { School } from '../../lib/config/schema';
import { schoolFormBody } from '../../lib/web/admin-views';

/** The admin school form's public-facts fields (one fact per line) ⇄ the school's `publicFacts`. */
describe('admin school form: public facts', () => {
  const school = School.parse({
    id: 'northgate',
    name: 'Northgate Park Academy',
    publicFacts: { phones: ['01632 960100', '01632 960101'], addresses: ['14 Fen Lane, Harlow Fen HF3 2QP'], postcodes: ['HF3 2QP'], websites: ['www.northgate-park.sch.uk'], people: ['Mrs Jane Marsh'] },
  });
  const body = (facts: Record<string, string>) => ({ id: 'northgate', name: 'Northgate Park Academy', timezone: 'Europe/London', digestHour: '7', ...Object.fromEntries(Object.entries(facts).map(([k, v]) => [`publicFacts.${k}`, v])) });

  it('round-trips through the form, one fact per line', () => {
    const form = schoolToForm(school);
    expect(form.publicFacts.phones).toBe('01632 960100\n01632 960101');
    const { draft } = draftFromForm(formFromBody(body(form.publicFacts)));
    expect(parseSchool(draft)).toEqual(school);
  });

  it('blank lines are ignored, and a school with no facts keeps none', () => {
    const { draft } = draftFromForm(formFromBody(body({ phones: '\n 01632 960100 \r\n\n', addresses: '', postcodes: '', websites: '', people: '' })));
    expect(parseSchool(draft).publicFacts).toEqual({ phones: ['01632 960100'], addresses: [], postcodes: [], websites: [], people: [] });
    expect('publicFacts' in draftFromForm({ ...emptySchoolForm(), id: 'x', name: 'X' }).draft).toBe(false);
  });

  it('names the bad line in plain words next to its field', () => {
    const { draft, feedRows } = draftFromForm(formFromBody(body({ phones: '01632 960100\nask at reception', postcodes: 'Harlow', websites: 'the school site', addresses: '', people: '' })));
    let problems: Record<string, string> = {};
    try {
      parseSchool(draft);
    } catch (err) {
      problems = formProblems((err as AdminConfigError).problems, feedRows);
    }
    expect(problems['publicFacts.phones']).toBe('line 2: must be a UK phone number such as "01632 960100" or "+44 1632 960100"');
    expect(problems['publicFacts.postcodes']).toBe('line 1: must be a UK postcode such as "HF3 2QP"');
    expect(problems['publicFacts.websites']).toBe('line 1: must be a web address such as "www.northgate.sch.uk"');
    const page = String(schoolFormBody({ mode: 'edit', values: formFromBody(body({ phones: '01632 960100\nask at reception', postcodes: 'Harlow', websites: 'the school site', addresses: '', people: '' })), problems, csrf: 't' }));
    expect(page).toContain('<a href="#s-publicFacts-phones">Published phone numbers</a>: line 2: must be a UK phone number');
    expect(page).toMatch(/<textarea id="s-publicFacts-phones" name="publicFacts.phones" rows="3" aria-invalid="true" aria-describedby="s-publicFacts-phones-error s-publicFacts-phones-hint">01632 960100\nask at reception<\/textarea>/);
  });

  it('accepts the shapes a register or a website gives, and refuses what is not a fact of that kind', () => {
    const ok = School.safeParse({ id: 'x', name: 'X', publicFacts: { phones: ['+44 (0)1632 960100', '1632960100', '01632-960100'], postcodes: ['hf3 2qp', 'HF32QP'], websites: ['HTTP://WWW.NORTHGATE.SCH.UK', 'www.northgate.sch.uk.', 'https://northgate.sch.uk/index.php?id=1'] } });
    expect(ok.success).toBe(true);
    const bad = School.safeParse({ id: 'x', name: 'X', publicFacts: { phones: ['0163'], websites: ['northgate school'] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['publicFacts.phones.0', 'publicFacts.websites.0']);
  });

  it('explains what public facts do on the form', () => {
    const page = String(schoolFormBody({ mode: 'new', values: emptySchoolForm(), problems: {}, csrf: 't' }));
    expect(page).toContain('<legend>Public facts</legend>');
    expect(page).toContain('never flag these as a leak for this school');
    for (const label of ['Published phone numbers', 'Published addresses', 'Published postcodes', 'Websites', 'Published names']) expect(page).toContain(`>${label}</label>`);
  });
});
