import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PASSWORD, rss, serveApp, USERS } from '../support/browser';
import { SHOTS, startBrowserRig, type BrowserRig } from '../support/browser-rig';
import { type FeedServer } from '../support/feed-server';


/**
 * Issue 14 in a real browser on a 360 px phone: the school form's public facts and the feed check before saving
 * (Google Alerts help opened, a feed that cannot be read, "Save anyway"), with no sideways scroll and no
 * serious axe violations in any of those states.
 */
describe('public facts and the feed check on a 360 px phone', () => {
  let rig: BrowserRig;
  let feeds: FeedServer;
  let store: Store;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rig = await startBrowserRig({ feeds: true });
    ({ store, server, browser } = rig);
    feeds = rig.feeds!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.goto(`${server.url}/auth/login`);
    await page.getByLabel('Email address').fill(USERS.admin);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/mentions$/);
  }, 90_000);
  afterAll(async () => rig?.close());

  async function problems(name: string): Promise<string[]> {
    const wide = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    await page.addScriptTag({ content: axe.source });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } })`)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return [
      ...(wide > 0 ? [`${name}: sideways scroll of ${wide}px`] : []),
      ...result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ];
  }

  it('public facts: a bad line is named beside its field; fixed, they are saved', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/admin/schools/northgate`);
    await page.getByLabel('Published phone numbers').fill('01632 960100\nask at reception');
    await page.getByLabel('Published postcodes').fill('HF3 2QP');
    await page.getByLabel('Published names').fill('Mrs Jane Marsh');
    await page.getByRole('button', { name: 'Save school' }).click();
    await page.locator('#s-publicFacts-phones-error').waitFor();
    expect(await page.locator('#s-publicFacts-phones-error').textContent()).toBe('line 2: must be a UK phone number such as "01632 960100" or "+44 1632 960100"');
    expect(await page.getByLabel('Published phone numbers').getAttribute('aria-invalid')).toBe('true');
    expect(await problems('public facts with an error')).toEqual([]);
    await page.getByLabel('Published phone numbers').fill('01632 960100');
    await page.getByRole('button', { name: 'Save school' }).click();
    await page.waitForURL(/saved=1/);
    expect((await store.config.getSchool('northgate'))!.school.publicFacts).toEqual({ phones: ['01632 960100'], addresses: [], postcodes: ['HF3 2QP'], websites: [], people: ['Mrs Jane Marsh'] });
  });

  it('feed check: help opened, an unreadable address refused with its reason, then saved anyway; a good one saved', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/admin/schools/kestrel`);
    await page.getByText('How to watch a Google Alert').click();
    expect(await page.getByText('Deliver to: RSS feed').isVisible()).toBe(true);
    expect(await problems('school form, Google Alerts help open')).toEqual([]);

    const row = page.locator('fieldset.new-feed');
    await row.getByLabel('Source').selectOption('rss');
    await row.getByLabel('Feed address (RSS only)').fill(feeds.url('/gone.xml'));
    await page.getByRole('button', { name: 'Save school' }).click();
    await page.locator('#s-feeds-0-url-error').waitFor();
    expect(await page.locator('#s-feeds-0-url-error').textContent()).toContain('answered HTTP 404 (Not Found)');
    expect(await page.getByRole('alert').textContent()).toContain('Nothing was saved');
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([]);
    expect(await problems('school form, feed check failed')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'phone-feed-check-failed.png'), fullPage: true });

    await page.getByLabel('Save anyway').check();
    await page.getByRole('button', { name: 'Save school' }).click();
    await page.waitForURL(/saved=1/);
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([{ source: 'rss', url: feeds.url('/gone.xml') }]);

    await page.locator('fieldset.new-feed').getByLabel('Source').selectOption('rss');
    await page.locator('fieldset.new-feed').getByLabel('Feed address (RSS only)').fill(feeds.url('/news.xml'));
    await page.getByRole('button', { name: 'Check feed addresses (saves nothing)' }).click();
    await page.getByText('5 items found').waitFor();
    expect(await problems('school form, feed checked')).toEqual([]);
    await page.getByRole('button', { name: 'Save school' }).click();
    await page.waitForURL(/saved=1&checked=1/);
    expect(await page.getByRole('status').first().textContent()).toContain('The new feed address was checked before saving.');
    expect((await store.config.getSchool('kestrel'))!.school.feeds).toEqual([{ source: 'rss', url: feeds.url('/gone.xml') }, { source: 'rss', url: feeds.url('/news.xml') }]);
  });
});
