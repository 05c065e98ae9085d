import type { Store } from '../store';
import type { CaptureQueue } from './capture-mention';

/**
 * Queues the captures whose retry time has come (the local scheduler each tick; in AWS the dispatch run).
 * Each retry marker is removed once its job is queued, so a sweep never queues the same attempt twice.
 */
export async function retryDueCaptures(
  deps: { store: { config: Pick<Store['config'], 'listTrusts'>; captures: Store['captures'] }; clock: () => Date },
  queue: CaptureQueue,
): Promise<number> {
  const now = deps.clock().toISOString();
  let queued = 0;
  for (const trust of await deps.store.config.listTrusts()) {
    for (const due of await deps.store.captures.dueRetries(trust.id, now)) {
      await queue.enqueue({ trustId: due.trustId, schoolId: due.schoolId, mentionId: due.mentionId, url: due.url });
      await deps.store.captures.clearRetry(due.trustId, due.at, due.mentionId);
      queued++;
    }
  }
  return queued;
}
