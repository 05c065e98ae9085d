import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A throwaway HTTP server on 127.0.0.1 with an ephemeral port, for tests that need real sockets. */
export interface FeedServer {
  /** e.g. "127.0.0.1:40123", the form FEED_ALLOW_HOSTS and allowHosts take. */
  readonly hostPort: string;
  readonly port: number;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Registers (or replaces) the handler for an exact path (query string ignored). */
  route(path: string, handler: RouteHandler): void;
  /** Requests seen so far, in order. */
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** SNI names clients sent (HTTPS servers only), including handshakes that later failed. */
  readonly serverNames: string[];
  /** Connections currently open (to check that a client really hung up). */
  openConnections(): number;
  /** Stops listening and destroys every open connection, including ones stuck mid-response. */
  close(): Promise<void>;
}

/** Pass `tls` (PEM key and certificate) for an HTTPS server. */
export async function startFeedServer(options: { tls?: { key: string | Buffer; cert: string | Buffer } } = {}): Promise<FeedServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: FeedServer['requests'] = [];
  const serverNames: string[] = [];
  let open = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  };
  const server = options.tls
    ? createTlsServer(
        {
          ...options.tls,
          SNICallback: (name, cb) => {
            serverNames.push(name);
            cb(null);
          },
        },
        handle,
      )
    : createServer(handle);
  server.on('connection', (socket) => {
    open += 1;
    socket.on('close', () => {
      open -= 1;
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPort = `127.0.0.1:${port}`;
  const scheme = options.tls ? 'https' : 'http';

  return {
    hostPort,
    port,
    url: (path) => `${scheme}://${hostPort}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    serverNames,
    openConnections: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
