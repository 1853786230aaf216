/**
 * What the reply tests share: a piece syndicated to every local network, a stranger's reply under
 * each copy (a real second account on the PDS for Bluesky, the fakes' helpers for the others), and a
 * snapshot in the project's `content/evidence/engagement/` holding those replies, as `collect` would
 * have written it. The answers are then made against the same networks.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { parseLedger } from '../../src/contract/ledger.ts';
import type { Network } from '../../src/contract/networks.ts';
import { EVIDENCE_FOLDER, snapshotFileName, type Reply, type Snapshot } from '../../src/contract/snapshots.ts';
import type { LocalSyndication } from './local-syndication.ts';
import { createBlueskyAccount, feedItem, SAMPLE_ESSAY, TOKENS } from './syndication.ts';

/** The networks with replies to answer (not the newsletter). */
export const ANSWERABLE = ['bluesky', 'mastodon', 'x', 'linkedin', 'threads'] as const satisfies readonly Network[];
export type Answerable = (typeof ANSWERABLE)[number];

export const ITEM = `${SAMPLE_ESSAY.kind}/${SAMPLE_ESSAY.slug}`;
const REPLIED_AT = '2026-09-15T08:00:00.000Z';

export interface RepliedCopies {
  /** Per network: the piece's copy and the stranger's reply under it. */
  copies: Record<Answerable, { remoteId: string; url: string }>;
  replies: Record<Answerable, Reply>;
  /** The conversation id of each reply, as `./hub run reply` takes it. */
  ids: Record<Answerable, string>;
}

/** Syndicates the sample essay, adds a reply under each copy and writes the snapshot holding them. */
export async function syndicatedWithReplies(
  local: LocalSyndication,
  options: { mastodonVisibility?: 'public' | 'unlisted' } = {},
): Promise<RepliedCopies> {
  await local.setUp([SAMPLE_ESSAY]);
  const result = await local.run();
  if (result.failed > 0) throw new Error(`syndication failed: ${JSON.stringify(result.rows)}`);
  const ledger = parseLedger(await readFile(local.fixture.ledgerFile, 'utf8'), 'ledger');
  const entry = (network: Answerable) => {
    const copy = ledger.items[ITEM]!.networks[network]!;
    if (copy.status !== 'posted') throw new Error(`${network}: not posted`);
    return { remoteId: copy.remoteId, url: copy.url };
  };
  const copies = Object.fromEntries(ANSWERABLE.map((network) => [network, entry(network)])) as RepliedCopies['copies'];
  const { networks } = local;
  const author = (name: string, handle: string) => ({ name, handle, url: `https://people.example/${handle.replace(/^@/, '')}` });

  // Bluesky: a second account replies to the copy, with the strong refs the Bluesky app would give.
  const stranger = await createBlueskyAccount(local.pds);
  const agent = new AtpAgent({ service: networks.bluesky.service });
  await agent.login({ identifier: stranger.handle, password: TOKENS.bluesky });
  const rootUri = copies.bluesky.remoteId;
  const rkey = rootUri.split('/').pop()!;
  const { data: root } = await agent.com.atproto.repo.getRecord({ repo: networks.bluesky.did, collection: 'app.bsky.feed.post', rkey });
  const posted = await agent.post({
    text: 'Who pays for the grid connection?',
    reply: { root: { uri: rootUri, cid: root.cid! }, parent: { uri: rootUri, cid: root.cid! } },
  });

  const mastodonAccount = { id: '77', username: 'ada', acct: 'ada@other.example', display_name: 'Ada', url: 'https://other.example/@ada' };
  const mastodonId = networks.mastodon.reply(copies.mastodon.remoteId, {
    account: mastodonAccount,
    content: '<p>Who pays for the grid connection?</p>',
    visibility: options.mastodonVisibility ?? 'public',
    createdAt: REPLIED_AT,
  });
  const xId = networks.x.reply(copies.x.remoteId, {
    author: { id: '99', name: 'Ada', username: 'ada' },
    text: 'Who pays for the grid connection?',
    createdAt: REPLIED_AT,
  });
  const linkedinId = networks.linkedin.comment(copies.linkedin.remoteId, {
    actor: 'urn:li:person:ada',
    text: 'Who pays for the grid connection?',
    time: Date.parse(REPLIED_AT),
  });
  const threadsId = networks.threads.reply(copies.threads.remoteId, {
    username: 'ada',
    text: 'Who pays for the grid connection?',
    timestamp: REPLIED_AT,
  });

  const reply = (id: string, handle: string): Reply => ({
    id,
    url: `https://people.example/replies/${encodeURIComponent(id)}`,
    author: author('Ada', handle),
    text: 'Who pays for the grid connection?',
    publishedAt: REPLIED_AT,
  });
  const replies: RepliedCopies['replies'] = {
    bluesky: reply(posted.uri, `@${stranger.handle}`),
    mastodon: reply(mastodonId, '@ada@other.example'),
    x: reply(xId, '@ada'),
    linkedin: reply(linkedinId, ''),
    threads: reply(threadsId, '@ada'),
  };
  await writeSnapshot(local.fixture.root, copies, replies);
  const ids = Object.fromEntries(ANSWERABLE.map((network) => [network, `${network}:${replies[network].id}`])) as RepliedCopies['ids'];
  return { copies, replies, ids };
}

/** The snapshot `collect` would have written after reading these replies. */
export async function writeSnapshot(root: string, copies: RepliedCopies['copies'], replies: RepliedCopies['replies']): Promise<void> {
  const collectedAt = '2026-09-15T10:00:00.000Z';
  const snapshot: Snapshot = {
    version: 1,
    collectedAt,
    networks: Object.fromEntries(ANSWERABLE.map((network) => [network, { status: 'read', copies: 1 }])),
    items: {
      [ITEM]: {
        url: feedItem(SAMPLE_ESSAY).url as string,
        networks: Object.fromEntries(
          ANSWERABLE.map((network) => [network, { ...copies[network], metrics: { replies: 1 }, newReplies: [replies[network]] }]),
        ),
      },
    },
  };
  const folder = join(root, EVIDENCE_FOLDER);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, snapshotFileName(collectedAt)), `${JSON.stringify(snapshot, null, 2)}\n`);
}
