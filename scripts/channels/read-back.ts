/**
 * What every adapter's `readBack` shares: counts checked before they go into a snapshot, replies
 * built from what strangers wrote (plain text, bounded, dated in ISO 8601), oldest first.
 *
 * Every public reply under the copy is kept, the account's own replies too (a thread the author
 * continues, or an answer to someone, is part of the conversation); nothing marks them as the
 * author's, since the handle already says so.
 */
import type { Metrics, Reply } from '../../src/contract/snapshots.ts';
import { plainName, plainText } from './reply-text.ts';

/** The longest URL kept; a longer one is not a real post's address, and is dropped rather than cut. */
const MAX_URL = 2048;

/** A post's counts, which every network's reader names (undefined for one it does not report); an email's, which only the newsletter's does. */
type PostCounts = 'likes' | 'reposts' | 'replies' | 'quotes';

/** The counts a network reported, keeping only whole numbers of 0 or more (a count it did not report is left out). */
export function counts(values: { [K in PostCounts]-?: unknown } & { [K in Exclude<keyof Metrics, PostCounts>]?: unknown }): Metrics {
  const metrics: Metrics = {};
  for (const [name, value] of Object.entries(values) as Array<[keyof Metrics, unknown]>) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) metrics[name] = value;
  }
  return metrics;
}

/** The first candidate that is a real instant (an ISO string, or milliseconds since 1970), as ISO 8601 UTC. */
export function isoInstant(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const ms = typeof candidate === 'number' ? candidate : typeof candidate === 'string' ? Date.parse(candidate) : Number.NaN;
    // Years 0000–9999 only: toISOString writes others as ±YYYYYY, which is not ISO 8601's usual form.
    if (Number.isFinite(ms) && ms >= -62_167_219_200_000 && ms < 253_402_300_800_000) return new Date(ms).toISOString();
  }
  return undefined;
}

function url(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_URL ? value : undefined;
}

export interface ReplyInput {
  id: string;
  url: unknown;
  author: { name?: unknown; handle?: unknown; url?: unknown };
  /** Already plain text (a network's HTML is converted first). */
  text: unknown;
  /** Candidates for when it was written, the preferred first. */
  publishedAt: unknown[];
}

/**
 * A reply as the snapshot keeps it: text and names normalised and bounded, URLs kept as given here
 * (collect drops any that is not http(s) when it writes the snapshot, and the site links only http(s)
 * ones), the date in ISO 8601. Undefined when it has no id or no usable date.
 */
export function toReply(input: ReplyInput): Reply | undefined {
  const publishedAt = isoInstant(...input.publishedAt);
  if (input.id === '' || publishedAt === undefined) return undefined;
  const authorUrl = url(input.author.url);
  return {
    id: input.id,
    url: url(input.url) ?? '',
    author: {
      name: typeof input.author.name === 'string' ? plainName(input.author.name) : '',
      handle: typeof input.author.handle === 'string' ? plainName(input.author.handle) : '',
      ...(authorUrl !== undefined ? { url: authorUrl } : {}),
    },
    text: typeof input.text === 'string' ? plainText(input.text) : '',
    publishedAt,
  };
}

/** Replies without repeats (pages can overlap), oldest first; same instant, by id. */
export function oldestFirst(replies: Iterable<Reply | undefined>): Reply[] {
  const byId = new Map<string, Reply>();
  for (const reply of replies) if (reply && !byId.has(reply.id)) byId.set(reply.id, reply);
  return [...byId.values()].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
