import type { CaptureJob, CaptureOutcome, CaptureQueue } from '../app/capture-mention';
import type { Logger } from '../app/deps';

export interface LocalCaptureQueue extends CaptureQueue {
  /** Resolves when nothing is queued or running (tests, the demo). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The local stand-in for the capture queue and Lambda: jobs run one at a time in this process (a browser page
 * costs ~200 MB; two cores are shared), in order, a mention queued twice runs once. Retries come back through
 * the scheduler's sweep of due retries, as in AWS.
 */
export function startLocalCaptureQueue(run: (job: CaptureJob) => Promise<CaptureOutcome>, log: Logger): LocalCaptureQueue {
  const queue: CaptureJob[] = [];
  const pending = new Set<string>();
  let stopped = false;
  let worker: Promise<void> | undefined;
  let waiters: (() => void)[] = [];

  const drain = async () => {
    while (!stopped && queue.length > 0) {
      const job = queue.shift()!;
      try {
        const result = await run(job);
        if (result.outcome === 'skipped') log.info('capture skipped', { mentionId: job.mentionId, reason: result.reason });
      } catch (err) {
        log.error('capture job failed; it will be retried at the next sweep', { mentionId: job.mentionId, error: (err as Error).message });
      } finally {
        pending.delete(job.mentionId);
      }
    }
    worker = undefined;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  return {
    async enqueue(job) {
      if (stopped || pending.has(job.mentionId)) return;
      pending.add(job.mentionId);
      queue.push(job);
      worker ??= drain();
    },
    idle: () => (worker ? new Promise<void>((r) => waiters.push(r)) : Promise.resolve()),
    async stop() {
      stopped = true;
      queue.length = 0;
      await worker;
    },
  };
}
