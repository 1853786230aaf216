/**
 * `npm run collect`: reads back every copy the ledger records — counts and public replies, from each
 * network's adapter — and appends one dated snapshot to `content/evidence/engagement/`. Same rules as
 * syndication: a network without credentials is skipped with one line saying which variables to set,
 * requests are retried within a budget, secrets never appear in what is printed or written, and one
 * network failing never stops the others. cli.ts is the thin entry.
 */
import { resolve } from 'node:path';
import {
  EVIDENCE_FOLDER,
  type Reply,
  type Snapshot,
  type SnapshotCopy,
  type SourceStatus,
  type Webmention,
} from '../../src/contract/snapshots.ts';
import { engagementOf } from '../../src/lib/evidence.ts';
import { engagementSince, foldSnapshots, type EvidenceState } from '../../src/lib/engagement.ts';
import type { PostedEntry } from '../../src/contract/ledger.ts';
import { NETWORKS, NETWORK_LABELS, type Network } from '../../src/contract/networks.ts';
import { safeHttpUrl } from '../../src/lib/safe-urls.ts';
import { readLedger } from '../syndicate/ledger.ts';
import type { ReadBack } from '../channels/adapter.ts';
import type { NetworkReader } from '../channels/channel.ts';
import { acquireLock, evidenceLockFile } from '../lib/lock.ts';
import { networkRun, type NetworkRunOptions } from '../lib/network-run.ts';
import { RetryLater, withRetry } from '../lib/retry.ts';
import { appendSnapshot, readSnapshots } from './snapshots.ts';
import { fetchWebmentions, webmentionConfig } from './webmentions.ts';
import { watchPress, type PressWatchResult } from '../press-watch/run.ts';
import type { FetchLimits } from '../press-watch/fetcher.ts';
import { collectReads, type ReadsRow } from './reads.ts';
import { readAnalyticsSettings } from '../lib/content.ts';

/** Copies older than this are not read again by default: their counts have settled, and requests are rationed. */
export const DEFAULT_MAX_AGE_DAYS = 90;

export interface CollectOptions extends NetworkRunOptions {
  evidenceFolder?: string;
  /** Read copies posted within this many days (default 90); `Infinity` reads them all. */
  maxAgeDays?: number;
  /** Readers to use instead of those made from `env` (tests). */
  readers?: Partial<Record<Network, NetworkReader>>;
  /** The press watch's fetch limits (tests make them small). */
  pressLimits?: Partial<FetchLimits>;
}

/** One line of the summary per network (and one for webmentions). */
export interface CollectRow {
  source: Network | 'webmentions';
  status: 'read' | 'skipped' | 'failed' | 'nothing to read';
  /** Copies read (or webmentions received). */
  read: number;
  failed: number;
  /** Engagement of the copies read, and the change since their last known counts. */
  engagement: number;
  gained: number;
  newReplies: number;
  detail?: string;
}

export interface CollectResult {
  /** The snapshot file written, relative to cwd; undefined when there was nothing to record. */
  file: string | undefined;
  snapshot: Snapshot;
  rows: CollectRow[];
  /** Readers from the analytics service (scripts/collect/reads.ts); undefined when analytics is unset or `--only` names networks. */
  reads?: ReadsRow | undefined;
  failed: number;
  /** Engagement gained since the previous snapshot (what `npm run status` shows). */
  change: ReturnType<typeof engagementSince>;
  /** The press watch (scripts/press-watch/): undefined without `content/press-watch.yaml`, or with `--only`. */
  press?: PressWatchResult | undefined;
}

interface CopyToRead {
  key: string;
  itemUrl: string;
  entry: PostedEntry;
}

/** The posted copies per network, newest first, within the age limit. */
function copiesToRead(ledger: Awaited<ReturnType<typeof readLedger>>, network: Network, oldest: number): CopyToRead[] {
  return Object.entries(ledger.items)
    .flatMap(([key, item]) => {
      const entry = item.networks[network];
      return entry?.status === 'posted' && Date.parse(entry.postedAt) >= oldest ? [{ key, itemUrl: item.url, entry }] : [];
    })
    .sort((a, b) => b.entry.postedAt.localeCompare(a.entry.postedAt) || a.key.localeCompare(b.key));
}

/**
 * What to record of a copy's replies (or quote-posts): those not seen before, and (when the list is
 * complete) the ids of those gone. Empty when the network gave no list.
 */
