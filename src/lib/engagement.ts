/**
 * The engagement maths: folding the dated snapshots (src/contract/snapshots.ts) into what the site shows
 * and `npm run status` prints. Pure functions over snapshots sorted oldest first; every "total" uses
 * the one formula in `engagementOf`.
 *
 * A copy left out of a snapshot (its network had no credentials that day, or the copy was too old to
 * read again) keeps its last known counts, so a day without data never looks like a drop to zero.
 * A copy the network says is gone counts nothing from then on.
 */
import type { Metrics, Reply, Snapshot, Webmention } from '../contract/snapshots.ts';
import { engagementOf } from './evidence.ts';
import { NETWORKS, type Network } from '../contract/networks.ts';

/** One copy's latest known state. */
export interface CopyState {
  network: Network;
  /** The ledger's id of the copy: one newsletter digest is the copy of every piece it carried. */
  remoteId: string;
  url: string;
  metrics: Metrics;
  gone: boolean;
  /** When it was last read. */
  readAt: string;
}

/** A reply (or a quote-post) with the network it was made on. */
export interface NetworkReply extends Reply {
  network: Network;
}

/** Everything known after folding every snapshot. */
export interface EvidenceState {
  /** Per item key (`essay/<slug>`): the piece's URL and its copies' latest state. */
  items: Map<string, { url: string; copies: Map<Network, CopyState> }>;
  /** Per item key: the replies still shown by their networks, keyed `network\0id`. */
  replies: Map<string, Map<string, NetworkReply>>;
  /** Per item key: the quote-posts still shown by their networks, keyed `network\0id`, as replies are. */
  quotes: Map<string, Map<string, NetworkReply>>;
  /** Webmentions by id. */
  webmentions: Map<string, Webmention>;
  /** When the newest snapshot was taken. */
  collectedAt: string | undefined;
  snapshots: number;
}

const replyKey = (network: Network, id: string): string => `${network}\u0000${id}`;

/** Adds a copy's new replies (or quotes) to an item's log and takes out those the network no longer shows. */
function applyLog(
  logs: Map<string, Map<string, NetworkReply>>,
  key: string,
  network: Network,
  added: readonly Reply[] | undefined,
  removed: readonly string[] | undefined,
): void {
  if (!added?.length && !removed?.length) return;
  let log = logs.get(key);
  if (!log) logs.set(key, (log = new Map()));
  for (const reply of added ?? []) log.set(replyKey(network, reply.id), { ...reply, network });
  for (const id of removed ?? []) log.delete(replyKey(network, id));
}

/** Applies one snapshot to the state (mutating it): the fold step. */
function applySnapshot(state: EvidenceState, snapshot: Snapshot): void {
  for (const [key, item] of Object.entries(snapshot.items)) {
    let known = state.items.get(key);
    if (!known) {
      known = { url: item.url, copies: new Map() };
      state.items.set(key, known);
    }
    known.url = item.url;
    for (const network of NETWORKS) {
      const copy = item.networks[network];
      if (!copy) continue;
      known.copies.set(network, {
        network,
        remoteId: copy.remoteId,
        url: copy.url,
        metrics: copy.metrics,
        gone: copy.gone === true,
        readAt: snapshot.collectedAt,
      });
      applyLog(state.replies, key, network, copy.newReplies, copy.removedReplies);
      applyLog(state.quotes, key, network, copy.newQuotes, copy.removedQuotes);
    }
  }
  for (const mention of snapshot.webmentions ?? []) state.webmentions.set(mention.id, mention);
  state.collectedAt = snapshot.collectedAt;
  state.snapshots += 1;
}

function emptyState(): EvidenceState {
  return { items: new Map(), replies: new Map(), quotes: new Map(), webmentions: new Map(), collectedAt: undefined, snapshots: 0 };
}

/** Folds snapshots (oldest first) into the latest state. */
export function foldSnapshots(snapshots: readonly Snapshot[]): EvidenceState {
  const state = emptyState();
  for (const snapshot of snapshots) applySnapshot(state, snapshot);
  return state;
}

/** A copy's engagement now: nothing when it is gone. */
function copyEngagement(copy: CopyState): number {
  return copy.gone ? 0 : engagementOf(copy.metrics);
}

/** Totals per network and overall. */
export interface Totals {
  byNetwork: Partial<Record<Network, number>>;
  total: number;
}

/** Engagement totals in a state: per network (only networks with copies) and overall. */
export function totalsOf(state: EvidenceState): Totals {
  const byNetwork: Partial<Record<Network, number>> = {};
  let total = 0;
  for (const item of state.items.values()) {
    for (const copy of item.copies.values()) {
      const value = copyEngagement(copy);
      byNetwork[copy.network] = (byNetwork[copy.network] ?? 0) + value;
      total += value;
    }
  }
  return { byNetwork, total };
}

/** A point of the engagement-over-time series. */
export interface SeriesPoint extends Totals {
  /** The snapshot's time. */
  at: string;
}

/**
 * Engagement over time: the totals after each snapshot, in order. Linear in the number of copies per
 * snapshot: each point updates a running total by the copies that snapshot changed.
 */
