import { describe, expect, it } from 'vitest';
import { schoolToForm } from '../../lib/app/admin-config';
import { ConfigFile } from '../../lib/config/schema';
import { schoolFormBody } from '../../lib/web/admin-views';

const school = ConfigFile.parse({ trusts: [{ id: 't', name: 'T', schools: [{ id: 'northgate', name: 'Northgate Park Academy' }] }] }).trusts[0]!.schools[0]!;

describe('the school form: a problem with the whole save is said once, not as a field to fix', () => {
  it('"changed while you were saving" shows as a notice with no link to a field that does not exist', () => {
    const body = String(schoolFormBody({ mode: 'edit', values: schoolToForm(school), problems: { form: 'School was changed while you were saving it.' }, csrf: 'x' }));
    expect(body).toContain('School was changed while you were saving it.');
    expect(body).not.toContain('href="#form"');
    expect(body).not.toMatch(/fix the field/);
  });

  it('field problems still link to their fields, beside a whole-form problem', () => {
    const body = String(schoolFormBody({ mode: 'edit', values: schoolToForm(school), problems: { name: 'Give the school a name', form: 'Too large' }, csrf: 'x' }));
    expect(body).toMatch(/fix the field marked below/);
    expect(body).toContain('Too large');
    expect(body).not.toContain('href="#form"');
  });
});