function logChanges(
  log: EvidenceState['replies'],
  key: string,
  network: Network,
  current: Reply[] | undefined,
  complete: boolean,
): { added: Reply[]; removed: string[] } {
  if (!current) return { added: [], removed: [] };
  const known = new Set([...(log.get(key)?.values() ?? [])].filter((reply) => reply.network === network).map((reply) => reply.id));
  const shown = new Set(current.map((reply) => reply.id));
  return { added: current.filter((reply) => !known.has(reply.id)), removed: complete ? [...known].filter((id) => !shown.has(id)) : [] };
}

/** The replies and quote-posts to record for a copy, each field left out when it would be empty. */
function conversationChanges(
  state: EvidenceState,
  key: string,
  network: Network,
  back: ReadBack,
): Pick<SnapshotCopy, 'newReplies' | 'removedReplies' | 'newQuotes' | 'removedQuotes'> {
  const replies = logChanges(state.replies, key, network, back.replies, back.repliesComplete === true);
  const quotes = logChanges(state.quotes, key, network, back.quotes, back.quotesComplete === true);
  return {
    ...(replies.added.length > 0 ? { newReplies: replies.added } : {}),
    ...(replies.removed.length > 0 ? { removedReplies: replies.removed } : {}),
    ...(quotes.added.length > 0 ? { newQuotes: quotes.added } : {}),
    ...(quotes.removed.length > 0 ? { removedQuotes: quotes.removed } : {}),
  };
}

