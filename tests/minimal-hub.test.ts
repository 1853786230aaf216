/**
 * The smallest real hub (tests/fixtures/minimal: a profile with its portrait, site settings and one
 * essay) builds cleanly: no warnings, the pages and feeds a reader needs, and no link to a section that
 * is missing or empty — no Notes, Theories, Stances or Press until there is something in them. This is
 * where a person starts after replacing the sample with their own `content/`.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildHub,
  FIXTURE_MINIMAL,
  listPages,
  pageExists,
  parseXml,
  plainOutput,
  readPage,
  readText,
  SAMPLE_NOW,
  type BuiltSite,
  type Page,
} from './helpers/site.ts';

const ORIGIN = 'https://ada-okafor.example';
const ESSAY = '/essays/mend-it/';

let site: BuiltSite;
let pages: string[] = [];

beforeAll(async () => {
  site = await buildHub({ content: FIXTURE_MINIMAL, env: { HUB_NOW: SAMPLE_NOW } });
  if (site.exitCode === 0) pages = await listPages(site.dist);
});

afterAll(async () => {
  await site?.cleanup();
});

/** Links to this site's own pages and files (root-relative or absolute on the site's origin), without `#…` or `?…`. */
function internalLinks(page: Page): string[] {
  const hrefs = [...page.document.querySelectorAll('a[href], link[href]')].map((element) => element.getAttribute('href')!);
  const paths = hrefs.flatMap((href) => {
    const url = new URL(href, `${ORIGIN}${page.path}`);
    return url.origin === ORIGIN ? [url.pathname] : [];
  });
  return [...new Set(paths)];
}

function navLinks(page: Page): Array<{ label: string; path: string }> {
  return [...page.document.querySelectorAll('nav[aria-label="Main"] a')].map((link) => ({
    label: link.textContent!.trim(),
    path: link.getAttribute('href')!,
  }));
}

test('(precondition) the fixture is a profile with its portrait, site settings and one essay, nothing else', async () => {
  const entries = await readdir(FIXTURE_MINIMAL, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(FIXTURE_MINIMAL, join(entry.parentPath, entry.name)).split(sep).join('/'));
  expect(files.sort()).toEqual(['essays/mend-it.md', 'images/portrait.jpg', 'profile.yaml', 'site.yaml']);
});

