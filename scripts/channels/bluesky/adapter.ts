/**
 * Bluesky through `@atproto/api`. Exactly once: each (item, network) has a deterministic record key
 * (a TID built from the item's date and a hash of its key), and a PDS refuses a second record at the
 * same key — so before posting again the adapter asks for that record, and after a refused write it
 * asks again. One login per run (Bluesky allows few logins a day).
 *
 * Reading back needs no login: counts and replies come from an AppView (the public one,
 * https://public.api.bsky.app, unless BLUESKY_APPVIEW names another), which indexes every PDS —
 * `app.bsky.feed.getPosts` for the counts, `app.bsky.feed.getPostThread` for the replies and
 * `app.bsky.feed.getQuotes` for the posts quoting the copy.
 */
import { createHash } from 'node:crypto';
import { Agent, AppBskyFeedDefs, AppBskyRichtextFacet, AtpAgent, AtUri, RichText, XRPCError } from '@atproto/api';
import type { Reply } from '../../../src/contract/snapshots.ts';
import { RequestError, retryAfterMs } from '../../lib/retry.ts';
import { registerSecret } from '../../lib/secrets.ts';
import {
  requireEnv,
  type AdapterDeps,
  type MissingCredentials,
  type NetworkAdapter,
  type PreparedPost,
  type ReadBack,
  type RemotePost,
} from '../adapter.ts';
import { counts, oldestFirst, toReply } from '../read-back.ts';

export const COLLECTION = 'app.bsky.feed.post';
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in TID form (https://atproto.com/specs/tid), which `app.bsky.feed.post` requires:
 * 53 bits of microseconds (the item's publication time plus a hash-derived offset under a
 * millisecond) and a 10-bit clock id from the same hash. The same item always gets the same key.
 */
export function recordKey(itemKey: string, datePublished: string): string {
  const hash = createHash('sha256').update(`bluesky\u0000${itemKey}`).digest();
  const micros = BigInt(Date.parse(datePublished)) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
  const clock = BigInt(hash.readUInt16BE(2) & 0x3ff);
  let value = (micros << 10n) | clock;
  let tid = '';
  for (let i = 0; i < 13; i += 1) {
    tid = TID_ALPHABET[Number(value & 31n)]! + tid;
    value >>= 5n;
  }
  return tid;
}

export interface BlueskyConfig {
  service: string;
  identifier: string;
  password: string;
  /** Where posts are seen: https://bsky.app. */
  appUrl?: string;
  /**
   * The AppView the publishing adapter's `readBack` takes counts and replies from. Unset, it only
   * confirms the record on the account's own PDS (collecting uses `createBlueskyReader`, which
   * defaults to the public AppView).
   */
  appview?: string;
}

export function blueskyConfig(env: Record<string, string | undefined>): BlueskyConfig | MissingCredentials {
  const found = requireEnv(env, ['BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD']);
  if ('missing' in found) return found;
  return {
    service: env['BLUESKY_SERVICE'] || 'https://bsky.social',
    identifier: found.BLUESKY_IDENTIFIER,
    password: found.BLUESKY_APP_PASSWORD,
    ...(env['BLUESKY_APPVIEW'] ? { appview: env['BLUESKY_APPVIEW'] } : {}),
  };
}

/** Bluesky's public AppView: reads without an account (https://docs.bsky.app/docs/advanced-guides/api-directory). */
export const PUBLIC_APPVIEW = 'https://public.api.bsky.app';

export interface BlueskyReaderConfig {
  /** The AppView to read from (BLUESKY_APPVIEW, default the public one). */
  appview: string;
  /** Where posts are seen: https://bsky.app. */
  appUrl?: string;
}

/** Reading needs no credentials, so this never reports any missing. */
export function blueskyReaderConfig(env: Record<string, string | undefined>): BlueskyReaderConfig {
  return { appview: (env['BLUESKY_APPVIEW'] || PUBLIC_APPVIEW).replace(/\/$/, '') };
}

export function translate(error: unknown, method: string, url: string, now: number): unknown {
  if (error instanceof XRPCError) {
    // @atproto/xrpc reports a failed connection as status 1 (Unknown).
    const status = error.status >= 100 ? error.status : undefined;
    return new RequestError({
      method,
      url,
      status,
      detail: error.message,
      retryAfterMs: error.headers ? retryAfterMs(error.headers, now) : undefined,
      cause: error,
    });
  }
  return error;
}

/** The thread is asked for this many levels deep at a time; deeper branches are asked for again from where they were cut. */
const THREAD_DEPTH = 10;
/** At most this many getPostThread requests per copy; a conversation needing more is reported as incomplete. */
const MAX_THREAD_REQUESTS = 25;
/** At most this many getQuotes pages (100 quotes each) per copy; more are left for the day they are fewer than that. */
const MAX_QUOTE_PAGES = 5;

export function timed(deps: AdapterDeps): typeof fetch {
  return (input, init) => deps.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(deps.timeoutMs) });
}

