import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import {
  AdminConfigError,
  ConfigNotFoundError,
  createSchool,
  draftFromForm,
  emptySchoolForm,
  type FeedRow,
  feedUrls,
  formFromBody,
  formProblems,
  shownFeedRows,
  keptByTheForm,
  ownSchool,
  parseSchool,
  removeSchool,
  saveSchool,
  saveTrustSettings,
  schoolToForm,
  trustDraftFromForm,
  trustFormFromBody,
  trustFormProblems,
  trustToForm,
} from '../app/admin-config';
import { checkFeeds, newFeedAddresses, type FeedCheck } from '../app/feed-test';
import { groupFeeds } from '../app/plan-polls';
import { previewSchool } from '../app/preview';
import { schoolForScoring } from '../app/school-for-scoring';
import { changeUserAccess, cognitoInviteCommands, inviteUser, listUsers, resetUserPassword, setUserDisabled, UserInputError } from '../app/users';
import type { SchoolRef } from '../config/schema';
import { formatLocal } from '../digest/schedule';
import { describeSuppressionReason, LIFT_NOTE_MAX, liftSuppression, LiftSuppressionError } from '../app/mail-events';
import { normaliseEmail, SOFT_BOUNCE_LIMIT, SOFT_BOUNCE_WINDOW_DAYS, type SoftBounceRecord, type SuppressionRecord } from '../store/suppression-store';
import { invitedBody, removedSchoolBody, removeSchoolBody, schoolFormBody, trustFormBody, usersSection } from './admin-views';
import type { AppEnv, WebContext } from './app';
import type { Html } from './layout';
import { csrfToken } from './security';

