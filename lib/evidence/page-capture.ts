import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { decodeText } from '../feeds/charset';
import { FeedError } from '../feeds/errors';
import type { FeedFetcher } from '../feeds/types';
import { CaptureError, fromFeedError } from './errors';
import { readableText } from './readable';
import { startSinkhole, type Sinkhole } from './sinkhole';
import { humanTime, isoWithOffset } from './time';

const require = createRequire(import.meta.url);
const versionOf = (pkg: string): string => {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

export { CONTENT_TYPES, EVIDENCE_FILES, type EvidenceFileName } from './files';
import { CONTENT_TYPES, EVIDENCE_FILES, type EvidenceFileName } from './files';

/** Response headers kept in the manifest: what says who served the page, when, and what it was. */
const KEPT_HEADERS = ['content-type', 'content-length', 'content-language', 'date', 'last-modified', 'etag', 'server', 'cache-control', 'age', 'x-robots-tag'];

export interface FileEntry {
  sha256: string;
  bytes: number;
  contentType: string;
}

export interface CaptureManifest {
  format: 'schoolwatch-capture/1';
  captureId: string;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  headers: Record<string, string>;
  /** In the school's timezone, with its UTC offset. */
  capturedAt: string;
  capturedAtUtc: string;
  timeZone: string;
  title?: string;
  screenshot: { width: number; height: number; pageHeight: number; truncated: boolean };
  /** What the browser asked for beyond the page itself: answered through the address guard, or refused. */
  resources: { fetched: number; refused: { url: string; reason: string }[] };
  files: Record<(typeof EVIDENCE_FILES)[number] extends infer F ? Exclude<F, 'manifest.json'> & string : never, FileEntry>;
  tools: Record<string, string>;
}

export interface CapturedPage {
  files: Record<(typeof EVIDENCE_FILES)[number], Buffer>;
  manifest: CaptureManifest;
  /** The readable text (also page.txt). */
  text: string;
  title?: string;
}

export interface PageCapturerOptions {
  /** Fetches the page itself: the production guarded fetcher (SSRF rules, caps, FEED_ALLOW_HOSTS). */
  fetcher: FeedFetcher;
  /** Fetches what the page embeds (images, styles, frames); defaults to `fetcher`. Must apply the same guard. */
  resourceFetcher?: FeedFetcher;
  /** The browser to render with; launched lazily and relaunched if it died. */
  launch: () => Promise<Browser>;
  clock: () => Date;
  newId: () => string;
  /** Whole capture, fetch to finished PNG. Default 25 s. */
  deadlineMs?: number;
  /** Screen prints longer than this are cut (the manifest says so). Default 12 000 px. */
  maxHeightPx?: number;
  /** Requests a page may make beyond the document. Default 150. */
  maxResources?: number;
  userAgent?: string;
}

export interface PageCapturer {
  capture(url: string, options: { timeZone: string }): Promise<CapturedPage>;
  /** A PDF printed by the same browser from our own HTML (scripts off, no network): the evidence sheet. */
  printPdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export const VIEWPORT_WIDTH = 1280;
const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';
const RESOURCE_ACCEPT = '*/*';
const SHOT_URL = 'https://evidence.invalid/page.png';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const withoutHash = (u: string) => u.replace(/#.*$/, '');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isPageType(contentType: string | undefined): boolean {
  if (!contentType) return true; // sniffed as HTML by browsers; we do the same
  return /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i.test(contentType.trim());
}

/** Runs `work` with a hard deadline; `onTimeout` tears down whatever it was stuck in. */
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Promise<void>, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void onTimeout().finally(() =>
        reject(new CaptureError('timeout', `${url} did not finish loading and drawing within ${Math.round(ms / 1000)} s, so no capture was kept; it will be tried again.`, { url })),
      );
    }, ms);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Captures web pages as evidence: the page is fetched once through the guarded fetcher, then drawn by headless
 * Chromium from those same bytes. Every further request the browser makes (images, styles, frames, redirects)
 * is intercepted and answered through the guarded fetcher, or refused; navigation away, downloads, popups,
 * service workers and WebSockets are refused; and the browser's own network goes to a sinkhole proxy, so even
 * requests that escape interception (preconnects, WebRTC) reach nothing.
 */