export function engagementSeries(snapshots: readonly Snapshot[]): SeriesPoint[] {
  const current = new Map<string, { network: Network; value: number }>();
  const byNetwork: Partial<Record<Network, number>> = {};
  let total = 0;
  const points: SeriesPoint[] = [];
  for (const snapshot of snapshots) {
    for (const [key, item] of Object.entries(snapshot.items)) {
      for (const network of NETWORKS) {
        const copy = item.networks[network];
        if (!copy) continue;
        const id = `${key}\u0000${network}`;
        const value = copy.gone ? 0 : engagementOf(copy.metrics);
        const previous = current.get(id)?.value ?? 0;
        current.set(id, { network, value });
        byNetwork[network] = (byNetwork[network] ?? 0) + value - previous;
        total += value - previous;
      }
    }
    points.push({ at: snapshot.collectedAt, byNetwork: { ...byNetwork }, total });
  }
  return points;
}

/** What changed between the last two snapshots (for `npm run status`). */
export interface EngagementChange extends Totals {
  /** The earlier snapshot's time (undefined with fewer than two snapshots: the change is everything so far). */
  from?: string | undefined;
  /** The newest snapshot's time (undefined with none). */
  to?: string | undefined;
  /** Replies first seen in the newest snapshot. */
  newReplies: number;
}

/** Engagement gained since the snapshot before the newest one (or in all, when there is only one). */
export function engagementSince(snapshots: readonly Snapshot[]): EngagementChange {
  if (snapshots.length === 0) return { byNetwork: {}, total: 0, newReplies: 0 };
  const series = engagementSeries(snapshots);
  const last = series.at(-1)!;
  const before = series.at(-2);
  const byNetwork: Partial<Record<Network, number>> = {};
  for (const network of NETWORKS) {
    if (last.byNetwork[network] === undefined) continue;
    byNetwork[network] = last.byNetwork[network] - (before?.byNetwork[network] ?? 0);
  }
  const newest = snapshots.at(-1)!;
  let newReplies = 0;
  for (const item of Object.values(newest.items)) {
    for (const copy of Object.values(item.networks)) newReplies += copy?.newReplies?.length ?? 0;
  }
  return { from: before?.at, to: last.at, byNetwork, total: last.total - (before?.total ?? 0), newReplies };
}

/** One piece's standing, for the "drew most" lists. */
export interface PieceEngagement {
  key: string;
  url: string;
  engagement: number;
  /** Replies the site holds (still shown by their networks), plus reply webmentions. */
  replies: number;
}

/** Every piece with copies, with its engagement and replies. */
export function pieceEngagement(state: EvidenceState): PieceEngagement[] {
  const repliesTo = new Map<string, number>();
  for (const mention of state.webmentions.values()) {
    if (mention.type === 'reply') repliesTo.set(mention.target, (repliesTo.get(mention.target) ?? 0) + 1);
  }
  return [...state.items].map(([key, item]) => ({
    key,
    url: item.url,
    engagement: [...item.copies.values()].reduce((sum, copy) => sum + copyEngagement(copy), 0),
    replies: (state.replies.get(key)?.size ?? 0) + (repliesTo.get(item.url) ?? 0),
  }));
}

/** The `limit` pieces ranked by a measure, ties broken by key so the order is stable; zeros left out. */
export function topPieces(pieces: readonly PieceEngagement[], by: 'engagement' | 'replies', limit: number): PieceEngagement[] {
  return pieces
    .filter((piece) => piece[by] > 0)
    .toSorted((a, b) => b[by] - a[by] || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Replies (and reply webmentions) per calendar month of their date, `YYYY-MM`, oldest first, empty months included. */
export function repliesByMonth(state: EvidenceState): Array<{ month: string; replies: number }> {
  const counts = new Map<string, number>();
  const add = (iso: string): void => {
    const month = iso.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  };
  for (const replies of state.replies.values()) for (const reply of replies.values()) add(new Date(reply.publishedAt).toISOString());
  for (const mention of state.webmentions.values())
    if (mention.type === 'reply' && mention.publishedAt) add(new Date(mention.publishedAt).toISOString());
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const result: Array<{ month: string; replies: number }> = [];
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    result.push({ month: label, replies: counts.get(label) ?? 0 });
    if (label === last) return result;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** What a piece's page shows under it. */
export interface PieceResponses {
  /** Each copy with its counts, in the networks' usual order (gone copies left out). */
  copies: Array<{ network: Network; url: string; metrics: Metrics; engagement: number }>;
  /** Replies on the networks, newest first. */
  replies: NetworkReply[];
  /** Quote-posts on the networks (people quoting a copy in a post of their own), newest first. */
  quotes: NetworkReply[];
  /** Webmentions to the piece's URL, newest first (undated ones last). */
  webmentions: Webmention[];
}

/** The responses to one piece (`key` from `ledgerKey`, `url` its address on the site). */
export function responsesFor(state: EvidenceState, key: string, url: string): PieceResponses {
  const item = state.items.get(key);
  const copies = NETWORKS.flatMap((network) => {
    const copy = item?.copies.get(network);
    return copy && !copy.gone ? [{ network, url: copy.url, metrics: copy.metrics, engagement: engagementOf(copy.metrics) }] : [];
  });
  const newestFirst = (log: Map<string, NetworkReply> | undefined): NetworkReply[] =>
    [...(log?.values() ?? [])].toSorted((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.id.localeCompare(b.id));
  const webmentions = [...state.webmentions.values()]
    .filter((mention) => mention.target === url)
    .toSorted(
      (a, b) =>
        (b.publishedAt ? Date.parse(b.publishedAt) : -Infinity) - (a.publishedAt ? Date.parse(a.publishedAt) : -Infinity) ||
        a.id.localeCompare(b.id),
    );
  return { copies, replies: newestFirst(state.replies.get(key)), quotes: newestFirst(state.quotes.get(key)), webmentions };
}
