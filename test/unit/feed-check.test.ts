import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../lib/app/feed-test';
import { FeedError } from '../../lib/feeds/errors';
import { toFeedError } from '../../lib/feeds/fetch-errors';
import { googleAlertsMistake, isGoogleAlertsFeed } from '../../lib/feeds/google-alerts';
import type { FeedFetcher } from '../../lib/feeds/types';

describe('Google Alerts addresses', () => {
  it('recognises an alert’s RSS feed address', () => {
    expect(isGoogleAlertsFeed('https://www.google.com/alerts/feeds/01234567890123456789/9876543210987654321')).toBe(true);
    expect(isGoogleAlertsFeed(' https://google.co.uk/alerts/feeds/1/2 ')).toBe(true);
    expect(isGoogleAlertsFeed('https://www.google.com/alerts')).toBe(false);
    expect(isGoogleAlertsFeed('https://news.example/alerts/feeds/1/2')).toBe(false);
  });

  it('names the alerts page pasted instead of the feed, and says where the feed link is', () => {
    const m = googleAlertsMistake('https://www.google.com/alerts#1:0');
    expect(m).toContain('is the Google Alerts page, not an alert\'s feed');
    expect(m).toContain('"Deliver to: RSS feed"');
    expect(m).toContain('https://www.google.com/alerts/feeds/<digits>/<digits>');
    expect(googleAlertsMistake('http://www.google.com/alerts/feeds/1/2')).toBe('Google Alerts feeds are read over https: use https://www.google.com/alerts/feeds/1/2.');
    expect(googleAlertsMistake('https://www.google.com/alerts/feeds/1/2')).toBeUndefined();
    expect(googleAlertsMistake('https://news.example/feed.xml')).toBeUndefined();
  });
});

describe('feed errors in plain words', () => {
  it('says the network is unreachable from this machine (ENETUNREACH, EHOSTUNREACH)', () => {
    for (const code of ['ENETUNREACH', 'EHOSTUNREACH']) {
      const e = toFeedError(Object.assign(new Error(`connect ${code}`), { code }), 'https://www.google.com/alerts/feeds/1/2', false, { timeoutMs: 10_000, maxBytes: 1 << 20 });
      expect(e.code).toBe('network');
      expect(e.message).toContain('the network is unreachable from this machine');
    }
  });
});

describe('checkFeed (the code behind `feed test`, for forms)', () => {
  const fails = (err: Error): FeedFetcher => ({ fetch: () => Promise.reject(err) });

  it('an offline machine is named as offline, not as a typo', async () => {
    const offline = new FeedError('network', 'The host name in https://www.google.com/alerts/feeds/1/2 could not be found in DNS.', { url: 'https://www.google.com/alerts/feeds/1/2' }, { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) });
    const r = await checkFeed({ fetcher: fails(offline), reachable: async () => false }, 'https://www.google.com/alerts/feeds/1/2');
    expect(r).toMatchObject({ ok: false, googleAlert: true, error: { code: 'network' } });
    expect(r.error!.message).toContain('cannot reach the internet right now');
  });

  it('the alerts page is refused before anything is fetched', async () => {
    let fetched = false;
    const r = await checkFeed({ fetcher: { fetch: async () => ((fetched = true), { kind: 'not-modified', finalUrl: '' }) } }, 'https://www.google.com/alerts');
    expect(fetched).toBe(false);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-url' } });
  });
});
