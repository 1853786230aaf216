/**
 * X through `twitter-api-v2`, with OAuth 1.0a user tokens or an OAuth 2.0 user token. X has no
 * idempotency key, so before posting again the adapter looks for the item's URL among the account's
 * recent posts (`GET /2/users/:id/tweets`, entities.urls[].expanded_url).
 *
 * Credentials. OAuth 1.0a user tokens (X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET) do
 * not expire: the way for scheduled runs. An OAuth 2.0 token (X_OAUTH2_TOKEN) lasts two hours; with
 * X_REFRESH_TOKEN and X_CLIENT_ID (and X_CLIENT_SECRET for a confidential client) it is renewed
 * ahead of expiry or after a 401, and the rotated refresh token is kept in a file (x-oauth2.ts).
 * It needs tweet.read, tweet.write, users.read and offline.access: `POST /2/tweets` alone requires
 * the first three (X's OpenAPI document, https://api.x.com/2/openapi.json).
 *
 * Reading back: `GET /2/tweets/:id` (public_metrics) for the counts, and the replies from recent
 * search (`conversation_id:<id>`), which covers about the last seven days and is billed per post read
 * (https://docs.x.com/x-api/posts/search/introduction). Where the account's plan does not include it
 * (401/403 on search) the counts are returned without replies. The posts quoting the copy come from
 * `GET /2/tweets/:id/quote_tweets` (https://docs.x.com/x-api/posts/quote-tweets/quickstart), which
 * is not limited to a week; without it in the plan (401/403) there are no quotes.
 */
import { Agent } from 'node:http';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi } from 'twitter-api-v2';
import type { Reply } from '../../../src/contract/snapshots.ts';
import { RequestError, retryAfterMs } from '../../lib/retry.ts';
import {
  publishUnlessFound,
  stableKey,
  type AdapterDeps,
  type MissingCredentials,
  type NetworkAdapter,
  type RemotePost,
} from '../adapter.ts';
import { counts, oldestFirst, toReply } from '../read-back.ts';
import { decodeXEntities } from '../reply-text.ts';
import { createXOAuth2Session, xTokenFile, type XOAuth2Config } from './oauth2.ts';

export interface XConfig {
  /** https://api.x.com, or a test server. */
  apiUrl: string;
  auth:
    | { appKey: string; appSecret: string; accessToken: string; accessSecret: string }
    /** An OAuth 2.0 token that cannot be renewed: it works until it expires. */
    | { bearer: string }
    | { oauth2: Omit<XOAuth2Config, 'apiUrl'> };
}

const OAUTH1 = ['X_API_KEY', 'X_API_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET'] as const;

/** What to do when an OAuth 2.0 token that cannot be renewed has expired. */
const EXPIRED_HINT =
  'X’s OAuth 2.0 access tokens last two hours: set X_REFRESH_TOKEN and X_CLIENT_ID (from an authorization with offline.access), or use OAuth 1.0a user tokens (X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET), which do not expire';

export function xConfig(env: Record<string, string | undefined>): XConfig | MissingCredentials {
  const apiUrl = (env['X_API_URL'] || 'https://api.x.com').replace(/\/$/, '');
  if (env['X_REFRESH_TOKEN']) {
    if (!env['X_CLIENT_ID']) return { missing: ['X_CLIENT_ID'] };
    return {
      apiUrl,
      auth: {
        oauth2: {
          clientId: env['X_CLIENT_ID'],
          clientSecret: env['X_CLIENT_SECRET'] || undefined,
          refreshToken: env['X_REFRESH_TOKEN'],
          accessToken: env['X_OAUTH2_TOKEN'] || undefined,
          tokenFile: xTokenFile(env),
          ephemeral: env['GITHUB_ACTIONS'] === 'true',
        },
      },
    };
  }
  if (env['X_OAUTH2_TOKEN']) return { apiUrl, auth: { bearer: env['X_OAUTH2_TOKEN'] } };
  const missing = OAUTH1.filter((name) => !env[name]);
  if (missing.length > 0)
    return { missing: missing.length === OAUTH1.length ? [...OAUTH1, '(or X_REFRESH_TOKEN with X_CLIENT_ID)'] : missing };
  return {
    apiUrl,
    auth: {
      appKey: env['X_API_KEY']!,
      appSecret: env['X_API_SECRET']!,
      accessToken: env['X_ACCESS_TOKEN']!,
      accessSecret: env['X_ACCESS_SECRET']!,
    },
  };
}

