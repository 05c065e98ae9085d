import { html, raw } from 'hono/html';
import { FACT_FIELDS, FEED_SOURCES, shownFeedRows, type FactField, type FeedRow, type SchoolFormValues, type TrustFormValues } from '../app/admin-config';
import type { FeedCheck } from '../app/feed-test';
import type { PreviewItem, PreviewResult } from '../app/preview';
import { GOOGLE_ALERTS_FEED_EXAMPLE, isGoogleAlertsFeed } from '../feeds/google-alerts';
import type { UserSummary } from '../app/users';
import { ROLES } from '../auth/principal';
import type { SchoolRef } from '../config/schema';
import { formatLocal } from '../digest/schedule';
import { safeHttpUrl } from '../digest/text';
import type { Html } from './layout';
import { short } from './text';

const SOURCE_LABEL: Record<string, string> = {
  rss: 'RSS, Atom or JSON Feed address',
  'google-news': 'Google News search',
  'bing-news': 'Bing News search',
  reddit: 'Reddit search',
  'mastodon-tag': 'Mastodon hashtag',
  ofsted: 'Ofsted reports (needs the school\'s URN; checked daily)',
};

type Problems = Record<string, string>;

const fid = (k: string) => `s-${k.replace(/\./g, '-')}`;
const err = (p: Problems, k: string) => (p[k] ? html`<span class="error" id="${fid(k)}-error">${p[k]}</span>` : '');
const inv = (p: Problems, k: string, hint?: string) =>
  p[k] ? html` aria-invalid="true" aria-describedby="${fid(k)}-error${hint ? ` ${hint}` : ''}"` : hint ? html` aria-describedby="${hint}"` : '';

function text(p: Problems, k: string, label: string, value: string, hint = '', attrs = '') {
  const hintId = hint ? `${fid(k)}-hint` : undefined;
  return html`<div class="field"><label for="${fid(k)}">${label}</label>${hint ? html`<span class="small muted" id="${hintId}">${hint}</span>` : ''}<input id="${fid(k)}" name="${k}" value="${value}"${attrs ? raw(` ${attrs}`) : ''}${inv(p, k, hintId)}>${err(p, k)}</div>`;
}

function area(p: Problems, k: string, label: string, value: string, hint: string) {
  const hintId = `${fid(k)}-hint`;
  return html`<div class="field"><label for="${fid(k)}">${label}</label><span class="small muted" id="${hintId}">${hint}</span><textarea id="${fid(k)}" name="${k}" rows="3"${inv(p, k, hintId)}>${value}</textarea>${err(p, k)}</div>`;
}

/**
 * What the check before saving found for this row's address (the code behind `feed test`): items and first
 * titles, or why it could not be read with a "Save anyway" box for a feed that is only down for now.
 */
function feedCheckNote(row: FeedRow, k: (f: string) => string, p: Problems, check: FeedCheck | undefined): Html | '' {
  const alert = row.source === 'rss' && isGoogleAlertsFeed(row.url) ? html`<strong>Google Alert</strong> (RSS delivery) recognised. ` : '';
  if (check?.ok) {
    return html`<p class="small feed-check" id="${fid(k('check'))}">${alert}Checked: ${check.title ? html`“${short(check.title, 80)}”, ` : ''}${check.itemCount} item${check.itemCount === 1 ? '' : 's'} found${check.firstTitles.length ? html`, first: ${check.firstTitles.map((t, j) => html`${j ? '; ' : ''}“${short(t, 80)}”`)}` : ''}.</p>`;
  }
  const failed = check && !check.ok;
  const box = failed || row.saveAnyway
    ? html`<div class="field"><label><input type="checkbox" name="${k('saveAnyway')}"${row.saveAnyway ? html` checked` : ''} aria-describedby="${fid(k('saveAnyway'))}-hint"> Save anyway</label><span class="small muted" id="${fid(k('saveAnyway'))}-hint">Tick only if the address is right and the feed is down for now (the site has a problem, or this computer is offline). Schoolwatch keeps trying at each poll and shows the feed under Feed health.</span></div>`
    : '';
  // the reason is already beside the address when saving was refused
  const reason = failed && !p[k('url')] ? html`<p class="small notice bad">Could not read this address (${check.error?.code}): ${check.error?.message}</p>` : '';
  return html`${alert ? html`<p class="small feed-check">${alert}</p>` : ''}${reason}${box}`;
}

