import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { ZipFile } from 'yazl';
import { readSnapshot } from '../app/review';
import type { EvidenceStore } from '../evidence/evidence-store';
import { CONTENT_TYPES, type EvidenceFileName } from '../evidence/files';
import type { Mention } from '../store/types';
import type { AppEnv, WebContext } from './app';

const FILES: readonly EvidenceFileName[] = ['screenshot.png', 'page.html', 'page.txt', 'manifest.json', 'sheet.pdf'];
/** Archived pages are hostile until proven otherwise: never rendered here, and inert even if a browser tried. */
const SANDBOX_CSP = "sandbox; default-src 'none'";

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function zip(entries: { name: string; body: Buffer; mtime: Date }[]): Promise<Buffer> {
  const z = new ZipFile();
  for (const e of entries) z.addBuffer(e.body, e.name, { mtime: e.mtime });
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The captured page's files: the screen print shown on the snapshot page (image/png from our origin), every other
 * file only as a download, and evidence.zip with all of them. Each read goes through the same scoped, audited
 * snapshot read as the page itself, so another trust's capture is "not found" and every download is recorded.
 */
export function registerEvidenceRoutes(app: Hono<AppEnv>, ctx: WebContext, evidence: EvidenceStore | undefined): void {
  const notFound = (c: Context<AppEnv>, api: boolean, message: string) => (api ? c.json({ error: message }, 404) : c.text(message, 404));

  async function load(mention: Mention, name: EvidenceFileName): Promise<Buffer | undefined> {
    const rec = mention.capture;
    if (!evidence || rec?.status !== 'captured' || !rec.prefix || !rec.files?.[name]) return undefined;
    const body = await evidence.get(`${rec.prefix}${name}`);
    if (body && sha256(body) !== rec.files[name]!.sha256) {
      ctx.log.error('evidence file does not match its recorded hash', { mentionId: mention.id, file: name });
      throw new Error(`The stored ${name} of this item does not match the hash recorded when it was captured.`);
    }
    return body;
  }

  const file = (api: boolean) => async (c: Context<AppEnv>) => {
    const name = c.req.param('file') as EvidenceFileName;
    if (!FILES.includes(name)) return notFound(c, api, 'No such evidence file.');
    const mention = await readSnapshot(ctx, c.get('principal')!, c.req.param('id')!, 'download', name);
    const body = await load(mention, name);
    if (!body) return notFound(c, api, 'This item has no captured page (yet), or not this file.');
    const inline = name === 'screenshot.png' && c.req.query('download') === undefined;
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': name === 'page.html' ? 'application/octet-stream' : CONTENT_TYPES[name],
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${mention.id}-${name}"`,
      'Content-Security-Policy': SANDBOX_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
  };

  const bundle = (api: boolean) => async (c: Context<AppEnv>) => {
    const mention = await readSnapshot(ctx, c.get('principal')!, c.req.param('id')!, 'download', 'evidence.zip');
    if (mention.capture?.status !== 'captured') return notFound(c, api, 'This item has no captured page (yet), so there is no evidence bundle.');
    const mtime = new Date(mention.capture.capturedAt ?? mention.capturedAt);
    const entries: { name: string; body: Buffer; mtime: Date }[] = [];
    for (const name of FILES) {
      const body = await load(mention, name);
      if (body) entries.push({ name, body, mtime });
    }
    ctx.log.info('evidence bundle downloaded', { mentionId: mention.id, actor: c.get('principal')!.email, files: entries.length });
    return c.body(new Uint8Array(await zip(entries)), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="schoolwatch-evidence-${mention.id}.zip"`,
      'Content-Security-Policy': SANDBOX_CSP,
    });
  };

  app.get('/mentions/:id/capture/:file', file(false));
  app.get('/api/mentions/:id/capture/:file', file(true));
  app.get('/mentions/:id/evidence.zip', bundle(false));
  app.get('/api/mentions/:id/evidence.zip', bundle(true));
}
