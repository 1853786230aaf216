/**
 * Reads a `_headers` file (the format Netlify and Cloudflare Pages share) and checks built HTML against
 * the Content-Security-Policy it sets, the way a browser would enforce it: which scripts run, which
 * styles apply, which images, fonts, frames and form targets load. A static check, so it sees what the
 * markup and stylesheets ask for, not what scripts fetch at run time (the tests name those loads).
 *
 * Specs followed: CSP Level 3 (https://www.w3.org/TR/CSP3/) for source lists, fallbacks and inline
 * checks; https://docs.netlify.com/manage/routing/headers/ and
 * https://developers.cloudflare.com/pages/configuration/headers/ for `_headers`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from './site-files.ts';

// ---------------------------------------------------------------------------------------------------
// _headers

export interface HeaderRule {
  /** The path pattern: `/*`, `/_astro/*`, `/essays/:slug/`. */
  pattern: string;
  /** Header names as written, with their values, in file order. */
  headers: Array<{ name: string; value: string; line: number }>;
  line: number;
}

/**
 * Parses a `_headers` file. Lines starting with `#` are comments; an unindented line is a path
 * pattern; the indented `Name: value` lines under it are its headers. Anything else throws, naming
 * the line (Cloudflare's `! Name` detach lines too: Netlify refuses them, so this project does not
 * use them).
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!trimmed.startsWith('/') && !trimmed.startsWith('https://')) {
        throw new Error(`_headers:${line}: expected a path starting with / (or https://), got ${JSON.stringify(trimmed)}`);
      }
      current = { pattern: trimmed, headers: [], line };
      rules.push(current);
      return;
    }
    const match = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(trimmed);
    if (!match) throw new Error(`_headers:${line}: expected "Header-Name: value", got ${JSON.stringify(trimmed)}`);
    if (!current) throw new Error(`_headers:${line}: a header before any path`);
    current.headers.push({ name: match[1]!, value: match[2]!.trim(), line });
  });
  return rules;
}

/** Whether a rule's pattern matches a request path: `*` matches anything (slashes too), `:name` one segment. */
export function patternMatches(pattern: string, path: string): boolean {
  const pathOnly = pattern.replace(/^https:\/\/[^/]+/, '');
  const source = pathOnly
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * Every header a path gets, by lower-case name, with one value per matching rule. Hosts differ when a
 * name appears twice (Netlify keeps one value, Cloudflare Pages joins them with a comma), so a
 * portable file sets each header once per path; callers check that with `values.length`.
 */
export function headersFor(rules: HeaderRule[], path: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const { name, value } of rule.headers) {
      const key = name.toLowerCase();
      found.set(key, [...(found.get(key) ?? []), value]);
    }
  }
  return found;
}

/** The path a file in dist/ is requested at: `/essays/x/index.html` → `/essays/x/`. */
export function requestPath(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

// ---------------------------------------------------------------------------------------------------
// Content-Security-Policy

/** A parsed policy: directive name (lower case) → its source expressions, as written. */
export type Policy = Map<string, string[]>;

/**
 * Parses one serialised policy. As browsers do, a repeated directive is ignored after its first
 * occurrence; `duplicates` names them so a test can refuse them.
 */
export function parseCsp(value: string): { policy: Policy; duplicates: string[] } {
  const policy: Policy = new Map();
  const duplicates: string[] = [];
  for (const part of value.split(';')) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    const name = tokens.shift()?.toLowerCase();
    if (!name) continue;
    if (policy.has(name)) duplicates.push(name);
    else policy.set(name, tokens);
  }
  return { policy, duplicates };
}

/** The directives that govern a kind of load, most specific first (CSP3 §6.8.3, "fallback list"). */
const FALLBACKS = {
  'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
  'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
  'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
  'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
  'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
  'frame-src': ['frame-src', 'child-src', 'default-src'],
  'img-src': ['img-src', 'default-src'],
  'font-src': ['font-src', 'default-src'],
  'media-src': ['media-src', 'default-src'],
  'connect-src': ['connect-src', 'default-src'],
  'manifest-src': ['manifest-src', 'default-src'],
  'object-src': ['object-src', 'default-src'],
  // These three never fall back to default-src: without them anything is allowed.
  'form-action': ['form-action'],
  'base-uri': ['base-uri'],
  'frame-ancestors': ['frame-ancestors'],
} as const;

