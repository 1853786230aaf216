/**
 * Threads with plain fetch (Graph API; no official JS SDK), in two steps: create a media container,
 * then publish it. When publishing answers without the media id, the container's status is checked
 * (FINISHED, PUBLISHED, ERROR, EXPIRED, IN_PROGRESS) "once per minute, for no more than 5 minutes",
 * as https://developers.facebook.com/docs/threads/troubleshooting recommends. Threads has no
 * idempotency key, so before posting again the adapter looks for the item's URL among the account's
 * recent threads. https://developers.facebook.com/docs/threads/posts
 *
 * The copy's address is its `permalink`. Threads can publish and not give it yet; the post is
 * recorded all the same (its id is what keeps it from being posted twice), under the address built
 * from its `shortcode` and `username` (the form of every permalink, threads.com/@user/post/code), or
 * failing that the profile's, which the next run replaces once Threads gives the permalink.
 * https://developers.facebook.com/docs/threads/threads-media
 *
 * Reading back: `GET /{media-id}/insights` (likes, replies, reposts, quotes; threads_manage_insights)
 * and `GET /{media-id}/conversation` (every reply at any depth, flattened, oldest first with
 * reverse=false; threads_read_replies). Without a scope the Graph API refuses that part (403, or 400
 * with a permission error code) and the copy is read without it. Replies the account hid, and those
 * Threads covered or that come from private profiles (no username), are not public and are left out.
 * https://developers.facebook.com/docs/threads/insights
 * https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/replies-and-conversations
 */
import type { Reply } from '../../../src/contract/snapshots.ts';
import { RequestError } from '../../lib/retry.ts';
import {
  publishUnlessFound,
  requireEnv,
  stableKey,
  type AdapterDeps,
  type MissingCredentials,
  type NetworkAdapter,
  type Published,
  type RemotePost,
} from '../adapter.ts';
import { requestJson } from '../http.ts';
import { counts, oldestFirst, toReply } from '../read-back.ts';

export interface ThreadsConfig {
  apiUrl: string;
  token: string;
  userId: string;
  /** Wait between container status checks: a minute, as Threads recommends. */
  pollMs?: number;
}

/** Container status checks after an answer without a media id: once a minute for five minutes. */
export const THREADS_STATUS_CHECKS = 5;
export const THREADS_POLL_MS = 60_000;

export function threadsConfig(env: Record<string, string | undefined>): ThreadsConfig | MissingCredentials {
  const found = requireEnv(env, ['THREADS_TOKEN', 'THREADS_USER_ID']);
  if ('missing' in found) return found;
  return {
    apiUrl: (env['THREADS_API_URL'] || 'https://graph.threads.net/v1.0').replace(/\/$/, ''),
    token: found.THREADS_TOKEN,
    userId: found.THREADS_USER_ID,
  };
}

interface ThreadsMedia {
  id: string;
  text?: string;
  permalink?: string;
  shortcode?: string;
  username?: string;
  link_attachment_url?: string;
}

/** Pages of the account's posts read looking for a copy before posting again (100 a page). */
const MAX_THREADS_PAGES = 50;
/** Conversation pages read per copy; a longer conversation is reported as incomplete. */
const MAX_CONVERSATION_PAGES = 40;
/** Threads' public profile address; `permalink` is the reply's own. */
const THREADS_PROFILE = 'https://www.threads.com/@';
/** Where a copy whose address Threads did not give, and whose account name is unknown, is recorded for now. */
const THREADS_HOME = 'https://www.threads.com/';

interface Insight {
  name?: string;
  values?: Array<{ value?: unknown }>;
  total_value?: { value?: unknown };
}

interface ThreadsReply {
  id: string;
  text?: string;
  username?: string;
  permalink?: string;
  timestamp?: string;
  hide_status?: string;
}

/** Shown to everyone: not hidden by the account, not covered by Threads. */
const VISIBLE: ReadonlySet<string> = new Set(['NOT_HUSHED', 'UNHUSHED']);

