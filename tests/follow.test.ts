/**
 * Following and answering (issue 13): with `follow` set in content/site.yaml, every piece and the home
 * page end with the follow block — a subscribe form posting to the provider (allowed, exactly that
 * origin, by the built `_headers`' form-action), the feeds, the person's accounts and the bridged
 * site's addresses — and every page declares the webmention endpoint; the Mastodon handle gives
 * `fediverse:creator`. Without the settings (and without a Mastodon handle) none of it is there but the
 * feeds, and `./hub check` passes both ways.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkBuiltSite } from '../scripts/check/run.ts';
import { headersFor, parseCsp, parseHeadersFile } from '../scripts/check/csp.ts';
import {
  buildHub,
  FIXTURE_MINIMAL,
  listPages,
  plainOutput,
  PROJECT_ROOT,
  readPage,
  readText,
  SAMPLE_NOW,
  type BuiltSite,
} from './helpers/site.ts';

const SUBSCRIBE = 'https://buttondown.com/api/emails/embed-subscribe/morwenna';
const WEBMENTION = 'https://webmention.io/morwennahale.example/webmention';
const FOLLOWING_SITE_YAML = `url: https://morwennahale.example
follow:
  subscribeUrl: ${SUBSCRIBE}
  webmentionEndpoint: ${WEBMENTION}
  bridgyFed: true
`;

let following: BuiltSite;
let plain: BuiltSite;

beforeAll(async () => {
  // One after the other: two builds at once would only share two cores.
  following = await buildHub({ files: { 'content/site.yaml': FOLLOWING_SITE_YAML }, env: { HUB_NOW: SAMPLE_NOW } });
  plain = await buildHub({ content: FIXTURE_MINIMAL, env: { HUB_NOW: SAMPLE_NOW } });
});

afterAll(async () => {
  await following?.cleanup();
  await plain?.cleanup();
});

/** The home page and every page of a piece (an h-entry): where the follow block belongs. */
async function followPages(site: BuiltSite): Promise<string[]> {
  const pieces: string[] = [];
  for (const path of await listPages(site.dist)) {
    if (!/^\/(essays|notes|theories)\/[^/]+\/$/.test(path)) continue;
    if ((await readPage(site.dist, path)).document.querySelector('article.h-entry')) pieces.push(path);
  }
  return ['/', ...pieces];
}

function formActionOf(site: BuiltSite, headers: string, path: string): string[] | undefined {
  const policy = headersFor(parseHeadersFile(headers), path).get('content-security-policy');
  expect(policy, `${site.dist} ${path}`).toHaveLength(1);
  return parseCsp(policy![0]!).policy.get('form-action');
}

