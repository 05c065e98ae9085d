import { FeedError } from '../feeds/errors';

export type CaptureErrorCode =
  | 'bad-url'
  | 'blocked-address'
  | 'forbidden'
  | 'paywall'
  | 'gone'
  | 'http-status'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'not-a-page'
  | 'network'
  | 'render-failed';

/** Codes worth trying again later: the page may answer differently tomorrow. An address we refuse never will. */
const PERMANENT: ReadonlySet<CaptureErrorCode> = new Set(['bad-url', 'blocked-address']);

/** A page could not be captured. The message says what happened in words a head can pass on; `code` is for the record. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
    readonly details: { url?: string; status?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get retryable(): boolean {
    return !PERMANENT.has(this.code);
  }
}

/** The guarded fetcher speaks about feeds; a capture speaks about pages. Same facts, the reader's words. */
export function fromFeedError(err: FeedError, url: string): CaptureError {
  const status = err.details.status;
  const opts = { cause: err };
  switch (err.code) {
    case 'bad-url':
      return new CaptureError('bad-url', `${url} is not a web address Schoolwatch can capture (${err.message})`, { url }, opts);
    case 'blocked-address':
      return new CaptureError('blocked-address', `${url} points at a private or internal address, so it was not captured.`, { url }, opts);
    case 'timeout':
      return new CaptureError('timeout', `${url} did not answer in time, so no capture was taken; it will be tried again.`, { url }, opts);
    case 'too-large':
      return new CaptureError('too-large', `${url} is larger than a capture may be, so it was not kept; it will be tried again.`, { url }, opts);
    case 'too-many-redirects':
      return new CaptureError('too-many-redirects', `${url} redirects in a loop (or too many times), so it could not be captured.`, { url }, opts);
    case 'rate-limited':
      return new CaptureError('http-status', `${url} asked us to slow down (HTTP ${status ?? 429}); the capture will be tried again later.`, { url, status }, opts);
    case 'http-status':
      if (status === 401 || status === 402)
        return new CaptureError('paywall', `${url} needs a login or subscription (HTTP ${status}); the capture will be tried again. Take a screen print by hand if you can see it.`, { url, status }, opts);
      if (status === 403)
        return new CaptureError('forbidden', `${url} refused automated access (HTTP 403); the capture will be tried again. Take a screen print by hand if you can see it.`, { url, status }, opts);
      if (status === 404 || status === 410)
        return new CaptureError('gone', `${url} is no longer there (HTTP ${status}); it may have been taken down. The feed excerpt is still kept.`, { url, status }, opts);
      return new CaptureError('http-status', `${url} answered HTTP ${status}; the capture will be tried again.`, { url, status }, opts);
    default:
      return new CaptureError('network', `${url} could not be reached: ${err.message}`, { url }, opts);
  }
}
