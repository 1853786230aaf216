/**
 * Builds the fixture hub (tests/fixtures/hub) once and checks what a reader, a feed reader, a search
 * engine and a social network see: pages, head metadata, feeds, sitemap, structured data and
 * microformats. Expectations come from the fixture's files, read with an independent YAML parser.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mf2 } from 'microformats-parser';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { typePairing } from '../src/lib/type-pairing.ts';
import { siteSchema } from '../src/schemas/site.ts';
import {
  attr,
  buildHub,
  distFile,
  FIXTURE_HUB,
  jsonLdOfType,
  KIND_FOLDERS,
  listPages,
  meta,
  pageExists,
  parseXml,
  plainOutput,
  readContent,
  readPage,
  readText,
  SAMPLE_NOW,
  tagPath,
  type BuiltSite,
  type ContentPiece,
  type Page,
} from './helpers/site.ts';

let site: BuiltSite;
let origin: string;
let profile: { name: string; links: Array<{ label: string; url: string }> };
let published: ContentPiece[];
let unpublished: ContentPiece[];
let pages: string[];

beforeAll(async () => {
  site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW } });
  const settings = parseYaml(await readFile(join(FIXTURE_HUB, 'site.yaml'), 'utf8')) as { url: string };
  origin = new URL(settings.url).origin;
  profile = parseYaml(await readFile(join(FIXTURE_HUB, 'profile.yaml'), 'utf8')) as typeof profile;
  const all = await readContent(FIXTURE_HUB);
  const now = new Date(SAMPLE_NOW);
  published = all.filter((piece) => !piece.draft && piece.date <= now);
  unpublished = all.filter((piece) => !published.includes(piece));
  if (site.exitCode === 0) pages = await listPages(site.dist);
});

afterAll(async () => {
  await site?.cleanup();
});

const pieceKinds = ['essay', 'note', 'theory'] as const;

function isOnSite(url: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === origin;
}

describe('the fixture hub', () => {
  test('builds with exit code 0', () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
  });

  test('(precondition) the fixture has every kind published, the MDX essay, and a draft to leave out', () => {
    for (const kind of pieceKinds)
      expect(
        published.some((piece) => piece.kind === kind),
        kind,
      ).toBe(true);
    expect(unpublished.length).toBeGreaterThan(0);
    expect(published.some((piece) => piece.slug === 'say-where-you-stand')).toBe(true);
  });

  test('has the home, about, listing, tag, 404 and robots pages', () => {
    for (const path of ['/', '/about/', '/essays/', '/notes/', '/theories/', '/tags/', '/404.html', '/robots.txt']) {
      expect(pageExists(site.dist, path), path).toBe(true);
    }
  });

  test('has a page for each published essay, note and theory, including the MDX essay', () => {
    for (const piece of published) expect(pageExists(site.dist, piece.path), piece.path).toBe(true);
    expect(pageExists(site.dist, '/essays/say-where-you-stand/')).toBe(true);
  });

  test('has no page for unpublished pieces', () => {
    for (const piece of unpublished) expect(pageExists(site.dist, piece.path), piece.path).toBe(false);
  });

  test('lists each published piece on its kind’s listing page', async () => {
    for (const kind of pieceKinds) {
      const listing = await readPage(site.dist, `/${KIND_FOLDERS[kind]}/`);
      const links = new Set([...listing.document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')));
      for (const piece of published.filter((p) => p.kind === kind)) expect(links, piece.path).toContain(piece.path);
    }
  });

  test('has a page for each tag of a published piece, listed on /tags/, and none for tags only drafts use', async () => {
    const tags = new Set(published.flatMap((piece) => piece.tags));
    const index = await readPage(site.dist, '/tags/');
    const listed = new Set([...index.document.querySelectorAll('main a[href^="/tags/"]')].map((a) => a.getAttribute('href')));
    for (const tag of tags) {
      expect(pageExists(site.dist, tagPath(tag)), tag).toBe(true);
      expect(listed, tag).toContain(tagPath(tag));
      const page = await readPage(site.dist, tagPath(tag));
      const links = new Set([...page.document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')));
      for (const piece of published.filter((p) => p.tags.includes(tag))) expect(links, `${tag} → ${piece.path}`).toContain(piece.path);
    }
    const draftOnly = unpublished.flatMap((piece) => piece.tags).filter((tag) => !tags.has(tag));
    for (const tag of draftOnly) {
      expect(pageExists(site.dist, tagPath(tag)), tag).toBe(false);
      expect(listed, tag).not.toContain(tagPath(tag));
    }
  });
});

describe('pages that never embarrass', () => {
  test('an apple-touch-icon: a 180 × 180 PNG at the address iOS asks for, named by every page', async () => {
    const { width, height, format } = await sharp(await readFile(distFile(site.dist, '/apple-touch-icon.png'))).metadata();
    expect({ width, height, format }).toEqual({ width: 180, height: 180, format: 'png' });
    for (const path of ['/', '/about/', '/404.html']) {
      const { document } = await readPage(site.dist, path);
      expect(attr(document, 'link[rel="apple-touch-icon"]', 'href'), path).toBe('/apple-touch-icon.png');
    }
  });

  test('the 404 page offers search and the main sections the header lists', async () => {
    const { document } = await readPage(site.dist, '/404.html');
    const form = document.querySelector('main form[role="search"]')!;
    expect(form.getAttribute('action')).toBe('/search/');
    expect(form.querySelector('input[name="q"]')).not.toBeNull();
    const offered = [...document.querySelectorAll('main li a')].map((a) => a.getAttribute('href'));
    const header = [...document.querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href')).filter((href) => href !== '/search/');
    expect(offered).toEqual(['/', ...header]);
    expect(header).toEqual(expect.arrayContaining(['/essays/', '/notes/', '/theories/', '/stances/', '/speaking/', '/about/']));
  });

  test('no placeholder text on any page', async () => {
    for (const path of pages.filter((page) => page.endsWith('/') || page.endsWith('.html'))) {
      expect(await readText(site.dist, path), path).not.toMatch(/hub's maintainers|lorem ipsum/i);
    }
  });
});

describe('the home page', () => {
  let home: Page;
  beforeAll(async () => {
    if (site.exitCode === 0) home = await readPage(site.dist, '/');
  });
  const sectionIds = () => [...home.document.querySelectorAll('main h2')].map((heading) => heading.id);
  const linksUnder = (id: string) =>
    [...home.document.querySelectorAll(`section[aria-labelledby="${id}"] h3 a, section[aria-labelledby="${id}"] .note-text`)].map(
      (element) => element.getAttribute('href') ?? element.closest('li')?.querySelector('a.u-url')?.getAttribute('href'),
    );

  test('introduces the person, then has its sections in order', () => {
    const intro = home.document.querySelector('main .h-card')!;
    expect(intro.querySelector('h1')?.textContent?.trim()).toBe(profile.name);
    expect(intro.querySelector('img.u-photo')?.getAttribute('alt')).toBeTruthy();
    expect(intro.querySelector('.p-job-title')?.textContent).toBeTruthy();
    expect(intro.querySelector('.p-note')?.textContent).toBeTruthy();
    expect(sectionIds()).toEqual(['start-here', 'latest-writing', 'theories-in-motion', 'stances', 'speaking', 'follow-heading']);
  });

  test('“Start here” has the featured pieces, numbered ones first, and they are not repeated below', () => {
    const featured = published.filter((piece) => piece.data['featured'] !== undefined && piece.data['featured'] !== false);
    const position = (piece: ContentPiece) => (typeof piece.data['featured'] === 'number' ? piece.data['featured'] : Infinity);
    const expected = featured.sort((a, b) => position(a) - position(b) || b.date.getTime() - a.date.getTime()).map((piece) => piece.path);
    expect(expected.length, '(precondition) the fixture features pieces').toBeGreaterThan(1);
    expect(linksUnder('start-here')).toEqual(expected.slice(0, 3));
    const below = [...linksUnder('latest-writing'), ...linksUnder('theories-in-motion')];
    for (const path of expected) expect(below, path).not.toContain(path);
  });

  test('latest writing is essays and notes newest first; stances link to /stances/', () => {
    const latest = linksUnder('latest-writing');
    const dates = latest.map((path) => published.find((piece) => piece.path === path)!.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(latest.every((path) => /^\/(essays|notes)\//.test(path ?? ''))).toBe(true);
    const stances = [...home.document.querySelectorAll('section[aria-labelledby="stances"] a')].map((a) => a.getAttribute('href'));
    expect(stances).toContain('/stances/');
  });

  test('the speaking invitation links to /speaking/ and names the first upcoming talk listed there', async () => {
    const speaking = await readPage(site.dist, '/speaking/');
    const firstUpcoming = speaking.document.querySelector('#upcoming ~ .talk-list h3 a')?.getAttribute('href');
    const invite = home.document.querySelector('section[aria-labelledby="speaking"]')!;
    expect([...invite.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/speaking/', firstUpcoming]);
  });
});

describe('robots.txt and sitemap', () => {
  test('robots.txt points at the sitemap index with an absolute URL', async () => {
    const robots = await readText(site.dist, '/robots.txt');
    expect(robots).toMatch(new RegExp(`^Sitemap: ${origin.replace(/\./g, '\\.')}/sitemap-index\\.xml$`, 'm'));
  });

  test('the sitemap index lists sitemap-0.xml by absolute URL', async () => {
    const index = parseXml(await readText(site.dist, '/sitemap-index.xml'));
    const locs: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(locs).toContain(`${origin}/sitemap-0.xml`);
    expect(pageExists(site.dist, '/sitemap-0.xml')).toBe(true);
  });

  test('sitemap-0.xml lists every page by absolute URL on the site, and not the 404 page or the unlisted impact page', async () => {
    const sitemap = parseXml(await readText(site.dist, '/sitemap-0.xml'));
    const locs: string[] = sitemap.urlset.url.map((entry: { loc: string }) => entry.loc);
    for (const loc of locs) expect(isOnSite(loc), loc).toBe(true);
    const paths = locs.map((loc) => new URL(loc).pathname);
    expect(paths.some((path) => path.includes('404'))).toBe(false);
    const expected = pages.filter((page) => page !== '/404.html' && page !== '/impact/');
    expect(new Set(paths)).toEqual(new Set(expected));
    for (const piece of unpublished) expect(paths).not.toContain(piece.path);
  });
});

describe('/rss.xml', () => {
  let channel: any;
  beforeAll(async () => {
    const rss = parseXml(await readText(site.dist, '/rss.xml'));
    expect(rss.rss['@_version']).toBe('2.0');
    channel = rss.rss.channel;
  });

  test('is RSS 2.0 with a title, a link to the site and one item per published piece', () => {
    expect(channel.title).toBeTruthy();
    expect(new URL(channel.link).origin).toBe(origin);
    const links = channel.item.map((item: { link: string }) => new URL(item.link).pathname);
    expect(new Set(links)).toEqual(new Set(published.map((piece) => piece.path)));
  });

  test('lists items newest first', () => {
    const dates = channel.item.map((item: { pubDate: string }) => new Date(item.pubDate).getTime());
    for (const date of dates) expect(Number.isNaN(date)).toBe(false);
    expect(dates).toEqual([...dates].sort((a: number, b: number) => b - a));
  });

  test('carries every published kind, full content and absolute links', () => {
    const paths: string[] = channel.item.map((item: { link: string }) => new URL(item.link).pathname);
    for (const folder of ['/essays/', '/notes/', '/theories/'])
      expect(
        paths.some((path) => path.startsWith(folder)),
        folder,
      ).toBe(true);
    for (const item of channel.item) {
      expect(isOnSite(item.link), item.link).toBe(true);
      expect(typeof item['content:encoded'], item.link).toBe('string');
      expect(item['content:encoded'].length, item.link).toBeGreaterThan(20);
      // Root-relative links or images would break in a feed reader.
      expect(item['content:encoded'], item.link).not.toMatch(/\b(?:href|src)="\/(?!\/)/);
      if (item.guid) expect(isOnSite(typeof item.guid === 'string' ? item.guid : item.guid['#text'])).toBe(true);
    }
  });
});

describe('/feed.json', () => {
  let feed: any;
  beforeAll(async () => {
    feed = JSON.parse(await readText(site.dist, '/feed.json'));
  });

  test('is a JSON Feed 1.1 with title, home page and feed URLs', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.title.length).toBeGreaterThan(0);
    expect(feed.home_page_url).toBe(`${origin}/`);
    expect(feed.feed_url).toBe(`${origin}/feed.json`);
  });

  test('has one item per published piece, newest first', () => {
    const paths = feed.items.map((item: { url: string }) => new URL(item.url).pathname);
    expect(new Set(paths)).toEqual(new Set(published.map((piece) => piece.path)));
    expect(paths.length).toBe(published.length);
    const dates = feed.items.map((item: { date_published: string }) => Date.parse(item.date_published));
    expect(dates).toEqual([...dates].sort((a: number, b: number) => b - a));
  });

  test('gives every item the fields the syndication scripts read', () => {
    for (const item of feed.items) {
      const label = item.url;
      for (const field of ['id', 'url', 'title', 'summary', 'content_html', 'date_published', 'date_modified', 'image']) {
        expect(typeof item[field], `${label} ${field}`).toBe('string');
        expect(item[field].length, `${label} ${field}`).toBeGreaterThan(0);
      }
      expect(isOnSite(item.url), label).toBe(true);
      expect(isOnSite(item.id), label).toBe(true);
      expect(new URL(item.image).protocol, label).toBe('https:');
      expect(Number.isNaN(Date.parse(item.date_published)), label).toBe(false);
      expect(Date.parse(item.date_modified), label).toBeGreaterThanOrEqual(Date.parse(item.date_published));
      expect(Array.isArray(item.tags), label).toBe(true);

      const piece = published.find((p) => p.path === new URL(item.url).pathname)!;
      const ext = item._syndication;
      expect(ext, label).toMatchObject({ version: 1, kind: piece.kind, slug: piece.slug });
      expect(typeof ext.text, label).toBe('string');
      expect(ext.text.length, label).toBeGreaterThan(0);
      expect(Array.isArray(ext.skip), label).toBe(true);
      expect(typeof ext.overrides, label).toBe('object');
      expect(isOnSite(ext.card), label).toBe(true);
      expect(item.tags, label).toEqual(piece.tags);
      if (piece.title) expect(item.title, label).toBe(piece.title);
    }
  });

  test('carries the per-network override written in an essay’s front matter', () => {
    const essay = published.find((piece) => piece.slug === 'owning-the-wind')!;
    const written = (essay.data['syndication'] as { text: { bluesky: string } }).text.bluesky;
    const item = feed.items.find((i: { url: string }) => new URL(i.url).pathname === '/essays/owning-the-wind/');
    expect(item._syndication.overrides).toEqual({ bluesky: written });
  });

  test('renders the MDX essay’s body, expressions included', async () => {
    const source = await readFile(join(FIXTURE_HUB, 'essays/say-where-you-stand.mdx'), 'utf8');
    const value = /export const cost = '([^']+)'/.exec(source)?.[1];
    expect(value).toBeTruthy();
    const item = feed.items.find((i: { url: string }) => new URL(i.url).pathname === '/essays/say-where-you-stand/');
    expect(item.content_html).toContain(`It has cost Tidewater ${value}.`);
    expect(item.content_html).toContain('<aside');
    expect(item.content_html).toMatch(/<h2[^>]*>The case for beige<\/h2>/);
  });
});

describe('every HTML page', () => {
  let all: Page[];
  beforeAll(async () => {
    all = await Promise.all(pages.map((path) => readPage(site.dist, path)));
  });

  test('there are pages to check', () => {
    expect(all.length).toBeGreaterThanOrEqual(published.length + 7);
  });

  test('has a title of at most 70 characters, a description and an absolute canonical URL (none on the noindex pages)', () => {
    for (const { path, document } of all) {
      const title = document.querySelector('title')?.textContent?.trim() ?? '';
      expect(title, path).toBeTruthy();
      expect(title.length, `${path}: ${title}`).toBeLessThanOrEqual(70);
      expect(meta(document, 'description'), path).toBeTruthy();
      const canonical = attr(document, 'link[rel="canonical"]', 'href');
      if (path === '/404.html' || path === '/impact/') {
        // The 404 page is served at any address that does not exist: it has none of its own to declare.
        // The impact page is unlisted in the fixture (noindex): a canonical URL would ask engines to index it.
        expect(canonical, path).toBeNull();
        continue;
      }
      expect(canonical, path).toBeTruthy();
      expect(isOnSite(canonical!), path).toBe(true);
      expect(new URL(canonical!).pathname, path).toBe(path);
    }
  });

  test('has Open Graph and Twitter card metadata with an absolute image that exists', () => {
    for (const { path, document } of all) {
      expect(meta(document, 'og:title'), path).toBeTruthy();
      expect(meta(document, 'og:type'), path).toMatch(/^(website|article|profile)$/);
      expect(meta(document, 'og:url'), path).toBe(attr(document, 'link[rel="canonical"]', 'href'));
      const image = meta(document, 'og:image');
      expect(image, path).toBeTruthy();
      expect(isOnSite(image!), path).toBe(true);
      expect(existsSync(distFile(site.dist, new URL(image!).pathname)), `${path}: ${image}`).toBe(true);
      expect(Number(meta(document, 'og:image:width')), path).toBeGreaterThan(0);
      expect(Number(meta(document, 'og:image:height')), path).toBeGreaterThan(0);
      expect(meta(document, 'og:image:alt'), path).toBeTruthy();
      expect(meta(document, 'twitter:card'), path).toBe('summary_large_image');
      expect(meta(document, 'twitter:image'), path).toBe(image);
    }
  });

  test('piece pages are Open Graph articles', () => {
    for (const piece of published) {
      const page = all.find((p) => p.path === piece.path)!;
      expect(meta(page.document, 'og:type'), piece.path).toBe('article');
    }
  });

  test('links the RSS and JSON feeds for autodiscovery', () => {
    for (const { path, document } of all) {
      const rss = attr(document, 'link[rel="alternate"][type="application/rss+xml"]', 'href');
      const json = attr(document, 'link[rel="alternate"][type="application/feed+json"]', 'href');
      expect(rss && new URL(rss, `${origin}${path}`).href, path).toBe(`${origin}/rss.xml`);
      expect(json && new URL(json, `${origin}${path}`).href, path).toBe(`${origin}/feed.json`);
    }
  });

  test('links each profile in content/profile.yaml with rel="me"', () => {
    const expected = profile.links.map((link) => link.url);
    expect(expected.length).toBeGreaterThan(0);
    for (const { path, document } of all) {
      const me = [...document.querySelectorAll('link[rel~="me"]')].map((link) => link.getAttribute('href'));
      expect(new Set(me), path).toEqual(new Set(expected));
    }
  });

  test('has a skip link to the <main> landmark', () => {
    for (const { path, document } of all) {
      const mains = document.querySelectorAll('main');
      expect(mains.length, path).toBe(1);
      const skip = document.querySelector('body a[href^="#"]');
      expect(skip, path).not.toBeNull();
      const target = document.getElementById(skip!.getAttribute('href')!.slice(1));
      expect(target?.tagName.toLowerCase(), path).toBe('main');
    }
  });

  test('gives every image an alt attribute', () => {
    let images = 0;
    for (const { path, document } of all) {
      for (const img of document.querySelectorAll('img')) {
        images += 1;
        expect(img.hasAttribute('alt'), `${path}: ${img.outerHTML}`).toBe(true);
      }
    }
    expect(images).toBeGreaterThan(0);
  });
});

describe('structured data', () => {
  async function personAndProfilePage(path: string): Promise<{ personId: string; mainEntityId: string }> {
    const { document } = await readPage(site.dist, path);
    const [profilePage] = jsonLdOfType(document, 'ProfilePage');
    const [person] = jsonLdOfType(document, 'Person');
    expect(profilePage, path).toBeDefined();
    expect(person, path).toBeDefined();
    expect(person!['name'], path).toBe(profile.name);
    return { personId: person!['@id'] as string, mainEntityId: (profilePage!['mainEntity'] as { '@id': string })['@id'] };
  }

  test('home and about pages have a ProfilePage about the same Person @id', async () => {
    const home = await personAndProfilePage('/');
    const about = await personAndProfilePage('/about/');
    expect(home.personId).toBeTruthy();
    expect(isOnSite(home.personId)).toBe(true);
    expect(home.mainEntityId).toBe(home.personId);
    expect(about.mainEntityId).toBe(about.personId);
    expect(about.personId).toBe(home.personId);
  });

  test('each piece page has a BlogPosting whose author is that Person', async () => {
    const { personId } = await personAndProfilePage('/');
    for (const piece of published) {
      const { document } = await readPage(site.dist, piece.path);
      const postings = jsonLdOfType(document, 'BlogPosting');
      expect(postings.length, piece.path).toBe(1);
      const posting = postings[0]!;
      expect((posting['author'] as { '@id': string })['@id'], piece.path).toBe(personId);
      expect(posting['url'], piece.path).toBe(`${origin}${piece.path}`);
      if (piece.title) expect(posting['headline'], piece.path).toBe(piece.title);
      expect(Date.parse(posting['datePublished'] as string), piece.path).toBe(piece.date.getTime());
    }
  });
});

describe('essay pages', () => {
  test('ship no client JavaScript: every <script> is JSON-LD', async () => {
    const essays = published.filter((piece) => piece.kind === 'essay');
    for (const essay of essays) {
      const { document, html } = await readPage(site.dist, essay.path);
      const scripts = [...document.querySelectorAll('script')];
      expect(scripts.length, essay.path).toBeGreaterThan(0);
      for (const script of scripts) expect(script.getAttribute('type'), essay.path).toBe('application/ld+json');
      expect(html, essay.path).not.toMatch(/<link[^>]+rel="modulepreload"/);
    }
  });
});

describe('reading: the ways on from an essay', () => {
  const OWNING = '/essays/owning-the-wind/';
  let page: Page;
  beforeAll(async () => {
    page = await readPage(site.dist, OWNING);
  });
  const links = (selector: string): Array<{ text: string; href: string | null }> =>
    [...page.document.querySelectorAll(selector)].map((a) => ({
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: a.getAttribute('href'),
    }));

  test('every published essay links to the published essays before and after it, by date, and the ends have one side only', async () => {
    const essays = published.filter((piece) => piece.kind === 'essay').sort((a, b) => a.date.getTime() - b.date.getTime());
    expect(essays.length).toBeGreaterThanOrEqual(3);
    for (const [index, essay] of essays.entries()) {
      const { document } = await readPage(site.dist, essay.path);
      expect(document.querySelector('nav.pager a[rel="prev"]')?.getAttribute('href') ?? undefined, essay.path).toBe(
        essays[index - 1]?.path,
      );
      expect(document.querySelector('nav.pager a[rel="next"]')?.getAttribute('href') ?? undefined, essay.path).toBe(
        essays[index + 1]?.path,
      );
    }
  });

  test('lists related pieces sharing tags, newest first, leaving out those listed under "Builds on" and "Cited by"', () => {
    // owning-the-wind cites trust-before-turbines, which cites it back: listed above, not again. The
    // village-hall note (5 Oct) shares "community energy" and members-not-customers (3 June) shares
    // "ownership"; the draft grid-queues essay shares "planning" but is not published.
    expect(links('.backlinks a').map((link) => link.href)).toContain('/theories/trust-before-turbines/');
    expect(links('.related a').map((link) => link.href)).toEqual(['/notes/2026-10-05-village-hall/', '/essays/members-not-customers/']);
  });

  test('offers share links that need no script, each carrying the essay’s address', () => {
    const share = links('.share a');
    expect(share.map((link) => link.text)).toEqual(['Bluesky', 'Mastodon', 'LinkedIn', 'X', 'Email']);
    const address = `${origin}${OWNING}`;
    for (const link of share) expect(decodeURIComponent(link.href!), link.text).toContain(address);
    expect(share.map((link) => new URL(link.href!).protocol)).toEqual(['https:', 'https:', 'https:', 'https:', 'mailto:']);
  });

  test('keeps prose to a reading measure, set in ch', async () => {
    const css = (
      await Promise.all(
        [...page.document.querySelectorAll('link[rel="stylesheet"]')].map((link) => readText(site.dist, link.getAttribute('href')!)),
      )
    ).join('\n');
    const measure = /\.prose\b[^{]*\{[^}]*max-width:\s*(\d+)ch/.exec(css);
    expect(measure, 'a max-width in ch on .prose').not.toBeNull();
    expect(Number(measure![1])).toBeGreaterThanOrEqual(60);
    expect(Number(measure![1])).toBeLessThanOrEqual(75);
  });
});

describe('microformats', () => {
  function parse(page: Page): ReturnType<typeof mf2> {
    return mf2(page.html, { baseUrl: `${origin}${page.path}` });
  }

  test('home and about pages carry an h-card for the person, with photo and URL', async () => {
    for (const path of ['/', '/about/']) {
      const parsed = parse(await readPage(site.dist, path));
      const card = parsed.items.find((item) => item.type?.includes('h-card'));
      expect(card, path).toBeDefined();
      expect(card!.properties['name'], path).toEqual([profile.name]);
      const photo = card!.properties['photo']?.[0] as { value: string; alt: string } | string | undefined;
      expect(photo, path).toBeDefined();
      expect(typeof photo === 'string' ? photo : photo!.value, path).toMatch(/^https:\/\//);
      expect(parsed.rels['me'] ?? [], path).toEqual(expect.arrayContaining(profile.links.map((link) => link.url)));
    }
    const home = parse(await readPage(site.dist, '/'));
    const card = home.items.find((item) => item.type?.includes('h-card'))!;
    expect(card.properties['url']).toContain(`${origin}/`);
  });

  test('each piece page is an h-entry with its URL, publication date, content and author h-card', async () => {
    for (const piece of published) {
      const parsed = parse(await readPage(site.dist, piece.path));
      const entries = parsed.items.filter((item) => item.type?.includes('h-entry'));
      expect(entries.length, piece.path).toBe(1);
      const entry = entries[0]!;
      expect(entry.properties['url'], piece.path).toContain(`${origin}${piece.path}`);
      expect(Date.parse(entry.properties['published']?.[0] as string), piece.path).toBe(piece.date.getTime());
      expect(entry.properties['content']?.length, piece.path).toBe(1);
      if (piece.title) expect(entry.properties['name'], piece.path).toEqual([piece.title]);
      const author = entry.properties['author']?.[0];
      expect(typeof author === 'object' && 'type' in author && author.type, piece.path).toEqual(['h-card']);
      expect((author as { properties: Record<string, unknown[]> }).properties['name'], piece.path).toEqual([profile.name]);
      expect(entry.properties['category'], piece.path).toEqual(piece.tags.length > 0 ? piece.tags : undefined);
    }
  });
});

describe('self-hosted fonts (theme.typePairing)', () => {
  /** Every @font-face rule of the site's stylesheets, as descriptor → value. */
  async function fontFaces(page: Page): Promise<Array<Record<string, string>>> {
    const rules: Array<Record<string, string>> = [];
    for (const link of page.document.querySelectorAll('link[rel="stylesheet"]')) {
      const css = await readText(site.dist, link.getAttribute('href')!);
      for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
        const rule: Record<string, string> = {};
        for (const declaration of body!.split(';')) {
          const at = declaration.indexOf(':');
          if (at > 0) rule[declaration.slice(0, at).trim()] = declaration.slice(at + 1).trim();
        }
        rules.push(rule);
      }
    }
    return rules;
  }
  const urlsOf = (src: string): string[] => [...src.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((match) => match[1]!);

  test('every page preloads the latin upright of both faces, files that exist in dist, same-origin', async () => {
    const settings = siteSchema.parse(parseYaml(await readFile(join(FIXTURE_HUB, 'site.yaml'), 'utf8')));
    const pairing = typePairing(settings.theme.typePairing);
    for (const path of pages) {
      const { document } = await readPage(site.dist, path);
      const preloads = [...document.querySelectorAll('link[rel="preload"][as="font"]')];
      expect(
        preloads.map((link) => /\/([a-z0-9-]+-latin-wght-normal)\.[\w-]+\.woff2$/.exec(link.getAttribute('href') ?? '')?.[1]),
        path,
      ).toEqual([pairing.prose, pairing.interface].map((face) => `${face.id}-latin-wght-normal`));
      for (const link of preloads) {
        const href = link.getAttribute('href')!;
        expect(href, path).toMatch(/^\/_astro\//);
        expect(existsSync(distFile(site.dist, href)), href).toBe(true);
        expect(link.getAttribute('type'), path).toBe('font/woff2');
        // A font preload without crossorigin is fetched twice.
        expect(link.hasAttribute('crossorigin'), path).toBe(true);
      }
    }
  });

  test('@font-face rules point at files in dist, swap, and each face has a fallback with size-adjust', async () => {
    const rules = await fontFaces(await readPage(site.dist, '/'));
    const webFonts = rules.filter((rule) => rule['src']?.includes('url('));
    const fallbacks = rules.filter((rule) => rule['src']?.includes('local('));
    expect(webFonts.length).toBeGreaterThanOrEqual(4);
    for (const rule of webFonts) {
      expect(rule['font-display']).toBe('swap');
      for (const url of urlsOf(rule['src']!)) {
        expect(url).toMatch(/^\/_astro\/.+\.woff2$/);
        expect(existsSync(distFile(site.dist, url)), url).toBe(true);
      }
    }
    const families = new Set(webFonts.map((rule) => rule['font-family']!.replace(/["']/g, '')));
    for (const family of families) {
      const fallback = fallbacks.filter((rule) => rule['font-family']!.replace(/["']/g, '') === `${family} fallback`);
      expect(fallback.length, family).toBeGreaterThan(0);
      for (const rule of fallback) {
        expect(rule['size-adjust'], family).toMatch(/^\d+(\.\d+)?%$/);
        expect(rule['ascent-override'], family).toMatch(/^\d+(\.\d+)?%$/);
      }
    }
  });
});
