/**
 * The Content-Security-Policy checker that tests/security-headers.test.ts runs over the built site,
 * tried on pages written to break it: if it cannot fail here, its passing there means nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  checkCss,
  checkHtml,
  checkSite,
  effectiveSources,
  headersFor,
  parseCsp,
  parseHeadersFile,
  patternMatches,
  sourcesAllowInline,
  sourcesAllowUrl,
  srcsetUrls,
} from './csp.ts';

const ORIGIN = 'https://site.example';
const STRICT =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const policy = parseCsp(STRICT).policy;
const at = (path: string): { url: URL; where: string } => ({ url: new URL(path, ORIGIN), where: path });
const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('parseHeadersFile', () => {
  test('reads paths, their indented headers and skips comments and blank lines', () => {
    const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n  X-B: two: parts\n\n/_astro/*\n  Cache-Control: max-age=1\n');
    expect(rules.map((rule) => rule.pattern)).toEqual(['/*', '/_astro/*']);
    expect(rules[0]!.headers.map(({ name, value }) => [name, value])).toEqual([
      ['X-A', '1'],
      ['X-B', 'two: parts'],
    ]);
  });

  test('throws naming the line for a header without a path, or a line that is neither', () => {
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/_headers:1: a header before any path/);
    expect(() => parseHeadersFile('/*\n  ! X-A\n')).toThrow(/_headers:2: expected "Header-Name: value"/);
    expect(() => parseHeadersFile('*.html\n  X-A: 1\n')).toThrow(/_headers:1: expected a path/);
  });
});

describe('patternMatches and headersFor', () => {
  test('matches splats across slashes and placeholders within one segment', () => {
    expect(patternMatches('/*', '/')).toBe(true);
    expect(patternMatches('/*', '/essays/x/')).toBe(true);
    expect(patternMatches('/_astro/*', '/_astro/a.css')).toBe(true);
    expect(patternMatches('/_astro/*', '/essays/_astro/a.css')).toBe(false);
    expect(patternMatches('/essays/:slug/', '/essays/x/')).toBe(true);
    expect(patternMatches('/essays/:slug/', '/essays/x/y/')).toBe(false);
    expect(patternMatches('/a.b', '/aXb')).toBe(false);
  });

  test('collects one value per matching rule, so a header set twice for a path shows', () => {
    const rules = parseHeadersFile('/*\n  Cache-Control: max-age=0\n  X-A: 1\n/_astro/*\n  Cache-Control: immutable\n');
    expect(headersFor(rules, '/_astro/a.js').get('cache-control')).toEqual(['max-age=0', 'immutable']);
    expect(headersFor(rules, '/').get('cache-control')).toEqual(['max-age=0']);
  });
});

describe('parseCsp and effectiveSources', () => {
  test('keeps the first of a repeated directive, as browsers do, and reports the repeat', () => {
    const { policy: parsed, duplicates } = parseCsp("script-src 'self'; SCRIPT-SRC *; img-src data:");
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(duplicates).toEqual(['script-src']);
  });

  test('falls back from specific directives to general ones, but never for form-action', () => {
    const parsed = parseCsp("default-src 'self'; script-src 'none'").policy;
    expect(effectiveSources(parsed, 'script-src-attr')).toEqual({ directive: 'script-src', sources: ["'none'"] });
    expect(effectiveSources(parsed, 'worker-src')?.directive).toBe('script-src');
    expect(effectiveSources(parsed, 'img-src')?.directive).toBe('default-src');
    expect(effectiveSources(parsed, 'form-action')).toBeUndefined();
  });
});

describe('sourcesAllowUrl', () => {
  const self = new URL(`${ORIGIN}/page/`);
  const allows = (sources: string[], url: string): boolean => sourcesAllowUrl(sources, new URL(url), self);

  test("'self' is the page's origin (and its secure variant), nothing else", () => {
    expect(allows(["'self'"], `${ORIGIN}/a.js`)).toBe(true);
    expect(allows(["'self'"], 'https://cdn.example/a.js')).toBe(false);
    expect(allows(["'self'"], 'https://sub.site.example/a.js')).toBe(false);
    expect(allows(["'self'"], 'data:image/png;base64,AA==')).toBe(false);
    expect(sourcesAllowUrl(["'self'"], new URL('https://site.example/a.js'), new URL('http://site.example/'))).toBe(true);
  });

  test('scheme, host and wildcard sources', () => {
    expect(allows(['data:'], 'data:image/png;base64,AA==')).toBe(true);
    expect(allows(['https:'], 'https://anything.example/x.png')).toBe(true);
    expect(allows(['*'], 'data:image/png;base64,AA==')).toBe(false);
    expect(allows(['*'], 'https://anything.example/x.png')).toBe(true);
    expect(allows(['https://cdn.example'], 'https://cdn.example/lib.js')).toBe(true);
    expect(allows(['*.cdn.example'], 'https://a.cdn.example/lib.js')).toBe(true);
    expect(allows(['*.cdn.example'], 'https://cdn.example/lib.js')).toBe(false);
    expect(allows(['https://cdn.example/lib/'], 'https://cdn.example/other.js')).toBe(false);
    expect(allows(["'none'"], `${ORIGIN}/a.js`)).toBe(false);
  });
});

describe('sourcesAllowInline', () => {
  test("'unsafe-inline' allows inline code unless a hash or nonce is present", () => {
    expect(sourcesAllowInline(["'self'"], 'x()')).toBe(false);
    expect(sourcesAllowInline(["'unsafe-inline'"], 'x()')).toBe(true);
    expect(sourcesAllowInline(["'unsafe-inline'", sha256('y()')], 'x()')).toBe(false);
  });

  test('a hash allows exactly that content; for attributes only with unsafe-hashes', () => {
    expect(sourcesAllowInline([sha256('x()')], 'x()')).toBe(true);
    expect(sourcesAllowInline([sha256('x()')], 'x() ')).toBe(false);
    expect(sourcesAllowInline([sha256('color:red')], 'color:red', true)).toBe(false);
    expect(sourcesAllowInline(["'unsafe-hashes'", sha256('color:red')], 'color:red', true)).toBe(true);
  });
});

test('srcsetUrls reads candidates with descriptors and data: URLs holding commas', () => {
  expect(srcsetUrls('/a.webp 1x, /b.webp 2x')).toEqual(['/a.webp', '/b.webp']);
  expect(srcsetUrls('data:image/png;base64,AA== 1x,/c.png 480w')).toEqual(['data:image/png;base64,AA==', '/c.png']);
});

describe('checkHtml', () => {
  const violations = (html: string, csp = policy): string[] => checkHtml(html, csp, at('/page/')).map((v) => `${v.directive}: ${v.what}`);

  test('passes a page that only loads its own files and carries JSON-LD', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg">
      <link rel="canonical" href="https://elsewhere.example/page/"><link rel="me" href="https://social.example/@me">
      <script type="application/ld+json">{"@context":"https://schema.org"}</script>
      <script type="module" src="/_astro/page.js"></script></head>
      <body><img src="/_astro/a.webp" srcset="/_astro/a.webp 1x, /_astro/b.webp 2x"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <a href="https://elsewhere.example/">out</a><form action="/search/" method="get"><button>Go</button></form></body></html>`;
    expect(violations(html)).toEqual([]);
  });

  test('finds every kind of blocked markup on a bad page', () => {
    const html = `<!doctype html><html><head>
      <base href="https://evil.example/">
      <style>body{color:red}</style>
      <link rel="stylesheet" href="https://cdn.example/x.css">
      <script>alert(1)</script>
      <script src="https://cdn.example/lib.js"></script>
      <script type="importmap">{"imports":{}}</script>
      </head><body onload="init()">
      <p style="color:red">red</p>
      <a href="javascript:void(0)">js</a>
      <img src="https://tracker.example/pixel.gif">
      <iframe src="https://video.example/embed"></iframe>
      <object data="/x.swf"></object>
      <form action="https://collector.example/submit"></form>
      </body></html>`;
    const found = violations(html);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^base-uri: <base href="https:\/\/evil\.example\/">/),
        expect.stringMatching(/^style-src: <style>: inline stylesheet/),
        expect.stringMatching(/^style-src: <link .*cdn\.example\/x\.css/),
        expect.stringMatching(/^script-src: <script>: inline script "alert\(1\)"/),
        expect.stringMatching(/^script-src: <script src="https:\/\/cdn\.example\/lib\.js">/),
        expect.stringMatching(/^script-src: <script type="importmap">/),
        expect.stringMatching(/^script-src: <body onload="init\(\)">: inline event handler onload/),
        expect.stringMatching(/^style-src: <p style="color:red">: style attribute/),
        expect.stringMatching(/^script-src: <a href="javascript:void\(0\)">: javascript: URL/),
        expect.stringMatching(/^img-src: <img .*tracker\.example/),
        expect.stringMatching(/^default-src: <iframe .*video\.example/),
        expect.stringMatching(/^object-src: <object/),
        expect.stringMatching(/^form-action: <form .*collector\.example/),
      ]),
    );
    // The <base> also moves the relative <object data> to evil.example; every line above is one finding.
    expect(found).toHaveLength(13);
  });

  test('an inline script passes when the policy carries its hash', () => {
    const code = 'console.log(1)';
    const withHash = parseCsp(`script-src 'self' ${sha256(code)}`).policy;
    expect(violations(`<script>${code}</script>`, withHash)).toEqual([]);
    expect(violations(`<script>${code};</script>`, withHash)).toHaveLength(1);
  });

  test('reports a <meta> policy, which would add a second policy to the headers', () => {
    expect(violations(`<meta http-equiv="Content-Security-Policy" content="default-src *">`)).toEqual([
      expect.stringMatching(/^\(meta\): /),
    ]);
  });
});

test('checkCss sorts url()s into fonts, imports and images', () => {
  const css = `@import url("https://fonts.example/a.css");
    @font-face{font-family:X;src:url(https://fonts.example/x.woff2) format("woff2")}
    body{background:url('/_astro/bg.webp')} .a{background:url(https://img.example/bg.png)} .b{filter:url(#f)}`;
  const found = checkCss(css, policy, at('/_astro/site.css')).map((v) => `${v.directive}: ${v.what}`);
  expect(found).toEqual([
    'default-src: @font-face loads https://fonts.example/x.woff2',
    'style-src: @import loads https://fonts.example/a.css',
    'img-src: url() loads https://img.example/bg.png',
  ]);
});

describe('checkSite', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function site(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'csp-check-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  test('checks every page and stylesheet of a folder against the policy of its own path', async () => {
    const dist = await site({
      _headers: `/*\n  Content-Security-Policy: ${STRICT}\n`,
      'index.html': '<link rel="stylesheet" href="/_astro/a.css"><script src="/_astro/a.js"></script>',
      'bad/index.html': '<button onclick="go()">Go</button><div style="display:none"></div>',
      '_astro/a.css': 'body{background:url(https://img.example/x.png)}',
    });
    const result = await checkSite(dist, ORIGIN);
    expect(result.pages).toBe(2);
    expect(result.stylesheets).toBe(1);
    expect(result.missingPolicy).toEqual([]);
    expect(result.violations.map((v) => `${v.where} ${v.directive}`)).toEqual([
      '/_astro/a.css img-src',
      '/bad/ script-src',
      '/bad/ style-src',
    ]);
  });

  test('names the files a policy does not cover, or covers twice', async () => {
    const dist = await site({
      _headers: `/essays/*\n  Content-Security-Policy: ${STRICT}\n/essays/twice/\n  Content-Security-Policy: ${STRICT}\n`,
      'index.html': '<p>home</p>',
      'essays/x/index.html': '<p>x</p>',
      'essays/twice/index.html': '<p>twice</p>',
    });
    const result = await checkSite(dist, ORIGIN);
    expect(result.missingPolicy).toEqual(['/essays/twice/', '/']);
  });
});
