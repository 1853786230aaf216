/**
 * A content mistake made while `astro dev` runs shows where the person is looking: the page open in the
 * browser becomes an error page naming the file, the field and the fix (not the stale old page), the
 * terminal prints the same line, and once the file is fixed the page comes back by itself. The error
 * page is plain HTML, readable with JavaScript off.
 *
 * Everything is waited for by polling with generous deadlines: how fast the server notices a save
 * depends on the machine, and the test is about what happens, not how quickly.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDevServer, waitFor, type DevServer } from '../helpers/dev-server.ts';
import { makeSite } from '../helpers/site.ts';
import { launchBrowser } from './helpers/browser.ts';

const ESSAY = 'content/essays/owning-the-wind.md';
const ESSAY_PATH = '/essays/owning-the-wind/';
const BROKEN_LINE =
  'content/essays/owning-the-wind.md: date: is "2026-13-01", which is not a day on the calendar — use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00';

let site: Awaited<ReturnType<typeof makeSite>>;
let server: DevServer;
let browser: Browser;
let page: Page;
let original: string;
/** The essay's headline, as the page showed it before the mistake. */
let headline = '';

/**
 * The page's text. Under load Vite may reload the page once just after it opens (its dependency
 * optimiser finishing), which destroys the context an evaluate runs in: read again after the reload.
 */
const bodyText = async (): Promise<string> => {
  try {
    return await page.evaluate(() => document.body.innerText);
  } catch {
    await page.waitForLoadState('load');
    return page.evaluate(() => document.body.innerText);
  }
};

beforeAll(async () => {
  site = await makeSite();
  original = await readFile(join(site.root, ESSAY), 'utf8');
  expect(original).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
  server = await startDevServer(site.root);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await site?.cleanup();
});

describe('a bad date saved while astro dev runs', () => {
  test('the essay is shown before the mistake', async () => {
    const response = await page.goto(`${server.origin}${ESSAY_PATH}`);
    expect(response?.status()).toBe(200);
    headline = await page.locator('h1').first().innerText();
    expect(headline).not.toBe('');
    expect(await bodyText()).not.toContain('needs fixing');
  });

  test('the open page turns into an error page naming the file, the field and the fix', async () => {
    const broken = original.replace(/^date: .*$/m, 'date: 2026-13-01');
    await writeFile(join(site.root, ESSAY), broken);
    // The page reloads itself (Vite's client) when the content changes; nobody touches it here. A save
    // made while the file watcher is still settling (a dev server just started on a busy machine) can go
    // unseen, as an editor's would: the file is saved again every fifteen seconds until the page shows it.
    let polls = 0;
    const text = await waitFor('the open page to show the mistake', async () => {
      polls += 1;
      if (polls % 60 === 0) await writeFile(join(site.root, ESSAY), broken);
      const body = await bodyText().catch(() => '');
      return body.includes(BROKEN_LINE) ? body : undefined;
    });
    expect(text).toContain('needs fixing');
    const response = await page.goto(`${server.origin}${ESSAY_PATH}`);
    expect(response?.status()).toBe(500);
    expect(await page.locator('li').allInnerTexts()).toEqual([BROKEN_LINE]);
  });

  test('every page shows it, not a stale copy of the old site', async () => {
    const response = await page.goto(`${server.origin}/`);
    expect(response?.status()).toBe(500);
    expect(await bodyText()).toContain(BROKEN_LINE);
    expect(await bodyText()).not.toContain('1 January 2027');
  });

  test('the error page is plain, accessible HTML that needs no JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      await plain.goto(`${server.origin}${ESSAY_PATH}`);
      expect(await plain.locator('html').getAttribute('lang')).toBe('en');
      expect(await plain.title()).toContain(ESSAY);
      expect(await plain.locator('main h1').innerText()).toMatch(/needs fixing/);
      expect(await plain.locator('main li').allInnerTexts()).toEqual([BROKEN_LINE]);
    } finally {
      await context.close();
    }
  });

  test('the terminal prints the same line, once, with no stack trace', () => {
    const lines = server.output().split('\n');
    expect(lines.filter((line) => line === BROKEN_LINE)).toHaveLength(1);
    expect(server.output()).not.toMatch(/\[\w*Error\]|Stack trace|^\s+at /m);
  });

  test('fixing the file brings the essay back by itself', async () => {
    await writeFile(join(site.root, ESSAY), original);
    // Again nobody touches the page: it reloads itself once the content is good.
    await waitFor('the open page to show the essay again', async () => {
      const body = await bodyText().catch(() => '');
      return body.includes(headline) && !body.includes(BROKEN_LINE) ? true : undefined;
    });
    const response = await page.goto(`${server.origin}${ESSAY_PATH}`);
    expect(response?.status()).toBe(200);
    expect(await bodyText()).not.toContain('needs fixing');
  });
});

describe('a missing description and broken YAML, both at once', () => {
  const MISSING = 'content/essays/owning-the-wind.md: description: is missing — add a one- or two-sentence summary';

  test('are listed together, and the page comes back when both are fixed', async () => {
    const profile = await readFile(join(site.root, 'content/profile.yaml'), 'utf8');
    await writeFile(join(site.root, ESSAY), original.replace(/^description: .*\n/m, ''));
    await writeFile(join(site.root, 'content/profile.yaml'), profile.replace(/^location: .*$/m, 'location: Bristol: United Kingdom'));
    const items = await waitFor('both mistakes on the error page', async () => {
      await page.goto(`${server.origin}${ESSAY_PATH}`);
      const texts = await page.locator('main li').allInnerTexts();
      return texts.length === 2 ? texts : undefined;
    });
    expect(items).toContain(MISSING);
    expect(items.find((item) => item.startsWith('content/profile.yaml: location: is not valid YAML'))).toBeDefined();

    await writeFile(join(site.root, ESSAY), original);
    await writeFile(join(site.root, 'content/profile.yaml'), profile);
    await waitFor('the essay to come back', async () => {
      const response = await page.goto(`${server.origin}${ESSAY_PATH}`);
      return response?.status() === 200 ? true : undefined;
    });
    expect(server.output()).toContain(MISSING);
  });
});
