import type { SchoolRef } from '../config/schema';
import { feedKey, feedUrlFor } from '../feeds/sources';
import type { ConfigStore } from '../store/config-store';
import type { FeedStateStore } from '../store/feed-state-store';

/** One unit of poll work: one URL, fetched once for every school that watches it. */
export interface FeedJob {
  url: string;
  urlHash: string;
  schools: { trustId: string; schoolId: string }[];
  /** `ofsted`: the URL is an Ofsted provider page, read by the Ofsted watch (lib/app/poll-ofsted.ts), not as a feed. */
  kind?: 'ofsted';
}

/** The store calls planning makes (a port, so planning can be tested without a table). */
export interface PlanDeps {
  store: { config: Pick<ConfigStore, 'listSchools'>; feeds: Pick<FeedStateStore, 'get'> };
  clock: () => Date;
}

/**
 * A healthy feed whose next poll falls within this margin counts as due: a poll finishes seconds after its
 * dispatch, so without it every other scheduled dispatch would find the feed not quite due and halve the poll rate.
 * A failing feed gets no margin: its next poll time is a backoff or the site's own Retry-After, which we honour exactly.
 */
export const DUE_MARGIN_MS = 2 * 60_000;

/** Feed-state reads in flight at once while planning (one GetItem each; sequential reads made dispatch O(feeds) round trips). */
const PLAN_READ_CONCURRENCY = 16;

/** Groups every school's feeds by URL and keeps those due now (never polled, or at or near their next poll time). */
export async function planPolls(deps: PlanDeps, options: { includeNotDue?: boolean } = {}): Promise<FeedJob[]> {
  const schools = await deps.store.config.listSchools();
  const jobs = groupFeeds(schools);
  if (options.includeNotDue) return jobs;
  const now = deps.clock().getTime();
  const due = await mapLimit(jobs, PLAN_READ_CONCURRENCY, async (job) => {
    const state = await deps.store.feeds.get(job.urlHash);
    return isDue(state, now);
  });
  return jobs.filter((_, i) => due[i]);
}

/** Never polled, no valid next-poll time, or its next poll has come (healthy feeds: or is within the margin). */
export function isDue(state: { nextPollAt?: string; consecutiveFailures?: number } | undefined, now: number): boolean {
  if (!state?.nextPollAt) return true;
  const next = Date.parse(state.nextPollAt);
  if (Number.isNaN(next)) return true;
  const margin = (state.consecutiveFailures ?? 0) > 0 ? 0 : DUE_MARGIN_MS;
  return next <= now + margin;
}

export function groupFeeds(schools: SchoolRef[]): FeedJob[] {
  const byUrl = new Map<string, FeedJob>();
  for (const { trustId, school } of schools) {
    for (const spec of school.feeds) {
      const url = feedUrlFor(spec, school);
      const job: FeedJob = byUrl.get(url) ?? { url, urlHash: feedKey(url), schools: [], ...(spec.source === 'ofsted' ? { kind: 'ofsted' as const } : {}) };
      if (!job.schools.some((s) => s.schoolId === school.id)) job.schools.push({ trustId, schoolId: school.id });
      byUrl.set(url, job);
    }
  }
  return [...byUrl.values()];
}

/**
 * `fn` over `items` with at most `limit` calls in flight; results in input order. After a call fails no new
 * calls start, the ones in flight are allowed to finish (nothing is left running in the background), and the
 * first error is thrown.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return out;
}
