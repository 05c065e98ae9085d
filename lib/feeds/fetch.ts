import { lookup as dnsLookup } from 'node:dns/promises';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { assertUrlAddressAllowed, effectivePort, hostPortKey, normaliseAllowHosts, parseFeedUrl } from './address-guard';
import { FeedError } from './errors';
import { httpStatusError, toFeedError, tooLarge } from './fetch-errors';
import { guardedConnector, type ResolvedAddress, type Resolver } from './guarded-connector';
import { HostLimiter } from './host-limiter';
import { cappedBodyStream, readCappedBody } from './read-body';
import { parseRetryAfter } from './retry-after';
import type { FeedFetcher, FetchOutcome, FetchRequest } from './types';

interface ResponseInfo {
  status: number;
  finalUrl: string;
  contentEncoding: string | undefined;
  headers: Record<string, string>;
}
type NotModified = { kind: 'not-modified'; finalUrl: string };

/** A successful answer whose body is read as a stream (decoded, and cut off past maxBytes). */
export interface StreamedResponse {
  status: number;
  finalUrl: string;
  body: Readable;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  headers: Record<string, string>;
}

export type StreamOutcome<T> = { kind: 'fetched'; result: T; finalUrl: string; etag?: string; lastModified?: string } | NotModified;

export type { ResolvedAddress, Resolver } from './guarded-connector';

export interface SafeFetcherOptions {
  /** Total deadline for one fetch, redirects included; the socket is destroyed when it passes. Default 15 000. */
  timeoutMs?: number;
  /** Deadline for the TCP/TLS handshake of each connection. Default min(timeoutMs, 10 000). */
  connectTimeoutMs?: number;
  /** Cap on the decoded body. Default 5 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** "host:port" entries (e.g. "127.0.0.1:8123", FEED_ALLOW_HOSTS) that bypass the address guard, matched exactly. */
  allowHosts?: readonly string[];
  /** Simultaneous requests per host. Default 2. */
  perHostConcurrency?: number;
  /** Upper bound for a Retry-After we honour. Default 6 hours. */
  retryAfterMaxSeconds?: number;
  /** DNS resolver (all addresses of a name). Default dns.lookup with all: true; tests inject names that resolve to loopback. */
  lookup?: Resolver;
}

/** A FeedFetcher that also owns a connection pool; close it when the process is done fetching. */
export interface SafeFetcher extends FeedFetcher {
  /**
   * Like fetch, for bodies too big to hold (the GIAS extract): `consume` reads the body as a stream within the
   * same deadline, size cap and address guard; its result is returned. A 304 never calls it.
   */
  fetchStream<T>(request: FetchRequest, consume: (response: StreamedResponse) => Promise<T>): Promise<StreamOutcome<T>>;
  close(): Promise<void>;
}

export const DEFAULT_USER_AGENT = 'Schoolwatch/0.1 (+https://github.com/schoolwatch; school mention monitor)';
const MiB = 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

