import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PASSWORD, rss, serveApp, USERS } from '../support/browser';
import { SHOTS, startBrowserRig, type BrowserRig } from '../support/browser-rig';
import { type FeedServer } from '../support/feed-server';


describe('admin console in headless Chromium', () => {
  let rig: BrowserRig;
  let feeds: FeedServer;
  let store: Store;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;

  beforeAll(async () => {
    rig = await startBrowserRig({ feeds: true });
    ({ store, server, browser } = rig);
    feeds = rig.feeds!;
  }, 60_000);
  afterAll(async () => rig?.close());

  async function signIn(email: string, bypassCSP = false): Promise<Page> {
    const context = await browser.newContext({ bypassCSP, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/login`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/mentions$/);
    return page;
  }

  async function axeCheck(page: Page, name: string) {
    await page.addScriptTag({ content: axe.source });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } })`)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    expect(Array.isArray(result.violations)).toBe(true);
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  it('shows a validation error next to the field, previews against a loopback feed, adds a feed and saves', async () => {
    const page = await signIn(USERS.admin);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Northgate Park Academy' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/schools/northgate');

    // A bad digest hour: the error sits next to the field and is announced; nothing saved.
    await page.getByLabel('Digest hour (0–23, school time)').fill('25');
    await page.getByRole('button', { name: 'Save school' }).click();
    const hour = page.getByLabel('Digest hour (0–23, school time)');
    expect(await hour.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#s-digestHour-error').isVisible()).toBe(true);
    expect(await page.locator('#s-digestHour + #s-digestHour-error, #s-digestHour ~ #s-digestHour-error').count()).toBe(1);
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was saved');
    expect((await store.config.getSchool('northgate'))!.school.digestHour).toBe(7);

    // Fix it, describe the school, add the loopback feed in the "Add a feed" row and preview.
    await hour.fill('7');
    await page.getByLabel('Aliases').fill('Northgate Park');
    await page.getByLabel('Exclusions').fill('Northgate Park Retail');
    const newRow = page.locator('fieldset.new-feed');
    await newRow.getByLabel('Source').selectOption('rss');
    await newRow.getByLabel('Feed address (RSS only)').fill(feeds.url('/news.xml'));
    await page.getByRole('button', { name: 'Preview matches (saves nothing)' }).click();
    const preview = page.locator('#preview');
    await preview.waitFor();
    expect(await preview.getByRole('status').textContent()).toMatch(/5\s+items, 3\s+about this school, 2\s+would be flagged/);
    expect(await preview.locator('tr.pv-flagged').count()).toBe(2);
    expect(await preview.getByText('excluded by "northgate park retail"').count()).toBe(1);
    expect((await store.config.getSchool('northgate'))!.school.feeds).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'admin-school-preview.png'), fullPage: true });

    // The previewed feed is now a row of the form; a new blank row is offered. Save.
    expect(await page.getByLabel('Feed address (RSS only)').first().inputValue()).toBe(feeds.url('/news.xml'));
    await page.getByRole('button', { name: 'Save school' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').first().textContent()).toContain('School saved.');
    expect((await store.config.getSchool('northgate'))!.school).toMatchObject({ aliases: ['Northgate Park'], exclude: ['Northgate Park Retail'], feeds: [{ source: 'rss', url: feeds.url('/news.xml') }] });
    await page.context().close();
  });

  it('answers 404 for another trust’s school and 403 for non-admins', async () => {
    const page = await signIn(USERS.admin);
    const res = await page.goto(`${server.url}/admin/schools/seaview`);
    expect(res!.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not found');
    await page.context().close();
    const trust = await signIn(USERS.trust);
    expect((await trust.goto(`${server.url}/admin/schools/northgate`))!.status()).toBe(403);
    await trust.context().close();
  });

  it('adds a user and shows the one-time password', async () => {
    const page = await signIn(USERS.admin);
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email', { exact: true }).fill('deputy@kestrel.example');
    await page.getByLabel('Role', { exact: true }).selectOption('head');
    await page.getByLabel('School (heads only)').selectOption('kestrel');
    await page.getByRole('button', { name: 'Add user' }).click();
    const password = (await page.locator('#one-time-password').textContent())!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await store.users.get('deputy@kestrel.example')).toMatchObject({ role: 'head', schoolId: 'kestrel', disabled: false, mustChangePassword: true });
    await page.context().close();

    // The new head signs in with the issued password and must choose their own before anything else.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8000);
    const head = await context.newPage();
    await head.goto(`${server.url}/auth/login`);
    await head.getByLabel('Email address').fill('deputy@kestrel.example');
    await head.getByLabel('Password').fill(password);
    await head.getByRole('button', { name: 'Sign in' }).click();
    await head.waitForURL(/\/account\/password/);
    expect(await head.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your own password');
    await head.goto(`${server.url}/mentions`);
    await head.waitForURL(/\/account\/password/);
    await head.getByLabel('Current password').fill(password);
    await head.getByLabel('New password', { exact: true }).fill('deputy chooses a long one');
    await head.getByLabel('New password again').fill('deputy chooses a long one');
    await head.getByRole('button', { name: 'Change password' }).click();
    await head.waitForURL(/\/mentions$/);
    expect(await head.getByRole('heading', { level: 1 }).textContent()).toBe('Flagged items');
    expect((await store.users.get('deputy@kestrel.example'))!.mustChangePassword).toBe(false);
    await context.close();
  });

  it('has no serious or critical axe violations on the new admin pages', { timeout: 60_000 }, async () => {
    const page = await signIn(USERS.admin, true);
    await page.goto(`${server.url}/admin`);
    await axeCheck(page, 'admin with users');
    await page.goto(`${server.url}/admin/trust`);
    await axeCheck(page, 'trust settings');
    await page.getByLabel('Keep evidence snapshots for (months, 1–120)').fill('0');
    await page.getByRole('button', { name: 'Save trust settings' }).click();
    await page.locator('#s-retentionMonths-error').waitFor();
    await axeCheck(page, 'trust settings with an error');
    await page.goto(`${server.url}/admin/schools/new`);
    await axeCheck(page, 'new school');
    await page.goto(`${server.url}/admin/schools/northgate`);
    await page.getByRole('button', { name: 'Preview matches (saves nothing)' }).click();
    await page.locator('#preview').waitFor();
    await axeCheck(page, 'school form with preview');
    await page.goto(`${server.url}/account/password`);
    await axeCheck(page, 'change password');
    await page.getByLabel('Current password').fill('wrong password here');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#pw-current-error').waitFor();
    await axeCheck(page, 'change password with errors');
    await page.goto(`${server.url}/admin/schools/kestrel/remove`);
    await axeCheck(page, 'remove a school');
    await page.goto(`${server.url}/mentions?limit=5&cursor=${encodeURIComponent('2026-03-02T00:00:00.000Z#zzz')}`);
    await axeCheck(page, 'list page 2');
    await page.screenshot({ path: join(SHOTS, 'list-page-2.png'), fullPage: true });
    await page.context().close();
  });

  it('removes a school after its id is typed', async () => {
    const page = await signIn(USERS.admin);
    await page.goto(`${server.url}/admin/schools/kestrel`);
    await page.getByRole('link', { name: 'Remove this school and erase its data…' }).click();
    await page.getByRole('button', { name: 'Remove school and erase its data' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was removed');
    expect(await page.getByLabel('Type the school id, kestrel, to confirm').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Type the school id, kestrel, to confirm').fill('kestrel');
    await page.getByRole('button', { name: 'Remove school and erase its data' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('School removed');
    expect(await store.config.getSchool('kestrel')).toBeUndefined();
    expect((await store.users.get(USERS.otherHead))!.disabled).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'admin-school-removed.png'), fullPage: true });
    await page.context().close();
  });
});
