import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type Logger } from '../../lib/app/deps';
import { groupFeeds } from '../../lib/app/plan-polls';
import { DEFAULT_POLL_CONCURRENCY, pollJobs, pollOnce } from '../../lib/app/poll-all';
import { pollFeed, type PollDeps } from '../../lib/app/poll-feed';
import { feedKey } from '../../lib/feeds';
import { createSafeFetcher, type SafeFetcher } from '../../lib/feeds/fetch';
import type { FeedFetcher } from '../../lib/feeds/types';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/** Per-job robustness of polling, on dynalite and a loopback feed server. */

const rss = (items: { id: string; title: string; text: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>${items
    .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.id}</link><guid>${i.id}</guid><description>${i.text}</description></item>`)
    .join('')}</channel></rss>`;

/** One flagged item naming `name` (an insult about the head) and one harmless one. */
const newsAbout = (prefix: string, name: string) =>
  rss([
    { id: `${prefix}-1`, title: `Parents angry at ${name}`, text: `the head at ${name} is a useless idiot and a disgrace` },
    { id: `${prefix}-2`, title: `Sports day at ${name}`, text: `sports day at ${name} moved to Friday because of rain` },
  ]);

const serve = (feeds: FeedServer, path: string, body: string) =>
  feeds.route(path, (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));

function recordingLogger(): Logger & { errors: { message: string; extra?: Record<string, unknown> }[] } {
  const errors: { message: string; extra?: Record<string, unknown> }[] = [];
  return { ...silentLogger, errors, error: (message, extra) => void errors.push({ message, extra }) };
}

describe('polling survives one bad job', () => {
  let dynamo: TestDynamo;
  let feeds: FeedServer;
  let fetcher: SafeFetcher;
  let store: Store;
  const now = new Date('2026-11-21T10:00:00Z');
  const settings = { pollIntervalMinutes: 30 };

  beforeAll(async () => {
    [dynamo, feeds] = await Promise.all([startTestDynamo(), startFeedServer()]);
    fetcher = createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 });
    ({ store } = await dynamo.freshStore());
    serve(feeds, '/alpha.xml', newsAbout('a', 'Alpha Academy'));
    serve(feeds, '/bravo.xml', newsAbout('b', 'Bravo Academy'));
    serve(feeds, '/charlie.xml', newsAbout('c', 'Charlie Academy'));
    serve(feeds, '/shared.xml', rss([
      { id: 's-1', title: 'Local schools', text: 'the head at Delta Academy is a useless idiot and a disgrace' },
      { id: 's-2', title: 'Local schools again', text: 'the head at Echo Academy is a useless idiot and a disgrace' },
      { id: 's-3', title: 'Local schools once more', text: 'the head at Foxtrot Academy is a useless idiot and a disgrace' },
    ]));
    serve(feeds, '/big.xml', rss(Array.from({ length: 150 }, (_, i) => ({ id: `g-${i}`, title: `Golf Academy news ${i}`, text: `sports day at Golf Academy, part ${i}` }))));
    const s = (id: string, name: string, ...paths: string[]) => ({ id, name, feeds: paths.map((p) => ({ source: 'rss', url: feeds.url(p) })) });
    await importConfig({ store }, {
      trusts: [
        {
          id: 'meridian',
          name: 'Meridian Learning Trust',
          schools: [
            s('alpha', 'Alpha Academy', '/alpha.xml'),
            s('bravo', 'Bravo Academy', '/bravo.xml'),
            s('charlie', 'Charlie Academy', '/charlie.xml'),
            s('delta', 'Delta Academy', '/shared.xml'),
            s('echo', 'Echo Academy', '/shared.xml'),
            s('foxtrot', 'Foxtrot Academy', '/shared.xml'),
            s('golf', 'Golf Academy', '/big.xml'),
          ],
        },
      ],
    });
  });
  afterAll(async () => {
    await fetcher?.close();
    await Promise.all([dynamo?.stop(), feeds?.close()]);
  });

  const jobsFor = async (...paths: string[]) => {
    const urls = new Set(paths.map((p) => feeds.url(p)));
    return groupFeeds(await store.config.listSchools()).filter((j) => urls.has(j.url));
  };
  const mentions = async (schoolId: string) => (await store.mentions.listForSchool({ trustId: 'meridian', schoolId })).mentions;

  it('a store failure while polling one feed fails only that feed; the others are stored', async () => {
    // The real store, except that recording anything for bravo throws (as a throttled or unreachable table would).
    const flaky: Store = {
      ...store,
      mentions: Object.assign(Object.create(store.mentions) as Store['mentions'], {
        record: (input: Parameters<Store['mentions']['record']>[0]) => {
          if (input.schoolId === 'bravo') return Promise.reject(new Error('ProvisionedThroughputExceededException: simulated'));
          return store.mentions.record(input);
        },
      }),
    };
    const log = recordingLogger();
    const jobs = await jobsFor('/alpha.xml', '/bravo.xml', '/charlie.xml');
    expect(jobs).toHaveLength(3);

    const results = await pollJobs({ store: flaky, fetcher, clock: () => now, log, settings }, jobs, { concurrency: 2 });

    const byUrl = (p: string) => results.find((r) => r.url === feeds.url(p))!;
    expect(byUrl('/bravo.xml')).toMatchObject({ outcome: 'failed', error: { code: 'internal' } });
    expect(byUrl('/bravo.xml').error!.message).toContain('simulated');
    expect(byUrl('/alpha.xml')).toMatchObject({ outcome: 'stored', stored: 1 });
    expect(byUrl('/charlie.xml')).toMatchObject({ outcome: 'stored', stored: 1 });
    expect((await mentions('alpha')).map((m) => m.title)).toEqual(['Parents angry at Alpha Academy']);
    expect((await mentions('charlie')).map((m) => m.title)).toEqual(['Parents angry at Charlie Academy']);
    expect(await mentions('bravo')).toEqual([]);
    expect(log.errors).toEqual([{ message: 'poll failed', extra: expect.objectContaining({ url: feeds.url('/bravo.xml') }) }]);
    // The failed job left its feed state untouched, so the next plan picks it up again.
    expect(await store.feeds.get(feedKey(feeds.url('/bravo.xml')))).toBeUndefined();

    // Once the store is healthy the same job completes.
    const retry = await pollJobs({ store, fetcher, clock: () => now, log, settings }, await jobsFor('/bravo.xml'));
    expect(retry[0]).toMatchObject({ outcome: 'stored', stored: 1 });
  });

  it('fetches a feed watched by three schools once per poll and records it for each of them', async () => {
    const before = feeds.requests.filter((r) => r.path === '/shared.xml').length;
    const jobs = await jobsFor('/shared.xml');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.schools.map((s) => s.schoolId)).toEqual(['delta', 'echo', 'foxtrot']);

    const [result] = await pollJobs({ store, fetcher, clock: () => now, log: silentLogger, settings }, jobs);

    expect(feeds.requests.filter((r) => r.path === '/shared.xml').length - before).toBe(1);
    expect(result).toMatchObject({ outcome: 'stored', items: 3, stored: 3 });
    expect((await mentions('delta')).map((m) => m.title)).toEqual(['Local schools']);
    expect((await mentions('echo')).map((m) => m.title)).toEqual(['Local schools again']);
    expect((await mentions('foxtrot')).map((m) => m.title)).toEqual(['Local schools once more']);
  });

  it('keeps at most 100 items of a feed', async () => {
    const [job] = await jobsFor('/big.xml');
    const result = await pollFeed({ store, fetcher, clock: () => now, log: silentLogger, settings }, job!);
    expect(result).toMatchObject({ outcome: 'stored', items: 100 });
    expect(await store.feeds.get(job!.urlHash)).toMatchObject({ itemsLastSeen: 100 });
  });

  it('polls every due feed in one pass (pollOnce), each fetched once', async () => {
    const before = feeds.requests.length;
    const results = await pollOnce({ store, fetcher, clock: () => new Date('2026-11-21T12:00:00Z'), log: silentLogger, settings });
    expect(results.map((r) => r.outcome)).toEqual(Array(results.length).fill('stored'));
    // Five distinct URLs for seven schools.
    expect(results).toHaveLength(5);
    expect(feeds.requests.length - before).toBe(5);
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(0); // everything was stored by the earlier tests
  });
});