function feedRow(row: FeedRow, i: number, p: Problems, url: string | undefined, isNew: boolean, check?: FeedCheck): Html {
  const k = (f: string) => `feeds.${i}.${f}`;
  const sourceProblem = p[k('source')];
  return html`<fieldset class="feed-row${isNew ? ' new-feed' : ''}"><legend>${isNew ? 'Add a feed' : `Feed ${i + 1}${row.source ? `: ${SOURCE_LABEL[row.source] ?? row.source}` : ''}`}</legend>
<div class="feed-grid">
<div class="field"><label for="${fid(k('source'))}">Source</label><select id="${fid(k('source'))}" name="${k('source')}"${inv(p, k('source'))}>
${isNew ? html`<option value="">— choose a source to add a feed —</option>` : ''}${FEED_SOURCES.map((s) => html`<option value="${s}"${s === row.source ? html` selected` : ''}>${SOURCE_LABEL[s]}</option>`)}
</select>${sourceProblem ? err(p, k('source')) : ''}</div>
${text(p, k('url'), 'Feed address (RSS only)', row.url, '', 'type="url" inputmode="url" placeholder="https://news.example/feed.xml"')}
${text(p, k('label'), 'Label (RSS only, optional)', row.label)}
${text(p, k('query'), 'Search query (news and Reddit, optional)', row.query, 'Empty: built from the name and aliases')}
${text(p, k('instance'), 'Mastodon server', row.instance, '', 'placeholder="mastodon.social"')}
${text(p, k('tag'), 'Hashtag (without #, optional)', row.tag, 'Empty: made from the school name')}
</div>
${url && !isNew ? html`<p class="small feed-url">Reads: <code>${url}</code></p>` : ''}
${feedCheckNote(row, k, p, check)}
${isNew ? '' : html`<div class="field"><label><input type="checkbox" name="${k('remove')}"${row.remove ? html` checked` : ''}> Remove this feed</label></div>`}
</fieldset>`;
}

