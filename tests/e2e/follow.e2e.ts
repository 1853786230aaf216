/**
 * The follow block in a real browser (issue 13, item 2), on a fixture hub built with every `follow`
 * setting and served, like every e2e site, under its built `_headers`: the subscribe form is reached
 * from the keyboard with a visible focus ring, and submitting it — JavaScript off — posts the address
 * to the provider's origin, which the Content-Security-Policy's form-action allows (a local server on
 * port 0 stands in for Buttondown's embed-subscribe endpoint). axe finds nothing on the pages with the
 * block, light and dark.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, plainOutput, PROJECT_ROOT, SAMPLE_NOW, type BuiltSite } from '../helpers/site.ts';
import { launchBrowser } from './helpers/browser.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** The home page and a piece of each kind: every page with the block. */
const PAGES = ['/', '/essays/owning-the-wind/', '/notes/2026-10-05-village-hall/', '/theories/trust-before-turbines/'];
/** The most Tab presses it may take from the top of an essay to the email field. */
const MAX_TABS = 300;

let site: BuiltSite;
let server: StaticServer;
let provider: Server;
let providerOrigin: string;
/** The bodies of the form posts the provider received, and where each came from. */
const subscriptions: Array<{ body: string; contentType: string | undefined; path: string }> = [];
let browser: Browser;

beforeAll(async () => {
  provider = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST') subscriptions.push({ body, contentType: request.headers['content-type'], path: request.url ?? '' });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Thanks</title><p>Thanks');
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerOrigin = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  server = await startStaticServer();
  site = await buildHub({
    files: {
      'content/site.yaml': [
        `url: ${server.origin}`,
        'follow:',
        `  subscribeUrl: ${providerOrigin}/api/emails/embed-subscribe/morwenna`,
        '  webmentionEndpoint: https://webmention.io/morwennahale.example/webmention',
        '  bridgyFed: true',
        '',
      ].join('\n'),
    },
    env: {
      HUB_NOW: SAMPLE_NOW,
      SITE_URL: server.origin,
      HUB_CARD_CACHE: process.env['HUB_CARD_CACHE'] ?? join(PROJECT_ROOT, '.cache/cards'),
    },
  });
  if (site.exitCode !== 0) throw new Error(`The fixture hub with follow settings did not build:\n${plainOutput(site.output)}`);
  server.setRoot(site.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise<void>((resolve) => (provider ? provider.close(() => resolve()) : resolve()));
  await site?.cleanup();
});

/** Presses Tab until the email field has focus; how many presses it took, or undefined if it never did. */
async function tabToEmail(page: Page): Promise<number | undefined> {
  for (let presses = 1; presses <= MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'follow-email')) return presses;
  }
  return undefined;
}

describe('the subscribe form', () => {
  test('is reached from the keyboard with a visible focus ring, and posts the address to the provider with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(new URL('/essays/owning-the-wind/', server.origin).href);
      expect(await tabToEmail(page), 'Tab reaches the email field').toBeDefined();
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      await page.keyboard.type('reader@example.org');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.textContent?.trim())).toBe('Subscribe');
      await Promise.all([page.waitForURL(`${providerOrigin}/**`), page.keyboard.press('Enter')]);
      expect(await page.title()).toBe('Thanks');
      expect(subscriptions).toEqual([
        {
          body: 'email=reader%40example.org&embed=1',
          contentType: 'application/x-www-form-urlencoded',
          path: '/api/emails/embed-subscribe/morwenna',
        },
      ]);
    } finally {
      await context.close();
    }
  });
});

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
  test.each(PAGES)('%s', async (path) => {
    const context = await browser.newContext({ colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
      expect(await page.locator('aside.follow form').count(), 'the page has the form').toBe(1);
      await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }),
        WCAG_TAGS,
      );
      const found = results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
      expect(found, `axe on ${path} (${colorScheme})`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
