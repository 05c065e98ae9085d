import type { AppDeps } from './deps';
import { planPolls, type FeedJob } from './plan-polls';
import { pollFeed, type PollResult } from './poll-feed';

/**
 * Polls many feeds with a concurrency limit. Each feed is its own unit: a failure is in its result,
 * and a thrown (store) error is reported for that feed without stopping the others.
 */
export async function pollJobs(
  deps: Pick<AppDeps, 'store' | 'fetcher' | 'clock' | 'log' | 'settings'>,
  jobs: FeedJob[],
  options: { concurrency?: number; onResult?: (result: PollResult, done: number, total: number) => void } = {},
): Promise<PollResult[]> {
  const results: PollResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      try {
        results[index] = await pollFeed(deps, job);
      } catch (err) {
        deps.log.error('poll failed', { url: job.url, error: (err as Error).message });
        results[index] = {
          url: job.url,
          outcome: 'failed',
          items: 0,
          matched: 0,
          flagged: 0,
          stored: 0,
          error: { code: 'internal', message: (err as Error).message },
          nextPollAt: deps.clock().toISOString(),
        };
      }
      options.onResult?.(results[index]!, ++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, jobs.length) }, worker));
  return results;
}

/** `poll --once` and the local scheduler: every due feed now (or every feed with `all`). */
export async function pollOnce(
  deps: Pick<AppDeps, 'store' | 'fetcher' | 'clock' | 'log' | 'settings'>,
  options: { all?: boolean; concurrency?: number; onResult?: (result: PollResult, done: number, total: number) => void } = {},
): Promise<PollResult[]> {
  const jobs = await planPolls(deps, { includeNotDue: options.all });
  return pollJobs(deps, jobs, options);
}
