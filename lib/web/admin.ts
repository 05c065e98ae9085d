import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { groupFeeds } from '../app/plan-polls';
import { addUser, listUsers, setUserDisabled, UserInputError } from '../app/users';
import { ROLES } from '../auth/principal';
import { School, type SchoolRef } from '../config/schema';
import { formatLocal } from '../digest/schedule';
import { normaliseEmail, type SuppressionRecord } from '../store/suppression-store';
import type { AppEnv, WebContext } from './app';
import type { Html } from './layout';
import { csrfToken } from './security';

type Render = (c: Context<AppEnv>, title: string, body: Html, status?: 200 | 400 | 403 | 404 | 409 | 429, current?: 'mentions' | 'admin') => Response | Promise<Response>;

const LIST_FIELDS = ['aliases', 'context', 'exclude', 'recipients'] as const;

/** Admin console: schools (validated with the config schema), feed health and users, for the admin's own trust. */
export function registerAdmin(app: Hono<AppEnv>, ctx: WebContext, render: Render): void {
  app.use('/admin', adminOnly(render));
  app.use('/admin/*', adminOnly(render));

  app.get('/admin', async (c) => {
    const p = c.get('principal')!;
    const schools = await ctx.store.config.listSchools(p.trustId);
    const feeds = await Promise.all(
      groupFeeds(schools).map(async (job) => ({ job, state: await ctx.store.feeds.get(job.urlHash) })),
    );
    const users = ctx.auth.mode === 'local' ? await listUsers(ctx, p.trustId) : undefined;
    const suppressed = suppressedInTrust(await ctx.store.suppressions.list(), schools, (await ctx.store.config.getTrust(p.trustId))?.rollup?.recipients ?? []);
    const t = (iso?: string) => (iso ? formatLocal(iso, 'Europe/London') : '—');
    const body = html`<h1>Admin</h1>
${c.req.query('saved') ? html`<p class="notice" role="status">Saved.</p>` : ''}
<h2>Schools</h2>
<table><thead><tr><th scope="col">School</th><th scope="col">Timezone</th><th scope="col">Digest hour</th><th scope="col">Recipients</th><th scope="col">Feeds</th></tr></thead>
<tbody>${schools.map(
      (s) => html`<tr><td><a href="/admin/schools/${s.school.id}">${s.school.name}</a><div class="small muted">${s.school.id}</div></td><td>${s.school.timezone}</td><td>${String(s.school.digestHour).padStart(2, '0')}:00</td><td>${s.school.recipients.join(', ') || '—'}</td><td>${s.school.feeds.length}</td></tr>`,
    )}</tbody></table>
<h2>Feed health</h2>
${feeds.length
  ? html`<table><thead><tr><th scope="col">Feed</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Next poll</th><th scope="col">Failures in a row</th></tr></thead>
<tbody>${feeds.map(
      ({ job, state }) => html`<tr><td><code>${job.url}</code><div class="small muted">${job.schools.map((s) => s.schoolId).join(', ')}</div></td>
<td>${t(state?.lastSuccessAt)}</td><td>${state?.lastError ? html`<span class="error">${state.lastErrorCode ?? 'error'}</span> ${state.lastError}<div class="small muted">${t(state.lastErrorAt)}</div>` : '—'}</td>
<td>${state ? t(state.nextPollAt) : 'not polled yet'}</td><td>${state?.consecutiveFailures ?? 0}${(state?.consecutiveFailures ?? 0) > 0 ? ' (backing off)' : ''}</td></tr>`,
    )}</tbody></table>`
  : html`<p class="muted">No feeds configured.</p>`}
<h2 id="suppressed">Suppressed addresses</h2>
${suppressed.length
  ? html`<p class="small muted">SES reported these digest addresses as bouncing permanently or complaining, so digests skip them. Fix or replace them in the recipients.</p>
<table><thead><tr><th scope="col">Address</th><th scope="col">Reason</th><th scope="col">Since</th><th scope="col">Recipient of</th></tr></thead>
<tbody>${suppressed.map(
      ({ record: r, usedBy }) => html`<tr><td>${r.email}</td><td>${r.reason === 'bounce' ? 'Bounced' : 'Complaint'}${r.detail ? html` <span class="small muted">(${r.detail})</span>` : ''}${r.diagnostic ? html`<div class="small muted">${r.diagnostic}</div>` : ''}</td><td>${t(r.at)}</td><td>${usedBy.join(', ')}</td></tr>`,
    )}</tbody></table>`
  : html`<p class="muted">No digest address of this trust is suppressed.</p>`}
<h2>Users</h2>
${users ? usersSection(users, schools, csrfToken(c), {}) : html`<p>Users are managed in the Cognito user pool (groups admin / trust / head, attributes custom:trust_id and custom:school_id).</p>`}`;
    return render(c, 'Admin', body, 200, 'admin');
  });

  app.get('/admin/schools/:id', async (c) => {
    const ref = await ownSchool(ctx, c);
    if (!ref) return c.notFound();
    return render(c, `Edit ${ref.school.name}`, schoolForm(ref.school, formValues(ref.school), {}, csrfToken(c)), 200, 'admin');
  });

  app.post('/admin/schools/:id', async (c) => {
    const ref = await ownSchool(ctx, c);
    if (!ref) return c.notFound();
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const k of ['name', 'timezone', 'digestHour', 'feeds', 'allClear', ...LIST_FIELDS]) values[k] = typeof body[k] === 'string' ? (body[k] as string) : '';
    const problems: Record<string, string> = {};
    let feeds: unknown = [];
    try {
      feeds = values.feeds!.trim() ? JSON.parse(values.feeds!) : [];
    } catch {
      problems.feeds = 'is not valid JSON (a list such as [{"source": "google-news"}])';
    }
    const lines = (k: string) => values[k]!.split('\n').map((s) => s.trim()).filter(Boolean);
    const candidate = {
      ...ref.school,
      name: values.name,
      timezone: values.timezone,
      digestHour: /^\d{1,2}$/.test(values.digestHour!) ? Number(values.digestHour) : values.digestHour,
      allClear: values.allClear === 'on',
      feeds,
      ...Object.fromEntries(LIST_FIELDS.map((k) => [k, lines(k)])),
    };
    const parsed = School.safeParse(candidate);
    if (!parsed.success) for (const i of parsed.error.issues) problems[String(i.path[0])] ??= `${i.path.length > 1 ? `${i.path.slice(1).join('.')}: ` : ''}${i.message}`;
    if (!parsed.success || Object.keys(problems).length) return render(c, `Edit ${ref.school.name}`, schoolForm(ref.school, values, problems, csrfToken(c)), 400, 'admin');
    await ctx.store.config.saveSchool(ref.trustId, parsed.data);
    ctx.log.info('school saved', { schoolId: parsed.data.id, by: c.get('principal')!.email });
    return c.redirect('/admin?saved=1', 303);
  });

  app.post('/admin/users', async (c) => {
    const p = c.get('principal')!;
    if (ctx.auth.mode !== 'local') return c.notFound();
    const body = await c.req.parseBody();
    const v = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    try {
      await addUser(ctx, { email: v('email'), role: v('role') as 'head', trustId: p.trustId, schoolId: v('schoolId') || undefined, password: v('password') });
      return c.redirect('/admin?saved=1#users', 303);
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      const [users, schools] = await Promise.all([listUsers(ctx, p.trustId), ctx.store.config.listSchools(p.trustId)]);
      return render(c, 'Users', html`<h1>Users</h1>${usersSection(users, schools, csrfToken(c), { problems: err.problems, email: v('email'), role: v('role'), schoolId: v('schoolId') })}`, 400, 'admin');
    }
  });

  app.post('/admin/users/disable', async (c) => {
    const p = c.get('principal')!;
    if (ctx.auth.mode !== 'local') return c.notFound();
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email : '';
    if (email.toLowerCase() === p.email) return render(c, 'Users', html`<h1>Users</h1><p class="notice bad" role="alert">You cannot disable your own account.</p><p><a href="/admin">Back</a></p>`, 400, 'admin');
    await setUserDisabled(ctx, email, body.disabled !== 'false', p.trustId).catch((err: unknown) => {
      if (err instanceof UserInputError) return undefined;
      throw err;
    });
    return c.redirect('/admin?saved=1', 303);
  });
}