describe('with follow set', () => {
  test('builds, and ./hub check finds nothing: the form’s origin is allowed', async () => {
    expect(following.exitCode, plainOutput(following.output)).toBe(0);
    const report = await checkBuiltSite(following.dist, PROJECT_ROOT);
    expect(report.problems).toEqual([]);
  });

  test('every piece and the home page end with the follow block and its plain subscribe form', async () => {
    const pages = await followPages(following);
    expect(pages.filter((path) => path.startsWith('/essays/')).length).toBeGreaterThan(0);
    expect(pages.filter((path) => path.startsWith('/notes/')).length).toBeGreaterThan(0);
    expect(pages.filter((path) => path.startsWith('/theories/')).length).toBeGreaterThan(0);
    for (const path of pages) {
      const { document } = await readPage(following.dist, path);
      const block = document.querySelector('aside.follow');
      expect(block, path).not.toBeNull();
      expect(block!.querySelector('h2')?.textContent, path).toBe('Follow Morwenna');
      const form = block!.querySelector('form')!;
      expect(form.getAttribute('method'), path).toBe('post');
      expect(form.getAttribute('action'), path).toBe(SUBSCRIBE);
      const email = form.querySelector('input[name="email"]')!;
      expect(email.getAttribute('type'), path).toBe('email');
      expect(document.querySelector(`label[for="${email.getAttribute('id')}"]`)?.textContent, path).toBe('Email address');
      expect(form.querySelector('input[type="hidden"][name="embed"]')?.getAttribute('value'), path).toBe('1');
      expect(form.querySelector('button[type="submit"]'), path).not.toBeNull();
    }
  });

  test('the block links the feeds, the person’s accounts and gives the site’s bridged addresses', async () => {
    const { document } = await readPage(following.dist, '/');
    const block = document.querySelector('aside.follow')!;
    const links = [...block.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['RSS', '/rss.xml'],
      ['JSON Feed', '/feed.json'],
      ['morwennahale.example', 'https://bsky.app/profile/morwennahale.example'],
      ['@morwenna@mastodon.example', 'https://mastodon.example/@morwenna'],
      ['morwenna-hale-example', 'https://www.linkedin.com/in/morwenna-hale-example'],
      ['morwennahale', 'https://x.com/morwennahale'],
      ['morwennahale', 'https://www.threads.com/@morwennahale'],
      ['morwennahale.example.web.brid.gy', 'https://bsky.app/profile/morwennahale.example.web.brid.gy'],
    ]);
    const text = block.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Follow this site itself from Mastodon or anywhere on the fediverse: @morwennahale.example@web.brid.gy');
    expect(text).toContain('Follow this site itself from Bluesky: morwennahale.example.web.brid.gy');
  });

  test('dist/_headers allows exactly the subscribe origin in form-action, for every page', async () => {
    const headers = await readText(following.dist, '/_headers');
    for (const path of ['/', '/essays/owning-the-wind/', '/search/']) {
      expect(formActionOf(following, headers, path), path).toEqual(["'self'", 'https://buttondown.com']);
    }
  });

  test('every page declares the webmention endpoint and the Mastodon account as fediverse:creator', async () => {
    for (const path of await listPages(following.dist)) {
      const { document } = await readPage(following.dist, path);
      const webmention = [...document.querySelectorAll('link[rel="webmention"]')].map((link) => link.getAttribute('href'));
      expect(webmention, path).toEqual([WEBMENTION]);
      expect(document.querySelector('head meta[name="fediverse:creator"]')?.getAttribute('content'), path).toBe(
        '@morwenna@mastodon.example',
      );
    }
  });
});

describe('without follow settings or a Mastodon handle', () => {
  test('builds, and ./hub check finds nothing', async () => {
    expect(plain.exitCode, plainOutput(plain.output)).toBe(0);
    const report = await checkBuiltSite(plain.dist, PROJECT_ROOT);
    expect(report.problems).toEqual([]);
  });

  test('the follow block offers the feeds only: no form, no accounts, no bridged addresses', async () => {
    const pages = await followPages(plain);
    expect(pages).toContain('/essays/mend-it/');
    for (const path of pages) {
      const { document } = await readPage(plain.dist, path);
      const block = document.querySelector('aside.follow');
      expect(block, path).not.toBeNull();
      expect(block!.querySelector('form'), path).toBeNull();
      expect(
        [...block!.querySelectorAll('a')].map((link) => link.getAttribute('href')),
        path,
      ).toEqual(['/rss.xml', '/feed.json']);
      expect(block!.textContent, path).not.toContain('brid.gy');
    }
  });

  test('_headers keeps form-action to the site itself; no page declares a webmention endpoint or fediverse:creator', async () => {
    const headers = await readText(plain.dist, '/_headers');
    expect(formActionOf(plain, headers, '/'), '/').toEqual(["'self'"]);
    for (const path of await listPages(plain.dist)) {
      const { document } = await readPage(plain.dist, path);
      expect(document.querySelector('link[rel="webmention"]'), path).toBeNull();
      expect(document.querySelector('meta[name="fediverse:creator"]'), path).toBeNull();
    }
  });
});
