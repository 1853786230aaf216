/**
 * Search: the normal build writes a Pagefind index of essays, notes, theories and stances (nothing
 * else), a real query against it finds the fixture hub’s phrases, and /search/ works without JavaScript as
 * far as it can (a message and the topic index) and runs only its own small script.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, listPages, plainOutput, readPage, SAMPLE_NOW, type BuiltSite, type Page } from './helpers/site.ts';

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<{ url: string; meta: Record<string, string> }> }> }>;
}

let site: BuiltSite;
let server: Server;
let origin: string;
let pagefind: PagefindApi;

/** Serves dist/ over HTTP: Pagefind's browser API fetches its index files, and Node's fetch cannot read file: URLs. */
function serve(dist: string): Promise<Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const httpServer = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = await readFile(join(dist, path));
      response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve(httpServer)));
}

async function find(query: string): Promise<string[]> {
  const { results } = await pagefind.search(query);
  const data = await Promise.all(results.map((result) => result.data()));
  return data.map((item) => new URL(item.url).pathname);
}

beforeAll(async () => {
  site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW } });
  if (site.exitCode !== 0) return;
  server = await serve(site.dist);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pagefind = (await import(pathToFileURL(join(site.dist, 'pagefind/pagefind.js')).href)) as PagefindApi;
  await pagefind.options({ basePath: `${origin}/pagefind/` });
});

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await site?.cleanup();
});

test('the normal build writes the search index into dist/pagefind/', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
  expect(existsSync(join(site.dist, 'pagefind/pagefind.js'))).toBe(true);
  expect(plainOutput(site.output)).toMatch(/\[hub-search\] search index of \d+ pages written/);
});

describe('a query against the index', () => {
  test('finds an essay, a note and a theory by phrases from their text', async () => {
    expect(await find('supplier contracts')).toContain('/essays/say-where-you-stand/');
    expect(await find('first boycott in eleven years')).toContain('/notes/2026-10-28-boycott/');
    expect(await find('binding constraint')).toContain('/theories/trust-before-turbines/');
  });

  test('finds the fracking stance on the stances page, down to its heading', async () => {
    const { results } = await pagefind.search('parish meeting');
    const data = await Promise.all(
      results.map((result) => result.data() as Promise<{ url: string; sub_results?: Array<{ url: string }> }>),
    );
    const stances = data.find((item) => new URL(item.url).pathname === '/stances/');
    expect(stances).toBeDefined();
    expect(stances!.sub_results?.map((sub) => new URL(sub.url).hash)).toContain('#against-fracking');
  });

  test('finds a theory’s open questions and revision log, which are part of its page', async () => {
    expect(await find('substations')).toContain('/theories/trust-before-turbines/');
  });

  test('indexes nothing but essays, notes, theories and stances', async () => {
    const pages = (await listPages(site.dist)).filter((path) => /^\/(essays|notes|theories)\/[^/]+\/$|^\/stances\/$/.test(path));
    const entry = JSON.parse(await readFile(join(site.dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(pages.length);
    // Tidewater is also on the home, about and speaking pages, which are not indexed.
    const everywhere = await find('Tidewater');
    expect(everywhere.length).toBeGreaterThan(0);
    for (const path of everywhere) expect(path).toMatch(/^\/(essays|notes|theories|stances)\//);
  });

  test('labels each result with its kind, the stances page included', async () => {
    const { results } = await pagefind.search('binding constraint');
    const first = await results[0]!.data();
    expect(first.meta['kind']).toBe('Theory');
    const found = [...(await pagefind.search('Tidewater')).results, ...(await pagefind.search('parish meeting')).results];
    const kinds = await Promise.all(found.map(async (result) => (await result.data()).meta['kind']));
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(['Essay', 'Note', 'Theory', 'Stances']).toContain(kind);
    expect(kinds).toContain('Stances');
  });
});

describe('/search/', () => {
  let page: Page;
  beforeAll(async () => {
    page = await readPage(site.dist, '/search/');
  });

  test('has a labelled search form, laid out from the start so nothing moves when its script runs', () => {
    const form = page.document.querySelector('form[role="search"]')!;
    expect(form).not.toBeNull();
    expect(form.hasAttribute('hidden')).toBe(false);
    const input = form.querySelector('input[type="search"][name="q"]')!;
    expect(page.document.querySelector(`label[for="${input.getAttribute('id')}"]`)).not.toBeNull();
    expect(form.querySelector('button[type="submit"]')).not.toBeNull();
    expect(page.document.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull();
  });

  test('without JavaScript, says why and offers the topic index with counts', () => {
    expect(page.document.querySelector('noscript')?.innerHTML).toMatch(/needs JavaScript/);
    const topics = [...page.document.querySelectorAll('main .tag-list a')];
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) {
      expect(topic.getAttribute('href')).toMatch(/^\/tags\/[^/]+\/$/);
      expect(topic.textContent).toMatch(/\(\d+/);
    }
  });

  test('runs its script inside <body>: nothing follows </html>', () => {
    expect(page.html.trimEnd()).toMatch(/<\/html>$/);
    expect(page.html.match(/<\/html>/g)).toHaveLength(1);
    const script = page.document.querySelector('script:not([type="application/ld+json"])')!;
    expect(script.closest('body')).not.toBeNull();
  });

  test('is in the navigation', () => {
    expect([...page.document.querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href'))).toContain('/search/');
  });

  test('runs one script of its own, which loads Pagefind; essay pages stay script-free and marked for indexing', async () => {
    const scripts = [...page.document.querySelectorAll('script')].filter((script) => script.getAttribute('type') !== 'application/ld+json');
    expect(scripts).toHaveLength(1);
    const source = scripts[0]!.getAttribute('src')
      ? await readFile(join(site.dist, scripts[0]!.getAttribute('src')!), 'utf8')
      : scripts[0]!.textContent;
    expect(source).toContain('/pagefind/pagefind.js');
    const essay = await readPage(site.dist, '/essays/owning-the-wind/');
    expect(essay.document.querySelector('article[data-pagefind-body]')).not.toBeNull();
    const essayScripts = [...essay.document.querySelectorAll('script')].filter(
      (script) => script.getAttribute('type') !== 'application/ld+json',
    );
    expect(essayScripts).toHaveLength(0);
  });

  test('marks no page for indexing but essays, notes, theories and the stances page', async () => {
    for (const path of await listPages(site.dist)) {
      const { document } = await readPage(site.dist, path);
      const indexed = document.querySelector('[data-pagefind-body]') !== null;
      expect(indexed, path).toBe(/^\/(essays|notes|theories)\/[^/]+\/$|^\/stances\/$/.test(path));
    }
  });
});
