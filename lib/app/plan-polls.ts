import type { SchoolRef } from '../config/schema';
import { feedKey, feedUrlFor } from '../feeds/sources';
import type { AppDeps } from './deps';

/** One unit of poll work: one URL, fetched once for every school that watches it. */
export interface FeedJob {
  url: string;
  urlHash: string;
  schools: { trustId: string; schoolId: string }[];
}

/**
 * A feed whose next poll falls within this margin counts as due: a poll finishes seconds after its dispatch,
 * so without it every other scheduled dispatch would find the feed not quite due and halve the poll rate.
 */
const DUE_MARGIN_MS = 2 * 60_000;

/** Groups every school's feeds by URL and keeps those due now (never polled, or at or near their next poll time). */
export async function planPolls(deps: Pick<AppDeps, 'store' | 'clock'>, options: { includeNotDue?: boolean } = {}): Promise<FeedJob[]> {
  const schools = await deps.store.config.listSchools();
  const jobs = groupFeeds(schools);
  if (options.includeNotDue) return jobs;
  const now = deps.clock().getTime();
  const due: FeedJob[] = [];
  for (const job of jobs) {
    const state = await deps.store.feeds.get(job.urlHash);
    if (!state?.nextPollAt || Date.parse(state.nextPollAt) <= now + DUE_MARGIN_MS) due.push(job);
  }
  return due;
}

export function groupFeeds(schools: SchoolRef[]): FeedJob[] {
  const byUrl = new Map<string, FeedJob>();
  for (const { trustId, school } of schools) {
    for (const spec of school.feeds) {
      const url = feedUrlFor(spec, school);
      const job = byUrl.get(url) ?? { url, urlHash: feedKey(url), schools: [] };
      if (!job.schools.some((s) => s.schoolId === school.id)) job.schools.push({ trustId, schoolId: school.id });
      byUrl.set(url, job);
    }
  }
  return [...byUrl.values()];
}