export function translate(error: unknown, method: string, url: string, now: number): unknown {
  if (error instanceof ApiResponseError) {
    return new RequestError({
      method,
      url,
      status: error.code,
      detail: error.data?.detail ?? error.data?.title,
      retryAfterMs: retryAfterMs(error.headers, now),
      cause: error,
    });
  }
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError)
    return new RequestError({ method, url, detail: error.message, cause: error });
  return error;
}

/** An entry of a v2 answer's `errors` array (https://docs.x.com/x-api/fundamentals/response-codes-and-errors). */
interface XProblem {
  title?: string;
  type?: string;
  detail?: string;
}

/** X's "this post does not exist" (deleted, or never was). */
function isNotFound(problem: XProblem): boolean {
  return problem.title === 'Not Found Error' || (problem.type ?? '').endsWith('/resource-not-found');
}

interface TweetData {
  id: string;
  text: string;
  entities?: { urls?: Array<{ expanded_url?: string; unwound_url?: string }> };
  public_metrics?: { like_count?: number; retweet_count?: number; reply_count?: number; quote_count?: number };
  created_at?: string;
}

/** The user timeline's reach: "up to 3,200 of the most recent Posts", 100 a page. */
const MAX_TIMELINE_PAGES = 32;

/** Search pages read per copy (100 posts each); a busier conversation is cut there (it is never complete anyway). */
const MAX_SEARCH_PAGES = 5;

interface SearchPage {
  data?: Array<{ id: string; text: string; author_id?: string; created_at?: string; note_tweet?: { text?: string } }>;
  includes?: { users?: Array<{ id: string; name?: string; username?: string }> };
  meta?: { next_token?: string };
}

/** Quote pages read per copy (100 posts each); a post quoted more often keeps the rest for a later run. */
const MAX_QUOTE_PAGES = 5;

/** The fields asked of every post read back as a reply or a quote. */
const POST_FIELDS = 'author_id,created_at,conversation_id,in_reply_to_user_id,note_tweet';

/** A page of posts (search or quotes) as replies, with each author from the page's `includes`. */
function postsOf(answer: SearchPage): Array<Reply | undefined> {
  const users = new Map((answer.includes?.users ?? []).map((user) => [user.id, user]));
  return (answer.data ?? []).map((tweet) => {
    const user = tweet.author_id ? users.get(tweet.author_id) : undefined;
    const username = user?.username;
    const profile = username ? `https://x.com/${encodeURIComponent(username)}` : undefined;
    return toReply({
      id: tweet.id,
      url: profile ? `${profile}/status/${tweet.id}` : `https://x.com/i/status/${tweet.id}`,
      author: { name: user?.name ?? '', handle: username ? `@${username}` : '', url: profile },
      // A long post's `text` is cut at 280; the whole of it is in note_tweet.
      text: decodeXEntities(tweet.note_tweet?.text ?? tweet.text),
      publishedAt: [tweet.created_at],
    });
  });
}

