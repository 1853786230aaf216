/**
 * Each network's second verb, `readBack`: the counts and the public replies for a copy the real
 * adapters posted. Bluesky runs for real (a PDS in-process, other accounts replying, liking, reposting
 * and quoting, read through a small AppView over that PDS); Mastodon, X, LinkedIn and Threads are the
 * fake servers that follow their documented contracts. Replies come from strangers, so hostile ones
 * are among them: they must come back as plain text, never as markup.
 */
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replySchema, type Reply } from '../src/contract/snapshots.ts';
import type { ReadBack, RemotePost } from '../scripts/channels/adapter.ts';
import type { NetworkReader } from '../scripts/channels/channel.ts';
import { encodeUrn, LINKEDIN_MEMBER } from '../scripts/channels/linkedin/adapter.ts';
import { channels } from '../scripts/channels/registry.ts';
import { MAX_REPLY_TEXT } from '../scripts/channels/reply-text.ts';
import { RequestError } from '../scripts/lib/retry.ts';
import type { Network } from '../src/contract/networks.ts';
import type { FakeAppView } from './helpers/fake-appview.ts';
import type { FakeMastodonAccount } from './helpers/fake-networks.ts';
import { postEssayEverywhere, type PostedEssay } from './helpers/posted-essay.ts';
import { createBlueskyAccount, TOKENS, type LocalNetworks, type Pds } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const deps = { fetch: globalThis.fetch, timeoutMs: ANSWER_TIMEOUT_MS, now: Date.now };
const registry = await channels();
const LONG = 'A'.repeat(10_000);
const RTL = 'مرحبا بالعالم — שלום 👋🏽👩‍👩‍👧';

let pds: Pds;
let networks: LocalNetworks;
let appview: FakeAppView;
/** The copy of the one item on each network, as the ledger recorded it. */
const copies = {} as Record<Network, RemotePost>;

let posted: PostedEssay;

beforeAll(async () => {
  posted = await postEssayEverywhere();
  ({ pds, networks, appview } = posted);
  Object.assign(copies, posted.copies);
});
afterAll(() => posted?.close());

function reader(network: Network, env: Record<string, string> = networks.env): NetworkReader {
  const made = registry.get(network)!.reader(env, deps);
  if ('missing' in made) throw new Error(`${network}: ${made.missing.join(', ')}`);
  return made;
}

/** Every reply is valid for the snapshot, and the list is oldest first. */
function expectSnapshotReplies(back: ReadBack): Reply[] {
  const replies = back.replies ?? [];
  for (const reply of replies) expect(replySchema.safeParse(reply).success, JSON.stringify(reply)).toBe(true);
  expect(replies.map((reply) => reply.publishedAt)).toEqual(replies.map((reply) => reply.publishedAt).sort());
  return replies;
}

async function expectRetryable(promise: Promise<unknown>, status: number, afterMs?: number): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RequestError);
  const failure = error as RequestError;
  expect(failure).toMatchObject({ status, retryable: true });
  if (afterMs !== undefined) expect(failure.retryAfterMs).toBeGreaterThanOrEqual(afterMs);
  return failure;
}

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString();

describe('a channel’s reader', () => {
  test('reads Bluesky without credentials, from the public AppView unless BLUESKY_APPVIEW says otherwise', async () => {
    const asked: string[] = [];
    const stub: typeof fetch = async (input) => {
      asked.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ posts: [] }), { headers: { 'content-type': 'application/json' } });
    };
    const made = registry.get('bluesky')!.reader({}, { ...deps, fetch: stub });
    expect('missing' in made).toBe(false);
    expect(
      await (made as NetworkReader).readBack({ remoteId: 'at://did:plc:abc/app.bsky.feed.post/3l2', url: 'https://bsky.app/x' }),
    ).toEqual({
      remoteId: 'at://did:plc:abc/app.bsky.feed.post/3l2',
      url: 'https://bsky.app/x',
      exists: false,
      metrics: {},
    });
    expect(asked[0]).toMatch(/^https:\/\/public\.api\.bsky\.app\/xrpc\/app\.bsky\.feed\.getPosts\?uris=at%3A%2F%2Fdid%3Aplc%3Aabc/);
  });

  test('the other networks read with the credentials they post with, and say which are missing', () => {
    expect(registry.get('mastodon')!.reader({}, deps)).toEqual({ missing: ['MASTODON_URL', 'MASTODON_TOKEN'] });
    expect(registry.get('threads')!.reader({ THREADS_TOKEN: 't' }, deps)).toEqual({ missing: ['THREADS_USER_ID'] });
    expect(reader('linkedin').network).toBe('linkedin');
  });
});