test('builds, exit code 0', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

test('prints no warnings (an empty section is normal, not a mistake)', () => {
  // Astro prints its warnings as `[WARN]`, sometimes in the middle of a progress line.
  const warnings = plainOutput(site.output)
    .split('\n')
    .filter((line) => /warn/i.test(line));
  expect(warnings).toEqual([]);
});

describe('what a reader gets', () => {
  test('the home page and the essay', () => {
    expect(pageExists(site.dist, '/')).toBe(true);
    expect(pageExists(site.dist, ESSAY)).toBe(true);
  });

  test('the RSS and JSON feeds, with the essay', async () => {
    const rss = parseXml(await readText(site.dist, '/rss.xml'));
    expect(rss.rss.channel.item.map((item: { link: string }) => new URL(item.link).pathname)).toEqual([ESSAY]);
    const json = JSON.parse(await readText(site.dist, '/feed.json')) as { items: Array<{ url: string }> };
    expect(json.items.map((item) => new URL(item.url).pathname)).toEqual([ESSAY]);
  });

  test('a sitemap listing every page and nothing else', async () => {
    const index = parseXml(await readText(site.dist, '/sitemap-index.xml'));
    const listed: string[] = [];
    for (const entry of index.sitemapindex.sitemap as Array<{ loc: string }>) {
      const sitemap = parseXml(await readText(site.dist, new URL(entry.loc).pathname));
      listed.push(...(sitemap.urlset.url as Array<{ loc: string }>).map((url) => new URL(url.loc).pathname));
    }
    expect(listed).toContain('/');
    expect(listed).toContain(ESSAY);
    for (const path of listed) expect(pages, `the sitemap lists ${path}`).toContain(path);
  });
});

describe('sections with nothing in them', () => {
  test.each(['/notes/', '/theories/', '/stances/', '/press/'])('%s is not built', (path) => {
    expect(pageExists(site.dist, path)).toBe(false);
  });

  test('the main navigation links only to sections that have something', async () => {
    const home = await readPage(site.dist, '/');
    expect(navLinks(home)).toEqual([
      { label: 'Essays', path: '/essays/' },
      { label: 'Topics', path: '/tags/' },
      { label: 'Speaking', path: '/speaking/' },
      { label: 'About', path: '/about/' },
      { label: 'Search', path: '/search/' },
    ]);
  });

  test('the indexes the navigation links to list something', async () => {
    const essays = await readPage(site.dist, '/essays/');
    expect([...essays.document.querySelectorAll('main a')].map((link) => link.getAttribute('href'))).toContain(ESSAY);
    const topics = await readPage(site.dist, '/tags/');
    expect([...topics.document.querySelectorAll('main a')].map((link) => link.getAttribute('href'))).toContain('/tags/repair/');
  });

  test('the home page has the essay and no “Start here”, theories or stances', async () => {
    const home = await readPage(site.dist, '/');
    const headings = [...home.document.querySelectorAll('main h2')].map((heading) => heading.textContent!.trim());
    // Nothing is featured, so no "Start here". The speaking page is always there (bios, booking), and the
    // follow block ends the page whatever there is (the feeds, at least).
    expect(headings).toEqual(['Latest writing', 'Invite Ada to speak', 'Follow Ada']);
    expect(home.html).not.toMatch(/Nothing here yet/);
  });

  test('the footer links to neither a talks calendar nor a press page', async () => {
    const home = await readPage(site.dist, '/');
    const footer = [...home.document.querySelectorAll('footer a')].map((link) => link.getAttribute('href'));
    expect(footer).not.toContain('/talks.ics');
    expect(footer).not.toContain('/press/');
    expect(footer).toContain('mailto:ada@riverside-repair.example');
  });

  test('the speaking page has the profile’s bios and a booking address, and no empty sections', async () => {
    const speaking = await readPage(site.dist, '/speaking/');
    const sections = [...speaking.document.querySelectorAll('main h2')].map((heading) => heading.id);
    expect(sections).toEqual(['bios', 'booking']);
    expect(speaking.document.querySelectorAll('.bio')).toHaveLength(3);
    const booking = speaking.document.querySelector('#booking + p a')?.getAttribute('href') ?? '';
    expect(booking).toMatch(/^mailto:ada@riverside-repair\.example\?/);
    expect(internalLinks(speaking)).not.toContain('/press/');
    expect(internalLinks(speaking)).not.toContain('/talks.ics');
  });

  test('no page links to a page or file the build did not write', async () => {
    const missing: string[] = [];
    for (const path of pages) {
      const page = await readPage(site.dist, path);
      for (const link of internalLinks(page)) {
        if (!pageExists(site.dist, link)) missing.push(`${path} → ${link}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the same hub with its first note, talk and press quote', () => {
  const files = {
    'content/notes/2026-11-02-first-note.md': '---\ndate: 2026-11-02\n---\n\nFixed a kettle and a bicycle this morning.\n',
    'content/talks/repair-night.md': [
      '---',
      'title: Why repair is a neighbourhood habit',
      'event:',
      '  name: Leeds Makers Evening',
      'start: 2026-11-10T19:00',
      'end: 2026-11-10T20:00',
      'timezone: Europe/London',
      'location:',
      '  venue: Holbeck Workshop',
      '  city: Leeds',
      '  country: United Kingdom',
      'format: keynote',
      'length: 45',
      '---',
      '',
      'What a repair café teaches a street about owning things together.',
      '',
    ].join('\n'),
    'content/press/leeds-gazette.md': [
      '---',
      'outlet: The Leeds Gazette',
      'headline: "The co-op that fixes what the city throws away"',
      'url: https://leedsgazette.example/2026/11/repair-co-op',
      'date: 2026-11-12',
      'kind: interview',
      'quote: "Most broken things need a part, a manual and an afternoon."',
      '---',
      '',
    ].join('\n'),
  };
  let grown: BuiltSite;

  beforeAll(async () => {
    grown = await buildHub({ content: FIXTURE_MINIMAL, files, env: { HUB_NOW: SAMPLE_NOW } });
  });

  afterAll(async () => {
    await grown?.cleanup();
  });

  test('builds without warnings', () => {
    expect(grown.exitCode, plainOutput(grown.output)).toBe(0);
    expect(
      plainOutput(grown.output)
        .split('\n')
        .filter((line) => /warn/i.test(line)),
    ).toEqual([]);
  });

  test('links to the notes, the talks calendar and the press page, which now exist', async () => {
    const home = await readPage(grown.dist, '/');
    expect(navLinks(home).map((link) => link.label)).toEqual(['Essays', 'Notes', 'Topics', 'Speaking', 'About', 'Search']);
    const footer = [...home.document.querySelectorAll('footer a')].map((link) => link.getAttribute('href'));
    expect(footer).toEqual(expect.arrayContaining(['/talks.ics', '/press/']));
    for (const path of ['/notes/', '/press/', '/talks.ics', '/speaking/repair-night/'])
      expect(pageExists(grown.dist, path), path).toBe(true);
    expect(pageExists(grown.dist, '/theories/')).toBe(false);
  });

  test('without content/speaking.yaml, the press page’s contact is the person and it offers no press photos', async () => {
    const press = await readPage(grown.dist, '/press/');
    expect(press.document.querySelector('#media-contact + p a')?.getAttribute('href')).toMatch(/^mailto:ada@riverside-repair\.example\?/);
    expect(press.document.querySelector('#press-photos')).toBeNull();
    expect(press.html).toContain('Most broken things need a part, a manual and an afternoon.');
  });

  test('the speaking page lists the talk, still without headshots or AV needs', async () => {
    const speaking = await readPage(grown.dist, '/speaking/');
    const sections = [...speaking.document.querySelectorAll('main h2')].map((heading) => heading.id);
    expect(sections).toEqual(['bios', 'upcoming', 'past', 'booking']);
    expect(speaking.document.querySelector('#past')?.closest('section')?.textContent).toContain('Why repair is a neighbourhood habit');
  });
});
