import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, type FeedErrorCode } from '../../lib/feeds/errors';
import { createSafeFetcher, type ResolvedAddress, type SafeFetcher } from '../../lib/feeds/fetch';
import { parseFeed } from '../../lib/feeds/parse';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/*
 * The "hostile server" suite: real sockets on 127.0.0.1, no mocks. Every other address is only
 * ever named, never dialled: the guard must refuse it before a socket exists, which the
 * net.client.socket diagnostics channel lets us check.
 */

const GOOD_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Good feed</title>
<item><title>Northgate Park Academy opens library</title><link>https://echo.example/library?utm_source=rss</link><guid>lib-1</guid><pubDate>Wed, 05 Jun 2024 09:00:00 GMT</pubDate><description>&lt;p&gt;A new library.&lt;/p&gt;</description></item>
</channel></rss>`;

const MiB = 1024 * 1024;
let server: FeedServer;
let fetcher: SafeFetcher;

// Sockets the process creates and where they connected, observed from outside the fetcher.
let socketsCreated = 0;
const connectedTo: string[] = [];
const onSocket = (message: unknown) => {
  socketsCreated += 1;
  const socket = (message as { socket: Socket }).socket;
  socket.once('connect', () => connectedTo.push(socket.remoteAddress ?? '?'));
};

// A resolver for invented names, so DNS behaviour is tested without touching real DNS.
let hangingLookups = 0;
async function testLookup(hostname: string): Promise<ResolvedAddress[]> {
  switch (hostname) {
    case 'feeds.test':
    case 'localhost':
    case 'rebind.test':
      return [{ address: '127.0.0.1', family: 4 }];
    case 'internal.test':
      return [{ address: '10.0.0.1', family: 4 }];
    case 'metadata.test':
      return [{ address: '169.254.169.254', family: 4 }];
    case 'mixed.test':
      return [
        { address: '10.0.0.1', family: 4 },
        { address: '::ffff:127.0.0.1', family: 6 },
      ];
    case 'hang.test':
      hangingLookups += 1;
      return new Promise(() => {});
    default:
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  }
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected the fetch to fail');
}

async function expectCode(url: string, code: FeedErrorCode, f: SafeFetcher = fetcher): Promise<FeedError> {
  const err = await failure(f.fetch({ url }));
  expect(err.code, err.message).toBe(code);
  expect(err.message.length).toBeGreaterThan(30);
  return err;
}

/** The guard must refuse without creating any socket at all. */
async function expectRefusedWithoutConnecting(url: string, code: FeedErrorCode = 'blocked-address'): Promise<FeedError> {
  const before = socketsCreated;
  const err = await expectCode(url, code);
  expect(socketsCreated, `a socket was created for ${url}`).toBe(before);
  return err;
}

async function expectGoodFeedStillWorks(): Promise<void> {
  const out = await fetcher.fetch({ url: server.url('/good') });
  expect(out.kind).toBe('fetched');
  if (out.kind !== 'fetched') return;
  const feed = await parseFeed(out.body, { feedUrl: out.finalUrl, contentType: out.contentType });
  expect(feed.items.map((i) => i.canonicalUrl)).toEqual(['https://echo.example/library']);
}

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const bomb = Buffer.alloc(64 * MiB);
const gzipBomb = gzipSync(bomb, { level: 9 });
const brotliBomb = brotliCompressSync(bomb, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
let dripClosed = false;
let endlessClosed = false;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  diagnostics.subscribe('net.client.socket', onSocket);
  server = await startFeedServer();
  const s = server;

  s.route('/good', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(GOOD_FEED);
  });
  s.route('/gzip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(GOOD_FEED));
  });
  s.route('/br', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(brotliCompressSync(GOOD_FEED));
  });
  s.route('/corrupt-gzip', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all, honestly'));
  });
  s.route('/slow-drip', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<rss version="2.0"><channel>');
    const timer = setInterval(() => res.write(' '), 50);
    req.socket.on('close', () => {
      clearInterval(timer);
      dripClosed = true;
    });
  });
  s.route('/no-response', () => {
    // Accept the request and never answer.
  });
  s.route('/endless', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let open = true;
    req.socket.on('close', () => {
      open = false;
      endlessClosed = true;
    });
    const pump = () => {
      while (open && res.write(chunk)) {
        /* keep writing until the socket pushes back */
      }
      if (open) res.once('drain', pump);
    };
    pump();
  });
  s.route('/gzip-bomb', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': gzipBomb.length }).end(gzipBomb);
  });
  s.route('/brotli-bomb', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br', 'content-length': brotliBomb.length }).end(brotliBomb);
  });
  s.route('/huge-length', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * MiB) });
    res.write('<rss version="2.0">');
  });
  s.route('/loop', (_req, res) => {
    res.writeHead(302, { location: '/loop' }).end();
  });
  for (const n of [1, 2, 3]) {
    s.route(`/hop${n}`, (_req, res) => {
      res.writeHead(n === 2 ? 301 : 307, { location: n === 3 ? '/good' : `/hop${n + 1}` }).end();
    });
  }
  const redirectTo = (target: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(302, { location: target }).end();
  };
  s.route('/to-other-loopback-port', redirectTo('http://127.0.0.1:1/feed'));
  s.route('/to-metadata', redirectTo('http://169.254.169.254/latest/meta-data/iam/security-credentials/'));
  s.route('/to-private', redirectTo('http://10.0.0.1/feed.xml'));
  s.route('/to-mapped-loopback', redirectTo(`http://[::ffff:127.0.0.1]:${s.port}/good`));
  s.route('/to-encoded-loopback', redirectTo('http://2130706433/feed'));
  s.route('/to-internal-name', redirectTo(`http://internal.test:${s.port}/good`));
  s.route('/to-file', redirectTo('file:///etc/passwd'));
  s.route('/to-gopher', redirectTo('gopher://127.0.0.1:70/_stats'));
  s.route('/redirect-without-location', (_req, res) => {
    res.writeHead(302).end();
  });
  s.route('/etag', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Wed, 05 Jun 2024 09:00:00 GMT') {
      res.writeHead(304, { etag: '"v1"' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 05 Jun 2024 09:00:00 GMT' }).end(GOOD_FEED);
  });
  s.route('/429', (_req, res) => {
    res.writeHead(429, { 'retry-after': '120' }).end('slow down');
  });
  s.route('/429-forever', (_req, res) => {
    res.writeHead(429, { 'retry-after': '999999999' }).end();
  });
  s.route('/429-bare', (_req, res) => {
    res.writeHead(429).end();
  });
  s.route('/503-date', (_req, res) => {
    res.writeHead(503, { 'retry-after': new Date(Date.now() + 600_000).toUTCString() }).end();
  });
  for (const status of [400, 401, 403, 404, 410, 500, 502]) {
    s.route(`/status-${status}`, (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' }).end(`<h1>${status}</h1>`);
    });
  }
  s.route('/html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>home page</body></html>');
  });
  s.route('/slow-ok', async (_req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 150));
    inFlight -= 1;
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD_FEED);
  });

  fetcher = createSafeFetcher({
    allowHosts: [s.hostPort, `feeds.test:${s.port}`],
    timeoutMs: 1500,
    connectTimeoutMs: 1000,
    maxBytes: 1 * MiB,
    maxRedirects: 3,
    retryAfterMaxSeconds: 3600,
    userAgent: 'Schoolwatch-test/1.0 (+https://schoolwatch.example)',
    lookup: testLookup,
  });
});

