/**
 * Local HTTP servers (127.0.0.1, port 0) that follow the documented contracts of Mastodon, X,
 * LinkedIn and Threads closely enough to test the syndication adapters against: paths, auth headers,
 * status codes, Mastodon's Idempotency-Key, 429 with Retry-After or a reset header. Faults can be
 * injected: a status before the request is handled, a slow answer, a dropped connection, or the
 * worst case — the post is made and then the answer is lost. State lives in the test process, so it
 * survives the syndicate processes a crash test kills.
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
  response.writeHead(answer.status, { ...(answer.json === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }), ...answer.headers });
  response.end(body);
}

export async function startFakeServer(handle: (request: FakeRequest, base: string) => FakeResponse): Promise<FakeServer> {
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeServer = { url: '', requests: [], faults: [], close: async () => undefined };
  const server = createServer(async (incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(incoming);
    const request: FakeRequest = {
      method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers, body,
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
      const answer = handle(request, fake.url);
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
  fake.close = () => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
  return fake;
}

const unauthorised = (message = 'The access token is invalid'): FakeResponse => ({ status: 401, json: { error: message } });

function bearer(request: FakeRequest, token: string): boolean {
  return request.headers.authorization === `Bearer ${token}`;
}

/** Mastodon's REST API: statuses, the account's statuses, the instance's limits, Idempotency-Key. */
export interface FakeMastodon extends FakeServer {
  statuses: Array<{ id: string; text: string; idempotencyKey: string | undefined }>;
}

export async function startFakeMastodon(options: { token: string; maxCharacters?: number }): Promise<FakeMastodon> {
  const statuses: FakeMastodon['statuses'] = [];
  // Mastodon keeps each Idempotency-Key (per account) for an hour and answers a repeat with the first status.
  const keys = new Map<string, string>();
  const toJson = (status: FakeMastodon['statuses'][number], base: string) => ({
    id: status.id, uri: `${base}/users/ceo/statuses/${status.id}`, url: `${base}/@ceo/${status.id}`, created_at: new Date().toISOString(),
    content: `<p>${status.text.replace(/https?:\/\/\S+/g, (url) => `<a href="${url}">${url}</a>`)}</p>`,
    visibility: 'public', favourites_count: 0, reblogs_count: 0, replies_count: 0, account: { id: '1', username: 'ceo', acct: 'ceo' },
  });
  const server = await startFakeServer((request, base) => {
    if (request.method === 'GET' && request.path === '/api/v2/instance') {
      return { status: 200, json: { domain: '127.0.0.1', configuration: { statuses: { max_characters: options.maxCharacters ?? 500, characters_reserved_per_url: 23 } } } };
    }
    if (!bearer(request, options.token)) return unauthorised();
    if (request.method === 'POST' && request.path === '/api/v1/statuses') {
      const key = request.headers['idempotency-key'] as string | undefined;
      const seen = key ? keys.get(key) : undefined;
      if (seen) return { status: 200, json: toJson(statuses.find((status) => status.id === seen)!, base) };
      const { status: text } = request.json() as { status: string };
      if (typeof text !== 'string' || text === '') return { status: 422, json: { error: 'Validation failed: Text can\'t be blank' } };
      const status = { id: String(110_000 + statuses.length), text, idempotencyKey: key };
      statuses.push(status);
      if (key) keys.set(key, status.id);
      return { status: 200, json: toJson(status, base) };
    }
    if (request.method === 'GET' && request.path === '/api/v1/accounts/verify_credentials') return { status: 200, json: { id: '1', username: 'ceo', acct: 'ceo' } };
    if (request.method === 'GET' && request.path === '/api/v1/accounts/1/statuses') return { status: 200, json: [...statuses].reverse().slice(0, 40).map((status) => toJson(status, base)) };
    const match = /^\/api\/v1\/statuses\/(\d+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const status = statuses.find((candidate) => candidate.id === match[1]);
      return status ? { status: 200, json: toJson(status, base) } : { status: 404, json: { error: 'Record not found' } };
    }
    return { status: 404, json: { error: 'Not found' } };
  });
  return Object.assign(server, { statuses });
}