/** Suppressed addresses that this trust's schools or roll-up send to (other trusts' addresses stay private). */
function suppressedInTrust(records: SuppressionRecord[], schools: SchoolRef[], rollupRecipients: string[]): { record: SuppressionRecord; usedBy: string[] }[] {
  const usedBy = new Map<string, string[]>();
  const add = (email: string, who: string) => usedBy.set(normaliseEmail(email), [...(usedBy.get(normaliseEmail(email)) ?? []), who]);
  for (const s of schools) for (const e of s.school.recipients) add(e, s.school.name);
  for (const e of rollupRecipients) add(e, 'trust roll-up');
  return records.filter((r) => usedBy.has(r.email)).map((record) => ({ record, usedBy: usedBy.get(record.email)! }));
}

function adminOnly(render: Render) {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const p = c.get('principal');
    if (p?.role === 'admin') return next();
    return render(c, 'Admins only', html`<h1>Admins only</h1><p>The admin console is for your trust’s administrators. <a href="/mentions">Back to the flagged items</a>.</p>`, 403);
  };
}

async function ownSchool(ctx: WebContext, c: Context<AppEnv>): Promise<SchoolRef | undefined> {
  const ref = await ctx.store.config.getSchool(c.req.param('id') ?? '');
  return ref && ref.trustId === c.get('principal')!.trustId ? ref : undefined;
}

