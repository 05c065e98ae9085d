import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPageCapturer } from '../../lib/app/build-capture-deps';
import { captureMention } from '../../lib/app/capture-mention';
import { silentLogger } from '../../lib/app/deps';
import { createS3EvidenceStore, type EvidenceStore } from '../../lib/evidence/evidence-store';
import type { PageCapturer } from '../../lib/evidence/page-capture';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3-server';
import type { Store } from '../../lib/store';
import { launchChromium, PASSWORD, seedWebFixture, serveApp, tokenFor, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';
import { articleRoutes, startPageServer, type PageServer } from '../support/page-server';
import { unzip } from '../support/unzip';
import { SHOTS } from '../support/browser-rig';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A real capture of a realistic page, looked at through the web app: API, downloads, audit, and a browser. */
describe('captured evidence on the web (s3rver, dynalite, real Chromium)', () => {
  let dynamo: TestDynamo;
  let s3: LocalS3;
  let site: PageServer;
  let store: Store;
  let evidence: EvidenceStore;
  let capturer: PageCapturer;
  let app: Awaited<ReturnType<typeof webAppFor>>;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const id = 'cap1';
  const holds: { prefix: string; on: boolean }[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [dynamo, s3] = await Promise.all([startTestDynamo(), startLocalS3()]);
    site = await startPageServer(articleRoutes());
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    const url = `${site.url}/news/northgate-protest`;
    await store.mentions.record({
      trustId: 'meridian',
      schoolId: 'northgate',
      itemKey: `url:${url}`,
      capturedAt: '2026-03-21T09:00:00.000Z',
      build: (at) => mention({ id, schoolId: 'northgate', trustId: 'meridian', capturedAt: at, url, canonicalUrl: url, title: 'Northgate Park Academy rated inadequate by Ofsted' }),
    });
    evidence = createS3EvidenceStore({ bucket: s3.bucket, endpoint: s3.endpoint });
    capturer = buildPageCapturer({ FEED_ALLOW_HOSTS: [site.hostPort], FEED_USER_AGENT: 'Schoolwatch-test' }, { clock: () => new Date('2026-03-21T09:05:00.000Z'), newId: () => 'capture-1' });
    const outcome = await captureMention({ store, evidence, capturer, clock: () => new Date('2026-03-21T09:05:00.000Z'), log: silentLogger }, { trustId: 'meridian', schoolId: 'northgate', mentionId: id, url });
    expect(outcome.outcome).toBe('captured');
    // The real store, with its legal-hold calls noted (s3rver has no Object Lock to show them).
    app = await webAppFor(store, { evidence: { ...evidence, setLegalHold: async (prefix, on) => (holds.push({ prefix, on }), evidence.setLegalHold(prefix, on)) } });
    server = await serveApp(app);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await capturer?.close();
    await server?.close();
    await Promise.all([dynamo?.stop(), s3?.stop(), site?.close()]);
  });

  const get = async (path: string, email: string = USERS.trust) => app.request(path, { headers: { authorization: `Bearer ${await tokenFor(app, email)}` } });

  it('evidence.zip holds the PNG, HTML, text, manifest and a one-page evidence sheet, hashes as recorded', async () => {
    for (const path of [`/api/mentions/${id}/evidence.zip`, `/mentions/${id}/evidence.zip`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="schoolwatch-evidence-cap1\.zip"$/);
      const files = unzip(Buffer.from(await res.arrayBuffer()));
      expect([...files.keys()].sort()).toEqual(['manifest.json', 'page.html', 'page.txt', 'screenshot.png', 'sheet.pdf']);
      const m = (await store.mentions.get(id))!;
      for (const [name, body] of files) expect(sha(body), name).toBe(m.capture!.files![name]!.sha256);
      const pdf = files.get('sheet.pdf')!;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
      writeFileSync(join(SHOTS, 'capture-sheet.pdf'), pdf);
    }
  });

  it('the archived HTML is only ever a download, sandboxed; the screen print is a PNG from our origin', async () => {
    const htmlRes = await get(`/mentions/${id}/capture/page.html`);
    expect(htmlRes.status).toBe(200);
    expect(htmlRes.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(htmlRes.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(htmlRes.headers.get('content-type')).toBe('application/octet-stream');
    expect(htmlRes.headers.get('x-content-type-options')).toBe('nosniff');
    const png = await get(`/mentions/${id}/capture/screenshot.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-security-policy')).toMatch(/^sandbox/);
  });

  it('every download is audited, naming the file', async () => {
    await get(`/api/mentions/${id}/capture/manifest.json`, USERS.head);
    const views = await store.reviews.views(id, 50);
    expect(views).toEqual(expect.arrayContaining([expect.objectContaining({ via: 'download', file: 'manifest.json', actor: USERS.head })]));
    expect(views.filter((v) => v.file === 'evidence.zip').length).toBeGreaterThanOrEqual(2);
  });

  it('is trust-scoped: another trust or another school’s head gets not found; no sign-in gets 401', async () => {
    expect((await get(`/api/mentions/${id}/evidence.zip`, USERS.otherTrust)).status).toBe(404);
    expect((await get(`/api/mentions/${id}/capture/screenshot.png`, USERS.otherHead)).status).toBe(404);
    expect((await app.request(`/api/mentions/${id}/evidence.zip`)).status).toBe(401);
    expect((await get(`/api/mentions/${id}/capture/secrets.txt`)).status).toBe(404);
  });

  it('escalating puts the captured files on legal hold; releasing lifts it', async () => {
    const token = await tokenFor(app, USERS.trust);
    const review = (status: string) =>
      app.request(`/api/mentions/${id}/review`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ status, note: `now ${status}` }) });
    expect((await review('escalated')).status).toBe(200);
    expect((await review('reviewed')).status).toBe(200);
    const prefix = (await store.mentions.get(id))!.capture!.prefix!;
    expect(holds).toEqual([{ prefix, on: true }, { prefix, on: false }]);
  });

  it('in a browser: the snapshot page shows the screen print; the archived HTML downloads instead of opening', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/mentions/${id}`);
    await page.getByLabel('Email address').fill(USERS.head);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/mentions/${id}$`));
    const img = page.locator('img.screenprint');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el) => ((el as unknown as { complete: boolean }).complete ? (el as unknown as { naturalWidth: number }).naturalWidth : 0))).toBe(1280);
    expect(await page.locator('#capture-status').textContent()).toMatch(/Captured .*HTTP 200/);
    expect(await page.getByText('The page itself also shows').count()).toBe(1); // the article's insult, beyond the headline
    await page.screenshot({ path: join(SHOTS, 'capture-snapshot-page.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Archived HTML' }).click()]);
    expect(download.suggestedFilename()).toBe(`${id}-page.html`);
    expect(new URL(page.url()).pathname).toBe(`/mentions/${id}`); // still on our page: nothing was rendered
    await context.close();
  });
});