export type Directive = keyof typeof FALLBACKS;

/** The source list that applies to a kind of load, or undefined when the policy does not restrict it. */
export function effectiveSources(policy: Policy, directive: Directive): { directive: string; sources: string[] } | undefined {
  for (const name of FALLBACKS[directive]) {
    const sources = policy.get(name);
    if (sources) return { directive: name, sources };
  }
  return undefined;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

function portOf(url: URL): string {
  return url.port || DEFAULT_PORTS[url.protocol] || '';
}

/** Whether one host-source expression (`https://cdn.example`, `*.example.com`, `example.com/path/`) matches a URL. */
function hostSourceMatches(expression: string, url: URL, self: URL): boolean {
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\*|\d+))?(\/.*)?$/i.exec(expression);
  if (!match) return false;
  const [, scheme, host, port, path] = match;
  const protocol = url.protocol;
  if (scheme) {
    const wanted = `${scheme.toLowerCase()}:`;
    const upgraded = (wanted === 'http:' && protocol === 'https:') || (wanted === 'ws:' && protocol === 'wss:');
    if (wanted !== protocol && !upgraded) return false;
  } else {
    // No scheme: the protected resource's scheme, or its secure variant.
    const base = self.protocol;
    const ok = protocol === base || (base === 'http:' && protocol === 'https:') || (base === 'ws:' && protocol === 'wss:');
    if (!ok) return false;
  }
  const hostname = url.hostname.toLowerCase();
  const wantedHost = host!.toLowerCase();
  if (wantedHost.startsWith('*.')) {
    if (!hostname.endsWith(wantedHost.slice(1))) return false;
  } else if (wantedHost !== '*' && wantedHost !== hostname) {
    return false;
  }
  if (port !== '*') {
    const wantedPort = port ?? DEFAULT_PORTS[scheme ? `${scheme.toLowerCase()}:` : protocol] ?? '';
    const actual = portOf(url);
    const upgradedPort = wantedPort === '80' && actual === '443';
    if (wantedPort !== actual && !upgradedPort) return false;
  }
  if (path && path !== '/') {
    const target = decodeURIComponent(url.pathname);
    if (path.endsWith('/') ? !target.startsWith(path) : target !== path) return false;
  }
  return true;
}

/** Whether a source list allows loading a URL (CSP3 §6.7.2.5, "does url match source list"). */
export function sourcesAllowUrl(sources: readonly string[], url: URL, self: URL): boolean {
  for (const raw of sources) {
    const source = raw.toLowerCase();
    if (source === "'none'") continue;
    if (source === "'self'") {
      if (url.origin === self.origin) return true;
      // The secure variant of the page's own origin (http: → https:, ws: → wss:) matches too.
      const upgrade =
        (self.protocol === 'http:' && ['https:', 'wss:'].includes(url.protocol)) || (self.protocol === 'https:' && url.protocol === 'wss:');
      const port = portOf(url) === portOf(self) || (portOf(self) === '80' && portOf(url) === '443');
      if (upgrade && url.hostname === self.hostname && port) return true;
      continue;
    }
    if (source === '*') {
      if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) || url.protocol === self.protocol) return true;
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:$/.test(source)) {
      const upgraded = (source === 'http:' && url.protocol === 'https:') || (source === 'ws:' && url.protocol === 'wss:');
      if (url.protocol === source || upgraded) return true;
      continue;
    }
    if (source.startsWith("'")) continue; // keywords, nonces and hashes never match a URL
    if (hostSourceMatches(raw, url, self)) return true;
  }
  return false;
}

/**
 * Whether a source list lets inline content run or apply (CSP3 §6.7.3.3): by its hash, or by
 * 'unsafe-inline' when the list has no hash or nonce (which would make the browser ignore it).
 * `attribute` is for event handlers and style attributes, where a hash counts only with 'unsafe-hashes'.
 * A static site cannot carry nonces, so a nonce never matches here.
 */
