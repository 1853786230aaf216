/**
 * The Content-Security-Policy and the other headers of public/_headers, enforced by a real browser on
 * every page type. The test server applies dist/_headers to every response as Netlify and Cloudflare
 * Pages do (helpers/static-server.ts), so Chromium runs each page under the policy the real site gets;
 * a page passes when no `securitypolicyviolation` event fires and no console message names the policy,
 * with its scripts doing their work (Pagefind's WebAssembly search, the speaking page's copy buttons).
 * tests/security-headers.test.ts checks the same policy statically against the markup; this file sees
 * what scripts do at run time. The last tests serve pages that break the policy on purpose, so a
 * harness that stopped seeing violations would fail here rather than pass everything.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFor, parseCsp, parseHeadersFile } from '../../scripts/check/csp.ts';
import { launchBrowser } from './helpers/browser.ts';
import { e2eSite } from './helpers/context.ts';
import { IMPACT_PATH, pageTypes, type PageType } from './helpers/pages.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

const site = e2eSite();
const pages: PageType[] = await pageTypes(site.dist);
const rules = parseHeadersFile(await readFile(join(site.dist, '_headers'), 'utf8'));
/** The one value dist/_headers gives a header for a path. */
const expected = (path: string, name: string): string | undefined => headersFor(rules, path).get(name)?.[0];
const POLICY = expected('/', 'content-security-policy')!;

/** A phrase from the fixture hub's theory "Local trust, not technology, is now the binding constraint on clean energy". */
const QUERY = 'binding constraint';

// ---------------------------------------------------------------------------------------------------
// Watching a page for violations

interface Recorded {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Recorded[];
  }
}

/** Runs in every document before its own scripts: keeps each `securitypolicyviolation` event on window. */
function recordViolations(): void {
  window.__cspViolations = [];
  window.addEventListener(
    'securitypolicyviolation',
    (event) => {
      window.__cspViolations!.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        sample: event.sample,
      });
    },
    true,
  );
}

interface Watch {
  /** Every violation so far: events recorded in the page's frames, console messages about the policy. */
  violations(): Promise<string[]>;
  /** Requests that failed or were answered with an error status, and requests that left the test server. */
  failures(): string[];
}

const MENTIONS_POLICY = /content[- ]security[- ]policy/i;

