import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PASSWORD, serveApp, USERS } from '../support/browser';
import { SHOTS, startBrowserRig, type BrowserRig } from '../support/browser-rig';


describe('web app in headless Chromium', () => {
  let rig: BrowserRig;
  let store: Store;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    rig = await startBrowserRig();
    ({ store, server, browser } = rig);
  }, 60_000);
  afterAll(async () => rig?.close());

  async function signIn(email: string, options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: options.bypassCSP ?? false, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/mentions`);
    expect(new URL(page.url()).pathname).toBe('/auth/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/mentions$/);
    return { context, page };
  }

  const schoolsShown = async (page: Page) => new Set(await page.locator('tbody tr td[data-label="School"]').allTextContents());

  it('signs in as each role and shows each only their own schools', async () => {
    const head = await signIn(USERS.head);
    expect(await head.page.getByRole('heading', { level: 1 }).textContent()).toBe('Flagged items');
    expect(await schoolsShown(head.page)).toEqual(new Set(['Northgate Park Academy']));
    await head.context.close();

    const trust = await signIn(USERS.trust);
    await trust.page.getByLabel('Order').selectOption('newest');
    await trust.page.getByLabel('From date').fill('05/03/2026');
    await trust.page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await schoolsShown(trust.page)).toEqual(new Set(['Northgate Park Academy', 'Kestrel Primary']));
    await trust.context.close();

    const other = await signIn(USERS.otherTrust);
    expect(await schoolsShown(other.page)).toEqual(new Set(['Seaview High']));
    await other.context.close();

    const admin = await signIn(USERS.admin);
    await admin.page.getByRole('link', { name: 'Admin' }).click();
    expect(await admin.page.getByRole('heading', { name: 'Feed health' }).isVisible()).toBe(true);
    await admin.context.close();
  });

  it('filters, opens a snapshot, changes its status with a note and shows the audit trail', async () => {
    const { context, page } = await signIn(USERS.trust);
    await page.getByLabel('School').selectOption('northgate');
    await page.getByLabel('Severity').selectOption('medium');
    await page.getByLabel('Text contains').fill('inspection');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'list-filtered.png'), fullPage: true });
    await page.getByRole('link', { name: /Northgate post 7 about the Ofsted inspection/ }).click();
    await expect.poll(() => page.url()).toContain('/mentions/n7');
    expect(await page.getByText('SHA-256 of text').isVisible()).toBe(true);
    expect(await page.locator('#captured-text mark').count()).toBeGreaterThan(0);
    await page.getByLabel('New status').selectOption('escalated');
    await page.getByLabel('Note (kept in the audit trail)').fill('Inspection report leak: passed to the CEO');
    await page.getByLabel('Assign to (email, optional)').fill('ceo@meridian.example');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').textContent()).toContain('Review saved');
    const trail = page.locator('ol.trail');
    expect(await trail.textContent()).toContain('Inspection report leak: passed to the CEO');
    expect(await trail.textContent()).toContain(USERS.trust);
    expect((await store.mentions.get('n7'))!.status).toBe('escalated');
    await page.screenshot({ path: join(SHOTS, 'snapshot.png'), fullPage: true });
    await context.close();
  });

  it('exports the filtered list as CSV from the page', async () => {
    const { context, page } = await signIn(USERS.head);
    await page.getByLabel('Status', { exact: true }).selectOption('new');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Export these as CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^schoolwatch-evidence-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^School,Captured at \(UTC\)/);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.startsWith('Northgate Park Academy,'))).toBe(true);
    expect(csv).not.toContain(',escalated,');
    await context.close();
  });

  it('answers 404 across tenants in the browser too', async () => {
    const { context, page } = await signIn(USERS.head);
    for (const id of ['k1', 's1']) {
      const res = await page.goto(`${server.url}/mentions/${id}`);
      expect(res!.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not found');
    }
    const other = await signIn(USERS.otherTrust);
    expect((await other.page.goto(`${server.url}/mentions/n1`))!.status()).toBe(404);
    await other.context.close();
    await context.close();
  });

  it('shows hostile feed text harmlessly without breaking the layout', async () => {
    const { context, page } = await signIn(USERS.head);
    await page.goto(`${server.url}/mentions/hostile`);
    expect(dialogs).toEqual([]);
    expect(await page.locator('main script, main img, main a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('#captured-text').textContent()).toContain('<img src=x onerror=alert(1)>');
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(narrow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'hostile-phone.png'), fullPage: true });
    await context.close();
  });

  it('has no serious or critical axe violations on the login, list, snapshot, evidence and admin pages', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const check = async (name: string) => {
      await page.addScriptTag({ content: axe.source });
      const result = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } })`,
      )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      expect(Array.isArray(result.violations)).toBe(true);
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    };
    await page.goto(`${server.url}/auth/login`);
    await page.screenshot({ path: join(SHOTS, 'login.png'), fullPage: true });
    await check('login');
    await page.getByLabel('Email address').fill(USERS.admin);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/mentions$/);
    await page.screenshot({ path: join(SHOTS, 'list.png'), fullPage: true });
    await check('list');
    await page.goto(`${server.url}/mentions/hostile`);
    await check('snapshot');
    await page.goto(`${server.url}/mentions/n1/evidence`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'evidence-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await check('evidence');
    await page.goto(`${server.url}/admin`);
    await check('admin');
    await page.goto(`${server.url}/admin/schools/northgate`);
    await check('school form');
    await context.close();
  });
});