/** X's API v2 for these credentials: one request function, renewing an OAuth 2.0 token when it expires. */
export function xRequester(
  config: XConfig,
  deps: AdapterDeps,
): { prefix: string; request: <T>(method: 'GET' | 'POST', path: string, data?: Record<string, unknown>) => Promise<T> } {
  // twitter-api-v2 sends with node:https; a plain-http test server needs an http agent.
  const settings = config.apiUrl.startsWith('http:') ? { httpAgent: new Agent() } : {};
  const auth = config.auth;
  const session = 'oauth2' in auth ? createXOAuth2Session({ ...auth.oauth2, apiUrl: config.apiUrl }, deps) : undefined;
  const fixed = 'oauth2' in auth ? undefined : 'bearer' in auth ? new TwitterApi(auth.bearer, settings) : new TwitterApi(auth, settings);
  const clients = new Map<string, TwitterApi>();
  const clientFor = (token: string): TwitterApi => {
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new TwitterApi(token, settings)));
    return client;
  };
  const prefix = `${config.apiUrl}/2/`;
  const send = <T>(client: TwitterApi, method: 'GET' | 'POST', path: string, data?: Record<string, unknown>): Promise<T> =>
    method === 'GET'
      ? client.v2.get<T>(path, data as Record<string, string | number> | undefined, { prefix, timeout: deps.timeoutMs })
      : client.v2.post<T>(path, data, { prefix, timeout: deps.timeoutMs });
  const request = async <T>(method: 'GET' | 'POST', path: string, data?: Record<string, unknown>): Promise<T> => {
    try {
      if (!session) return await send<T>(fixed!, method, path, data);
      try {
        return await send<T>(clientFor(await session.accessToken()), method, path, data);
      } catch (error) {
        // 401: the access token expired (or was revoked) before its time: renew it once and ask again.
        if (!(error instanceof ApiResponseError && error.code === 401)) throw error;
        return await send<T>(clientFor(await session.refresh()), method, path, data);
      }
    } catch (error) {
      const translated = translate(error, method, `${prefix}${path}`, deps.now());
      if ('bearer' in auth && translated instanceof RequestError && translated.status === 401) {
        throw new RequestError({ method, url: `${prefix}${path}`, status: 401, detail: EXPIRED_HINT, retryable: false, cause: error });
      }
      throw translated;
    }
  };
  return { prefix, request };
}

/** A post's address that needs no handle. */
export const xPostUrl = (id: string): string => `https://x.com/i/status/${id}`;

