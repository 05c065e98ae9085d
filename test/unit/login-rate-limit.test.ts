import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../lib/auth/rate-limit';

/** Issue 10.11: one school's shared IP must not lock every account out because someone mistyped (or guessed) a lot. */
describe('LoginRateLimiter defaults', () => {
  it('50 failures from one IP across accounts lock none of the others; the failing account+IP is limited', () => {
    let now = 0;
    const limiter = new LoginRateLimiter(undefined, () => now);
    for (let i = 0; i < 50; i++) limiter.fail('10.0.0.1', `pupil${i % 12}@school.example`);
    expect(limiter.retryAfter('10.0.0.1', 'head@school.example')).toBe(0);
    expect(limiter.retryAfter('10.0.0.1', 'pupil0@school.example')).toBeGreaterThan(0);
    // The same account from elsewhere is not held back by this IP's failures.
    expect(limiter.retryAfter('10.9.9.9', 'pupil0@school.example')).toBe(0);
    now += 15 * 60_000 + 1;
    expect(limiter.retryAfter('10.0.0.1', 'pupil0@school.example')).toBe(0);
  });

  it('an IP spraying many accounts is slowed to one attempt per few seconds, not locked out for minutes', () => {
    let now = 0;
    const limiter = new LoginRateLimiter(undefined, () => now);
    for (let i = 0; i < 1000; i++) {
      now += 100;
      if (limiter.retryAfter('10.0.0.2', `victim${i}@school.example`) === 0) limiter.fail('10.0.0.2', `victim${i}@school.example`);
    }
    const wait = limiter.retryAfter('10.0.0.2', 'head@school.example');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10);
    now += wait * 1000;
    expect(limiter.retryAfter('10.0.0.2', 'head@school.example')).toBe(0);
  });
});