async function defaultLookup(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** Rejects when `signal` aborts, so a fetch ends at its deadline even if undici is stuck before the request starts. */
function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Drops a response body we will not read. undici reports destroying an unread body as an error, so swallow it here. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/** The absolute form of a Location header; left as-is when unparsable so parseFeedUrl reports it. */
function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Prefixes a refusal with the redirect that led to it, so the admin knows which feed to fix. */
function redirectedError(from: URL, err: unknown): unknown {
  if (!(err instanceof FeedError)) return err;
  return new FeedError(err.code, `${from.href} redirected to an address that cannot be fetched. ${err.message}`, { ...err.details, url: from.href }, { cause: err });
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Creates the production FeedFetcher: SSRF-guarded, deadline-bound, size-capped, conditional and polite. */
export function createSafeFetcher(options: SafeFetcherOptions = {}): SafeFetcher {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const connectTimeoutMs = Math.min(options.connectTimeoutMs ?? 10_000, timeoutMs);
  const maxBytes = options.maxBytes ?? 5 * MiB;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const retryAfterMaxSeconds = options.retryAfterMaxSeconds ?? 6 * 60 * 60;
  const allowHosts = normaliseAllowHosts(options.allowHosts ?? []);
  const limiter = new HostLimiter(options.perHostConcurrency ?? 2);

  const agent = new Agent({
    connect: guardedConnector(allowHosts, options.lookup ?? defaultLookup, connectTimeoutMs),
    // Inactivity timers as a second line of defence; the total deadline below is what really bounds a fetch.
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
  });

  /** One fetch, redirects followed; `read` turns the successful response's body into the result. */
  async function fetchOnce<T>(req: FetchRequest, signal: AbortSignal, read: (body: Readable, res: ResponseInfo) => Promise<T>): Promise<T | NotModified> {
    let url = parseFeedUrl(req.url);
    let redirectedFrom: URL | undefined;
    for (let hop = 0; ; hop++) {
      assertUrlAddressAllowed(url, allowHosts);
      const release = await limiter.acquire(hostPortKey(url.hostname, effectivePort(url)), signal);
      try {
        const headers: Record<string, string> = {
          'user-agent': userAgent,
          accept: req.accept ?? ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
        };
        if (req.etag) headers['if-none-match'] = req.etag;
        if (req.lastModified) headers['if-modified-since'] = req.lastModified;

        let res: Awaited<ReturnType<typeof request>>;
        try {
          res = await request(url, { method: 'GET', headers, signal, dispatcher: agent });
        } catch (err) {
          // A redirect to a name whose DNS answer is private is refused in the connector; say where it came from.
          throw redirectedFrom && err instanceof FeedError && err.code === 'blocked-address' ? redirectedError(redirectedFrom, err) : err;
        }
        const body = res.body as unknown as Readable;
        const status = res.statusCode;

        if (REDIRECT_STATUSES.has(status)) {
          discard(body);
          const location = header(res.headers, 'location');
          if (!location) throw httpStatusError(url.href, status);
          if (hop >= maxRedirects) {
            throw new FeedError(
              'too-many-redirects',
              `${req.url} redirected more than ${maxRedirects} times (possibly a loop). Open it in a browser and use the address it finally lands on.`,
              { url: req.url },
            );
          }
          let next: URL;
          try {
            next = parseFeedUrl(resolveLocation(location, url));
            assertUrlAddressAllowed(next, allowHosts);
          } catch (err) {
            throw redirectedError(url, err);
          }
          redirectedFrom = url;
          url = next;
          continue;
        }
        if (status === 304) {
          discard(body);
          return { kind: 'not-modified', finalUrl: url.href };
        }
        if (status === 429 || status === 503) {
          discard(body);
          const retryAfterSeconds = parseRetryAfter(header(res.headers, 'retry-after'), retryAfterMaxSeconds);
          throw new FeedError(
            'rate-limited',
            `${url.href} asked Schoolwatch to slow down (HTTP ${status})${retryAfterSeconds !== undefined ? `; it will be retried after ${retryAfterSeconds} s` : ''}. If this keeps happening, poll this feed less often.`,
            { url: url.href, status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
          );
        }
        if (status < 200 || status >= 300) {
          discard(body);
          throw httpStatusError(url.href, status);
        }

        const declared = Number(header(res.headers, 'content-length'));
        if (Number.isFinite(declared) && declared > maxBytes) {
          discard(body);
          throw tooLarge(url.href, maxBytes, undefined);
        }
        return await read(body, {
          status,
          finalUrl: url.href,
          contentEncoding: header(res.headers, 'content-encoding'),
          headers: Object.fromEntries(Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0]! : v]]))),
        });
      } finally {
        release();
      }
    }
  }

  /** Runs `work` under the total deadline and turns whatever it threw into a FeedError naming the URL. */
  async function withDeadline<T>(url: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new FeedError('timeout', `deadline of ${timeoutMs} ms passed`)), timeoutMs);
    try {
      const running = work(controller.signal);
      // If the deadline wins the race, the late failure of `running` is already reported as the timeout.
      running.catch(() => {});
      return await Promise.race([running, abortedBy(controller.signal)]);
    } catch (err) {
      throw toFeedError(err, url, controller.signal.aborted, { timeoutMs, maxBytes });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async fetch(req: FetchRequest): Promise<FetchOutcome> {
      return withDeadline(req.url, (signal) =>
        fetchOnce(req, signal, async (body, res) => {
          const bytes = await readCappedBody(body, res.contentEncoding, maxBytes, res.finalUrl);
          const { 'content-type': contentType, etag, 'last-modified': lastModified } = res.headers;
          return {
            kind: 'fetched' as const,
            status: res.status,
            body: bytes,
            finalUrl: res.finalUrl,
            ...(contentType ? { contentType } : {}),
            ...(etag ? { etag } : {}),
            ...(lastModified ? { lastModified } : {}),
            headers: res.headers,
          };
        }),
      );
    },
    async fetchStream<T>(req: FetchRequest, consume: (res: StreamedResponse) => Promise<T>): Promise<StreamOutcome<T>> {
      // The consumer's own failures (say, "not a GIAS file") are its to word and pass through unchanged;
      // failures of the download under it (size cap, dropped connection, deadline) become FeedErrors.
      let consumerFailure: { err: unknown } | undefined;
      try {
        return await withDeadline(req.url, (signal) =>
          fetchOnce(req, signal, async (body, res) => {
            let streamFailed = false;
            const stream = cappedBodyStream(body, res.contentEncoding, maxBytes, res.finalUrl);
            stream.once('error', () => (streamFailed = true));
            try {
              const { 'content-type': contentType, etag, 'last-modified': lastModified } = res.headers;
              const result = await consume({ status: res.status, finalUrl: res.finalUrl, body: stream, headers: res.headers, ...(contentType ? { contentType } : {}), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
              return { kind: 'fetched' as const, result, finalUrl: res.finalUrl, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
            } catch (err) {
              if (!streamFailed && !signal.aborted) consumerFailure = { err };
              throw err;
            } finally {
              // Whatever `consume` left unread (it failed, or stopped early) must not keep the socket open.
              stream.on('error', () => {});
              stream.destroy();
            }
          }),
        );
      } catch (err) {
        if (consumerFailure && !(err instanceof FeedError && err.code === 'timeout')) throw consumerFailure.err;
        throw err;
      }
    },
    async close(): Promise<void> {
      // Destroy rather than close: a fetch stuck on a hostile server must not hold up shutdown.
      await agent.destroy();
    },
  };
}
