/**
 * Quote-posts, read back with each copy: where people argue back in a post of their own. Bluesky runs
 * for real (a PDS in-process, other accounts quoting the hub's post, `app.bsky.feed.getQuotes` answered
 * by the small AppView over that PDS); X (`GET /2/tweets/:id/quote_tweets`) and Mastodon 4.5
 * (`GET /api/v1/statuses/:id/quotes`) are the fake servers that follow their documented contracts.
 * Then `collect` records them in the snapshot as it records replies: new ones once, gone ones removed.
 */
import { AtpAgent } from '@atproto/api';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSnapshot, replySchema, type Reply } from '../src/contract/snapshots.ts';
import { foldSnapshots, responsesFor } from '../src/lib/engagement.ts';
import type { ReadBack } from '../scripts/channels/adapter.ts';
import type { NetworkReader } from '../scripts/channels/channel.ts';
import { channels } from '../scripts/channels/registry.ts';
import { collect } from '../scripts/collect/run.ts';
import type { Network } from '../src/contract/networks.ts';
import { postEssayEverywhere, POSTED_ITEM, type PostedEssay } from './helpers/posted-essay.ts';
import { createBlueskyAccount, TOKENS } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const deps = { fetch: globalThis.fetch, timeoutMs: ANSWER_TIMEOUT_MS, now: Date.now };
const registry = await channels();
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 10, minute)).toISOString();

let posted: PostedEssay;

beforeAll(async () => {
  posted = await postEssayEverywhere();
});
afterAll(() => posted?.close());

function reader(network: Network, env: Record<string, string> = posted.networks.env): NetworkReader {
  const made = registry.get(network)!.reader(env, deps);
  if ('missing' in made) throw new Error(`${network}: ${made.missing.join(', ')}`);
  return made;
}

/** Every quote is valid for the snapshot (a reply's shape), and the list is oldest first. */
function snapshotQuotes(back: ReadBack): Reply[] {
  const quotes = back.quotes ?? [];
  for (const quote of quotes) expect(replySchema.safeParse(quote).success, JSON.stringify(quote)).toBe(true);
  expect(quotes.map((quote) => quote.publishedAt)).toEqual(quotes.map((quote) => quote.publishedAt).sort());
  return quotes;
}

describe('Bluesky getQuotes against the real PDS', () => {
  test('reads each post quoting the copy (a record embed, or one with media) with its author and text; a reply is not a quote', async () => {
    const { pds, appview, copies, networks } = posted;
    const account = await createBlueskyAccount(pds);
    const agent = new AtpAgent({ service: pds.url });
    await agent.login({ identifier: account.handle, password: TOKENS.bluesky });
    await agent.com.atproto.repo.putRecord({
      repo: account.did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName: 'Grace Hopper' },
    });
    appview.accounts.add(account.did);
    const hub = new AtpAgent({ service: pds.url });
    await hub.login({ identifier: networks.bluesky.handle, password: TOKENS.bluesky });
    const rkey = copies.bluesky.remoteId.split('/').pop()!;
    const { cid } = (await hub.com.atproto.repo.getRecord({ repo: networks.bluesky.did, collection: 'app.bsky.feed.post', rkey })).data;
    const root = { uri: copies.bluesky.remoteId, cid: cid! };
    const quote = async (text: string, minute: number, embed: Record<string, unknown>) =>
      (
        await agent.com.atproto.repo.createRecord({
          repo: account.did,
          collection: 'app.bsky.feed.post',
          record: { $type: 'app.bsky.feed.post', text, createdAt: at(minute), embed },
        })
      ).data.uri;
    const plain = await quote('This is wrong, and here is why: <b>no</b>', 1, { $type: 'app.bsky.embed.record', record: root });
    const withMedia = await quote('A chart that says otherwise', 2, {
      $type: 'app.bsky.embed.recordWithMedia',
      record: { $type: 'app.bsky.embed.record', record: root },
      media: { $type: 'app.bsky.embed.external', external: { uri: 'https://example.org/', title: 'Chart', description: '' } },
    });
    // A reply is not a quote.
    await agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: 'app.bsky.feed.post',
      record: { $type: 'app.bsky.feed.post', text: 'Only a reply', createdAt: at(3), reply: { root, parent: root } },
    });

    const before = appview.requests.length;
    const back = await reader('bluesky', { BLUESKY_APPVIEW: appview.url }).readBack(copies.bluesky);
    expect(back).toMatchObject({ exists: true, metrics: { quotes: 2 }, quotesComplete: true });
    const quotes = snapshotQuotes(back);
    expect(quotes).toEqual([
      {
        id: plain,
        url: `https://bsky.app/profile/${account.handle}/post/${plain.split('/').pop()}`,
        author: { name: 'Grace Hopper', handle: `@${account.handle}`, url: `https://bsky.app/profile/${account.handle}` },
        text: 'This is wrong, and here is why: <b>no</b>',
        publishedAt: at(1),
      },
      expect.objectContaining({ id: withMedia, text: 'A chart that says otherwise', publishedAt: at(2) }),
    ]);
    const asked = appview.requests.slice(before).filter((request) => request.path.endsWith('app.bsky.feed.getQuotes'));
    expect(asked.map((request) => [request.query.get('uri'), request.query.get('limit')])).toEqual([[copies.bluesky.remoteId, '100']]);
  });
});

