/**
 * A news feed's items, whatever its format: feedsmith (RSS 2.0, Atom, RDF, JSON Feed) parses it, and
 * each item becomes the few things the press watch needs — its link (unwrapped from an alerts
 * service's redirect), its plain text to look for the names in, and its date.
 */
import { parseFeed } from 'feedsmith';
import { decodeBody, htmlText } from './decode.ts';
import type { Fetched } from './fetcher.ts';
import { httpUrl, unwrapRedirect } from './urls.ts';

export interface FeedItem {
  title: string;
  /** Title, summary and content as plain text. */
  text: string;
  /** The article's address, unwrapped. */
  link: string;
  /** ISO 8601, when the feed gives one. */
  date?: string | undefined;
}

type Text = string | { value?: string } | undefined;
const textOf = (value: Text): string => htmlText(typeof value === 'string' ? value : (value?.value ?? ''));

/** Dates as the feed wrote them (feedsmith leaves them as text unless asked to parse them). */
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : undefined;

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The items of a fetched feed; a body that is no feed throws one line saying so. */
export function feedItems(fetched: Fetched): FeedItem[] {
  const text = decodeBody(fetched.contentType, fetched.body).replace(/^\uFEFF/, '');
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw new Error(`not a feed (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const raw: Array<{ title: Text; parts: Text[]; link: string | undefined; date: string | undefined }> = [];
  if (parsed.format === 'rss' || parsed.format === 'rdf') {
    for (const item of parsed.feed.items ?? []) {
      const entry = item as {
        title?: string;
        description?: string;
        link?: string;
        pubDate?: string;
        content?: { encoded?: string };
        dc?: { dates?: string[]; date?: string };
      };
      raw.push({
        title: entry.title,
        parts: [entry.description, entry.content?.encoded],
        link: entry.link,
        date: entry.pubDate ?? entry.dc?.date ?? entry.dc?.dates?.[0],
      });
    }
  } else if (parsed.format === 'atom') {
    for (const entry of parsed.feed.entries ?? []) {
      const links = entry.links ?? [];
      const link = (links.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? links[0])?.href;
      raw.push({ title: entry.title, parts: [entry.summary, entry.content], link, date: stringOf(entry.published ?? entry.updated) });
    }
  } else if (parsed.format === 'json') {
    for (const item of parsed.feed.items ?? []) {
      raw.push({
        title: item.title,
        parts: [item.summary, item.content_html ?? item.content_text],
        link: item.url ?? item.external_url,
        date: stringOf(item.date_published ?? item.date_modified),
      });
    }
  }
  return raw.flatMap((item) => {
    const link = item.link && httpUrl(unwrapRedirect(item.link.trim()), fetched.url);
    if (!link) return [];
    const title = textOf(item.title);
    return [{ title, text: [title, ...item.parts.map(textOf)].filter(Boolean).join('\n'), link: link.href, date: isoDate(item.date) }];
  });
}
