/**
 * A small Bluesky AppView over a real PDS, for reading back in tests: the in-process PDS
 * (@atproto/dev-env's TestNetworkNoAppView) has no AppView, and a real one needs Postgres. On every
 * request it reads the indexed accounts' repositories from the PDS (`com.atproto.repo.listRecords`:
 * posts, likes, reposts, the profile) and answers `app.bsky.feed.getPosts` and
 * `app.bsky.feed.getPostThread` and `app.bsky.feed.getQuotes` as the lexicons define them — counts made from the real like, repost,
 * reply and quote records, the thread from the replies' `reply.parent` strong refs, cut at `depth`
 * the way Bluesky's AppView cuts it (`replies` left out past the depth; see @atproto/bsky
 * views/index.js, `threadReplies`). The answers go through @atproto/api's response validation, so a
 * malformed view fails the test.
 *
 * Tests can make the anonymous viewer see an account as blocked (its posts become `blockedPost`) or
 * a post as not found (`notFoundPost`), and inject faults (429 …) like the other fake servers.
 */
import { startFakeServer, type FakeResponse, type FakeServer } from './fake-networks.ts';

export interface FakeAppView extends FakeServer {
  /** The DIDs of the accounts indexed; add one to index it. */
  accounts: Set<string>;
  /** Accounts the viewer has blocked (or that block the viewer): their replies come back as blockedPost. */
  blocked: Set<string>;
  /** Post URIs that come back as notFoundPost in a thread (taken down, say), with nothing under them. */
  notFound: Set<string>;
}

interface RepoRecord {
  uri: string;
  cid: string;
  value: Record<string, any>;
}

interface Post extends RepoRecord {
  did: string;
  indexedAt: string;
}

interface Actor {
  did: string;
  handle: string;
  displayName?: string;
}

const invalid = (message: string): FakeResponse => ({ status: 400, json: { error: 'InvalidRequest', message } });

/** An integer query parameter within the lexicon's bounds. */
function integer(query: URLSearchParams, name: string, fallback: number, max: number): number | undefined {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
}

