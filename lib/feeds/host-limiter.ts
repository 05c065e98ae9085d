import { FeedError } from './errors';

/**
 * A counting semaphore per host, so one poll run never opens more than `limit` simultaneous
 * requests to the same site (politeness: news sites and Reddit throttle bursts).
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`perHostConcurrency must be a positive integer, got ${limit}`);
  }

  /** Waits for a slot on `host`; the returned function frees it (call exactly once). Rejects if `signal` aborts first. */
  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) throw abortReason(signal);
    const running = this.active.get(host) ?? 0;
    if (running < this.limit) {
      this.active.set(host, running + 1);
      return this.releaser(host);
    }
    await new Promise<void>((resolve, reject) => {
      const queue = this.waiting.get(host) ?? [];
      this.waiting.set(host, queue);
      const onAbort = () => {
        const i = queue.indexOf(grant);
        if (i !== -1) queue.splice(i, 1);
        if (queue.length === 0) this.waiting.delete(host);
        reject(abortReason(signal));
      };
      // The slot is handed over directly (active count unchanged), so no other caller can jump the queue.
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      queue.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser(host);
  }

  /** Number of requests currently holding a slot for `host` (for tests and diagnostics). */
  inFlight(host: string): number {
    return this.active.get(host) ?? 0;
  }

  private releaser(host: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const queue = this.waiting.get(host);
      const next = queue?.shift();
      if (queue && queue.length === 0) this.waiting.delete(host);
      if (next) {
        next();
        return;
      }
      const running = (this.active.get(host) ?? 1) - 1;
      if (running <= 0) this.active.delete(host);
      else this.active.set(host, running);
    };
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new FeedError('timeout', 'The fetch was cancelled while waiting for a free connection slot.');
}