afterAll(async () => {
  await fetcher?.close();
  await server?.close();
  diagnostics.unsubscribe('net.client.socket', onSocket);
});

describe('fetching a good feed', () => {
  it('fetches, identifies itself and returns validators', async () => {
    const out = await fetcher.fetch({ url: server.url('/etag') });
    expect(out).toMatchObject({ kind: 'fetched', status: 200, etag: '"v1"', lastModified: 'Wed, 05 Jun 2024 09:00:00 GMT', finalUrl: server.url('/etag') });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['user-agent']).toBe('Schoolwatch-test/1.0 (+https://schoolwatch.example)');
    expect(seen.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen.headers.accept).toContain('application/rss+xml');
  });

  it.each(['/gzip', '/br'])('decompresses %s bodies', async (path) => {
    const out = await fetcher.fetch({ url: server.url(path) });
    expect(out.kind === 'fetched' && new TextDecoder().decode(out.body)).toBe(GOOD_FEED);
  });

  it('follows a few redirects, re-checking each hop, and reports the final URL', async () => {
    const out = await fetcher.fetch({ url: server.url('/hop1') });
    expect(out).toMatchObject({ kind: 'fetched', finalUrl: server.url('/good') });
  });

  it('reaches an allow-listed name through the resolver, dialling the address it checked', async () => {
    const out = await fetcher.fetch({ url: `http://feeds.test:${server.port}/good` });
    expect(out.kind).toBe('fetched');
    expect(server.requests.at(-1)!.headers.host).toBe(`feeds.test:${server.port}`);
  });
});

