import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import type { createWebApp } from '../../lib/web/app';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { HOSTILE, PageClient, PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';

type App = ReturnType<typeof createWebApp>;

describe('web pages: sessions, CSRF, headers, hostile text, CSV, admin', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: App;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('redirects pages to sign-in and serves a strict CSP with no inline script or style allowed', async () => {
    const res = await app.request('/mentions?status=new');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/auth/login?next=%2Fmentions%3Fstatus%3Dnew');
    const login = await app.request('/auth/login');
    const csp = login.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(login.headers.get('x-content-type-options')).toBe('nosniff');
    expect(login.headers.get('x-frame-options')).toBe('DENY');
    expect(login.headers.get('cache-control')).toBe('no-store');
    const body = await login.text();
    expect(body).not.toMatch(/<script|style=/);
  });

  it('signs in with the form: HttpOnly SameSite=Lax session cookie (Secure over https), then signs out', async () => {
    const client = new PageClient(app);
    const res = await client.signIn(USERS.trust);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mentions');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sw_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const list = await client.req('/mentions');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Kestrel parents complain');
    const csrf = await client.csrf('/mentions');
    const out = await client.form('/auth/logout', { _csrf: csrf });
    expect(out.status).toBe(303);
    expect((await client.req('/mentions')).status).toBe(302);

    const https = new PageClient(app);
    const page = await https.req('https://schoolwatch.example/auth/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const secure = await https.form('https://schoolwatch.example/auth/login', { _csrf: token, email: USERS.trust, password: PASSWORD });
    const setCookie = secure.headers.getSetCookie().find((c) => c.startsWith('__Host-sw_session='))!;
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/HttpOnly/);
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.head);
    const noToken = await client.form('/mentions/n2/review', { status: 'reviewed', note: 'ok' });
    expect(noToken.status).toBe(403);
    const csrf = await client.csrf('/mentions/n2');
    const crossSite = await client.form('/mentions/n2/review', { _csrf: csrf, status: 'reviewed', note: 'ok' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    // Cookie-authenticated JSON also needs the token.
    const json = await client.req('/api/mentions/n2/review', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'reviewed', note: 'ok' }) });
    expect(json.status).toBe(403);
    expect((await store.mentions.get('n2'))!.status).toBe('new');
    const ok = await client.form('/mentions/n2/review', { _csrf: csrf, status: 'reviewed', note: 'Checked: not about our pupils', expected: 'new' }, { origin: 'http://localhost' });
    expect(ok.status).toBe(303);
    expect((await store.mentions.get('n2'))!.status).toBe('reviewed');
    const page = await (await client.req('/mentions/n2?saved=1')).text();
    expect(page).toContain('Review saved');
    expect(page).toContain('Checked: not about our pupils');
    expect(page).toContain(USERS.head);
  });

  it('shows review errors next to the field and keeps what was typed', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.trust);
    const csrf = await client.csrf('/mentions/n4');
    const res = await client.form('/mentions/n4/review', { _csrf: csrf, status: 'dismissed', note: '', assignee: 'not-an-email' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="r-note"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="r-note-error"');
    expect(html).toContain('value="not-an-email"');
  });

  it('rate-limits repeated failed sign-ins for an account', async () => {
    const client = new PageClient(app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client.signIn(USERS.otherHead, `wrong-password-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Even the right password waits now.
    const blocked = await client.signIn(USERS.otherHead);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('shows hostile feed text as harmless text', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.head);
    const html = await (await client.req('/mentions/hostile')).text();
    const main = html.slice(html.indexOf('<main'));
    expect(main).not.toContain('<script>alert');
    expect(main).not.toContain('<img src=x');
    expect(main).not.toMatch(/href="javascript:/i);
    expect(main).toContain('&lt;script&gt;');
    expect(main).toContain('[U+202E]');
    expect(main).not.toContain('\u202E');
    expect(main).toContain('<mark title="Evidence: abuse.threat">threat</mark>');
    const list = await (await client.req('/mentions')).text();
    expect(list).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(list).not.toContain('\u202E');
  });

  it('exports the filtered list as formula-safe CSV', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.trust);
    const res = await client.req('/mentions.csv?school=northgate&q=threat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="schoolwatch-evidence-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('SHA-256 of captured text');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('javascript:alert(document.cookie)');
    const all = await (await client.req('/mentions.csv')).text();
    expect(all.trim().split('\r\n')).toHaveLength(1 + 33);
    expect(all).not.toContain('Seaview');
    // A title starting with "=" is neutralised.
    await store.mentions.record({ trustId: 'meridian', schoolId: 'kestrel', itemKey: 'formula', capturedAt: '2026-03-07T00:00:00.000Z', build: () => ({ ...baseFormula() }) });
    const withFormula = await (await client.req('/mentions.csv?school=kestrel')).text();
    expect(withFormula).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(withFormula).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('renders a print-friendly evidence page with time, address, text and hash', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.head);
    const res = await client.req('/mentions/n1/evidence');
    expect(res.status).toBe(200);
    const html = await res.text();
    const m = (await store.mentions.get('n1'))!;
    expect(html).toContain(m.textSha256);
    expect(html).toContain('https://news.example/n1');
    expect(html).toContain(m.capturedAt.replace('.000Z', 'Z'));
    expect(html).toContain('Evidence record');
    expect(html).not.toContain('<form method="post" action="/mentions/');
    expect((await client.req('/mentions/k1/evidence')).status).toBe(404);
  });

  it('gives a head a 404 page for another school’s item and for the other trust’s', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.head);
    for (const id of ['k1', 's1']) {
      const res = await client.req(`/mentions/${id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Kestrel parents');
    }
    const list = await (await client.req('/mentions?school=kestrel')).text();
    expect(list).not.toContain('Kestrel parents');
    expect(list).not.toContain('id="f-school"');
  });

  it('keeps the admin console to admins and validates school edits with the config schema', async () => {
    const head = new PageClient(app);
    await head.signIn(USERS.otherTrust);
    expect((await head.req('/admin')).status).toBe(403);
    const admin = new PageClient(app);
    await admin.signIn(USERS.admin);
    const overview = await admin.req('/admin');
    expect(overview.status).toBe(200);
    const text = await overview.text();
    expect(text).toContain('Feed health');
    expect(text).toContain(USERS.head);
    expect(text).not.toContain(USERS.otherTrust);
    expect((await admin.req('/admin/schools/seaview')).status).toBe(404);
    const csrf = await admin.csrf('/admin/schools/northgate');
    const bad = await admin.form('/admin/schools/northgate', { _csrf: csrf, name: 'Northgate Park Academy', timezone: 'Mars/Olympus', digestHour: '25', recipients: 'not an email' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="s-timezone-error"');
    expect(html).toContain('id="s-digestHour-error"');
    expect(html).toContain('id="s-recipients-error"');
    expect((await store.config.getSchool('northgate'))!.school.timezone).toBe('Europe/London');
    const good = await admin.form('/admin/schools/northgate', { _csrf: csrf, name: 'Northgate Park Academy', timezone: 'Europe/London', digestHour: '6', aliases: 'Northgate Park\nNPA', recipients: 'head@northgate.example', 'feeds.0.source': 'google-news' });
    expect(good.status).toBe(303);
    const saved = (await store.config.getSchool('northgate'))!.school;
    expect(saved).toMatchObject({ digestHour: 6, aliases: ['Northgate Park', 'NPA'], feeds: [{ source: 'google-news' }] });
  });
});

function baseFormula() {
  return {
    id: 'formula',
    trustId: 'meridian',
    schoolId: 'kestrel',
    itemKey: 'formula',
    feedUrl: 'https://news.example/feed.xml',
    title: '=HYPERLINK("http://evil.example","x")',
    capturedAt: '2026-03-07T00:00:00.000Z',
    text: 'x',
    textSha256: 'abc',
    match: { mentioned: true, reason: 'name' },
    score: { flagged: true, score: 1, severity: 'low' as const, families: ['abuse' as const], categories: [], evidence: [], explanation: 'x' },
    severity: 'low' as const,
    families: ['abuse' as const],
    status: 'new' as const,
  };
}
