/**
 * Internal links in a built site, checked from the files alone (no server, no network): every href,
 * src, srcset and share-image URL that points into the site must name a file the build wrote, with
 * its trailing slash (a missing slash costs a redirect on every host), and a `#fragment` must name
 * an id on the target page. Links to other sites are not fetched: that is the browser suite's and
 * the person's business, not a gate on publishing.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from './site-files.ts';

export interface BrokenLink {
  /** The page the link is on, as served (`/essays/x/`). */
  page: string;
  url: string;
  problem: string;
}

export interface LinkCheck {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

/** Attributes that hold one URL, and where they are found. */
const URL_ATTRIBUTES: Array<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

const SRCSET_SELECTORS = ['img[srcset]', 'source[srcset]'];

/** The URLs in a srcset: each candidate is "URL [descriptor]", separated by commas. */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** `/essays/x/` → `essays/x/index.html`; `/cards/x.png` → `cards/x.png`. */
function fileFor(path: string): string {
  const clean = decodeURIComponent(path).replace(/^\//, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

function pagePath(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * Checks every page in `dist`. `origin` is the site's public origin: absolute links to it (canonical
 * URLs, share images) are internal links too.
 */
export async function checkLinks(dist: string, origin: string): Promise<LinkCheck> {
  const files = (await listFiles(dist)).filter((file) => file.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const documents = new Map<string, Document>();
  for (const file of files) {
    const { document } = parseHTML(await readFile(join(dist, file), 'utf8'));
    documents.set(file, document as unknown as Document);
    ids.set(file, new Set([...document.querySelectorAll('[id]')].map((element) => element.getAttribute('id')!)));
  }

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, document] of documents) {
    const page = pagePath(file);
    const base = new URL(page, origin);
    const urls: string[] = [];
    for (const [selector, attribute] of URL_ATTRIBUTES) {
      for (const element of document.querySelectorAll(selector)) urls.push(element.getAttribute(attribute)!);
    }
    for (const selector of SRCSET_SELECTORS) {
      for (const element of document.querySelectorAll(selector)) urls.push(...srcsetUrls(element.getAttribute('srcset')!));
    }
    for (const raw of urls) {
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        broken.push({ page, url: raw, problem: 'is not a valid URL' });
        continue;
      }
      if (url.origin !== new URL(origin).origin || !/^https?:$/.test(url.protocol)) continue;
      links += 1;
      const problem = problemWith(dist, url, ids);
      if (problem) broken.push({ page, url: raw, problem });
    }
  }
  return { pages: files.length, links, broken };
}

function problemWith(dist: string, url: URL, ids: Map<string, Set<string>>): string | undefined {
  const target = fileFor(url.pathname);
  if (!statSync(join(dist, target), { throwIfNoEntry: false })?.isFile()) {
    if (!url.pathname.endsWith('/') && existsSync(join(dist, target, 'index.html'))) return `needs a trailing slash (${url.pathname}/)`;
    return 'names no file in the build';
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && target.endsWith('.html') && !ids.get(`/${target}`)?.has(fragment)) return `#${fragment} is not an id on that page`;
  return undefined;
}