describe('poll concurrency', () => {
  const job = (i: number, host = 'feeds.example') => ({ url: `https://${host}/f${i}.xml`, urlHash: feedKey(`https://${host}/f${i}.xml`), schools: [] });
  const memoryStore = (): PollDeps['store'] => ({
    config: { getSchool: async () => undefined },
    feeds: { get: async () => undefined, save: async () => {} },
    mentions: { record: async () => 'seen' },
    falsePositives: { terms: async () => [] } as unknown as Store['falsePositives'],
    ofsted: { get: async () => undefined, save: async () => {} },
  });

  it(`polls ${DEFAULT_POLL_CONCURRENCY} feeds at once by default`, async () => {
    let inFlight = 0;
    let peak = 0;
    const fetcher: FeedFetcher = {
      async fetch() {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { kind: 'not-modified', finalUrl: 'https://feeds.example/' };
      },
    };
    const results = await pollJobs({ store: memoryStore(), fetcher, clock: () => new Date(), log: silentLogger, settings: { pollIntervalMinutes: 30 } }, Array.from({ length: 20 }, (_, i) => job(i)));
    expect(DEFAULT_POLL_CONCURRENCY).toBe(8);
    expect(peak).toBe(DEFAULT_POLL_CONCURRENCY);
    expect(results.map((r) => r.outcome)).toEqual(Array(20).fill('not-modified'));
  });

  it("still sends at most the fetcher's per-host limit of requests to one site at a time", async () => {
    const feeds = await startFeedServer();
    const fetcher = createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 });
    try {
      let inFlight = 0;
      let peak = 0;
      for (let i = 0; i < 12; i++) {
        feeds.route(`/f${i}.xml`, async (_req, res) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 20));
          inFlight--;
          res.writeHead(304).end();
        });
      }
      const jobs = Array.from({ length: 12 }, (_, i) => ({ url: feeds.url(`/f${i}.xml`), urlHash: feedKey(feeds.url(`/f${i}.xml`)), schools: [] }));
      const results = await pollJobs({ store: memoryStore(), fetcher, clock: () => new Date(), log: silentLogger, settings: { pollIntervalMinutes: 30 } }, jobs);
      expect(results.map((r) => r.outcome)).toEqual(Array(12).fill('not-modified'));
      expect(feeds.requests).toHaveLength(12);
      expect(peak).toBeGreaterThanOrEqual(1);
      expect(peak).toBeLessThanOrEqual(2);
    } finally {
      await fetcher.close();
      await feeds.close();
    }
  });
});
