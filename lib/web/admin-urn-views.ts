import { html } from 'hono/html';
import type { PreviewResult } from '../app/preview';
import type { UrnDraft } from '../app/school-from-urn';
import type { School } from '../config/schema';
import { previewSection } from './admin-views';
import type { Html } from './layout';

/** One draft as the review form shows it: every field a person may change, lists one entry per line. */
export interface UrnRowValues {
  urn: string;
  include: boolean;
  id: string;
  name: string;
  aliases: string;
  context: string;
  recipients: string;
  phones: string;
  addresses: string;
  postcodes: string;
  websites: string;
  people: string;
}

/** What GIAS said about the draft (shown beside the fields; not posted back). */
export interface UrnRowInfo {
  filledFrom: string[];
  missing: string[];
  warnings: string[];
}

export const LIST_KEYS = ['aliases', 'context', 'recipients', 'phones', 'addresses', 'postcodes', 'websites', 'people'] as const;

export function rowFromSchool(s: School): UrnRowValues {
  const f = s.publicFacts;
  return {
    urn: s.urn ?? '',
    include: true,
    id: s.id,
    name: s.name,
    aliases: s.aliases.join('\n'),
    context: s.context.join('\n'),
    recipients: s.recipients.join('\n'),
    phones: (f?.phones ?? []).join('\n'),
    addresses: (f?.addresses ?? []).join('\n'),
    postcodes: (f?.postcodes ?? []).join('\n'),
    websites: (f?.websites ?? []).join('\n'),
    people: (f?.people ?? []).join('\n'),
  };
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  aliases: 'aliases',
  context: 'context words',
  'publicFacts.phones': 'phone',
  'publicFacts.addresses': 'address',
  'publicFacts.postcodes': 'postcode',
  'publicFacts.websites': 'website',
  'publicFacts.people': 'headteacher’s name',
};
/** What was filled, in people's words (the GIAS column names are in the CLI's --json output). */
export const infoFromDraft = (d: UrnDraft): UrnRowInfo => ({ filledFrom: d.filled.flatMap((f) => (FIELD_WORDS[f.field] ? [FIELD_WORDS[f.field]!] : [])), missing: d.missing, warnings: d.warnings });

type Problems = Record<string, string>;
const fid = (row: number, k: string) => `u-${row}-${k}`;