describe('Bluesky', () => {
  let others: Array<{ did: string; handle: string; agent: AtpAgent }>;
  let root: { uri: string; cid: string };
  const made: Record<string, { uri: string; cid: string }> = {};

  beforeAll(async () => {
    others = await Promise.all(
      ['Ada Lovelace', RTL].map(async (displayName) => {
        const account = await createBlueskyAccount(pds);
        const agent = new AtpAgent({ service: pds.url });
        await agent.login({ identifier: account.handle, password: TOKENS.bluesky });
        await agent.com.atproto.repo.putRecord({
          repo: account.did,
          collection: 'app.bsky.actor.profile',
          rkey: 'self',
          record: { $type: 'app.bsky.actor.profile', displayName },
        });
        appview.accounts.add(account.did);
        return { ...account, agent };
      }),
    );
    const hub = new AtpAgent({ service: pds.url });
    await hub.login({ identifier: networks.bluesky.handle, password: TOKENS.bluesky });
    const rkey = copies.bluesky.remoteId.split('/').pop()!;
    root = {
      uri: copies.bluesky.remoteId,
      cid: (await hub.com.atproto.repo.getRecord({ repo: networks.bluesky.did, collection: 'app.bsky.feed.post', rkey })).data.cid!,
    };
    const [ada, bob] = others as [(typeof others)[number], (typeof others)[number]];
    const write = async (agent: AtpAgent, did: string, collection: string, record: Record<string, unknown>) => {
      const { data } = await agent.com.atproto.repo.createRecord({ repo: did, collection, record: { $type: collection, ...record } });
      return { uri: data.uri, cid: data.cid };
    };
    const reply = (by: { agent: AtpAgent; did: string }, parent: { uri: string; cid: string }, text: string, minute: number) =>
      write(by.agent, by.did, 'app.bsky.feed.post', { text, createdAt: at(minute), reply: { root, parent } });

    // Written out of order: the list comes back oldest first, whatever the tree's order.
    made['second'] = await reply(bob, root, 'A second top-level reply', 4);
    made['ada'] = await reply(ada, root, 'I disagree: <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))', 1);
    made['bob'] = await reply(bob, made['ada']!, `${RTL} — nested under Ada`, 2);
    made['hub'] = await reply({ agent: hub, did: networks.bluesky.did }, made['bob']!, 'Thanks both: my answer is in the essay.', 3);
    // A chain deeper than one getPostThread request reads (10 levels): the reader asks again from where it was cut.
    let parent = made['second']!;
    for (let level = 0; level < 12; level += 1) {
      parent = await reply(level % 2 === 0 ? ada : bob, parent, `Level ${level + 2} of a long argument`, 10 + level);
    }
    made['deepest'] = parent;
    await write(ada.agent, ada.did, 'app.bsky.feed.like', { subject: root, createdAt: at(5) });
    await write(bob.agent, bob.did, 'app.bsky.feed.like', { subject: root, createdAt: at(5) });
    await write(bob.agent, bob.did, 'app.bsky.feed.repost', { subject: root, createdAt: at(6) });
    await write(ada.agent, ada.did, 'app.bsky.feed.post', {
      text: 'Worth reading',
      createdAt: at(7),
      embed: { $type: 'app.bsky.embed.record', record: root },
    });
  });

  test('counts likes, reposts, replies and quotes, and reads every reply at every depth, oldest first', async () => {
    const before = appview.requests.length;
    const back = await reader('bluesky', { BLUESKY_APPVIEW: appview.url }).readBack(copies.bluesky);
    expect(back).toMatchObject({
      ...copies.bluesky,
      exists: true,
      metrics: { likes: 2, reposts: 1, replies: 2, quotes: 1 },
      repliesComplete: true,
    });
    const replies = expectSnapshotReplies(back);
    expect(replies).toHaveLength(16);
    const [ada, bob] = others as [(typeof others)[number], (typeof others)[number]];
    expect(replies.slice(0, 4)).toEqual([
      {
        id: made['ada']!.uri,
        url: `https://bsky.app/profile/${ada.handle}/post/${made['ada']!.uri.split('/').pop()}`,
        author: { name: 'Ada Lovelace', handle: `@${ada.handle}`, url: `https://bsky.app/profile/${ada.handle}` },
        // Plain text stays exactly as written: the site escapes it.
        text: 'I disagree: <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))',
        publishedAt: at(1),
      },
      expect.objectContaining({
        id: made['bob']!.uri,
        text: `${RTL} — nested under Ada`,
        author: expect.objectContaining({ name: RTL, handle: `@${bob.handle}` }),
      }),
      // The account's own reply is part of the conversation.
      expect.objectContaining({
        id: made['hub']!.uri,
        author: expect.objectContaining({ handle: `@${networks.bluesky.handle}` }),
        publishedAt: at(3),
      }),
      expect.objectContaining({ id: made['second']!.uri, text: 'A second top-level reply' }),
    ]);
    expect(replies.at(-1)).toMatchObject({ id: made['deepest']!.uri, text: 'Level 13 of a long argument' });
    // No quote post, no like: only replies.
    expect(replies.some((reply) => reply.text === 'Worth reading')).toBe(false);
    const threads = appview.requests.slice(before).filter((request) => request.path.endsWith('getPostThread'));
    expect(threads.length).toBeGreaterThan(1);
    expect(threads.every((request) => request.query.get('depth') === '10')).toBe(true);
  });

  test('leaves out blocked and not-found replies and everything under them', async () => {
    appview.blocked.add(others[1]!.did);
    appview.notFound.add(made['hub']!.uri);
    try {
      const back = await reader('bluesky', { BLUESKY_APPVIEW: appview.url }).readBack(copies.bluesky);
      expect(back.metrics.replies).toBe(2);
      // Bob's replies are blocked, so neither his nested reply (nor what hangs under it) nor his top-level one (and the chain) are shown.
      expect(back.replies?.map((reply) => reply.id)).toEqual([made['ada']!.uri]);
    } finally {
      appview.blocked.clear();
      appview.notFound.clear();
    }
  });

  test('a post that is not there does not exist; the publishing adapter reads through BLUESKY_APPVIEW when set', async () => {
    const missing = {
      remoteId: `at://${networks.bluesky.did}/app.bsky.feed.post/3zzzzzzzzzzz2`,
      url: 'https://bsky.app/profile/x/post/3zzzzzzzzzzz2',
    };
    expect(await reader('bluesky', { BLUESKY_APPVIEW: appview.url }).readBack(missing)).toEqual({ ...missing, exists: false, metrics: {} });
    const adapter = registry.get('bluesky')!.adapter({ ...networks.env, BLUESKY_APPVIEW: appview.url }, deps);
    if ('missing' in adapter) throw new Error('no credentials');
    expect(await adapter.readBack(copies.bluesky)).toMatchObject({
      exists: true,
      metrics: { likes: 2, reposts: 1, replies: 2, quotes: 1 },
    });
    expect(await adapter.readBack(missing)).toEqual({ ...missing, exists: false, metrics: {} });
  });

  test('429 from the AppView is a retryable RequestError that says how long to wait', async () => {
    appview.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 30) },
      json: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      when: (request) => request.path.endsWith('getPostThread'),
      times: 1,
    });
    const error = await expectRetryable(reader('bluesky', { BLUESKY_APPVIEW: appview.url }).readBack(copies.bluesky), 429, 20_000);
    expect(error.message).toMatch(/\[GET\] http:\/\/127\.0\.0\.1:\d+\/xrpc\/app\.bsky\.feed\.getPostThread: 429/);
  });
});

