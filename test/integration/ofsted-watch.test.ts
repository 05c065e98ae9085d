import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps, type Logger } from '../../lib/app/deps';
import { planPolls } from '../../lib/app/plan-polls';
import { pollJobs, pollOnce } from '../../lib/app/poll-all';
import { sendDigests } from '../../lib/app/send-digests';
import type { ConfigFile } from '../../lib/config/schema';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { createSafeFetcher, type SafeFetcher } from '../../lib/feeds/fetch';
import { startMailServer, type MailServer } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * The Ofsted watch end to end on real local parts: a loopback server serving provider pages (honouring
 * If-None-Match), the guarded fetcher (the loopback host allowed as FEED_ALLOW_HOSTS would), dynalite, the
 * local SES server. The clock is injected: "the next day" is a later Date, never a sleep.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/ofsted/${name}`, import.meta.url), 'utf8');

let dynamo: TestDynamo;
let pages: FeedServer;
let mail: MailServer;
let fetcher: SafeFetcher;
let store: Store;
let deps: AppDeps;
let now = new Date('2026-11-23T10:00:00Z');
const warnings: string[] = [];
const log: Logger = { ...silentLogger, warn: (m, e) => warnings.push(`${m} ${JSON.stringify(e)}`) };

/** Serves `current[path]` with an ETag of its content; answers 304 when the client already has it. */
const current: Record<string, string> = {};
function servePage(path: string) {
  pages.route(path, (req, res) => {
    const body = current[path]!;
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag, 'last-modified': 'Mon, 23 Nov 2026 08:00:00 GMT' }).end(body);
  });
}
const requestsTo = (path: string) => pages.requests.filter((r) => r.path === path);

function config(): ConfigFile {
  const school = (id: string, name: string, urn: string, path: string) => ({
    id,
    name,
    urn,
    aliases: [],
    context: [],
    exclude: [],
    timezone: 'Europe/London',
    digestHour: 7,
    recipients: [`head@${id}.example`],
    allClear: false,
    feeds: [{ source: 'ofsted' as const, url: pages.url(path) }],
  });
  return {
    trusts: [
      {
        id: 'meridian',
        name: 'Meridian Learning Trust',
        retentionMonths: 12,
        schools: [school('northgate', 'Northgate Park Academy', '137001', '/provider/21/137001'), school('kestrel', 'Kestrel Primary', '137002', '/provider/21/137002')],
      },
    ],
  };
}

beforeAll(async () => {
  [dynamo, pages, mail] = await Promise.all([startTestDynamo(), startFeedServer(), startMailServer({ port: 0 })]);
  fetcher = createSafeFetcher({ allowHosts: [pages.hostPort], timeoutMs: 5000 });
  ({ store } = await dynamo.freshStore());
  deps = {
    store,
    fetcher,
    mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 }),
    settings: { mailFrom: 'digest@schoolwatch.test', webBaseUrl: 'http://localhost:3000', pollIntervalMinutes: 30 },
    clock: () => now,
    newId: () => `run-${now.getTime()}`,
    log,
  };
  current['/provider/21/137001'] = fixture('graded-good.html');
  current['/provider/21/137002'] = fixture('graded-requires-improvement.html');
  servePage('/provider/21/137001');
  servePage('/provider/21/137002');
  await importConfig(deps, config());
});
afterAll(async () => {
  await fetcher?.close();
  await Promise.all([dynamo?.stop(), pages?.close(), mail?.stop()]);
});

const northgate = { trustId: 'meridian', schoolId: 'northgate' };
const kestrel = { trustId: 'meridian', schoolId: 'kestrel' };
const mentionsOf = async (s: typeof northgate) => (await store.mentions.listForSchool(s)).mentions;

describe('the Ofsted watch', () => {
  it('first check: records only the latest report of each school, flagged when a judgement is below Good', async () => {
    const results = await pollOnce(deps);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.outcome === 'stored')).toBe(true);
    // `stored` counts new flagged mentions (what `poll --once` reports and urgent alerts look at); every newly
    // recorded report, flagged or not, is counted in `newReports`.
    const first = new Map(results.map((r) => [new URL(r.url).pathname, r]));
    expect(first.get('/provider/21/137001')).toMatchObject({ flagged: 0, stored: 0, newReports: 1 });
    expect(first.get('/provider/21/137001')!.storedFor).toBeUndefined();
    expect(first.get('/provider/21/137002')).toMatchObject({ flagged: 1, stored: 1, newReports: 1, storedFor: [{ trustId: 'meridian', schoolId: 'kestrel' }] });
    expect(requestsTo('/provider/21/137001')).toHaveLength(1);
    expect(requestsTo('/provider/21/137001')[0]!.headers['if-none-match']).toBeUndefined();
    expect(requestsTo('/provider/21/137001')[0]!.headers.accept).toMatch(/text\/html/);

    const [good] = await mentionsOf(northgate);
    expect(await mentionsOf(northgate)).toHaveLength(1); // not the 2017 report
    expect(good).toMatchObject({
      trustId: 'meridian',
      schoolId: 'northgate',
      url: 'https://files.ofsted.gov.uk/v1/file/50184632',
      author: 'Ofsted',
      publishedAt: '2022-05-27T12:00:00.000Z',
      capturedAt: now.toISOString(),
      severity: null,
      ofsted: { urn: '137001', reportId: '50184632', inspectionDate: '2022-04-26', layout: 'graded' },
    });
    expect(good!.score.flagged).toBe(false);
    expect(good!.text).toContain('Quality of education: Good.');

    const [poor] = await mentionsOf(kestrel);
    expect(await mentionsOf(kestrel)).toHaveLength(1);
    expect(poor).toMatchObject({ severity: 'medium', families: ['reputation'], ofsted: { reportId: '50271145', inspectionDate: '2025-03-05' } });
    expect(poor!.score.categories.map((c) => c.id)).toEqual(['reputation.inspection']);
    expect(poor!.score.categories[0]!.reason).toContain('Quality of education "Requires improvement"');
    // Found by id alone only through its trust-and-school reference.
    expect(await store.mentions.locate(poor!.id)).toEqual(kestrel);
  });

  it('a second check the same day does not fetch, whatever the poll schedule (even `poll --all`)', async () => {
    now = new Date('2026-11-23T16:30:00Z');
    expect(await planPolls(deps)).toEqual([]); // the dispatcher skips the pages until they are due
    const results = await pollOnce(deps, { all: true });
    expect(results.map((r) => r.outcome)).toEqual(['not-modified', 'not-modified']);
    expect(requestsTo('/provider/21/137001')).toHaveLength(1);
    expect(requestsTo('/provider/21/137002')).toHaveLength(1);
    expect(await store.ofsted.get(northgate)).toMatchObject({ urn: '137001', lastCheckedAt: '2026-11-23T10:00:00.000Z', lastOutcome: 'recorded' });
  });

  it('the next day: a conditional GET, 304, nothing new', async () => {
    now = new Date('2026-11-24T10:00:30Z');
    const results = await pollOnce(deps);
    expect(results.map((r) => r.outcome)).toEqual(['not-modified', 'not-modified']);
    const second = requestsTo('/provider/21/137001')[1]!;
    expect(second.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(second.headers['if-modified-since']).toBe('Mon, 23 Nov 2026 08:00:00 GMT');
    expect(await mentionsOf(northgate)).toHaveLength(1);
    expect(await store.ofsted.get(northgate)).toMatchObject({ lastOutcome: 'not-modified', lastCheckedAt: now.toISOString() });
  });

  it('a newly published report-card report is one new mention, flagged; the page failing for another school does not stop it', async () => {
    current['/provider/21/137001'] = fixture('report-card.html');
    current['/provider/21/137002'] = fixture('unrecognised.html');
    now = new Date('2026-11-25T10:01:00Z');
    const results = await pollJobs(deps, await planPolls(deps));
    const byUrl = new Map(results.map((r) => [new URL(r.url).pathname, r]));
    expect(byUrl.get('/provider/21/137001')).toMatchObject({ outcome: 'stored', matched: 1, flagged: 1, stored: 1, storedFor: [northgate] });
    expect(byUrl.get('/provider/21/137002')).toMatchObject({ outcome: 'failed', stored: 0, error: { code: 'unrecognised-page' } });
    expect(byUrl.get('/provider/21/137002')!.error!.message).toMatch(/changed the page layout/);

    const list = await mentionsOf(northgate);
    expect(list).toHaveLength(2);
    const card = list.find((m) => m.ofsted?.reportId === '50301122')!;
    expect(card).toMatchObject({ url: 'http://' + pages.hostPort + '/provider/21/137001/report-card/50301122', severity: 'medium', ofsted: { layout: 'report-card', inspectionDate: '2026-01-14', publishedDate: '2026-02-20' } });
    expect(card.score.categories[0]!.reason).toBe('Ofsted graded Inclusion "Needs attention", Leadership and governance "Needs attention"');
    // The failure is recorded where the admin's feed-health table reads it, and the school's page will be re-read in full.
    const kestrelState = await store.ofsted.get(kestrel);
    expect(kestrelState).toMatchObject({ lastOutcome: 'failed', lastErrorCode: 'unrecognised-page' });
    expect(warnings.some((w) => w.includes('Ofsted page check failed'))).toBe(true);

    // Checked again the same day: nothing fetched, nothing recorded twice.
    now = new Date('2026-11-25T18:00:00Z');
    await pollOnce(deps, { all: true });
    expect(await mentionsOf(northgate)).toHaveLength(2);
  });

  it('the digest shows every new Ofsted report, the poor one flagged and the good one not', async () => {
    now = new Date('2026-11-26T07:05:00Z');
    const results = await sendDigests(deps, { schoolId: 'northgate' });
    expect(results).toMatchObject([{ outcome: 'sent', mentions: 2 }]);
    const [email] = (await mail.fetchStore()).filter((e) => e.destination.to.some((t) => t.includes('head@northgate.example')));
    expect(email!.subject).toBe('Northgate Park Academy: 2 new Ofsted reports (flagged) – Thu 26 Nov 2026');
    const html = email!.body.html!;
    const text = email!.body.text!;
    expect(html.match(/>New Ofsted report<\/p>/g)).toHaveLength(2);
    expect(text.match(/^NEW OFSTED REPORT: /gm)).toHaveLength(2);
    for (const part of [html, text]) {
      expect(part).toContain('Not flagged: no judgement is below Good.');
      expect(part).toContain('Flagged: Reputation (Inspection outcome, medium)');
    }
    expect(html).toContain('Needs attention (concern)');
    expect(html).toContain('https://files.ofsted.gov.uk/v1/file/50184632');
    expect(text).toContain('   - Inclusion: Needs attention (concern)');
    expect(text).toContain('   - Quality of education: Good');
  });

  it('a school whose first check failed still records only its latest report once the page can be read', async () => {
    current['/provider/21/137003'] = fixture('unrecognised.html');
    servePage('/provider/21/137003');
    const cfg = config();
    const heron = { ...cfg.trusts[0]!.schools[0]!, id: 'heron', name: 'Heron Academy', urn: '137003', recipients: ['head@heron.example'], feeds: [{ source: 'ofsted' as const, url: pages.url('/provider/21/137003') }] };
    cfg.trusts[0]!.schools.push(heron);
    await importConfig(deps, cfg);
    const heronKey = { trustId: 'meridian', schoolId: 'heron' };
    now = new Date('2026-11-27T09:00:00Z');
    await pollOnce(deps);
    expect(await store.ofsted.get(heronKey)).toMatchObject({ lastOutcome: 'failed' });

    current['/provider/21/137003'] = fixture('graded-good.html');
    now = new Date('2026-11-28T09:00:00Z');
    await pollOnce(deps);
    expect((await mentionsOf(heronKey)).map((m) => m.ofsted?.reportId)).toEqual(['50184632']);
  });

  it('an Ofsted feed on a school without a URN is refused at import, naming the school and what to do', async () => {
    const cfg = config();
    delete (cfg.trusts[0]!.schools[1] as { urn?: string }).urn;
    await expect(importConfig(deps, cfg)).rejects.toThrow(/Ofsted reports need the school's URN, and "Kestrel Primary" has none: add its six-digit URN/);
  });
});
