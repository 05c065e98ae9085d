import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAuth } from '../../lib/auth/local-auth';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import type { Store } from '../../lib/store';
import { createWebApp } from '../../lib/web/app';
import { PageClient, PREVIEW_ITEMS, rss, seedWebFixture, tokenFor, USERS } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

type App = ReturnType<typeof createWebApp>;

/** The school form as the page posts it, for northgate with one RSS feed on the loopback server. */
const northgateForm = (csrf: string, feedUrl: string, extra: Record<string, string> = {}) => ({
  _csrf: csrf,
  name: 'Northgate Park Academy',
  aliases: 'Northgate Park',
  context: 'Harlow Fen',
  exclude: 'Northgate Park Retail',
  recipients: 'head@northgate.example',
  timezone: 'Europe/London',
  digestHour: '7',
  'feeds.0.source': 'rss',
  'feeds.0.url': feedUrl,
  ...extra,
});

describe('admin console: trust, schools, feeds, preview, users, /api/config', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let tableName: string;
  let app: App;
  let feeds: FeedServer;
  let admin: PageClient;

  const countItems = async () => (await dynamo.client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count ?? 0;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store, tableName } = await dynamo.freshStore());
    await seedWebFixture(store);
    feeds = await startFeedServer();
    feeds.route('/news.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(PREVIEW_ITEMS)));
    feeds.route('/broken.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item>'));
    // The production safe fetcher, allowed to reach only this loopback server (as FEED_ALLOW_HOSTS does).
    app = createWebApp({ store, auth: await createLocalAuth(store), fetcher: createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 }) });
    admin = new PageClient(app);
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await feeds?.close();
    await dynamo?.stop();
  });

  it('edits the trust: validation errors sit next to the field, nothing is saved until all is valid', async () => {
    const trustUser = new PageClient(app);
    await trustUser.signIn(USERS.trust);
    expect((await trustUser.req('/admin/trust')).status).toBe(403);
    const csrf = await admin.csrf('/admin/trust');
    const bad = await admin.form('/admin/trust', { _csrf: csrf, name: 'Meridian Learning Trust', retentionMonths: '0', rollupRecipients: 'central@meridian.example\nnot-an-address', rollupTimezone: 'Europe/London', rollupDigestHour: '7' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="s-retentionMonths" name="retentionMonths" value="0"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="s-retentionMonths-error"');
    expect(html).toContain('line 2: must be an email address');
    expect((await store.config.getTrust('meridian'))!.retentionMonths).toBe(12);
    const good = await admin.form('/admin/trust', { _csrf: csrf, name: 'Meridian Learning Trust', retentionMonths: '24', rollupRecipients: 'central@meridian.example', rollupReplace: 'on', rollupTimezone: 'Europe/London', rollupDigestHour: '8' });
    expect(good.status).toBe(303);
    expect(await store.config.getTrust('meridian')).toEqual({
      id: 'meridian',
      name: 'Meridian Learning Trust',
      retentionMonths: 24,
      rollup: { recipients: ['central@meridian.example'], replaceSchoolDigests: true, timezone: 'Europe/London', digestHour: 8 },
    });
    // The roll-up can be switched off again by emptying its recipients.
    await admin.form('/admin/trust', { _csrf: csrf, name: 'Meridian Learning Trust', retentionMonths: '24', rollupRecipients: '', rollupTimezone: 'Europe/London', rollupDigestHour: '8' });
    expect((await store.config.getTrust('meridian'))!.rollup).toBeUndefined();
  });

  it('adds a school (ids are unique across trusts), then adds and removes feeds, showing the generated feed address', async () => {
    const csrf = await admin.csrf('/admin/schools/new');
    const taken = await admin.form('/admin/schools/new', { _csrf: csrf, id: 'seaview', name: 'Another Seaview', timezone: 'Europe/London', digestHour: '7' });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toMatch(/id="s-id-error">school id &#39;seaview&#39; already belongs to another trust; choose another id/);
    expect((await store.config.getSchool('seaview'))!.trustId).toBe('harbour');
    const badId = await admin.form('/admin/schools/new', { _csrf: csrf, id: 'Bad Id', name: '', timezone: 'Europe/London', digestHour: '7' });
    const badHtml = await badId.text();
    expect(badHtml).toContain('id="s-id-error"');
    expect(badHtml).toContain('id="s-name-error"');
    const created = await admin.form('/admin/schools/new', { _csrf: csrf, id: 'riverside', name: 'Riverside Primary', aliases: 'Riverside', timezone: 'Europe/London', digestHour: '7', 'feeds.0.source': 'google-news' });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/schools/riverside?saved=1');
    expect(await store.config.getSchool('riverside')).toEqual({ trustId: 'meridian', school: expect.objectContaining({ id: 'riverside', name: 'Riverside Primary', feeds: [{ source: 'google-news' }] }) });
    const page = await (await admin.req('/admin/schools/riverside?saved=1')).text();
    expect(page).toContain('School saved.');
    expect(page).toContain('https://news.google.com/rss/search?q=%22Riverside%20Primary%22%20OR%20%22Riverside%22&amp;hl=en-GB');

    // Add a Mastodon feed in the blank row, keep google-news; then remove google-news.
    const edit = await admin.form('/admin/schools/riverside', {
      _csrf: csrf, name: 'Riverside Primary', aliases: 'Riverside', timezone: 'Europe/London', digestHour: '7',
      'feeds.0.source': 'google-news', 'feeds.1.source': 'mastodon-tag', 'feeds.1.instance': 'mastodon.example', 'feeds.1.tag': 'RiversidePrimary',
    });
    expect(edit.status).toBe(303);
    expect((await store.config.getSchool('riverside'))!.school.feeds).toEqual([{ source: 'google-news' }, { source: 'mastodon-tag', instance: 'mastodon.example', tag: 'RiversidePrimary' }]);
    expect(await (await admin.req('/admin/schools/riverside')).text()).toContain('https://mastodon.example/tags/RiversidePrimary.rss');
    await admin.form('/admin/schools/riverside', {
      _csrf: csrf, name: 'Riverside Primary', aliases: 'Riverside', timezone: 'Europe/London', digestHour: '7',
      'feeds.0.source': 'google-news', 'feeds.0.remove': 'on', 'feeds.1.source': 'mastodon-tag', 'feeds.1.instance': 'mastodon.example', 'feeds.1.tag': 'RiversidePrimary',
    });
    expect((await store.config.getSchool('riverside'))!.school.feeds).toEqual([{ source: 'mastodon-tag', instance: 'mastodon.example', tag: 'RiversidePrimary' }]);
  });

  it('shows a bad feed next to its row and saves nothing', async () => {
    const csrf = await admin.csrf('/admin/schools/northgate');
    const before = (await store.config.getSchool('northgate'))!.school;
    const res = await admin.form('/admin/schools/northgate', northgateForm(csrf, feeds.url('/news.xml'), { 'feeds.1.source': 'rss', 'feeds.1.url': 'ftp://nope', 'feeds.2.source': 'mastodon-tag', 'feeds.2.instance': 'not a host' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="s-feeds-1-url"[^>]*aria-invalid="true" aria-describedby="s-feeds-1-url-error"/);
    expect(html).toContain('id="s-feeds-1-url-error"');
    expect(html).toContain('id="s-feeds-2-instance-error"');
    expect(html).toContain('value="ftp://nope"');
    expect((await store.config.getSchool('northgate'))!.school).toEqual(before);
  });

  it('keeps other trusts’ schools out of reach (404) and refuses posts without the CSRF token', async () => {
    expect((await admin.req('/admin/schools/seaview')).status).toBe(404);
    const csrf = await admin.csrf('/admin/schools/northgate');
    const foreign = await admin.form('/admin/schools/seaview', { _csrf: csrf, name: 'Hijacked', timezone: 'Europe/London', digestHour: '7' });
    expect(foreign.status).toBe(404);
    const preview = await admin.form('/admin/schools/seaview', { _csrf: csrf, name: 'Hijacked', timezone: 'Europe/London', digestHour: '7', intent: 'preview' });
    expect(preview.status).toBe(404);
    expect((await store.config.getSchool('seaview'))!.school.name).toBe('Seaview High');
    const noToken = await admin.form('/admin/schools/northgate', { name: 'No token', timezone: 'Europe/London', digestHour: '7' });
    expect(noToken.status).toBe(403);
    const crossSite = await admin.form('/admin/schools/northgate', { _csrf: csrf, name: 'x', timezone: 'Europe/London', digestHour: '7' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await store.config.getSchool('northgate'))!.school.name).toBe('Northgate Park Academy');
  });

  it('previews a draft against a live loopback feed: per-item match and flag reasons, feed errors, and nothing stored', async () => {
    const csrf = await admin.csrf('/admin/schools/northgate');
    const before = (await store.config.getSchool('northgate'))!.school;
    const items = await countItems();
    const res = await admin.form('/admin/schools/northgate', northgateForm(csrf, feeds.url('/news.xml'), { 'feeds.1.source': 'rss', 'feeds.1.url': feeds.url('/missing.xml'), 'feeds.2.source': 'rss', 'feeds.2.url': feeds.url('/broken.xml'), intent: 'preview' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Preview: what this configuration matches now');
    expect(html).toMatch(/<strong>5<\/strong> items, <strong>3<\/strong> about this school, <strong>2<\/strong> would be flagged, <strong>2<\/strong> feeds could not be read/);
    expect(html).toContain('excluded by &quot;northgate park retail&quot;');
    expect(html).toContain('Disparaging or defamatory');
    expect(html).toContain('Inspection outcome');
    expect(html).toContain('answered HTTP 404');
    expect(html).toMatch(/Could not read this feed \((parse-error|not-a-feed)\)/);
    // The draft stays in the form (with a fresh blank row to add another feed), and nothing was saved or stored.
    expect(html).toContain('name="aliases" rows="3" aria-describedby="s-aliases-hint">Northgate Park</textarea>');
    expect(html).toContain('name="feeds.3.source"');
    expect(await countItems()).toBe(items);
    expect((await store.config.getSchool('northgate'))!.school).toEqual(before);
    expect(feeds.requests.filter((r) => r.path === '/news.xml')).toHaveLength(1);
  });

  it('uses the production address guard: a loopback feed not in FEED_ALLOW_HOSTS is refused with a readable reason', async () => {
    const saved = process.env.FEED_ALLOW_HOSTS;
    delete process.env.FEED_ALLOW_HOSTS;
    try {
      const guarded = new PageClient(createWebApp({ store, auth: await createLocalAuth(store) }));
      await guarded.signIn(USERS.admin);
      const csrf = await guarded.csrf('/admin/schools/northgate');
      const html = await (await guarded.form('/admin/schools/northgate', northgateForm(csrf, feeds.url('/news.xml'), { intent: 'preview' }))).text();
      expect(html).toMatch(/Could not read this feed \(blocked-address\)/);
      expect(html).toContain('FEED_ALLOW_HOSTS');
    } finally {
      if (saved !== undefined) process.env.FEED_ALLOW_HOSTS = saved;
    }
  });

  it('serves the trust configuration at /api/config and saves a PUT all-or-nothing with the import schema', async () => {
    const token = await tokenFor(app, USERS.admin);
    const api = (path: string, init: RequestInit = {}, t = token) => app.request(path, { ...init, headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', ...(init.headers as object) } });
    const got = (await (await api('/api/config')).json()) as { trust: { id: string; name: string }; schools: { id: string; name: string; feeds: unknown[] }[] };
    expect(got.trust.id).toBe('meridian');
    expect(got.schools.map((s) => s.id).sort()).toEqual(['kestrel', 'northgate', 'riverside']);

    const schools = got.schools.map((s) => (s.id === 'kestrel' ? { ...s, name: 'Kestrel Primary School', feeds: [{ source: 'rss', url: 'not a url' }] } : s));
    const bad = await api('/api/config', { method: 'PUT', body: JSON.stringify({ trust: got.trust, schools }) });
    expect(bad.status).toBe(400);
    const problems = ((await bad.json()) as { problems: Record<string, string> }).problems;
    const kestrelAt = schools.findIndex((s) => s.id === 'kestrel');
    expect(problems).toEqual({ [`schools.${kestrelAt}.feeds.0.url`]: expect.stringMatching(/web address/) });
    expect((await store.config.getSchool('kestrel'))!.school.name).toBe('Kestrel Primary');

    const foreign = await api('/api/config', { method: 'PUT', body: JSON.stringify({ trust: got.trust, schools: [...got.schools, { id: 'seaview', name: 'Stolen' }] }) });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(await foreign.json())).toContain('already belongs to another trust; choose another id');
    expect((await store.config.getSchool('seaview'))!.trustId).toBe('harbour');

    const otherTrust = await api('/api/config', { method: 'PUT', body: JSON.stringify({ trust: { ...got.trust, id: 'harbour' }, schools: [] }) });
    expect(otherTrust.status).toBe(400);

    const good = await api('/api/config', { method: 'PUT', body: JSON.stringify({ trust: { ...got.trust, name: 'Meridian Trust' }, schools: got.schools.map((s) => (s.id === 'kestrel' ? { ...s, name: 'Kestrel Primary School' } : s)) }) });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { saved: { updated: number } }).saved.updated).toBe(2);
    expect((await store.config.getTrust('meridian'))!.name).toBe('Meridian Trust');
    expect((await store.config.getSchool('kestrel'))!.school.name).toBe('Kestrel Primary School');

    const trustToken = await tokenFor(app, USERS.trust);
    expect((await api('/api/config', { method: 'PUT', body: JSON.stringify({ trust: got.trust, schools: [] }) }, trustToken)).status).toBe(403);
    expect((await api('/api/config/preview', { method: 'POST', body: JSON.stringify({ id: 'x', name: 'X' }) }, trustToken)).status).toBe(403);

    const items = await countItems();
    const preview = await api('/api/config/preview', { method: 'POST', body: JSON.stringify({ id: 'northgate', name: 'Northgate Park Academy', exclude: ['Northgate Park Retail'], feeds: [{ source: 'rss', url: feeds.url('/news.xml') }] }) });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { totals: unknown }).totals).toEqual({ items: 5, matched: 3, flagged: 2, failedFeeds: 0 });
    expect(await countItems()).toBe(items);
    expect((await api('/api/config/preview', { method: 'POST', body: JSON.stringify({ id: 'seaview', name: 'Seaview High' }) })).status).toBe(404);
  });

  it('adds a user with a password shown once, changes their access, and disables them; own trust only', async () => {
    const csrf = await admin.csrf('/admin');
    const bad = await admin.form('/admin/users', { _csrf: csrf, email: 'new-head@northgate.example', role: 'head', schoolId: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="u-schoolId-error"');
    const foreignSchool = await admin.form('/admin/users', { _csrf: csrf, email: 'new-head@northgate.example', role: 'head', schoolId: 'seaview' });
    expect(foreignSchool.status).toBe(400);

    const added = await admin.form('/admin/users', { _csrf: csrf, email: 'New-Head@Northgate.example', role: 'head', schoolId: 'northgate' });
    expect(added.status).toBe(200);
    const password = /id="one-time-password">([^<]+)</.exec(await added.text())![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(await store.users.get('new-head@northgate.example'))).not.toContain(password);
    const newHead = new PageClient(app);
    const signedIn = await newHead.signIn('new-head@northgate.example', password);
    expect(signedIn.status).toBe(303);
    // An issued password: they choose their own before anything else (web-account.test.ts covers the rules).
    expect(signedIn.headers.get('location')).toMatch(/^\/account\/password\?next=/);
    expect((await newHead.req('/mentions')).status).toBe(302);
    const pwCsrf = await newHead.csrf('/account/password');
    expect((await newHead.form('/account/password', { _csrf: pwCsrf, next: '/mentions', current: password, password: 'my own long passphrase', confirm: 'my own long passphrase' })).status).toBe(303);
    expect((await newHead.req('/mentions')).status).toBe(200);

    const changed = await admin.form('/admin/users/access', { _csrf: csrf, email: 'new-head@northgate.example', role: 'trust', schoolId: '' });
    expect(changed.status).toBe(303);
    expect(await store.users.get('new-head@northgate.example')).toMatchObject({ role: 'trust' });
    expect((await store.users.get('new-head@northgate.example'))!.schoolId).toBeUndefined();
    // Their session carried the old access: it stops working and they sign in again.
    expect((await newHead.req('/mentions')).status).toBe(302);

    const headless = await admin.form('/admin/users/access', { _csrf: csrf, email: 'new-head@northgate.example', role: 'head', schoolId: '' });
    expect(headless.status).toBe(400);
    expect(await headless.text()).toContain('a head needs their one school');
    expect((await admin.form('/admin/users/access', { _csrf: csrf, email: USERS.otherTrust, role: 'admin', schoolId: '' })).status).toBe(404);
    expect((await store.users.get(USERS.otherTrust))!.role).toBe('trust');
    expect((await admin.form('/admin/users/access', { _csrf: csrf, email: USERS.admin, role: 'trust', schoolId: '' })).status).toBe(400);
    expect((await store.users.get(USERS.admin))!.role).toBe('admin');

    expect((await admin.form('/admin/users/disable', { _csrf: csrf, email: 'new-head@northgate.example', disabled: 'true' })).status).toBe(303);
    expect((await store.users.get('new-head@northgate.example'))!.disabled).toBe(true);
    expect((await admin.form('/admin/users/disable', { _csrf: csrf, email: USERS.otherTrust, disabled: 'true' })).status).toBe(404);
    expect((await store.users.get(USERS.otherTrust))!.disabled).toBe(false);
  });

  it('removes a school after the id is typed: erases its data, disables its heads with a note, deletes its configuration', async () => {
    const far = '2030-01-01T00:00:00.000Z';
    expect((await store.retention.mentionsCapturedBefore({ trustId: 'meridian', schoolId: 'kestrel' }, far)).length).toBeGreaterThan(0);
    const headToken = await tokenFor(app, USERS.otherHead);
    const reviewed = await app.request('/api/mentions/k1/review', { method: 'POST', headers: { authorization: `Bearer ${headToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'reviewed', note: 'seen' }) });
    expect(reviewed.status).toBe(200);
    expect((await store.reviews.history('k1')).length).toBe(1);

    // Non-admins, other trusts' schools and posts without the CSRF token are refused.
    const trustUser = new PageClient(app);
    await trustUser.signIn(USERS.trust);
    expect((await trustUser.req('/admin/schools/kestrel/remove')).status).toBe(403);
    expect((await admin.req('/admin/schools/seaview/remove')).status).toBe(404);
    expect((await admin.form('/admin/schools/kestrel/remove', { confirm: 'kestrel' })).status).toBe(403);

    // The confirmation page says what goes and who is disabled.
    const edit = await (await admin.req('/admin/schools/kestrel')).text();
    expect(edit).toContain('href="/admin/schools/kestrel/remove"');
    const confirmPage = await admin.req('/admin/schools/kestrel/remove');
    expect(confirmPage.status).toBe(200);
    const html = await confirmPage.text();
    expect(html).toContain('every flagged item (mention) of Kestrel Primary');
    expect(html).toContain('the audit trail of those items');
    expect(html).toContain('its digest records');
    expect(html).toContain(USERS.otherHead);
    const csrf = await admin.csrf('/admin/schools/kestrel/remove');

    // The wrong id: nothing removed, the error is next to the field.
    const wrong = await admin.form('/admin/schools/kestrel/remove', { _csrf: csrf, confirm: 'Kestrel Primary' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/id="confirm"[^>]*aria-invalid="true"[\s\S]*type the school id &quot;kestrel&quot; exactly/);
    expect(await store.config.getSchool('kestrel')).toBeDefined();
    expect((await store.reviews.history('k1')).length).toBe(1);
    const seaviewAdmin = await admin.form('/admin/schools/seaview/remove', { _csrf: csrf, confirm: 'seaview' });
    expect(seaviewAdmin.status).toBe(404);
    expect(await store.config.getSchool('seaview')).toBeDefined();

    const done = await admin.form('/admin/schools/kestrel/remove', { _csrf: csrf, confirm: 'kestrel' });
    expect(done.status).toBe(200);
    const doneHtml = await done.text();
    expect(doneHtml).toContain('School removed');
    expect(doneHtml).toMatch(/2 flagged items with their audit trail/);
    expect(await store.config.getSchool('kestrel')).toBeUndefined();
    expect(await store.config.getSchool('kestrel', 'meridian')).toBeUndefined();
    expect(await store.retention.mentionsCapturedBefore({ trustId: 'meridian', schoolId: 'kestrel' }, far)).toEqual([]);
    expect(await store.reviews.history('k1')).toEqual([]);
    expect(await store.config.getSchool('northgate')).toBeDefined();
    expect((await store.retention.mentionsCapturedBefore({ trustId: 'meridian', schoolId: 'northgate' }, far)).length).toBeGreaterThan(0);
    const head = (await store.users.get(USERS.otherHead))!;
    expect(head).toMatchObject({ disabled: true, note: expect.stringContaining('school kestrel was removed by admin@meridian.example') });
    expect((await store.users.get(USERS.head))!.disabled).toBe(false);
    expect((await app.request('/api/mentions', { headers: { authorization: `Bearer ${headToken}` } })).status).toBe(401);
    const console = await (await admin.req('/admin')).text();
    expect(console).not.toContain('/admin/schools/kestrel"');
    expect(console).toContain('school kestrel was removed');
    expect((await admin.req('/admin/schools/kestrel/remove')).status).toBe(404);
  });

  it('in Cognito mode shows the exact commands to add a user instead of creating one', async () => {
    const local = await createLocalAuth(store);
    const cognitoish = new PageClient(createWebApp({ store, auth: { ...local, mode: 'cognito' } }));
    await cognitoish.signIn(USERS.admin);
    const csrf = await cognitoish.csrf('/admin');
    const res = await cognitoish.form('/admin/users', { _csrf: csrf, email: 'dsl@kestrel.example', role: 'head', schoolId: 'kestrel' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aws cognito-idp admin-create-user --user-pool-id');
    expect(html).toContain('Name=custom:school_id,Value=kestrel');
    expect(html).toContain('admin-add-user-to-group');
    expect(await store.users.get('dsl@kestrel.example')).toBeUndefined();
  });
});
