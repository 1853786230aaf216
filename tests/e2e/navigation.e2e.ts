/**
 * A reader's path through the site by clicking real links, as a person would: home → an essay → the
 * theory it builds on → speaking (main navigation); the impact page, unlisted in the fixture hub (the
 * default `impact.visibility`), is not in the navigation and opens by its address.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { IMPACT_PATH, publishedPieces } from './helpers/pages.ts';

const site = e2eSite();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Clicks a link and waits for the page it leads to; returns that page's HTTP status. */
async function follow(link: ReturnType<Page['locator']>): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForEvent('response', (response) => response.request().isNavigationRequest()),
    link.click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

const pathname = (): string => new URL(page.url()).pathname;
const mainNav = (label: string): ReturnType<Page['locator']> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });

test('home → essay → theory → speaking, by clicking links; the unlisted impact page by its address', async () => {
  const pieces = await publishedPieces();
  // An essay that builds on a theory, so the essay page links to it.
  const essay = pieces.find(
    (piece) => piece.kind === 'essay' && ((piece.data['cites'] as { theories?: string[] } | undefined)?.theories ?? []).length > 0,
  );
  expect(essay, 'the fixture hub has a published essay citing a theory').toBeDefined();
  const theorySlug = (essay!.data['cites'] as { theories: string[] }).theories[0]!;
  const theory = pieces.find((piece) => piece.kind === 'theory' && piece.slug === theorySlug)!;

  const home = await page.goto(site.url('/'));
  expect(home?.status()).toBe(200);

  expect(await follow(page.getByRole('main').getByRole('link', { name: essay!.title!, exact: true }).first())).toBe(200);
  expect(pathname()).toBe(essay!.path);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(essay!.title);

  expect(await follow(page.getByRole('main').getByRole('link', { name: theory.title!, exact: true }).first())).toBe(200);
  expect(pathname()).toBe(theory.path);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(theory.title);

  expect(await follow(mainNav('Speaking'))).toBe(200);
  expect(pathname()).toBe('/speaking/');
  expect(await mainNav('Speaking').getAttribute('aria-current')).toBe('page');

  expect(await mainNav('Impact').count(), 'unlisted: no "Impact" link in the main navigation (src/components/SiteHeader.astro)').toBe(0);
  const impact = await page.goto(site.url(IMPACT_PATH));
  expect(impact?.status()).toBe(200);
  expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
});

test('on a 390 px phone the header is one row, and its Menu opens the main navigation without script', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  try {
    const phone = await context.newPage();
    await phone.goto(site.url('/'));
    const header = await phone.locator('.site-header').boundingBox();
    const name = await phone.locator('.site-name').boundingBox();
    const menu = phone.locator('.site-menu > summary');
    const summary = await menu.boundingBox();
    expect(header!.height, 'one row: the name and "Menu"').toBeLessThan(80);
    expect(Math.abs(summary!.y + summary!.height / 2 - (name!.y + name!.height / 2))).toBeLessThan(4);
    const speaking = phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Speaking', exact: true });
    expect(await speaking.isVisible()).toBe(false);
    await menu.click();
    expect(await speaking.isVisible()).toBe(true);
    await Promise.all([phone.waitForURL((url) => url.pathname === '/speaking/'), speaking.click()]);
  } finally {
    await context.close();
  }
});

test('from 48rem the main navigation shows as a row, with no "Menu" to press', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const desktop = await context.newPage();
    await desktop.goto(site.url('/'));
    expect(await desktop.locator('.site-menu > summary').isVisible()).toBe(false);
    const links = desktop.getByRole('navigation', { name: 'Main' }).getByRole('link');
    const boxes = await Promise.all((await links.all()).map((link) => link.boundingBox()));
    expect(boxes.every((box) => box !== null && box.y === boxes[0]!.y)).toBe(true);
  } finally {
    await context.close();
  }
});
