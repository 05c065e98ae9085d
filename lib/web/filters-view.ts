import { html } from 'hono/html';
import type { SchoolRef } from '../config/schema';
import { FAMILIES, SEVERITIES, STATUSES } from '../app/mentions-query';
import { familyName } from '../digest/vocabulary';
import { CATEGORIES } from '../score/policy';
import type { Html } from './layout';

export type RawFilters = Record<string, string | undefined>;

const options = (values: readonly string[], selected: string | undefined, anyLabel: string, label: (v: string) => string = (v) => v) => html`<option value="">${anyLabel}</option>${values.map(
  (v) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${label(v)}</option>`,
)}`;

const BY_FAMILY = FAMILIES.map((family) => ({ family, defs: [...CATEGORIES.values()].filter((d) => d.family === family) }));

/** Categories grouped by family; an unknown value (from an old link or the API) stays selected as typed. */
function categoryOptions(selected: string | undefined) {
  const known = [...CATEGORIES.values()].some((d) => d.id === selected);
  return html`<option value="">Any category</option>${selected && !known ? html`<option value="${selected}" selected>${selected}</option>` : ''}${BY_FAMILY.map(
    (g) => html`<optgroup label="${familyName(g.family)}">${g.defs.map((d) => html`<option value="${d.id}"${d.id === selected ? html` selected` : ''}>${d.label}</option>`)}</optgroup>`,
  )}`;
}

function err(problems: Record<string, string>, name: string) {
  return problems[name] ? html`<span class="error" id="f-${name}-error">${problems[name]}</span>` : '';
}
const invalid = (problems: Record<string, string>, name: string) =>
  problems[name] ? html` aria-invalid="true" aria-describedby="f-${name}-error"` : '';

/** The GET filter form: works without JavaScript; every control has a label; errors sit next to the field. */
export function filterForm(raw: RawFilters, schools: SchoolRef[], problems: Record<string, string>, showSchool: boolean): Html {
  const v = (k: string) => raw[k] ?? '';
  return html`<form class="filters" method="get" action="/mentions" role="search">
<fieldset><legend>Filter flagged items</legend>
${showSchool
  ? html`<div class="field"><label for="f-school">School</label><select id="f-school" name="school"${invalid(problems, 'school')}><option value="">All schools</option>${schools.map(
      (s) => html`<option value="${s.school.id}"${s.school.id === raw.school ? html` selected` : ''}>${s.school.name}</option>`,
    )}</select>${err(problems, 'school')}</div>`
  : ''}
<div class="field"><label for="f-family">Family</label><select id="f-family" name="family"${invalid(problems, 'family')}>${options(FAMILIES, raw.family, 'Any family', familyName)}</select>${err(problems, 'family')}</div>
<div class="field"><label for="f-category">Category</label><select id="f-category" name="category"${invalid(problems, 'category')}>${categoryOptions(raw.category)}</select>${err(problems, 'category')}</div>
<div class="field"><label for="f-severity">Severity</label><select id="f-severity" name="severity"${invalid(problems, 'severity')}>${options(SEVERITIES, raw.severity, 'Any severity')}</select>${err(problems, 'severity')}</div>
<div class="field"><label for="f-status">Status</label><select id="f-status" name="status"${invalid(problems, 'status')}>${options(STATUSES, raw.status, 'Any status')}</select>${err(problems, 'status')}</div>
<div class="field"><label for="f-from">From date</label><input id="f-from" type="text" inputmode="numeric" autocomplete="off" placeholder="dd/mm/yyyy" name="from" value="${ukDay(v('from'))}" aria-describedby="f-dates-hint${problems.from ? ' f-from-error' : ''}"${problems.from ? html` aria-invalid="true"` : ''}>${err(problems, 'from')}</div>
<div class="field"><label for="f-to">To date</label><input id="f-to" type="text" inputmode="numeric" autocomplete="off" placeholder="dd/mm/yyyy" name="to" value="${ukDay(v('to'))}" aria-describedby="f-dates-hint${problems.to ? ' f-to-error' : ''}"${problems.to ? html` aria-invalid="true"` : ''}>${err(problems, 'to')}</div>
<div class="field"><label for="f-sort">Order</label><select id="f-sort" name="sort"${invalid(problems, 'sort')}>
<option value="newest"${raw.sort !== 'severity' && raw.sort !== 'published' ? html` selected` : ''}>Newest captured first</option>
<option value="published"${raw.sort === 'published' ? html` selected` : ''}>Newest published first</option>
<option value="severity"${raw.sort === 'severity' ? html` selected` : ''}>Most severe first</option></select>${err(problems, 'sort')}</div>
<div class="field check"><input id="f-assigned" type="checkbox" name="assigned" value="me"${raw.assigned === 'me' ? html` checked` : ''}${invalid(problems, 'assigned')}><label for="f-assigned">Only items assigned to me</label>${err(problems, 'assigned')}</div>
<p class="small muted field wide" id="f-dates-hint">Dates are day/month/year (e.g. 30/03/2026), in each school’s own timezone.</p>
<div class="field wide"><label for="f-q">Text contains</label><input id="f-q" type="search" name="q" value="${v('q')}"${invalid(problems, 'q')}>${err(problems, 'q')}</div>
</fieldset>
<div class="actions"><button type="submit">Apply filters</button><a class="button secondary" href="/mentions">Clear</a></div>
</form>`;
}

/** The filter part of a query string (no cursor), to build page, export and "next" links. */
export function filterQuery(raw: RawFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const k of ['school', 'family', 'category', 'severity', 'status', 'from', 'to', 'q', 'assigned', 'sort', 'limit']) {
    const value = raw[k];
    if (value) params.set(k, value);
  }
  for (const [k, value] of Object.entries(extra)) if (value) params.set(k, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** yyyy-mm-dd (old links, the API) shown as dd/mm/yyyy; anything else (a typo being corrected) as typed. */
export function ukDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}