/**
 * Reads a post's counts and its whole reply tree from an AppView, without logging in. Blocked and
 * not-found replies (and what hangs under them) are left out, as Bluesky leaves them out of the
 * thread; the account's own replies are kept.
 */
export function createBlueskyReader(config: BlueskyReaderConfig, deps: AdapterDeps): Pick<NetworkAdapter, 'network' | 'readBack'> {
  const appUrl = config.appUrl ?? 'https://bsky.app';
  const agent = new Agent({ service: config.appview, fetch: timed(deps) });
  const endpoint = (nsid: string): string => `${config.appview}/xrpc/${nsid}`;
  const query = async <T>(nsid: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      throw translate(error, 'GET', endpoint(nsid), deps.now());
    }
  };

  const toBlueskyReply = (post: AppBskyFeedDefs.PostView): Reply | undefined => {
    const record = post.record as { text?: unknown; createdAt?: unknown };
    // A handle that no longer resolves reads "handle.invalid"; the profile is still reachable by DID.
    const profile = post.author.handle === 'handle.invalid' ? post.author.did : post.author.handle;
    return toReply({
      id: post.uri,
      url: `${appUrl}/profile/${profile}/post/${new AtUri(post.uri).rkey}`,
      author: { name: post.author.displayName ?? '', handle: `@${post.author.handle}`, url: `${appUrl}/profile/${profile}` },
      text: record.text,
      publishedAt: [record.createdAt, post.indexedAt],
    });
  };

  /** Every post quoting the copy (`app.bsky.feed.getQuotes`, 100 a page, cursor), up to MAX_QUOTE_PAGES pages. */
  const readQuotes = async (uri: string): Promise<{ posts: AppBskyFeedDefs.PostView[]; complete: boolean }> => {
    const posts: AppBskyFeedDefs.PostView[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_QUOTE_PAGES; page += 1) {
      const { data } = await query('app.bsky.feed.getQuotes', () =>
        agent.app.bsky.feed.getQuotes({ uri, limit: 100, ...(cursor ? { cursor } : {}) }),
      );
      posts.push(...data.posts);
      cursor = data.posts.length > 0 ? data.cursor : undefined;
      if (!cursor) return { posts, complete: true };
    }
    return { posts, complete: false };
  };

  return {
    network: 'bluesky',
    async readBack(remote: RemotePost): Promise<ReadBack> {
      const { data } = await query('app.bsky.feed.getPosts', () => agent.app.bsky.feed.getPosts({ uris: [remote.remoteId] }));
      const post = data.posts.find((candidate) => candidate.uri === remote.remoteId);
      if (!post) return { ...remote, exists: false, metrics: {} };
      const metrics = counts({ likes: post.likeCount, reposts: post.repostCount, replies: post.replyCount, quotes: post.quoteCount });

      const replies: Array<Reply | undefined> = [];
      const pending = [remote.remoteId];
      let requests = 0;
      while (pending.length > 0 && requests < MAX_THREAD_REQUESTS) {
        const uri = pending.shift()!;
        requests += 1;
        let thread: AppBskyFeedDefs.ThreadViewPost | undefined;
        try {
          const answer = await agent.app.bsky.feed.getPostThread({ uri, depth: THREAD_DEPTH, parentHeight: 0 });
          thread = AppBskyFeedDefs.isThreadViewPost(answer.data.thread) ? answer.data.thread : undefined;
        } catch (error) {
          // Deleted between the two requests (or a branch deleted since it was seen): nothing under it to read.
          if (!(error instanceof XRPCError && error.error === 'NotFound'))
            throw translate(error, 'GET', endpoint('app.bsky.feed.getPostThread'), deps.now());
        }
        const walk = (node: AppBskyFeedDefs.ThreadViewPost): void => {
          for (const child of node.replies ?? []) {
            if (!AppBskyFeedDefs.isThreadViewPost(child)) continue;
            replies.push(toBlueskyReply(child.post));
            // Past the requested depth the AppView leaves `replies` out: that branch is read on its own.
            if (child.replies === undefined && (child.post.replyCount ?? 0) > 0) pending.push(child.post.uri);
            else walk(child);
          }
        };
        if (thread) walk(thread);
      }
      const quotes = await readQuotes(remote.remoteId);
      return {
        ...remote,
        exists: true,
        metrics,
        replies: oldestFirst(replies),
        repliesComplete: pending.length === 0,
        quotes: oldestFirst(quotes.posts.map(toBlueskyReply)),
        quotesComplete: quotes.complete,
      };
    },
  };
}

