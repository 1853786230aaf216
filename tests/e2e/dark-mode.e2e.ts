/**
 * Dark mode follows the reader's setting (`prefers-color-scheme`, src/styles/global.css): the same page
 * in a light and a dark browser has light-on-dark colours in the second. Whether dark mode is readable
 * (contrast) is checked by axe in accessibility.e2e.ts, in both schemes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';

const site = e2eSite();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Colours {
  background: string;
  text: string;
  link: string;
  /** What the browser reports for `(prefers-color-scheme: dark)`. */
  prefersDark: boolean;
}

async function coloursOf(path: string, colorScheme: 'light' | 'dark'): Promise<Colours> {
  const context = await browser.newContext({ colorScheme });
  try {
    const page = await context.newPage();
    await page.goto(site.url(path));
    return await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const link = document.querySelector('main a');
      return {
        background: body.backgroundColor,
        text: body.color,
        link: link ? getComputedStyle(link).color : '',
        prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
      };
    });
  } finally {
    await context.close();
  }
}

/** Relative luminance (WCAG 2) of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const channels = colour
    .match(/\d+(\.\d+)?/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${colour}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test.each(['/', '/speaking/', '/search/'])('%s turns light-on-dark when the reader prefers dark', async (path) => {
  const light = await coloursOf(path, 'light');
  const dark = await coloursOf(path, 'dark');
  expect(light.prefersDark).toBe(false);
  expect(dark.prefersDark).toBe(true);

  expect(luminance(light.background)).toBeGreaterThan(luminance(light.text));
  expect(luminance(dark.background)).toBeLessThan(0.1);
  expect(luminance(dark.text)).toBeGreaterThan(0.5);
  expect(dark.background).not.toBe(light.background);
  expect(dark.text).not.toBe(light.text);
  expect(dark.link).not.toBe(light.link);
});