export async function startFakeAppView(options: { pds: string }): Promise<FakeAppView> {
  const accounts = new Set<string>();
  const blocked = new Set<string>();
  const notFound = new Set<string>();
  // The AppView's indexedAt is when it first saw a record.
  const firstSeen = new Map<string, string>();

  // Plain JSON from the PDS (records as they are stored), not @atproto/api's decoded CIDs and blob refs.
  const xrpc = async <T>(nsid: string, params: Record<string, string>): Promise<T> => {
    const response = await fetch(`${options.pds}/xrpc/${nsid}?${new URLSearchParams(params)}`);
    if (!response.ok) throw new Error(`${nsid}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const list = async (repo: string, collection: string): Promise<RepoRecord[]> => {
    const records: RepoRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await xrpc<{ records: RepoRecord[]; cursor?: string }>('com.atproto.repo.listRecords', {
        repo,
        collection,
        limit: '100',
        ...(cursor ? { cursor } : {}),
      });
      records.push(...page.records);
      cursor = page.records.length === 100 ? page.cursor : undefined;
    } while (cursor);
    return records;
  };

  const index = async () => {
    const actors = new Map<string, Actor>();
    const posts = new Map<string, Post>();
    const likes: string[] = [];
    const reposts: string[] = [];
    for (const did of accounts) {
      const { handle } = await xrpc<{ handle: string }>('com.atproto.repo.describeRepo', { repo: did });
      const profile = (await list(did, 'app.bsky.actor.profile')).find((record) => record.uri.endsWith('/self'));
      const displayName = profile?.value['displayName'];
      actors.set(did, { did, handle, ...(typeof displayName === 'string' ? { displayName } : {}) });
      for (const record of await list(did, 'app.bsky.feed.post')) {
        if (!firstSeen.has(record.uri)) firstSeen.set(record.uri, new Date().toISOString());
        posts.set(record.uri, { ...record, did, indexedAt: firstSeen.get(record.uri)! });
      }
      likes.push(...(await list(did, 'app.bsky.feed.like')).map((record) => record.value['subject']?.uri as string));
      reposts.push(...(await list(did, 'app.bsky.feed.repost')).map((record) => record.value['subject']?.uri as string));
    }
    const all = [...posts.values()];
    const quoted = (post: Post): string | undefined => {
      const embed = post.value['embed'];
      if (embed?.$type === 'app.bsky.embed.record') return embed.record?.uri;
      if (embed?.$type === 'app.bsky.embed.recordWithMedia') return embed.record?.record?.uri;
      return undefined;
    };
    const view = (post: Post) => ({
      $type: 'app.bsky.feed.defs#postView',
      uri: post.uri,
      cid: post.cid,
      author: { $type: 'app.bsky.actor.defs#profileViewBasic', ...actors.get(post.did)! },
      record: post.value,
      // replyCount counts direct replies, as the AppView's post aggregates do.
      replyCount: all.filter((candidate) => candidate.value['reply']?.parent?.uri === post.uri).length,
      repostCount: reposts.filter((subject) => subject === post.uri).length,
      likeCount: likes.filter((subject) => subject === post.uri).length,
      quoteCount: all.filter((candidate) => quoted(candidate) === post.uri).length,
      indexedAt: post.indexedAt,
    });
    const children = (uri: string): Post[] =>
      all
        .filter((post) => post.value['reply']?.parent?.uri === uri)
        .sort((a, b) => String(a.value['createdAt']).localeCompare(String(b.value['createdAt'])));
    const quotesOf = (uri: string): Post[] =>
      all
        .filter((post) => quoted(post) === uri)
        .sort((a, b) => String(b.value['createdAt']).localeCompare(String(a.value['createdAt'])) || b.uri.localeCompare(a.uri));
    return { posts, view, children, quotesOf };
  };

  const server = await startFakeServer(async (request) => {
    if (request.method !== 'GET') return { status: 405, json: { error: 'InvalidRequest', message: 'Method not allowed' } };
    if (request.path === '/xrpc/app.bsky.feed.getPosts') {
      const uris = request.query.getAll('uris');
      if (uris.length === 0 || uris.length > 25) return invalid('uris must hold 1 to 25 AT-URIs');
      const { posts, view } = await index();
      return { status: 200, json: { posts: uris.flatMap((uri) => (posts.has(uri) ? [view(posts.get(uri)!)] : [])) } };
    }
    if (request.path === '/xrpc/app.bsky.feed.getPostThread') {
      const uri = request.query.get('uri');
      const depth = integer(request.query, 'depth', 6, 1000);
      const parentHeight = integer(request.query, 'parentHeight', 80, 1000);
      if (!uri || depth === undefined || parentHeight === undefined) return invalid('expected uri, depth 0–1000 and parentHeight 0–1000');
      const { posts, view, children } = await index();
      const anchor = posts.get(uri);
      if (!anchor || notFound.has(uri)) return { status: 400, json: { error: 'NotFound', message: `Post not found: ${uri}` } };
      const rootOf = (post: Post): string => post.value['reply']?.root?.uri ?? post.uri;
      const node = (post: Post, below: number): unknown => {
        if (notFound.has(post.uri)) return { $type: 'app.bsky.feed.defs#notFoundPost', uri: post.uri, notFound: true };
        if (blocked.has(post.did))
          return { $type: 'app.bsky.feed.defs#blockedPost', uri: post.uri, blocked: true, author: { did: post.did } };
        return { $type: 'app.bsky.feed.defs#threadViewPost', post: view(post), ...(below >= 1 ? { replies: replies(post, below) } : {}) };
      };
      // Only replies in the anchor's thread (same root), as the AppView keeps to the thread boundary.
      const replies = (post: Post, below: number): unknown[] =>
        children(post.uri)
          .filter((child) => rootOf(child) === rootOf(anchor))
          .map((child) => node(child, below - 1));
      const parent = (post: Post, height: number): unknown => {
        const parentUri = post.value['reply']?.parent?.uri as string | undefined;
        if (height < 1 || !parentUri) return undefined;
        const found = posts.get(parentUri);
        if (!found) return { $type: 'app.bsky.feed.defs#notFoundPost', uri: parentUri, notFound: true };
        const above = parent(found, height - 1);
        return { $type: 'app.bsky.feed.defs#threadViewPost', post: view(found), ...(above ? { parent: above } : {}) };
      };
      const above = parent(anchor, parentHeight);
      const thread = blocked.has(anchor.did)
        ? node(anchor, depth)
        : {
            $type: 'app.bsky.feed.defs#threadViewPost',
            post: view(anchor),
            ...(above ? { parent: above } : {}),
            ...(depth >= 1 ? { replies: replies(anchor, depth) } : {}),
          };
      return { status: 200, json: { thread } };
    }
    if (request.path === '/xrpc/app.bsky.feed.getQuotes') {
      // app.bsky.feed.getQuotes: uri, limit 1–100 (default 50), cursor; the quoting posts newest first.
      const uri = request.query.get('uri');
      const limit = integer(request.query, 'limit', 50, 100);
      const start = Number(request.query.get('cursor') ?? 0);
      if (!uri || limit === undefined || limit < 1 || !Number.isInteger(start)) return invalid('expected uri, limit 1–100 and a cursor');
      const { view, quotesOf } = await index();
      const found = quotesOf(uri).filter((post) => !blocked.has(post.did) && !notFound.has(post.uri));
      const page = found.slice(start, start + limit);
      return {
        status: 200,
        json: { uri, posts: page.map(view), ...(start + limit < found.length ? { cursor: String(start + limit) } : {}) },
      };
    }
    return { status: 501, json: { error: 'MethodNotImplemented', message: `${request.path} is not implemented by the fake AppView` } };
  });
  return Object.assign(server, { accounts, blocked, notFound });
}
