import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger } from '../../lib/app/deps';
import { groupFeeds } from '../../lib/app/plan-polls';
import { pollFeed } from '../../lib/app/poll-feed';
import { createSafeFetcher, type SafeFetcher } from '../../lib/feeds/fetch';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * Issue 10, item 3: a feed answering 304 Not Modified must not hide its current items from a school that was
 * added (or changed) since the last poll. Loopback feed server that honours conditional requests, dynalite.
 */
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>
<item><title>Threat made against teacher at Seaview High</title><link>https://news.example/seaview-threat</link><guid>seaview-threat</guid>
<description>Police were called after a parent threatened to kill a teacher at Seaview High on Monday.</description></item>
<item><title>Northgate Park Academy fundraiser</title><link>https://news.example/northgate-fair</link><guid>northgate-fair</guid>
<description>Northgate Park Academy raised money at its winter fair.</description></item>
</channel></rss>`;

describe('a 304 Not Modified feed and a configuration change', () => {
  let dynamo: TestDynamo;
  let feeds: FeedServer;
  let fetcher: SafeFetcher;
  let store: Store;
  const conditional: boolean[] = [];
  let t = Date.parse('2026-11-21T10:00:00Z');
  const poll = async () => {
    t += 31 * 60_000;
    const [job] = groupFeeds(await store.config.listSchools());
    return pollFeed({ store, fetcher, clock: () => new Date(t), log: silentLogger, settings: { pollIntervalMinutes: 30 } }, job!);
  };
  const school = (id: string, name: string) => ({ id, name, feeds: [{ source: 'rss', url: feeds.url('/news.xml') }] });

  beforeAll(async () => {
    [dynamo, feeds] = await Promise.all([startTestDynamo(), startFeedServer()]);
    fetcher = createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 });
    ({ store } = await dynamo.freshStore());
    // A well-behaved server: 304 whenever the client already has this version.
    feeds.route('/news.xml', (req, res) => {
      const isConditional = req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] !== undefined;
      conditional.push(isConditional);
      if (isConditional) res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Sat, 21 Nov 2026 09:00:00 GMT' }).end(FEED);
    });
  });
  afterAll(async () => {
    await fetcher?.close();
    await Promise.all([dynamo?.stop(), feeds?.close()]);
  });

  it('a school added after the feed was last fetched sees its current items on its next poll', async () => {
    await importConfig({ store }, { trusts: [{ id: 'meridian', name: 'Meridian', schools: [school('northgate', 'Northgate Park Academy')] }] });
    expect((await poll()).outcome).toBe('stored');
    expect(await poll()).toMatchObject({ outcome: 'not-modified' });
    expect(conditional).toEqual([false, true]);

    // Seaview is added to the same feed: the next poll must read the feed in full, not accept the 304.
    await importConfig({ store }, { trusts: [{ id: 'harbour', name: 'Harbour', schools: [school('seaview', 'Seaview High')] }] });
    const after = await poll();
    expect(after).toMatchObject({ outcome: 'stored', items: 2 });
    expect(conditional.at(-1)).toBe(false);
    const seaview = (await store.mentions.listForSchool({ trustId: 'harbour', schoolId: 'seaview' })).mentions;
    expect(seaview.map((m) => m.title)).toEqual(['Threat made against teacher at Seaview High']);

    // Nothing changed since: conditional again, and 304 is fine.
    expect(await poll()).toMatchObject({ outcome: 'not-modified' });
    expect(conditional.at(-1)).toBe(true);
  });

  it('a school whose names changed is re-checked against the current items too', async () => {
    await importConfig({ store }, { trusts: [{ id: 'meridian', name: 'Meridian', schools: [{ ...school('northgate', 'Northgate Park Academy'), aliases: ['Seaview High'] }] }] });
    const after = await poll();
    expect(after.outcome).toBe('stored');
    expect(conditional.at(-1)).toBe(false);
    const northgate = (await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions;
    expect(northgate.map((m) => m.title)).toContain('Threat made against teacher at Seaview High');
  });
});
