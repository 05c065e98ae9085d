import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAuth } from '../../lib/auth/local-auth';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import type { FeedFetcher } from '../../lib/feeds/types';
import { MemoryGiasIndex } from '../../lib/gias/memory-index';
import type { Store } from '../../lib/store';
import { createWebApp } from '../../lib/web/app';
import { PageClient, PREVIEW_ITEMS, rss, seedWebFixture, USERS } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { GIAS_LOADED_AT, GIAS_RECORDS } from '../support/gias-fixtures';

const PATH = '/admin/schools/new/from-urn';

/** The posted review form for the drafts on a page: every `s.N.*` field as the page filled it. */
function formFields(page: string): Record<string, string> {
  const out: Record<string, string> = {};
  const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of page.matchAll(/<input (?:type="hidden" )?(?:id="[^"]+" )?name="(s\.\d+\.\w+)" value="([^"]*)"/g)) out[m[1]!] = unescape(m[2]!);
  for (const m of page.matchAll(/<textarea id="[^"]+" name="(s\.\d+\.\w+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]!] = unescape(m[2]!);
  for (const m of page.matchAll(/name="(s\.\d+\.include)" checked/g)) out[m[1]!] = 'on';
  return out;
}

describe('admin console: add schools from their URN', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let feeds: FeedServer;
  let admin: PageClient;
  let app: ReturnType<typeof createWebApp>;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    feeds = await startFeedServer();
    feeds.route('/news.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(PREVIEW_ITEMS)));
    // The production fetcher on the loopback feed: every draft's feed address is read from it.
    const safe = createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 });
    const fetcher: FeedFetcher = { fetch: (req) => safe.fetch({ ...req, url: feeds.url('/news.xml') }) };
    app = createWebApp({ store, auth: await createLocalAuth(store), fetcher, gias: new MemoryGiasIndex(GIAS_RECORDS, GIAS_LOADED_AT) });
    admin = new PageClient(app);
    expect((await admin.signIn(USERS.admin)).status).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await feeds?.close();
    await dynamo?.stop();
  });

  it('is for admins only, and its form needs the CSRF token', async () => {
    const trust = new PageClient(app);
    await trust.signIn(USERS.trust);
    expect((await trust.req(`${PATH}?urns=114501`)).status).toBe(403);
    expect((await admin.form(PATH, { 's.0.urn': '114501', 's.0.include': 'on', 's.0.id': 'x', 's.0.name': 'X' })).status).toBe(403);
    expect((await store.config.listSchools('meridian')).length).toBe(2);
  });

  it('looks URNs up, shows each draft with the GIAS date and each failed URN in people’s words', async () => {
    const res = await admin.req(`${PATH}?urns=${encodeURIComponent('114501\n12345\n999999\n171717')}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('GIAS data of 27 November 2026');
    expect(page).toContain('URN 114501: St Mary&#39;s Church of England Primary School');
    expect(page).toContain('These 2 URNs could not be added'); // 12345 and 999999; 171717 is free here and drafts
    expect(page).toContain('“12345” is not a URN');
    expect(page).toContain('URN 999999 is not in the GIAS data (extract of 27 Nov 2026)');
    expect(page).toContain('01632 960114 · BN3 2AA · stmaryshove.example.sch.uk · Mrs Jane Smith'); // the facts at a glance
    expect(page).toContain('Filled from GIAS: name, aliases, context words, phone, address, postcode, website, headteacher’s name.');
    expect(page).toContain('Preview matches for this school');
  });

  it('previews one draft with the existing preview, saving nothing', async () => {
    const page = await (await admin.req(`${PATH}?urns=121212`)).text();
    const fields = formFields(page);
    expect(fields['s.0.name']).toBe('Northgate Park Academy');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const res = await admin.form(PATH, { _csrf: csrf, urns: '121212', ...fields, intent: 'preview:0' });
    expect(res.status).toBe(200);
    const shown = await res.text();
    expect(shown).toContain('Preview: what this configuration matches now');
    expect(shown).toMatch(/<strong>5<\/strong> items, <strong>3<\/strong> about this school/);
    expect(await store.config.ownerOf('northgate-park')).toBeUndefined();
  });

  it('saves the reviewed, edited drafts together; a bad field saves none and is shown next to the field', async () => {
    const page = await (await admin.req(`${PATH}?urns=${encodeURIComponent('114501 136285 140210')}`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const fields = formFields(page);
    expect(fields['s.1.id']).toBe('king-george-v');
    const bad = await admin.form(PATH, { _csrf: csrf, urns: '114501 136285 140210', ...fields, 's.1.recipients': 'head@kgv.example\nnot-an-email', 's.2.id': 'northgate', intent: 'save' });
    expect(bad.status).toBe(400);
    const shown = await bad.text();
    expect(shown).toContain('Nothing was saved: fix the 2 fields marked below');
    expect(shown).toMatch(/id="u-1-recipients"[^>]*aria-invalid="true"/);
    expect(shown).toContain('line 2: must be an email address');
    expect(shown).toContain('id &quot;northgate&quot; is already used in your trust by “Northgate Park Academy”');
    expect((await store.config.listSchools('meridian')).length).toBe(2);

    const good = await admin.form(PATH, { _csrf: csrf, urns: '114501 136285 140210', ...fields, 's.1.aliases': `${fields['s.1.aliases']}\nKing George`, 's.1.recipients': 'head@kgv.example', intent: 'save' });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/admin?saved=1&added=3');
    const schools = (await store.config.listSchools('meridian')).map((r) => r.school);
    const kgv = schools.find((s) => s.urn === '136285')!;
    expect(kgv).toMatchObject({ id: 'king-george-v', recipients: ['head@kgv.example'], feeds: [{ source: 'google-news' }] });
    expect(kgv.aliases).toContain('King George');
    expect(kgv.publicFacts?.phones).toEqual(['01632 960285']);
    expect(await (await admin.req('/admin?saved=1&added=3')).text()).toContain('Added 3 schools from GIAS.');
    // Looked up again: already in the trust, named.
    expect(await (await admin.req(`${PATH}?urns=136285`)).text()).toContain('URN 136285 is already in your trust as “King George V School” (id king-george-v)');
  });

  it('an unticked school is left out; nothing ticked says so', async () => {
    const page = await (await admin.req(`${PATH}?urns=${encodeURIComponent('117460 151515')}`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const fields = formFields(page);
    const { ['s.0.include']: _a, ['s.1.include']: _b, ...none } = fields;
    const res = await admin.form(PATH, { _csrf: csrf, ...none, intent: 'save' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('No school is ticked');
    const { ['s.1.include']: _c, ...first } = fields;
    expect((await admin.form(PATH, { _csrf: csrf, ...first, intent: 'save' })).headers.get('location')).toBe('/admin?saved=1&added=1');
    expect((await store.config.listSchools('meridian')).map((r) => r.school.urn)).toContain('117460');
    expect((await store.config.listSchools('meridian')).map((r) => r.school.urn)).not.toContain('151515');
  });

  it('without GIAS data the page says how to load it', async () => {
    const bare = createWebApp({ store, auth: await createLocalAuth(store) });
    const client = new PageClient(bare);
    await client.signIn(USERS.admin);
    const page = await (await client.req(`${PATH}?urns=114501`)).text();
    expect(page).toContain('No GIAS data is loaded yet');
    expect(page).toContain('gias import');
  });
});
