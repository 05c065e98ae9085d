/**
 * Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), clamped to
 * [0, maxSeconds] so a hostile or confused server cannot park a feed for years.
 * Undefined when the header is missing or unreadable: the caller applies its own backoff.
 */
export function parseRetryAfter(value: string | undefined, maxSeconds: number, nowMs: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let seconds: number;
  if (/^\d+$/.test(text)) {
    seconds = Number(text);
  } else {
    // Only accept something that looks like an HTTP-date; Date.parse alone accepts almost anything.
    if (!/\b\d{4}\b/.test(text) || !/[a-z]{3}/i.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - nowMs) / 1000);
  }
  if (!Number.isFinite(seconds)) return maxSeconds;
  return Math.min(Math.max(seconds, 0), maxSeconds);
}