/** Starts watching a page (before it navigates): its console, its workers' consoles, its network. */
function watch(page: Page, { expectStatus = 200 }: { expectStatus?: number } = {}): Watch {
  const messages: string[] = [];
  const failures: string[] = [];
  const onConsole = (where: string) => (message: { type(): string; text(): string }) => {
    if (MENTIONS_POLICY.test(message.text())) messages.push(`${where} console.${message.type()}: ${message.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
  page.on('pageerror', (error) => {
    if (MENTIONS_POLICY.test(error.message)) messages.push(`page error: ${error.message}`);
  });
  page.on('request', (request) => {
    // upgrade-insecure-requests must leave the plain-http test origin alone (localhost is trustworthy).
    if (!request.url().startsWith(`${site.origin}/`) && !request.url().startsWith('data:'))
      failures.push(`left the server: ${request.url()}`);
  });
  page.on('requestfailed', (request) => failures.push(`failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('response', (response) => {
    const main = response.request().isNavigationRequest() && response.frame() === page.mainFrame();
    const wanted = main ? expectStatus : 200;
    if (response.status() >= 400 && response.status() !== wanted) failures.push(`${response.status()}: ${response.url()}`);
  });
  return {
    async violations() {
      const events: string[] = [];
      for (const frame of page.frames()) {
        const recorded = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => [] as Recorded[]);
        for (const violation of recorded) {
          events.push(
            `${frame.url()}: ${violation.directive} blocked ${violation.blocked || '(inline)'} at ${violation.source}${violation.sample ? ` "${violation.sample}"` : ''}`,
          );
        }
      }
      return [...events, ...messages];
    },
    failures: () => [...failures],
  };
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh context whose every document records its violations. */
async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(recordViolations);
  return context;
}

// ---------------------------------------------------------------------------------------------------
// The headers as served

describe('headers as served', () => {
  let context: BrowserContext;
  let page: Page;
  let home: Response;
  /** Every response the home page's load got, by URL. */
  const responses = new Map<string, Response>();

  beforeAll(async () => {
    context = await newContext();
    page = await context.newPage();
    page.on('response', (response) => responses.set(response.url(), response));
    home = (await page.goto(site.url('/'), { waitUntil: 'load' }))!;
  });

  afterAll(async () => {
    await context?.close();
  });

  test('dist/_headers holds the strict policy (no inline script or style, WebAssembly only, no framing)', () => {
    const { policy } = parseCsp(POLICY);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('a page carries the policy and every security header of dist/_headers, and no long-lived caching', async () => {
    expect(home.status()).toBe(200);
    const headers = await home.allHeaders();
    const wanted = headersFor(rules, '/');
    expect(wanted.size).toBeGreaterThanOrEqual(7);
    for (const [name, [value]] of wanted) expect(headers[name], name).toBe(value);
    expect(headers['content-security-policy']).toBe(POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cache-control']).not.toMatch(/immutable|max-age=[1-9]/);
  });

  test('an /_astro/ asset carries the policy and is cached for a year, immutable', async () => {
    const assets = [...responses.keys()].filter((url) => new URL(url).pathname.startsWith('/_astro/'));
    expect(assets.length, 'the home page loads bundled files from /_astro/').toBeGreaterThan(0);
    for (const url of assets) {
      const response = responses.get(url)!;
      expect(response.status(), url).toBe(200);
      const headers = await response.allHeaders();
      expect(headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(headers['cache-control'], url).toBe(expected(new URL(url).pathname, 'cache-control'));
      expect(headers['content-security-policy'], url).toBe(POLICY);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  test('a miss (the 404 page) and the search worker carry the policy too', async () => {
    for (const [path, status] of [
      ['/no-such-page/', 404],
      ['/pagefind/pagefind-worker.js', 200],
    ] as const) {
      const response = await page.request.get(site.url(path));
      expect(response.status(), path).toBe(status);
      expect(response.headers()['content-security-policy'], path).toBe(POLICY);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Every page type under the policy

describe('every page type, JavaScript on, breaks no rule of the policy', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await newContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  test.each(pages)('$name $path', async ({ name, path }) => {
    const page = await context.newPage();
    try {
      const status = name === '404' ? 404 : 200;
      const watched = watch(page, { expectStatus: status });
      const response = await page.goto(site.url(path), { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(status);
      expect((await response!.allHeaders())['content-security-policy']).toBe(POLICY);
      expect(await page.evaluate(() => Array.isArray(window.__cspViolations)), 'the recorder ran').toBe(true);
      expect((await watched.violations()).join('\n')).toBe('');
      expect(watched.failures().join('\n')).toBe('');
    } finally {
      await page.close();
    }
  });

  if (!pages.some((page) => page.path === IMPACT_PATH)) test.skip(`impact ${IMPACT_PATH}: not in this build yet`, () => {});
});

describe('scripts at work under the policy', () => {
  test('search: Pagefind compiles its WebAssembly and lists results', async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      const watched = watch(page);
      const wasm: string[] = [];
      page.on('response', (response) => {
        if (/\/pagefind\/wasm\.[^/]*\.pagefind$/.test(new URL(response.url()).pathname)) wasm.push(response.url());
      });
      await page.goto(site.url('/search/'));
      await page.getByRole('searchbox').fill(QUERY);
      await page
        .getByRole('status')
        .filter({ hasText: /\d+ results? for “binding constraint”/ })
        .waitFor();
      expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
      expect(wasm.length, 'Pagefind fetched its WebAssembly module').toBeGreaterThan(0);
      expect((await watched.violations()).join('\n')).toBe('');
      expect(watched.failures().join('\n')).toBe('');

      // The same through a link with ?q=, which runs the search as the page loads.
      const linked = await context.newPage();
      const linkedWatch = watch(linked);
      await linked.goto(site.url(`/search/?q=${encodeURIComponent(QUERY)}`));
      await linked.locator('[data-search-results] li a').first().waitFor();
      expect((await linkedWatch.violations()).join('\n')).toBe('');
      expect(linkedWatch.failures().join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  test('speaking: a copy button puts the bio on the clipboard', async () => {
    const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await context.newPage();
      const watched = watch(page);
      await page.goto(site.url('/speaking/'));
      const button = page.getByRole('button', { name: 'Copy short bio', exact: true });
      await button.click();
      await page.locator('.copy-text', { has: button }).getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.replace(/\s+/g, ' ').trim()).toBe((await page.locator('#bio-short').innerText()).replace(/\s+/g, ' ').trim());
      expect((await watched.violations()).join('\n')).toBe('');
      expect(watched.failures().join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Pages that break the policy on purpose: the harness must see them

describe('pages that break the policy are caught', () => {
  let root: string;
  let server: StaticServer;
  let noWasmRoot: string;
  let noWasmServer: StaticServer;
  let context: BrowserContext;
  const origin = (): string => server.origin;

  beforeAll(async () => {
    // A copy of the built site that links to dist/ for everything but a few pages written here, served
    // by the same server code with the same dist/_headers.
    root = await mkdtemp(join(tmpdir(), 'hub-e2e-csp-'));
    for (const entry of await readdir(site.dist)) await symlink(join(site.dist, entry), join(root, entry));
    const home = await readFile(join(site.dist, 'index.html'), 'utf8');
    expect(home).toContain('</head>');
    const pagesToWrite: Record<string, string> = {
      control: home,
      'inline-script': home.replace('</head>', '<script>document.documentElement.dataset.inlineRan = "yes";</script></head>'),
      'inline-style': home.replace(/<body([^>]*)>/, '<body$1><p id="styled" style="color: rgb(255, 0, 0)">styled inline</p>'),
      framer: home.replace(/<body([^>]*)>/, '<body$1><iframe id="framed" title="the home page, framed" src="/"></iframe>'),
    };
    for (const [name, html] of Object.entries(pagesToWrite)) {
      await mkdir(join(root, name));
      await writeFile(join(root, name, 'index.html'), html);
    }
    server = await startStaticServer(root);

    // The whole site under the policy without 'wasm-unsafe-eval' (a test-only _headers): Pagefind's
    // WebAssembly is compiled in its worker, whose violations reach the console only.
    noWasmRoot = await mkdtemp(join(tmpdir(), 'hub-e2e-csp-nowasm-'));
    for (const entry of await readdir(site.dist)) if (entry !== '_headers') await symlink(join(site.dist, entry), join(noWasmRoot, entry));
    const headers = await readFile(join(site.dist, '_headers'), 'utf8');
    const stricter = headers.replaceAll(" 'wasm-unsafe-eval'", '');
    expect(stricter).not.toBe(headers);
    await writeFile(join(noWasmRoot, '_headers'), stricter);
    noWasmServer = await startStaticServer(noWasmRoot);

    context = await newContext();
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await noWasmServer?.close();
    for (const folder of [root, noWasmRoot]) if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; violations: string[] }> {
    const page = await context.newPage();
    const watched = watch(page);
    const response = await page.goto(`${origin()}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect((await response!.allHeaders())['content-security-policy']).toBe(POLICY);
    return { page, violations: await watched.violations() };
  }

  test('the unchanged home page, served the same way, is clean', async () => {
    const { page, violations } = await open('/control/');
    expect(violations).toEqual([]);
    await page.close();
  });

  test('a page with an inline script is caught, and the script does not run', async () => {
    const { page, violations } = await open('/inline-script/');
    expect(
      violations.some((line) => line.includes('script-src-elem blocked inline')),
      violations.join('\n'),
    ).toBe(true);
    expect(
      violations.some((line) => line.startsWith('page console.error') && line.includes('inline script')),
      violations.join('\n'),
    ).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset['inlineRan'])).toBeUndefined();
    await page.close();
  });

  test('a page with an inline style attribute is caught, and the style does not apply', async () => {
    const { page, violations } = await open('/inline-style/');
    expect(
      violations.some((line) => line.includes('style-src-attr blocked inline')),
      violations.join('\n'),
    ).toBe(true);
    expect(await page.locator('#styled').evaluate((element) => getComputedStyle(element).color)).not.toBe('rgb(255, 0, 0)');
    await page.close();
  });

  test('a page framing the site is refused (frame-ancestors)', async () => {
    const { page, violations } = await open('/framer/');
    expect(
      violations.some((line) => /frame-ancestors/.test(line)),
      violations.join('\n'),
    ).toBe(true);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    // Chromium reports this one in the console of the framing page only, and shows its error page.
    expect(framed, 'the page has its frame').toBeDefined();
    expect(framed!.url(), 'the framed page is not shown').not.toMatch(new RegExp(`^${origin()}`));
    await page.close();
  });

  test("without 'wasm-unsafe-eval' the search fails, and the worker's violation is caught", async () => {
    const page = await context.newPage();
    try {
      const watched = watch(page);
      const response = await page.goto(`${noWasmServer.origin}/search/?q=${encodeURIComponent(QUERY)}`);
      expect((await response!.allHeaders())['content-security-policy']).not.toContain('wasm-unsafe-eval');
      await page
        .getByRole('status')
        .filter({ hasText: /not available/ })
        .waitFor();
      expect(await page.locator('[data-search-results] > li').count()).toBe(0);
      const violations = await watched.violations();
      expect(
        violations.some((line) => line.startsWith('worker ') && /WebAssembly/.test(line)),
        violations.join('\n'),
      ).toBe(true);
    } finally {
      await page.close();
    }
  });
});
