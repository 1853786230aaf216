/**
 * The newsletter's email, opened in Chromium as a mail client's web view would show it: an essay of
 * the built fixture hub (read from its feed.json with the scripts' own reader), with an image given
 * by a relative address, rendered by the channel's composer and written by the dry-run renderer. At a
 * phone's width (375 px) and the email's own (600 px), light and dark: every image loads from an
 * absolute address, nothing is wider than the screen, no script is there, and the plain-text part is
 * written beside it. Screenshots go to /tmp/newsletter-shots/ for a person to look at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { composeNewsletter } from '../../scripts/channels/newsletter/compose.ts';
import { writeEmailPreview, type PreviewFiles } from '../../scripts/channels/newsletter/preview.ts';
import { loadFeed } from '../../scripts/syndicate/feed.ts';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';

const SHOTS = '/tmp/newsletter-shots';
const site = e2eSite();
let browser: Browser;
let files: PreviewFiles;
let pieceUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const feed = await loadFeed(site.dist, { cwd: site.dist, fetch: globalThis.fetch });
  const essay = feed.items.find((item) => item.kind === 'essay' && item.html);
  if (!essay) throw new Error(`${feed.label}: the fixture hub has no essay with content_html`);
  pieceUrl = essay.url;
  // Real files of the built site, addressed as an essay's Markdown would: relatively, one with its size and one without.
  const portrait = new URL(essay.author!.avatar!).pathname;
  const card = new URL(essay.card!).pathname;
  const html = `${essay.html}
<figure><img src="${portrait}" width="800" height="1000" alt="A portrait, given its size"><figcaption>A portrait, given its size.</figcaption></figure>
<p><img src="../..${card}" alt="A share card, given no size"></p>`;
  const post = await composeNewsletter({ ...essay, html });
  await mkdir(SHOTS, { recursive: true });
  files = await writeEmailPreview(post, SHOTS);
});

afterAll(async () => {
  await browser?.close();
});

test('the plain-text part is written beside the HTML', async () => {
  const text = await readFile(files.text, 'utf8');
  expect(text).toMatch(/^Subject: \S/);
  expect(text).toContain(`Read it on the web: ${pieceUrl}`);
  expect(text).not.toMatch(/<[a-z!]/i);
});

test.each([
  { width: 375, colorScheme: 'light' as const },
  { width: 600, colorScheme: 'light' as const },
  { width: 375, colorScheme: 'dark' as const },
])('at $width px ($colorScheme), the email loads every image from the site and fits the screen', async ({ width, colorScheme }) => {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      stylesheets: document.querySelectorAll('link[rel~="stylesheet"]').length,
      images: [...document.images].map((image) => ({
        src: image.getAttribute('src') ?? '',
        width: image.getAttribute('width'),
        loaded: image.complete && image.naturalWidth > 0,
        shownWidth: image.getBoundingClientRect().width,
      })),
      scrollWidth: document.documentElement.scrollWidth,
      title: document.querySelector('h1')?.textContent ?? '',
      cardBackground: getComputedStyle(document.querySelector('.card') ?? document.body).backgroundColor,
    }));
    await page.screenshot({ path: join(SHOTS, `newsletter-${width}-${colorScheme}.png`), fullPage: true });

    expect(seen.scripts).toBe(0);
    expect(seen.stylesheets).toBe(0);
    expect(seen.title).not.toBe('');
    expect(seen.images.length).toBeGreaterThanOrEqual(3);
    for (const image of seen.images) {
      expect(image.src.startsWith(`${site.origin}/`), image.src).toBe(true);
      expect(image.width, image.src).toMatch(/^\d+$/);
      expect(image.loaded, image.src).toBe(true);
      expect(image.shownWidth, image.src).toBeLessThanOrEqual(width);
    }
    expect(seen.scrollWidth).toBeLessThanOrEqual(width);
    const [r, g, b] = seen.cardBackground.match(/\d+/g)!.map(Number);
    if (colorScheme === 'dark') expect(r! + g! + b!).toBeLessThan(3 * 64);
    else expect(r! + g! + b!).toBeGreaterThan(3 * 200);
  } finally {
    await context.close();
  }
});
