import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The embedded DynamoDB (dynalite) and mail server (aws-ses-v2-local) accept any credentials, and dynalite
 * answers every origin with `Access-Control-Allow-Origin: *`: a web page the user opens could read the
 * signing key and every snapshot, or send mail. They exist for programs on this computer (the AWS SDK, the
 * CLI), so this guard sits in front of their request handlers and refuses anything a browser sends:
 * - a request with an `Origin` header, and any CORS preflight (OPTIONS);
 * - a request a browser marks as cross-site (`Sec-Fetch-Site`), which covers no-cors GETs without Origin;
 * - a `Host` that is not loopback (DNS rebinding: evil.example resolving to 127.0.0.1).
 * Refusals are 403 with no CORS headers, and CORS headers are stripped from every answer.
 *
 * `viewer`: the mail viewer stays usable in a browser, as a same-origin GET only (the page and its
 * `GET /store` polling). Its "clear" button (a POST, which browsers send with an Origin) is refused.
 */
export function guardLoopback(server: Server, options: { name: string; viewer?: boolean }): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = refuse(req, options.viewer === true);
    if (refusal) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`Refused: ${options.name} answers programs on this computer (the AWS SDK, the Schoolwatch CLI), not web pages (${refusal}).\n`);
      req.resume();
      return;
    }
    stripCors(res);
    for (const handler of handlers) handler.call(server, req, res);
  });
}

/** Why this request is refused, or undefined. */
function refuse(req: IncomingMessage, viewer: boolean): string | undefined {
  if (!isLoopbackHost(req.headers.host)) return 'Host is not a loopback address';
  if (req.method === 'OPTIONS') return 'CORS preflight';
  const site = req.headers['sec-fetch-site'];
  const readOnly = req.method === 'GET' || req.method === 'HEAD';
  if (viewer && readOnly) {
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return `a ${site} browser request`;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return 'another origin';
    return undefined;
  }
  if (req.headers.origin !== undefined) return 'a request from a web page (Origin header)';
  if (site !== undefined) return 'a browser request';
  return undefined;
}

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** The servers' own CORS answers (dynalite: `*` for any origin) never leave. */
function stripCors(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) => (/^access-control-/i.test(name) ? res : setHeader(name, value))) as typeof res.setHeader;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const last = args[args.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last)) {
      args[args.length - 1] = Object.fromEntries(Object.entries(last as Record<string, unknown>).filter(([k]) => !/^access-control-/i.test(k)));
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
}

/** The embedded servers listen on loopback only. */
export function assertLoopbackBind(host: string, what: string, variable: string): void {
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new Error(`${what} listens on loopback only (127.0.0.1), not ${host}: it accepts any credentials. To share it, put something with authentication in front of it; otherwise leave ${variable} unset.`);
  }
}
