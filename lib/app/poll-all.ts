import type { AppDeps } from './deps';
import { planPolls, type FeedJob, type PlanDeps } from './plan-polls';
import { pollFeed, type PollDeps, type PollResult } from './poll-feed';
import { sendUrgentAlerts, storedTargets, type AlertResult } from './urgent-alerts';

/**
 * Feeds polled at once by default (the local scheduler, `poll --once`). Most of a poll is waiting on the
 * network and the store, so more than the core count pays; the fetcher's per-host limit (2 by default)
 * still keeps any one site from seeing more than that many requests at once.
 */
export const DEFAULT_POLL_CONCURRENCY = 8;

export interface PollJobsOptions {
  concurrency?: number;
  onResult?: (result: PollResult, done: number, total: number) => void;
}

/**
 * Polls many feeds with a concurrency limit. Each feed is its own unit: a failure is in its result,
 * and a thrown (store) error is reported for that feed without stopping the others.
 */
export async function pollJobs(deps: PollDeps, jobs: FeedJob[], options: PollJobsOptions = {}): Promise<PollResult[]> {
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
  const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_POLL_CONCURRENCY, jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/** `poll --once` and the local scheduler: every due feed now (or every feed with `all`). */
export async function pollOnce(
  deps: PollDeps & { store: PlanDeps['store'] & PollDeps['store'] },
  options: PollJobsOptions & { all?: boolean } = {},
): Promise<PollResult[]> {
  const jobs = await planPolls(deps, { includeNotDue: options.all });
  return pollJobs(deps, jobs, options);
}

/**
 * The poll path of `npm start`, `poll --once` and the demo: poll the due feeds, then send the urgent alerts
 * for what this run stored (one email per school for everything it found) and any held alerts now due.
 */
export async function pollAndAlert(deps: AppDeps, options: PollJobsOptions & { all?: boolean } = {}): Promise<{ polls: PollResult[]; alerts: AlertResult[] }> {
  const polls = await pollOnce(deps, options);
  const alerts = await sendUrgentAlerts(deps, storedTargets(polls), { includeHeld: true });
  return { polls, alerts };
}