export async function collect(options: CollectOptions): Promise<CollectResult> {
  const {
    registry,
    now,
    log,
    message,
    ledgerFile,
    ledgerLabel,
    networks,
    retryPolicy: policy,
    retryDeps,
    deps,
    gateFor,
  } = await networkRun(options);
  const folder = resolve(options.cwd, options.evidenceFolder ?? EVIDENCE_FOLDER);
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const oldest = Number.isFinite(maxAgeDays) ? now() - maxAgeDays * 86_400_000 : -Infinity;

  const release = await acquireLock(evidenceLockFile(folder), 'collection run');
  try {
    const ledger = await readLedger(ledgerFile, ledgerLabel);
    const history = await readSnapshots(folder, options.cwd);
    const state = foldSnapshots(history);
    const collectedAt = new Date(now()).toISOString();
    const snapshot: Snapshot = { version: 1, collectedAt, networks: {}, items: {} };
    const rows: CollectRow[] = [];

    const record = (copy: CopyToRead, network: Network, data: SnapshotCopy): void => {
      const item = (snapshot.items[copy.key] ??= { url: copy.itemUrl, networks: {} });
      item.networks[network] = data;
    };

    const readNetwork = async (network: Network): Promise<void> => {
      const label = NETWORK_LABELS[network];
      const copies = copiesToRead(ledger, network, oldest);
      const row: CollectRow = { source: network, status: 'read', read: 0, failed: 0, engagement: 0, gained: 0, newReplies: 0 };
      rows.push(row);
      if (copies.length === 0) {
        row.status = 'nothing to read';
        return;
      }
      const made = options.readers?.[network] ?? registry.get(network)!.reader(options.env, deps);
      if ('missing' in made) {
        row.status = 'skipped';
        row.detail = `no credentials: set ${made.missing.join(', ')}`;
        snapshot.networks[network] = { status: 'skipped', reason: 'no credentials' };
        log(`${label}: skipped — ${row.detail}`);
        return;
      }
      let lastError = '';
      // What the network would not give (a restricted scope): said once per network, not a failure.
      const notes = new Set<string>();
      // A network that never answers (or rejects the credentials, or asks for a long wait) is given up
      // for this run after a few requests instead of costing every copy its retries; said once.
      const gate = gateFor(network);
      let unread = 0;
      for (const [index, copy] of copies.entries()) {
        if (gate.stopped) {
          unread = copies.length - index;
          break;
        }
        try {
          const back = await withRetry(
            () => gate.attempt(() => made.readBack({ remoteId: copy.entry.remoteId, url: copy.entry.url })),
            policy,
            {
              // Once the gate has closed there is no retry to announce.
              ...retryDeps,
              onRetry: (error, delay) => {
                if (!gate.stopped) log(`${label} ${copy.key}: ${message(error)}; retrying in ${(delay / 1000).toFixed(1)} s`);
              },
            },
          );
          if (back.note) notes.add(message(back.note));
          const before = state.items.get(copy.key)?.copies.get(network);
          const previous = before && !before.gone ? engagementOf(before.metrics) : 0;
          if (!back.exists) {
            record(copy, network, { remoteId: copy.entry.remoteId, url: copy.entry.url, gone: true, metrics: {} });
            row.gained -= previous;
            log(`${label} ${copy.key}: the copy no longer exists on ${label}`);
          } else {
            const changes = conversationChanges(state, copy.key, network, back);
            // The address the network reports now, when it is http(s); else the one the ledger recorded.
            record(copy, network, {
              remoteId: copy.entry.remoteId,
              url: safeHttpUrl(back.url) ?? copy.entry.url,
              metrics: definedOnly(back.metrics),
              ...changes,
            });
            const engagement = engagementOf(back.metrics);
            row.engagement += engagement;
            row.gained += engagement - previous;
            row.newReplies += changes.newReplies?.length ?? 0;
          }
          row.read += 1;
        } catch (error) {
          if (error instanceof RetryLater) gate.defer(error);
          row.failed += 1;
          lastError = message(error);
          if (!gate.stopped) log(`${label} ${copy.key}: failed — ${lastError}`);
        }
      }
      if (gate.stopped) {
        // The copy whose request closed the gate is unread too; its counts stay as last recorded.
        unread += 1;
        row.failed -= 1;
        lastError = `${message(gate.stopped)}; ${unread} ${unread === 1 ? 'copy' : 'copies'} left for the next run`;
        log(`${label}: stopped — ${lastError}`);
      }
      const failed = row.failed + unread;
      const source: SourceStatus = failed > 0 ? { status: 'failed', copies: row.read, failed } : { status: 'read', copies: row.read };
      snapshot.networks[network] = source;
      if (notes.size > 0) {
        row.detail = [...notes].join('; ');
        log(`${label}: ${row.detail}`);
      }
      if (gate.stopped) {
        row.failed = failed;
        row.status = 'failed';
        row.detail = [lastError, ...notes].join('; ');
      } else if (row.failed > 0) {
        row.status = 'failed';
        row.detail = [`${row.failed} of ${copies.length} could not be read; last: ${lastError}`, ...notes].join('; ');
      }
    };

    // One network failing never stops the others.
    const outcomes = await Promise.allSettled(networks.map(readNetwork));
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected') {
        const network = networks[i]!;
        const row = rows.find((candidate) => candidate.source === network);
        if (row) {
          row.status = 'failed';
          row.detail = message(outcome.reason);
        }
        snapshot.networks[network] = { status: 'failed', copies: 0, failed: 1 };
      }
    });
    rows.sort((a, b) => NETWORKS.indexOf(a.source as Network) - NETWORKS.indexOf(b.source as Network));

    const webmentions = webmentionConfig(options.env, ledger);
    if (webmentions) {
      const row: CollectRow = { source: 'webmentions', status: 'read', read: 0, failed: 0, engagement: 0, gained: 0, newReplies: 0 };
      rows.push(row);
      try {
        const received: Webmention[] = await withRetry(() => fetchWebmentions(webmentions, deps), policy, retryDeps);
        const fresh = received.filter((mention) => !state.webmentions.has(mention.id));
        if (fresh.length > 0) snapshot.webmentions = fresh;
        row.read = received.length;
        row.newReplies = fresh.filter((mention) => mention.type === 'reply').length;
      } catch (error) {
        row.status = 'failed';
        row.failed = 1;
        row.detail = message(error);
        log(`webmention.io: failed — ${row.detail}`);
      }
    }

    // The press watch reads the news, not the networks: `--only <network>` leaves it out.
    const press = options.only
      ? undefined
      : await watchPress({ cwd: options.cwd, now, log, ...(options.pressLimits ? { limits: options.pressLimits } : {}) });
    // Readers: after the networks, so a piece's views join the copies read this run.
    const reads = await collectReads({
      settings: () => (options.only ? undefined : readAnalyticsSettings(options.cwd, options.env)),
      env: options.env,
      history,
      itemUrls: new Map(Object.entries(ledger.items).map(([key, item]) => [key, item.url])),
      snapshot,
      deps,
      request: (operation) => withRetry(operation, policy, retryDeps),
      message,
      log,
    });

    const anything = Object.keys(snapshot.items).length > 0 || (snapshot.webmentions?.length ?? 0) > 0;
    const file = anything ? await appendSnapshot(folder, snapshot) : undefined;
    const change = engagementSince(anything ? [...history, snapshot] : history);
    return {
      file: file ? relativeTo(options.cwd, file) : undefined,
      snapshot,
      rows,
      reads,
      failed:
        rows.reduce((sum, row) => sum + row.failed + (row.status === 'failed' && row.failed === 0 ? 1 : 0), 0) +
        (press?.problems.length ?? 0) +
        (reads?.failed ?? 0),
      change,
      ...(press ? { press } : {}),
    };
  } finally {
    await release();
  }
}

/** Drops counts the network did not report, so the snapshot says "not reported" rather than `null`. */
function definedOnly(metrics: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter((entry): entry is [string, number] => entry[1] !== undefined));
}

function relativeTo(cwd: string, file: string): string {
  const root = resolve(cwd);
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}
