/**
 * Reading the built site's JSON Feed, the contract between the site and the scripts: from `dist/`
 * (the default) or a deployed URL. Share cards are read from beside the feed (`dist/cards/…`) or
 * fetched from the site.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { compile } from 'html-to-text';
import { jsonFeedItemSchema, jsonFeedSchema } from '../../src/contract/feed.ts';
import { ledgerKey } from '../../src/contract/ledger.ts';
import { parseJson } from '../../src/lib/validation.ts';
import type { SyndicationItem } from '../channels/post.ts';

/**
 * Only the fields of the site's feed (src/contract/feed.ts) the scripts read; the rest is the readers'
 * business. `language`, `authors` and `home_page_url` (the newsletter's) are optional here: a feed a
 * test or an older site gives may lack them, and only the email needs them.
 */
const feedSchema = jsonFeedSchema
  .pick({ language: true, authors: true, home_page_url: true })
  .partial()
  .extend({
    items: z.array(
      jsonFeedItemSchema
        .pick({
          url: true,
          title: true,
          summary: true,
          content_html: true,
          tags: true,
          date_published: true,
          _syndication: true,
        })
        // Optional here as `language` is: a feed a test hands the scripts may lack it; only Webmentions need it.
        .extend({ date_modified: jsonFeedItemSchema.shape.date_modified.optional() }),
    ),
  });

/** Bluesky refuses a thumbnail over 1,000,000 bytes; the other networks take what Bluesky takes. */
export const MAX_THUMBNAIL_BYTES = 1_000_000;

export interface Thumbnail {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
}

export interface LoadedFeed {
  /** Where the feed came from, for messages. */
  label: string;
  items: SyndicationItem[];
  /** The share card's bytes, or why it cannot be used. */
  loadImage: (url: string) => Promise<Thumbnail | { problem: string }>;
}

const MIME_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/** A body as the policy guard reads it: the words, link text without its address, no images. */
const bodyText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
  ],
});

export function parseFeed(text: string, label: string): SyndicationItem[] {
  const { language, authors, home_page_url: homePage, items } = parseJson(text, label, feedSchema);
  const author = authors?.[0];
  return items.map(({ url, title, summary, content_html, tags, date_published, date_modified, _syndication: s }) => ({
    key: ledgerKey(s.kind, s.slug),
    url,
    title,
    summary,
    tags,
    datePublished: date_published,
    dateModified: date_modified,
    kind: s.kind,
    slug: s.slug,
    text: s.text,
    stage: s.stage,
    card: s.card,
    skip: s.skip,
    overrides: s.overrides,
    reviewed: s.reviewed,
    body: content_html === undefined ? undefined : bodyText(content_html),
    html: content_html,
    author,
    language,
    homePage,
  }));
}

function checkSize(bytes: Uint8Array<ArrayBuffer>, mimeType: string, label: string): Thumbnail | { problem: string } {
  if (bytes.byteLength > MAX_THUMBNAIL_BYTES)
    return { problem: `${label} is ${bytes.byteLength} bytes, over the ${MAX_THUMBNAIL_BYTES}-byte limit; posted without a thumbnail` };
  if (!mimeType.startsWith('image/')) return { problem: `${label} is not an image (${mimeType})` };
  return { bytes, mimeType };
}

/**
 * Loads the feed from a folder (`dist`, holding `feed.json`), a `.json` file, or an http(s) URL.
 */
export async function loadFeed(source: string, options: { cwd: string; fetch: typeof fetch }): Promise<LoadedFeed> {
  if (/^https?:\/\//.test(source)) {
    const response = await options.fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`[GET] ${source}: ${response.status} ${response.statusText}`);
    return {
      label: source,
      items: parseFeed(await response.text(), source),
      loadImage: async (url) => {
        const image = await options.fetch(url, { signal: AbortSignal.timeout(30_000) });
        if (!image.ok) return { problem: `[GET] ${url}: ${image.status} ${image.statusText}` };
        return checkSize(new Uint8Array(await image.arrayBuffer()), image.headers.get('content-type') ?? '', url);
      },
    };
  }
  const path = resolve(options.cwd, source);
  const file = path.endsWith('.json') ? path : join(path, 'feed.json');
  const root = path.endsWith('.json') ? resolve(path, '..') : path;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${file} does not exist; run \`npm run build\` first, or pass --feed <url>`, { cause: error });
    throw error;
  }
  return {
    label: file,
    items: parseFeed(text, file),
    loadImage: async (url) => {
      const local = join(root, decodeURIComponent(new URL(url).pathname));
      try {
        return checkSize(
          new Uint8Array(await readFile(local)),
          MIME_TYPES[extname(local).toLowerCase()] ?? 'application/octet-stream',
          local,
        );
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: `${local} does not exist (the share card of ${url})` };
        throw error;
      }
    },
  };
}
