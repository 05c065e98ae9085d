import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PASSWORD, serveApp, USERS } from '../support/browser';
import { SHOTS, startBrowserRig, type BrowserRig } from '../support/browser-rig';
import { MemoryGiasIndex } from '../../lib/gias/memory-index';
import { GIAS_LOADED_AT, GIAS_RECORDS } from '../support/gias-fixtures';

const PHONE = { width: 360, height: 740 };

/** Every page a signed-in admin can reach, plus the signed-out sign-in page. */
const PAGES: [name: string, path: string][] = [
  ['overview', '/'],
  ['list', '/mentions'],
  ['list filtered', '/mentions?school=northgate&from=01/03/2026&sort=published'],
  ['snapshot', '/mentions/n7'],
  ['snapshot hostile', '/mentions/hostile'],
  ['evidence', '/mentions/hostile/evidence'],
  ['admin', '/admin'],
  ['admin trust', '/admin/trust'],
  ['admin new school', '/admin/schools/new'],
  ['admin school', '/admin/schools/northgate'],
  ['admin remove school', '/admin/schools/northgate/remove'],
  ['admin add from URN', '/admin/schools/new/from-urn'],
  ['admin add from URN review', `/admin/schools/new/from-urn?urns=${encodeURIComponent('114501\n12345\n100960\n181818')}`],
  ['change password', '/account/password'],
];

/**
 * What "usable at 360 px" means, measured in the page: no sideways scroll; no button or button-like link
 * narrower than its longest word (the "letter column" failure); nothing wider than the viewport.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(LAYOUT_CHECK)) as string[];
}

// Runs in the page (a string: the project compiles without DOM types).
const LAYOUT_CHECK = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) problems.push('sideways scroll: scrollWidth ' + doc.scrollWidth + ' > ' + window.innerWidth);
  for (const el of document.querySelectorAll('button, .button, input[type=submit]')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.offsetParent === null) continue;
    const label = (el instanceof HTMLInputElement ? el.value : el.textContent || '').trim().replace(/\\s+/g, ' ');
    // A word drawn on more than one line is the "letter column" failure.
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent || '').matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push('button “' + label + '”: the word “' + m[0] + '” breaks over ' + lines.size + ' lines');
      }
    }
    const box = el.getBoundingClientRect();
    if (box.right > window.innerWidth + 0.5 || box.left < -0.5) problems.push('button “' + label + '” sticks out of the screen (' + Math.round(box.left) + '–' + Math.round(box.right) + 'px)');
  }
  return problems;
})()`;

const CARD_LAYOUT = `(() => {
  const row = document.querySelector('table.list tbody tr');
  const cells = Array.from(row.querySelectorAll('td'));
  return {
    rowDisplay: getComputedStyle(row).display,
    cellWidths: cells.map((c) => Math.round(c.getBoundingClientRect().width)),
    rowWidth: Math.round(row.getBoundingClientRect().width),
    label: getComputedStyle(row.querySelector('td[data-label="Captured"]'), '::before').content,
    headVisible: document.querySelector('table.list thead').getBoundingClientRect().height > 1,
  };
})()`;

describe('every page on a 360 px phone', () => {
  let rig: BrowserRig;
  let store: Store;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;

  beforeAll(async () => {
    // The fixture's items are from March 2026: a clock then gives the overview's 30-day chart some bars.
    rig = await startBrowserRig({ app: { clock: () => new Date('2026-03-20T10:00:00.000Z'), gias: new MemoryGiasIndex(GIAS_RECORDS, GIAS_LOADED_AT) } });
    ({ store, server, browser } = rig);
  }, 60_000);
  afterAll(async () => rig?.close());

  async function axeProblems(page: Page, name: string): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } })`)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  describe('signed in as an admin', () => {
    let page: Page;
    beforeAll(async () => {
      // bypassCSP only so axe can be injected; the pages themselves carry no script.
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, bypassCSP: true });
      context.setDefaultTimeout(15_000);
      page = await context.newPage();
      await page.goto(`${server.url}/auth/login`);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeProblems(page, 'sign-in')).toEqual([]);
      await page.getByLabel('Email address').fill(USERS.admin);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/mentions$/);
    }, 60_000);
    afterAll(async () => page?.context().close());

    it.each(PAGES)('%s (%s): no sideways scroll, whole-word buttons, no serious axe violations', async (name, path) => {
      const res = await page.goto(`${server.url}${path}`);
      expect(res!.status()).toBe(200);
      if (['overview', 'snapshot', 'evidence', 'admin school', 'admin add from URN review'].includes(name)) await page.screenshot({ path: join(SHOTS, `phone-${name.replace(/ /g, '-')}.png`), fullPage: true });
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeProblems(page, name)).toEqual([]);
    }, 60_000);
  });

  it('turns the list into stacked cards, each value labelled', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/login`);
    await page.getByLabel('Email address').fill(USERS.trust);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/mentions$/);
    const layout = (await page.evaluate(CARD_LAYOUT)) as { rowDisplay: string; cellWidths: number[]; rowWidth: number; label: string; headVisible: boolean };
    await page.screenshot({ path: join(SHOTS, 'phone-list-top.png') });
    await page.locator('table.list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'phone-list-cards.png') });
    expect(['block', 'grid']).toContain(layout.rowDisplay); // a card, not a table row
    expect(layout.headVisible).toBe(false);
    expect(layout.label).toBe('"Captured"');
    // Values sit under one another, at least half the card wide each: never squeezed table columns.
    expect(layout.cellWidths.slice(1).every((w) => w >= layout.rowWidth / 2 - 30)).toBe(true);
    // The same list at desktop width is still a table.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.evaluate(`getComputedStyle(document.querySelector('table.list tbody tr')).display`)).toBe('table-row');
    await context.close();
  });
});
