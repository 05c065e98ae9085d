import type { School } from '../config/schema';
import { FeedError } from '../feeds/errors';
import { googleAlertsMistake, isGoogleAlertsFeed } from '../feeds/google-alerts';
import { explainNetworkError } from '../feeds/network-probe';
import { parseFeed } from '../feeds/parse';
import type { FeedFetcher, ParsedFeed } from '../feeds/types';
import { mapLimit } from './plan-polls';

/**
 * "Does this address work as a feed?": fetched once with the guarded production fetcher, parsed with the
 * poller's parser. `feed test` (CLI) and the admin console's feed check both call this, so an address the
 * console accepts is one the poller can read. Nothing is stored.
 */
export interface FeedTestDeps {
  fetcher: FeedFetcher;
  clock?: () => Date;
  /** Whether this machine can look names up at all (default: one DNS lookup); tells "offline" from "typo". */
  reachable?: () => Promise<boolean>;
}

export type FeedTestOutcome = { kind: 'feed'; url: string; finalUrl: string; feed: ParsedFeed } | { kind: 'not-modified'; url: string; finalUrl: string };

/** Fetches and parses one feed; throws FeedError with a reason in plain words (offline named as such). */
export async function testFeed(deps: FeedTestDeps, url: string): Promise<FeedTestOutcome> {
  const mistake = googleAlertsMistake(url);
  if (mistake) throw new FeedError('bad-url', mistake, { url });
  let fetched;
  try {
    fetched = await deps.fetcher.fetch({ url });
  } catch (err) {
    throw err instanceof FeedError ? await explainNetworkError(err, deps.reachable) : err;
  }
  if (fetched.kind === 'not-modified') return { kind: 'not-modified', url, finalUrl: fetched.finalUrl };
  const feed = await parseFeed(fetched.body, { feedUrl: url, contentType: fetched.contentType, now: deps.clock?.() });
  return { kind: 'feed', url, finalUrl: fetched.finalUrl, feed };
}

/** What a form shows about one checked address. */
export interface FeedCheck {
  url: string;
  ok: boolean;
  /** The address is a Google Alert's RSS feed. */
  googleAlert: boolean;
  title?: string;
  itemCount: number;
  /** The first few item titles, for the admin to recognise the feed. */
  firstTitles: string[];
  /** Why it could not be read (FeedError code and message), when not ok. */
  error?: { code: string; message: string };
}

export const FIRST_TITLES = 3;

/** testFeed for a form: the outcome as facts to show, never a thrown FeedError. */
export async function checkFeed(deps: FeedTestDeps, url: string): Promise<FeedCheck> {
  const base = { url, googleAlert: isGoogleAlertsFeed(url), itemCount: 0, firstTitles: [] };
  try {
    const out = await testFeed(deps, url);
    if (out.kind === 'not-modified') return { ...base, ok: false, error: { code: 'not-modified', message: `${url} answered "not modified" to a request that asked for the whole feed; try again later.` } };
    return { ...base, ok: true, title: out.feed.title, itemCount: out.feed.items.length, firstTitles: out.feed.items.slice(0, FIRST_TITLES).map((i) => i.title) };
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    return { ...base, ok: false, error: { code: err.code, message: err.message } };
  }
}

const CHECK_CONCURRENCY = 4;

/** RSS addresses of `draft` that `saved` (the school as stored, if any) does not already read: the ones an admin just pasted. */
export function newFeedAddresses(draft: Pick<School, 'feeds'>, saved?: Pick<School, 'feeds'>): string[] {
  const known = new Set((saved?.feeds ?? []).flatMap((f) => (f.source === 'rss' ? [f.url] : [])));
  return [...new Set(draft.feeds.flatMap((f) => (f.source === 'rss' && !known.has(f.url) ? [f.url] : [])))];
}

/** checkFeed for several addresses, a few at a time, in the order given. */
export function checkFeeds(deps: FeedTestDeps, urls: readonly string[]): Promise<FeedCheck[]> {
  return mapLimit(urls, CHECK_CONCURRENCY, (url) => checkFeed(deps, url));
}