type Render = (c: Context<AppEnv>, title: string, body: Html, status?: 200 | 400 | 403 | 404 | 409 | 429, current?: 'mentions' | 'admin') => Response | Promise<Response>;

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
    const users = ctx.auth.mode === 'local' ? await listUsers(ctx, p.trustId) : [];
    const trust = await ctx.store.config.getTrust(p.trustId);
    const suppressed = suppressedInTrust(p.trustId, await ctx.store.suppressions.list(), schools, trust?.rollup?.recipients ?? []);
    const softBounces = softBouncesInTrust(p.trustId, await ctx.store.suppressions.listSoftBounces(ctx.clock().toISOString()), schools, trust?.rollup?.recipients ?? []);
    const softCount = (email: string) => softBounces.find((b) => b.email === email)?.count ?? 0;
    const t = (iso?: string) => (iso ? formatLocal(iso, 'Europe/London') : '—');
    const body = html`<h1>Admin</h1>
${c.req.query('saved') ? html`<p class="notice" role="status">${/^\d{1,2}$/.test(c.req.query('added') ?? '') ? `Added ${c.req.query('added')} school${c.req.query('added') === '1' ? '' : 's'} from GIAS.` : 'Saved.'}</p>` : ''}
<h2>Trust</h2>
<p>${trust?.name ?? p.trustId} · snapshots kept ${trust?.retentionMonths ?? 12} months · ${trust?.rollup ? `daily roll-up to ${trust.rollup.recipients.join(', ')}${trust.rollup.replaceSchoolDigests ? ' (instead of school digests)' : ''}` : 'no roll-up'}. <a href="/admin/trust">Edit trust settings</a></p>
<h2>Schools</h2>
<p class="actions"><a class="button secondary" href="/admin/schools/new">Add a school</a> <a class="button secondary" href="/admin/schools/new/from-urn">Add from URN</a></p>
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
<p><a href="/admin/digests">Held digests</a>: days a run claimed but did not finish sending, with a Release button.</p>
<h2 id="suppressed">Suppressed addresses</h2>
${suppressed.length
  ? html`<p class="small muted">SES reported these digest addresses as bouncing permanently, complaining, or bouncing transiently ${SOFT_BOUNCE_LIMIT} times in ${SOFT_BOUNCE_WINDOW_DAYS} days, so digests skip them. Fix or replace them in the recipients, or lift the suppression once the mailbox works again (the note is kept with the address's history).</p>
<table><thead><tr><th scope="col">Address</th><th scope="col">Reason</th><th scope="col">Since</th><th scope="col">Soft bounces (${SOFT_BOUNCE_WINDOW_DAYS} days)</th><th scope="col">Recipient of</th><th scope="col">Lift</th></tr></thead>
<tbody>${suppressed.map(
      ({ record: r, usedBy }) => html`<tr><td>${r.email}</td><td>${describeSuppressionReason(r.reason)}${r.detail ? html` <span class="small muted">(${r.detail})</span>` : ''}${r.diagnostic ? html`<div class="small muted">${r.diagnostic}</div>` : ''}</td><td>${t(r.at)}</td><td>${softCount(r.email)}</td><td>${usedBy.join(', ')}</td>
<td><form method="post" action="/admin/suppressed/lift"><input type="hidden" name="_csrf" value="${csrfToken(c)}"><input type="hidden" name="email" value="${r.email}">
<label class="small" for="lift-note-${r.email}">Why it can be lifted</label> <input id="lift-note-${r.email}" name="note" required maxlength="${LIFT_NOTE_MAX}"> <button class="secondary" type="submit">Lift</button></form></td></tr>`,
    )}</tbody></table>`
  : html`<p class="muted">No digest address of this trust is suppressed.</p>`}
${softBounces.filter((b) => !suppressed.some((s) => s.record.email === b.email)).length
  ? html`<p class="small muted">Soft bounces in the last ${SOFT_BOUNCE_WINDOW_DAYS} days (${SOFT_BOUNCE_LIMIT} suppress the address): ${softBounces
      .filter((b) => !suppressed.some((s) => s.record.email === b.email))
      .map((b, i) => html`${i ? ', ' : ''}${b.email} ${b.count}`)}.</p>`
  : ''}
<h2>Users</h2>
${usersSection({ users, schools, csrf: csrfToken(c), me: p.email, mode: ctx.auth.mode })}`;
    return render(c, 'Admin', body, 200, 'admin');
  });

  const principal = (c: Context<AppEnv>) => c.get('principal')!;

  // ---- trust settings
  app.get('/admin/trust', async (c) => {
    const t = await ctx.store.config.getTrust(principal(c).trustId);
    if (!t) return c.notFound();
    return render(c, 'Trust settings', trustFormBody({ id: t.id, values: trustToForm(t), problems: {}, csrf: csrfToken(c), notice: c.req.query('saved') ? 'Trust settings saved.' : undefined }), 200, 'admin');
  });

  app.post('/admin/trust', async (c) => {
    const p = principal(c);
    const values = trustFormFromBody(await c.req.parseBody());
    try {
      await saveTrustSettings(ctx, p, trustDraftFromForm(values));
      ctx.log.info('trust settings saved', { trustId: p.trustId, by: p.email });
      return c.redirect('/admin/trust?saved=1', 303);
    } catch (err) {
      if (err instanceof ConfigNotFoundError) return c.notFound();
      if (!(err instanceof AdminConfigError)) throw err;
      return render(c, 'Trust settings', trustFormBody({ id: p.trustId, values, problems: trustFormProblems(err.problems), csrf: csrfToken(c) }), 400, 'admin');
    }
  });

  // ---- schools: add, edit, preview ("new" is registered before ":id")
  app.get('/admin/schools/new', (c) =>
    render(c, 'Add a school', schoolFormBody({ mode: 'new', values: emptySchoolForm(), problems: {}, csrf: csrfToken(c) }), 200, 'admin'),
  );

  app.get('/admin/schools/:id', async (c) => {
    const ref = await ownSchoolOr404(ctx, c);
    if (!ref) return c.notFound();
    return render(
      c,
      `Edit ${ref.school.name}`,
      schoolFormBody({ mode: 'edit', values: schoolToForm(ref.school), problems: {}, csrf: csrfToken(c), urls: feedUrls(ref.school), notice: savedNotice(c.req.query('saved'), c.req.query('checked'), c.req.query('anyway')) }),
      200,
      'admin',
    );
  });

  const postSchool = async (c: Context<AppEnv>, mode: 'new' | 'edit') => {
    const p = principal(c);
    const ref = mode === 'edit' ? await ownSchoolOr404(ctx, c) : undefined;
    if (mode === 'edit' && !ref) return c.notFound();
    const body = await c.req.parseBody();
    const values = formFromBody(body);
    if (ref) values.id = ref.school.id;
    const { draft: formDraft, feedRows } = draftFromForm(values);
    // An edit keeps what the form has no field for (URN, scoring tuning), for the preview and checks too.
    const draft = ref ? { ...keptByTheForm(ref.school, formDraft), ...formDraft } : formDraft;
    const title = mode === 'new' ? 'Add a school' : `Edit ${ref!.school.name}`;
    const again = (problems: Record<string, string>, extra: Partial<Parameters<typeof schoolFormBody>[0]> = {}) =>
      schoolFormBody({ mode, values: { ...values, feeds: values.feeds.filter((r) => !r.remove) }, problems, csrf: csrfToken(c), ...extra });
    try {
      if (body.intent === 'preview') {
        const school = parseSchool(draft);
        // The poller scores with what reviewers taught it (dismissed false positives); so does the preview.
        const scoring = ref ? (await schoolForScoring(ctx.store, { trustId: ref.trustId, school })).school : school;
        const preview = await previewSchool({ fetcher: ctx.fetcher(), clock: ctx.clock }, scoring);
        ctx.log.info('school preview', { schoolId: school.id, by: p.email, feeds: preview.feeds.length, items: preview.totals.items });
        return render(c, title, again({}, { values: { ...schoolToForm(school) }, urls: feedUrls(school), preview }), 200, 'admin');
      }
      if (body.intent === 'check') {
        const school = parseSchool(draft);
        const checks = await checkFeeds({ fetcher: ctx.fetcher(), clock: ctx.clock }, newFeedAddresses(school));
        ctx.log.info('feed check', { schoolId: school.id, by: p.email, feeds: checks.length, failed: checks.filter((k) => !k.ok).length });
        const notice = checks.length ? `Checked ${checks.length} feed address${checks.length === 1 ? '' : 'es'}: ${checks.filter((k) => k.ok).length} could be read. Nothing was saved.` : 'There is no feed address (RSS) to check. Nothing was saved.';
        return render(c, title, again({}, { checks, notice }), 200, 'admin');
      }
      // A pasted feed address is read once before saving, with the code behind `feed test`; one that cannot be
      // read is not saved unless the admin ticks "Save anyway" on its row (the feed may only be down for now).
      const checks = await checkFeeds({ fetcher: ctx.fetcher(), clock: ctx.clock }, newFeedAddresses(parseSchool(draft), ref?.school));
      const refused = unreadable(checks, values.feeds);
      if (Object.keys(refused).length) {
        ctx.log.info('school not saved: feed check failed', { by: p.email, feeds: Object.keys(refused).length });
        return render(c, title, again(refused, { checks }), 400, 'admin');
      }
      const saved = mode === 'new' ? await createSchool(ctx, p, draft) : await saveSchool(ctx, p, ref!.school.id, draft);
      ctx.log.info(mode === 'new' ? 'school added' : 'school saved', { schoolId: saved.id, by: p.email, feedsChecked: checks.length });
      const anyway = checks.filter((k) => !k.ok).length;
      return c.redirect(`/admin/schools/${saved.id}?saved=1${checks.length ? `&checked=${checks.length}` : ''}${anyway ? `&anyway=${anyway}` : ''}`, 303);
    } catch (err) {
      if (err instanceof ConfigNotFoundError) return c.notFound();
      if (!(err instanceof AdminConfigError)) throw err;
      return render(c, title, again(formProblems(err.problems, feedRows)), 400, 'admin');
    }
  };
  app.post('/admin/schools/new', (c) => postSchool(c, 'new'));
  app.post('/admin/schools/:id', (c) => postSchool(c, 'edit'));

  // ---- remove a school: a confirmation page (type the id), then erase its data, disable its heads, delete it
  const removePage = async (c: Context<AppEnv>, ref: SchoolRef, extra: { problem?: string; value?: string } = {}, status: 200 | 400 = 200) => {
    const heads = ctx.auth.mode === 'local' ? (await listUsers(ctx, ref.trustId)).filter((u) => u.schoolId === ref.school.id) : [];
    return render(c, `Remove ${ref.school.name}`, removeSchoolBody({ ref, heads, csrf: csrfToken(c), mode: ctx.auth.mode, ...extra }), status, 'admin');
  };
  app.get('/admin/schools/:id/remove', async (c) => {
    const ref = await ownSchoolOr404(ctx, c);
    return ref ? removePage(c, ref) : c.notFound();
  });
  app.post('/admin/schools/:id/remove', async (c) => {
    const p = principal(c);
    const ref = await ownSchoolOr404(ctx, c);
    if (!ref) return c.notFound();
    const body = await c.req.parseBody();
    const confirm = typeof body.confirm === 'string' ? body.confirm : '';
    try {
      const removed = await removeSchool(ctx, p, ref.school.id, confirm);
      ctx.log.info('school removed', { schoolId: ref.school.id, trustId: ref.trustId, by: p.email, ...removed.erased, disabledUsers: removed.disabledUsers.length });
      return render(c, 'School removed', removedSchoolBody({ name: removed.school.name, id: removed.school.id, ...removed.erased, disabledUsers: removed.disabledUsers }), 200, 'admin');
    } catch (err) {
      if (err instanceof ConfigNotFoundError) return c.notFound();
      if (!(err instanceof AdminConfigError)) throw err;
      return removePage(c, ref, { problem: err.problems.confirm ?? Object.values(err.problems).join('; '), value: confirm }, 400);
    }
  });

  // ---- lift a suppression (only addresses this trust sends to; anything else is "not found")
  app.post('/admin/suppressed/lift', async (c) => {
    const p = principal(c);
    const body = await c.req.parseBody();
    const email = normaliseEmail(typeof body.email === 'string' ? body.email : '');
    const note = typeof body.note === 'string' ? body.note : '';
    const [schools, trust] = await Promise.all([ctx.store.config.listSchools(p.trustId), ctx.store.config.getTrust(p.trustId)]);
    const record = email ? await ctx.store.suppressions.get(email) : undefined;
    if (!record || suppressedInTrust(p.trustId, [record], schools, trust?.rollup?.recipients ?? []).length === 0) return c.notFound();
    try {
      await liftSuppression(ctx, { email, by: p.email, note });
      return c.redirect('/admin?saved=1#suppressed', 303);
    } catch (err) {
      if (!(err instanceof LiftSuppressionError)) throw err;
      if (err.problem === 'not-suppressed') return c.notFound();
      return render(c, 'Suppressed addresses', html`<p><a href="/admin#suppressed">← Admin</a></p><h1>Lift a suppression</h1><p class="notice bad" role="alert">${email}: ${err.message}</p>
<form method="post" action="/admin/suppressed/lift"><input type="hidden" name="_csrf" value="${csrfToken(c)}"><input type="hidden" name="email" value="${email}">
<label for="lift-note">Why it can be lifted</label> <input id="lift-note" name="note" required maxlength="${LIFT_NOTE_MAX}" aria-invalid="true"> <button type="submit">Lift</button></form>`, 400, 'admin');
    }
  });

  // ---- users of the trust
  const usersPage = async (c: Context<AppEnv>, extra: Partial<Parameters<typeof usersSection>[0]>, status: 400) => {
    const p = principal(c);
    const [users, schools] = await Promise.all([listUsers(ctx, p.trustId), ctx.store.config.listSchools(p.trustId)]);
    return render(c, 'Users', html`<p><a href="/admin">← Admin</a></p><h1 id="users-h">Users</h1>${usersSection({ users, schools, csrf: csrfToken(c), me: p.email, mode: ctx.auth.mode, ...extra })}`, status, 'admin');
  };

  app.post('/admin/users', async (c) => {
    const p = principal(c);
    const body = await c.req.parseBody();
    const v = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const input = { email: v('email'), role: v('role'), schoolId: v('schoolId') || undefined };
    try {
      if (ctx.auth.mode !== 'local') {
        const commands = cognitoInviteCommands(process.env.COGNITO_USER_POOL_ID || '<user-pool-id>', p.trustId, input);
        return render(c, 'Add a user', invitedBody({ ...input, commands }), 200, 'admin');
      }
      const { user, password } = await inviteUser(ctx, p.trustId, input);
      ctx.log.info('user added', { email: user.email, role: user.role, by: p.email });
      return render(c, 'User added', invitedBody({ email: user.email, role: user.role, schoolId: user.schoolId, password }), 200, 'admin');
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      return usersPage(c, { form: { problems: err.problems, ...input } }, 400);
    }
  });

  app.post('/admin/users/access', async (c) => {
    const p = principal(c);
    if (ctx.auth.mode !== 'local') return c.notFound();
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email : '';
    try {
      await changeUserAccess(ctx, p.trustId, email, { role: String(body.role ?? ''), schoolId: typeof body.schoolId === 'string' ? body.schoolId : undefined }, p.email);
      ctx.log.info('user access changed', { email, role: body.role, by: p.email });
      return c.redirect('/admin?saved=1#users', 303);
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      if (err.problems.email) return c.notFound();
      return usersPage(c, { rowProblem: { email: email.toLowerCase(), message: Object.values(err.problems).join('; ') } }, 400);
    }
  });

  app.post('/admin/users/disable', async (c) => {
    const p = principal(c);
    if (ctx.auth.mode !== 'local') return c.notFound();
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email : '';
    if (email.toLowerCase() === p.email) return render(c, 'Users', html`<h1>Users</h1><p class="notice bad" role="alert">You cannot disable your own account.</p><p><a href="/admin">Back</a></p>`, 400, 'admin');
    try {
      await setUserDisabled(ctx, email, body.disabled !== 'false', p.trustId);
    } catch (err) {
      if (err instanceof UserInputError) return c.notFound();
      throw err;
    }
    return c.redirect('/admin?saved=1#users', 303);
  });

  app.post('/admin/users/reset', async (c) => {
    const p = principal(c);
    if (ctx.auth.mode !== 'local') return c.notFound();
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email : '';
    try {
      const { user, password } = await resetUserPassword(ctx, p.trustId, email, p.email);
      ctx.log.info('password reset', { email: user.email, by: p.email });
      return render(c, 'Password reset', invitedBody({ email: user.email, role: user.role, schoolId: user.schoolId, password, reset: true }), 200, 'admin');
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      if (/^no user/.test(err.problems.email ?? '')) return c.notFound();
      return render(c, 'Users', html`<h1>Users</h1><p class="notice bad" role="alert">${Object.values(err.problems).join('; ')}</p><p><a href="/admin">Back</a></p>`, 400, 'admin');
    }
  });
}

