/**
 * Security headers (issue 8): `public/_headers` gives every file of the built site one strict
 * Content-Security-Policy and the usual hardening headers, and the site obeys its own policy: no page
 * runs inline script or inline style, or loads anything from another origin. Builds the fixture hub
 * once and reads every page and stylesheet (the checker is tests/helpers/csp.ts, tried on bad pages in
 * its own tests). Netlify and Cloudflare Pages send these headers; GitHub Pages ignores the file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkSite,
  effectiveSources,
  formatViolations,
  headersFor,
  parseCsp,
  requestPath,
  sourcesAllowUrl,
  type SiteCheck,
} from '../scripts/check/csp.ts';
import { buildHub, FIXTURE_HUB, listFiles, plainOutput, readPage, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

let site: BuiltSite;
let origin: string;
let files: string[];
let check: SiteCheck;

beforeAll(async () => {
  site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW } });
  const settings = parseYaml(await readFile(join(FIXTURE_HUB, 'site.yaml'), 'utf8')) as { url: string };
  origin = new URL(settings.url).origin;
  if (site.exitCode !== 0) return;
  files = (await listFiles(site.dist)).filter((file) => file !== '/_headers');
  check = await checkSite(site.dist, origin);
});

afterAll(async () => {
  await site?.cleanup();
});

/** The one value a header has for a path (the portability test below makes sure there is one). */
function header(path: string, name: string): string | undefined {
  return headersFor(check.rules, path).get(name.toLowerCase())?.[0];
}

function policyFor(path: string): Map<string, string[]> {
  return parseCsp(header(path, 'Content-Security-Policy') ?? '').policy;
}

test('the fixture hub builds, with _headers copied from public/', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
  expect(check.rules.length).toBeGreaterThan(0);
});

describe('public/_headers', () => {
  test('sets each header at most once for any file, so Netlify and Cloudflare Pages send the same thing', () => {
    const twice: string[] = [];
    for (const file of files) {
      for (const [name, values] of headersFor(check.rules, requestPath(file))) {
        if (values.length > 1) twice.push(`${requestPath(file)}: ${name} (${values.join(' | ')})`);
      }
    }
    expect(twice.join('\n')).toBe('');
  });

  test('gives every file the policy: pages, stylesheets, scripts and the search worker alike', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(check.missingPolicy.join('\n')).toBe('');
  });

  test('the policy allows only the site itself, no inline script or style, and WebAssembly for search', () => {
    const raw = header('/', 'Content-Security-Policy')!;
    const { policy, duplicates } = parseCsp(raw);
    expect(duplicates).toEqual([]);
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': [],
    });
    for (const path of ['/essays/', '/search/', '/pagefind/pagefind-worker.js', '/_astro/x.css'])
      expect(header(path, 'Content-Security-Policy'), path).toBe(raw);
  });

  test('sends the hardening headers with safe values', () => {
    for (const path of ['/', '/search/', '/_astro/x.js', '/feed.json']) {
      expect(header(path, 'X-Content-Type-Options'), path).toBe('nosniff');
      expect(header(path, 'Referrer-Policy'), path).toBe('strict-origin-when-cross-origin');
      expect(header(path, 'Cross-Origin-Opener-Policy'), path).toBe('same-origin');
      expect(header(path, 'X-Frame-Options'), path).toBe('DENY');
      const hsts = header(path, 'Strict-Transport-Security') ?? '';
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), `${path}: ${hsts}`).toBeGreaterThanOrEqual(31_536_000);
    }
  });

  test('Permissions-Policy turns off features the site never uses, names only real ones, and leaves copying on', () => {
    // From the Permissions Policy features registry (w3c/webappsec-permissions-policy, features.md).
    const known = new Set([
      'accelerometer',
      'ambient-light-sensor',
      'attribution-reporting',
      'autoplay',
      'bluetooth',
      'browsing-topics',
      'camera',
      'clipboard-read',
      'clipboard-write',
      'compute-pressure',
      'cross-origin-isolated',
      'display-capture',
      'encrypted-media',
      'fullscreen',
      'gamepad',
      'geolocation',
      'gyroscope',
      'hid',
      'identity-credentials-get',
      'idle-detection',
      'local-fonts',
      'magnetometer',
      'microphone',
      'midi',
      'otp-credentials',
      'payment',
      'picture-in-picture',
      'publickey-credentials-create',
      'publickey-credentials-get',
      'screen-wake-lock',
      'serial',
      'storage-access',
      'usb',
      'web-share',
      'window-management',
      'xr-spatial-tracking',
    ]);
    const entries = (header('/', 'Permissions-Policy') ?? '').split(',').map((entry) => entry.trim().split('='));
    const features = entries.map(([feature]) => feature!);
    expect(features.filter((feature) => !known.has(feature))).toEqual([]);
    expect(entries.filter(([, allowlist]) => allowlist !== '()')).toEqual([]);
    expect(features).toEqual(expect.arrayContaining(['camera', 'microphone', 'geolocation']));
    // /speaking/'s copy buttons write to the clipboard.
    expect(features).not.toContain('clipboard-write');
  });

  test('caches Astro’s hashed files for a year and leaves pages and feeds to the host’s no-cache default', () => {
    const hashed = files.filter((file) => file.startsWith('/_astro/'));
    expect(hashed.length).toBeGreaterThan(0);
    for (const file of hashed) expect(header(file, 'Cache-Control'), file).toBe('public, max-age=31536000, immutable');
    for (const file of files.filter((name) => !name.startsWith('/_astro/'))) {
      expect(header(requestPath(file), 'Cache-Control'), file).toBeUndefined();
    }
  });
});

