import type { Logger } from './deps';
import { planPolls, type FeedJob, type PlanDeps } from './plan-polls';

/** Where planned jobs go: SQS in AWS, straight to pollFeed locally. */
export interface JobQueue {
  enqueue(jobs: FeedJob[]): Promise<void>;
}

export interface DispatchSummary {
  feeds: number;
  schools: number;
}

/** Plans due feeds and hands them to the queue (the dispatch Lambda). Kept apart from pollFeed so dispatch stays small. */
export async function dispatchPolls(deps: PlanDeps & { log: Logger }, queue: JobQueue): Promise<DispatchSummary> {
  const jobs = await planPolls(deps);
  await queue.enqueue(jobs);
  const summary = { feeds: jobs.length, schools: new Set(jobs.flatMap((j) => j.schools.map((s) => s.schoolId))).size };
  deps.log.info('dispatched polls', { ...summary });
  return summary;
}
