/**
 * aws-ses-v2-local, started in this process: an SES API endpoint (SendEmail / SendRawEmail) plus a
 * web UI that shows the mail it received, and `GET /store` returning it as JSON.
 *
 * Note: the library keeps received mail in one module-level, in-memory store, so every server in the
 * same process shares it (use `clear()` between tests, or filter by `since`).
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { assertLoopbackBind, guardLoopback } from './loopback-guard';

export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Attachment content is base64. */
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  headers?: { name: string; value: string }[];
  /** Epoch seconds. */
  at: number;
}

export interface MailServer {
  /** SES endpoint for the AWS SDK, e.g. `http://127.0.0.1:8005`. */
  endpoint: string;
  /** The web UI listing received mail. */
  viewerUrl: string;
  port: number;
  /** Mail received so far (optionally only since an epoch-seconds time). */
  fetchStore(options?: { since?: number }): Promise<StoredEmail[]>;
  /** Forget all received mail. */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export class MailServerError extends Error {
  override readonly name = 'MailServerError';
}

type StartFn = (config?: Partial<{ host: string; port: number }>) => Promise<Server>;

/** The package is CommonJS with `exports.default`; depending on the loader that is `default` or `default.default`. */
async function loadStart(): Promise<StartFn> {
  const mod: unknown = await import('aws-ses-v2-local');
  const candidates = [mod, (mod as { default?: unknown })?.default, ((mod as { default?: { default?: unknown } })?.default as { default?: unknown })?.default];
  const fn = candidates.find((c): c is StartFn => typeof c === 'function');
  if (!fn) throw new MailServerError('aws-ses-v2-local does not export a server function; check the installed version (expected 2.x).');
  return fn;
}

function urlHost(host: string): string {
  if (host === '::' || host === '0.0.0.0' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Start the local SES server. `port: 0` picks a free port. Loopback only, behind the loopback guard. */
export async function startMailServer(options: { port: number; host?: string }): Promise<MailServer> {
  const host = options.host ?? '127.0.0.1';
  assertLoopbackBind(host, 'The local mail server', 'host');
  const start = await loadStart();

  // The library resolves with the server even when listen fails, and never reports the error.
  // Catch it on the next tick through the server's own 'error' event or its listening state.
  const server = await start({ host, port: options.port });
  if (!server.listening) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!server.listening) {
    server.close();
    throw new MailServerError(
      `Could not start the local mail server on ${host}:${options.port} (is the port in use?). Set MAIL_PORT to a free port, or set SES_ENDPOINT to a mail server that is already running.`,
    );
  }

  // Before any request can arrive (the listen callback has not run a request yet): programs only; the viewer as a same-origin GET.
  guardLoopback(server, { name: 'the local mail server', viewer: true });

  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${urlHost(host)}:${port}`;
  let stopped = false;

  const getJson = async (path: string, init?: RequestInit): Promise<unknown> => {
    if (stopped) throw new MailServerError('The local mail server has been stopped.');
    const res = await fetch(`${endpoint}${path}`, { ...init, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new MailServerError(`Local mail server ${path} answered HTTP ${res.status}: ${await res.text()}`);
    return res.json();
  };

  return {
    endpoint,
    viewerUrl: `${endpoint}/`,
    port,
    async fetchStore(opts = {}) {
      const q = opts.since !== undefined ? `?since=${Math.floor(opts.since)}` : '';
      const body = (await getJson(`/store${q}`)) as { emails?: StoredEmail[] };
      return body.emails ?? [];
    },
    async clear() {
      await getJson('/clear-store', { method: 'POST' });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and hung (unsupported-call) connections would hold close() open.
        server.closeAllConnections?.();
        for (const s of sockets) s.destroy();
      });
    },
  };
}
