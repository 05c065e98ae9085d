import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewSchool } from '../../lib/app/preview';
import { School } from '../../lib/config/schema';
import { FeedError } from '../../lib/feeds/errors';
import type { FeedFetcher, FetchRequest } from '../../lib/feeds/types';
import { PREVIEW_ITEMS, rss } from '../support/browser';

const NOW = new Date('2026-03-20T10:00:00.000Z');

const school = (feeds: unknown[]) =>
  School.parse({ id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'], context: ['Harlow Fen'], exclude: ['Northgate Park Retail'], feeds });

/** Answers from a map of URL → body or error; records what was asked. */
function fakeFetcher(answers: Record<string, string | FeedError>): FeedFetcher & { asked: FetchRequest[] } {
  const asked: FetchRequest[] = [];
  return {
    asked,
    async fetch(req) {
      asked.push(req);
      const a = answers[req.url];
      if (a === undefined) throw new FeedError('http-status', `${req.url} answered HTTP 404 (Not Found).`, { url: req.url, status: 404 });
      if (a instanceof FeedError) throw a;
      return { kind: 'fetched', status: 200, body: new TextEncoder().encode(a), contentType: 'application/rss+xml', finalUrl: req.url };
    },
  };
}

describe('previewSchool', () => {
  it('reports per item whether it matched (and why), and whether and why it would be flagged', async () => {
    const fetcher = fakeFetcher({ 'https://news.example/feed.xml': rss(PREVIEW_ITEMS) });
    const r = await previewSchool({ fetcher, clock: () => NOW }, school([{ source: 'rss', url: 'https://news.example/feed.xml' }]));
    expect(fetcher.asked).toEqual([{ url: 'https://news.example/feed.xml' }]);
    expect(r.at).toBe(NOW.toISOString());
    expect(r.totals).toEqual({ items: 5, matched: 3, flagged: 2, failedFeeds: 0 });
    const feed = r.feeds[0]!;
    expect(feed).toMatchObject({ ok: true, feedTitle: 'Local news', totalItems: 5, matched: 3, flagged: 2 });
    const by = Object.fromEntries(feed.items.map((i) => [i.title, i]));
    expect(by['Parents angry']).toMatchObject({ matched: true, flagged: true, link: 'https://news.example/a' });
    expect(by['Parents angry']!.families).toContain('abuse');
    expect(by['Parents angry']!.categories.map((c) => c.id)).toContain('abuse.disparaging');
    expect(by['Inspection news']!.categories.map((c) => c.id)).toContain('reputation.inspection');
    expect(by['Shops']).toMatchObject({ matched: false, flagged: false });
    expect(by['Shops']!.matchReason).toMatch(/excluded by "northgate park retail"/);
    expect(by['Charity']).toMatchObject({ matched: true, flagged: false, categories: [] });
    expect(by['Charity']!.matchReason).toContain('Northgate Park Academy');
    expect(by['Weather']).toMatchObject({ matched: false, matchReason: 'no name or alias found' });
  });

  it('builds templated feed addresses from the draft and turns feed failures into readable per-feed errors', async () => {
    const draft = school([{ source: 'google-news' }, { source: 'rss', url: 'https://gone.example/feed.xml' }, { source: 'mastodon-tag', instance: 'mastodon.social' }]);
    const google = 'https://news.google.com/rss/search?q=%22Northgate%20Park%20Academy%22%20OR%20%22Northgate%20Park%22%20-%22Northgate%20Park%20Retail%22&hl=en-GB&gl=GB&ceid=GB:en';
    const fetcher = fakeFetcher({
      [google]: rss(PREVIEW_ITEMS.slice(0, 1)),
      'https://mastodon.social/tags/NorthgateParkAcademy.rss': new FeedError('timeout', 'https://mastodon.social/tags/NorthgateParkAcademy.rss did not answer in time.'),
    });
    const r = await previewSchool({ fetcher, clock: () => NOW }, draft);
    expect(r.feeds.map((f) => f.url)).toEqual([google, 'https://gone.example/feed.xml', 'https://mastodon.social/tags/NorthgateParkAcademy.rss']);
    expect(r.feeds.map((f) => f.ok)).toEqual([true, false, false]);
    expect(r.feeds[1]!.error).toEqual({ code: 'http-status', message: 'https://gone.example/feed.xml answered HTTP 404 (Not Found).' });
    expect(r.feeds[2]!.error!.code).toBe('timeout');
    expect(r.totals).toEqual({ items: 1, matched: 1, flagged: 1, failedFeeds: 2 });
  });

  it('reports a body that is not a feed as that feed’s error, not a failed preview', async () => {
    const fetcher = fakeFetcher({ 'https://news.example/page': '<html><body>hello</body></html>' });
    const r = await previewSchool({ fetcher, clock: () => NOW }, school([{ source: 'rss', url: 'https://news.example/page' }]));
    expect(r.feeds[0]!.ok).toBe(false);
    expect(['not-a-feed', 'parse-error']).toContain(r.feeds[0]!.error!.code);
    expect(r.feeds[0]!.error!.message.length).toBeGreaterThan(10);
  });

  it('previews an Ofsted feed as the watch reads it: the reports newest first, each scored as if new', async () => {
    const page = 'https://reports.ofsted.gov.uk/provider/21/137001';
    const fetcher = fakeFetcher({ [page]: readFileSync(new URL('../fixtures/ofsted/report-card.html', import.meta.url), 'utf8') });
    const r = await previewSchool({ fetcher, clock: () => NOW }, School.parse({ id: 'northgate', name: 'Northgate Park Academy', urn: '137001', feeds: [{ source: 'ofsted' }] }));
    expect(fetcher.asked[0]).toMatchObject({ url: page, accept: expect.stringMatching(/text\/html/) });
    const feed = r.feeds[0]!;
    expect(feed).toMatchObject({ ok: true, url: page, totalItems: 3, flagged: 1, feedTitle: 'Northgate Park Academy on Ofsted' });
    expect(feed.items[0]).toMatchObject({ flagged: true, severity: 'medium', link: 'https://reports.ofsted.gov.uk/provider/21/137001/report-card/50301122' });
    expect(feed.items[0]!.categories.map((c) => c.id)).toEqual(['reputation.inspection']);
    expect(feed.items[1]).toMatchObject({ flagged: false, link: 'https://files.ofsted.gov.uk/v1/file/50184632' });

    const broken = await previewSchool({ fetcher: fakeFetcher({ [page]: '<html><body><p>Down for maintenance</p></body></html>' }), clock: () => NOW }, School.parse({ id: 'northgate', name: 'N', urn: '137001', feeds: [{ source: 'ofsted' }] }));
    expect(broken.feeds[0]).toMatchObject({ ok: false, error: { code: 'unrecognised-page', message: expect.stringMatching(/changed the page layout/) } });
  });
});
