/**
 * Login attempt limiter, in memory (one process locally; per warm Lambda instance in AWS, where Cognito's
 * own limits apply to the hosted sign-in).
 *
 * Two rules, because a whole school often signs in from one IP address (its NAT):
 * - per account + IP: `perAccount` failures in the window stop that account from that IP until the oldest
 *   of them leaves the window. Guessing one password is what this stops; other accounts on the IP are free.
 * - per IP, much higher: past `perIp` failures in the window (someone trying many accounts), every attempt
 *   from the IP must wait `ipSpacingMs` after the IP's last failure. That slows a spray to a few guesses a
 *   minute without locking the school's staff out for minutes: they wait seconds at most.
 */
export interface LoginRateLimits {
  perAccount: number;
  perIp: number;
  windowMs: number;
  /** Once an IP is past `perIp`: the gap required after its last failure. */
  ipSpacingMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginRateLimits = { perAccount: 5, perIp: 300, windowMs: 15 * 60_000, ipSpacingMs: 10_000 };

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly options: LoginRateLimits;

  constructor(
    options: Partial<LoginRateLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_LOGIN_LIMITS, ...options };
  }

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(ip: string, email: string): number {
    const t = this.now();
    const { perAccount, perIp, windowMs, ipSpacingMs } = this.options;
    const account = this.recent(`a|${ip}|${email.toLowerCase()}`, t);
    const byIp = this.recent(`i|${ip}`, t);
    const until = [
      account.length >= perAccount ? account[account.length - perAccount]! + windowMs : 0,
      byIp.length >= perIp ? byIp[byIp.length - 1]! + ipSpacingMs : 0,
    ];
    const wait = Math.max(...until) - t;
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }

  fail(ip: string, email: string): void {
    const t = this.now();
    const cap = Math.max(this.options.perAccount, this.options.perIp);
    for (const key of [`a|${ip}|${email.toLowerCase()}`, `i|${ip}`]) this.failures.set(key, [...this.recent(key, t), t].slice(-cap));
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