/**
 * The mentions in a text as facets whose `did` the network resolved. `RichText.detectFacets(agent)`
 * asks the PDS (`com.atproto.identity.resolveHandle`) for each handle and, when one does not
 * resolve, leaves its `did` empty — still not a DID, so the record would be refused: such a mention
 * is dropped and stays plain text, as the Bluesky app leaves it.
 * https://docs.bsky.app/docs/advanced-guides/post-richtext#rich-text-facets
 */
export async function mentionFacets(agent: AtpAgent, text: string): Promise<AppBskyRichtextFacet.Main[]> {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  return (rich.facets ?? []).filter((facet) => {
    const mentions = facet.features.filter((feature) => AppBskyRichtextFacet.isMention(feature));
    return mentions.length > 0 && mentions.every((mention) => typeof mention.did === 'string' && mention.did.startsWith('did:'));
  });
}

/** The account's logged-in agent, made on first use: one login per run (Bluesky allows few logins a day). */
export function blueskyLogin(config: BlueskyConfig, deps: AdapterDeps): () => Promise<AtpAgent> {
  const timedFetch = timed(deps);
  let session: Promise<AtpAgent> | undefined;
  return (): Promise<AtpAgent> => {
    session ??= (async () => {
      // The session's JWTs are secrets from the moment they exist, the refreshed ones too: a server
      // error that echoes the request (`Bearer <access JWT>`) must not show them.
      const created = new AtpAgent({
        service: config.service,
        fetch: timedFetch,
        persistSession: (_event, session) => {
          registerSecret(session?.accessJwt);
          registerSecret(session?.refreshJwt);
        },
      });
      try {
        const { data } = await created.login({ identifier: config.identifier, password: config.password });
        registerSecret(data.accessJwt);
        registerSecret(data.refreshJwt);
      } catch (error) {
        session = undefined;
        throw translate(error, 'POST', `${config.service}/xrpc/com.atproto.server.createSession`, deps.now());
      }
      return created;
    })();
    return session;
  };
}

