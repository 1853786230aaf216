/**
 * The press watch, end to end: `./hub run collect` reads real-shaped feeds (RSS 2.0, Atom, JSON Feed,
 * an alerts feed whose links are wrapped in a google.com redirect) from a local server, fetches the
 * articles (real-world markup: a byline, a pull quote, a paywall stub, a windows-1252 page) and writes
 * draft press entries; the bad inputs (an unreachable feed, a malformed one, a page that will not
 * parse, a huge page, a redirect loop, a robots.txt disallow) are each one line of the summary while
 * the rest is collected. Then `./hub run press -- confirm` publishes one, `reject` removes another,
 * a second collect proposes nothing again, status and conversations list what waits, and the built
 * site's /press/ shows the confirmed quote and not the drafts. One hub and one server for the file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { frontMatter, makeSite, readText, SAMPLE_NOW } from './helpers/site.ts';
import { runBuild } from '../scripts/lib/site-builder.ts';

let server: Server;
let base: string;
let site: { root: string; cleanup: () => Promise<void> };
const requests: string[] = [];

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main><article>${body}</article></main><footer>© The outlet. All rights reserved. Subscribe to our newsletter.</footer></body></html>`;

/** Text as a windows-1252 page holds it: curly quotes are single bytes (0x93, 0x94), é is 0xE9. */
const windows1252 = (text: string): Buffer => Buffer.from(text.replace(/\u201c/g, '\x93').replace(/\u201d/g, '\x94'), 'latin1');

const filler =
  '<p>The parish council met on Tuesday evening to hear the last objections, which were few, and the planning officer confirmed that the application met every condition set out in the local plan for small community energy schemes.</p>'.repeat(
    3,
  );