/**
 * A missing permission: 403, or the Graph API's 400 with error code 10 ("does not have permission")
 * or 200–299 (permission errors). https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
export function isPermissionError(status: number, body: unknown): boolean {
  if (status === 403) return true;
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return status === 400 && typeof code === 'number' && (code === 10 || (code >= 200 && code <= 299));
}

/** The Graph API error code of an answer (`{"error": {"code": 190}}`), if it has one. */
function graphCode(body: unknown): number | undefined {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Whether a failed read says the post is not there: 404, or 400 with code 100 ("Unsupported get
 * request": no such object). Anything else — code 190, an expired or revoked token, above all — is
 * an error, never a deleted copy.
 */
export function isGone(error: unknown): boolean {
  return error instanceof RequestError && (error.status === 404 || (error.status === 400 && graphCode(error.body) === 100));
}

/** Code 190: the token expired or was revoked (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
const EXPIRED_TOKEN = 190;

/** The Graph API for these credentials: the token in a header, an expired one said in one line. */
export function threadsRequester(config: ThreadsConfig, deps: AdapterDeps) {
  const send = async (
    method: string,
    path: string,
    params: Record<string, string> = {},
    accept?: (status: number, body: unknown) => boolean,
  ) => {
    const query = new URLSearchParams(params);
    try {
      return await request(method, path, query, accept);
    } catch (error) {
      if (error instanceof RequestError && graphCode(error.body) === EXPIRED_TOKEN) {
        throw new RequestError({
          method,
          url: error.url,
          status: error.status,
          retryable: false,
          body: error.body,
          cause: error,
          detail: 'THREADS_TOKEN expired or was revoked (Graph API code 190): make a new long-lived token and set THREADS_TOKEN',
        });
      }
      throw error;
    }
  };
  const request = (method: string, path: string, query: URLSearchParams, accept?: (status: number, body: unknown) => boolean) => {
    return requestJson(deps.fetch, {
      method,
      url: `${config.apiUrl}${path}${method === 'GET' && query.size > 0 ? `?${query}` : ''}`,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      // The token goes in a header, never in a URL that could end up in a message.
      headers: {
        Authorization: `Bearer ${config.token}`,
        ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(method === 'POST' ? { body: query.toString() } : {}),
      ...(accept ? { accept } : {}),
    });
  };
  return send;
}

/** The `id` of a Graph API answer, if it has one. */
export function idOf(body: unknown): string | undefined {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function createThreadsAdapter(config: ThreadsConfig, deps: AdapterDeps): NetworkAdapter {
  const send = threadsRequester(config, deps);
  const wait = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** The permalink, or the address built from shortcode and username (what every permalink is). */
  const addressOf = (media: ThreadsMedia): string | undefined => {
    if (media.permalink) return media.permalink;
    if (media.shortcode && media.username)
      return `${THREADS_PROFILE}${encodeURIComponent(media.username)}/post/${encodeURIComponent(media.shortcode)}`;
    return undefined;
  };
  const readAddress = async (id: string): Promise<ThreadsMedia> =>
    (await send('GET', `/${id}`, { fields: 'id,permalink,shortcode,username' })).body as ThreadsMedia;

  /** A published post, recorded whatever Threads says about its address (see the head of this file). */
  const recorded = async (id: string): Promise<Published> => {
    let media: ThreadsMedia = { id };
    try {
      media = await readAddress(id);
    } catch (error) {
      // The post exists: a failed look-up of its address must not leave it unrecorded.
      deps.log?.(`Threads: published ${id}, but its address could not be read — ${error instanceof Error ? error.message : String(error)}`);
    }
    const url = addressOf(media);
    if (url) return { remoteId: id, url };
    let username = media.username;
    if (!username)
      username = ((await send('GET', '/me', { fields: 'username' }).catch(() => ({ body: {} }))).body as { username?: string }).username;
    return {
      remoteId: id,
      url: username ? `${THREADS_PROFILE}${encodeURIComponent(username)}` : THREADS_HOME,
      note: 'Threads gave no permalink yet; the profile’s address is recorded until the next run asks again',
    };
  };

  /**
   * The account's post linking to the item, posted since `since`: `GET /{user-id}/threads` pages back
   * (100 a page, the `after` cursor) until a post is older than that, however many came after the copy.
   */
  const findSince = async (itemUrl: string, since: string): Promise<RemotePost | undefined> => {
    // A minute's slack: Threads' clock and ours.
    const oldest = Date.parse(since) - 60_000;
    let after: string | undefined;
    for (let page = 0; page < MAX_THREADS_PAGES; page += 1) {
      const { body } = await send('GET', `/${config.userId}/threads`, {
        fields: 'id,text,permalink,shortcode,username,link_attachment_url,timestamp',
        limit: '100',
        ...(after ? { after } : {}),
      });
      const { data = [], paging } = body as {
        data?: Array<ThreadsMedia & { timestamp?: string }>;
        paging?: { cursors?: { after?: string }; next?: string };
      };
      const found = data.find((media) => media.link_attachment_url === itemUrl || (media.text ?? '').includes(itemUrl));
      if (found) {
        const url = addressOf(found);
        return url ? { remoteId: found.id, url } : recorded(found.id);
      }
      // Threads writes timestamps as 2026-11-25T10:00:00+0000.
      const last = data.at(-1)?.timestamp?.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
      after = paging?.next ? paging.cursors?.after : undefined;
      if (!after || !last || Date.parse(last) < oldest) return undefined;
    }
    throw new RequestError({
      method: 'GET',
      url: `${config.apiUrl}/${config.userId}/threads`,
      retryable: false,
      detail: `looked through ${MAX_THREADS_PAGES * 100} posts without reaching ${since}: could not tell whether it was posted`,
    });
  };

  const waitForContainer = async (container: string): Promise<string> => {
    for (let check = 1; ; check += 1) {
      const { body } = await send('GET', `/${container}`, { fields: 'status,error_message' });
      const { status, error_message: reason } = body as { status?: string; error_message?: string };
      if (status === 'FINISHED' || status === 'PUBLISHED') return status;
      if (status === 'ERROR' || status === 'EXPIRED') {
        throw new RequestError({
          method: 'GET',
          url: `${config.apiUrl}/${container}`,
          status: 200,
          detail: `container ${status}${reason ? `: ${reason}` : ''}`,
          retryable: false,
        });
      }
      if (check >= THREADS_STATUS_CHECKS) break;
      await wait(config.pollMs ?? THREADS_POLL_MS);
    }
    throw new RequestError({
      method: 'GET',
      url: `${config.apiUrl}/${container}`,
      detail: `the container was still in progress after ${THREADS_STATUS_CHECKS} checks`,
    });
  };

  const metricsOf = (body: unknown) => {
    const data = ((body ?? {}) as { data?: Insight[] }).data ?? [];
    const value = (name: string): unknown => {
      const insight = data.find((candidate) => candidate.name === name);
      return insight?.values?.[0]?.value ?? insight?.total_value?.value;
    };
    return counts({ likes: value('likes'), reposts: value('reposts'), replies: value('replies'), quotes: value('quotes') });
  };

  /** Every public reply under the post, or undefined when the token may not read replies. */
  const readConversation = async (remote: RemotePost): Promise<{ replies: Reply[]; complete: boolean } | undefined> => {
    const replies: Array<Reply | undefined> = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_CONVERSATION_PAGES; page += 1) {
      const { status, body } = await send(
        'GET',
        `/${remote.remoteId}/conversation`,
        {
          fields: 'id,text,username,permalink,timestamp,hide_status',
          reverse: 'false',
          ...(after ? { after } : {}),
        },
        isPermissionError,
      );
      if (isPermissionError(status, body)) return undefined;
      const answer = (body ?? {}) as { data?: ThreadsReply[]; paging?: { cursors?: { after?: string }; next?: string } };
      for (const reply of answer.data ?? []) {
        // No username: a private profile's reply, which the public cannot see.
        if (!reply.username || (reply.hide_status !== undefined && !VISIBLE.has(reply.hide_status))) continue;
        replies.push(
          toReply({
            id: reply.id,
            url: reply.permalink ?? remote.url,
            author: { name: reply.username, handle: `@${reply.username}`, url: `${THREADS_PROFILE}${encodeURIComponent(reply.username)}` },
            text: reply.text ?? '',
            publishedAt: [reply.timestamp],
          }),
        );
      }
      // A further page exists only when the answer links to it.
      after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
      if (!after) return { replies: oldestFirst(replies), complete: true };
    }
    return { replies: oldestFirst(replies), complete: false };
  };

  return {
    network: 'threads',
    keyFor: (item) => stableKey(item.key, 'threads'),
    publish(post, options) {
      const look = options.resume || options.unrecorded ? () => findSince(post.link.url, options.startedAt) : undefined;
      return publishUnlessFound(options, look, async () => {
        const created = await send('POST', `/${config.userId}/threads`, {
          media_type: 'TEXT',
          text: post.text,
          link_attachment: post.link.url,
        });
        const container = idOf(created.body);
        if (!container) throw new Error(`[POST] ${config.apiUrl}/${config.userId}/threads: no container id`);
        const published = await send('POST', `/${config.userId}/threads_publish`, { creation_id: container });
        let id = idOf(published.body);
        if (!id) {
          const status = await waitForContainer(container);
          if (status === 'PUBLISHED') {
            const found = await findSince(post.link.url, options.startedAt);
            if (found) return found;
          }
          id = idOf((await send('POST', `/${config.userId}/threads_publish`, { creation_id: container })).body);
          if (!id)
            throw new RequestError({
              method: 'POST',
              url: `${config.apiUrl}/${config.userId}/threads_publish`,
              status: 200,
              detail: 'published without an id',
            });
        }
        return recorded(id);
      });
    },
    // A permalink always has /post/ in it; the profile (or home) address recorded without one is a stand-in.
    provisionalUrl: (url) => !/\/post\/[^/]+\/?$/.test(url),
    async resolveUrl(remote) {
      return addressOf(await readAddress(remote.remoteId));
    },
    async readBack(remote) {
      let media: ThreadsMedia;
      try {
        media = await readAddress(remote.remoteId);
      } catch (error) {
        if (isGone(error)) return { ...remote, exists: false, metrics: {} };
        throw error;
      }
      // A copy recorded under a stand-in address is read back under its own once Threads gives it.
      const copy = { ...remote, url: addressOf(media) ?? remote.url };
      const insights = await send('GET', `/${copy.remoteId}/insights`, { metric: 'likes,replies,reposts,quotes' }, isPermissionError);
      const conversation = await readConversation(copy);
      return {
        ...copy,
        exists: true,
        metrics: isPermissionError(insights.status, insights.body) ? {} : metricsOf(insights.body),
        ...(conversation ? { replies: conversation.replies, repliesComplete: conversation.complete } : {}),
      };
    },
  };
}