export function sourcesAllowInline(sources: readonly string[], content: string, attribute = false): boolean {
  const lower = sources.map((source) => source.toLowerCase());
  const hashes = sources.filter((source) => /^'sha(256|384|512)-/i.test(source));
  const hasNonceOrHash = hashes.length > 0 || lower.some((source) => source.startsWith("'nonce-"));
  if (lower.includes("'unsafe-inline'") && !hasNonceOrHash) return true;
  if (attribute && !lower.includes("'unsafe-hashes'")) return false;
  return hashes.some((source) => {
    const [, algorithm, digest] = /^'(sha256|sha384|sha512)-(.+)'$/i.exec(source) ?? [];
    if (!algorithm || !digest) return false;
    return createHash(algorithm.toLowerCase()).update(content, 'utf8').digest('base64') === digest;
  });
}

// ---------------------------------------------------------------------------------------------------
// Checking pages against a policy

export interface Violation {
  /** The page (or stylesheet) the problem is in, as a site path. */
  where: string;
  /** The directive that blocks it, as the browser's console would name it. */
  directive: string;
  /** What was blocked, short enough to find in the source. */
  what: string;
}

/** `<script type>` values that a browser runs as script (HTML's "JavaScript MIME type essence match", plus module). */
const JS_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** Inline script types that are not JavaScript but are still parsed only when script-src allows them. */
const INLINE_SCRIPT_LIKE = new Set(['importmap', 'speculationrules']);

/** `<link rel>` values that fetch something, and the directive each is checked against. */
function linkDirective(rel: string[], as: string): Directive | undefined {
  if (rel.includes('stylesheet')) return 'style-src-elem';
  if (rel.includes('icon') || rel.includes('apple-touch-icon') || rel.includes('mask-icon')) return 'img-src';
  if (rel.includes('modulepreload')) return 'script-src-elem';
  if (rel.includes('manifest')) return 'manifest-src';
  if (rel.includes('preload')) {
    const byAs: Record<string, Directive> = {
      script: 'script-src-elem',
      style: 'style-src-elem',
      image: 'img-src',
      font: 'font-src',
      fetch: 'connect-src',
      audio: 'media-src',
      video: 'media-src',
      track: 'media-src',
      worker: 'worker-src',
    };
    return byAs[as];
  }
  // canonical, alternate, me, sitemap, author…: hints and links, not loads.
  return undefined;
}

function short(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function describeElement(element: Element): string {
  const attributes = [...element.attributes].map((attribute) =>
    attribute.value === '' ? attribute.name : `${attribute.name}="${attribute.value}"`,
  );
  return short(`<${element.tagName.toLowerCase()}${attributes.length ? ` ${attributes.join(' ')}` : ''}>`, 120);
}

/**
 * The URLs in a `srcset`: candidates separated by commas, each a URL (which may itself hold commas, as
 * data: URLs do) and optional descriptors (HTML's "parse a srcset attribute", without the descriptors).
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && /[\s,]/.test(value[position]!)) position += 1;
    if (position >= value.length) break;
    let end = position;
    while (end < value.length && !/\s/.test(value[end]!)) end += 1;
    let candidate = value.slice(position, end);
    position = end;
    if (candidate.endsWith(',')) {
      candidate = candidate.replace(/,+$/, '');
    } else {
      // Skip the descriptors up to the comma that ends this candidate.
      let depth = 0;
      while (position < value.length && (value[position] !== ',' || depth > 0)) {
        if (value[position] === '(') depth += 1;
        if (value[position] === ')') depth -= 1;
        position += 1;
      }
    }
    if (candidate) urls.push(candidate);
  }
  return urls;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background', 'cite', 'ping'];

export interface CheckOptions {
  /** The page's own URL: relative URLs resolve against it and it is what 'self' means. */
  url: URL;
  /** The site path reported in violations. */
  where: string;
}

/** Every place in one HTML document that the policy blocks. */
export function checkHtml(html: string, policy: Policy, { url, where }: CheckOptions): Violation[] {
  const { document } = parseHTML(html);
  const violations: Violation[] = [];
  const baseElement = document.querySelector('base[href]');
  const base = baseElement ? new URL(baseElement.getAttribute('href')!, url) : url;

  const load = (directive: Directive, raw: string | null, element: Element): void => {
    if (raw === null) return;
    let target: URL;
    try {
      target = new URL(raw.trim(), base);
    } catch {
      return; // not a URL a browser would fetch
    }
    const applies = effectiveSources(policy, directive);
    if (applies && !sourcesAllowUrl(applies.sources, target, url)) {
      violations.push({ where, directive: applies.directive, what: `${describeElement(element)} loads ${target.href}` });
    }
  };
  const inline = (directive: Directive, content: string, element: Element, what: string, attribute = false): void => {
    const applies = effectiveSources(policy, directive);
    if (applies && !sourcesAllowInline(applies.sources, content, attribute)) {
      violations.push({ where, directive: applies.directive, what: `${describeElement(element)}: ${what}` });
    }
  };

  if (baseElement) load('base-uri', baseElement.getAttribute('href'), baseElement);

  for (const element of [...document.querySelectorAll('*')] as Element[]) {
    const tag = element.tagName.toLowerCase();

    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (/^on[a-z]+$/.test(name))
        inline('script-src-attr', attribute.value, element, `inline event handler ${name}="${short(attribute.value, 40)}"`, true);
      if (URL_ATTRIBUTES.includes(name) && /^\s*javascript:/i.test(attribute.value)) {
        inline('script-src-elem', attribute.value.replace(/^\s*javascript:/i, ''), element, `javascript: URL in ${name}`);
      }
      if (name === 'style') inline('style-src-attr', attribute.value, element, `style attribute "${short(attribute.value, 60)}"`, true);
    }

    switch (tag) {
      case 'script': {
        const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
        const runs = JS_TYPES.has(type);
        if (!runs && !INLINE_SCRIPT_LIKE.has(type)) break; // a data block (JSON-LD): never executed, not subject to CSP
        if (runs && element.hasAttribute('src')) load('script-src-elem', element.getAttribute('src'), element);
        else inline('script-src-elem', element.textContent ?? '', element, `inline script "${short(element.textContent ?? '', 60)}"`);
        break;
      }
      case 'style':
        inline('style-src-elem', element.textContent ?? '', element, `inline stylesheet "${short(element.textContent ?? '', 60)}"`);
        break;
      case 'link': {
        const rel = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
        const directive = linkDirective(rel, (element.getAttribute('as') ?? '').toLowerCase());
        if (directive) {
          load(directive, element.getAttribute('href'), element);
          const srcset = element.getAttribute('imagesrcset');
          if (srcset) for (const candidate of srcsetUrls(srcset)) load(directive, candidate, element);
        }
        break;
      }
      case 'img':
      case 'source': {
        const inMedia = tag === 'source' && ['video', 'audio'].includes(element.parentElement?.tagName.toLowerCase() ?? '');
        const directive: Directive = inMedia ? 'media-src' : 'img-src';
        load(directive, element.getAttribute('src'), element);
        const srcset = element.getAttribute('srcset');
        if (srcset) for (const candidate of srcsetUrls(srcset)) load(directive, candidate, element);
        break;
      }
      case 'input':
        if ((element.getAttribute('type') ?? '').toLowerCase() === 'image') load('img-src', element.getAttribute('src'), element);
        if (element.hasAttribute('formaction')) load('form-action', element.getAttribute('formaction'), element);
        break;
      case 'button':
        if (element.hasAttribute('formaction')) load('form-action', element.getAttribute('formaction'), element);
        break;
      case 'video':
        load('media-src', element.getAttribute('src'), element);
        load('img-src', element.getAttribute('poster'), element);
        break;
      case 'audio':
      case 'track':
        load('media-src', element.getAttribute('src'), element);
        break;
      case 'iframe':
      case 'frame':
        load('frame-src', element.getAttribute('src'), element);
        break;
      case 'object':
        load('object-src', element.getAttribute('data'), element);
        break;
      case 'embed':
        load('object-src', element.getAttribute('src'), element);
        break;
      case 'form':
        // An empty or missing action submits to the page itself.
        load('form-action', element.getAttribute('action') || url.href, element);
        break;
      case 'image': // SVG
        load('img-src', element.getAttribute('href') ?? element.getAttribute('xlink:href'), element);
        break;
      case 'meta':
        if ((element.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy') {
          violations.push({
            where,
            directive: '(meta)',
            what: `${describeElement(element)}: a second policy in the page; the headers are meant to be the only one`,
          });
        }
        break;
      default:
        break;
    }
  }
  return violations;
}

/**
 * What a stylesheet loads: fonts in `@font-face`, other stylesheets by `@import`, images by any other
 * `url()`. Enough for hand-written and bundled CSS, not a full CSS parser.
 */
export function checkCss(css: string, policy: Policy, { url, where }: CheckOptions): Violation[] {
  const violations: Violation[] = [];
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const check = (directive: Directive, raw: string, context: string): void => {
    const value = raw.trim().replace(/^['"]|['"]$/g, '');
    if (value === '' || value.startsWith('#')) return; // same-document references (SVG filters)
    let target: URL;
    try {
      target = new URL(value, url);
    } catch {
      return;
    }
    const applies = effectiveSources(policy, directive);
    if (applies && !sourcesAllowUrl(applies.sources, target, url)) {
      violations.push({ where, directive: applies.directive, what: `${context} loads ${target.href}` });
    }
  };
  const fontFaces = [...code.matchAll(/@font-face\s*{[^}]*}/g)].map((match) => match[0]);
  for (const block of fontFaces) for (const match of block.matchAll(/url\(\s*([^)]*?)\s*\)/g)) check('font-src', match[1]!, '@font-face');
  let rest = code;
  for (const block of fontFaces) rest = rest.replace(block, '');
  for (const match of rest.matchAll(/@import\s+(?:url\(\s*([^)]*?)\s*\)|(['"][^'"]*['"]))/g))
    check('style-src-elem', match[1] ?? match[2]!, '@import');
  rest = rest.replace(/@import[^;]*;/g, '');
  for (const match of rest.matchAll(/url\(\s*([^)]*?)\s*\)/g)) check('img-src', match[1]!, 'url()');
  return violations;
}