/** The account's own post at record key `rkey`, or undefined when there is none: what makes a retry find the earlier write. */
export async function findOwnPost(
  client: AtpAgent,
  rkey: string,
  where: { service: string; appUrl: string },
  deps: AdapterDeps,
): Promise<RemotePost | undefined> {
  const { did, handle } = client.session!;
  try {
    const { data } = await client.com.atproto.repo.getRecord({ repo: did, collection: COLLECTION, rkey });
    return { remoteId: data.uri, url: `${where.appUrl}/profile/${handle}/post/${rkey}` };
  } catch (error) {
    if (error instanceof XRPCError && error.error === 'RecordNotFound') return undefined;
    throw translate(error, 'GET', `${where.service.replace(/\/$/, '')}/xrpc/com.atproto.repo.getRecord`, deps.now());
  }
}

/**
 * Writes a post under its fixed record key, once: a write to a key that already holds a record is
 * refused (a local PDS answers 500), and then the record there is the one posted before.
 */
export async function createPostOnce(
  client: AtpAgent,
  rkey: string,
  record: Record<string, unknown>,
  where: { service: string; appUrl: string },
  deps: AdapterDeps,
): Promise<RemotePost> {
  try {
    const { data } = await client.com.atproto.repo.createRecord({ repo: client.session!.did, collection: COLLECTION, rkey, record });
    return { remoteId: data.uri, url: `${where.appUrl}/profile/${client.session!.handle}/post/${rkey}` };
  } catch (error) {
    const existing = await findOwnPost(client, rkey, where, deps);
    if (existing) return existing;
    throw translate(error, 'POST', `${where.service.replace(/\/$/, '')}/xrpc/com.atproto.repo.createRecord`, deps.now());
  }
}

export function createBlueskyAdapter(config: BlueskyConfig, deps: AdapterDeps): NetworkAdapter {
  const appUrl = config.appUrl ?? 'https://bsky.app';
  const reader = config.appview ? createBlueskyReader({ appview: config.appview.replace(/\/$/, ''), appUrl }, deps) : undefined;
  const agent = blueskyLogin(config, deps);
  const endpoint = (nsid: string): string => `${config.service.replace(/\/$/, '')}/xrpc/${nsid}`;

  const find = (client: AtpAgent, rkey: string): Promise<RemotePost | undefined> =>
    findOwnPost(client, rkey, { service: config.service, appUrl }, deps);

  const embed = async (client: AtpAgent, post: PreparedPost): Promise<Record<string, unknown>> => {
    const external: Record<string, unknown> = { uri: post.link.url, title: post.link.title, description: post.link.description };
    if (post.thumbnail) {
      try {
        const { data } = await client.uploadBlob(post.thumbnail.bytes, { encoding: post.thumbnail.mimeType });
        external['thumb'] = data.blob;
      } catch (error) {
        throw translate(error, 'POST', endpoint('com.atproto.repo.uploadBlob'), deps.now());
      }
    }
    return { $type: 'app.bsky.embed.external', external };
  };

  return {
    network: 'bluesky',
    keyFor: (item) => recordKey(item.key, item.datePublished),
    async publish(post, { key, resume }) {
      const client = await agent();
      if (resume) {
        const existing = await find(client, key);
        if (existing) return existing;
      }
      // Links and tags were found offline when composing; mentions need the network.
      const facets = [...((post.facets ?? []) as AppBskyRichtextFacet.Main[]), ...(await mentionFacets(client, post.text))].sort(
        (a, b) => a.index.byteStart - b.index.byteStart,
      );
      const record = {
        $type: COLLECTION,
        text: post.text,
        facets,
        createdAt: new Date(deps.now()).toISOString(),
        embed: await embed(client, post),
      };
      return createPostOnce(client, key, record, { service: config.service, appUrl }, deps);
    },
    async readBack(remote) {
      // The account's PDS says whether the record exists; an AppView (when configured) adds what came back.
      const client = await agent();
      const rkey = remote.remoteId.split('/').pop()!;
      const found = await find(client, rkey);
      if (!found) return { ...remote, exists: false, metrics: {} };
      const read = await reader?.readBack(remote);
      // An AppView that has not indexed the post yet knows nothing of it; the PDS has it, so it exists.
      return read?.exists ? read : { ...remote, exists: true, metrics: {} };
    },
  };
}