describe('the built site obeys its policy', () => {
  test('no page or stylesheet runs inline script or style, or loads what the policy blocks', () => {
    expect(check.pages).toBe(files.filter((file) => file.endsWith('.html')).length);
    expect(check.stylesheets).toBeGreaterThan(0);
    expect(formatViolations(check.violations)).toBe('');
  });

  test('search loads Pagefind, its worker, index and WebAssembly from the site itself, which the policy allows', async () => {
    const page = await readPage(site.dist, '/search/');
    const scripts = [...page.document.querySelectorAll('script')].filter((script) => script.getAttribute('type') !== 'application/ld+json');
    const sources = await Promise.all(
      scripts.map((script) => {
        const src = script.getAttribute('src');
        return src ? readFile(join(site.dist, src), 'utf8') : (script.textContent ?? '');
      }),
    );
    expect(sources.join('\n')).toContain('/pagefind/pagefind.js');
    const pagefind = await readFile(join(site.dist, 'pagefind/pagefind.js'), 'utf8');
    expect(pagefind).toContain('pagefind-worker.js');
    expect(pagefind).toContain('WebAssembly.instantiate');

    const self = new URL('/search/', origin);
    const policy = policyFor('/search/');
    const allows = (directive: Parameters<typeof effectiveSources>[1], path: string): boolean =>
      sourcesAllowUrl(effectiveSources(policy, directive)?.sources ?? ['*'], new URL(path, origin), self);
    expect(allows('script-src-elem', '/pagefind/pagefind.js')).toBe(true);
    expect(allows('worker-src', '/pagefind/pagefind-worker.js')).toBe(true);
    expect(allows('connect-src', '/pagefind/pagefind-entry.json')).toBe(true);
    // The worker compiles the index reader too, under the policy of its own URL.
    for (const path of ['/search/', '/pagefind/pagefind-worker.js']) {
      expect(policyFor(path).get('script-src'), path).toContain("'wasm-unsafe-eval'");
    }
  });

  test('no script the site ships calls eval() or new Function(), which the policy blocks', async () => {
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const file of scripts) {
      const code = await readFile(join(site.dist, file), 'utf8');
      if (/(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/.test(code)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