// ---------------------------------------------------------------------------------------------------
// A whole built site

export interface SiteCheck {
  rules: HeaderRule[];
  /** Files without exactly one Content-Security-Policy header. */
  missingPolicy: string[];
  violations: Violation[];
  /** How many HTML pages and stylesheets were read, so a test can tell it checked something. */
  pages: number;
  stylesheets: number;
}

/**
 * Reads `dist/_headers`, then checks every HTML page and stylesheet in `dist/` against the policy
 * its own path gets. `origin` is the site's public origin ('self').
 */
export async function checkSite(dist: string, origin: string): Promise<SiteCheck> {
  const rules = parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8'));
  const files = await listFiles(dist);
  const missingPolicy: string[] = [];
  const violations: Violation[] = [];
  let pages = 0;
  let stylesheets = 0;
  for (const file of files) {
    const path = requestPath(file);
    const policies = headersFor(rules, path).get('content-security-policy') ?? [];
    if (policies.length !== 1) {
      if (file !== '/_headers') missingPolicy.push(path);
      continue;
    }
    const { policy } = parseCsp(policies[0]!);
    const options = { url: new URL(path, origin), where: path };
    if (file.endsWith('.html')) {
      pages += 1;
      violations.push(...checkHtml(await readFile(join(dist, file), 'utf8'), policy, options));
    } else if (file.endsWith('.css')) {
      stylesheets += 1;
      violations.push(...checkCss(await readFile(join(dist, file), 'utf8'), policy, options));
    }
  }
  return { rules, missingPolicy, violations, pages, stylesheets };
}

/** One line per violation, for a failing assertion's message. */
export function formatViolations(violations: Violation[]): string {
  return violations.map((violation) => `${violation.where}: ${violation.directive} blocks ${violation.what}`).join('\n');
}
