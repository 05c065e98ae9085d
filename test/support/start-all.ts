/**
 * Starts parts one after another, each returning how to stop it. If one fails to start, the ones already started are
 * stopped (newest first) before the error is rethrown, so a suite whose browser fails to launch leaves no server or
 * database running behind it. `stop` stops everything, newest first.
 */
export class Startup {
  private readonly stoppers: (() => Promise<unknown>)[] = [];

  /** Starts one part; `stop` is how to stop it once started. On a failure, what was started so far is stopped. */
  async start<T>(begin: () => Promise<T>, stop: (part: T) => Promise<unknown>): Promise<T> {
    let part: T;
    try {
      part = await begin();
    } catch (err) {
      // the start's error is the one to report: a stopper failing as well must not replace it
      await this.stop().catch(() => undefined);
      throw err;
    }
    this.stoppers.push(() => stop(part));
    return part;
  }

  /** A step with nothing of its own to stop (seeding a store): on a failure, what was started so far is stopped. */
  run<T>(step: () => Promise<T>): Promise<T> {
    return this.start(step, async () => undefined);
  }

  /** Stops every started part, newest first; every stopper runs even if one fails (the first failure is rethrown). */
  async stop(): Promise<void> {
    let first: unknown;
    for (const stop of this.stoppers.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        first ??= err;
      }
    }
    if (first !== undefined) throw first;
  }
}
