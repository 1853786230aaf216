/**
 * Screenshots of every page type at a phone's width and a desktop's, light and dark, for a person to
 * look at: a test can say a page is valid and accessible, not that it looks considered. Each is a full
 * page PNG named `<page type>-<width>-<scheme>.png` in one folder, printed at the end of the run:
 * `HUB_SCREENSHOTS_DIR` when set, otherwise `.cache/screenshots/` in the project (replaced each run).
 *
 * What is asserted is only what a screenshot shows at a glance and a machine can tell: the page has
 * content, and nothing is wider than the screen (a sideways scroll on a phone).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/site.ts';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { recordFigures } from './helpers/figures.ts';
import { pageTypes } from './helpers/pages.ts';

const site = e2eSite();
const types = await pageTypes(site.dist);
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const folder = process.env['HUB_SCREENSHOTS_DIR'] || join(PROJECT_ROOT, '.cache', 'screenshots');
let browser: Browser;
let taken = 0;
const tooWide: string[] = [];

beforeAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await recordFigures(site.figuresDir, 'screenshots', {
    kind: 'gate',
    gate: `screenshots, in ${folder}`,
    checked: `${types.length} page types × ${WIDTHS.join(' and ')} px × light, dark`,
    failures: tooWide.length,
    failureLabel: 'wider than the screen',
  });
});

/** A file name for a page type: "essay (MDX)" → "essay-mdx". */
const fileStem = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

test.each(types)('$name $path', async ({ name, path }) => {
  for (const colorScheme of SCHEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(site.url(path));
        const { scrollWidth, text } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          text: document.body.innerText.trim().length,
        }));
        await page.screenshot({ path: join(folder, `${fileStem(name)}-${width}-${colorScheme}.png`), fullPage: true });
        taken += 1;
        if (scrollWidth > width) tooWide.push(`${path} at ${width} px (${colorScheme}): ${scrollWidth} px wide`);
        expect(text, `${path} has text`).toBeGreaterThan(0);
        expect(scrollWidth, `${path} at ${width} px (${colorScheme}) is no wider than the screen`).toBeLessThanOrEqual(width);
      } finally {
        await context.close();
      }
    }
  }
  expect(taken).toBeGreaterThan(0);
});
