import { createHash } from 'node:crypto';
import type { SchoolRef } from '../config/schema';
import { FeedError } from '../feeds/errors';
import { parseFeed } from '../feeds/parse';
import type { FeedFetcher, FeedItem } from '../feeds/types';
import { assessForSchool } from '../score/assess';
import type { ConfigStore } from '../store/config-store';
import type { Store } from '../store';
import type { FeedState, FeedStateStore } from '../store/feed-state-store';
import { mentionIdFor, type MentionStore } from '../store/mention-store';
import type { OfstedStateStore } from '../store/ofsted-store';
import type { Mention } from '../store/types';
import { captureJobFor, type CaptureQueue } from './capture-mention';
import { snapshot } from './mention-snapshot';
import type { AppSettings, Logger } from './deps';
import { schoolForScoring } from './school-for-scoring';
import { mapLimit, type FeedJob } from './plan-polls';

/** What polling one feed needs: the store calls it makes (a port: the benchmark swaps in a no-op store), a fetcher, a clock. */
export interface PollDeps {
  store: {
    config: Pick<ConfigStore, 'getSchool'>;
    feeds: Pick<FeedStateStore, 'get' | 'save'>;
    mentions: Pick<MentionStore, 'record'>;
    falsePositives: Pick<Store['falsePositives'], 'terms'>;
    ofsted: Pick<OfstedStateStore, 'get' | 'save'>;
  };
  fetcher: FeedFetcher;
  clock: () => Date;
  log: Logger;
  settings: Pick<AppSettings, 'pollIntervalMinutes'>;
  /** Newly stored flagged mentions are handed here for a page capture; the poll never waits for the capture itself. */
  captureQueue?: CaptureQueue;
}

export interface PollResult {
  url: string;
  outcome: 'stored' | 'not-modified' | 'failed';
  items: number;
  /** Item × school pairs that mention the school. */
  matched: number;
  flagged: number;
  /** New mentions written this time (a redelivered job writes none). */
  stored: number;
  /** Ofsted watch only: reports newly recorded (flagged or not; every one is in the digest). */
  newReports?: number;
  /** Items skipped because the previous poll already processed them for the same schools and configuration. */
  alreadyProcessed?: number;
  /** Schools this poll stored new flagged mentions for: the urgent-alert run looks at these. */
  storedFor?: { trustId: string; schoolId: string }[];
  error?: { code: string; message: string };
  nextPollAt: string;
}

/** Longest wait after repeated failures: a broken feed is still retried daily, and stays visible as failing. */
export const MAX_BACKOFF_MS = 24 * 3600_000;

/**
 * Wait before the next poll of a feed that has now failed `failures` times in a row: the poll interval,
 * doubled per further failure, at most a day; never sooner than the site's Retry-After.
 */