/**
 * Problems for the rows whose new address could not be read and were not ticked "Save anyway", keyed by the
 * row as the form shows it again (removed and blank rows left out).
 */
function unreadable(checks: FeedCheck[], rows: FeedRow[]): Record<string, string> {
  const shown = shownFeedRows(rows);
  const out: Record<string, string> = {};
  for (const check of checks) {
    if (check.ok) continue;
    const i = shown.findIndex((r) => r.source === 'rss' && r.url === check.url);
    if (i < 0 || shown[i]!.saveAnyway) continue;
    out[`feeds.${i}.url`] = `could not be read as a feed, so nothing was saved: ${check.error?.message ?? 'no reason given'} Fix the address, or tick “Save anyway” on this feed if it is right and only down for now.`;
  }
  return out;
}

function savedNotice(saved: string | undefined, checked: string | undefined, anyway: string | undefined): string | undefined {
  if (!saved) return undefined;
  const count = (v: string | undefined) => (v && /^\d{1,2}$/.test(v) && Number(v) <= 20 ? Number(v) : 0);
  const n = count(checked);
  const a = Math.min(count(anyway), n);
  if (!n) return 'School saved.';
  const checkedWords = `${n === 1 ? 'The new feed address was' : `${n} new feed addresses were`} checked before saving`;
  return a ? `School saved. ${checkedWords}; ${a === 1 ? 'one' : a} could not be read and ${a === 1 ? 'was' : 'were'} saved anyway: Feed health shows how ${a === 1 ? 'it does' : 'they do'} at the next polls.` : `School saved. ${checkedWords}.`;
}

