import { describe, expect, it } from 'vitest';
import { HostLimiter } from '../../lib/feeds/host-limiter';

const never = new AbortController().signal;
const tick = () => new Promise((r) => setImmediate(r));

describe('HostLimiter', () => {
  it('lets `limit` callers in per host and queues the rest in order', async () => {
    const limiter = new HostLimiter(2);
    const a = await limiter.acquire('a.example:443', never);
    const b = await limiter.acquire('a.example:443', never);
    const order: string[] = [];
    const c = limiter.acquire('a.example:443', never).then((release) => (order.push('c'), release));
    const d = limiter.acquire('a.example:443', never).then((release) => (order.push('d'), release));
    // Another host is not held up.
    const other = await limiter.acquire('b.example:443', never);
    await tick();
    expect(order).toEqual([]);
    expect(limiter.inFlight('a.example:443')).toBe(2);

    a();
    a(); // releasing twice must not free a second slot
    const releaseC = await c;
    await tick();
    expect(order).toEqual(['c']);
    expect(limiter.inFlight('a.example:443')).toBe(2);

    b();
    (await d)();
    releaseC();
    other();
    expect(limiter.inFlight('a.example:443')).toBe(0);
    expect(limiter.inFlight('b.example:443')).toBe(0);
  });

  it('gives up waiting when the fetch deadline aborts', async () => {
    const limiter = new HostLimiter(1);
    const held = await limiter.acquire('h:80', never);
    const controller = new AbortController();
    const waiting = limiter.acquire('h:80', controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    held();
    // The aborted waiter did not take the slot.
    expect(limiter.inFlight('h:80')).toBe(0);
    (await limiter.acquire('h:80', never))();
  });

  it('rejects a nonsensical limit', () => {
    expect(() => new HostLimiter(0)).toThrow(/positive integer/);
  });
});
