/**
 * The one interface every network adapter implements: publish a composed post, and read back what
 * was posted (the "collect engagement" step builds on `readBack`). Each channel's folder holds its
 * adapter, and its `index.ts` declares the channel (channel.ts).
 */
import { createHash } from 'node:crypto';
import type { Metrics, Reply } from '../../src/contract/snapshots.ts';
import type { Network } from '../../src/contract/networks.ts';
import type { ComposedPost } from './post.ts';
import type { Thumbnail } from '../syndicate/feed.ts';
import { credentialsRejected, RequestError } from '../lib/retry.ts';

/** What the look before posting found: the earlier copy, if any, and a note when the check could not be made. */
export interface Looked<T> {
  found?: T | undefined;
  note?: string | undefined;
}

/**
 * Runs the look for an earlier copy before posting. For an unrecorded item (no attempt known), a look
 * the network refuses outright (a 4xx other than 429 and a rejected credential: a missing read scope, a retired API version)
 * does not stop the post; the note says the check could not be made. After an attempt that may have
 * posted (`resume`), every failure stops it, as before.
 */
export async function lookBeforePosting<T>(options: PublishOptions, look: () => Promise<T | undefined>): Promise<Looked<T>> {
  try {
    return { found: await look() };
  } catch (error) {
    const refused =
      error instanceof RequestError &&
      error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500 &&
      error.status !== 429 &&
      !credentialsRejected(error);
    if (!options.resume && options.unrecorded && refused)
      return { note: `not in the ledger, and the look for an earlier copy was refused: ${error.message}` };
    throw error;
  }
}

/**
 * Publishing with the look before it, where `look` is given (the adapter decides when a look is due):
 * an earlier copy it finds is returned and nothing is posted; otherwise `post` runs, and a note from
 * the look (a check that could not be made) is added to what it gives back.
 */
export async function publishUnlessFound(
  options: PublishOptions,
  look: (() => Promise<Published | undefined>) | undefined,
  post: () => Promise<Published>,
): Promise<Published> {
  const looked = look ? await lookBeforePosting(options, look) : {};
  if (looked.found) return looked.found;
  const published = await post();
  if (!looked.note) return published;
  return { ...published, note: published.note ? `${published.note}; ${looked.note}` : looked.note };
}

/** A composed post with its share card loaded, ready to send. */
export interface PreparedPost extends ComposedPost {
  thumbnail?: Thumbnail | undefined;
}

/** A post that exists on a network. */
export interface RemotePost {
  remoteId: string;
  url: string;
}

/** What publishing gives back: the post, and a line worth telling the person (a check that could not be made). */
export interface Published extends RemotePost {
  note?: string | undefined;
}

export interface PublishOptions {
  /** Deterministic per (item, network): Bluesky's record key, Mastodon's Idempotency-Key. */
  key: string;
  /**
   * An earlier request for this post may have reached the network (an in-flight mark in the ledger,
   * or a failed attempt in this run): the adapter makes sure it does not post a second copy.
   */
  resume: boolean;
  /** When the first request for this post was about to be sent (ISO 8601); with `unrecorded`, the item's publication. */
  startedAt: string;
  /**
   * The ledger has no entry for this item, but may have lost it (a ledger deleted or restored from
   * an older copy): the adapter looks for a copy posted since `startedAt` where it can, and posts
   * where it cannot look (LinkedIn without r_member_social: saying so in its note), since holding
   * every piece of a first run for the person would be worse than the rare lost ledger.
   */
  unrecorded?: boolean | undefined;
}

export interface ReadBack extends RemotePost {
  exists: boolean;
  /** What the network reports; a count it does not report (or not with our scopes) is left out. */
  metrics: Metrics;
  /**
   * The public replies (all of the conversation under the copy, as plain text), or undefined when the
   * network does not give them to us (missing scope or API tier).
   */
  replies?: Reply[] | undefined;
  /**
   * True when `replies` is every reply the network shows, so one seen before and missing now was
   * removed. False where the network only shows recent ones (X's search covers about a week).
   */
  repliesComplete?: boolean | undefined;
  /**
   * The public quote-posts of the copy (posts of their own that quote it), in a reply's shape, or
   * undefined when the network does not give them (no such endpoint, or not with our scopes).
   */
  quotes?: Reply[] | undefined;
  /** True when `quotes` is every quote the network shows, so one seen before and missing now was removed. */
  quotesComplete?: boolean | undefined;
  /** What could not be read and why (a restricted scope), for the collect summary. */
  note?: string | undefined;
}

export interface NetworkAdapter {
  network: Network;
  /** The deterministic key for an item on this network. */
  keyFor: (item: { key: string; datePublished: string }) => string;
  /** What composing needs from the account's server (Mastodon's instance limits), handed to its channel's `compose`. */
  composeSettings?: () => Promise<unknown>;
  publish: (post: PreparedPost, options: PublishOptions) => Promise<Published>;
  readBack: (remote: RemotePost) => Promise<ReadBack>;
  /** Whether a recorded address is a stand-in (the network gave none when the copy was posted). */
  provisionalUrl?: (url: string) => boolean;
  /** The copy's own address, when the network gives it now; undefined while it still does not. */
  resolveUrl?: (remote: RemotePost) => Promise<string | undefined>;
  /**
   * The post a public address names (what the person pastes into `--resolve`), for a network that may
   * hold an item with `NeedsConfirmation`. Throws one line saying which addresses it takes.
   */
  remoteFromUrl?: (url: string) => RemotePost;
}

/**
 * Thrown by `publish` when an earlier attempt may have posted the item and the network will not let
 * the adapter look (LinkedIn without r_member_social). Posting again could make a second copy and
 * not posting could lose the item, so neither happens: the run holds the item, its in-flight mark
 * stays, and the person looks and says which it was (`--resolve`). Never retried.
 */
export class NeedsConfirmation extends Error {
  /** Why the adapter cannot tell: "this token cannot look (listing posts needs r_member_social)". */
  readonly why: string;
  /** Where the person can see for themselves: "your LinkedIn activity". */
  readonly lookAt: string;

  constructor(options: { why: string; lookAt: string }) {
    super(`an earlier attempt may have posted it, and ${options.why}`);
    this.name = 'NeedsConfirmation';
    this.why = options.why;
    this.lookAt = options.lookAt;
  }
}

/** What every adapter is given besides its credentials. */
export interface AdapterDeps {
  fetch: typeof fetch;
  /** Each request gives up after this long (a slow network must not hang the run). */
  timeoutMs: number;
  now: () => number;
  /** Waits between status checks (injected, so tests do not wait the minutes a network asks for). */
  sleep?: (ms: number) => Promise<void>;
  /** Progress lines (already redacted by the caller's `log`). */
  log?: (line: string) => void;
}

/** A credential-less network: the variables that are missing, for the one line that says so. */
export interface MissingCredentials {
  missing: string[];
}

/** `sha256(item key + network)`, shortened: the same for every run, different per item and network. */
export function stableKey(itemKey: string, network: Network): string {
  return createHash('sha256').update(`${network}\u0000${itemKey}`).digest('hex').slice(0, 32);
}

/** Reads required variables; undefined entries are listed as missing. */
export function requireEnv<K extends string>(
  env: Record<string, string | undefined>,
  names: readonly K[],
): Record<K, string> | MissingCredentials {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) return { missing };
  return Object.fromEntries(names.map((name) => [name, env[name]!])) as Record<K, string>;
}
