import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_FEEDS, DEMO_OFSTED_PAGE, readDemoFeed } from './demo-config';

/** Serves the shipped sample feeds on a loopback port (the only place the demo fetches from). */
export async function serveDemoFeeds(options: { port?: number } = {}): Promise<{ baseUrl: string; hostPort: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feed = DEMO_FEEDS[path] ?? (path === DEMO_OFSTED_PAGE.path ? DEMO_OFSTED_PAGE : undefined);
    if (!feed) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': feed.contentType, 'cache-control': 'no-cache' }).end(readDemoFeed(feed.file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === 'EADDRINUSE' ? `Demo feed port ${options.port} is already in use: set DEMO_FEED_PORT to a free port.` : `Could not serve the demo feeds: ${e.message}`, { cause: e })),
    );
    server.listen(options.port ?? 0, '127.0.0.1');
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