describe('X quote posts', () => {
  const grace = { id: '9', name: 'Grace Hopper', username: 'grace_h' };

  test('reads GET /2/tweets/:id/quote_tweets across pages, author from includes, as plain text', async () => {
    const { x } = posted.networks;
    const id = posted.copies.x.remoteId;
    const first = x.quote(id, { author: grace, text: 'Wrong & right: <b>both</b>', createdAt: at(1) });
    for (let i = 0; i < 105; i += 1)
      x.quote(id, { author: grace, text: `Quote ${i}`, createdAt: new Date(Date.parse(at(10)) + i * 1000).toISOString() });
    const back = await reader('x').readBack(posted.copies.x);
    expect(back).toMatchObject({ exists: true, quotesComplete: true });
    const quotes = snapshotQuotes(back);
    expect(quotes).toHaveLength(106);
    expect(quotes[0]).toEqual({
      id: first,
      url: `https://x.com/grace_h/status/${first}`,
      author: { name: 'Grace Hopper', handle: '@grace_h', url: 'https://x.com/grace_h' },
      text: 'Wrong & right: <b>both</b>',
      publishedAt: at(1),
    });
    const asked = x.requests.filter((request) => request.path === `/2/tweets/${id}/quote_tweets`);
    expect(asked.map((request) => request.query.get('pagination_token'))).toEqual([null, '100']);
    expect(asked[0]?.query.get('expansions')).toBe('author_id');
  });

  test('without the endpoint in the API tier (403) the copy is read without quotes', async () => {
    posted.networks.x.faults.push({
      kind: 'status',
      status: 403,
      json: { title: 'Client Forbidden', type: 'https://api.twitter.com/2/problems/client-forbidden', reason: 'client-not-enrolled' },
      when: (request) => request.path.endsWith('/quote_tweets'),
      times: 1,
    });
    const back = await reader('x').readBack(posted.copies.x);
    expect(back.exists).toBe(true);
    expect(back.quotes).toBeUndefined();
  });
});

