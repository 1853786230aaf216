/**
 * /search/ in a real browser: Pagefind's index (dist/pagefind/) loaded over HTTP, results as links, the
 * query kept in the address, and what the page offers without JavaScript (src/pages/search.astro).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { publishedPieces } from './helpers/pages.ts';

const site = e2eSite();
let browser: Browser;

/** A phrase from the theory "Local trust, not technology, is now the binding constraint on clean energy". */
const QUERY = 'binding constraint';
const THEORY_PATH = '/theories/trust-before-turbines/';

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('with JavaScript', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  test('typing a query lists matching pages as links, and a result leads to its page', async () => {
    page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(site.url('/search/'));
    const box = page.getByRole('searchbox', { name: /search essays, notes, theories and stances/i });
    expect(await box.isVisible(), 'the search form shows once its script runs').toBe(true);
    await box.fill(QUERY);
    const status = page.getByRole('status');
    await status.filter({ hasText: /\d+ results? for “binding constraint”/ }).waitFor();
    const results = page.locator('[data-search-results] > li');
    expect(await results.count()).toBeGreaterThan(0);
    const links = await page
      .locator('[data-search-results] h2 a')
      .evaluateAll((anchors) => anchors.map((anchor) => ({ href: (anchor as HTMLAnchorElement).href, text: anchor.textContent })));
    expect(links.map((link) => new URL(link.href).pathname)).toContain(THEORY_PATH);
    for (const link of links) expect(link.text?.trim()).not.toBe('');
    expect(await page.locator('[data-search-results] mark').count(), 'excerpts mark the matched words').toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(QUERY);
    expect(failed, 'every file the search loads is served').toEqual([]);

    const theory = (await publishedPieces()).find((piece) => piece.path === THEORY_PATH)!;
    await Promise.all([
      page.waitForURL((url) => url.pathname === THEORY_PATH),
      page.getByRole('link', { name: theory.title!, exact: true }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(theory.title);
  });

  test('a link with ?q= runs the search straight away', async () => {
    page = await context.newPage();
    await page.goto(site.url(`/search/?q=${encodeURIComponent(QUERY)}`));
    expect(await page.getByRole('searchbox').inputValue()).toBe(QUERY);
    await page.locator(`[data-search-results] a[href="${THEORY_PATH}"]`).first().waitFor();
  });

  test('a query with no matches says so', async () => {
    page = await context.newPage();
    await page.goto(site.url('/search/'));
    await page.getByRole('searchbox').fill('xylophonequark');
    await page
      .getByRole('status')
      .filter({ hasText: /Nothing found for “xylophonequark”/ })
      .waitFor();
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
  });
});

describe('without JavaScript', () => {
  test('the form stays hidden; the page says why and offers the topics instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.url('/search/'));
      expect(await page.getByRole('searchbox').isVisible()).toBe(false);
      // Playwright's text selectors skip <noscript>, so the message is found by its class.
      const message = page.locator('noscript .callout');
      expect(await message.isVisible()).toBe(true);
      expect(await message.innerText()).toMatch(/needs JavaScript/);
      const topics = page.getByRole('region', { name: 'Browse by topic' }).getByRole('link');
      expect(await topics.count()).toBeGreaterThan(0);
      const first = topics.first();
      const href = await first.getAttribute('href');
      await Promise.all([page.waitForURL((url) => url.pathname === href), first.click()]);
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
