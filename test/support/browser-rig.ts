import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import type { Store } from '../../lib/store';
import type { WebDeps } from '../../lib/web/app';
import { launchChromium, PREVIEW_ITEMS, rss, seedWebFixture, serveApp, webAppFor } from './browser';
import { startTestDynamo, type TestDynamo } from './dynamo';
import { startFeedServer, type FeedServer } from './feed-server';
import { Startup } from './start-all';

/** Where browser suites leave their screenshots (SCREENSHOT_DIR, or a folder under the system temp). */
export const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'schoolwatch-screens');

/** The parts a browser suite signs in to: a seeded store, the app served on loopback and a real Chromium. */
export interface BrowserRig {
  dynamo: TestDynamo;
  store: Store;
  server: Awaited<ReturnType<typeof serveApp>>;
  browser: Browser;
  /** Present when asked for: a loopback feed server with PREVIEW_ITEMS at /news.xml, the only host the app may fetch. */
  feeds?: FeedServer;
  /** Stops everything that was started, the browser first. */
  close(): Promise<void>;
}

/**
 * Starts what every browser suite starts the same way: dynalite with a fresh store seeded with the web fixture,
 * the web app (with `app` deps on top) on 127.0.0.1, and the npm-shipped Chromium. With `feeds`, also a feed
 * server the app's safe fetcher is allowed to reach, as the admin console's feed check and preview need.
 */
export async function startBrowserRig(options: { feeds?: boolean; app?: Partial<WebDeps> } = {}): Promise<BrowserRig> {
  mkdirSync(SHOTS, { recursive: true });
  // each part is stopped again if a later one fails to start (say Chromium), so a failed suite leaves nothing running
  const startup = new Startup();
  const dynamo = await startup.start(startTestDynamo, (d) => d.stop());
  const { store } = await startup.run(async () => {
    const fresh = await dynamo.freshStore();
    await seedWebFixture(fresh.store);
    return fresh;
  });
  let feeds: FeedServer | undefined;
  let extra = options.app ?? {};
  if (options.feeds) {
    const server = await startup.start(startFeedServer, (f) => f.close());
    server.route('/news.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(PREVIEW_ITEMS)));
    extra = { fetcher: createSafeFetcher({ allowHosts: [server.hostPort], timeoutMs: 5000 }), ...extra };
    feeds = server;
  }
  const app = await startup.run(() => webAppFor(store, extra));
  const server = await startup.start(() => serveApp(app), (s) => s.close());
  const browser = await startup.start(launchChromium, (b) => b.close());
  return { dynamo, store, server, browser, feeds, close: () => startup.stop() };
}
