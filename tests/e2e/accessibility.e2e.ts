/**
 * axe-core on one page of every type, in a light and a dark browser: no WCAG 2.0, 2.1 or 2.2 A/AA
 * violations. Colour contrast is computed on the rendered page, so dark mode is checked for real.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { recordFigures } from './helpers/figures.ts';
import { IMPACT_PATH, pageTypes, type PageType } from './helpers/pages.ts';

const site = e2eSite();
/** Every page type, and the search page once it shows results (they are drawn by its script). */
const pages: Array<PageType & { ready?: string }> = [
  ...(await pageTypes(site.dist)),
  { name: 'search results', path: '/search/?q=binding+constraint', ready: '[data-search-results] li' },
];
// Evaluated in the page rather than added as a <script>: the site's Content-Security-Policy (served
// by the test server from dist/_headers) rightly refuses an inline script, and axe must run under it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no rule tagged wcag22a yet; it is asked for all the same). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
const contexts = new Map<(typeof SCHEMES)[number], BrowserContext>();
let checked = 0;
let violations = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  for (const colorScheme of SCHEMES) contexts.set(colorScheme, await browser.newContext({ colorScheme }));
});

afterAll(async () => {
  await recordFigures(site.figuresDir, 'accessibility', {
    kind: 'gate',
    gate: 'axe-core (WCAG 2.0/2.1/2.2 A+AA)',
    checked: `${checked} page views (${pages.length} pages × ${SCHEMES.join(', ')})`,
    failures: violations,
    failureLabel: 'violations',
  });
  await browser?.close();
});

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
  return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} ${violation.helpUrl}\n${nodes.join('\n')}`;
}

describe.each(SCHEMES)('%s', (scheme) => {
  test.each(pages)('$name $path', async ({ path, ready }) => {
    const page = await contexts.get(scheme)!.newPage();
    try {
      await page.goto(site.url(path), { waitUntil: 'load' });
      if (ready) await page.locator(ready).first().waitFor();
      await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }),
        WCAG_TAGS,
      );
      checked += 1;
      violations += results.violations.length;
      expect(results.violations, `axe on ${path} (${scheme}):\n${results.violations.map(describeViolation).join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

if (!pages.some((page) => page.path === IMPACT_PATH)) test.skip(`impact ${IMPACT_PATH}: not in this build yet`, () => {});