/** The school form (edit or add), with an optional preview under it. Works without JavaScript. */
export function schoolFormBody(input: {
  mode: 'edit' | 'new';
  values: SchoolFormValues;
  problems: Problems;
  csrf: string;
  /** Feed address per row (templated sources built from the saved or previewed draft). */
  urls?: (string | undefined)[];
  preview?: PreviewResult;
  /** Feed addresses checked before saving (or with "Check feed addresses"). */
  checks?: FeedCheck[];
  timezone?: string;
  notice?: string;
}): Html {
  const { values: v, problems: p, mode } = input;
  const action = mode === 'new' ? '/admin/schools/new' : `/admin/schools/${v.id}`;
  const title = mode === 'new' ? 'Add a school' : `Edit ${v.name || v.id}`;
  const rows = shownFeedRows(v.feeds);
  // `form` is a problem with the save as a whole (changed meanwhile, too large): said as such, not as a field to fix
  const { form: formProblem, ...fields } = p;
  const count = Object.keys(fields).length;
  return html`<p><a href="/admin">← Admin</a></p><h1>${title}</h1>
${count || formProblem ? html`<div class="notice bad" role="alert"><p>Nothing was saved${count ? `: fix the ${count === 1 ? 'field' : `${count} fields`} marked below` : ''}.</p>${formProblem ? html`<p>${formProblem}</p>` : ''}${count ? html`<ul>${Object.entries(fields).map(([k, m]) => html`<li><a href="#${fid(k)}">${fieldName(k)}</a>: ${m}</li>`)}</ul>` : ''}</div>` : ''}
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<form method="post" action="${action}" class="panel school-form" novalidate>
<input type="hidden" name="_csrf" value="${input.csrf}">
${mode === 'new'
  ? text(p, 'id', 'School id', v.id, 'Lower-case letters, digits and hyphens, e.g. northgate-park. Cannot be changed later.', 'autocomplete="off" spellcheck="false"')
  : html`<input type="hidden" name="id" value="${v.id}"><p class="small muted">School id: <code>${v.id}</code> (fixed)</p>`}
${text(p, 'name', 'Name', v.name)}
<div class="cols2">
${area(p, 'aliases', 'Aliases', v.aliases, 'Other names people use, one per line')}
${area(p, 'context', 'Context words', v.context, 'Words that confirm a short alias means this school, one per line')}
${area(p, 'exclude', 'Exclusions', v.exclude, 'Phrases that mean it is not the school (a shop, a church), one per line')}
${area(p, 'recipients', 'Digest recipients', v.recipients, 'Email addresses, one per line')}
${area(p, 'urgentRecipients', 'Urgent-alert recipients', v.urgentRecipients, 'Who gets an email at once about a threat, a pupil leak or shared log-ins: one address per line. Leave empty to use the digest recipients.')}
</div>
<div class="cols2">
${text(p, 'timezone', 'Timezone', v.timezone, 'IANA name, e.g. Europe/London')}
${text(p, 'digestHour', 'Digest hour (0–23, school time)', v.digestHour, '', 'inputmode="numeric"')}
</div>
<div class="field"><label><input type="checkbox" name="allClear"${v.allClear ? html` checked` : ''}> Send an “all clear” email when nothing is flagged</label></div>
${publicFactsFields(v, p)}
<fieldset class="feeds"><legend>Feeds</legend>
<p class="small muted">Templated sources search for the name and aliases (minus exclusions) unless you give a query. Fill only the fields that apply to the source. A new feed address is read once before saving, to check it works.</p>
${googleAlertsHelp()}
${p.feeds ? html`<p>${err(p, 'feeds')}</p>` : ''}
${rows.map((row, i) => feedRow(row, i, p, input.urls?.[i], false, input.checks?.find((c) => row.source === 'rss' && c.url === row.url)))}
${feedRow({ source: '', url: '', label: '', query: '', instance: '', tag: '', remove: false }, rows.length, p, undefined, true)}
</fieldset>
<div class="actions"><button type="submit" name="intent" value="save">${mode === 'new' ? 'Add school' : 'Save school'}</button>
<button type="submit" name="intent" value="preview" class="secondary">Preview matches (saves nothing)</button>
<button type="submit" name="intent" value="check" class="secondary">Check feed addresses (saves nothing)</button>
<a class="button secondary" href="/admin">Cancel</a></div>
</form>
${mode === 'edit' ? html`<p class="small"><a href="/admin/schools/${v.id}/remove">Remove this school and erase its data…</a></p>` : ''}
${input.preview ? previewSection(input.preview, input.timezone ?? (v.timezone || 'Europe/London')) : ''}`;
}

const FACT_LABEL: Record<FactField, { label: string; hint: string }> = {
  phones: { label: 'Published phone numbers', hint: 'The school’s own numbers (office, admissions), one per line, e.g. 01632 960100' },
  addresses: { label: 'Published addresses', hint: 'The school’s postal address, one per line, e.g. 14 Fen Lane, Harlow Fen HF3 2QP' },
  postcodes: { label: 'Published postcodes', hint: 'One per line, e.g. HF3 2QP' },
  websites: { label: 'Websites', hint: 'The school’s own web addresses, one per line, e.g. www.northgate.sch.uk' },
  people: { label: 'Published names', hint: 'People the school names publicly, such as the headteacher, one per line' },
};

/**
 * Public facts: what the school publishes itself. The scorer never flags these as a leak for this school, but
 * abuse about a named head still flags, and so does anyone's private number or home address.
 */
function publicFactsFields(v: SchoolFormValues, p: Problems): Html {
  return html`<fieldset class="feeds public-facts"><legend>Public facts</legend>
<p class="small muted" id="facts-hint">What the school publishes itself (its website, Get Information about Schools). The confidential rules never flag these as a leak for this school; a parent’s, pupil’s or teacher’s own number or address still is, and so is abuse about a named head.</p>
<div class="cols2">
${FACT_FIELDS.map((k) => area(p, `publicFacts.${k}`, FACT_LABEL[k].label, v.publicFacts?.[k] ?? '', FACT_LABEL[k].hint))}
</div>
</fieldset>`;
}

