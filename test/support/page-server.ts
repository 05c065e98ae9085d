import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 red PNG, so the realistic page has a real image to fetch. */
export const RED_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

/** A local-news article page of the kind a flagged mention links to: header, nav, article, image, footer, script. */
export function articlePage(opts: { extraHead?: string; extraBody?: string } = {}): string {
  const para = (n: number) =>
    `<p>Paragraph ${n}. Parents gathered outside Northgate Park Academy in Harlow Fen on Tuesday afternoon after a letter about the school's future was sent home. Several said they had not been consulted, and one described the meeting as "chaotic". The trust said it would respond to concerns in writing.</p>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Parents protest at Northgate Park Academy after Ofsted downgrade | Harlow Fen Gazette</title>
<link rel="stylesheet" href="/static/site.css">${opts.extraHead ?? ''}</head>
<body><header><div class="masthead">Harlow Fen Gazette</div><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Parents protest at Northgate Park Academy after Ofsted downgrade</h1>
<p class="byline">By Jo Reporter · 29 November 2026</p>
<img src="/static/photo.png" alt="Parents at the school gates" width="600" height="300">
<p>Northgate Park Academy was rated inadequate by Ofsted inspectors last month, and the head teacher is an idiot according to a parent who spoke to the Gazette. Staff morale is said to be low.</p>
${[1, 2, 3, 4, 5, 6].map(para).join('\n')}
</article><aside><h2>Most read</h2><ul><li>Bypass roadworks delayed</li><li>Bakery wins award</li></ul></aside></main>
<footer>© Harlow Fen Gazette 2026</footer>
<script>document.querySelector('.masthead').setAttribute('data-ready', '1');</script>${opts.extraBody ?? ''}
</body></html>`;
}

export const SITE_CSS = `body{font-family:"DejaVu Serif",Georgia,serif;margin:0;color:#222}header{background:#8b0000;color:#fff;padding:12px 24px}
.masthead{font-size:32px;font-weight:bold}nav a{color:#fff;margin-right:12px}main{display:flex;gap:32px;padding:24px;max-width:1100px}
article{flex:3}aside{flex:1;background:#f4f4f4;padding:12px}h1{font-size:30px}footer{padding:24px;border-top:1px solid #ccc}img{background:#c00}`;

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  url: string;
  hostPort: string;
  /** TCP connections accepted so far. */
  connections(): number;
  requests: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server; `routes` maps a path to a handler, anything else is 404. Counts every connection. */
export async function startPageServer(routes: Record<string, Handler>): Promise<PageServer> {
  let connections = 0;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const handler = routes[(req.url ?? '/').split('?')[0]!];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (socket) => {
    connections++;
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    connections: () => connections,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const html = (body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'last-modified': 'Sun, 29 Nov 2026 10:00:00 GMT', ...headers }).end(body);
};

/** Routes of the realistic article site. */
export function articleRoutes(page = articlePage()): Record<string, Handler> {
  return {
    '/news/northgate-protest': html(page),
    '/static/site.css': (_q, r) => r.writeHead(200, { 'content-type': 'text/css' }).end(SITE_CSS),
    '/static/photo.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(RED_PIXEL_PNG),
  };
}