describe('conditional GET and rate limits', () => {
  it('turns 304 into not-modified for a stored ETag or Last-Modified', async () => {
    expect(await fetcher.fetch({ url: server.url('/etag'), etag: '"v1"' })).toEqual({ kind: 'not-modified', finalUrl: server.url('/etag') });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(await fetcher.fetch({ url: server.url('/etag'), lastModified: 'Wed, 05 Jun 2024 09:00:00 GMT' })).toMatchObject({ kind: 'not-modified' });
    expect((await fetcher.fetch({ url: server.url('/etag'), etag: '"stale"' })).kind).toBe('fetched');
  });

  it('reports 429 with Retry-After seconds', async () => {
    const err = await expectCode(server.url('/429'), 'rate-limited');
    expect(err.details).toMatchObject({ status: 429, retryAfterSeconds: 120 });
  });

  it('reads a Retry-After HTTP date on 503 and clamps absurd values', async () => {
    const dated = await expectCode(server.url('/503-date'), 'rate-limited');
    expect(dated.details.retryAfterSeconds).toBeGreaterThan(500);
    expect(dated.details.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect((await expectCode(server.url('/429-forever'), 'rate-limited')).details.retryAfterSeconds).toBe(3600);
    expect((await expectCode(server.url('/429-bare'), 'rate-limited')).details.retryAfterSeconds).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 410, 500, 502])('reports HTTP %i as http-status', async (status) => {
    const err = await expectCode(server.url(`/status-${status}`), 'http-status');
    expect(err.details.status).toBe(status);
    expect(err.message).toContain(`HTTP ${status}`);
  });

  it('limits simultaneous requests per host', async () => {
    const polite = createSafeFetcher({ allowHosts: [server.hostPort], perHostConcurrency: 2, timeoutMs: 5000 });
    try {
      maxInFlight = 0;
      const results = await Promise.all(Array.from({ length: 6 }, () => polite.fetch({ url: server.url('/slow-ok') })));
      expect(results.every((r) => r.kind === 'fetched')).toBe(true);
      expect(maxInFlight).toBe(2);
    } finally {
      await polite.close();
    }
  });
});

describe('hostile servers', () => {
  afterEach(async () => {
    await expectGoodFeedStillWorks();
  });

  it('stops a slow drip at the deadline and really closes the socket', async () => {
    dripClosed = false;
    await expectCode(server.url('/slow-drip'), 'timeout');
    await waitFor(() => dripClosed);
  });

  it('stops waiting for a server that never answers', async () => {
    await expectCode(server.url('/no-response'), 'timeout');
  });

  it('stops an endless body at the size cap and hangs up', async () => {
    endlessClosed = false;
    await expectCode(server.url('/endless'), 'too-large');
    await waitFor(() => endlessClosed);
  });

  it.each(['/gzip-bomb', '/brotli-bomb'])('stops a decompression bomb (%s) at the cap on decoded bytes', async (path) => {
    const err = await expectCode(server.url(path), 'too-large');
    expect(err.message).toMatch(/1\.0 MiB/);
  });

  it('refuses a huge Content-Length before reading', async () => {
    await expectCode(server.url('/huge-length'), 'too-large');
  });

  it('reports a corrupt compressed body as a network error', async () => {
    await expectCode(server.url('/corrupt-gzip'), 'network');
  });

  it('gives up on a redirect loop', async () => {
    const err = await expectCode(server.url('/loop'), 'too-many-redirects');
    expect(err.message).toMatch(/more than 3 times/);
  });

  it('treats a redirect without Location as an HTTP error', async () => {
    expect((await expectCode(server.url('/redirect-without-location'), 'http-status')).details.status).toBe(302);
  });

  it('refuses to parse a web page as a feed', async () => {
    const out = await fetcher.fetch({ url: server.url('/html') });
    if (out.kind !== 'fetched') throw new Error('expected a body');
    await expect(parseFeed(out.body, { feedUrl: out.finalUrl, contentType: out.contentType })).rejects.toMatchObject({ code: 'not-a-feed' });
  });
});

describe('SSRF guard', () => {
  afterEach(async () => {
    await expectGoodFeedStillWorks();
  });

  it.each([
    ['/to-other-loopback-port', 'blocked-address'],
    ['/to-metadata', 'blocked-address'],
    ['/to-private', 'blocked-address'],
    ['/to-mapped-loopback', 'blocked-address'],
    ['/to-encoded-loopback', 'blocked-address'],
    ['/to-internal-name', 'blocked-address'],
    ['/to-file', 'bad-url'],
    ['/to-gopher', 'bad-url'],
  ] as const)('refuses an allow-listed server redirecting %s', async (path, code) => {
    const before = socketsCreated;
    const err = await expectCode(server.url(path), code);
    expect(err.message).toMatch(/redirected to an address that cannot be fetched/);
    // Only the (kept-alive or new) connection to the allowed server may exist; nothing new for the target.
    expect(socketsCreated - before).toBeLessThanOrEqual(1);
  });

  it.each(['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'https://100.64.0.1/', 'http://[fd00::1]/'])(
    'refuses %s without opening a socket',
    async (url) => {
      await expectRefusedWithoutConnecting(url);
    },
  );

  it('matches the allow-list by exact port: the same loopback host on another port is refused', async () => {
    await expectRefusedWithoutConnecting(`http://127.0.0.1:${server.port === 65535 ? 65534 : server.port + 1}/`);
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'ftp://127.0.0.1/', 'http://user:secret@127.0.0.1/'])('refuses %s as a bad URL', async (url) => {
    await expectRefusedWithoutConnecting(url, 'bad-url');
  });

  it.each(['internal.test', 'metadata.test', 'mixed.test', 'localhost', 'rebind.test'])(
    'refuses a name (%s) whose DNS answer is not public, without opening a socket',
    async (host) => {
      const err = await expectRefusedWithoutConnecting(`http://${host}:${server.port}/good`);
      expect(err.message).toMatch(/from DNS/);
    },
  );

  it('bounds a DNS lookup that never answers by the deadline', async () => {
    const before = hangingLookups;
    await expectCode('http://hang.test/feed', 'timeout');
    expect(hangingLookups).toBe(before + 1);
  });

  it('reports an unknown host as a network error', async () => {
    const err = await expectCode('http://no-such-host.test/feed', 'network');
    expect(err.message).toMatch(/could not be found in DNS/);
  });

  it('has only ever connected to loopback', () => {
    expect(connectedTo.length).toBeGreaterThan(0);
    expect(new Set(connectedTo)).toEqual(new Set(['127.0.0.1']));
  });
});

describe('HTTPS', () => {
  it('sends the host name as SNI while dialling the checked address, and still verifies certificates', async () => {
    const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/tls/${name}`, import.meta.url));
    const tlsServer = await startFeedServer({ tls: { key: fixture('self-signed.key'), cert: fixture('self-signed.crt') } });
    tlsServer.route('/good', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD_FEED);
    });
    const tlsFetcher = createSafeFetcher({ allowHosts: [`feeds.test:${tlsServer.port}`], timeoutMs: 3000, lookup: testLookup });
    try {
      const err = await expectCode(`https://feeds.test:${tlsServer.port}/good`, 'network', tlsFetcher);
      expect(err.message).toMatch(/certificate/i);
      expect(tlsServer.serverNames).toEqual(['feeds.test']);
      // The self-signed server never got a request: verification failed before any byte was sent.
      expect(tlsServer.requests).toEqual([]);
    } finally {
      await tlsFetcher.close();
      await tlsServer.close();
    }
  });
});
