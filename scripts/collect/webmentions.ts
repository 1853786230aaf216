/**
 * Webmentions received through webmention.io (optional: only when `WEBMENTION_IO_TOKEN` is set).
 * Someone's own site replying to, liking or linking to a piece is evidence too. Reads the documented
 * JF2 API, `GET /api/mentions.jf2?domain=…&token=…&per-page=…&page=…`, page by page.
 */
import type { Webmention } from '../../src/contract/snapshots.ts';
import type { Ledger } from '../../src/contract/ledger.ts';
import type { AdapterDeps } from '../channels/adapter.ts';
import { requestJson } from '../channels/http.ts';

export interface WebmentionConfig {
  /** https://webmention.io, or a test server. */
  apiUrl: string;
  token: string;
  /** The site's host name, as registered with webmention.io. */
  domain: string;
}

const PER_PAGE = 100;
/** A guard against a server that never returns an empty page. */
const MAX_PAGES = 200;
const MAX_TEXT = 5000;

/**
 * The configuration from the environment, or undefined when no token is set. The domain is
 * `WEBMENTION_IO_DOMAIN`, or the host of the site's URLs in the ledger.
 */
export function webmentionConfig(env: Record<string, string | undefined>, ledger: Ledger): WebmentionConfig | undefined {
  const token = env['WEBMENTION_IO_TOKEN'];
  if (!token) return undefined;
  const firstUrl = Object.values(ledger.items)[0]?.url;
  const domain = env['WEBMENTION_IO_DOMAIN'] || (firstUrl ? new URL(firstUrl).hostname : '');
  if (!domain)
    throw new Error('WEBMENTION_IO_TOKEN is set but the site’s domain is unknown: set WEBMENTION_IO_DOMAIN (e.g. morwennahale.example)');
  return { apiUrl: (env['WEBMENTION_IO_URL'] || 'https://webmention.io').replace(/\/$/, ''), token, domain };
}

const PROPERTY_TYPES: Record<string, Webmention['type']> = {
  'in-reply-to': 'reply',
  'like-of': 'like',
  'repost-of': 'repost',
  'bookmark-of': 'bookmark',
  'mention-of': 'mention',
};

interface Jf2Entry {
  'wm-id'?: number | string;
  'wm-property'?: string;
  'wm-target'?: string;
  'wm-source'?: string;
  'wm-private'?: boolean;
  url?: string;
  published?: string | null;
  'wm-received'?: string;
  author?: { name?: string; url?: string };
  content?: { text?: string };
}

function toWebmention(entry: Jf2Entry): Webmention | undefined {
  const type = PROPERTY_TYPES[entry['wm-property'] ?? ''];
  const id = entry['wm-id'];
  const target = entry['wm-target'];
  if (!type || id === undefined || !target || entry['wm-private']) return undefined;
  const when = entry.published ?? entry['wm-received'];
  const publishedAt = when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : undefined;
  const text = entry.content?.text?.trim();
  return {
    id: String(id),
    type,
    target,
    url: entry.url ?? entry['wm-source'] ?? '',
    author: { name: entry.author?.name ?? '', handle: '', ...(entry.author?.url ? { url: entry.author.url } : {}) },
    ...(text ? { text: text.slice(0, MAX_TEXT) } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/** Every webmention webmention.io holds for the domain (public ones only). */
export async function fetchWebmentions(config: WebmentionConfig, deps: AdapterDeps): Promise<Webmention[]> {
  const mentions: Webmention[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ domain: config.domain, token: config.token, 'per-page': String(PER_PAGE), page: String(page) });
    const { body } = await requestJson(deps.fetch, {
      method: 'GET',
      url: `${config.apiUrl}/api/mentions.jf2?${query}`,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
    });
    const children = (body as { children?: Jf2Entry[] } | undefined)?.children ?? [];
    for (const entry of children) {
      const mention = toWebmention(entry);
      if (mention) mentions.push(mention);
    }
    if (children.length < PER_PAGE) break;
  }
  return mentions;
}