/** Suppressed addresses that this trust's schools or roll-up send to (other trusts' addresses stay private). */
function suppressedInTrust(trustId: string, records: SuppressionRecord[], schools: SchoolRef[], rollupRecipients: string[]): { record: SuppressionRecord; usedBy: string[] }[] {
  const usedBy = new Map<string, string[]>();
  const add = (email: string, who: string) => usedBy.set(normaliseEmail(email), [...(usedBy.get(normaliseEmail(email)) ?? []), who]);
  for (const s of schools) for (const e of s.school.recipients) add(e, s.school.name);
  for (const e of rollupRecipients) add(e, 'trust roll-up');
  // Only records this trust owns (it used the address when SES reported it): adding someone else's address as a
  // recipient must not reveal or lift their suppression.
  return records.filter((r) => r.trustIds?.includes(trustId) && usedBy.has(r.email)).map((record) => ({ record, usedBy: usedBy.get(record.email)! }));
}

/** Soft-bounce counts of addresses this trust's schools or roll-up send to. */
function softBouncesInTrust(trustId: string, records: SoftBounceRecord[], schools: SchoolRef[], rollupRecipients: string[]): SoftBounceRecord[] {
  const mine = new Set([...schools.flatMap((s) => s.school.recipients), ...rollupRecipients].map(normaliseEmail));
  return records.filter((r) => r.trustIds?.includes(trustId) && mine.has(r.email));
}

function adminOnly(render: Render) {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const p = c.get('principal');
    if (p?.role === 'admin') return next();
    return render(c, 'Admins only', html`<h1>Admins only</h1><p>The admin console is for your trust’s administrators. <a href="/mentions">Back to the flagged items</a>.</p>`, 403);
  };
}

async function ownSchoolOr404(ctx: WebContext, c: Context<AppEnv>): Promise<SchoolRef | undefined> {
  try {
    return await ownSchool(ctx, c.get('principal')!, c.req.param('id') ?? '');
  } catch (err) {
    if (err instanceof ConfigNotFoundError) return undefined;
    throw err;
  }
}
