import { STATUS_CODES } from 'node:http';
import { FeedError } from './errors';
import { BodyTooLargeError } from './read-body';

const MiB = 1024 * 1024;

export function httpStatusError(url: string, status: number): FeedError {
  const text = STATUS_CODES[status] ?? 'Unknown status';
  let advice: string;
  if (status === 401 || status === 403) advice = 'The site refuses automated access or needs a login; use a public feed address instead.';
  else if (status === 404 || status === 410) advice = 'The feed has moved or been removed; find its current address on the site and update the school\'s feeds.';
  else if (status >= 500) advice = 'The site has a server problem; Schoolwatch will try again at the next poll.';
  else advice = 'Check the feed address opens in a browser and update it if it has changed.';
  return new FeedError('http-status', `${url} answered HTTP ${status} (${text}). ${advice}`, { url, status });
}

/** Turns whatever undici, zlib or DNS threw into a FeedError that names the URL and the fix. */
export function toFeedError(err: unknown, url: string, deadlineHit: boolean, opts: { timeoutMs: number; maxBytes: number }): FeedError {
  if (err instanceof FeedError && err.code !== 'timeout') return err;
  if (deadlineHit || (err instanceof FeedError && err.code === 'timeout')) {
    return new FeedError(
      'timeout',
      `${url} did not finish answering within ${opts.timeoutMs / 1000} s, so the download was stopped. The site may be slow or down; Schoolwatch will try again at the next poll.`,
      { url },
      { cause: err },
    );
  }
  if (err instanceof BodyTooLargeError) return tooLarge(url, opts.maxBytes, err);
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return tooLarge(url, opts.maxBytes, err);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return new FeedError('timeout', `${url} did not answer in time (${String(code)}). The site may be slow or down; Schoolwatch will try again at the next poll.`, { url }, { cause: err });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FeedError('network', `The host name in ${url} could not be found in DNS. Check the feed address is spelled correctly.`, { url }, { cause: err });
    case 'ECONNREFUSED':
      return new FeedError('network', `Nothing answered at ${url} (connection refused). The site may be down; Schoolwatch will try again at the next poll. If it persists, check the address.`, { url }, { cause: err });
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return new FeedError('network', `Could not reach ${url}: the network is unreachable from this machine (${code}). Check this computer's internet connection; the address itself may be fine.`, { url }, { cause: err });
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new FeedError('network', `The connection to ${url} was dropped mid-answer. Schoolwatch will try again at the next poll.`, { url }, { cause: err });
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new FeedError(
        'network',
        `The security certificate of ${url} is not valid (${code}), so Schoolwatch will not read it. Tell the site's owner; the feed will be retried at the next poll.`,
        { url },
        { cause: err },
      );
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'ERR__ERROR_FORMAT_PADDING_1':
      return new FeedError('network', `${url} sent a corrupt compressed body. Schoolwatch will try again at the next poll; if it persists, tell the site's owner.`, { url }, { cause: err });
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return new FeedError(
        'network',
        `Could not download ${url}: ${typeof code === 'string' ? `${code} ` : ''}${detail}. Check the address opens in a browser; Schoolwatch will try again at the next poll.`,
        { url },
        { cause: err },
      );
    }
  }
}

export function tooLarge(url: string, maxBytes: number, cause: unknown): FeedError {
  return new FeedError(
    'too-large',
    `${url} returned more than ${(maxBytes / MiB).toFixed(1)} MiB, the limit for one feed, so the download was stopped. Feeds are normally far smaller: check the address points at a feed and not a file or web page.`,
    { url },
    { cause },
  );
}