export function backoffMs(intervalMs: number, failures: number, retryAfterSeconds = 0): number {
  const exponential = Math.min(intervalMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  return Math.max(retryAfterSeconds * 1000, exponential);
}

/** Items of one feed recorded at once, per school. */
const ITEM_WRITE_CONCURRENCY = 4;

export { SNAPSHOT_TEXT_CAP } from './mention-snapshot';

/**
 * Polls one feed for the schools that watch it: fetch (conditional) → parse → match → score → store.
 * A feed that cannot be fetched or read is a recorded failure with backoff, returned as a value;
 * only a store failure throws (so the queue retries the job; its writes are idempotent).
 */
export async function pollFeed(deps: PollDeps, job: FeedJob): Promise<PollResult> {
  // An Ofsted page is an HTML page checked daily, not a feed; its module (and its HTML parser, linkedom, a few
  // hundred ms to load) is loaded only when such a job comes, so feed polls and cold starts do not pay for it.
  if (job.kind === 'ofsted') return (await import('./poll-ofsted')).pollOfsted(deps, job);
  const now = deps.clock();
  const state: FeedState = (await deps.store.feeds.get(job.urlHash)) ?? { url: job.url, consecutiveFailures: 0 };
  const interval = deps.settings.pollIntervalMinutes * 60_000;
  const base = { url: job.url, items: 0, matched: 0, flagged: 0, stored: 0 };

  const schools: SchoolRef[] = [];
  for (const { trustId, schoolId } of job.schools) {
    const ref = await deps.store.config.getSchool(schoolId, trustId);
    if (!ref || ref.trustId !== trustId) {
      deps.log.warn('school no longer configured; skipping its share of the feed', { schoolId, url: job.url });
      continue;
    }
    schools.push(await schoolForScoring(deps.store, ref));
  }
  // The validators (ETag, Last-Modified) describe what the last complete poll processed for exactly these schools,
  // configured exactly so. After a change (a school added, renamed, re-tuned) a 304 would hide the feed's current
  // items from the new configuration, so the feed is fetched unconditionally once.
  const processedFor = configFingerprint(schools);
  const sameConfig = state.processedFor === processedFor;

  let items: FeedItem[];
  try {
    const fetched = await deps.fetcher.fetch(sameConfig ? { url: job.url, etag: state.etag, lastModified: state.lastModified } : { url: job.url });
    if (fetched.kind === 'not-modified') {
      const nextPollAt = new Date(now.getTime() + interval).toISOString();
      await deps.store.feeds.save(job.urlHash, succeeded(state, now, nextPollAt));
      return { ...base, outcome: 'not-modified', nextPollAt };
    }
    // Relative links resolve against where the feed was actually served from (after redirects).
    const parsed = await parseFeed(fetched.body, { feedUrl: fetched.finalUrl, contentType: fetched.contentType, now });
    items = parsed.items;
    state.etag = fetched.etag;
    state.lastModified = fetched.lastModified;
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    const failures = state.consecutiveFailures + 1;
    const nextPollAt = new Date(now.getTime() + backoffMs(interval, failures, err.details.retryAfterSeconds)).toISOString();
    await deps.store.feeds.save(job.urlHash, {
      ...state,
      lastPolledAt: now.toISOString(),
      lastErrorAt: now.toISOString(),
      lastError: err.message,
      lastErrorCode: err.code,
      consecutiveFailures: failures,
      nextPollAt,
    });
    deps.log.warn('feed failed', { url: job.url, code: err.code, error: err.message, failures });
    return { ...base, outcome: 'failed', error: { code: err.code, message: err.message }, nextPollAt };
  }

  const result: PollResult = { ...base, outcome: 'stored', items: items.length, alreadyProcessed: 0, nextPollAt: new Date(now.getTime() + interval).toISOString() };
  // Feeds re-serve most of their items poll after poll. Items the last complete poll already processed for exactly
  // these schools, configured exactly so, are skipped: their outcome cannot differ, and each would cost a write.
  const processed = sameConfig ? new Set(state.processedKeys ?? []) : new Set<string>();
  const fresh = items.filter((item) => !processed.has(shortKey(item.itemKey)));
  result.alreadyProcessed = items.length - fresh.length;
  for (const school of schools) {
    // Items are independent (parseFeed drops repeated item keys), so a few are written at once: each write is a
    // store round trip or four, and one at a time made a feed's poll time the sum of them.
    await mapLimit(fresh, ITEM_WRITE_CONCURRENCY, async (item) => {
      const counts = await recordItem(deps, school, item, job.url, now);
      result.matched += counts.matched;
      result.flagged += counts.flagged;
      result.stored += counts.stored;
      if (counts.stored && !result.storedFor?.some((t) => t.schoolId === school.school.id)) (result.storedFor ??= []).push({ trustId: school.trustId, schoolId: school.school.id });
    });
  }
  await deps.store.feeds.save(job.urlHash, {
    ...succeeded(state, now, result.nextPollAt),
    itemsLastSeen: items.length,
    processedKeys: items.map((item) => shortKey(item.itemKey)),
    processedFor,
  });
  return result;
}

const shortKey = (itemKey: string) => createHash('sha256').update(itemKey).digest('base64url').slice(0, 16);

/** Changes whenever anything that decides an item's outcome changes: which schools, their names, terms and tuning. */
function configFingerprint(schools: SchoolRef[]): string {
  const relevant = schools.map(({ trustId, school }) => [trustId, school.id, school.name, school.aliases, school.context, school.exclude, school.scoring ?? null]);
  return createHash('sha256').update(JSON.stringify(relevant)).digest('base64url').slice(0, 22);
}

/** Feed state after a successful poll (fetched or not modified): healthy again, errors cleared. */
function succeeded(state: FeedState, now: Date, nextPollAt: string): FeedState {
  return { ...state, lastPolledAt: now.toISOString(), lastSuccessAt: now.toISOString(), consecutiveFailures: 0, lastError: undefined, lastErrorCode: undefined, nextPollAt };
}

async function recordItem(deps: Pick<PollDeps, 'store' | 'captureQueue' | 'log'>, { trustId, school }: SchoolRef, item: FeedItem, feedUrl: string, now: Date) {
  const { match, score } = assessForSchool({ title: item.title, text: item.text }, school);
  if (!score) return { matched: 0, flagged: 0, stored: 0 };
  const build = score.flagged ? (capturedAt: string) => snapshot({ trustId, schoolId: school.id, item, feedUrl, capturedAt, match, score }) : undefined;
  const outcome = await deps.store.mentions.record({ trustId, schoolId: school.id, itemKey: item.itemKey, capturedAt: now.toISOString(), build });
  if (outcome === 'stored' && deps.captureQueue) {
    const job = captureJobFor({ trustId, schoolId: school.id, id: mentionIdFor(trustId, school.id, item.itemKey), url: item.link, canonicalUrl: item.canonicalUrl });
    // A queue hiccup costs the screen print, never the mention or the digest.
    if (job) await deps.captureQueue.enqueue(job).catch((err: Error) => deps.log.warn('could not queue page capture', { mentionId: job.mentionId, error: err.message }));
  }
  return { matched: 1, flagged: score.flagged ? 1 : 0, stored: outcome === 'stored' ? 1 : 0 };
}