describe('Mastodon quotes', () => {
  test('a server before 4.5 (404 on /quotes) is read without quotes, not as an error', async () => {
    const back = await reader('mastodon').readBack(posted.copies.mastodon);
    expect(back.exists).toBe(true);
    expect(back.quotes).toBeUndefined();
    expect(posted.networks.mastodon.requests.some((request) => request.path.endsWith('/quotes'))).toBe(true);
  });

  test('Mastodon 4.5 lists the public quotes across Link-header pages, as plain text', async () => {
    const { mastodon } = posted.networks;
    const grace = {
      id: '5',
      username: 'grace',
      acct: 'grace@example.social',
      display_name: 'Grace Hopper',
      url: 'https://example.social/@grace',
    };
    const status = posted.copies.mastodon.remoteId;
    const first = mastodon.quote(status, {
      account: grace,
      createdAt: at(1),
      content: '<p>Not so: <a href="https://example.org/">see</a></p>',
    });
    mastodon.quote(status, { account: grace, createdAt: at(2), content: '<p>followers only</p>', visibility: 'private' });
    for (let i = 0; i < 25; i += 1)
      mastodon.quote(status, {
        account: grace,
        createdAt: new Date(Date.parse(at(10)) + i * 1000).toISOString(),
        content: `<p>Quote ${i}</p>`,
      });
    mastodon.reportsQuotes = true;
    try {
      const back = await reader('mastodon').readBack(posted.copies.mastodon);
      expect(back).toMatchObject({ exists: true, metrics: { quotes: 27 }, quotesComplete: true });
      const quotes = snapshotQuotes(back);
      expect(quotes).toHaveLength(26);
      expect(quotes[0]).toEqual({
        id: first,
        url: `https://example.social/@grace/${first}`,
        author: { name: 'Grace Hopper', handle: '@grace@example.social', url: 'https://example.social/@grace' },
        text: 'Not so: see',
        publishedAt: at(1),
      });
      expect(quotes.some((quote) => quote.text === 'followers only')).toBe(false);
      expect(mastodon.requests.filter((request) => request.path.endsWith('/quotes') && request.query.has('max_id'))).toHaveLength(1);
    } finally {
      mastodon.reportsQuotes = false;
    }
  });
});

describe('collect', () => {
  test('records new quotes once per snapshot, removes those gone, and the site state keeps them beside the replies', async () => {
    const evidence = await mkdtemp(join(tmpdir(), 'hub-quotes-'));
    try {
      const { networks, fixture } = posted;
      const run = () =>
        collect({
          cwd: fixture.root,
          env: { ...networks.env, BLUESKY_APPVIEW: posted.appview.url },
          evidenceFolder: evidence,
          only: ['x'],
          timeoutMs: ANSWER_TIMEOUT_MS,
          retry: { totalMs: 2000, baseDelayMs: 10 },
        });
      const first = await run();
      expect(first.failed).toBe(0);
      const quotes = first.snapshot.items[POSTED_ITEM]?.networks.x?.newQuotes ?? [];
      expect(quotes.length).toBeGreaterThan(100);
      // Seen already: the second snapshot records no quote again.
      const second = await run();
      expect(second.snapshot.items[POSTED_ITEM]?.networks.x?.newQuotes).toBeUndefined();
      // One deleted on X: the list is complete, so it is recorded as removed.
      const removed = networks.x.quotes.shift()!;
      const third = await run();
      expect(third.snapshot.items[POSTED_ITEM]?.networks.x?.removedQuotes).toEqual([removed.id]);

      const files = (await readdir(evidence)).filter((name) => name.endsWith('.json')).sort();
      const snapshots = (
        await Promise.all(files.map(async (name) => parseSnapshot(await readFile(join(evidence, name), 'utf8'), name)))
      ).sort((a, b) => a.collectedAt.localeCompare(b.collectedAt));
      const shown = responsesFor(foldSnapshots(snapshots), POSTED_ITEM, 'https://morwennahale.example/essays/owning-the-wind/');
      expect(shown.quotes).toHaveLength(quotes.length - 1);
      expect(shown.quotes.some((quote) => quote.id === removed.id)).toBe(false);
      expect(shown.quotes[0]?.network).toBe('x');
    } finally {
      await rm(evidence, { recursive: true, force: true });
    }
  });
});