describe('Mastodon', () => {
  const ada = (): FakeMastodonAccount => ({
    id: '2',
    username: 'ada',
    acct: 'ada',
    display_name: 'Ada <b>Lovelace</b>',
    url: `${networks.mastodon.url}/@ada`,
  });
  const bob: FakeMastodonAccount = {
    id: '3',
    username: 'bob',
    acct: 'bob@example.social',
    display_name: RTL,
    url: 'https://example.social/@bob',
  };
  const ids: Record<string, string> = {};

  beforeAll(() => {
    const { mastodon } = networks;
    const status = copies.mastodon.remoteId;
    const ceo: FakeMastodonAccount = { id: '1', username: 'ceo', acct: 'ceo', display_name: 'Morwenna Hale', url: `${mastodon.url}/@ceo` };
    ids['hi'] = mastodon.reply(status, {
      account: ada(),
      createdAt: at(1),
      content:
        '<p>Hi <span class="h-card"><a href="https://example.social/@x" class="u-url mention">@<span>x</span></a></span></p><p>bye<br>for now</p>',
    });
    ids['escaped'] = mastodon.reply(status, {
      account: bob,
      createdAt: at(2),
      content: '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>',
    });
    // Nested, and raw markup a hostile server could send: scripts and images go, a javascript: link is its text.
    ids['raw'] = mastodon.reply(ids['hi']!, {
      account: bob,
      createdAt: at(3),
      content: '<p><script>alert(1)</script>Hi<img src=x onerror=alert(1)> <a href="javascript:alert(1)">click me</a></p>',
    });
    ids['unclosed'] = mastodon.reply(ids['raw']!, { account: ada(), createdAt: at(4), content: '<p><b>bold <i>never closed' });
    ids['private'] = mastodon.reply(status, { account: bob, createdAt: at(5), content: '<p>followers only</p>', visibility: 'private' });
    ids['direct'] = mastodon.reply(status, { account: bob, createdAt: at(6), content: '<p>a direct message</p>', visibility: 'direct' });
    ids['long'] = mastodon.reply(status, { account: bob, createdAt: at(7), content: `<p>${LONG}</p>`, visibility: 'unlisted' });
    ids['cw'] = mastodon.reply(ids['escaped']!, {
      account: ada(),
      createdAt: at(8),
      content: `<p>${RTL}</p>`,
      spoilerText: 'politics',
      url: null,
    });
    ids['own'] = mastodon.reply(ids['hi']!, { account: ceo, createdAt: at(9), content: '<p>Thank you both.</p>' });
    mastodon.engagement.set(status, { favourites: 5, reblogs: 2, quotes: 3 });
  });

  test('counts favourites, boosts and replies (quotes only where the server reports them)', async () => {
    const back = await reader('mastodon').readBack(copies.mastodon);
    expect(back).toMatchObject({ exists: true, metrics: { likes: 5, reposts: 2, replies: 5 }, repliesComplete: true });
    expect(back.metrics).not.toHaveProperty('quotes');
    networks.mastodon.reportsQuotes = true;
    try {
      expect((await reader('mastodon').readBack(copies.mastodon)).metrics).toEqual({ likes: 5, reposts: 2, replies: 5, quotes: 3 });
    } finally {
      networks.mastodon.reportsQuotes = false;
    }
  });

  test('reads the public replies of the whole tree as plain text, oldest first', async () => {
    const replies = expectSnapshotReplies(await reader('mastodon').readBack(copies.mastodon));
    const host = new URL(networks.mastodon.url).host;
    expect(replies.map((reply) => reply.id)).toEqual([
      ids['hi'],
      ids['escaped'],
      ids['raw'],
      ids['unclosed'],
      ids['long'],
      ids['cw'],
      ids['own'],
    ]);
    expect(replies[0]).toEqual({
      id: ids['hi'],
      url: `${networks.mastodon.url}/@ada/${ids['hi']}`,
      // A display name is text too: Mastodon does not put markup in it, and none is read into it.
      author: { name: 'Ada <b>Lovelace</b>', handle: `@ada@${host}`, url: `${networks.mastodon.url}/@ada` },
      text: 'Hi @x\n\nbye\nfor now',
      publishedAt: at(1),
    });
    expect(replies[1]).toMatchObject({
      text: '<script>alert(1)</script> & <img src=x onerror=alert(1)>',
      author: { handle: '@bob@example.social', name: RTL },
    });
    expect(replies[2]?.text).toBe('Hi click me');
    expect(replies[3]?.text).toBe('bold never closed');
    expect(replies[4]?.text).toHaveLength(MAX_REPLY_TEXT);
    expect(replies[4]?.text.endsWith('A…')).toBe(true);
    // No web page: the status's URI.
    expect(replies[5]).toMatchObject({ text: `CW: politics\n\n${RTL}`, url: `${networks.mastodon.url}/users/ada/statuses/${ids['cw']}` });
    expect(replies[6]?.author).toEqual({ name: 'Morwenna Hale', handle: `@ceo@${host}`, url: `${networks.mastodon.url}/@ceo` });
  });

  test('a deleted status does not exist; 429 is retryable', async () => {
    expect(await reader('mastodon').readBack({ remoteId: '999', url: 'https://m.example/@ceo/999' })).toEqual({
      remoteId: '999',
      url: 'https://m.example/@ceo/999',
      exists: false,
      metrics: {},
    });
    networks.mastodon.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '7' },
      when: (request) => request.path.endsWith('/context'),
      times: 1,
    });
    const error = await expectRetryable(reader('mastodon').readBack(copies.mastodon), 429, 7000);
    expect(error.message).not.toContain(TOKENS.mastodon);
  });

  test('a token made with `write:statuses read:accounts` (one section of Mastodon’s docs) cannot read statuses: the 403 names the scope to add', async () => {
    networks.mastodon.scopes = ['write:statuses', 'read:accounts'];
    try {
      const error = await reader('mastodon')
        .readBack(copies.mastodon)
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(RequestError);
      expect(error).toMatchObject({ status: 403, retryable: false });
      expect((error as Error).message).toMatch(
        /the token lacks read:statuses: make a token with read:statuses read:accounts write:statuses/,
      );
    } finally {
      networks.mastodon.scopes = ['read', 'write:statuses'];
    }
    // The granular set the hub documents reads as well as `read` does.
    networks.mastodon.scopes = ['read:statuses', 'read:accounts', 'write:statuses'];
    try {
      expect(await reader('mastodon').readBack(copies.mastodon)).toMatchObject({ exists: true });
    } finally {
      networks.mastodon.scopes = ['read', 'write:statuses'];
    }
  });
});

