/**
 * Local HTTP servers (127.0.0.1, port 0) that follow the documented contracts of Mastodon, X,
 * LinkedIn and Threads closely enough to test the syndication adapters against: paths, auth headers,
 * status codes, Mastodon's Idempotency-Key, 429 with Retry-After or a reset header. Faults can be
 * injected: a status before the request is handled, a slow answer, a dropped connection, or the
 * worst case — the post is made and then the answer is lost. State lives in the test process, so it
 * survives the syndicate processes a crash test kills.
 *
 * They also serve what collecting reads back — counts, replies and their threads — from the same
 * state; a test adds replies, likes and reposts to a posted copy with each server's helpers, and
 * refuses a missing scope with a `status` fault (403).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  json: () => any;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
}

export type FaultKind =
  /** Answer with `status` (and `headers`) without handling the request. */
  | 'status'
  /** Handle the request, then answer only after `delayMs`. */
  | 'slow'
  /** Close the connection without an answer, without handling the request. */
  | 'drop'
  /** Handle the request (the post exists), then answer 500: the client cannot know it worked. */
  | 'lost-answer';

export interface Fault {
  kind: FaultKind;
  when: (request: FakeRequest) => boolean;
  /** How many requests it hits; then it is spent. */
  times: number;
  status?: number;
  headers?: Record<string, string>;
  /** The body of a `status` fault (default `{"error": "injected fault"}`). */
  json?: unknown;
  delayMs?: number;
}

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  faults: Fault[];
  /** Called for every request not hit by a listed fault: may return one (the crash test's random faults). */
  randomFault?: ((request: FakeRequest) => Omit<Fault, 'when' | 'times'> | undefined) | undefined;
  close: () => Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, answer: FakeResponse): void {
  const body = answer.json === undefined ? '' : JSON.stringify(answer.json);
  response.writeHead(answer.status, {
    ...(answer.json === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...answer.headers,
  });
  response.end(body);
}

export async function startFakeServer(
  handle: (request: FakeRequest, base: string) => FakeResponse | Promise<FakeResponse>,
): Promise<FakeServer> {
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeServer = { url: '', requests: [], faults: [], close: async () => undefined };
  const server = createServer(async (incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(incoming);
    const request: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body,
      json: () => JSON.parse(body.toString('utf8')),
    };
    fake.requests.push(request);
    const listed = fake.faults.find((fault) => fault.times > 0 && fault.when(request));
    if (listed) listed.times -= 1;
    const fault = listed ?? fake.randomFault?.(request);
    try {
      if (fault?.kind === 'drop') {
        incoming.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        send(response, { status: fault.status ?? 500, headers: fault.headers ?? {}, json: fault.json ?? { error: 'injected fault' } });
        return;
      }
      const answer = await handle(request, fake.url);
      if (fault?.kind === 'lost-answer') {
        send(response, { status: 500, json: { error: 'injected fault after the request was handled' } });
        return;
      }
      if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
      if (!response.destroyed) send(response, answer);
    } catch (error) {
      send(response, { status: 500, json: { error: String(error) } });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return fake;
}

const unauthorised = (message = 'The access token is invalid'): FakeResponse => ({ status: 401, json: { error: message } });

function bearer(request: FakeRequest, token: string): boolean {
  return request.headers.authorization === `Bearer ${token}`;
}

/** An account as Mastodon describes it; `acct` is `user` for the server's own accounts, `user@domain` for others. */
export interface FakeMastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  url: string;
}

/** A reply in the thread under a status: content is HTML, as a server sends it. */
export interface FakeMastodonReply {
  id: string;
  inReplyToId: string;
  account: FakeMastodonAccount;
  content: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  spoilerText: string;
  createdAt: string;
  /** The status's web page; a remote status's is on its own server, and some have none (`uri` is used). */
  url: string | null;
}

/** Mastodon's REST API: statuses, the account's statuses, the instance's limits, Idempotency-Key, a status's context. */
export interface FakeMastodon extends FakeServer {
  statuses: Array<{
    id: string;
    text: string;
    idempotencyKey: string | undefined;
    createdAt?: string;
    /** The status this one answers (`in_reply_to_id`), and the visibility it was posted with. */
    inReplyToId?: string | undefined;
    visibility?: string | undefined;
  }>;
  /** Forgets every Idempotency-Key, as Mastodon does after an hour. */
  expireIdempotencyKeys: () => void;
  replies: FakeMastodonReply[];
  /** Favourites, boosts and quotes per status id. */
  engagement: Map<string, { favourites?: number; reblogs?: number; quotes?: number }>;
  /**
   * Mastodon 4.5 and later report `quotes_count` and list a status's quotes
   * (`GET /api/v1/statuses/:id/quotes`); older servers leave the count out and answer 404 there.
   */
  reportsQuotes: boolean;
  /** Accepted quote-posts of the account's statuses (a server lists only accepted ones). */
  quotes: Array<Omit<FakeMastodonReply, 'inReplyToId'> & { quotedId: string }>;
  /** Adds a quote-post of a status and returns its id. */
  quote: (
    quotedId: string,
    quote: { account: FakeMastodonAccount; content: string; visibility?: FakeMastodonReply['visibility']; createdAt: string },
  ) => string;
  /** The token's scopes (default `read write:statuses`, what docs/networks.md asks for). */
  scopes: string[];
  /** Adds a reply under a status (or a reply) and returns its id. */
  reply: (
    inReplyToId: string,
    reply: {
      account: FakeMastodonAccount;
      content: string;
      visibility?: FakeMastodonReply['visibility'];
      spoilerText?: string;
      createdAt: string;
      url?: string | null;
    },
  ) => string;
}

/**
 * Which scope each endpoint asks of a token (Mastodon's controllers: `doorkeeper_authorize!` for
 * writes and verify_credentials, `authorize_if_got_token!` for reads — a token that has scopes must
 * have these even for public data). https://docs.joinmastodon.org/api/oauth-scopes/
 */
function mastodonScopeFor(method: string, path: string): string[] | undefined {
  if (method === 'POST' && path === '/api/v1/statuses') return ['write', 'write:statuses'];
  if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') return ['read', 'read:accounts', 'profile'];
  if (
    method === 'GET' &&
    (/^\/api\/v1\/accounts\/[^/]+\/statuses$/.test(path) || /^\/api\/v1\/statuses\/[^/]+(\/context|\/quotes)?$/.test(path))
  )
    return ['read', 'read:statuses'];
  return undefined;
}

export async function startFakeMastodon(options: { token: string; maxCharacters?: number; scopes?: string[] }): Promise<FakeMastodon> {
  const statuses: FakeMastodon['statuses'] = [];
  const replies: FakeMastodonReply[] = [];
  const quotes: FakeMastodon['quotes'] = [];
  const engagement: FakeMastodon['engagement'] = new Map();
  // Mastodon keeps each Idempotency-Key (per account) for an hour and answers a repeat with the first status.
  const keys = new Map<string, string>();
  const ceo = (base: string): FakeMastodonAccount => ({
    id: '1',
    username: 'ceo',
    acct: 'ceo',
    display_name: 'Morwenna Hale',
    url: `${base}/@ceo`,
  });
  const counts = (id: string) => {
    const { favourites = 0, reblogs = 0, quotes: quoted = 0 } = engagement.get(id) ?? {};
    return {
      favourites_count: favourites,
      reblogs_count: reblogs,
      replies_count: replies.filter((reply) => reply.inReplyToId === id).length,
      ...(mastodon.reportsQuotes ? { quotes_count: quoted + quotes.filter((quote) => quote.quotedId === id).length } : {}),
    };
  };
  const toJson = (status: FakeMastodon['statuses'][number], base: string) => ({
    id: status.id,
    uri: `${base}/users/ceo/statuses/${status.id}`,
    url: `${base}/@ceo/${status.id}`,
    created_at: status.createdAt ?? new Date().toISOString(),
    content: `<p>${status.text.replace(/https?:\/\/\S+/g, (url) => `<a href="${url}">${url}</a>`)}</p>`,
    spoiler_text: '',
    in_reply_to_id: status.inReplyToId ?? null,
    visibility: status.visibility ?? 'public',
    ...counts(status.id),
    account: ceo(base),
  });
  const replyJson = (reply: FakeMastodonReply) => ({
    id: reply.id,
    uri: `${reply.account.url.replace(/\/@[^/]+$/, '')}/users/${reply.account.username}/statuses/${reply.id}`,
    url: reply.url,
    created_at: reply.createdAt,
    content: reply.content,
    spoiler_text: reply.spoilerText,
    in_reply_to_id: reply.inReplyToId,
    visibility: reply.visibility,
    ...counts(reply.id),
    account: reply.account,
  });
  /** The tree under a status, depth first, as Mastodon orders a context's descendants; the account's own answers among them. */
  const descendants = (id: string, base: string): unknown[] => [
    ...replies.filter((reply) => reply.inReplyToId === id).flatMap((reply) => [replyJson(reply), ...descendants(reply.id, base)]),
    ...statuses.filter((status) => status.inReplyToId === id).flatMap((status) => [toJson(status, base), ...descendants(status.id, base)]),
  ];
  const server = await startFakeServer((request, base) => {
    if (request.method === 'GET' && request.path === '/api/v2/instance') {
      return {
        status: 200,
        json: {
          domain: '127.0.0.1',
          configuration: { statuses: { max_characters: options.maxCharacters ?? 500, characters_reserved_per_url: 23 } },
        },
      };
    }
    if (!bearer(request, options.token)) return unauthorised();
    // https://docs.joinmastodon.org/methods/apps/#verify_credentials: the app's registered scopes (4.3 and later).
    if (request.method === 'GET' && request.path === '/api/v1/apps/verify_credentials') {
      return {
        status: 200,
        json: { name: 'Thought-leadership hub', website: null, scopes: mastodon.scopes, redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'] },
      };
    }
    const scopes = mastodonScopeFor(request.method, request.path);
    if (scopes && !scopes.some((scope) => mastodon.scopes.includes(scope)))
      return { status: 403, json: { error: 'This action is outside the authorized scopes' } };
    if (request.method === 'POST' && request.path === '/api/v1/statuses') {
      const key = request.headers['idempotency-key'] as string | undefined;
      const seen = key ? keys.get(key) : undefined;
      if (seen)
        return {
          status: 200,
          json: toJson(
            statuses.find((status) => status.id === seen)!,
            base,
          ),
        };
      const {
        status: text,
        in_reply_to_id: inReplyToId,
        visibility,
      } = request.json() as {
        status: string;
        in_reply_to_id?: string;
        visibility?: string;
      };
      if (typeof text !== 'string' || text === '') return { status: 422, json: { error: "Validation failed: Text can't be blank" } };
      // https://docs.joinmastodon.org/methods/statuses/#create: 404 when the status answered does not exist.
      if (
        inReplyToId !== undefined &&
        !statuses.some((status) => status.id === inReplyToId) &&
        !replies.some((reply) => reply.id === inReplyToId)
      )
        return { status: 404, json: { error: 'Record not found' } };
      const status = { id: String(110_000 + statuses.length), text, idempotencyKey: key, inReplyToId, visibility };
      statuses.push(status);
      if (key) keys.set(key, status.id);
      return { status: 200, json: toJson(status, base) };
    }
    if (request.method === 'GET' && request.path === '/api/v1/accounts/verify_credentials')
      return { status: 200, json: { id: '1', username: 'ceo', acct: 'ceo' } };
    if (request.method === 'GET' && request.path === '/api/v1/accounts/1/statuses') {
      // Newest first, at most 40 a page; max_id pages back (https://docs.joinmastodon.org/methods/accounts/#statuses).
      const maxId = request.query.get('max_id');
      const limit = Math.min(40, Number(request.query.get('limit') ?? 20));
      const page = [...statuses]
        .reverse()
        .filter((status) => !maxId || Number(status.id) < Number(maxId))
        .slice(0, limit);
      return { status: 200, json: page.map((status) => toJson(status, base)) };
    }
    const quotesOf = /^\/api\/v1\/statuses\/(\d+)\/quotes$/.exec(request.path)?.[1];
    if (request.method === 'GET' && quotesOf !== undefined && mastodon.reportsQuotes) {
      // https://docs.joinmastodon.org/methods/statuses/#quotes: newest first, 20 a page (at most 40),
      // max_id for the next page, announced in the Link header; only the quoted status's author may ask.
      if (!statuses.some((status) => status.id === quotesOf)) return { status: 404, json: { error: 'Record not found' } };
      const limit = Math.min(40, Number(request.query.get('limit') ?? 20));
      const maxId = request.query.get('max_id');
      const all = quotes
        .filter((quote) => quote.quotedId === quotesOf)
        .toSorted((a, b) => Number(b.id) - Number(a.id))
        .filter((quote) => !maxId || Number(quote.id) < Number(maxId));
      const page = all.slice(0, limit);
      const more = all.length > limit;
      return {
        status: 200,
        headers: more ? { Link: `<${base}${request.path}?limit=${limit}&max_id=${page.at(-1)!.id}>; rel="next"` } : {},
        // A quote is a status of its own, not a reply: no in_reply_to_id; `quote` names what it quotes.
        json: page.map(({ quotedId, ...quote }) => ({
          ...replyJson({ ...quote, inReplyToId: '' }),
          in_reply_to_id: null,
          quote: { state: 'accepted', quoted_status_id: quotedId },
        })),
      };
    }
    const match = /^\/api\/v1\/statuses\/(\d+)(\/context)?$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const status = statuses.find((candidate) => candidate.id === match[1]);
      const reply = replies.find((candidate) => candidate.id === match[1]);
      if (!status && !reply) return { status: 404, json: { error: 'Record not found' } };
      if (match[2]) return { status: 200, json: { ancestors: [], descendants: descendants(match[1]!, base) } };
      return { status: 200, json: status ? toJson(status, base) : replyJson(reply!) };
    }
    return { status: 404, json: { error: 'Not found' } };
  });
  const mastodon: FakeMastodon = Object.assign(server, {
    statuses,
    replies,
    engagement,
    reportsQuotes: false,
    quotes,
    quote: (quotedId: string, quote: Parameters<FakeMastodon['quote']>[1]) => {
      const id = String(130_000 + quotes.length);
      quotes.push({
        id,
        quotedId,
        account: quote.account,
        content: quote.content,
        visibility: quote.visibility ?? 'public',
        spoilerText: '',
        createdAt: quote.createdAt,
        url: `${quote.account.url}/${id}`,
      });
      return id;
    },
    scopes: options.scopes ?? ['read', 'write:statuses'],
    expireIdempotencyKeys: () => keys.clear(),
    reply: (inReplyToId: string, reply: Parameters<FakeMastodon['reply']>[1]) => {
      const id = String(120_000 + replies.length);
      replies.push({
        id,
        inReplyToId,
        account: reply.account,
        content: reply.content,
        visibility: reply.visibility ?? 'public',
        spoilerText: reply.spoilerText ?? '',
        createdAt: reply.createdAt,
        url: reply.url === undefined ? `${reply.account.url}/${id}` : reply.url,
      });
      return id;
    },
  });
  return mastodon;
}

/**
 * The OAuth 2.0 scopes each endpoint the hub calls requires, from the `security` of X's OpenAPI
 * document (https://api.x.com/2/openapi.json; tests/fixtures/specs/x-api-v2.json keeps those paths).
 */
export const X_SCOPES: Array<{ method: string; path: RegExp; scopes: string[] }> = [
  { method: 'POST', path: /^\/2\/tweets$/, scopes: ['tweet.read', 'tweet.write', 'users.read'] },
  { method: 'GET', path: /^\/2\/users\/me$/, scopes: ['tweet.read', 'users.read'] },
  { method: 'GET', path: /^\/2\/users\/\d+\/tweets$/, scopes: ['tweet.read', 'users.read'] },
  { method: 'GET', path: /^\/2\/tweets\/search\/recent$/, scopes: ['tweet.read', 'users.read'] },
  { method: 'GET', path: /^\/2\/tweets\/\d+$/, scopes: ['tweet.read', 'users.read'] },
  { method: 'GET', path: /^\/2\/tweets\/\d+\/quote_tweets$/, scopes: ['tweet.read', 'users.read'] },
];

/** X's OAuth 2.0 side: a client, the user's grant (its scopes), and the tokens issued, each living two hours. */
export interface FakeXOAuth2 {
  clientId: string;
  /** A confidential client's secret: the token endpoint then wants HTTP Basic. */
  clientSecret?: string | undefined;
  scopes: string[];
  /** The refresh tokens X would accept now (each works once). */
  refreshTokens: Set<string>;
  /** Access tokens and when they expire (ms). */
  accessTokens: Map<string, number>;
  /** The fake's clock, for expiry (tests move it instead of waiting two hours). */
  now: () => number;
  /** Issues a new access token (and refresh token with offline.access), as an authorization would. */
  issue: () => { accessToken: string; refreshToken: string | undefined };
}

/** X API v2: POST /2/tweets (OAuth 1.0a or 2.0), GET /2/users/me, /2/users/:id/tweets, /2/tweets/:id, /2/tweets/search/recent, /2/oauth2/token. */
export interface FakeX extends FakeServer {
  oauth2: FakeXOAuth2;
  tweets: Array<{ id: string; text: string; createdAt?: string; inReplyTo?: string | undefined }>;
  /** Replies anywhere in a post's conversation (X's `conversation_id` is the first post's id). */
  replies: Array<{
    id: string;
    conversationId: string;
    author: { id: string; name: string; username: string };
    text: string;
    createdAt: string;
  }>;
  /** Likes, reposts and quotes per post id (reply_count is counted from `replies`, quote_count adds `quotes`). */
  engagement: Map<string, { likes?: number; reposts?: number; quotes?: number }>;
  /** Posts quoting a post (`GET /2/tweets/:id/quote_tweets`). */
  quotes: Array<{ id: string; quotedId: string; author: { id: string; name: string; username: string }; text: string; createdAt: string }>;
  /** Adds a post quoting `quotedId` and returns its id. */
  quote: (quotedId: string, quote: { author: { id: string; name: string; username: string }; text: string; createdAt: string }) => string;
  /** Adds a reply in a post's conversation and returns its id. */
  reply: (
    conversationId: string,
    reply: { author: { id: string; name: string; username: string }; text: string; createdAt: string },
  ) => string;
}

/** X escapes these three in a post's `text`, and only these. */
const xText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** X's error for a token it does not accept, and for one without the scope (https://docs.x.com/x-api/fundamentals/response-codes-and-errors). */
const xProblem = (status: 401 | 403, detail: string): FakeResponse => ({
  status,
  headers: { 'Content-Type': 'application/problem+json' },
  json: { title: status === 401 ? 'Unauthorized' : 'Forbidden', type: 'about:blank', status, detail },
});

export async function startFakeX(options: {
  consumerKey: string;
  oauth2?: { clientId: string; clientSecret?: string; scopes: string[]; now?: () => number };
}): Promise<FakeX> {
  let issued = 0;
  const oauth2: FakeXOAuth2 = {
    clientId: options.oauth2?.clientId ?? 'x-client-id',
    clientSecret: options.oauth2?.clientSecret,
    scopes: options.oauth2?.scopes ?? [],
    refreshTokens: new Set(),
    accessTokens: new Map(),
    now: options.oauth2?.now ?? Date.now,
    issue: () => {
      issued += 1;
      const accessToken = `x-oauth2-access-${issued}-${Math.random().toString(36).slice(2)}`;
      // "By default, the access token … will only stay valid for two hours"; a refresh token only with offline.access.
      oauth2.accessTokens.set(accessToken, oauth2.now() + 7200 * 1000);
      const refreshToken = oauth2.scopes.includes('offline.access')
        ? `x-oauth2-refresh-${issued}-${Math.random().toString(36).slice(2)}`
        : undefined;
      if (refreshToken) oauth2.refreshTokens.add(refreshToken);
      return { accessToken, refreshToken };
    },
  };
  /** POST /2/oauth2/token, grant_type=refresh_token: a confidential client authenticates with Basic, a public one names its client_id. */
  const token = (request: FakeRequest): FakeResponse => {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const invalid = (description: string): FakeResponse => ({
      status: 400,
      json: { error: 'invalid_request', error_description: description },
    });
    if (oauth2.clientSecret) {
      const expected = `Basic ${Buffer.from(`${oauth2.clientId}:${oauth2.clientSecret}`).toString('base64')}`;
      if (request.headers.authorization !== expected)
        return { status: 401, json: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
    } else if (form.get('client_id') !== oauth2.clientId) {
      return invalid('Missing required parameter [client_id].');
    }
    if (form.get('grant_type') !== 'refresh_token') return invalid('Unsupported grant_type.');
    const presented = form.get('refresh_token') ?? '';
    if (!oauth2.refreshTokens.delete(presented)) return invalid('Value passed for the token was invalid.');
    const next = oauth2.issue();
    return {
      status: 200,
      json: {
        token_type: 'bearer',
        expires_in: 7200,
        access_token: next.accessToken,
        scope: oauth2.scopes.join(' '),
        ...(next.refreshToken ? { refresh_token: next.refreshToken } : {}),
      },
    };
  };
  const tweets: FakeX['tweets'] = [];
  const replies: FakeX['replies'] = [];
  const quotes: FakeX['quotes'] = [];
  const engagement: FakeX['engagement'] = new Map();
  const toJson = (tweet: FakeX['tweets'][number]) => {
    const { likes = 0, reposts = 0, quotes: quoted = 0 } = engagement.get(tweet.id) ?? {};
    return {
      id: tweet.id,
      text: tweet.text,
      created_at: tweet.createdAt ?? new Date().toISOString(),
      // X wraps every link in t.co and reports the original as expanded_url.
      entities: { urls: [...tweet.text.matchAll(/https?:\/\/\S+/g)].map(([url]) => ({ url: 'https://t.co/abc', expanded_url: url })) },
      ...(tweet.inReplyTo ? { referenced_tweets: [{ type: 'replied_to', id: tweet.inReplyTo }] } : {}),
      public_metrics: {
        like_count: likes,
        retweet_count: reposts,
        reply_count: replies.filter((reply) => reply.conversationId === tweet.id).length,
        quote_count: quoted + quotes.filter((quote) => quote.quotedId === tweet.id).length,
      },
    };
  };
  /** Posts in X's shape, with only the fields asked for, and their authors under `includes` when expanded. */
  const page = (
    request: FakeRequest,
    posts: Array<{
      id: string;
      text: string;
      author: { id: string; name: string; username: string };
      createdAt: string;
      conversationId?: string;
    }>,
  ) => {
    const fields = new Set((request.query.get('tweet.fields') ?? '').split(','));
    const users = [...new Map(posts.map((post) => [post.author.id, post.author])).values()];
    return {
      data: posts.map((post) => ({
        id: post.id,
        text: xText([...post.text].length > 280 ? `${[...post.text].slice(0, 270).join('')}…` : post.text),
        edit_history_tweet_ids: [post.id],
        ...(fields.has('author_id') ? { author_id: post.author.id } : {}),
        ...(fields.has('created_at') ? { created_at: post.createdAt } : {}),
        ...(fields.has('conversation_id') ? { conversation_id: post.conversationId ?? post.id } : {}),
        ...(fields.has('note_tweet') && [...post.text].length > 280 ? { note_tweet: { text: xText(post.text) } } : {}),
      })),
      ...(request.query.get('expansions') === 'author_id' ? { includes: { users } } : {}),
    };
  };
  const server = await startFakeServer((request) => {
    if (request.method === 'POST' && request.path === '/2/oauth2/token') return token(request);
    const auth = request.headers.authorization ?? '';
    if (auth.startsWith('Bearer ')) {
      const expires = oauth2.accessTokens.get(auth.slice('Bearer '.length));
      if (expires === undefined || expires <= oauth2.now()) return xProblem(401, 'Unauthorized');
      const required = X_SCOPES.find((rule) => rule.method === request.method && rule.path.test(request.path))?.scopes ?? [];
      const missing = required.filter((scope) => !oauth2.scopes.includes(scope));
      if (missing.length > 0) return xProblem(403, `Missing required scopes: ${missing.join(', ')}`);
    } else if (
      !auth.startsWith('OAuth ') ||
      !auth.includes(`oauth_consumer_key="${options.consumerKey}"`) ||
      !auth.includes('oauth_signature=')
    ) {
      return xProblem(401, 'Unauthorized');
    }
    if (request.method === 'POST' && request.path === '/2/tweets') {
      const { text, reply } = request.json() as { text: string; reply?: { in_reply_to_tweet_id?: string } };
      const inReplyTo = reply?.in_reply_to_tweet_id;
      // https://docs.x.com/x-api/posts/create-post: a reply to a post that is not there is refused.
      if (
        inReplyTo !== undefined &&
        !tweets.some((tweet) => tweet.id === inReplyTo) &&
        !replies.some((candidate) => candidate.id === inReplyTo)
      )
        return {
          status: 403,
          json: { title: 'Forbidden', detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.' },
        };
      const tweet = {
        id: String(1_860_000_000_000_000_000n + BigInt(tweets.length)),
        text,
        createdAt: new Date().toISOString(),
        inReplyTo,
      };
      tweets.push(tweet);
      return { status: 201, json: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } } };
    }
    if (request.method === 'GET' && request.path === '/2/users/me')
      return { status: 200, json: { data: { id: '42', name: 'Morwenna Hale', username: 'morwennahale' } } };
    if (request.method === 'GET' && request.path === '/2/users/42/tweets') {
      // https://docs.x.com/x-api/users/get-posts: newest first, 5–100 a page, start_time, pagination_token for the next page.
      const max = Number(request.query.get('max_results') ?? 10);
      if (max < 5 || max > 100) return { status: 400, json: { title: 'Invalid Request', status: 400 } };
      const startTime = request.query.get('start_time');
      const all = [...tweets].reverse().filter((tweet) => !startTime || !tweet.createdAt || tweet.createdAt >= startTime);
      const start = Number(request.query.get('pagination_token') ?? 0);
      const recent = all.slice(start, start + max);
      const more = start + max < all.length ? { next_token: String(start + max) } : {};
      return {
        status: 200,
        json:
          recent.length > 0 ? { data: recent.map(toJson), meta: { result_count: recent.length, ...more } } : { meta: { result_count: 0 } },
      };
    }
    if (request.method === 'GET' && request.path === '/2/tweets/search/recent') {
      // https://docs.x.com/x-api/posts/search-recent-posts: newest first, 10–100 a page, next_token for the next page.
      const conversation = /^conversation_id:(\d+)$/.exec(request.query.get('query') ?? '')?.[1];
      const max = Number(request.query.get('max_results') ?? 10);
      if (!conversation || max < 10 || max > 100) return { status: 400, json: { title: 'Invalid Request', status: 400 } };
      const start = Number(request.query.get('next_token') ?? 0);
      const found = replies.filter((reply) => reply.conversationId === conversation).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const shown = found.slice(start, start + max);
      if (shown.length === 0) return { status: 200, json: { meta: { result_count: 0 } } };
      return {
        status: 200,
        json: {
          ...page(request, shown),
          meta: {
            result_count: shown.length,
            newest_id: shown[0]!.id,
            oldest_id: shown.at(-1)!.id,
            ...(start + max < found.length ? { next_token: String(start + max) } : {}),
          },
        },
      };
    }
    const quoted = /^\/2\/tweets\/(\d+)\/quote_tweets$/.exec(request.path)?.[1];
    if (request.method === 'GET' && quoted !== undefined) {
      // https://docs.x.com/x-api/posts/quote-tweets/quickstart: newest first, 10–100 a page, pagination_token for the next page.
      const max = Number(request.query.get('max_results') ?? 10);
      if (max < 10 || max > 100) return { status: 400, json: { title: 'Invalid Request', status: 400 } };
      const start = Number(request.query.get('pagination_token') ?? 0);
      const found = quotes.filter((quote) => quote.quotedId === quoted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const shown = found.slice(start, start + max);
      if (shown.length === 0) return { status: 200, json: { meta: { result_count: 0 } } };
      return {
        status: 200,
        json: {
          ...page(request, shown),
          meta: { result_count: shown.length, ...(start + max < found.length ? { next_token: String(start + max) } : {}) },
        },
      };
    }
    const match = /^\/2\/tweets\/(\d+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const tweet = tweets.find((candidate) => candidate.id === match[1]);
      return tweet ? { status: 200, json: { data: toJson(tweet) } } : { status: 200, json: { errors: [{ title: 'Not Found Error' }] } };
    }
    return { status: 404, json: { title: 'Not Found Error', status: 404 } };
  });
  return Object.assign(server, {
    oauth2,
    tweets,
    replies,
    engagement,
    quotes,
    quote: (quotedId: string, quote: Parameters<FakeX['quote']>[1]) => {
      const id = String(1_880_000_000_000_000_000n + BigInt(quotes.length));
      quotes.push({ id, quotedId, ...quote });
      return id;
    },
    reply: (conversationId: string, reply: Parameters<FakeX['reply']>[1]) => {
      const id = String(1_870_000_000_000_000_000n + BigInt(replies.length));
      replies.push({ id, conversationId, ...reply });
      return id;
    },
  });
}

/**
 * Sunset dates LinkedIn's migrations page lists (https://learn.microsoft.com/linkedin/marketing/integrations/migrations);
 * a version it does not list retires about a year after its month, mid-month.
 */
const LINKEDIN_SUNSETS: Record<string, string> = {
  '202411': '2025-11-17',
  '202508': '2026-08-17',
  '202510': '2026-10-15',
  '202511': '2026-11-16',
  '202601': '2027-01-15',
  '202602': '2027-02-15',
  '202603': '2027-03-16',
};

/** Whether LinkedIn serves a version at `now`: published (its month has begun) and not yet sunset. */
function linkedinVersionActive(version: string, now: number): boolean {
  const match = /^(\d{4})(\d{2})$/.exec(version);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || Date.UTC(year, month - 1, 1) > now) return false;
  const sunset = LINKEDIN_SUNSETS[version] ?? `${year + 1}-${match[2]}-15`;
  return now < Date.parse(`${sunset}T00:00:00Z`);
}

/**
 * The scope each endpoint needs of a member's token: w_member_social writes; every read of posts,
 * reactions and comments needs r_member_social, "granted to select developers only"
 * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api, Permissions;
 * …/social-metadata-api; …/comments-api).
 */
function linkedinScopeFor(method: string): string {
  return method === 'GET' ? 'r_member_social' : 'w_member_social';
}

/** LinkedIn REST: /rest/posts (create, find by author, get), /rest/images initializeUpload and the upload, /rest/socialMetadata, /rest/socialActions comments. */
export interface FakeLinkedIn extends FakeServer {
  posts: Array<{ id: string; body: any }>;
  images: Map<string, Buffer>;
  /** LIKE reactions per post (or comment) URN. */
  likes: Map<string, number>;
  /** Other reactions per URN, by type (PRAISE, EMPATHY, INTEREST, APPRECIATION, ENTERTAINMENT). */
  reactions: Map<string, Record<string, number>>;
  /** The token's scopes (default w_member_social and r_member_social; a person without partner access has only the first). */
  scopes: string[];
  /** The fake's clock, for which API versions are active. */
  now: () => number;
  /** Comments on posts and on comments; `parent` is the post or comment commented on. */
  comments: Array<{ urn: string; post: string; parent: string; actor: string; text: string; time: number }>;
  /** Adds a comment on a post or on a comment and returns its URN. */
  comment: (parent: string, comment: { actor: string; text: string; time: number }) => string;
}

export async function startFakeLinkedIn(options: {
  token: string;
  author: string;
  scopes?: string[];
  now?: () => number;
}): Promise<FakeLinkedIn> {
  const posts: FakeLinkedIn['posts'] = [];
  const images = new Map<string, Buffer>();
  const uploads = new Map<string, string>();
  const likes = new Map<string, number>();
  const reactions: FakeLinkedIn['reactions'] = new Map();
  const comments: FakeLinkedIn['comments'] = [];
  const summaries = (urn: string) => {
    const below = (parent: string): number =>
      comments.filter((comment) => comment.parent === parent).reduce((sum, comment) => sum + 1 + below(comment.urn), 0);
    return {
      likesSummary: {
        totalLikes: likes.get(urn) ?? 0,
        aggregatedTotalLikes: likes.get(urn) ?? 0,
        likedByCurrentUser: false,
        selectedLikes: [],
      },
      commentsSummary: {
        totalFirstLevelComments: comments.filter((comment) => comment.parent === urn).length,
        aggregatedTotalComments: below(urn),
        selectedComments: [],
        commentsState: 'OPEN',
      },
    };
  };
  const commentJson = (comment: FakeLinkedIn['comments'][number]) => ({
    id: /,(\d+)\)$/.exec(comment.urn)![1],
    commentUrn: comment.urn,
    $URN: comment.urn,
    actor: comment.actor,
    object: comment.post,
    ...(comment.parent !== comment.post ? { parentComment: comment.parent } : {}),
    message: { text: comment.text, attributes: [] },
    created: { actor: comment.actor, time: comment.time },
    lastModified: { actor: comment.actor, time: comment.time },
    ...summaries(comment.urn),
  });
  const server = await startFakeServer((request, base) => {
    if (!bearer(request, options.token))
      return { status: 401, json: { status: 401, serviceErrorCode: 65600, message: 'Invalid access token' } };
    const uploadMatch = /^\/upload\/(\w+)$/.exec(request.path);
    if (request.method === 'PUT' && uploadMatch) {
      const image = uploads.get(uploadMatch[1]!);
      if (!image) return { status: 404 };
      images.set(image, request.body);
      return { status: 201 };
    }
    const version = String(request.headers['linkedin-version'] ?? '');
    if (!version)
      return {
        status: 400,
        json: {
          status: 400,
          code: 'VERSION_MISSING',
          message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
        },
      };
    // A retired (or not yet published) version: what LinkedIn answers, the version shown as YYYYMMDD.
    if (!linkedinVersionActive(version, linkedin.now())) {
      return { status: 426, json: { status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${version}01 is not active` } };
    }
    if (request.headers['x-restli-protocol-version'] !== '2.0.0')
      return { status: 400, json: { status: 400, message: 'X-Restli-Protocol-Version: 2.0.0 is required' } };
    const scope = linkedinScopeFor(request.method);
    if (!linkedin.scopes.includes(scope)) {
      return {
        status: 403,
        json: {
          status: 403,
          serviceErrorCode: 100,
          code: 'ACCESS_DENIED',
          message: `Not enough permissions to access: ${request.method} ${request.path} (needs ${scope})`,
        },
      };
    }
    if (request.method === 'POST' && request.path === '/rest/images' && request.query.get('action') === 'initializeUpload') {
      const id = String(images.size + uploads.size + 1);
      const image = `urn:li:image:C4E${id}`;
      uploads.set(id, image);
      return { status: 200, json: { value: { uploadUrlExpiresAt: Date.now() + 3_600_000, uploadUrl: `${base}/upload/${id}`, image } } };
    }
    if (request.method === 'POST' && request.path === '/rest/posts') {
      const body = request.json();
      if (body.author !== options.author) return { status: 403, json: { status: 403, message: 'author does not match the token' } };
      const thumbnail = body.content?.article?.thumbnail;
      if (thumbnail && !images.has(thumbnail))
        return { status: 400, json: { status: 400, message: `image ${thumbnail} was never uploaded` } };
      const id = `urn:li:share:${7_200_000 + posts.length}`;
      posts.push({ id, body });
      return { status: 201, headers: { 'x-restli-id': id } };
    }
    if (request.method === 'GET' && request.path === '/rest/posts' && request.query.get('q') === 'author') {
      if (request.query.get('author') !== options.author) return { status: 403, json: { status: 403, message: 'not your posts' } };
      const count = Number(request.query.get('count') ?? 10);
      return {
        status: 200,
        json: {
          elements: [...posts]
            .reverse()
            .slice(0, count)
            .map(({ id, body }) => ({ id, ...body })),
          paging: { start: 0, count },
        },
      };
    }
    const match = /^\/rest\/posts\/(.+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const post = posts.find((candidate) => candidate.id === decodeURIComponent(match[1]!));
      return post ? { status: 200, json: { id: post.id, ...post.body } } : { status: 404, json: { status: 404, message: 'Not found' } };
    }
    // https://learn.microsoft.com/linkedin/marketing/community-management/shares/social-metadata-api: a count per reaction type.
    const metadata = /^\/rest\/socialMetadata\/([^/]+)$/.exec(request.path);
    if (request.method === 'GET' && metadata) {
      if (/[(),]/.test(metadata[1]!))
        return { status: 400, json: { status: 400, message: `Syntax exception in path variables: ${metadata[1]}` } };
      const urn = decodeURIComponent(metadata[1]!);
      if (!posts.some((post) => post.id === urn) && !comments.some((comment) => comment.urn === urn))
        return { status: 404, json: { status: 404, message: 'Not found' } };
      const counted = { ...(likes.get(urn) ? { LIKE: likes.get(urn)! } : {}), ...reactions.get(urn) };
      const { commentsSummary } = summaries(urn);
      return {
        status: 200,
        json: {
          entity: urn,
          commentsState: 'OPEN',
          reactionSummaries: Object.fromEntries(Object.entries(counted).map(([type, count]) => [type, { reactionType: type, count }])),
          commentSummary: { count: commentsSummary.aggregatedTotalComments, topLevelCount: commentsSummary.totalFirstLevelComments },
        },
      };
    }
    // https://learn.microsoft.com/linkedin/marketing/community-management/shares/comments-api: the URN is encoded in the path.
    const social = /^\/rest\/socialActions\/([^/]+)(\/comments)?$/.exec(request.path);
    // Create a Comment: on a post, or (with parentComment) on a comment; the answer is the comment, its URN also in x-restli-id.
    if (request.method === 'POST' && social?.[2]) {
      if (/[(),]/.test(social[1]!))
        return { status: 400, json: { status: 400, message: `Syntax exception in path variables: ${social[1]}` } };
      const target = decodeURIComponent(social[1]!);
      const body = request.json() as { actor?: string; object?: string; parentComment?: string; message?: { text?: string } };
      if (body.actor !== options.author) return { status: 403, json: { status: 403, message: 'actor does not match the token' } };
      const parent = comments.find((candidate) => candidate.urn === target);
      const post = parent?.post ?? target;
      if (!posts.some((candidate) => candidate.id === post)) return { status: 404, json: { status: 404, message: 'Not found' } };
      if (body.object !== post || (parent && body.parentComment !== parent.urn) || (!parent && body.parentComment !== undefined))
        return { status: 400, json: { status: 400, message: 'object and parentComment must name the post and the comment in the path' } };
      if (!body.message?.text) return { status: 422, json: { status: 422, message: 'message.text is required' } };
      const urn = linkedin.comment(target, { actor: body.actor, text: body.message.text, time: linkedin.now() });
      return { status: 201, headers: { 'x-restli-id': urn }, json: commentJson(comments.find((candidate) => candidate.urn === urn)!) };
    }
    if (request.method === 'GET' && social) {
      // Rest.li 2.0 would read a bare parenthesis as syntax.
      if (/[(),]/.test(social[1]!))
        return { status: 400, json: { status: 400, message: `Syntax exception in path variables: ${social[1]}` } };
      const urn = decodeURIComponent(social[1]!);
      if (!posts.some((post) => post.id === urn) && !comments.some((comment) => comment.urn === urn))
        return { status: 404, json: { status: 404, message: 'Not found' } };
      if (!social[2]) return { status: 200, json: { target: urn, ...summaries(urn) } };
      const start = Number(request.query.get('start') ?? 0);
      const count = Number(request.query.get('count') ?? 10);
      const under = comments.filter((comment) => comment.parent === urn).sort((a, b) => a.time - b.time);
      return {
        status: 200,
        json: { elements: under.slice(start, start + count).map(commentJson), paging: { start, count, total: under.length, links: [] } },
      };
    }
    return { status: 404, json: { status: 404, message: 'Not found' } };
  });
  const linkedin: FakeLinkedIn = Object.assign(server, {
    posts,
    images,
    likes,
    reactions,
    comments,
    scopes: options.scopes ?? ['w_member_social', 'r_member_social'],
    now: options.now ?? Date.now,
    comment: (parent: string, comment: { actor: string; text: string; time: number }) => {
      const post = comments.find((candidate) => candidate.urn === parent)?.post ?? parent;
      const urn = `urn:li:comment:(${post},${7_300_000_000 + comments.length})`;
      comments.push({ urn, post, parent, ...comment });
      return urn;
    },
  });
  return linkedin;
}

/**
 * How Threads counts a post's text: "Text posts are limited to 500 characters. Emojis are counted as
 * the number of UTF-8 bytes." (https://developers.facebook.com/docs/threads/posts, Limitations) —
 * each emoji grapheme as its bytes, every other character as one.
 */
export function threadsCount(text: string): number {
  let count = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    count += /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment) ? Buffer.byteLength(segment, 'utf8') : [...segment].length;
  }
  return count;
}

/** Threads Graph API: containers, threads_publish, the user's threads, a media object's fields, insights, conversation. */
export interface FakeThreads extends FakeServer {
  published: Array<{
    id: string;
    text: string;
    link: string | undefined;
    container: string;
    timestamp?: string;
    /** The post or reply this one answers (`reply_to_id`). */
    replyTo?: string | undefined;
  }>;
  /** Let threads_publish answer `{}` (no id) this many times, to exercise the status poll. */
  publishWithoutId: number;
  /** The container reports IN_PROGRESS to this many status checks before its real status. */
  inProgressChecks: number;
  /** A published post's fields leave out `permalink` (as right after publishing) this many times; `shortcode` likewise. */
  permalinkMissing: number;
  shortcodeMissing: number;
  /** Insights per media id (`replies` is counted from `replies` unless set). */
  insights: Map<string, { views?: number; likes?: number; reposts?: number; quotes?: number; replies?: number }>;
  /** Replies under a published thread at any depth; `username` is left out for a private profile, as the API does. */
  replies: Array<{
    id: string;
    root: string;
    parent: string;
    username: string | undefined;
    text: string;
    timestamp: string;
    hide_status: string;
  }>;
  /** Replies per conversation page (the API's default is 25). */
  pageSize: number;
  /** What `GET /debug_token` says of the token: `expires_at` in Unix seconds (0: never), `is_valid`. */
  tokenInfo: { expires_at: number; is_valid: boolean };
  /** Adds a reply under a thread or a reply and returns its id. */
  reply: (parent: string, reply: { username: string | undefined; text: string; timestamp: string; hide_status?: string }) => string;
}

export async function startFakeThreads(options: { token: string; userId: string }): Promise<FakeThreads> {
  const containers = new Map<string, { text: string; link: string | undefined; replyTo: string | undefined; published?: string }>();
  const published: FakeThreads['published'] = [];
  const insights: FakeThreads['insights'] = new Map();
  const replies: FakeThreads['replies'] = [];
  const server = await startFakeServer((request, base) => {
    if (!bearer(request, options.token))
      return { status: 400, json: { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } } };
    const form = new URLSearchParams(request.body.toString('utf8'));
    const permalink = (id: string) => `${base}/@morwennahale/post/${id}`;
    if (request.method === 'POST' && request.path === `/${options.userId}/threads`) {
      const text = form.get('text') ?? '';
      if (form.get('media_type') !== 'TEXT') return { status: 400, json: { error: { message: 'media_type must be TEXT', code: 100 } } };
      if (threadsCount(text) > 500)
        return {
          status: 400,
          json: { error: { message: 'Param text must be at most 500 characters long.', type: 'OAuthException', code: 100 } },
        };
      // "All unique URLs found in the text field are counted as links", the attachment's too; more than 5 fail here.
      const links = new Set([...text.matchAll(/https?:\/\/\S+/g)].map(([url]) => url));
      if (form.get('link_attachment')) links.add(form.get('link_attachment')!);
      if (links.size > 5)
        return { status: 400, json: { error: { message: 'THREADS_API__LINK_LIMIT_EXCEEDED', type: 'OAuthException', code: 100 } } };
      const replyTo = form.get('reply_to_id') ?? undefined;
      // https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/create-replies: the media replied to must exist.
      if (replyTo !== undefined && !published.some((media) => media.id === replyTo) && !replies.some((reply) => reply.id === replyTo))
        return { status: 400, json: { error: { message: 'Unsupported post request: reply_to_id', type: 'OAuthException', code: 100 } } };
      const id = `1790${containers.size}`;
      containers.set(id, { text, link: form.get('link_attachment') ?? undefined, replyTo });
      return { status: 200, json: { id } };
    }
    if (request.method === 'POST' && request.path === `/${options.userId}/threads_publish`) {
      const container = containers.get(form.get('creation_id') ?? '');
      if (!container) return { status: 400, json: { error: { message: 'Unknown creation_id', code: 100 } } };
      if (container.published) return { status: 400, json: { error: { message: 'The media has already been published', code: 100 } } };
      const id = `1800${published.length}`;
      container.published = id;
      published.push({
        id,
        text: container.text,
        link: container.link,
        container: form.get('creation_id')!,
        timestamp: new Date().toISOString(),
        replyTo: container.replyTo,
      });
      if (threads.publishWithoutId > 0) {
        threads.publishWithoutId -= 1;
        return { status: 200, json: {} };
      }
      return { status: 200, json: { id } };
    }
    if (request.method === 'GET' && request.path === `/${options.userId}/threads`) {
      // https://developers.facebook.com/docs/threads/retrieve-and-discover-posts/retrieve-posts: newest first, at most 100 a page, cursor paging with `after`.
      const limit = Number(request.query.get('limit') ?? 25);
      if (limit > 100) return { status: 400, json: { error: { message: 'limit must be at most 100', type: 'OAuthException', code: 100 } } };
      const all = [...published].reverse();
      const start = request.query.get('after') ? Number(Buffer.from(request.query.get('after')!, 'base64url').toString()) : 0;
      const page = all.slice(start, start + limit).map((media) => ({
        id: media.id,
        text: media.text,
        permalink: permalink(media.id),
        shortcode: `C${media.id}`,
        username: 'morwennahale',
        link_attachment_url: media.link,
        timestamp: (media.timestamp ?? new Date().toISOString()).replace(/\.\d{3}Z$/, '+0000'),
      }));
      const after = Buffer.from(String(start + limit)).toString('base64url');
      const paging =
        start + limit < all.length
          ? { cursors: { before: 'b', after }, next: `${base}${request.path}?after=${after}` }
          : { cursors: { before: 'b', after } };
      return { status: 200, json: { data: page, paging } };
    }
    if (request.method === 'GET' && request.path === '/me') return { status: 200, json: { id: options.userId, username: 'morwennahale' } };
    // https://developers.facebook.com/docs/threads/troubleshooting/debug-access-token: the token inspects itself.
    if (request.method === 'GET' && request.path === '/debug_token') {
      if (request.query.get('input_token') !== options.token)
        return { status: 400, json: { error: { message: 'Invalid input_token', type: 'OAuthException', code: 100 } } };
      return {
        status: 200,
        json: { data: { type: 'USER', application: 'Hub', user_id: options.userId, scopes: ['threads_basic'], ...threads.tokenInfo } },
      };
    }
    // …/retrieve-and-manage-replies/replies-and-conversations: `/{media-id}/replies`, the replies directly under a post or reply.
    const under = /^\/(\d+)\/replies$/.exec(request.path);
    if (request.method === 'GET' && under) {
      const id = under[1]!;
      if (!published.some((media) => media.id === id) && !replies.some((reply) => reply.id === id))
        return { status: 400, json: { error: { message: 'Unsupported get request', code: 100 } } };
      const data = [
        ...replies
          .filter((reply) => reply.parent === id)
          .map((reply) => ({ id: reply.id, username: reply.username, timestamp: reply.timestamp })),
        ...published
          .filter((media) => media.replyTo === id)
          .map((media) => ({ id: media.id, username: 'morwennahale', permalink: permalink(media.id), timestamp: media.timestamp })),
      ];
      return { status: 200, json: { data, paging: { cursors: { before: 'b', after: 'a' } } } };
    }
    // https://developers.facebook.com/docs/threads/insights and …/retrieve-and-manage-replies/replies-and-conversations
    const edge = /^\/(\d+)\/(insights|conversation)$/.exec(request.path);
    if (request.method === 'GET' && edge) {
      const id = edge[1]!;
      if (!published.some((media) => media.id === id))
        return { status: 400, json: { error: { message: 'Unsupported get request', code: 100 } } };
      if (edge[2] === 'insights') {
        const known = insights.get(id) ?? {};
        const values: Record<string, number> = {
          views: 0,
          likes: 0,
          reposts: 0,
          quotes: 0,
          ...known,
          replies: known.replies ?? replies.filter((reply) => reply.root === id).length,
        };
        const metrics = (request.query.get('metric') ?? '').split(',');
        if (metrics.some((metric) => !(metric in values)))
          return { status: 400, json: { error: { message: 'metric must be one of views, likes, replies, reposts, quotes', code: 100 } } };
        return {
          status: 200,
          json: {
            data: metrics.map((name) => ({
              name,
              period: 'lifetime',
              values: [{ value: values[name] }],
              title: name,
              description: name,
              id: `${id}/insights/${name}/lifetime`,
            })),
          },
        };
      }
      const fields = (request.query.get('fields') ?? 'id').split(',');
      const reverse = request.query.get('reverse') !== 'false';
      const all = replies.filter((reply) => reply.root === id).sort((a, b) => a.timestamp.localeCompare(b.timestamp) * (reverse ? -1 : 1));
      const start = Number(Buffer.from(request.query.get('after') ?? '', 'base64url').toString() || 0);
      const page = all.slice(start, start + (threads?.pageSize ?? 25));
      const more = start + page.length < all.length;
      const cursor = (at: number) => Buffer.from(String(at)).toString('base64url');
      return {
        status: 200,
        json: {
          data: page.map((reply) =>
            Object.fromEntries(
              fields.flatMap((field) => {
                const value = {
                  id: reply.id,
                  text: reply.text,
                  username: reply.username,
                  timestamp: reply.timestamp,
                  hide_status: reply.hide_status,
                  permalink: reply.username ? `${base}/@${reply.username}/post/${reply.id}` : undefined,
                }[field];
                return value === undefined ? [] : [[field, value]];
              }),
            ),
          ),
          paging: {
            cursors: { before: cursor(start), after: cursor(start + page.length) },
            ...(more ? { next: `${base}${request.path}?after=${cursor(start + page.length)}` } : {}),
          },
        },
      };
    }
    const match = /^\/(\d+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const media = published.find((candidate) => candidate.id === match[1]);
      if (media) {
        const fields = (request.query.get('fields') ?? 'id').split(',');
        const withoutPermalink = threads.permalinkMissing > 0;
        const withoutShortcode = threads.shortcodeMissing > 0;
        if (withoutPermalink) threads.permalinkMissing -= 1;
        if (withoutShortcode) threads.shortcodeMissing -= 1;
        const all: Record<string, string | undefined> = {
          id: media.id,
          permalink: withoutPermalink ? undefined : permalink(media.id),
          username: 'morwennahale',
          shortcode: withoutShortcode ? undefined : `C${media.id}`,
        };
        return {
          status: 200,
          json: Object.fromEntries(fields.filter((field) => all[field] !== undefined).map((field) => [field, all[field]])),
        };
      }
      const container = containers.get(match[1]!);
      if (container) {
        if (threads.inProgressChecks > 0) {
          threads.inProgressChecks -= 1;
          return { status: 200, json: { id: match[1], status: 'IN_PROGRESS' } };
        }
        return { status: 200, json: { id: match[1], status: container.published ? 'PUBLISHED' : 'FINISHED' } };
      }
      return { status: 400, json: { error: { message: 'Unsupported get request', code: 100 } } };
    }
    return { status: 404, json: { error: { message: 'Unknown path', code: 803 } } };
  });
  const threads: FakeThreads = Object.assign(server, {
    published,
    publishWithoutId: 0,
    inProgressChecks: 0,
    permalinkMissing: 0,
    shortcodeMissing: 0,
    insights,
    replies,
    pageSize: 25,
    tokenInfo: { expires_at: 0, is_valid: true },
    reply: (parent: string, reply: Parameters<FakeThreads['reply']>[1]) => {
      const id = `1810${replies.length}`;
      const root = replies.find((candidate) => candidate.id === parent)?.root ?? parent;
      replies.push({
        id,
        root,
        parent,
        username: reply.username,
        text: reply.text,
        timestamp: reply.timestamp,
        hide_status: reply.hide_status ?? 'NOT_HUSHED',
      });
      return id;
    },
  });
  return threads;
}
