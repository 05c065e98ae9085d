import type { AppDeps } from '../app/deps';
import { pollOnce } from '../app/poll-all';
import { retryDueCaptures } from '../app/retry-captures';
import { purgeExpired } from '../app/retention';
import { sendDigests } from '../app/send-digests';

/**
 * The local stand-in for EventBridge Scheduler: every tick polls the feeds that are due and sends the
 * digests whose local hour has come; once a day it enforces retention. Ticks never overlap; an error is logged and the next tick tries again.
 */
export function startScheduler(deps: AppDeps, options: { tickMs?: number } = {}): { stop(): void; tick(): Promise<void> } {
  let running: Promise<void> | undefined;
  let lastPurgeDay = '';
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      try {
        const polled = await pollOnce(deps);
        if (polled.length > 0) {
          const stored = polled.reduce((n, r) => n + r.stored, 0);
          const failed = polled.filter((r) => r.outcome === 'failed').length;
          deps.log.info(`polled ${polled.length} feed(s): ${stored} new flagged mention(s), ${failed} failed`);
        }
        if (deps.captureQueue) {
          const retried = await retryDueCaptures(deps, deps.captureQueue);
          if (retried > 0) deps.log.info(`retrying ${retried} page capture(s)`);
        }
        for (const d of await sendDigests(deps)) {
          if (d.outcome === 'sent') deps.log.info(`digest sent to ${d.schoolId} (${d.mentions} mention(s))`);
          // failed/unknown are logged by sendDigests with what happens next; a held day with an error is repeated here each tick.
        }
        const today = deps.clock().toISOString().slice(0, 10);
        if (today !== lastPurgeDay) {
          await purgeExpired(deps);
          lastPurgeDay = today;
        }
      } catch (err) {
        deps.log.error('scheduled run failed; retrying next tick', { error: (err as Error).message });
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