describe('X', () => {
  const ada = { id: '7', name: 'Ada Lovelace', username: 'ada_l' };
  const ids: Record<string, string> = {};

  beforeAll(() => {
    const { x } = networks;
    const id = copies.x.remoteId;
    ids['hostile'] = x.reply(id, { author: ada, text: '<script>alert(1)</script> & <b>bold</b> &lt;', createdAt: at(1) });
    ids['long'] = x.reply(id, { author: { id: '8', name: RTL, username: 'rtl' }, text: LONG, createdAt: at(2) });
    ids['own'] = x.reply(id, { author: { id: '42', name: 'Morwenna Hale', username: 'morwennahale' }, text: 'Thanks!', createdAt: at(3) });
    // More than one page of search results (100 a page).
    for (let i = 0; i < 110; i += 1)
      x.reply(id, { author: ada, text: `Point ${i}`, createdAt: new Date(Date.parse(at(10)) + i * 1000).toISOString() });
    x.engagement.set(id, { likes: 9, reposts: 4, quotes: 1 });
  });

  test('counts from public_metrics, and the replies from recent search across pages, as plain text', async () => {
    const back = await reader('x').readBack(copies.x);
    expect(back).toMatchObject({ exists: true, metrics: { likes: 9, reposts: 4, replies: 113, quotes: 1 }, repliesComplete: false });
    const replies = expectSnapshotReplies(back);
    expect(replies).toHaveLength(113);
    expect(replies[0]).toEqual({
      id: ids['hostile'],
      url: `https://x.com/ada_l/status/${ids['hostile']}`,
      author: { name: 'Ada Lovelace', handle: '@ada_l', url: 'https://x.com/ada_l' },
      // X's entity escaping undone once: what was typed, including a literal "&lt;".
      text: '<script>alert(1)</script> & <b>bold</b> &lt;',
      publishedAt: at(1),
    });
    // The whole of a long post (note_tweet), capped.
    expect(replies[1]?.text).toHaveLength(MAX_REPLY_TEXT);
    expect(replies[1]?.author.name).toBe(RTL);
    expect(replies[2]?.author.handle).toBe('@morwennahale');
    expect(replies.at(-1)?.text).toBe('Point 109');
    expect(
      networks.x.requests
        .filter((request) => request.path === '/2/tweets/search/recent')
        .at(-1)
        ?.query.get('next_token'),
    ).toBe('100');
  });

  test('without search in the API tier (403) the counts come back without replies', async () => {
    networks.x.faults.push({
      kind: 'status',
      status: 403,
      json: { title: 'Client Forbidden', type: 'https://api.twitter.com/2/problems/client-forbidden', reason: 'client-not-enrolled' },
      when: (request) => request.path === '/2/tweets/search/recent',
      times: 1,
    });
    const back = await reader('x').readBack(copies.x);
    expect(back).toMatchObject({ exists: true, metrics: { likes: 9 } });
    expect(back.replies).toBeUndefined();
  });

  test('a deleted post does not exist; 429 on search is retryable', async () => {
    expect(await reader('x').readBack({ remoteId: '123', url: 'https://x.com/i/status/123' })).toMatchObject({
      exists: false,
      metrics: {},
    });
    networks.x.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 60) },
      json: { title: 'Too Many Requests', status: 429 },
      when: (request) => request.path === '/2/tweets/search/recent',
      times: 1,
    });
    await expectRetryable(reader('x').readBack(copies.x), 429, 50_000);
  });
});

