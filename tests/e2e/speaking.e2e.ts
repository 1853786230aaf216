/**
 * The speaking page in a real browser: the bios' copy buttons (and the page without JavaScript), and the
 * print view organisers save as a one-sheet (src/styles/speaking.css, `@media print`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { CONTENT_DIR } from './helpers/pages.ts';

const site = e2eSite();
let browser: Browser;
/** The three bios from the fixture hub's profile.yaml, each as its paragraphs with whitespace collapsed. */
let bios: Record<'short' | 'medium' | 'long', string[]>;

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

beforeAll(async () => {
  browser = await launchBrowser();
  const profile = parseYaml(await readFile(join(CONTENT_DIR, 'profile.yaml'), 'utf8')) as {
    bio: Record<'short' | 'medium' | 'long', string>;
  };
  bios = { short: paragraphs(profile.bio.short), medium: paragraphs(profile.bio.medium), long: paragraphs(profile.bio.long) };
});

afterAll(async () => {
  await browser?.close();
});

async function openSpeaking(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(site.url('/speaking/'));
  expect(response?.status()).toBe(200);
  return page;
}

describe('copy buttons', () => {
  test('copy each bio to the clipboard and say so', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await openSpeaking(context);
      for (const length of ['short', 'medium', 'long'] as const) {
        const button = page.getByRole('button', { name: `Copy ${length} bio`, exact: true });
        expect(await button.isVisible(), `the "Copy ${length} bio" button shows`).toBe(true);
        const status = page.locator('.copy-text', { has: button }).getByRole('status');
        await button.click();
        await status.filter({ hasText: 'Copied.' }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(paragraphs(copied)).toEqual(bios[length]);
      }
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the bios are plain text and no button shows', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await openSpeaking(context);
      for (const length of ['short', 'medium', 'long'] as const) {
        const text = page.locator(`#bio-${length}`);
        expect(await text.isVisible()).toBe(true);
        expect(paragraphs(await text.innerText())).toEqual(bios[length]);
      }
      const buttons = page.locator('button');
      expect(await buttons.count()).toBeGreaterThan(0);
      for (const button of await buttons.all()) expect(await button.isVisible(), await button.innerText()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

/** Pages in a PDF Chromium wrote: one `/Type /Page` object each (the tree's root is `/Type /Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe('print view (the one-sheet)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await openSpeaking(context);
    await page.emulateMedia({ media: 'print' });
  });

  afterAll(async () => {
    await context?.close();
  });

  test('hides navigation, footers, the contents list and the buttons', async () => {
    for (const selector of ['.site-header', '.site-footer', '.skip-link', 'nav', '.toc', '.no-print', '.copy-text__actions', '.bio__use']) {
      const elements = await page.locator(selector).all();
      expect(elements.length, `${selector} is on the page`).toBeGreaterThan(0);
      for (const element of elements) expect(await element.isVisible(), `${selector} is hidden in print`).toBe(false);
    }
  });

  test('shows the one-sheet: the person, bios, topics, talks, booking and the print-only lines', async () => {
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    for (const id of ['bios', 'headshots', 'topics', 'past', 'requirements', 'booking']) {
      expect(await page.locator(`#${id}`).isVisible(), `section heading #${id}`).toBe(true);
    }
    for (const length of ['short', 'medium', 'long'] as const) expect(await page.locator(`#bio-${length}`).isVisible()).toBe(true);
    const printOnly = await page.locator('.print-only').all();
    expect(printOnly.length).toBeGreaterThan(0);
    for (const element of printOnly) expect(await element.isVisible()).toBe(true);
    expect(await page.locator('.print-only').first().innerText()).toContain(site.url('/speaking/'));
  });

  test('prints black on white', async () => {
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
  });

  test.each(['A4', 'Letter'])('saves as a PDF of one or two %s pages', async (format) => {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });
});