export function createXAdapter(config: XConfig, deps: AdapterDeps): NetworkAdapter {
  const { prefix, request } = xRequester(config, deps);
  const postUrl = xPostUrl;
  let me: Promise<string> | undefined;

  /**
   * The account's post linking to the item, posted since `since`: the user timeline pages back
   * (100 a page, `pagination_token`; `start_time` so X stops there itself) however many came after
   * the copy. The timeline holds the newest 3,200 posts, 32 pages.
   */
  const findSince = async (itemUrl: string, since: string): Promise<RemotePost | undefined> => {
    me ??= request<{ data: { id: string } }>('GET', 'users/me').then(({ data }) => data.id);
    const userId = await me.catch((error: unknown) => {
      me = undefined;
      throw error;
    });
    // A minute's slack: X's clock and ours.
    const startTime = new Date(Date.parse(since) - 60_000).toISOString();
    let next: string | undefined;
    for (let page = 0; page < MAX_TIMELINE_PAGES; page += 1) {
      const recent = await request<{ data?: TweetData[]; meta?: { next_token?: string } }>('GET', `users/${userId}/tweets`, {
        max_results: 100,
        'tweet.fields': 'entities,created_at',
        start_time: startTime,
        ...(next ? { pagination_token: next } : {}),
      });
      const found = (recent.data ?? []).find(
        (tweet) =>
          tweet.entities?.urls?.some((url) => url.expanded_url === itemUrl || url.unwound_url === itemUrl) || tweet.text.includes(itemUrl),
      );
      if (found) return { remoteId: found.id, url: postUrl(found.id) };
      const last = recent.data?.at(-1);
      next = recent.meta?.next_token;
      if (!next || !last || (last.created_at && Date.parse(last.created_at) < Date.parse(startTime))) return undefined;
    }
    throw new RequestError({
      method: 'GET',
      url: `${prefix}users/${userId}/tweets`,
      retryable: false,
      detail: `looked through ${MAX_TIMELINE_PAGES * 100} posts without reaching ${since}: could not tell whether it was posted`,
    });
  };

  /** The conversation's posts from recent search, or undefined when the API tier does not include search. */
  const searchReplies = async (id: string): Promise<Reply[] | undefined> => {
    const replies: Array<Reply | undefined> = [];
    let next: string | undefined;
    for (let page = 0; page < MAX_SEARCH_PAGES; page += 1) {
      let answer: SearchPage;
      try {
        answer = await request<SearchPage>('GET', 'tweets/search/recent', {
          query: `conversation_id:${id}`,
          'tweet.fields': POST_FIELDS,
          expansions: 'author_id',
          'user.fields': 'name,username',
          max_results: 100,
          ...(next ? { next_token: next } : {}),
        });
      } catch (error) {
        // Search is not in every API tier; the counts are still worth having.
        if (error instanceof RequestError && (error.status === 401 || error.status === 403)) return undefined;
        throw error;
      }
      replies.push(...postsOf(answer).filter((reply) => reply?.id !== id));
      next = answer.meta?.next_token;
      if (!next) break;
    }
    return oldestFirst(replies);
  };

  /**
   * The posts quoting the copy (`GET /2/tweets/:id/quote_tweets`, newest first, 100 a page,
   * pagination_token), whether the list is whole, or undefined when the API tier does not include the
   * endpoint (401/403), as for search.
   */
  const quotePosts = async (id: string): Promise<{ quotes: Reply[]; complete: boolean } | undefined> => {
    const quotes: Array<Reply | undefined> = [];
    let next: string | undefined;
    for (let page = 0; page < MAX_QUOTE_PAGES; page += 1) {
      let answer: SearchPage;
      try {
        answer = await request<SearchPage>('GET', `tweets/${id}/quote_tweets`, {
          'tweet.fields': POST_FIELDS,
          expansions: 'author_id',
          'user.fields': 'name,username',
          max_results: 100,
          ...(next ? { pagination_token: next } : {}),
        });
      } catch (error) {
        if (error instanceof RequestError && (error.status === 401 || error.status === 403)) return undefined;
        throw error;
      }
      quotes.push(...postsOf(answer));
      next = answer.meta?.next_token;
      if (!next) return { quotes: oldestFirst(quotes), complete: true };
    }
    return { quotes: oldestFirst(quotes), complete: false };
  };

  return {
    network: 'x',
    keyFor: (item) => stableKey(item.key, 'x'),
    publish(post, options) {
      const look = options.resume || options.unrecorded ? () => findSince(post.link.url, options.startedAt) : undefined;
      return publishUnlessFound(options, look, async () => {
        const { data } = await request<{ data: { id: string } }>('POST', 'tweets', { text: post.text });
        return { remoteId: data.id, url: postUrl(data.id) };
      });
    },
    async readBack(remote) {
      let data: TweetData | undefined;
      let errors: XProblem[] | undefined;
      try {
        ({ data, errors } = await request<{ data?: TweetData; errors?: XProblem[] }>('GET', `tweets/${remote.remoteId}`, {
          'tweet.fields': 'public_metrics',
        }));
      } catch (error) {
        if (error instanceof RequestError && error.status === 404) return { ...remote, exists: false, metrics: {} };
        throw error;
      }
      if (!data) {
        // A deleted post answers 200 with a "Not Found Error" in an errors array and no data. Any other
        // problem there (not authorized for the resource, a suspended account) is an error, not a deletion.
        const problem = (errors ?? []).find((error) => !isNotFound(error));
        if (problem) {
          throw new RequestError({
            method: 'GET',
            url: `${prefix}tweets/${remote.remoteId}`,
            status: 200,
            detail: problem.detail ?? problem.title ?? problem.type,
            retryable: false,
          });
        }
        return { ...remote, exists: false, metrics: {} };
      }
      const metrics = data.public_metrics ?? {};
      const quoted = await quotePosts(remote.remoteId);
      return {
        ...remote,
        exists: true,
        metrics: counts({
          likes: metrics.like_count,
          reposts: metrics.retweet_count,
          replies: metrics.reply_count,
          quotes: metrics.quote_count,
        }),
        replies: await searchReplies(remote.remoteId),
        // Recent search sees about a week: an older reply missing now was not necessarily removed.
        repliesComplete: false,
        ...(quoted ? { quotes: quoted.quotes, quotesComplete: quoted.complete } : {}),
      };
    },
  };
}