/** How to make a Google Alert that Schoolwatch can read: a short help that stays closed until asked for. */
function googleAlertsHelp(): Html {
  return html`<details class="help google-alerts"><summary>How to watch a Google Alert</summary>
<ol class="small">
<li>Go to <strong>google.com/alerts</strong>, signed in with a Google account the school or trust controls, and type what to watch, e.g. <code>"Northgate Park Academy"</code> in quotes.</li>
<li>Choose <strong>Show options</strong>, set <strong>Deliver to: RSS feed</strong> (and How often: As-it-happens), then <strong>Create Alert</strong>.</li>
<li>In the list of alerts, right-click the <strong>RSS icon</strong> beside the alert and copy the link. It looks like <code>${GOOGLE_ALERTS_FEED_EXAMPLE}</code>; the alerts page itself (<code>google.com/alerts</code>) is not the feed.</li>
<li>In “Add a feed” below, choose <strong>RSS, Atom or JSON Feed address</strong>, paste the link and save: Schoolwatch reads it once and shows what it found.</li>
</ol></details>`;
}

function fieldName(k: string): string {
  const m = /^feeds\.(\d+)\.(\w+)$/.exec(k);
  if (m) return `Feed ${Number(m[1]) + 1}, ${m[2] === 'url' ? 'address' : m[2]}`;
  const f = /^publicFacts\.(\w+)$/.exec(k);
  if (f && f[1]! in FACT_LABEL) return FACT_LABEL[f[1] as FactField].label;
  return { id: 'School id', digestHour: 'Digest hour', allClear: 'All clear', feeds: 'Feeds' }[k] ?? k.charAt(0).toUpperCase() + k.slice(1);
}

const rank = (i: PreviewItem) => (i.flagged ? 0 : i.matched ? 1 : 2);

/** What the draft would have matched, feed by feed. Shown once; nothing of it is stored. */
export function previewSection(r: PreviewResult, tz: string): Html {
  const tzSafe = (() => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return tz;
    } catch {
      return 'Europe/London';
    }
  })();
  return html`<section class="panel preview" id="preview" aria-labelledby="preview-h">
<h2 id="preview-h">Preview: what this configuration matches now</h2>
<p role="status">Read ${r.feeds.length} feed${r.feeds.length === 1 ? '' : 's'} at ${formatLocal(r.at, tzSafe)}: <strong>${r.totals.items}</strong> items, <strong>${r.totals.matched}</strong> about this school, <strong>${r.totals.flagged}</strong> would be flagged${r.totals.failedFeeds ? html`, <strong>${r.totals.failedFeeds}</strong> feed${r.totals.failedFeeds === 1 ? '' : 's'} could not be read` : ''}.</p>
<p class="small muted">Nothing was saved: neither the configuration nor any item. Saving the school is a separate step.</p>
${r.feeds.length === 0 ? html`<p class="empty">This school has no feeds yet: add one above, then preview again.</p>` : ''}
${r.feeds.map(
    (f, n) => html`<h3 class="feed-h">Feed ${n + 1}: ${SOURCE_LABEL[f.spec.source] ?? f.spec.source}</h3>
<p class="small"><code>${f.url ?? '(no address)'}</code></p>
${f.ok
  ? html`<p class="small">${f.feedTitle ? html`“${short(f.feedTitle, 120)}”: ` : ''}${f.totalItems} item${f.totalItems === 1 ? '' : 's'}, ${f.matched} about this school, ${f.flagged} flagged${f.items.length < f.totalItems ? ` (first ${f.items.length} shown)` : ''}.</p>
${f.items.length
  ? html`<table class="preview-items"><caption class="skip-label">Items of feed ${n + 1}, flagged first</caption><thead><tr><th scope="col">Item</th><th scope="col">About this school?</th><th scope="col">Flagged?</th></tr></thead><tbody>
${[...f.items].sort((a, b) => rank(a) - rank(b)).map((i) => itemRow(i, tzSafe))}</tbody></table>`
  : html`<p class="muted">The feed is empty.</p>`}`
  : html`<p class="notice bad">Could not read this feed (${f.error?.code}): ${f.error?.message}</p>`}`,
  )}
</section>`;
}