/** X API v2: POST /2/tweets (OAuth 1.0a), GET /2/users/me, /2/users/:id/tweets, /2/tweets/:id. */
export interface FakeX extends FakeServer {
  tweets: Array<{ id: string; text: string }>;
}

export async function startFakeX(options: { consumerKey: string }): Promise<FakeX> {
  const tweets: FakeX['tweets'] = [];
  const toJson = (tweet: FakeX['tweets'][number]) => ({
    id: tweet.id, text: tweet.text,
    // X wraps every link in t.co and reports the original as expanded_url.
    entities: { urls: [...tweet.text.matchAll(/https?:\/\/\S+/g)].map(([url]) => ({ url: 'https://t.co/abc', expanded_url: url })) },
    public_metrics: { like_count: 0, retweet_count: 0, reply_count: 0, quote_count: 0 },
  });
  const server = await startFakeServer((request) => {
    const auth = request.headers.authorization ?? '';
    if (!auth.startsWith('OAuth ') || !auth.includes(`oauth_consumer_key="${options.consumerKey}"`) || !auth.includes('oauth_signature=')) {
      return { status: 401, json: { title: 'Unauthorized', detail: 'Unauthorized', status: 401 } };
    }
    if (request.method === 'POST' && request.path === '/2/tweets') {
      const { text } = request.json() as { text: string };
      const tweet = { id: String(1_860_000_000_000_000_000n + BigInt(tweets.length)), text };
      tweets.push(tweet);
      return { status: 201, json: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } } };
    }
    if (request.method === 'GET' && request.path === '/2/users/me') return { status: 200, json: { data: { id: '42', name: 'Morwenna Hale', username: 'morwennahale' } } };
    if (request.method === 'GET' && request.path === '/2/users/42/tweets') {
      const max = Number(request.query.get('max_results') ?? 10);
      const recent = [...tweets].reverse().slice(0, max);
      return { status: 200, json: recent.length > 0 ? { data: recent.map(toJson), meta: { result_count: recent.length } } : { meta: { result_count: 0 } } };
    }
    const match = /^\/2\/tweets\/(\d+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const tweet = tweets.find((candidate) => candidate.id === match[1]);
      return tweet ? { status: 200, json: { data: toJson(tweet) } } : { status: 200, json: { errors: [{ title: 'Not Found Error' }] } };
    }
    return { status: 404, json: { title: 'Not Found Error', status: 404 } };
  });
  return Object.assign(server, { tweets });
}

/** LinkedIn REST: /rest/posts (create, find by author, get), /rest/images initializeUpload and the upload. */
export interface FakeLinkedIn extends FakeServer {
  posts: Array<{ id: string; body: any }>;
  images: Map<string, Buffer>;
}

export async function startFakeLinkedIn(options: { token: string; author: string }): Promise<FakeLinkedIn> {
  const posts: FakeLinkedIn['posts'] = [];
  const images = new Map<string, Buffer>();
  const uploads = new Map<string, string>();
  const server = await startFakeServer((request, base) => {
    if (!bearer(request, options.token)) return { status: 401, json: { status: 401, serviceErrorCode: 65600, message: 'Invalid access token' } };
    const uploadMatch = /^\/upload\/(\w+)$/.exec(request.path);
    if (request.method === 'PUT' && uploadMatch) {
      const image = uploads.get(uploadMatch[1]!);
      if (!image) return { status: 404 };
      images.set(image, request.body);
      return { status: 201 };
    }
    if (!/^\d{6}$/.test(String(request.headers['linkedin-version'] ?? '')) || request.headers['x-restli-protocol-version'] !== '2.0.0') {
      return { status: 426, json: { status: 426, message: 'A valid LinkedIn-Version and X-Restli-Protocol-Version: 2.0.0 are required' } };
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
      if (thumbnail && !images.has(thumbnail)) return { status: 400, json: { status: 400, message: `image ${thumbnail} was never uploaded` } };
      const id = `urn:li:share:${7_200_000 + posts.length}`;
      posts.push({ id, body });
      return { status: 201, headers: { 'x-restli-id': id } };
    }
    if (request.method === 'GET' && request.path === '/rest/posts' && request.query.get('q') === 'author') {
      if (request.query.get('author') !== options.author) return { status: 403, json: { status: 403, message: 'not your posts' } };
      const count = Number(request.query.get('count') ?? 10);
      return { status: 200, json: { elements: [...posts].reverse().slice(0, count).map(({ id, body }) => ({ id, ...body })), paging: { start: 0, count } } };
    }
    const match = /^\/rest\/posts\/(.+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const post = posts.find((candidate) => candidate.id === decodeURIComponent(match[1]!));
      return post ? { status: 200, json: { id: post.id, ...post.body } } : { status: 404, json: { status: 404, message: 'Not found' } };
    }
    return { status: 404, json: { status: 404, message: 'Not found' } };
  });
  return Object.assign(server, { posts, images });
}