describe('LinkedIn', () => {
  const ids: Record<string, string> = {};

  beforeAll(() => {
    const { linkedin } = networks;
    const urn = copies.linkedin.remoteId;
    ids['hostile'] = linkedin.comment(urn, {
      actor: 'urn:li:person:ada',
      text: '<img src=x onerror=alert(1)> javascript:alert(1)',
      time: Date.parse(at(1)),
    });
    ids['long'] = linkedin.comment(urn, { actor: 'urn:li:person:bob', text: LONG, time: Date.parse(at(2)) });
    ids['nested'] = linkedin.comment(ids['hostile']!, {
      actor: 'urn:li:person:8675309',
      text: `${RTL}\nsecond line`,
      time: Date.parse(at(3)),
    });
    // More than one page of comments (100 a page).
    for (let i = 0; i < 101; i += 1)
      linkedin.comment(urn, { actor: 'urn:li:person:carol', text: `Comment ${i}`, time: Date.parse(at(10)) + i * 1000 });
    linkedin.likes.set(urn, 11);
    linkedin.reactions.set(urn, { PRAISE: 2, INTEREST: 1 });
  });

  test('counts every kind of reaction (Social Metadata API) and comments (nested ones too), and reads every comment, oldest first', async () => {
    const back = await reader('linkedin').readBack(copies.linkedin);
    // 11 likes, 2 celebrates and 1 insightful: socialActions' likesSummary would have said 11.
    expect(back).toMatchObject({ exists: true, metrics: { likes: 14, replies: 104 }, repliesComplete: true });
    expect(networks.linkedin.requests.some((request) => request.path.startsWith('/rest/socialMetadata/'))).toBe(true);
    const replies = expectSnapshotReplies(back);
    expect(replies).toHaveLength(104);
    expect(replies[0]).toEqual({
      id: ids['hostile'],
      url: `${copies.linkedin.url}?${new URLSearchParams({ commentUrn: ids['hostile']! })}`,
      author: { name: LINKEDIN_MEMBER, handle: '' },
      text: '<img src=x onerror=alert(1)> javascript:alert(1)',
      publishedAt: at(1),
    });
    expect(replies[1]?.text).toHaveLength(MAX_REPLY_TEXT);
    expect(replies[2]).toMatchObject({ id: ids['nested'], text: `${RTL}\nsecond line` });
    // Comment URNs hold parentheses: they went encoded (the fake refuses them bare, as Rest.li would misread them).
    expect(networks.linkedin.requests.some((request) => request.path.includes('%28urn%3Ali%3Ashare'))).toBe(true);
  });

  test('without r_member_social (the scope a person can get is w_member_social) the copy exists, unread, and says why', async () => {
    networks.linkedin.scopes = ['w_member_social'];
    try {
      expect(await reader('linkedin').readBack(copies.linkedin)).toEqual({
        ...copies.linkedin,
        exists: true,
        metrics: {},
        note: 'counts and replies needs r_member_social (LinkedIn grants it to approved partners only)',
      });
    } finally {
      networks.linkedin.scopes = ['w_member_social', 'r_member_social'];
    }
    networks.linkedin.faults.push({ kind: 'status', status: 403, when: (request) => request.path.endsWith('/comments'), times: 1 });
    const back = await reader('linkedin').readBack(copies.linkedin);
    expect(back.metrics).toEqual({ likes: 14, replies: 104 });
    expect(back.replies).toBeUndefined();
    // Refused for one comment's comments only: the rest is read, and the list is not complete.
    networks.linkedin.faults.push({
      kind: 'status',
      status: 403,
      when: (request) => request.path === `/rest/socialActions/${encodeUrn(ids['hostile']!)}/comments`,
      times: 1,
    });
    const partial = await reader('linkedin').readBack(copies.linkedin);
    expect(partial).toMatchObject({ repliesComplete: false });
    expect(partial.replies).toHaveLength(103);
  });

  test('a deleted post does not exist; 429 and 500 are retryable', async () => {
    expect(
      await reader('linkedin').readBack({ remoteId: 'urn:li:share:1', url: 'https://www.linkedin.com/feed/update/urn:li:share:1/' }),
    ).toMatchObject({ exists: false, metrics: {} });
    networks.linkedin.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '3' },
      when: (request) => request.path.startsWith('/rest/socialActions'),
      times: 1,
    });
    const error = await expectRetryable(reader('linkedin').readBack(copies.linkedin), 429, 3000);
    expect(error.message).not.toContain(TOKENS.linkedin);
    networks.linkedin.faults.push({ kind: 'status', status: 500, when: (request) => request.path.endsWith('/comments'), times: 1 });
    await expectRetryable(reader('linkedin').readBack(copies.linkedin), 500);
  });
});