export function createPageCapturer(options: PageCapturerOptions): PageCapturer {
  const deadlineMs = options.deadlineMs ?? 25_000;
  const maxHeight = options.maxHeightPx ?? 12_000;
  const maxResources = options.maxResources ?? 150;
  const resourceFetcher = options.resourceFetcher ?? options.fetcher;
  let browser: Promise<Browser> | undefined;
  let sinkhole: Promise<Sinkhole> | undefined;

  const getBrowser = async (): Promise<Browser> => {
    if (browser) {
      const b = await browser.catch(() => undefined);
      if (b?.isConnected()) return b;
    }
    browser = options.launch();
    return browser;
  };
  const getSinkhole = () => (sinkhole ??= startSinkhole());

  async function isolatedContext(b: Browser, javaScriptEnabled: boolean): Promise<BrowserContext> {
    const hole = await getSinkhole();
    const context = await b.newContext({
      viewport: { width: VIEWPORT_WIDTH, height: 900 },
      deviceScaleFactor: 1,
      javaScriptEnabled,
      serviceWorkers: 'block',
      acceptDownloads: false,
      permissions: [],
      locale: 'en-GB',
      userAgent: options.userAgent,
      // '<-loopback>' makes Chromium send even loopback traffic to the proxy (it bypasses it by default).
      proxy: { server: hole.server, bypass: '<-loopback>' },
    });
    await context.routeWebSocket(/.*/, (ws) => ws.close({ code: 1008, reason: 'Blocked by Schoolwatch capture' }));
    context.on('page', (p) => {
      // Popups opened by the page are closed at once; the capture only ever has the page it made.
      void p.opener().then((opener) => (opener ? p.close() : undefined)).catch(() => {});
    });
    return context;
  }

  async function screenshotWithBanner(b: Browser, shot: Buffer, banner: string): Promise<Buffer> {
    const context = await isolatedContext(b, false);
    try {
      await context.route('**/*', (route: Route) =>
        route.request().url() === SHOT_URL ? route.fulfill({ status: 200, contentType: 'image/png', body: shot }) : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>
          html,body{margin:0;padding:0;background:#fff;width:${VIEWPORT_WIDTH}px}
          .banner{box-sizing:border-box;width:${VIEWPORT_WIDTH}px;padding:10px 16px;background:#1d2b4f;color:#fff;font:15px/1.45 "DejaVu Sans",Arial,sans-serif;border-bottom:4px solid #f2c12e}
          .banner b{color:#f2c12e}.banner .u{font-family:"DejaVu Sans Mono",monospace;word-break:break-all}
          img{display:block;width:${VIEWPORT_WIDTH}px}
        </style></head><body><div class="banner">${banner}</div><img src="${SHOT_URL}" alt=""></body></html>`,
        { waitUntil: 'load' },
      );
      const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
      await page.setViewportSize({ width: VIEWPORT_WIDTH, height: Math.max(1, Math.ceil(height)) });
      for (let attempt = 1; ; attempt++) {
        try {
          return await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
        } catch (err) {
          if (attempt >= 5 || !/Unable to capture screenshot/i.test((err as Error).message)) throw new Error(`banner: ${(err as Error).message}`, { cause: err });
          await page.waitForTimeout(250 * attempt);
        }
      }
    } finally {
      await context.close().catch(() => {});
    }
  }

  async function capture(url: string, { timeZone }: { timeZone: string }): Promise<CapturedPage> {
    const captureId = options.newId();
    const deadlineAt = Date.now() + deadlineMs;
    let context: BrowserContext | undefined;
    let stopped = false;
    const teardown = async () => {
      stopped = true;
      await context?.close().catch(() => {});
    };

    const work = (async (): Promise<CapturedPage> => {
      let main;
      try {
        main = await options.fetcher.fetch({ url, accept: PAGE_ACCEPT });
      } catch (err) {
        if (err instanceof FeedError) throw fromFeedError(err, url);
        throw err;
      }
      if (main.kind !== 'fetched') throw new CaptureError('network', `${url} gave no page to capture.`, { url });
      if (!isPageType(main.contentType)) {
        throw new CaptureError('not-a-page', `${url} is not a web page (it is ${main.contentType}), so there is nothing to screen-print; download it by hand if it matters.`, { url });
      }
      const body = Buffer.from(main.body);
      const html = decodeText(main.body, main.contentType);
      const finalUrl = main.finalUrl;

      const b = await getBrowser();
      if (stopped) throw new CaptureError('timeout', `${url} ran out of time.`, { url });
      context = await isolatedContext(b, true);
      const page: Page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss().catch(() => {}));
      let mainServed = false;
      let fetched = 0;
      const refused: { url: string; reason: string }[] = [];
      const refuse = (route: Route, reqUrl: string, reason: string) => {
        if (refused.length < 50) refused.push({ url: reqUrl.slice(0, 300), reason });
        return route.abort('blockedbyclient').catch(() => {});
      };

      await context.route('**/*', async (route: Route) => {
        const req = route.request();
        const reqUrl = req.url();
        if (stopped) return route.abort('aborted').catch(() => {});
        if (!/^https?:\/\//i.test(reqUrl)) return refuse(route, reqUrl, 'not a web address');
        let mainFrameNavigation = false;
        try {
          mainFrameNavigation = req.isNavigationRequest() && req.frame() === page.mainFrame();
        } catch {
          // Requests without a frame (workers) are resources like any other.
        }
        if (mainFrameNavigation) {
          if (!mainServed && withoutHash(reqUrl) === withoutHash(finalUrl)) {
            mainServed = true;
            // The page the browser draws is exactly the bytes fetched (and kept as page.html).
            return route.fulfill({ status: main.status, contentType: main.contentType ?? 'text/html', body }).catch(() => {});
          }
          return refuse(route, reqUrl, 'the page tried to navigate away');
        }
        if (fetched >= maxResources) return refuse(route, reqUrl, `more than ${maxResources} resources`);
        fetched++;
        try {
          const res = await resourceFetcher.fetch({ url: reqUrl, accept: RESOURCE_ACCEPT });
          if (res.kind !== 'fetched') return refuse(route, reqUrl, 'no content');
          return await route.fulfill({ status: res.status, contentType: res.contentType, body: Buffer.from(res.body) }).catch(() => {});
        } catch (err) {
          return refuse(route, reqUrl, err instanceof FeedError ? err.code : 'failed');
        }
      });

      try {
        await page.goto(finalUrl, { waitUntil: 'domcontentloaded', timeout: Math.max(1, deadlineAt - Date.now()) });
      } catch (err) {
        if (stopped) throw err;
        if ((err as Error).name === 'TimeoutError') throw stillLoading(url, deadlineMs, err);
        throw new CaptureError('render-failed', `${url} was downloaded but the browser could not draw it (${(err as Error).message.split('\n')[0]}); it will be tried again.`, { url }, { cause: err });
      }
      // Images and styles get a little longer; a page whose extras never finish is drawn as it stands.
      await page.waitForLoadState('load', { timeout: Math.max(1, Math.min(8_000, deadlineAt - Date.now() - 4_000)) }).catch(() => {});
      // Runs in the page (a DOM context this Node project has no types for), hence the string.
      const pageHeight = Number(await page.evaluate('Math.max(document.documentElement ? document.documentElement.scrollHeight : 0, document.body ? document.body.scrollHeight : 0)'));
      const height = Math.max(1, Math.min(Number.isFinite(pageHeight) ? Math.ceil(pageHeight) : 1, maxHeight));
      // The viewport becomes the (capped) page: a plain viewport screenshot is the most dependable capture call.
      await page.setViewportSize({ width: VIEWPORT_WIDTH, height });
      const shoot = () =>
        page.screenshot({
          type: 'png',
          animations: 'disabled',
          caret: 'hide',
          timeout: Math.max(1, deadlineAt - Date.now()),
        });
      // Chromium now and then answers "Unable to capture screenshot" while the compositor settles; once more is enough.
      let raw: Buffer | undefined;
      for (let attempt = 1; !raw; attempt++) {
        try {
          raw = await shoot();
        } catch (err) {
          // On a busy machine Chromium sometimes has no frame ready ("Unable to capture screenshot"); wait for one.
          if (stopped || attempt >= 5 || !/Unable to capture screenshot/i.test((err as Error).message)) throw err;
          await page.waitForTimeout(250 * attempt);
        }
      }
      await context.close().catch(() => {});
      context = undefined;

      const capturedAt = options.clock();
      const truncated = pageHeight > maxHeight;
      const bannerLines = [
        `<b>Schoolwatch evidence capture</b> · ${escapeHtml(humanTime(capturedAt, timeZone))}`,
        `Address: <span class="u">${escapeHtml(url)}</span>`,
        ...(withoutHash(finalUrl) !== withoutHash(url) ? [`Final address: <span class="u">${escapeHtml(finalUrl)}</span>`] : []),
        `Captured at ${escapeHtml(isoWithOffset(capturedAt, timeZone))} (UTC ${escapeHtml(capturedAt.toISOString())}) · HTTP ${main.status}${truncated ? ` · page cut at ${maxHeight} px of ${Math.round(pageHeight)} px` : ''}`,
      ];
      const screenshot = await screenshotWithBanner(b, raw, bannerLines.join('<br>'));

      const readable = readableText(html, finalUrl);
      const text = Buffer.from(readable.text, 'utf8');
      const entry = (buf: Buffer, name: EvidenceFileName): FileEntry => ({ sha256: sha256(buf), bytes: buf.length, contentType: CONTENT_TYPES[name] });
      const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (main.headers?.[h] !== undefined ? [[h, main.headers[h]!]] : [])));
      const manifest: CaptureManifest = {
        format: 'schoolwatch-capture/1',
        captureId,
        requestedUrl: url,
        finalUrl,
        httpStatus: main.status,
        headers,
        capturedAt: isoWithOffset(capturedAt, timeZone),
        capturedAtUtc: capturedAt.toISOString(),
        timeZone,
        ...(readable.title ? { title: readable.title.slice(0, 500) } : {}),
        screenshot: { width: VIEWPORT_WIDTH, height, pageHeight: Math.round(pageHeight), truncated },
        resources: { fetched, refused },
        files: {
          'screenshot.png': entry(screenshot, 'screenshot.png'),
          'page.html': { ...entry(body, 'page.html'), contentType: main.contentType ?? 'text/html' },
          'page.txt': entry(text, 'page.txt'),
        },
        tools: {
          schoolwatch: schoolwatchVersion(),
          chromium: b.version(),
          'playwright-core': versionOf('playwright-core'),
          '@sparticuz/chromium': versionOf('@sparticuz/chromium'),
          '@mozilla/readability': versionOf('@mozilla/readability'),
          linkedom: versionOf('linkedom'),
          node: process.version,
        },
      };
      return {
        files: { 'screenshot.png': screenshot, 'page.html': body, 'page.txt': text, 'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
        manifest,
        text: readable.text,
        ...(readable.title ? { title: readable.title } : {}),
      };
    })();

    try {
      return await withDeadline(work, deadlineMs, teardown, url);
    } catch (err) {
      const deadlinePassed = stopped;
      await teardown();
      // Whatever broke once the deadline had passed (a closed page mid-call) is the deadline's doing.
      if (deadlinePassed && !(err instanceof CaptureError && err.code === 'timeout')) throw stillLoading(url, deadlineMs, err);
      if (err instanceof CaptureError) throw err;
      if (err instanceof FeedError) throw fromFeedError(err, url);
      if ((err as Error).name === 'TimeoutError') throw stillLoading(url, deadlineMs, err);
      throw new CaptureError('render-failed', `${url} could not be captured: ${(err as Error).message.split('\n')[0]}`, { url }, { cause: err });
    }
  }

  async function printPdf(html: string): Promise<Buffer> {
    const b = await getBrowser();
    const context = await isolatedContext(b, false);
    try {
      await context.route('**/*', (route: Route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: 15_000 });
      return await page.pdf({ format: 'A4', printBackground: true, pageRanges: '1', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    } finally {
      await context.close().catch(() => {});
    }
  }

  return {
    capture,
    printPdf,
    async close() {
      const b = browser;
      browser = undefined;
      if (b) await (await b.catch(() => undefined))?.close().catch(() => {});
      const s = sinkhole;
      sinkhole = undefined;
      if (s) await (await s).close();
    },
  };
}

/** A page whose scripts or resources kept the browser busy past the deadline. */
function stillLoading(url: string, deadlineMs: number, cause: unknown): CaptureError {
  return new CaptureError('timeout', `${url} was still loading or running scripts after ${Math.round(deadlineMs / 1000)} s, so no capture was kept; it will be tried again.`, { url }, { cause });
}

function schoolwatchVersion(): string {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
