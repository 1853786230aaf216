/**
 * What the syndication tests share: a built-site stand-in (a `dist/feed.json` with share cards) in a
 * temporary folder, and every network running locally — a real Bluesky PDS in-process
 * (@atproto/dev-env) and the fake servers for Mastodon, X, LinkedIn, Threads and the newsletter's Buttondown.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import sharp from 'sharp';
import { KIND_COLLECTIONS, type PieceKind } from '../../src/contract/kinds.ts';
import { JSON_FEED_VERSION, type JsonFeedInput, type JsonFeedItemInput } from '../../src/contract/feed.ts';
import type { Network } from '../../src/contract/networks.ts';
import { startFakeButtondown, type FakeButtondown } from './fake-buttondown.ts';
import { pinSqliteObjects } from './pin-sqlite.ts';
import {
  startFakeLinkedIn,
  startFakeMastodon,
  startFakeThreads,
  startFakeX,
  type FakeLinkedIn,
  type FakeMastodon,
  type FakeThreads,
  type FakeX,
} from './fake-networks.ts';

export const SITE = 'https://morwennahale.example';

export interface FixtureItem {
  kind: PieceKind;
  slug: string;
  title?: string;
  text: string;
  date: string;
  tags?: string[];
  skip?: Network[];
  overrides?: Partial<Record<Network, string>>;
  reviewed?: boolean;
}

/** The essay most syndication tests post: one short piece, no tags (add them where a test needs them). */
export const SAMPLE_ESSAY: FixtureItem = {
  kind: 'essay',
  slug: 'owning-the-wind',
  title: 'Why the people who host the turbine should own it',
  date: '2026-09-14T00:00:00.000Z',
  text: 'Community ownership is not a nice extra on a wind farm. It decides whether the next one gets built.',
};

/** An item as the site's feed carries it, typed by the contract so that a change to it breaks this fixture. */
export function feedItem(item: FixtureItem): JsonFeedItemInput {
  const url = `${SITE}/${KIND_COLLECTIONS[item.kind]}/${item.slug}/`;
  const card = `${SITE}/cards/${KIND_COLLECTIONS[item.kind]}/${item.slug}.png`;
  return {
    id: url,
    url,
    title: item.title ?? item.text.slice(0, 60),
    summary: item.text,
    content_html: `<p>${item.text}</p>`,
    date_published: item.date,
    date_modified: item.date,
    tags: item.tags ?? [],
    image: card,
    _syndication: {
      version: 1,
      kind: item.kind,
      slug: item.slug,
      text: item.text,
      ...(item.kind === 'theory' ? { stage: 'hunch' } : {}),
      card,
      skip: item.skip ?? [],
      overrides: item.overrides ?? {},
      reviewed: item.reviewed ?? false,
    },
  };
}

let cardBytes: Promise<Buffer> | undefined;

/** A small real PNG, drawn once. */
function card(): Promise<Buffer> {
  cardBytes ??= sharp({ create: { width: 240, height: 126, channels: 3, background: '#0f2a2e' } })
    .png()
    .toBuffer();
  return cardBytes;
}

export interface SyndicationFixture {
  root: string;
  /** The built site's folder, holding feed.json and cards/. */
  dist: string;
  ledgerFile: string;
  cleanup: () => Promise<void>;
}

/** Writes `feed.json` and the items' share cards into a built-site folder, as a build would. */
export async function writeFeed(dist: string, items: FixtureItem[]): Promise<void> {
  const feed: JsonFeedInput = {
    version: JSON_FEED_VERSION,
    title: 'Morwenna Hale',
    home_page_url: `${SITE}/`,
    feed_url: `${SITE}/feed.json`,
    description: 'Energy, trust and the people who pay the bills.',
    language: 'en',
    authors: [{ name: 'Morwenna Hale', url: `${SITE}/about/` }],
    items: items.map(feedItem),
  };
  await mkdir(dist, { recursive: true });
  for (const item of items) {
    const file = join(dist, 'cards', KIND_COLLECTIONS[item.kind], `${item.slug}.png`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await card());
  }
  await writeFile(join(dist, 'feed.json'), JSON.stringify(feed, null, 2));
}