describe('Threads', () => {
  const ids: Record<string, string> = {};

  beforeAll(() => {
    const { threads } = networks;
    const id = copies.threads.remoteId;
    threads.pageSize = 3;
    ids['first'] = threads.reply(id, {
      username: 'ada',
      text: 'Read it. <a href="javascript:alert(1)">javascript:alert(1)</a>',
      timestamp: '2026-11-20T10:01:00+0000',
    });
    ids['nested'] = threads.reply(ids['first']!, { username: 'bob', text: RTL, timestamp: '2026-11-20T10:02:00+0000' });
    ids['private'] = threads.reply(id, { username: undefined, text: 'from a private profile', timestamp: '2026-11-20T10:03:00+0000' });
    ids['hidden'] = threads.reply(id, {
      username: 'troll',
      text: 'hidden by the author',
      timestamp: '2026-11-20T10:04:00+0000',
      hide_status: 'HIDDEN',
    });
    ids['long'] = threads.reply(id, { username: 'carol', text: LONG, timestamp: '2026-11-20T10:05:00+0000' });
    ids['own'] = threads.reply(ids['nested']!, {
      username: 'morwennahale',
      text: 'Thanks',
      timestamp: '2026-11-20T10:06:00+0000',
      hide_status: 'UNHUSHED',
    });
    ids['last'] = threads.reply(id, { username: 'dan', text: 'Last word', timestamp: '2026-11-20T10:07:00+0000' });
    threads.insights.set(id, { likes: 8, reposts: 2, quotes: 1, views: 400 });
  });

  test('counts from insights, and every public reply of the conversation across pages, oldest first', async () => {
    const back = await reader('threads').readBack(copies.threads);
    expect(back).toMatchObject({ exists: true, metrics: { likes: 8, reposts: 2, quotes: 1, replies: 7 }, repliesComplete: true });
    const replies = expectSnapshotReplies(back);
    expect(replies.map((reply) => reply.id)).toEqual([ids['first'], ids['nested'], ids['long'], ids['own'], ids['last']]);
    expect(replies[0]).toEqual({
      id: ids['first'],
      url: `${networks.threads.url}/@ada/post/${ids['first']}`,
      author: { name: 'ada', handle: '@ada', url: 'https://www.threads.com/@ada' },
      text: 'Read it. <a href="javascript:alert(1)">javascript:alert(1)</a>',
      publishedAt: '2026-11-20T10:01:00.000Z',
    });
    expect(replies[2]?.text).toHaveLength(MAX_REPLY_TEXT);
    expect(
      networks.threads.requests
        .filter((request) => request.path.endsWith('/conversation'))
        .at(-1)
        ?.query.get('reverse'),
    ).toBe('false');
  });

  test('a missing scope leaves that part out: insights without threads_manage_insights, replies without threads_read_replies', async () => {
    const denied = { error: { message: '(#10) Application does not have permission for this action', type: 'OAuthException', code: 10 } };
    networks.threads.faults.push({
      kind: 'status',
      status: 400,
      json: denied,
      when: (request) => request.path.endsWith('/insights'),
      times: 1,
    });
    const withoutInsights = await reader('threads').readBack(copies.threads);
    expect(withoutInsights.metrics).toEqual({});
    expect(withoutInsights.replies).toHaveLength(5);
    networks.threads.faults.push({
      kind: 'status',
      status: 403,
      json: denied,
      when: (request) => request.path.endsWith('/conversation'),
      times: 1,
    });
    const withoutReplies = await reader('threads').readBack(copies.threads);
    expect(withoutReplies.metrics.likes).toBe(8);
    expect(withoutReplies.replies).toBeUndefined();
  });

  test('other refusals and 429 still fail, as RequestErrors; a deleted thread does not exist', async () => {
    networks.threads.faults.push({
      kind: 'status',
      status: 400,
      json: { error: { message: 'Invalid parameter', code: 100 } },
      when: (request) => request.path.endsWith('/insights'),
      times: 1,
    });
    const invalid = await reader('threads')
      .readBack(copies.threads)
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(RequestError);
    expect(invalid).toMatchObject({ status: 400, retryable: false });
    networks.threads.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '2' },
      when: (request) => request.path.endsWith('/conversation'),
      times: 1,
    });
    const error = await expectRetryable(reader('threads').readBack(copies.threads), 429, 2000);
    expect(error.message).not.toContain(TOKENS.threads);
    expect(await reader('threads').readBack({ remoteId: '999', url: 'https://www.threads.com/@x/post/999' })).toMatchObject({
      exists: false,
      metrics: {},
    });
  });
});
