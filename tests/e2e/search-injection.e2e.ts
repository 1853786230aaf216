/**
 * /search/ shows what strangers to the page wrote as text: a piece whose title and body hold markup
 * (written as text, so the page itself shows it as text) is found in Chromium, its title in the results
 * is the title exactly, and nothing in the results runs. The site is served without its
 * Content-Security-Policy, as GitHub Pages serves it, so a handler that reached the page would fire.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildHub, plainOutput, SAMPLE_NOW, type BuiltSite } from '../helpers/site.ts';
import { launchBrowser } from './helpers/browser.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

const TITLE = 'Q&A about <img src=x onerror=alert(1)> & "quotes" in zanzibarite';
const PATH = '/essays/markup-as-text/';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildHub({
    files: {
      'content/essays/markup-as-text.md': [
        '---',
        `title: ${JSON.stringify(TITLE)}`,
        'description: An essay about markup, written as text.',
        'date: 2026-11-01',
        '---',
        '',
        'Zanzibarite is a made-up word, so this is the only page that matches. Written as text: &lt;img src=x onerror=alert(2)&gt; and &amp;amp;.',
        '',
      ].join('\n'),
    },
    env: { HUB_NOW: SAMPLE_NOW },
  });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${plainOutput(site.output)}`);
  // No Content-Security-Policy: GitHub Pages sends none.
  await rm(join(site.dist, '_headers'), { force: true });
  server = await startStaticServer(site.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

test('the result’s title is the title as written, and nothing in the results runs', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/search/?q=zanzibarite`);
    const link = page.locator(`[data-search-results] h2 a[href="${PATH}"]`);
    await link.waitFor();
    expect(await link.textContent()).toBe(TITLE);
    expect(await page.locator('[data-search-results] img, [data-search-results] [onerror]').count()).toBe(0);
    expect(await page.locator('[data-search-results] p').allTextContents()).toContainEqual(expect.stringContaining('Zanzibarite'));
    // An injected image would have been fetched (and failed, firing its handler) by the time the page is idle.
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
  } finally {
    await context.close();
  }
});