/** Threads Graph API: containers, threads_publish, the user's threads, a media object's fields. */
export interface FakeThreads extends FakeServer {
  published: Array<{ id: string; text: string; link: string | undefined; container: string }>;
  /** Let threads_publish answer `{}` (no id) this many times, to exercise the status poll. */
  publishWithoutId: number;
}

export async function startFakeThreads(options: { token: string; userId: string }): Promise<FakeThreads> {
  const containers = new Map<string, { text: string; link: string | undefined; published?: string }>();
  const published: FakeThreads['published'] = [];
  let threads: FakeThreads | undefined;
  const server = await startFakeServer((request, base) => {
    if (!bearer(request, options.token)) return { status: 400, json: { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } } };
    const form = new URLSearchParams(request.body.toString('utf8'));
    const permalink = (id: string) => `${base}/@morwennahale/post/${id}`;
    if (request.method === 'POST' && request.path === `/${options.userId}/threads`) {
      const text = form.get('text') ?? '';
      if (form.get('media_type') !== 'TEXT') return { status: 400, json: { error: { message: 'media_type must be TEXT', code: 100 } } };
      if ([...text].length > 500) return { status: 400, json: { error: { message: 'text is longer than 500 characters', code: 100 } } };
      const id = `1790${containers.size}`;
      containers.set(id, { text, link: form.get('link_attachment') ?? undefined });
      return { status: 200, json: { id } };
    }
    if (request.method === 'POST' && request.path === `/${options.userId}/threads_publish`) {
      const container = containers.get(form.get('creation_id') ?? '');
      if (!container) return { status: 400, json: { error: { message: 'Unknown creation_id', code: 100 } } };
      if (container.published) return { status: 400, json: { error: { message: 'The media has already been published', code: 100 } } };
      const id = `1800${published.length}`;
      container.published = id;
      published.push({ id, text: container.text, link: container.link, container: form.get('creation_id')! });
      if (threads && threads.publishWithoutId > 0) {
        threads.publishWithoutId -= 1;
        return { status: 200, json: {} };
      }
      return { status: 200, json: { id } };
    }
    if (request.method === 'GET' && request.path === `/${options.userId}/threads`) {
      const limit = Number(request.query.get('limit') ?? 25);
      return { status: 200, json: { data: [...published].reverse().slice(0, limit).map((media) => ({ id: media.id, text: media.text, permalink: permalink(media.id), link_attachment_url: media.link })) } };
    }
    const match = /^\/(\d+)$/.exec(request.path);
    if (request.method === 'GET' && match) {
      const media = published.find((candidate) => candidate.id === match[1]);
      if (media) return { status: 200, json: { id: media.id, permalink: permalink(media.id) } };
      const container = containers.get(match[1]!);
      if (container) return { status: 200, json: { id: match[1], status: container.published ? 'PUBLISHED' : 'FINISHED' } };
      return { status: 400, json: { error: { message: 'Unsupported get request', code: 100 } } };
    }
    return { status: 404, json: { error: { message: 'Unknown path', code: 803 } } };
  });
  threads = Object.assign(server, { published, publishWithoutId: 0 });
  return threads;
}
