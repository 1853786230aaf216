/**
 * Evidence fixtures: a syndication ledger for the fixture hub's pieces and a series of engagement
 * snapshots as `npm run collect` would write them day after day — counts that grow, replies that
 * arrive (some hostile), the odd day a network is skipped. Deterministic (seeded), so a test can
 * compute the expected numbers with the same engagement maths the site uses.
 */
import { snapshotFileName, type Reply, type Snapshot } from '../../src/contract/snapshots.ts';
import { withoutUnsafeUrls } from '../../src/lib/evidence.ts';
import type { Ledger } from '../../src/contract/ledger.ts';
import type { Network } from '../../src/contract/networks.ts';
import { createRandom } from '../../scripts/bench/prng.ts';

export const SITE = 'https://morwennahale.example';
const FOLDERS = { essay: 'essays', note: 'notes', theory: 'theories' } as const;

/** Published pieces of the fixture hub (at SAMPLE_NOW), as ledger keys. */
export const SAMPLE_KEYS = [
  'essay/owning-the-wind',
  'essay/members-not-customers',
  'note/2026-10-28-boycott',
  'theory/trust-before-turbines',
] as const;

export function itemUrl(key: string): string {
  const [kind, slug] = key.split('/') as [keyof typeof FOLDERS, string];
  return `${SITE}/${FOLDERS[kind]}/${slug}/`;
}

export function copyUrl(network: Network, key: string): string {
  const id = key.replace(/[^a-z0-9]/g, '');
  switch (network) {
    case 'bluesky':
      return `https://bsky.app/profile/morwenna.example/post/${id}`;
    case 'mastodon':
      return `https://social.example/@morwenna/${id}`;
    case 'linkedin':
      return `https://www.linkedin.com/feed/update/urn:li:share:${id}/`;
    case 'x':
      return `https://x.com/i/status/${id}`;
    case 'threads':
      return `https://www.threads.com/@morwenna/post/${id}`;
    case 'newsletter':
      return `https://buttondown.com/morwenna/archive/${id}/`;
  }
}

/** A ledger with every key posted on every network at `postedAt`. */
export function ledgerFor(keys: readonly string[], networks: readonly Network[], postedAt: string): Ledger {
  return {
    version: 1,
    items: Object.fromEntries(
      keys.map((key) => [
        key,
        {
          url: itemUrl(key),
          networks: Object.fromEntries(
            networks.map((network) => [network, { status: 'posted', remoteId: `${network}-${key}`, url: copyUrl(network, key), postedAt }]),
          ),
        },
      ]),
    ),
  };
}

/** Replies that try everything a stranger's text can try on a page. */
export const HOSTILE_TEXTS = [
  '<script>alert("reply")</script>',
  '<img src=x onerror="alert(1)">',
  '</p></li></ol><h1>Broken out</h1><!--',
  '<a href="javascript:alert(1)">click me</a>',
  '"><svg onload=alert(1)>',
] as const;

export interface SeriesOptions {
  keys?: readonly string[];
  networks?: readonly Network[];
  /** How many snapshots. */
  count: number;
  /** The first snapshot's time. */
  start: string;
  /** Time between snapshots. Default one day. */
  stepHours?: number;
  /** Chance that a snapshot brings a reply to a copy. Default 0.05. */
  replyChance?: number;
  /** Add a hostile reply (and author) in the first snapshot. */
  hostile?: boolean;
  seed?: number;
}

/** A day-by-day series of snapshots with growing counts. */
export function snapshotSeries(options: SeriesOptions): Snapshot[] {
  const keys = options.keys ?? SAMPLE_KEYS;
  const networks = options.networks ?? (['bluesky', 'mastodon', 'x'] as const);
  const random = createRandom(options.seed ?? 7);
  const step = (options.stepHours ?? 24) * 3_600_000;
  const counts = new Map<string, { likes: number; reposts: number; replies: number; quotes: number }>();
  const snapshots: Snapshot[] = [];
  let replyNumber = 0;
  for (let i = 0; i < options.count; i += 1) {
    const collectedAt = new Date(Date.parse(options.start) + i * step).toISOString();
    const snapshot: Snapshot = { version: 1, collectedAt, networks: {}, items: {} };
    // Now and then a network is not read (no credentials that day): its copies keep their counts.
    const skipped = i > 0 && random.chance(0.05) ? random.pick(networks) : undefined;
    for (const network of networks) {
      snapshot.networks[network] =
        network === skipped ? { status: 'skipped', reason: 'no credentials' } : { status: 'read', copies: keys.length };
    }
    for (const key of keys) {
      const item: Snapshot['items'][string] = { url: itemUrl(key), networks: {} };
      for (const network of networks) {
        if (network === skipped) continue;
        const id = `${network}/${key}`;
        const current = counts.get(id) ?? { likes: 0, reposts: 0, replies: 0, quotes: 0 };
        current.likes += random.int(0, 3);
        current.reposts += random.chance(0.3) ? 1 : 0;
        const newReplies: Reply[] = [];
        if (options.hostile && i === 0 && network === networks[0] && key === keys[0]) {
          for (const text of HOSTILE_TEXTS) {
            replyNumber += 1;
            newReplies.push({
              id: `r${replyNumber}`,
              url: 'javascript:alert(document.cookie)',
              text,
              author: { name: '<b onmouseover="alert(2)">Mallory</b>', handle: '@mallory<script>', url: 'javascript:alert(3)' },
              publishedAt: collectedAt,
            });
          }
        }
        if (random.chance(options.replyChance ?? 0.05)) {
          replyNumber += 1;
          newReplies.push({
            id: `r${replyNumber}`,
            url: `${copyUrl(network, key)}/reply/${replyNumber}`,
            text: random.pick([
              'I think this is wrong, and here is why: the grid is not the bottleneck.',
              'Agreed — we saw the same in Cornwall.',
              'Source for the second claim?',
            ]),
            author: { name: `Reader ${replyNumber}`, handle: `@reader${replyNumber}`, url: `https://social.example/@reader${replyNumber}` },
            publishedAt: collectedAt,
          });
        }
        current.replies += newReplies.length;
        counts.set(id, current);
        item.networks[network] = {
          remoteId: `${network}-${key}`,
          url: copyUrl(network, key),
          metrics: network === 'x' ? { ...current } : { likes: current.likes, reposts: current.reposts, replies: current.replies },
          ...(newReplies.length > 0 ? { newReplies } : {}),
        };
      }
      snapshot.items[key] = item;
    }
    snapshots.push(snapshot);
  }
  return snapshots;
}

/**
 * The files a build needs for this evidence, for `makeSite`/`buildHub`'s `files`, as `npm run collect`
 * writes them: without the `javascript:` addresses hostile replies came with (src/lib/evidence.ts).
 */
export function evidenceFiles(ledger: Ledger, snapshots: readonly Snapshot[]): Record<string, string> {
  return {
    'content/evidence/syndication.json': `${JSON.stringify(ledger, null, 2)}\n`,
    ...Object.fromEntries(
      snapshots.map((snapshot) => [
        `content/evidence/engagement/${snapshotFileName(snapshot.collectedAt)}`,
        `${JSON.stringify(withoutUnsafeUrls(snapshot))}\n`,
      ]),
    ),
  };
}