/** A project folder with `dist/feed.json`, the items' share cards and, if given, `content/policy.yaml`. */
export async function makeSyndicationFixture(items: FixtureItem[], options: { policy?: string } = {}): Promise<SyndicationFixture> {
  const root = await mkdtemp(join(tmpdir(), 'hub-syndicate-'));
  const dist = join(root, 'dist');
  await writeFeed(dist, items);
  if (options.policy !== undefined) {
    await mkdir(join(root, 'content'), { recursive: true });
    await writeFile(join(root, 'content', 'policy.yaml'), options.policy);
  }
  return {
    root,
    dist,
    ledgerFile: join(root, 'content/evidence/syndication.json'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export const TOKENS = {
  mastodon: 'mastodon-token-s3cret-0001',
  x: { key: 'x-consumer-key', secret: 'x-consumer-s3cret-0002', token: 'x-access-token-0003', tokenSecret: 'x-access-s3cret-0004' },
  linkedin: 'linkedin-token-s3cret-0005',
  buttondown: 'buttondown-key-s3cret-0007',
  threads: 'threads-token-s3cret-0006',
  bluesky: 'bluesky-app-password-0007',
} as const;

export const LINKEDIN_AUTHOR = 'urn:li:person:8675309';
export const THREADS_USER = '17841400000000001';

/** A running Bluesky PDS: its URL and how to stop it. */
export interface Pds {
  url: string;
  /** Whether it is still running (a PDS in a child process could die). */
  alive: () => boolean;
  close: () => Promise<void>;
}

/** A real Bluesky PDS in the test process (@atproto/dev-env's TestNetworkNoAppView). */
export async function startPds(): Promise<Pds> {
  pinSqliteObjects();
  const network = await TestNetworkNoAppView.create({});
  return { url: network.pds.url, alive: () => true, close: () => network.close() };
}

/** The same PDS in a child process of its own (see pds-process.ts for why the crash test needs that). */
export async function startPdsProcess(): Promise<Pds> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./pds-process.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the PDS process exited with ${code}`)));
  });
  return {
    url,
    alive: () => child.exitCode === null && child.signalCode === null,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

let accounts = 0;

/** A fresh Bluesky account on the PDS; returns its identifier. */
export async function createBlueskyAccount(pds: Pds): Promise<{ handle: string; did: string }> {
  accounts += 1;
  const handle = `ceo${accounts}-${process.pid}.test`;
  const agent = new AtpAgent({ service: pds.url });
  const { data } = await agent.createAccount({ email: `${handle}@example.com`, handle, password: TOKENS.bluesky });
  return { handle, did: data.did };
}

export interface LocalNetworks {
  mastodon: FakeMastodon;
  x: FakeX;
  linkedin: FakeLinkedIn;
  threads: FakeThreads;
  newsletter: FakeButtondown;
  bluesky: { service: string; handle: string; did: string };
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Fake servers for four networks and the newsletter, and a fresh account on the PDS for Bluesky, with
 * the environment pointing at them.
 */
export async function startLocalNetworks(pds: Pds): Promise<LocalNetworks> {
  const [mastodon, x, linkedin, threads, newsletter, account] = await Promise.all([
    startFakeMastodon({ token: TOKENS.mastodon }),
    startFakeX({ consumerKey: TOKENS.x.key }),
    startFakeLinkedIn({ token: TOKENS.linkedin, author: LINKEDIN_AUTHOR }),
    startFakeThreads({ token: TOKENS.threads, userId: THREADS_USER }),
    startFakeButtondown({ apiKey: TOKENS.buttondown }),
    createBlueskyAccount(pds),
  ]);
  const env = {
    BLUESKY_SERVICE: pds.url,
    BLUESKY_IDENTIFIER: account.handle,
    BLUESKY_APP_PASSWORD: TOKENS.bluesky,
    MASTODON_URL: mastodon.url,
    MASTODON_TOKEN: TOKENS.mastodon,
    X_API_URL: x.url,
    X_API_KEY: TOKENS.x.key,
    X_API_SECRET: TOKENS.x.secret,
    X_ACCESS_TOKEN: TOKENS.x.token,
    X_ACCESS_SECRET: TOKENS.x.tokenSecret,
    LINKEDIN_API_URL: linkedin.url,
    LINKEDIN_TOKEN: TOKENS.linkedin,
    LINKEDIN_AUTHOR,
    THREADS_API_URL: threads.url,
    THREADS_TOKEN: TOKENS.threads,
    THREADS_USER_ID: THREADS_USER,
    BUTTONDOWN_API_URL: `${newsletter.url}/v1`,
    BUTTONDOWN_API_KEY: TOKENS.buttondown,
    // Every kind, so these tests hold the newsletter to exactly once for every item, like the networks
    // (tests/syndicate-newsletter.test.ts covers the default, essays only).
    NEWSLETTER_KINDS: 'essay,note,theory',
  };
  return {
    mastodon,
    x,
    linkedin,
    threads,
    newsletter,
    bluesky: { service: pds.url, ...account },
    env,
    close: async () => {
      await Promise.all([mastodon.close(), x.close(), linkedin.close(), threads.close(), newsletter.close()]);
    },
  };
}

/** The account's posts on the PDS, read back with listRecords (the PDS has no AppView). */
export async function blueskyPosts(networks: LocalNetworks): Promise<Array<{ uri: string; value: any }>> {
  const agent = new AtpAgent({ service: networks.bluesky.service });
  const records: Array<{ uri: string; value: any }> = [];
  let cursor: string | undefined;
  do {
    const { data } = await agent.com.atproto.repo.listRecords({
      repo: networks.bluesky.did,
      collection: 'app.bsky.feed.post',
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    records.push(...data.records.map((record) => ({ uri: record.uri, value: record.value })));
    cursor = data.records.length === 100 ? data.cursor : undefined;
  } while (cursor);
  return records;
}

/** How many posts each network holds per item URL. */
export async function postsPerItem(networks: LocalNetworks): Promise<Record<Network, Map<string, number>>> {
  const count = (urls: Array<string | undefined>) => {
    const counts = new Map<string, number>();
    for (const url of urls) if (url) counts.set(url, (counts.get(url) ?? 0) + 1);
    return counts;
  };
  const itemUrl = (text: string) => /https:\/\/morwennahale\.example\/\S+\/(?=\s|$)/.exec(text)?.[0];
  return {
    bluesky: count((await blueskyPosts(networks)).map((record) => record.value.embed?.external?.uri as string | undefined)),
    mastodon: count(networks.mastodon.statuses.map((status) => itemUrl(status.text))),
    x: count(networks.x.tweets.map((tweet) => itemUrl(tweet.text))),
    linkedin: count(networks.linkedin.posts.map((post) => post.body.content?.article?.source as string | undefined)),
    threads: count(networks.threads.published.map((media) => media.link)),
    // Drafts too: a second draft for a piece would be a second copy waiting to go out.
    newsletter: count(networks.newsletter.emails.map((email) => email.canonical_url)),
  };
}