function itemRow(i: PreviewItem, tz: string): Html {
  const link = safeHttpUrl(i.link);
  return html`<tr class="${i.flagged ? 'pv-flagged' : i.matched ? 'pv-matched' : 'pv-unmatched'}">
<td class="title-cell">${link ? html`<a href="${link.href}" rel="noopener noreferrer nofollow" target="_blank"><bdi>${short(i.title, 140) || '(untitled)'}</bdi></a>` : html`<bdi>${short(i.title, 140) || '(untitled)'}</bdi>`}
${i.publishedAt ? html`<div class="small muted">Published ${formatLocal(i.publishedAt, tz)}</div>` : ''}
<div class="small muted">${short(i.excerpt, 200)}</div></td>
<td>${i.matched ? html`<strong>Yes</strong>` : html`<span>No</span>`}<div class="small">${i.matchReason}</div></td>
<td>${i.flagged
    ? html`<span class="badge sev-${i.severity ?? 'low'}">${i.severity ?? 'flagged'}</span> <span>${i.families.join(', ')}</span><ul class="cats small">${i.categories.map((c) => html`<li><strong>${c.label}</strong> (${c.id}): ${c.reason}</li>`)}</ul>`
    : i.matched
      ? html`<span>No</span><div class="small muted">${i.explanation ?? 'Nothing the policy asks to report.'}</div>`
      : html`<span class="muted">Not scored (not about this school)</span>`}</td>
</tr>`;
}

/** Trust settings: name, retention and the central team's roll-up. */
export function trustFormBody(input: { id: string; values: TrustFormValues; problems: Problems; csrf: string; notice?: string }): Html {
  const { values: v, problems: p } = input;
  const count = Object.keys(p).length;
  return html`<p><a href="/admin">← Admin</a></p><h1>Trust settings</h1>
${count ? html`<p class="notice bad" role="alert">Nothing was saved: fix the ${count === 1 ? 'field' : `${count} fields`} marked below.</p>` : ''}
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<form method="post" action="/admin/trust" class="panel" novalidate>
<input type="hidden" name="_csrf" value="${input.csrf}">
<p class="small muted">Trust id: <code>${input.id}</code> (fixed)</p>
${text(p, 'name', 'Trust name', v.name)}
${text(p, 'retentionMonths', 'Keep evidence snapshots for (months, 1–120)', v.retentionMonths, 'Escalated items are kept until released', 'inputmode="numeric"')}
<fieldset class="feeds"><legend>Daily roll-up for the central team</legend>
${area(p, 'rollupRecipients', 'Roll-up recipients', v.rollupRecipients, 'Email addresses, one per line. Leave empty for no roll-up.')}
<div class="field"><label><input type="checkbox" name="rollupReplace"${v.rollupReplace ? html` checked` : ''}> Send the roll-up instead of the schools’ own digests</label>${err(p, 'rollupReplace')}</div>
<div class="cols2">
${text(p, 'rollupTimezone', 'Roll-up timezone', v.rollupTimezone, 'IANA name, e.g. Europe/London')}
${text(p, 'rollupDigestHour', 'Roll-up hour (0–23)', v.rollupDigestHour, '', 'inputmode="numeric"')}
</div>
</fieldset>
<div class="actions"><button type="submit">Save trust settings</button><a class="button secondary" href="/admin">Cancel</a></div>
</form>`;
}

