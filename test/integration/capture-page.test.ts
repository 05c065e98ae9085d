import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../lib/browser/launch';
import { CaptureError } from '../../lib/evidence/errors';
import { createPageCapturer, type PageCapturer } from '../../lib/evidence/page-capture';
import { createSafeFetcher, type SafeFetcher } from '../../lib/feeds/fetch';
import { articlePage, articleRoutes, html, startPageServer, type PageServer } from '../support/page-server';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Width and height from a PNG's IHDR chunk. */
export const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('page capture (loopback pages, real headless Chromium)', () => {
  let site: PageServer;
  let other: PageServer;
  let fetcher: SafeFetcher;
  let capturer: PageCapturer;
  let n = 0;
  const clock = () => new Date('2026-06-01T08:30:00.000Z');

  beforeAll(async () => {
    other = await startPageServer({ '/x.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end('x'), '/': html('<p>private</p>') });
    const hostile = articlePage({
      extraHead: `<link rel="preconnect" href="${other.url}"><link rel="dns-prefetch" href="${other.url}"><link rel="prefetch" href="${other.url}/x.png">`,
      extraBody: `<img src="${other.url}/x.png"><img src="http://169.254.169.254/latest/meta-data/iam/"><iframe src="${other.url}/"></iframe>
<video src="${other.url}/x.png"></video><link rel="stylesheet" href="${other.url}/x.png">
<script>try{new WebSocket('ws://${other.hostPort}/ws')}catch(e){};fetch('${other.url}/x.png').catch(()=>{});navigator.sendBeacon&&navigator.sendBeacon('${other.url}/x.png','a');
try{navigator.serviceWorker&&navigator.serviceWorker.register('/sw.js')}catch(e){};window.open('${other.url}/');</script>
<img src="file:///etc/passwd"><iframe src="data:text/html,<img src='${other.url}/x.png'>"></iframe><a href="file:///etc/passwd">local file</a><a href="data:text/html,hi">data link</a>`,
    });
    let hops = 0;
    site = await startPageServer({
      ...articleRoutes(),
      '/hostile': html(hostile),
      '/redirect-to-private': (_q, r) => r.writeHead(302, { location: `${other.url}/` }).end(),
      '/moved': (_q, r) => r.writeHead(301, { location: '/news/northgate-protest' }).end(),
      '/loop': (_q, r) => r.writeHead(302, { location: `/loop?${++hops}` }).end(),
      '/endless': (_q, r) => {
        r.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => r.write('<p>more and more</p>'.repeat(200)), 5);
        r.on('close', () => clearInterval(t));
      },
      '/huge': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'x'.repeat(3 * 1024 * 1024)}</p>`),
      '/tall': html(`<!doctype html><title>tall</title><div style="height:30000px;background:linear-gradient(#fff,#00f)">Northgate</div>`),
      '/spin': html('<!doctype html><title>spin</title><p>Northgate</p><script>for(;;){}</script>'),
      '/spin-later': html('<!doctype html><title>spin</title><p>Northgate</p><script>setTimeout(()=>{for(;;){}},0)</script>'),
      '/forbidden': (_q, r) => r.writeHead(403, { 'content-type': 'text/html' }).end('no'),
      '/gone': (_q, r) => r.writeHead(410, { 'content-type': 'text/html' }).end('gone'),
      '/paywall': (_q, r) => r.writeHead(402, { 'content-type': 'text/html' }).end('pay'),
      '/pdf': (_q, r) => r.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    });
    // The production fetchers, allowed to reach only the article site (as FEED_ALLOW_HOSTS would).
    fetcher = createSafeFetcher({ allowHosts: [site.hostPort], timeoutMs: 4_000, maxBytes: 2 * 1024 * 1024 });
    capturer = createPageCapturer({ fetcher, launch: () => launchBrowser(), clock, newId: () => `cap-${++n}`, deadlineMs: 12_000, maxHeightPx: 8_000 });
  });
  afterAll(async () => {
    await capturer?.close();
    await fetcher?.close();
    await site?.close();
    await other?.close();
  });

  it('captures a realistic article: PNG with banner, HTML exactly as served, readable text, manifest with every hash', async () => {
    const page = await capturer.capture(`${site.url}/news/northgate-protest`, { timeZone: 'Europe/London' });
    expect(page.files['page.html'].toString('utf8')).toBe(articlePage());
    const text = page.files['page.txt'].toString('utf8');
    expect(text).toContain('the head teacher is an idiot');
    expect(text).not.toContain('Bypass roadworks'); // the sidebar is not the article
    expect(text).not.toContain('setAttribute'); // nor is the script
    const size = pngSize(page.files['screenshot.png']);
    expect(size.width).toBe(1280);
    expect(size.height).toBeGreaterThan(page.manifest.screenshot.height); // the banner sits above the page
    const manifest = JSON.parse(page.files['manifest.json'].toString('utf8'));
    expect(manifest).toMatchObject({
      requestedUrl: `${site.url}/news/northgate-protest`,
      finalUrl: `${site.url}/news/northgate-protest`,
      httpStatus: 200,
      capturedAt: '2026-06-01T09:30:00.000+01:00',
      capturedAtUtc: '2026-06-01T08:30:00.000Z',
      timeZone: 'Europe/London',
      headers: { 'content-type': 'text/html; charset=utf-8', 'last-modified': 'Sun, 29 Nov 2026 10:00:00 GMT' },
      title: expect.stringContaining('Parents protest'),
    });
    for (const name of ['screenshot.png', 'page.html', 'page.txt'] as const) {
      expect(manifest.files[name]).toMatchObject({ sha256: sha(page.files[name]), bytes: page.files[name].length });
    }
    expect(Object.keys(manifest.tools)).toEqual(expect.arrayContaining(['chromium', 'playwright-core', '@mozilla/readability', 'schoolwatch', 'node']));
    expect(manifest.resources.fetched).toBe(2); // the stylesheet and the photo, through the guarded fetcher
  });

  it('follows a redirect through the guard and records the final address', async () => {
    const page = await capturer.capture(`${site.url}/moved`, { timeZone: 'Europe/London' });
    expect(page.manifest.finalUrl).toBe(`${site.url}/news/northgate-protest`);
    expect(page.manifest.resources.fetched).toBe(2); // relative links resolved against the final address
  });

  it('a page embedding loopback and metadata addresses never reaches them (zero connections on the second server)', async () => {
    const before = other.connections();
    const page = await capturer.capture(`${site.url}/hostile`, { timeZone: 'Europe/London' });
    expect(other.connections() - before).toBe(0);
    expect(other.requests).toEqual([]);
    const refused = page.manifest.resources.refused.map((r) => r.url);
    expect(refused).toEqual(expect.arrayContaining([`${other.url}/x.png`, 'http://169.254.169.254/latest/meta-data/iam/']));
    expect(page.manifest.resources.refused.every((r) => r.reason !== 'failed')).toBe(true);
  });

  it('a redirect to a private address is refused with a reason', async () => {
    const err = await capturer.capture(`${site.url}/redirect-to-private`, { timeZone: 'Europe/London' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect((err as CaptureError).code).toBe('blocked-address');
    expect(other.requests).toEqual([]);
  });

  it.each([
    ['/endless', ['too-large', 'timeout']],
    ['/huge', ['too-large']],
    ['/loop', ['too-many-redirects']],
    ['/spin', ['timeout']],
    ['/spin-later', ['timeout']],
    ['/forbidden', ['forbidden']],
    ['/gone', ['gone']],
    ['/paywall', ['paywall']],
    ['/pdf', ['not-a-page']],
    ['file:///etc/passwd', ['bad-url']],
    ['data:text/html,<p>x</p>', ['bad-url']],
  ])('hostile or unavailable page %s ends with a reason', async (path, codes) => {
    const url = path.startsWith('/') ? `${site.url}${path}` : path;
    const err = await capturer.capture(url, { timeZone: 'Europe/London' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect(codes, (err as CaptureError).message).toContain((err as CaptureError).code);
    expect((err as CaptureError).message).toMatch(/\S/);
  });

  it('the browser still works after a page that never stopped', async () => {
    const page = await capturer.capture(`${site.url}/news/northgate-protest`, { timeZone: 'Europe/London' });
    expect(page.manifest.httpStatus).toBe(200);
  });

  it('a very tall page is cut at the height cap and the manifest says so', async () => {
    const page = await capturer.capture(`${site.url}/tall`, { timeZone: 'Europe/London' });
    expect(page.manifest.screenshot).toMatchObject({ height: 8_000, truncated: true });
    expect(page.manifest.screenshot.pageHeight).toBeGreaterThanOrEqual(30_000);
    expect(pngSize(page.files['screenshot.png']).width).toBe(1280);
  });
});
