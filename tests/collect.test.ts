/**
 * `npm run collect`, end to end: the real command in a child process, reading back what the real
 * syndication run posted — Bluesky on a PDS in-process (through an AppView over it), Mastodon, X and
 * Threads on local servers that follow their contracts, webmentions from a local webmention.io — and
 * appending snapshots the site then builds from. Secrets must never show, history must only grow, a
 * network without credentials is skipped with one line, and a failing one never stops the others.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSnapshot, type Snapshot } from '../src/contract/snapshots.ts';
import type { RemotePost } from '../scripts/channels/adapter.ts';
import type { Network } from '../src/contract/networks.ts';
import type { FakeAppView } from './helpers/fake-appview.ts';
import { startFakeServer, type FakeServer } from './helpers/fake-networks.ts';
import { POSTED_ITEM as ITEM, postEssayEverywhere, type PostedEssay } from './helpers/posted-essay.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { buildHub, plainOutput, readPage, SAMPLE_NOW } from './helpers/site.ts';
import { createBlueskyAccount, TOKENS, type LocalNetworks, type Pds, type SyndicationFixture } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const WEBMENTION_TOKEN = 'webmention-token-s3cret-0008';

let pds: Pds;
let networks: LocalNetworks;
let appview: FakeAppView;
let webmentionIo: FakeServer;
let fixture: SyndicationFixture;
let env: Record<string, string>;

function runCollect(args: string[], extraEnv: Record<string, string | undefined> = env): Promise<ScriptRun> {
  return runCli('collect', args, { cwd: fixture.root, env: { HOME: process.env['HOME'], ...extraEnv } });
}

const evidenceFolder = (): string => join(fixture.root, 'content/evidence/engagement');
async function snapshots(): Promise<Array<{ name: string; text: string; snapshot: Snapshot }>> {
  const names = (await readdir(evidenceFolder())).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(evidenceFolder(), name), 'utf8');
      return { name, text, snapshot: parseSnapshot(text, name) };
    }),
  );
}

function expectNoSecrets(text: string): void {
  for (const secret of [
    TOKENS.mastodon,
    TOKENS.x.secret,
    TOKENS.x.tokenSecret,
    TOKENS.threads,
    TOKENS.linkedin,
    TOKENS.bluesky,
    WEBMENTION_TOKEN,
  ]) {
    expect(text).not.toContain(secret);
  }
}

let mastodonReplyId: string;

let posted: PostedEssay;

beforeAll(async () => {
  posted = await postEssayEverywhere();
  ({ pds, networks, appview, fixture } = posted);
  const copy = (network: Network): RemotePost => posted.copies[network];

  // People respond. Bluesky: a real reply record and a like from another account on the PDS.
  const ada = await createBlueskyAccount(pds);
  const agent = new AtpAgent({ service: pds.url });
  await agent.login({ identifier: ada.handle, password: TOKENS.bluesky });
  appview.accounts.add(ada.did);
  const hub = new AtpAgent({ service: pds.url });
  await hub.login({ identifier: networks.bluesky.handle, password: TOKENS.bluesky });
  const rkey = copy('bluesky').remoteId.split('/').pop()!;
  const root = {
    uri: copy('bluesky').remoteId,
    cid: (await hub.com.atproto.repo.getRecord({ repo: networks.bluesky.did, collection: 'app.bsky.feed.post', rkey })).data.cid!,
  };
  await agent.com.atproto.repo.createRecord({
    repo: ada.did,
    collection: 'app.bsky.feed.post',
    record: {
      $type: 'app.bsky.feed.post',
      text: 'Ownership is not the bottleneck; grid connections are.',
      createdAt: '2026-11-20T09:00:00.000Z',
      reply: { root, parent: root },
    },
  });
  await agent.com.atproto.repo.createRecord({
    repo: ada.did,
    collection: 'app.bsky.feed.like',
    record: { $type: 'app.bsky.feed.like', subject: root, createdAt: '2026-11-20T09:01:00.000Z' },
  });
  // Mastodon: favourites, boosts and a reply whose HTML tries to be markup on our page.
  networks.mastodon.engagement.set(copy('mastodon').remoteId, { favourites: 7, reblogs: 2 });
  mastodonReplyId = networks.mastodon.reply(copy('mastodon').remoteId, {
    account: { id: '99', username: 'mallory', acct: 'mallory@evil.example', display_name: '<b>Mallory</b>', url: 'javascript:alert(1)' },
    content: '<p>Nice try <script>alert(1)</script><a href="javascript:alert(2)">click</a></p><p>second paragraph</p>',
    createdAt: '2026-11-21T10:00:00.000Z',
  });
  // X: a like count and a reply in the conversation.
  networks.x.engagement.set(copy('x').remoteId, { likes: 4, quotes: 1 });
  networks.x.reply(copy('x').remoteId, {
    author: { id: '5', name: 'Grace', username: 'grace' },
    text: 'Source?',
    createdAt: '2026-11-22T08:00:00.000Z',
  });

  webmentionIo = await startFakeServer((request) => {
    if (request.path !== '/api/mentions.jf2' || request.query.get('token') !== WEBMENTION_TOKEN)
      return { status: 401, json: { error: 'forbidden' } };
    const page = Number(request.query.get('page') ?? 0);
    return {
      status: 200,
      json: {
        type: 'feed',
        name: 'Webmentions',
        children:
          page > 0
            ? []
            : [
                {
                  type: 'entry',
                  'wm-id': 1201,
                  'wm-property': 'in-reply-to',
                  'wm-target': `https://morwennahale.example/essays/owning-the-wind/`,
                  'wm-source': 'https://blog.example/re-owning',
                  url: 'https://blog.example/re-owning',
                  published: '2026-11-23T12:00:00+00:00',
                  author: { type: 'card', name: 'Hedy', url: 'https://blog.example/' },
                  content: { text: 'A longer answer on my own site.', html: '<p>A longer answer</p>' },
                },
                {
                  type: 'entry',
                  'wm-id': 1202,
                  'wm-property': 'like-of',
                  'wm-target': 'https://morwennahale.example/essays/owning-the-wind/',
                  url: 'https://blog.example/likes/1',
                  author: { name: 'Ida' },
                  'wm-private': false,
                },
              ],
      },
    };
  });

  env = { ...networks.env, BLUESKY_APPVIEW: appview.url, WEBMENTION_IO_TOKEN: WEBMENTION_TOKEN, WEBMENTION_IO_URL: webmentionIo.url };
  // No LinkedIn credentials for collecting: that network is skipped, saying what to set.
  delete env['LINKEDIN_TOKEN'];
}, 120_000);

afterAll(async () => {
  await webmentionIo?.close();
  await posted?.close();
});

describe('npm run collect', () => {
  test('the first run appends a snapshot with counts, plain-text replies and webmentions; no secret anywhere', async () => {
    const run = await runCollect(['--request-timeout', String(ANSWER_TIMEOUT_MS / 1000), '--retry-budget', '5']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Snapshot \S+ → content\/evidence\/engagement\/\S+\.json$/m);
    expect(run.stderr).toContain('LinkedIn: skipped — no credentials: set LINKEDIN_TOKEN');
    const [first, ...rest] = await snapshots();
    expect(rest).toEqual([]);
    expectNoSecrets(run.stdout + run.stderr + first!.text);

    const item = first!.snapshot.items[ITEM]!;
    expect(item.networks.bluesky).toMatchObject({ metrics: { likes: 1, replies: 1 } });
    expect(item.networks.bluesky!.newReplies!.map((reply) => reply.text)).toEqual([
      'Ownership is not the bottleneck; grid connections are.',
    ]);
    expect(item.networks.mastodon!.metrics).toMatchObject({ likes: 7, reposts: 2, replies: 1 });
    const hostile = item.networks.mastodon!.newReplies![0]!;
    expect(hostile.text).not.toMatch(/<[a-z/]/i);
    expect(hostile.text).toMatch(/^Nice try[\s\S]*second paragraph$/);
    expect(item.networks.x!.metrics).toMatchObject({ likes: 4, quotes: 1, replies: 1 });
    expect(item.networks.linkedin).toBeUndefined();
    expect(first!.snapshot.networks).toMatchObject({
      linkedin: { status: 'skipped' },
      bluesky: { status: 'read', copies: 1 },
      threads: { status: 'read', copies: 1 },
    });
    expect(first!.snapshot.webmentions?.map((mention) => [mention.id, mention.type])).toEqual([
      ['1201', 'reply'],
      ['1202', 'like'],
    ]);
  }, 60_000);

  test('the next run adds a snapshot beside the first: only new replies, removed ones by id, the first file untouched', async () => {
    const before = await snapshots();
    networks.mastodon.replies.splice(
      networks.mastodon.replies.findIndex((reply) => reply.id === mastodonReplyId),
      1,
    );
    const ledger = JSON.parse(await readFile(fixture.ledgerFile, 'utf8'));
    networks.x.reply(ledger.items[ITEM].networks.x.remoteId, {
      author: { id: '6', name: 'Alan', username: 'alan' },
      text: 'Agreed.',
      createdAt: '2026-11-24T08:00:00.000Z',
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const run = await runCollect(['--json']);
    expect(run.code, run.stderr).toBe(0);
    const after = await snapshots();
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(before[0]);
    const second = after[1]!.snapshot.items[ITEM]!;
    expect(second.networks.mastodon!.removedReplies).toEqual([mastodonReplyId]);
    expect(second.networks.mastodon!.newReplies).toBeUndefined();
    expect(second.networks.x!.newReplies!.map((reply) => reply.text)).toEqual(['Agreed.']);
    expect(second.networks.bluesky!.newReplies).toBeUndefined();
    expect(after[1]!.snapshot.webmentions).toBeUndefined();
    const result = JSON.parse(run.stdout);
    expect(result.change).toMatchObject({ newReplies: 1 });
    expectNoSecrets(run.stdout + run.stderr);
  }, 60_000);

  test('a network that keeps failing is reported and exits 1, and the others are still recorded', async () => {
    networks.threads.faults.push({ kind: 'status', status: 503, when: () => true, times: 1000 });
    try {
      const run = await runCollect(['--request-timeout', String(ANSWER_TIMEOUT_MS / 1000), '--retry-budget', '1']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/Threads\s+failed/);
      const latest = (await snapshots()).at(-1)!.snapshot;
      expect(latest.networks.threads).toMatchObject({ status: 'failed', failed: 1 });
      expect(latest.items[ITEM]!.networks.threads).toBeUndefined();
      expect(latest.items[ITEM]!.networks.mastodon).toBeDefined();
    } finally {
      networks.threads.faults.length = 0;
    }
  }, 60_000);

  test('bad arguments exit 2 with the usage', async () => {
    const run = await runCollect(['--only', 'myspace']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--only myspace: expected one of bluesky, mastodon, linkedin, x, threads/);
  });

  test('the site builds from what was collected: responses under the piece, the deleted reply gone', async () => {
    const files: Record<string, string> = { 'content/evidence/syndication.json': await readFile(fixture.ledgerFile, 'utf8') };
    for (const { name, text } of await snapshots()) files[`content/evidence/engagement/${name}`] = text;
    const site = await buildHub({ files, env: { HUB_NOW: SAMPLE_NOW, HUB_SHARE_CARDS: 'off', HUB_SEARCH: 'off' } });
    try {
      expect(site.exitCode, plainOutput(site.output)).toBe(0);
      const { document } = await readPage(site.dist, '/essays/owning-the-wind/');
      const texts = [...document.querySelectorAll('.replies .reply__text')].map((p) => p.textContent);
      expect(texts).toEqual([
        'Agreed.',
        'A longer answer on my own site.',
        'Source?',
        'Ownership is not the bottleneck; grid connections are.',
      ]);
      expect([...document.querySelectorAll('.response-counts li')].map((li) => li.textContent)).toContain(
        'Mastodon: 7 likes · 2 reposts · 0 replies',
      );
    } finally {
      await site.cleanup();
    }
  }, 120_000);
});
