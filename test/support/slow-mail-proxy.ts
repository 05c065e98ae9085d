import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowMailProxy {
  endpoint: string;
  /** Requests received (each was forwarded to the real mail server at once). */
  requests: number;
  stop(): Promise<void>;
}

/**
 * A loopback mail server that accepts every message at once (forwards it to the real local SES server,
 * which records it) but answers the client only after `delayMs`: the "slow mail server" whose send
 * succeeded although the client gave up waiting.
 */
export async function startSlowMailProxy(target: string, delayMs: number): Promise<SlowMailProxy> {
  const to = new URL(target);
  const timers = new Set<NodeJS.Timeout>();
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const t = setTimeout(() => {
              timers.delete(t);
              if (!res.destroyed) res.writeHead(up.statusCode ?? 502, up.headers).end(Buffer.concat(body));
            }, delayMs);
            timers.add(t);
          });
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
