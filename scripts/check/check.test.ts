/**
 * `./hub check` on hand-made built sites: a clean one passes, and each kind of problem a person's
 * content can cause is found and named with its page.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../lib/site-builder.ts';
import { checkBuiltSite } from './run.ts';

const ORIGIN = 'https://ada.example';
const HEADERS = "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:\n";

let dist: string;
afterEach(() => rm(dist, { recursive: true, force: true }));

function page(path: string, body: string, { card = '/cards/home.png' }: { card?: string | null } = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Ada</title>
    <link rel="canonical" href="${ORIGIN}${path}">
    ${card ? `<meta property="og:image" content="${ORIGIN}${card}">` : ''}
    <link rel="stylesheet" href="/_astro/site.css">
  </head>
  <body>
    <main id="main">${body}</main>
  </body>
</html>
`;
}

async function site(files: Record<string, string | Buffer>): Promise<string> {
  dist = await mkdtemp(join(tmpdir(), 'hub-check-'));
  const card = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
  const all: Record<string, string | Buffer> = {
    _headers: HEADERS,
    '_astro/site.css': 'body { margin: 0; }\n',
    'cards/home.png': card,
    'index.html': page('/', '<p><a href="/essays/one/">One</a> and <a href="/essays/one/#why">why</a></p>'),
    'essays/one/index.html': page('/essays/one/', '<h1 id="why">Why</h1><p><a href="https://elsewhere.example/x">elsewhere</a></p>'),
    ...files,
  };
  for (const [path, contents] of Object.entries(all)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), contents);
  }
  return dist;
}

test('a clean site passes every check', async () => {
  const report = await checkBuiltSite(await site({}), PROJECT_ROOT);
  expect(report.problems).toEqual([]);
  expect(report.summary.join('\n')).toMatch(/links +8 internal links on 2 pages: 0 problems/);
});

test('broken links, a missing trailing slash and a missing fragment are each named with their page', async () => {
  const report = await checkBuiltSite(
    await site({
      'essays/two/index.html': page(
        '/essays/two/',
        '<p><a href="/essays/gone/">gone</a> <a href="/essays/one">slash</a> <a href="/essays/one/#nowhere">frag</a> <img src="/images/none.jpg" alt="none"></p>',
      ),
    }),
    PROJECT_ROOT,
  );
  expect(report.problems).toEqual([
    '/essays/two/: link /essays/gone/ names no file in the build',
    '/essays/two/: link /essays/one needs a trailing slash (/essays/one/)',
    '/essays/two/: link /essays/one/#nowhere #nowhere is not an id on that page',
    '/essays/two/: link /images/none.jpg names no file in the build',
  ]);
});

test('invalid HTML is reported with file, line and rule', async () => {
  const report = await checkBuiltSite(
    await site({ 'essays/two/index.html': page('/essays/two/', '<p><div>block in a paragraph</div></p>') }),
    PROJECT_ROOT,
  );
  expect(report.problems.length).toBeGreaterThan(0);
  expect(report.problems[0]).toMatch(/^\/essays\/two\/index\.html:\d+:\d+: .+ \([a-z-]+\)$/);
});

test('an inline script or style the policy blocks is reported', async () => {
  const report = await checkBuiltSite(
    await site({ 'essays/two/index.html': page('/essays/two/', '<p style="color: red">styled</p><script>alert(1)</script>') }),
    PROJECT_ROOT,
  );
  expect(report.problems.filter((line) => line.startsWith('/essays/two/: '))).toEqual([
    expect.stringMatching(/style-src.*blocks/),
    expect.stringMatching(/script-src.*blocks/),
  ]);
});

test('a page without a share card, or with a card missing or of the wrong size, is reported', async () => {
  const small = await sharp({ create: { width: 600, height: 315, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
  const report = await checkBuiltSite(
    await site({
      'cards/small.png': small,
      'a/index.html': page('/a/', '<p>a</p>', { card: null }),
      'b/index.html': page('/b/', '<p>b</p>', { card: '/cards/missing.png' }),
      'c/index.html': page('/c/', '<p>c</p>', { card: '/cards/small.png' }),
    }),
    PROJECT_ROOT,
  );
  expect(report.problems.filter((line) => /share card/.test(line))).toEqual([
    '/a/: has no share card (og:image)',
    '/b/: share card /cards/missing.png is missing from the build',
    '/c/: share card /cards/small.png is 600×315, not 1200×630',
  ]);
});
