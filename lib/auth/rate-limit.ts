/**
 * Login attempt limiter, in memory (one process locally; per warm Lambda instance in AWS, where Cognito's
 * own limits apply to the hosted sign-in). Counts failures per IP+email and per IP in a sliding window.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: { perAccount: number; perIp: number; windowMs: number } = { perAccount: 5, perIp: 50, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(ip: string, email: string): number {
    const t = this.now();
    const account = this.recent(`a|${ip}|${email.toLowerCase()}`, t);
    const byIp = this.recent(`i|${ip}`, t);
    const blocked = [
      account.length >= this.options.perAccount ? account[account.length - this.options.perAccount]! : undefined,
      byIp.length >= this.options.perIp ? byIp[byIp.length - this.options.perIp]! : undefined,
    ].filter((x): x is number => x !== undefined);
    if (blocked.length === 0) return 0;
    return Math.max(1, Math.ceil((Math.max(...blocked) + this.options.windowMs - t) / 1000));
  }

  fail(ip: string, email: string): void {
    const t = this.now();
    for (const key of [`a|${ip}|${email.toLowerCase()}`, `i|${ip}`]) this.failures.set(key, [...this.recent(key, t), t]);
    if (this.failures.size > 10_000) this.sweep(t);
  }

  succeed(ip: string, email: string): void {
    this.failures.delete(`a|${ip}|${email.toLowerCase()}`);
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => t - at < this.options.windowMs);
  }

  private sweep(t: number): void {
    for (const [key, list] of this.failures) if (!list.some((at) => t - at < this.options.windowMs)) this.failures.delete(key);
  }
}