function articles(): Record<string, { type: string; body: string | Buffer; status?: number; location?: string }> {
  return {
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
    '/news/turbine': {
      type: 'text/html; charset=utf-8',
      body: page(
        'Village builds its own turbine | The Severn Chronicle',
        `<h1>Village turns down developer, then builds its own turbine</h1><p class="byline">By <a rel="author" href="/staff/jo">Jo Reporter</a>, Energy correspondent</p>
         ${filler}
         <aside class="pull-quote"><blockquote>“They were against being asked too late”</blockquote></aside>
         <p>Morwenna Hale, chief executive of Tidewater Community Energy, said: “People were never against the turbine. They were against being asked too late and offered too little.”</p>
         ${filler}`,
        `<link rel="canonical" href="${base}/news/turbine"><meta property="og:site_name" content="The Severn Chronicle"><meta property="og:title" content="Village turns down developer, then builds its own turbine"><meta property="article:published_time" content="2026-11-20T08:00:00Z"><meta name="author" content="Jo Reporter">`,
      ),
    },
    '/news/leeds': {
      // windows-1252: curly quotes are 0x93/0x94, é is 0xE9.
      type: 'text/html',
      body: windows1252(
        page(
          'Co-op energy in Leeds',
          `<h1>Leeds co-operative signs its thousandth member</h1>${filler}<p>Tidewater's Morw\u00e9nna Hale put it plainly: \u201cMembers forgive you for a bad winter.\u201d</p>${filler}`,
          '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><meta property="og:site_name" content="Yorkshire Post Example">',
        ).replace('<meta charset="utf-8">', ''),
      ),
    },
    '/news/paywall': {
      type: 'text/html; charset=utf-8',
      body: page(
        'Interview: consent and ownership',
        '<h1>Interview: consent and ownership</h1><p>This article is for subscribers only.</p><p>Subscribe from £1 a week to keep reading our journalism about energy, climate and the people changing both.</p>',
        '<meta property="og:site_name" content="Energy Weekly Example">',
      ),
    },
    '/news/empty': { type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title></title></head><body></body></html>' },
    '/news/huge': { type: 'text/html; charset=utf-8', body: page('Huge', `<p>Morwenna Hale ${'x'.repeat(3 * 1024 * 1024)}</p>`) },
    '/news/loop-a': { type: 'text/plain', body: '', status: 302, location: '/news/loop-b' },
    '/news/loop-b': { type: 'text/plain', body: '', status: 302, location: '/news/loop-a' },
    '/private/secret': { type: 'text/html', body: page('Secret', '<p>Morwenna Hale said something private.</p>') },
    '/feeds/outlet.rss': {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Severn Chronicle</title><link>${base}/</link><description>News</description>
<item><title>Village turns down developer, then builds its own turbine</title><link>${base}/news/turbine?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink="false">sc-1</guid><dc:creator>Jo Reporter</dc:creator><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[<p>A chief executive, Morwenna Hale, explains why.</p>]]></description></item>
<item><title>Council tax to rise</title><link>${base}/news/council-tax</link><pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate><description>Nothing about her.</description></item>
<item><title>Someone with a similar name</title><link>${base}/news/halewood</link><description>Morwenna Halewood opened the fete.</description></item>
</channel></rss>`,
    },
    '/feeds/outlet.atom': {
      type: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Regional energy</title><id>urn:x</id><updated>2026-11-21T00:00:00Z</updated>
<entry><title type="html">Village &lt;em&gt;builds&lt;/em&gt; its own turbine</title><link rel="alternate" href="${base}/news/turbine/#comments"/><id>urn:1</id><updated>2026-11-21T00:00:00Z</updated><summary>MORWENNA HALE on the turbine.</summary></entry>
<entry><title>Leeds co-operative signs its thousandth member</title><link href="${base}/news/leeds"/><id>urn:2</id><published>2026-11-18T10:00:00Z</published><updated>2026-11-18T10:00:00Z</updated><content type="html">&lt;p&gt;Morwenna Hale on members.&lt;/p&gt;</content></entry>
</feed>`,
    },
    '/feeds/outlet.json': {
      type: 'application/feed+json',
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Energy Weekly',
        items: [
          {
            id: '1',
            url: `${base}/news/paywall`,
            title: 'Interview: consent and ownership',
            summary: 'Morwenna Hale: “Consent follows ownership, and always has.”',
            date_published: '2026-11-15T07:00:00Z',
          },
          { id: '2', url: `${base}/news/empty`, title: 'Morwenna Hale in brief', date_published: '2026-11-16T07:00:00Z' },
        ],
      }),
    },
    '/feeds/alerts.atom': {
      type: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing"><id>tag:google.com,2005:reference:alert</id><title>Google Alert - "Morwenna Hale"</title><link href="https://www.google.com/alerts/feeds/1/2" rel="self"/><updated>2026-11-22T00:00:00Z</updated>
${['/news/turbine?fbclid=abc', '/news/huge', '/news/loop-a', '/private/secret']
  .map(
    (path, index) =>
      `<entry><id>tag:google.com,2013:googlealerts/feed:${index}</id><title type="html">&lt;b&gt;Morwenna Hale&lt;/b&gt; in the news</title><link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=${encodeURIComponent(base + path)}&amp;ct=ga&amp;cd=x&amp;usg=y"/><published>2026-11-22T00:00:00Z</published><updated>2026-11-22T00:00:00Z</updated><content type="html">... &lt;b&gt;Morwenna Hale&lt;/b&gt; ...</content></entry>`,
  )
  .join('\n')}
</feed>`,
    },
    '/feeds/broken.xml': { type: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Broken<item><title>Morwenna Hale' },
  };
}

function run(name: 'collect' | 'press' | 'status' | 'conversations', args: string[]): Promise<ScriptRun> {
  return runCli(name, args, { cwd: site.root, env: { HOME: process.env['HOME'], HUB_NOW: SAMPLE_NOW } });
}

const pressFiles = async (): Promise<string[]> =>
  (await readdir(join(site.root, 'content/press'))).filter((name) => name.endsWith('.md')).sort();

let firstCollect: ScriptRun;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', base).pathname;
    requests.push(path);
    const found = articles()[path];
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(found.status ?? 200, { 'content-type': found.type, ...(found.location ? { location: found.location } : {}) });
    response.end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site = await makeSite({
    files: {
      'content/press-watch.yaml': [
        'feeds:',
        `  - url: ${base}/feeds/outlet.rss`,
        '    label: The Severn Chronicle',
        `  - ${base}/feeds/outlet.atom`,
        `  - ${base}/feeds/outlet.json`,
        `  - url: ${base}/feeds/alerts.atom`,
        '    label: Google Alert',
        `  - ${base}/feeds/broken.xml`,
        '  - http://127.0.0.1:9/feeds/unreachable.xml',
        '',
      ].join('\n'),
    },
  });
  firstCollect = await run('collect', []);
}, 120_000);

afterAll(async () => {
  await site?.cleanup();
  await new Promise((resolve) => server?.close(resolve));
});

describe('collect proposes press mentions', () => {
  test('one draft per article naming her, however many feeds and addresses carry it', async () => {
    expect(firstCollect.stdout).toMatch(/Press watch: read 4 of 6 feeds, 3 mentions proposed, 6 problems/);
    const proposed = (await pressFiles()).filter((name) => !/^(civic-ledger|energy-transition|grid-edge|severn-chronicle-wind)/.test(name));
    expect(proposed).toEqual([
      'energy-weekly-example-interview-consent-and-ownership.md',
      'the-severn-chronicle-village-turns-down-developer-then-builds.md',
      'yorkshire-post-example-co-op-energy-in-leeds.md',
    ]);
    // The turbine article came through three feeds and four addresses: fetched once.
    expect(requests.filter((path) => path === '/news/turbine')).toHaveLength(1);
    expect(requests.filter((path) => path === '/news/halewood' || path === '/news/council-tax')).toEqual([]);
  });

  test('a proposal is a draft with the quote near her name and where it was found', async () => {
    const turbine = await frontMatter(join(site.root, 'content/press/the-severn-chronicle-village-turns-down-developer-then-builds.md'));
    expect(turbine).toMatchObject({
      outlet: 'The Severn Chronicle',
      headline: 'Village turns down developer, then builds its own turbine',
      url: `${base}/news/turbine`,
      kind: 'quoted',
      quote: 'People were never against the turbine. They were against being asked too late and offered too little.',
      draft: true,
      proposed: { feed: `${base}/feeds/outlet.rss` },
    });
    expect(new Date(turbine['date'] as string).toISOString().slice(0, 10)).toBe('2026-11-20');
    const leeds = await frontMatter(join(site.root, 'content/press/yorkshire-post-example-co-op-energy-in-leeds.md'));
    // Decoded as windows-1252: curly quotes and the é survive (and the name matches without its accent).
    expect(leeds['quote']).toBe('Members forgive you for a bad winter.');
    const paywall = await frontMatter(join(site.root, 'content/press/energy-weekly-example-interview-consent-and-ownership.md'));
    // The page is a paywall stub that never names her: the quote comes from the feed's summary.
    expect(paywall).toMatchObject({ kind: 'interview', quote: 'Consent follows ownership, and always has.' });
  });

  test('each bad input is one line of the summary, and collect exits 1', () => {
    expect(firstCollect.code).toBe(1);
    const failed = firstCollect.stdout.split('\n').filter((line) => line.trimStart().startsWith('failed '));
    expect(failed).toHaveLength(6);
    const about = (fragment: string, problem: RegExp): void => {
      expect(failed.filter((line) => line.includes(fragment))).toEqual([expect.stringMatching(problem)]);
    };
    about('/feeds/broken.xml', /not a feed/);
    about('unreachable.xml', /unreachable/);
    about('/news/empty', /no readable text/);
    about('/news/huge', /larger than the 2 MB limit/);
    about('/news/loop-a', /redirect loop/);
    about('/private/secret', /robots\.txt .* disallows it/);
    expect(requests).not.toContain('/private/secret');
  });

  test('status, conversations and press list what awaits review', async () => {
    // Three commands that only read: run side by side.
    const [status, conversations, list] = await Promise.all([run('status', []), run('conversations', []), run('press', [])]);
    expect(status.stdout).toMatch(/3 press mentions to review: \.\/hub run press -- confirm energy-weekly/);
    expect(conversations.stdout).toContain('3 press mentions to review');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('“People were never against the turbine.');
  });
});

describe('confirm, reject, and build', () => {
  test('confirm publishes one, reject removes another; neither is proposed again; /press/ shows only the confirmed', async () => {
    const confirm = await run('press', ['confirm', 'the-severn-chronicle-village-turns-down-developer-then-builds']);
    expect(confirm.code, confirm.stderr).toBe(0);
    const confirmed = await readFile(
      join(site.root, 'content/press/the-severn-chronicle-village-turns-down-developer-then-builds.md'),
      'utf8',
    );
    expect(confirmed).not.toMatch(/^draft:/m);
    expect(confirmed).toMatch(/^proposed:/m);
    const reject = await run('press', ['reject', 'yorkshire-post-example-co-op-energy-in-leeds']);
    expect(reject.code, reject.stderr).toBe(0);
    expect(await pressFiles()).not.toContain('yorkshire-post-example-co-op-energy-in-leeds.md');
    const unknown = await run('press', ['confirm', 'no-such-entry']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no-such-entry: no such press entry');

    const before = requests.length;
    const again = await run('collect', []);
    expect(again.stdout).toMatch(/Press watch: read 4 of 6 feeds, 0 mentions proposed/);
    // Known articles are not fetched again; only the ones that failed are retried.
    expect(
      requests.slice(before).filter((path) => path.startsWith('/news/turbine') || path === '/news/leeds' || path === '/news/paywall'),
    ).toEqual([]);

    const build = await runBuild(site.root, { HUB_NOW: SAMPLE_NOW });
    expect(build.exitCode, build.output).toBe(0);
    const press = await readText(join(site.root, 'dist'), '/press/');
    expect(press).toContain('People were never against the turbine.');
    expect(press).not.toContain('Consent follows ownership');
  }, 300_000);
});
