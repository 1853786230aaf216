/**
 * What the integration tests share: building a hub (the builder itself lives with the benchmark, which
 * uses it too) and reading the built output with real parsers. Hubs are built from the fixtures in
 * tests/fixtures/ (`FIXTURE_HUB` by default), never from the project's `content/`, which is the user's.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { buildSite, type BuildOptions, type BuiltSite } from '../../scripts/lib/site-builder.ts';

export { FIXTURE_HUB, FIXTURE_MINIMAL, makeSite, PROJECT_ROOT, type BuiltSite } from '../../scripts/lib/site-builder.ts';
export { listFiles, listPages } from '../../scripts/check/site-files.ts';

/**
 * What Vitest puts in its own environment to emulate `import.meta.env` (`NODE_ENV=test`, `DEV=1`,
 * `PROD=`, `MODE=test`, …). A build started from a test inherits the environment, and Astro reads these
 * into the site's `import.meta.env`: with `DEV=1` or `NODE_ENV=test` the build believes it is a dev
 * server. `npm run build` in a clean shell has none of them.
 */
const VITEST_ENV_MIRROR = ['NODE_ENV', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL'];

/** The test process's environment as a shell running `npm run build` would have it. */
export function useCleanBuildEnvironment(): void {
  for (const key of VITEST_ENV_MIRROR) delete process.env[key];
}

/**
 * Builds a hub as `npm run build` does from a clean shell, from the fixture hub unless `content` names
 * another fixture; `env` adds to it (e.g. `HUB_NOW`).
 * (Whether a stray `NODE_ENV` can change what is published is checked in publishing.test.ts.)
 */
export function buildHub(options: BuildOptions = {}): Promise<BuiltSite> {
  useCleanBuildEnvironment();
  return buildSite(options);
}

/** The moment the fixture hub is built at, so which pieces are published never depends on the clock. */
export const SAMPLE_NOW = '2026-11-25T12:00:00Z';

/** The build's output as a person reads it: without terminal colours. */
export function plainOutput(output: string): string {
  // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC [ … m)
  return output.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The file a site path is served from: `/essays/x/` → `essays/x/index.html`. */
export function distFile(dist: string, path: string): string {
  const clean = decodeURIComponent(path.replace(/^\//, ''));
  return join(dist, clean.endsWith('/') || clean === '' ? `${clean}index.html` : clean);
}

export function pageExists(dist: string, path: string): boolean {
  return existsSync(distFile(dist, path));
}

export function readText(dist: string, path: string): Promise<string> {
  return readFile(distFile(dist, path), 'utf8');
}

export interface Page {
  path: string;
  html: string;
  document: Document;
}

export async function readPage(dist: string, path: string): Promise<Page> {
  const html = await readText(dist, path);
  return { path, html, document: parseHTML(html).document as unknown as Document };
}

export function attr(document: Document, selector: string, name: string): string | null {
  return document.querySelector(selector)?.getAttribute(name) ?? null;
}

export function meta(document: Document, key: string): string | null {
  return attr(document, `meta[property="${key}"], meta[name="${key}"]`, 'content');
}

/** The parsed contents of every `<script type="application/ld+json">` on a page. */
export function jsonLd(document: Document): Array<Record<string, unknown>> {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>,
  );
}

/** JSON-LD objects of a type, looking inside `@graph`s too. */
export function jsonLdOfType(document: Document, type: string): Array<Record<string, unknown>> {
  return jsonLd(document)
    .flatMap((data) => (Array.isArray(data['@graph']) ? (data['@graph'] as Array<Record<string, unknown>>) : [data]))
    .filter((node) => node['@type'] === type);
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name),
});

/** RSS and sitemaps as plain objects; their shape is what the tests assert, so it is left untyped. */
export function parseXml(text: string): any {
  return xml.parse(text);
}

/** Front matter of a content file, read with a YAML parser independent of the site's own code. */
export async function frontMatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return (match ? parseYaml(match[1]!) : {}) as Record<string, unknown>;
}

export type Kind = 'essay' | 'note' | 'theory';
export const KIND_FOLDERS: Record<Kind, string> = { essay: 'essays', note: 'notes', theory: 'theories' };

export interface ContentPiece {
  kind: Kind;
  slug: string;
  path: string;
  title?: string;
  date: Date;
  draft: boolean;
  tags: string[];
  data: Record<string, unknown>;
}

/** The pieces in a `content/` folder, with their front matter, whether published or not. */
export async function readContent(contentDir: string): Promise<ContentPiece[]> {
  const pieces: ContentPiece[] = [];
  for (const kind of Object.keys(KIND_FOLDERS) as Kind[]) {
    const folder = join(contentDir, KIND_FOLDERS[kind]);
    if (!existsSync(folder)) continue;
    for (const name of (await readdir(folder)).filter((file) => /\.mdx?$/.test(file)).sort()) {
      const data = await frontMatter(join(folder, name));
      const slug = name.replace(/\.mdx?$/, '');
      const date = data['date'] instanceof Date ? data['date'] : new Date(String(data['date']));
      pieces.push({
        kind,
        slug,
        path: `/${KIND_FOLDERS[kind]}/${slug}/`,
        ...(typeof data['title'] === 'string' ? { title: data['title'] } : {}),
        date,
        draft: data['draft'] === true,
        tags: ((data['tags'] as string[] | undefined) ?? []).map((tag) => tag.trim().toLowerCase()),
        data,
      });
    }
  }
  return pieces;
}

/** `/tags/community-energy/` for `community energy`. */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag.trim().toLowerCase().replace(/\s+/g, '-'))}/`;
}
