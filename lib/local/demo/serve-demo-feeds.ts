import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { DEMO_FEEDS, readDemoFeed } from './demo-config';

/** Serves the shipped sample feeds on a loopback port (the only place the demo fetches from). */
export async function serveDemoFeeds(): Promise<{ baseUrl: string; hostPort: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const feed = DEMO_FEEDS[new URL(req.url ?? '/', 'http://x').pathname];
    if (!feed) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': feed.contentType, 'cache-control': 'no-cache' }).end(readDemoFeed(feed.file));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