/** Users of the trust: role/school changes, disable/enable, and adding a user. */
export function usersSection(input: {
  users: UserSummary[];
  schools: SchoolRef[];
  csrf: string;
  me: string;
  mode: 'local' | 'cognito';
  form?: { problems?: Problems; email?: string; role?: string; schoolId?: string };
  rowProblem?: { email: string; message: string };
}): Html {
  const p = input.form?.problems ?? {};
  const f = input.form ?? {};
  const uerr = (k: string) => (p[k] ? html`<span class="error" id="u-${k}-error">${p[k]}</span>` : '');
  const uinv = (k: string) => (p[k] ? html` aria-invalid="true" aria-describedby="u-${k}-error"` : '');
  const schoolOptions = (selected?: string) =>
    html`<option value="">— none (trust-wide) —</option>${input.schools.map((s) => html`<option value="${s.school.id}"${s.school.id === selected ? html` selected` : ''}>${s.school.name}</option>`)}`;
  const table = input.mode === 'local'
    ? html`<table id="users"><caption class="skip-label">Users of this trust</caption><thead><tr><th scope="col">Email</th><th scope="col">Access</th><th scope="col">State</th><th scope="col"><span class="small">Sign-in</span></th></tr></thead>
<tbody>${input.users.map((u, n) => {
        const self = u.email === input.me;
        const rowErr = input.rowProblem?.email === u.email ? html`<span class="error" id="ua-${n}-error">${input.rowProblem.message}</span>` : '';
        return html`<tr><td>${u.email}${self ? html` <span class="small muted">(you)</span>` : ''}</td>
<td>${self
          ? html`${u.role}${u.schoolId ? ` · ${u.schoolId}` : ''}`
          : html`<form method="post" action="/admin/users/access" class="inline-form">
<input type="hidden" name="_csrf" value="${input.csrf}"><input type="hidden" name="email" value="${u.email}">
<label class="skip-label" for="ua-${n}-role">Role of ${u.email}</label><select id="ua-${n}-role" name="role">${ROLES.map((r) => html`<option value="${r}"${r === u.role ? html` selected` : ''}>${r}</option>`)}</select>
<label class="skip-label" for="ua-${n}-school">School of ${u.email}</label><select id="ua-${n}-school" name="schoolId"${rowErr ? html` aria-invalid="true" aria-describedby="ua-${n}-error"` : ''}>${schoolOptions(u.schoolId)}</select>
<button class="secondary" type="submit">Change<span class="skip-label"> access of ${u.email}</span></button>${rowErr}</form>`}</td>
<td>${u.disabled ? 'disabled' : 'active'}${u.mustChangePassword ? html`<div class="small muted">must change password</div>` : ''}${u.note ? html`<div class="small muted">${u.note}</div>` : ''}</td>
<td>${self
          ? ''
          : html`<form method="post" action="/admin/users/disable"><input type="hidden" name="_csrf" value="${input.csrf}"><input type="hidden" name="email" value="${u.email}"><input type="hidden" name="disabled" value="${u.disabled ? 'false' : 'true'}"><button class="secondary" type="submit">${u.disabled ? 'Enable' : 'Disable'}<span class="skip-label"> ${u.email}</span></button></form>
<form method="post" action="/admin/users/reset"><input type="hidden" name="_csrf" value="${input.csrf}"><input type="hidden" name="email" value="${u.email}"><button class="secondary" type="submit">Reset password<span class="skip-label"> of ${u.email}</span></button></form>`}</td></tr>`;
      })}</tbody></table>`
    : html`<p>Users are managed in the Cognito user pool (groups admin / trust / head, attributes <code>custom:trust_id</code> and <code>custom:school_id</code>). Fill in the form to get the exact commands that add one.</p>`;
  return html`${table}
<h3 id="add-user-h">Add a user</h3>
<form method="post" action="/admin/users" class="panel" novalidate aria-labelledby="add-user-h">
<input type="hidden" name="_csrf" value="${input.csrf}">
<div class="cols2">
<div class="field"><label for="u-email">Email</label><input id="u-email" type="email" name="email" autocomplete="off" value="${f.email ?? ''}"${uinv('email')}>${uerr('email')}</div>
<div class="field"><label for="u-role">Role</label><select id="u-role" name="role"${uinv('role')}><option value=""${!f.role ? html` selected` : ''}>Choose a role…</option>${ROLES.map((r) => html`<option value="${r}"${r === f.role ? html` selected` : ''}>${ROLE_WORDS[r]}</option>`)}</select>${uerr('role')}</div>
<div class="field"><label for="u-school">School (heads only)</label><select id="u-school" name="schoolId"${uinv('schoolId')}>${schoolOptions(f.schoolId)}</select>${uerr('schoolId')}</div>
</div>
<p class="small muted">${input.mode === 'local' ? 'A password is generated and shown to you once; pass it on securely.' : 'Cognito emails the person a temporary password and asks them to choose their own.'}</p>
<div class="actions"><button type="submit">${input.mode === 'local' ? 'Add user' : 'Show the commands'}</button></div>
</form>`;
}

/** Roles as people say them (the value sent is still the role id). */
const ROLE_WORDS: Record<string, string> = { head: 'head (one school)', trust: 'trust team (every school)', admin: 'admin (settings and users)' };