function formValues(s: School): Record<string, string> {
  return {
    name: s.name,
    timezone: s.timezone,
    digestHour: String(s.digestHour),
    allClear: s.allClear ? 'on' : '',
    feeds: JSON.stringify(s.feeds, null, 2),
    ...Object.fromEntries(LIST_FIELDS.map((k) => [k, s[k].join('\n')])),
  };
}

function schoolForm(school: School, values: Record<string, string>, problems: Record<string, string>, csrf: string): Html {
  const err = (k: string) => (problems[k] ? html`<span class="error" id="s-${k}-error">${problems[k]}</span>` : '');
  const inv = (k: string) => (problems[k] ? html` aria-invalid="true" aria-describedby="s-${k}-error"` : '');
  const text = (k: string, label: string, hint = '') => html`<div class="field"><label for="s-${k}">${label}</label>${hint ? html`<span class="small muted" id="s-${k}-hint">${hint}</span>` : ''}<input id="s-${k}" name="${k}" value="${values[k] ?? ''}"${inv(k)}>${err(k)}</div>`;
  const area = (k: string, label: string, hint: string) => html`<div class="field"><label for="s-${k}">${label}</label><span class="small muted">${hint}</span><textarea id="s-${k}" name="${k}" rows="4"${inv(k)}>${values[k] ?? ''}</textarea>${err(k)}</div>`;
  return html`<p><a href="/admin">← Admin</a></p><h1>Edit ${school.name}</h1>
${Object.keys(problems).length ? html`<p class="notice bad" role="alert">Nothing was saved: fix the fields marked below.</p>` : ''}
<form method="post" action="/admin/schools/${school.id}" class="panel" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<p class="small muted">School id: <code>${school.id}</code> (fixed)</p>
${text('name', 'Name')}
${area('aliases', 'Aliases', 'Other names people use, one per line')}
${area('context', 'Context words', 'Words that confirm an alias means this school, one per line')}
${area('exclude', 'Exclusions', 'Phrases that mean it is not the school, one per line')}
${area('recipients', 'Digest recipients', 'Email addresses, one per line')}
${text('timezone', 'Timezone', 'IANA name, e.g. Europe/London')}
${text('digestHour', 'Digest hour (0–23, school time)')}
<div class="field"><label><input type="checkbox" name="allClear"${values.allClear === 'on' ? html` checked` : ''}> Send an “all clear” email when nothing is flagged</label></div>
${area('feeds', 'Feeds (JSON)', 'e.g. [{"source": "google-news"}, {"source": "rss", "url": "https://…"}]')}
<div class="actions"><button type="submit">Save school</button><a class="button secondary" href="/admin">Cancel</a></div>
</form>`;
}

function usersSection(
  users: Awaited<ReturnType<typeof listUsers>>,
  schools: SchoolRef[],
  csrf: string,
  form: { problems?: Record<string, string>; email?: string; role?: string; schoolId?: string },
): Html {
  const p = form.problems ?? {};
  const err = (k: string) => (p[k] ? html`<span class="error" id="u-${k}-error">${p[k]}</span>` : '');
  const inv = (k: string) => (p[k] ? html` aria-invalid="true" aria-describedby="u-${k}-error"` : '');
  return html`<table id="users"><thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">School</th><th scope="col">State</th><th scope="col"><span class="small">Action</span></th></tr></thead>
<tbody>${users.map(
    (u) => html`<tr><td>${u.email}</td><td>${u.role}</td><td>${u.schoolId ?? 'all'}</td><td>${u.disabled ? 'disabled' : 'active'}</td>
<td><form method="post" action="/admin/users/disable"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="email" value="${u.email}"><input type="hidden" name="disabled" value="${u.disabled ? 'false' : 'true'}"><button class="secondary" type="submit">${u.disabled ? 'Enable' : 'Disable'}<span class="skip-label"> ${u.email}</span></button></form></td></tr>`,
  )}</tbody></table>
<h3>Add a user</h3>
<form method="post" action="/admin/users" class="panel" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="u-email">Email</label><input id="u-email" type="email" name="email" value="${form.email ?? ''}"${inv('email')}>${err('email')}</div>
<div class="field"><label for="u-role">Role</label><select id="u-role" name="role"${inv('role')}>${ROLES.map((r) => html`<option value="${r}"${r === (form.role ?? 'head') ? html` selected` : ''}>${r}</option>`)}</select>${err('role')}</div>
<div class="field"><label for="u-school">School (heads only)</label><select id="u-school" name="schoolId"${inv('schoolId')}><option value="">— none —</option>${schools.map((s) => html`<option value="${s.school.id}"${s.school.id === form.schoolId ? html` selected` : ''}>${s.school.name}</option>`)}</select>${err('schoolId')}</div>
<div class="field"><label for="u-password">Initial password (at least 12 characters)</label><input id="u-password" type="password" name="password" autocomplete="new-password"${inv('password')}>${err('password')}</div>
<div class="actions"><button type="submit">Add user</button></div>
</form>`;
}
