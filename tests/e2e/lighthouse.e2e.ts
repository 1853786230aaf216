/**
 * Lighthouse with its default (mobile) settings, simulated throttling included, on one page of every
 * type. Accessibility, best practices and SEO must be perfect, and nothing may visibly shift the layout. A
 * failure lists the audits that cost points.
 *
 * Two pages are kept out of search engines on purpose, and their SEO score says so rather than
 * measuring anything: the 404 page (served with status 404) and an unlisted impact page (`noindex`
 * until the person makes it public). For them SEO is not asserted; instead Lighthouse must find them
 * not indexable, so a page that should be listed can never hide among them.
 *
 * The performance score is recorded in the quality-gate figures, not asserted: part of it (Total
 * Blocking Time, the main thread's long tasks) is CPU time measured on this machine, which on a busy
 * shared machine says more about the neighbours than about the page — a gate on it would be a test
 * racing the clock. What the page itself decides is asserted instead: no layout shift.
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumPath, CHROMIUM_FLAGS, assertChromium } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { recordFigures, type LighthouseFigures } from './helpers/figures.ts';
import { pageTypes } from './helpers/pages.ts';

const site = e2eSite();
const types = await pageTypes(site.dist);
// Lighthouse will not audit a page served with status 404: the 404 page is audited at its own address.
const pages = types.map((type) => (type.name === '404' ? { ...type, path: '/404.html' } : type));
/** Cumulative layout shift below which nothing visibly moves (see the test). */
const MAX_LAYOUT_SHIFT = 0.001;
/** The page types meant to stay out of search engines (see above). */
const NOT_INDEXED = new Set(['404', 'impact']);

/** The lowest score each asserted category may have. */
const THRESHOLDS = { accessibility: 1, 'best-practices': 1, seo: 1 } as const;
type Category = keyof typeof THRESHOLDS | 'performance';
const ASSERTED = Object.keys(THRESHOLDS) as Array<keyof typeof THRESHOLDS>;
const CATEGORIES: Category[] = ['performance', ...ASSERTED];

let chrome: LaunchedChrome;
const rows: LighthouseFigures['rows'] = [];

beforeAll(async () => {
  assertChromium();
  chrome = await launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
});

afterAll(async () => {
  await recordFigures(site.figuresDir, 'lighthouse', { kind: 'lighthouse', rows });
  chrome?.kill();
});

/** What an audit found, one line per item (the image, the request, the element), trimmed to a few. */
function detailsOf(audit: Result['audits'][string]): string {
  const details = audit.details as { items?: Array<Record<string, unknown>> } | undefined;
  const items = details?.items ?? [];
  const shown = items.slice(0, 5).map((item) => {
    const fields = Object.entries(item)
      .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
      .map(([key, value]) => `${key}=${String(value)}`);
    const node = item['node'] as { snippet?: string } | undefined;
    return `\n      ${[...fields, ...(node?.snippet ? [node.snippet] : [])].join(' ')}`;
  });
  return shown.join('') + (items.length > shown.length ? `\n      … and ${items.length - shown.length} more` : '');
}

/** The audits in a category that lost points, with what Lighthouse measured. */
function lostPoints(lhr: Result, category: Category): string[] {
  return lhr.categories[category]!.auditRefs.filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map(
      (audit) => `${audit.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}${detailsOf(audit)}`,
    );
}

/**
 * One Lighthouse run, tried once more when Chromium failed to record the trace (NO_NAVSTART, NO_FCP on
 * a loaded machine): that says nothing about the page. Low scores are never retried.
 */
async function audit(url: string): Promise<Awaited<ReturnType<typeof lighthouse>>> {
  const run = () => lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  const first = await run();
  return first?.lhr.runtimeError ? run() : first;
}

test.each(pages)('$name $path', async ({ name, path }) => {
  const result = await audit(site.url(path));
  expect(result, 'Lighthouse returned a result').toBeDefined();
  const lhr = result!.lhr;
  expect(lhr.runtimeError, lhr.runtimeError?.message).toBeUndefined();
  const score = (category: Category): number | null => lhr.categories[category]?.score ?? null;
  rows.push({
    page: path,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
  });

  const asserted = NOT_INDEXED.has(name) ? ASSERTED.filter((category) => category !== 'seo') : ASSERTED;
  if (NOT_INDEXED.has(name)) {
    const indexable = lhr.audits['is-crawlable']?.score === 1 && lhr.audits['http-status-code']?.score === 1;
    expect(indexable, `${path} is kept out of search engines`).toBe(false);
  }
  const shortfalls = asserted
    .filter((category) => (score(category) ?? 0) < THRESHOLDS[category])
    .map(
      (category) =>
        `${category} ${score(category)} < ${THRESHOLDS[category]}:\n${lostPoints(lhr, category)
          .map((line) => `  ${line}`)
          .join('\n')}`,
    );
  expect(shortfalls, `Lighthouse on ${path}`).toEqual([]);
  const shifts = lhr.audits['layout-shifts'];
  // No shift a reader could see. Not exactly 0: /search/ once measured 0.0002 on a loaded machine (and 0 in
  // five other runs), a sub-pixel move whose source the layout-shifts audit did not name; Lighthouse's own
  // "good" is below 0.1, and the 0.095 this page used to have still fails here.
  expect(lhr.audits['cumulative-layout-shift']?.numericValue, `layout shift on ${path}${shifts ? detailsOf(shifts) : ''}`).toBeLessThan(
    MAX_LAYOUT_SHIFT,
  );
});