export function invitedBody(input: { email: string; role: string; schoolId?: string; password?: string; commands?: string[]; reset?: boolean }): Html {
  return html`<p><a href="/admin#users">← Admin</a></p><h1>${input.password ? (input.reset ? 'Password reset' : 'User added') : 'Add this user in Cognito'}</h1>
${input.password
  ? html`<p role="status" class="notice">${input.email} can now sign in as <strong>${input.role}</strong>${input.schoolId ? ` of ${input.schoolId}` : ''} and must then choose their own password.</p>
<div class="panel"><p>Their password, shown <strong>only this once</strong> (it is stored only as a hash):</p>
<p><code class="secret" id="one-time-password">${input.password}</code></p>
<p class="small muted">Pass it on by a different channel from the email address (e.g. by phone). If it is lost, use “Reset password” in the users table.</p></div>`
  : html`<p>Run these with credentials for the account that holds the user pool. Cognito emails ${input.email} a temporary password.</p>
<pre class="commands"><code>${(input.commands ?? []).join('\n')}</code></pre>`}`;
}

/** Confirmation before removing a school: what is erased, who is disabled, and the id typed to confirm. */
export function removeSchoolBody(input: { ref: SchoolRef; heads: UserSummary[]; csrf: string; problem?: string; value?: string; mode: 'local' | 'cognito' }): Html {
  const s = input.ref.school;
  return html`<p><a href="/admin/schools/${s.id}">← ${s.name}</a></p><h1>Remove ${s.name}</h1>
${input.problem ? html`<p class="notice bad" role="alert">Nothing was removed: <a href="#confirm">${input.problem}</a>.</p>` : ''}
<div class="panel">
<p><strong>This cannot be undone.</strong> Removing the school deletes, for good:</p>
<ul>
<li>every flagged item (mention) of ${s.name}, with its captured snapshot,</li>
<li>the audit trail of those items (reviews, notes, who read them),</li>
<li>its digest records and the markers of items already seen,</li>
<li>the school’s configuration: names, aliases, recipients and its ${s.feeds.length} feed${s.feeds.length === 1 ? '' : 's'}.</li>
</ul>
${input.mode === 'local'
  ? input.heads.length
    ? html`<p>These users of the school will be <strong>disabled</strong>, with a note saying why: ${input.heads.map((u, i) => html`${i ? ', ' : ''}${u.email}`)}.</p>`
    : html`<p>No user is assigned to this school.</p>`
  : html`<p>Users in the Cognito user pool whose <code>custom:school_id</code> is <code>${s.id}</code> keep their account: remove them there.</p>`}
<p class="small muted">If the trust needs a copy first (a subject-access request, or to keep evidence), export it before removing: <code>npm run -s cli -- school export ${s.id} --out ${s.id}.json</code>.</p>
</div>
<form method="post" action="/admin/schools/${s.id}/remove" class="panel" novalidate>
<input type="hidden" name="_csrf" value="${input.csrf}">
<div class="field"><label for="confirm">Type the school id, <code>${s.id}</code>, to confirm</label><input id="confirm" name="confirm" autocomplete="off" spellcheck="false" value="${input.value ?? ''}"${input.problem ? html` aria-invalid="true" aria-describedby="confirm-error"` : ''}>${input.problem ? html`<span class="error" id="confirm-error">${input.problem}</span>` : ''}</div>
<div class="actions"><button type="submit" class="danger">Remove school and erase its data</button><a class="button secondary" href="/admin/schools/${s.id}">Cancel</a></div>
</form>`;
}

/** After a school was removed: what happened. */
export function removedSchoolBody(input: { name: string; id: string; mentions: number; items: number; disabledUsers: string[] }): Html {
  return html`<p><a href="/admin">← Admin</a></p><h1>School removed</h1>
<p class="notice" role="status">${input.name} (<code>${input.id}</code>) was removed: ${input.mentions} flagged item${input.mentions === 1 ? '' : 's'} with their audit trail and ${input.items} other record${input.items === 1 ? '' : 's'} were erased.</p>
${input.disabledUsers.length ? html`<p>Disabled, with a note: ${input.disabledUsers.join(', ')}.</p>` : ''}
<p><a href="/admin">Back to the admin console</a></p>`;
}
