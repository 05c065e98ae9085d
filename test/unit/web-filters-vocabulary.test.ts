import { describe, expect, it } from 'vitest';
import { filterForm } from '../../lib/web/filters-view';

/** Issue 13 "one vocabulary": the list's filters name families as the emails and CSV do, not by their ids. */
describe('flagged-items filter form', () => {
  it('labels families and category groups with the shared family names, keeping the ids as values', async () => {
    const form = String(await filterForm({ family: 'confidential' }, [], {}, false));
    expect(form).toContain('<option value="confidential" selected>Confidential information</option>');
    expect(form).toContain('<option value="abuse">Abuse or harassment</option>');
    expect(form).toContain('<optgroup label="Reputation">');
    expect(form).not.toContain('>abuse</option>');
  });
});
