import { describe, expect, it } from 'vitest';
import { Startup } from '../support/start-all';

describe('Startup (test rigs start in order and clean up after a failed start)', () => {
  it('a part that fails to start stops the ones already started, newest first, and rethrows its error', async () => {
    const log: string[] = [];
    const startup = new Startup();
    await startup.start(async () => 'db', async (p) => void log.push(`stop ${p}`));
    await startup.start(async () => 'server', async (p) => void log.push(`stop ${p}`));
    const failure = new Error('the browser did not launch');
    await expect(startup.start(async () => Promise.reject(failure), async () => void log.push('stop browser'))).rejects.toBe(failure);
    expect(log).toEqual(['stop server', 'stop db']);
    await startup.stop();
    expect(log).toEqual(['stop server', 'stop db']);
  });

  it('stop runs every stopper even when one fails, newest first, and reports the first failure', async () => {
    const log: string[] = [];
    const startup = new Startup();
    await startup.start(async () => 1, async () => void log.push('a'));
    await startup.start(async () => 2, async () => {
      log.push('b');
      throw new Error('b would not stop');
    });
    await startup.start(async () => 3, async () => void log.push('c'));
    await expect(startup.stop()).rejects.toThrow('b would not stop');
    expect(log).toEqual(['c', 'b', 'a']);
  });
});
