import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { DigestReleaseError, releaseDigestClaim } from '../app/digest-release';
import { DIGEST_LEASE_MS } from '../app/send-digests';
import { formatLocal } from '../digest/schedule';
import type { DailySendRecord } from '../store/daily-claims';
import { digestOwner } from '../store/digest-store';
import type { AppEnv, WebContext } from './app';
import type { Html } from './layout';
import { csrfToken } from './security';

type Render = (c: Context<AppEnv>, title: string, body: Html, status?: 200 | 400 | 403 | 404 | 409 | 429, current?: 'mentions' | 'admin') => Response | Promise<Response>;

/** How many recent days of each school are checked for a held claim. */
const RECENT_DAYS = 3;

/**
 * Admin console "Held digests": the trust's digest and roll-up days that a run claimed but did not finish (a
 * run that died, a failed send, or a send whose outcome is unknown), with what it recorded and a Release
 * button (with a required note) that lets the next run send the day at once. Admins only (the /admin guard).
 */
export function registerAdminDigests(app: Hono<AppEnv>, ctx: WebContext, render: Render): void {
  const page = async (c: Context<AppEnv>, extra: { problem?: string; notice?: string } = {}, status: 200 | 400 = 200) => {
    const p = c.get('principal')!;
    const [schools, trust] = await Promise.all([ctx.store.config.listSchools(p.trustId), ctx.store.config.getTrust(p.trustId)]);
    const held: { label: string; schoolId?: string; record: DailySendRecord }[] = [];
    for (const s of schools) {
      for (const record of await ctx.store.digests.latest(digestOwner({ trustId: p.trustId, schoolId: s.school.id }), RECENT_DAYS)) if (record.state === 'claimed') held.push({ label: s.school.name, schoolId: s.school.id, record });
    }
    if (trust?.rollup) for (const record of await ctx.store.rollups.latest(p.trustId, RECENT_DAYS)) if (record.state === 'claimed') held.push({ label: 'Trust roll-up', record });
    const t = (iso?: string) => (iso ? formatLocal(iso, 'Europe/London') : '—');
    const body = html`<p><a href="/admin">← Admin</a></p><h1>Held digests</h1>
${extra.notice ? html`<p class="notice" role="status">${extra.notice}</p>` : ''}
${extra.problem ? html`<p class="notice bad" role="alert">${extra.problem}</p>` : ''}
<p class="small muted">A day is held when a run claimed it and did not record a send: the run died, the send failed, or the mail server did not answer (outcome unknown: the email may have arrived). The next run after the lease (${DIGEST_LEASE_MS / 60_000} minutes) sends it. Release it now only if the recipients did not get it; a released day that did arrive is sent twice. Your note is kept with the day's record.</p>
${held.length
  ? html`<table><thead><tr><th scope="col">Digest</th><th scope="col">Day</th><th scope="col">Claimed</th><th scope="col">What happened</th><th scope="col">Release</th></tr></thead>
<tbody>${held.map(({ label, schoolId, record: r }) => {
      const id = `${schoolId ?? 'rollup'}-${r.localDate}`;
      return html`<tr><td>${label}</td><td>${r.localDate}</td><td>${t(r.claimedAt)}<div class="small muted">lease ends ${t(new Date(Date.parse(r.claimedAt) + DIGEST_LEASE_MS).toISOString())}</div></td>
<td>${r.releasedAt ? html`released by ${r.releasedBy} (${t(r.releasedAt)}): ${r.releaseNote}` : r.lastError ? html`<span class="error">${r.sendOutcome === 'unknown' ? 'Outcome unknown' : 'Failed'}</span> ${r.lastError}<div class="small muted">${t(r.lastErrorAt)}</div>` : 'claimed by a run that has not finished (or died)'}</td>
<td><form method="post" action="/admin/digests/release"><input type="hidden" name="_csrf" value="${csrfToken(c)}">${schoolId ? html`<input type="hidden" name="school" value="${schoolId}">` : ''}<input type="hidden" name="date" value="${r.localDate}">
<label class="small" for="release-note-${id}">Why (e.g. "head confirmed nothing arrived")</label> <input id="release-note-${id}" name="note" required maxlength="500"> <button class="secondary" type="submit">Release</button></form></td></tr>`;
    })}</tbody></table>`
  : html`<p class="muted">No digest of this trust is held.</p>`}`;
    return render(c, 'Held digests', body, status, 'admin');
  };

  app.get('/admin/digests', (c) => page(c, { notice: c.req.query('released') ? 'Released: the next run sends it.' : undefined }));

  app.post('/admin/digests/release', async (c) => {
    const p = c.get('principal')!;
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    try {
      await releaseDigestClaim(ctx, { trustId: p.trustId, schoolId: s('school') || undefined, localDate: s('date'), by: p.email, note: s('note').slice(0, 500) });
      return c.redirect('/admin/digests?released=1', 303);
    } catch (err) {
      if (!(err instanceof DigestReleaseError)) throw err;
      return page(c, { problem: err.message }, 400);
    }
  });
}