function field(row: number, p: Problems, k: keyof UrnRowValues, label: string, value: string, hint = '', multi = false): Html {
  const id = fid(row, k);
  const problem = p[`${row}.${k}`];
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${problem ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<span class="small muted" id="${id}-hint">${hint}</span>` : ''}${multi
    ? html`<textarea id="${id}" name="s.${row}.${k}" rows="3"${attrs}>${value}</textarea>`
    : html`<input id="${id}" name="s.${row}.${k}" value="${value}" autocomplete="off" spellcheck="false"${attrs}>`}${problem ? html`<span class="error" id="${id}-error">${problem}</span>` : ''}</div>`;
}

/** The facts at a glance, so a reviewer need not open each school's facts: phone · postcode · website · head. */
const factsLine = (v: UrnRowValues) =>
  [v.phones, v.postcodes, v.websites.split(/\r?\n/).at(-1) ?? '', v.people]
    .map((x) => x.split(/\r?\n/)[0]?.trim() ?? '')
    .filter(Boolean)
    .join(' · ');

function draftRow(row: number, v: UrnRowValues, info: UrnRowInfo | undefined, p: Problems, preview: PreviewResult | undefined): Html {
  const rowProblem = p[`${row}.form`] ?? p[`${row}.urn`];
  return html`<fieldset class="feed-row urn-draft" id="draft-${row}"><legend>URN ${v.urn}: ${v.name || '(no name)'}</legend>
<input type="hidden" name="s.${row}.urn" value="${v.urn}">
${rowProblem ? html`<p class="notice bad">${rowProblem}</p>` : ''}
${info?.warnings.map((w) => html`<p class="notice bad">${w}</p>`) ?? ''}
<div class="field"><label><input type="checkbox" name="s.${row}.include"${v.include ? html` checked` : ''}> Add this school</label></div>
<div class="cols2">
${field(row, p, 'name', 'Name', v.name)}
${field(row, p, 'id', 'School id', v.id, 'Letters, digits and hyphens; fixed once saved')}
${field(row, p, 'aliases', 'Aliases', v.aliases, 'Other names people use, one per line', true)}
${field(row, p, 'context', 'Context words', v.context, 'Words that confirm a short alias means this school, one per line', true)}
${field(row, p, 'recipients', 'Digest recipients (optional)', v.recipients, 'Email addresses, one per line', true)}
</div>
<details${Object.keys(p).some((k) => k.startsWith(`${row}.`) && /phones|addresses|postcodes|websites|people/.test(k)) ? html` open` : ''}><summary>Public facts (never flagged as leaks for this school)${factsLine(v) ? html`: <span class="small">${factsLine(v)}</span>` : ''}</summary>
<div class="cols2">
${field(row, p, 'phones', 'Phone numbers', v.phones, 'As published, one per line', true)}
${field(row, p, 'addresses', 'Addresses', v.addresses, 'One per line', true)}
${field(row, p, 'postcodes', 'Postcodes', v.postcodes, 'One per line', true)}
${field(row, p, 'websites', 'Websites', v.websites, 'Addresses or domains, one per line', true)}
${field(row, p, 'people', 'Headteacher’s name', v.people, 'The forms it is written in, one per line', true)}
</div></details>
${info ? html`<p class="small muted">Filled from GIAS: ${info.filledFrom.join(', ')}.${info.missing.length ? ` Not in GIAS: ${info.missing.join(', ')}.` : ''} Feeds: a Google News search for the name and aliases (change it later on the school’s page).</p>` : ''}
<div class="actions"><button type="submit" name="intent" value="preview:${row}" class="secondary">Preview matches for this school</button></div>
${preview ? previewSection(preview, 'Europe/London') : ''}
</fieldset>`;
}

/** "Add schools from their URN": the look-up form, then each draft to review and edit, then Save. */
export function urnPageBody(input: {
  urns: string;
  giasDate?: string;
  /** URN → what went wrong, in people's words. */
  failures: { urn: string; message: string }[];
  rows: UrnRowValues[];
  info: (UrnRowInfo | undefined)[];
  problems: Problems;
  csrf: string;
  preview?: { row: number; result: PreviewResult };
  maxUrns: number;
  /** A problem with the batch as a whole (nothing saved). */
  formProblem?: string;
}): Html {
  const { rows, problems: p } = input;
  const count = Object.keys(p).length;
  const day = input.giasDate ? new Date(input.giasDate).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }) : undefined;
  return html`<p><a href="/admin">← Admin</a></p><h1>Add schools from their URN</h1>
<p>Every school in England has a URN (Unique Reference Number) on <a href="https://get-information-schools.service.gov.uk/">Get Information about Schools</a>. Give up to ${input.maxUrns} URNs; each school is filled from the official record for you to check before saving.</p>
${day
  ? html`<p class="small muted">GIAS data of ${day}.</p>`
  : html`<p class="notice bad">No GIAS data is loaded yet, so schools cannot be filled from their URN. An operator loads the all-establishments extract with <code>npm run -s cli -- gias import FILE</code>.</p>`}
<form method="get" action="/admin/schools/new/from-urn" class="panel">
<div class="field"><label for="urns">URNs, one per line</label><span class="small muted" id="urns-hint">Six digits each, e.g. 114501. Commas or spaces between them work too.</span>
<textarea id="urns" name="urns" rows="5" aria-describedby="urns-hint" inputmode="numeric" spellcheck="false">${input.urns}</textarea></div>
<div class="actions"><button type="submit"${rows.length ? html` class="secondary"` : ''}>Look up</button></div>
</form>
${input.failures.length
  ? html`<div class="notice bad" role="alert"><p>${input.failures.length === 1 ? 'This URN' : `These ${input.failures.length} URNs`} could not be added:</p><ul>${input.failures.map((f) => html`<li><strong>${f.urn || '(empty)'}</strong>: ${f.message}</li>`)}</ul></div>`
  : ''}
${count || input.formProblem
  ? html`<div class="notice bad" role="alert"><p>Nothing was saved${count ? `: fix the ${count === 1 ? 'field' : `${count} fields`} marked below` : ''}.</p>${input.formProblem ? html`<p>${input.formProblem}</p>` : ''}</div>`
  : ''}
${rows.length
  ? html`<form method="post" action="/admin/schools/new/from-urn" class="school-form" novalidate>
<input type="hidden" name="_csrf" value="${input.csrf}">
<input type="hidden" name="urns" value="${input.urns}">
<h2>Check ${rows.length === 1 ? 'the school' : `the ${rows.length} schools`}</h2>
<p class="small muted">Nothing is saved until you press Save. Untick a school to leave it out.</p>
${rows.map((r, i) => draftRow(i, r, input.info[i], p, input.preview?.row === i ? input.preview.result : undefined))}
<div class="actions"><button type="submit" name="intent" value="save">Save ${rows.length === 1 ? 'school' : 'ticked schools'}</button><a class="button secondary" href="/admin">Cancel</a></div>
</form>`
  : ''}`;
}
