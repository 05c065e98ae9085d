import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAuth } from '../../lib/auth/local-auth';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import { toFeedError } from '../../lib/feeds/fetch-errors';
import type { FeedFetcher } from '../../lib/feeds/types';
import type { Store } from '../../lib/store';
import { createWebApp } from '../../lib/web/app';
import { PageClient, seedWebFixture, USERS } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * The admin feed form checks a pasted feed address with the code behind `feed test` before saving (issue 14):
 * a good feed is saved, a 404 or a page that is not a feed is not (the reason is shown), "Save anyway" saves it.
 */

/** What Google Alerts serves for an alert with "Deliver to: RSS feed": an Atom feed whose links go through google.com/url. */
const ALERT_ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
<id>tag:google.com,2005:reader/user/01234567890123456789/state/com.google/alerts/9876543210987654321</id><title>Google Alert - "Northgate Park Academy"</title>
<link href="https://www.google.com/alerts/feeds/01234567890123456789/9876543210987654321" rel="self"></link><updated>2026-11-30T09:00:00Z</updated>
<entry><id>tag:google.com,2013:googlealerts/feed:1</id><title type="html">&lt;b&gt;Northgate Park Academy&lt;/b&gt; pupils raise £600 for food bank</title>
<link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/food-bank&amp;ct=ga&amp;cd=1&amp;usg=x"></link><published>2026-11-30T08:00:00Z</published><updated>2026-11-30T08:00:00Z</updated>
<content type="html">Pupils at &lt;b&gt;Northgate Park Academy&lt;/b&gt; in Harlow Fen raised £600.</content></entry>
<entry><id>tag:google.com,2013:googlealerts/feed:2</id><title type="html">New head for &lt;b&gt;Northgate Park Academy&lt;/b&gt;</title>
<link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/new-head&amp;ct=ga&amp;cd=2&amp;usg=y"></link><published>2026-11-29T08:00:00Z</published><updated>2026-11-29T08:00:00Z</updated>
<content type="html">The trust has appointed a new head.</content></entry></feed>`;

const form = (csrf: string, feedUrl: string, extra: Record<string, string> = {}) => ({
  _csrf: csrf,
  name: 'Northgate Park Academy',
  aliases: 'Northgate Park',
  timezone: 'Europe/London',
  digestHour: '7',
  'feeds.0.source': 'rss',
  'feeds.0.url': feedUrl,
  ...extra,
});

describe('admin feed form: the pasted address is checked before saving', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let feeds: FeedServer;
  let admin: PageClient;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    feeds = await startFeedServer();
    feeds.route('/alerts/feeds/01234567890123456789/9876543210987654321', (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(ALERT_ATOM));
    feeds.route('/page.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Northgate Park Academy</title></head><body><h1>Welcome</h1></body></html>'));
    // The production safe fetcher; loopback is refused by default, so the test server is listed as FEED_ALLOW_HOSTS would list it.
    const app = createWebApp({ store, auth: await createLocalAuth(store), fetcher: createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 }) });
    admin = new PageClient(app);
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await feeds?.close();
    await dynamo?.stop();
  });

  const saved = async () => (await store.config.getSchool('northgate'))!.school.feeds;

  it('explains how to make a Google Alert with RSS delivery, in a help that is closed until opened', async () => {
    const html = await (await admin.req('/admin/schools/northgate')).text();
    expect(html).toContain('<details class="help google-alerts"><summary>How to watch a Google Alert</summary>');
    expect(html).toContain('<strong>Deliver to: RSS feed</strong>');
    expect(html).toContain('https://www.google.com/alerts/feeds/&lt;digits&gt;/&lt;digits&gt;');
  });

  it('checks without saving: items found and the first titles', async () => {
    const csrf = await admin.csrf('/admin/schools/northgate');
    const res = await admin.form('/admin/schools/northgate', form(csrf, feeds.url('/alerts/feeds/01234567890123456789/9876543210987654321'), { intent: 'check' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Checked 1 feed address: 1 could be read. Nothing was saved.');
    expect(html).toContain('Checked: “Google Alert - &quot;Northgate Park Academy&quot;”, 2 items found, first: “Northgate Park Academy pupils raise £600 for food bank”; “New head for Northgate Park Academy”.');
    expect(await saved()).toEqual([]);
  });

  it('a good feed is saved, and the saved page says it was checked', async () => {
    const csrf = await admin.csrf('/admin/schools/northgate');
    const url = feeds.url('/alerts/feeds/01234567890123456789/9876543210987654321');
    const before = feeds.requests.length;
    const res = await admin.form('/admin/schools/northgate', form(csrf, url));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/schools/northgate?saved=1&checked=1');
    expect(feeds.requests.length - before).toBe(1);
    expect(await saved()).toEqual([{ source: 'rss', url }]);
    expect(await (await admin.req(res.headers.get('location')!)).text()).toContain('School saved. The new feed address was checked before saving.');
    // saving again with the same address does not read it again: only new addresses are checked
    expect((await admin.form('/admin/schools/northgate', form(csrf, url))).status).toBe(303);
    expect(feeds.requests.length - before).toBe(1);
  });

  it('a 404 is not saved: the reason is beside the address, with a "Save anyway" box', async () => {
    const csrf = await admin.csrf('/admin/schools/kestrel');
    const res = await admin.form('/admin/schools/kestrel', { ...form(csrf, feeds.url('/gone.xml')), name: 'Kestrel Primary', aliases: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Nothing was saved');
    expect(html).toMatch(/id="s-feeds-0-url-error">could not be read as a feed, so nothing was saved: http:\/\/127\.0\.0\.1:\d+\/gone\.xml answered HTTP 404 \(Not Found\)\./);
    expect(html).toContain('name="feeds.0.saveAnyway"');
    expect(html).toContain('the feed is down for now');
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([]);
  });

  it('a web page that is not a feed is not saved, in plain words', async () => {
    const csrf = await admin.csrf('/admin/schools/kestrel');
    const res = await admin.form('/admin/schools/kestrel', { ...form(csrf, feeds.url('/page.html')), name: 'Kestrel Primary', aliases: '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="s-feeds-0-url-error">could not be read as a feed, so nothing was saved: [^<]*(web page|not a feed|RSS)/i);
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([]);
  });

  it('"Save anyway" saves an address that could not be read', async () => {
    const csrf = await admin.csrf('/admin/schools/kestrel');
    const res = await admin.form('/admin/schools/kestrel', { ...form(csrf, feeds.url('/gone.xml'), { 'feeds.0.saveAnyway': 'on' }), name: 'Kestrel Primary', aliases: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/schools/kestrel?saved=1&checked=1&anyway=1');
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([{ source: 'rss', url: feeds.url('/gone.xml') }]);
    expect(await (await admin.req(res.headers.get('location')!)).text()).toContain('School saved. The new feed address was checked before saving; one could not be read and was saved anyway: Feed health shows how it does at the next polls.');
  });

  it('the Google Alerts page pasted instead of the feed is named, and nothing is fetched or saved', async () => {
    const csrf = await admin.csrf('/admin/schools/kestrel');
    const res = await admin.form('/admin/schools/kestrel', { ...form(csrf, 'https://www.google.com/alerts#1:0'), name: 'Kestrel Primary', aliases: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('is the Google Alerts page, not an alert&#39;s feed');
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([{ source: 'rss', url: feeds.url('/gone.xml') }]);
  });

  it('a Google Alert on a machine without a network: recognised, the failure said plainly, not saved', async () => {
    const offline: FeedFetcher = { fetch: async ({ url }) => Promise.reject(toFeedError(Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' }), url, false, { timeoutMs: 10_000, maxBytes: 1 << 20 })) };
    const page = new PageClient(createWebApp({ store, auth: await createLocalAuth(store), fetcher: offline }));
    await page.signIn(USERS.admin);
    const csrf = await page.csrf('/admin/schools/kestrel');
    const alert = 'https://www.google.com/alerts/feeds/01234567890123456789/9876543210987654321';
    const res = await page.form('/admin/schools/kestrel', { ...form(csrf, alert), name: 'Kestrel Primary', aliases: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<strong>Google Alert</strong> (RSS delivery) recognised.');
    expect(html).toContain('the network is unreachable from this machine');
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([{ source: 'rss', url: feeds.url('/gone.xml') }]);
  });
});
