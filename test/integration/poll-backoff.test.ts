import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger } from '../../lib/app/deps';
import { planPolls } from '../../lib/app/plan-polls';
import { backoffMs, MAX_BACKOFF_MS, pollFeed } from '../../lib/app/poll-feed';
import { feedKey } from '../../lib/feeds';
import { createSafeFetcher, type SafeFetcher } from '../../lib/feeds/fetch';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/** Backoff and health of a failing feed, with an injected clock, against dynalite and a loopback feed server. */

const MIN = 60_000;
const HOUR = 60 * MIN;
const GOOD = '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Hello</title><link>https://news.example/1</link><description>nothing to see</description></item></channel></rss>';

describe('backoffMs', () => {
  it('doubles the interval per consecutive failure, caps at 24 h, and never undercuts Retry-After', () => {
    expect([1, 2, 3, 4].map((f) => backoffMs(30 * MIN, f))).toEqual([30 * MIN, 60 * MIN, 120 * MIN, 240 * MIN]);
    expect(backoffMs(30 * MIN, 7)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(30 * MIN, 500)).toBe(24 * HOUR);
    expect(backoffMs(MIN, 1, 120)).toBe(120_000);
    expect(backoffMs(30 * MIN, 1, 120)).toBe(30 * MIN);
  });
});

describe('feed backoff and health', () => {
  let dynamo: TestDynamo;
  let feeds: FeedServer;
  let fetcher: SafeFetcher;
  let store: Store;
  /** What /feed.xml answers next. */
  let answer: 'error' | 'rate-limited' | 'ok' = 'error';
  const url = () => feeds.url('/feed.xml');
  const job = () => ({ url: url(), urlHash: feedKey(url()), schools: [{ trustId: 'meridian', schoolId: 'northgate' }] });
  const T0 = Date.parse('2026-11-21T10:00:00Z');
  const poll = (atMs: number, pollIntervalMinutes = 30) =>
    pollFeed({ store, fetcher, clock: () => new Date(atMs), log: silentLogger, settings: { pollIntervalMinutes } }, job());
  const state = () => store.feeds.get(feedKey(url()));

  beforeAll(async () => {
    [dynamo, feeds] = await Promise.all([startTestDynamo(), startFeedServer()]);
    fetcher = createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 });
    ({ store } = await dynamo.freshStore());
    feeds.route('/feed.xml', (_req, res) => {
      if (answer === 'error') res.writeHead(500).end('broken');
      else if (answer === 'rate-limited') res.writeHead(429, { 'retry-after': '120' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD);
    });
    await importConfig({ store }, {
      trusts: [{ id: 'meridian', name: 'Meridian', schools: [{ id: 'northgate', name: 'Northgate Park Academy', feeds: [{ source: 'rss', url: url() }] }] }],
    });
  });
  afterAll(async () => {
    await fetcher?.close();
    await Promise.all([dynamo?.stop(), feeds?.close()]);
  });

  it('waits longer after each consecutive failure (30 min, 1 h, 2 h) and records the error', async () => {
    answer = 'error';
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await poll(now);
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'http-status' } });
      const next = Date.parse(result.nextPollAt);
      waits.push(next - now);
      now = next;
    }
    expect(waits).toEqual([30 * MIN, 60 * MIN, 120 * MIN]);
    expect(await state()).toMatchObject({ consecutiveFailures: 3, lastErrorCode: 'http-status', nextPollAt: new Date(now).toISOString() });
    expect((await state())!.lastError).toContain('HTTP 500');
  });

  it('is not planned again until its backoff has passed (no early margin for a failing feed)', async () => {
    const next = Date.parse((await state())!.nextPollAt!);
    const planAt = async (ms: number) => (await planPolls({ store, clock: () => new Date(ms) })).map((j) => j.url);
    expect(await planAt(next - 60_000)).toEqual([]);
    expect(await planAt(next)).toEqual([url()]);
  });

  it('caps the wait at 24 hours however long the feed has been failing', async () => {
    const s = (await state())!;
    await store.feeds.save(feedKey(url()), { ...s, consecutiveFailures: 12 });
    const at = T0 + 10 * HOUR;
    const result = await poll(at);
    expect(Date.parse(result.nextPollAt) - at).toBe(24 * HOUR);
    expect(await state()).toMatchObject({ consecutiveFailures: 13 });
  });

  it('a success resets the failure count, clears the error and returns to the normal interval', async () => {
    answer = 'ok';
    const at = T0 + 40 * HOUR;
    const result = await poll(at);
    expect(result).toMatchObject({ outcome: 'stored', items: 1 });
    expect(Date.parse(result.nextPollAt) - at).toBe(30 * MIN);
    const s = (await state())!;
    expect(s).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: new Date(at).toISOString() });
    expect(s.lastError).toBeUndefined();
    expect(s.lastErrorCode).toBeUndefined();
    // A healthy feed is due a little early (2-minute margin) so a scheduled dispatch does not just miss it.
    const planAt = async (ms: number) => (await planPolls({ store, clock: () => new Date(ms) })).length;
    expect(await planAt(at + 27 * MIN)).toBe(0);
    expect(await planAt(at + 28 * MIN + 30_000)).toBe(1);
  });

  it('honours a 429 Retry-After of 120 s even when the normal backoff would be shorter', async () => {
    answer = 'rate-limited';
    const at = T0 + 50 * HOUR;
    const result = await poll(at, 1); // a 1-minute interval: the first backoff alone would be 60 s
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'rate-limited' } });
    expect(Date.parse(result.nextPollAt) - at).toBeGreaterThanOrEqual(120_000);
    expect(await state()).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'rate-limited' });
    const planAt = async (ms: number) => (await planPolls({ store, clock: () => new Date(ms) })).length;
    expect(await planAt(at + 61_000)).toBe(0);
    expect(await planAt(at + 120_000)).toBe(1);
  });
});
