export type FeedErrorCode =
  | 'bad-url'
  | 'blocked-address'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'rate-limited'
  | 'http-status'
  | 'network'
  | 'not-a-feed'
  | 'parse-error';

/** A feed could not be fetched or read. The message says what went wrong and what to do. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly details: { url?: string; status?: number; retryAfterSeconds?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
