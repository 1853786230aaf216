/**
 * No broken internal link anywhere in the build: linkinator crawls the local server from every HTML file
 * (so pages nothing links to, like 404.html, are checked too) and from the sitemap, following every
 * href, src, srcset, meta URL, JSON-LD URL and CSS url(), and checks `#fragments` against the target
 * page's ids. Redirects count as broken: a link should name the page's real address (with its trailing
 * slash). External links are listed but not fetched: the tests run without network access.
 */
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { afterAll, expect, test } from 'vitest';
import { listPages } from '../helpers/site.ts';
import { e2eSite } from './helpers/context.ts';
import { recordFigures } from './helpers/figures.ts';

const site = e2eSite();
let checked = 0;
let broken = 0;

afterAll(async () => {
  await recordFigures(site.figuresDir, 'links', {
    kind: 'gate',
    gate: 'linkinator (internal links, fragments)',
    checked: `${checked} links`,
    failures: broken,
    failureLabel: 'broken',
  });
});

function describeLink(link: LinkResult): string {
  const failure = link.failureDetails?.map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`)).join('; ');
  return `${link.url} (${link.status ?? 'no status'}${failure ? `: ${failure}` : ''}) on ${link.parent ?? 'start page'}`;
}

type CheckOptions = Parameters<LinkChecker['check']>[0];

async function check(options: Omit<CheckOptions, 'linksToSkip'>): Promise<{ checked: number; broken: string[] }> {
  const result = await new LinkChecker().check({
    checkCss: true,
    checkFragments: true,
    redirects: 'error',
    concurrency: 20,
    timeout: 10_000,
    ...options,
    linksToSkip: async (link) => !link.startsWith(`${site.origin}/`),
  });
  const internal = result.links.filter((link) => link.state !== LinkState.SKIPPED);
  const failures = internal.filter((link) => link.state === LinkState.BROKEN).map(describeLink);
  checked += internal.length;
  broken += failures.length;
  return { checked: internal.length, broken: failures };
}

test('every internal link, image, script, stylesheet and fragment on every page resolves', async () => {
  const pages = await listPages(site.dist);
  expect(pages.length).toBeGreaterThan(20);
  const result = await check({ path: pages.map((page) => site.url(page)), recurse: true });
  expect(result.checked).toBeGreaterThan(pages.length);
  expect(result.broken).toEqual([]);
});

// With a sitemap, linkinator starts from its URLs instead of the paths given, so this is a run of its own.
test('every URL in the sitemap resolves', async () => {
  const result = await check({ path: site.url('/'), sitemap: site.url('/sitemap-index.xml') });
  expect(result.checked).toBeGreaterThan(20);
  expect(result.broken).toEqual([]);
});
