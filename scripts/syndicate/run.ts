/**
 * `npm run syndicate`: posts each new piece of the built site's feed to every network the person
 * uses, exactly once, and records the copies in the ledger. The command function; cli.ts is the
 * thin entry that parses arguments and prints.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { POLICY_FILE } from '../../src/contract/policy.ts';
import { NETWORKS, NETWORK_LABELS, type Network } from '../../src/contract/networks.ts';
import { readPolicy } from '../lib/content.ts';
import { loadFeed, type Thumbnail } from './feed.ts';
import { openLedger, readLedger, type LedgerStore } from './ledger.ts';
import { NeedsConfirmation, type NetworkAdapter, type PreparedPost, type Published } from '../channels/adapter.ts';
import type { BatchRule } from '../channels/channel.ts';
import { ComposeError, type ComposedPost, type SyndicationItem } from '../channels/post.ts';
import { describePolicyHold, heldBy, type PolicyMatch } from './policy.ts';
import { describeHeld } from './resolve.ts';
import { acquireLock, ledgerLockFile } from '../lib/lock.ts';
import { NetworkStopped } from '../lib/network-gate.ts';
import { networkRun, type NetworkRunOptions } from '../lib/network-run.ts';
import { mayHaveReachedNetwork, RetryLater, withRetry } from '../lib/retry.ts';

export interface SyndicateOptions extends NetworkRunOptions {
  /** The built site's folder, its feed.json, or a deployed feed URL. Default `dist`. */
  feed?: string;
  /** Default `content/policy.yaml` under `cwd`. */
  policyFile?: string;
  /** Compose and print, post nothing, write nothing. */
  dryRun?: boolean;
  /** Only these items: `essay/<slug>`, a slug, or the item's URL. */
  items?: string[];
  /** Leave out items published before this moment (a first run on a site with a back catalogue). */
  since?: Date;
  /** Adapters to use instead of those made from `env` (tests). */
  adapters?: Partial<Record<Network, NetworkAdapter>>;
}

/** `waiting`: the item goes out in a batch whose period is not over yet (the newsletter's digest of this week). */
export type RowStatus = 'posted' | 'would post' | 'waiting' | 'held' | 'skipped' | 'no credentials' | 'deferred' | 'failed';

export interface SummaryRow {
  item: string;
  /** `all` for a row about an item on every network (held). */
  network: Network | 'all';
  status: RowStatus;
  url?: string;
  detail?: string;
}

/** What a dry run shows for one post: exactly what would be sent. */
export interface PlannedPost {
  item: string;
  network: Network;
  text: string;
  length: number;
  limit: number;
  unit: string;
  link: { url: string; title: string; description: string; image?: string | undefined };
  thumbnail?: { bytes: number; mimeType: string } | { problem: string } | undefined;
  /** Set when the network has no credentials (a real run would skip it). */
  note?: string;
  /** Files the channel wrote for a person to open (the newsletter's email as HTML and text). */
  preview?: string[];
}

/** An item held because an attempt may have posted it and the network would not say: the person looks and resolves it. */
export interface NeedsYou {
  item: string;
  network: Network;
  /** When the attempt that may have posted it started (ISO 8601). */
  startedAt: string;
  /** What to tell the person: what happened, where to look, and the two `--resolve` commands. */
  message: string;
}

export interface SyndicateResult {
  dryRun: boolean;
  feed: string;
  rows: SummaryRow[];
  planned: PlannedPost[];
  /** Items held for the person to resolve (each also has a `held` row). */
  needsYou: NeedsYou[];
  /** Posts already in the ledger, left alone. */
  alreadyPosted: number;
  failed: number;
}

function selectItems(items: SyndicationItem[], options: SyndicateOptions): SyndicationItem[] {
  const wanted = options.items;
  const missing = (wanted ?? []).filter((id) => !items.some((item) => [item.key, item.slug, item.url].includes(id)));
  if (missing.length > 0) throw new Error(`--item ${missing.join(', ')}: not in the feed (use essay/<slug>, the slug or the URL)`);
  return (
    items
      .filter((item) => !wanted || wanted.some((id) => [item.key, item.slug, item.url].includes(id)))
      .filter((item) => !options.since || Date.parse(item.datePublished) >= options.since.getTime())
      // Oldest first, so each network's timeline reads in the order the pieces were written.
      .sort((a, b) => a.datePublished.localeCompare(b.datePublished) || a.key.localeCompare(b.key))
  );
}

function describeHold(matches: PolicyMatch[]): string {
  return describePolicyHold(matches);
}

/** Where a dry run writes a channel's preview files, under the project root (`.cache/` is ignored by git). */
export function previewFolder(cwd: string, network: Network): string {
  return resolve(cwd, '.cache', network);
}

export async function syndicate(options: SyndicateOptions): Promise<SyndicateResult> {
  const {
    registry,
    now,
    log,
    clean,
    message,
    ledgerFile,
    ledgerLabel,
    networks,
    retryPolicy: policyRetry,
    retryDeps,
    deps,
    gateFor,
  } = await networkRun(options);
  const dryRun = options.dryRun ?? false;
  const policy = await readPolicy(resolve(options.cwd, options.policyFile ?? POLICY_FILE), options.policyFile ?? POLICY_FILE);
  const feed = await loadFeed(options.feed ?? 'dist', { cwd: options.cwd, fetch: deps.fetch });
  const items = selectItems(feed.items, options);

  let release: (() => Promise<void>) | undefined;
  let store: LedgerStore | undefined;
  const ledger = dryRun ? await readLedger(ledgerFile, ledgerLabel) : undefined;
  if (!dryRun) {
    await mkdir(dirname(ledgerFile), { recursive: true });
    release = await acquireLock(ledgerLockFile(ledgerFile));
  }
  try {
    if (!dryRun) store = await openLedger(ledgerFile, ledgerLabel);
    const entryOf = (item: SyndicationItem, network: Network) =>
      store ? store.entry(item, network) : ledger!.items[item.key]?.networks[network];

    const rows: SummaryRow[] = [];
    const planned: PlannedPost[] = [];
    const needsYou: NeedsYou[] = [];
    let alreadyPosted = 0;

    const holds = new Map(
      items.flatMap((item) => {
        const matches = heldBy(policy, item);
        return matches ? [[item.key, matches] as const] : [];
      }),
    );
    /**
     * Whether the item is the network's at all (the newsletter takes only some kinds). A setting the
     * channel cannot read counts as yes here: its own run fails with the one-line message.
     */
    const takes = (item: SyndicationItem, network: Network): boolean => {
      try {
        return registry.get(network)!.accepts(item, options.env);
      } catch {
        return true;
      }
    };
    for (const item of items) {
      const matches = holds.get(item.key);
      const pending = networks.some(
        (network) => takes(item, network) && !item.skip.includes(network) && entryOf(item, network)?.status !== 'posted',
      );
      if (matches && pending) {
        rows.push({ item: item.key, network: 'all', status: 'held', detail: describeHold(matches) });
        log(`${item.key}: held for review — ${describeHold(matches)}`);
      }
    }

    const thumbnails = new Map<string, Promise<Thumbnail | { problem: string }>>();
    const thumbnailFor = (url: string) => {
      let loaded = thumbnails.get(url);
      if (!loaded) thumbnails.set(url, (loaded = feed.loadImage(url)));
      return loaded;
    };

    const runNetwork = async (network: Network): Promise<void> => {
      const label = NETWORK_LABELS[network];
      const gate = gateFor(network);
      /** Once the network is given up: one row for what it left undone, said once. */
      const stop = (stopped: NetworkStopped, left: number): void => {
        const detail = `${clean(stopped.message)}; ${left} item${left === 1 ? '' : 's'} left for the next run`;
        rows.push({ item: 'all', network, status: stopped.status, detail });
        log(`${label}: ${stopped.status === 'deferred' ? 'deferred' : 'stopped'} — ${detail}`);
      };
      const channel = registry.get(network)!;
      const made = options.adapters?.[network] ?? channel.adapter(options.env, deps);
      const adapter = 'missing' in made ? undefined : made;
      let note: string | undefined;
      if ('missing' in made) {
        note = 'no credentials';
        log(`${label}: skipped — no credentials: set ${made.missing.join(', ')}`);
        if (!dryRun) {
          rows.push({ item: 'all', network, status: 'no credentials', detail: `set ${made.missing.join(', ')}` });
          return;
        }
      }
      let settings: unknown;
      if (adapter?.composeSettings) {
        try {
          settings = await withRetry(() => gate.attempt(() => adapter.composeSettings!()), policyRetry, retryDeps);
        } catch (error) {
          if (error instanceof RetryLater) gate.defer(error);
          if (!dryRun && gate.stopped) {
            stop(gate.stopped, items.length);
            return;
          }
          if (!dryRun) {
            rows.push({ item: 'all', network, status: 'failed', detail: `reading the server’s limits: ${message(error)}` });
            return;
          }
          log(`${label}: using default limits — ${message(error)}`);
        }
      }
      /**
       * The dry run's account of a post it would send, one item's or a batch's: the channel's preview
       * files written (where it makes them), the plan kept for the report; gives the row's detail.
       */
      const plan = async (id: string, post: ComposedPost, thumbnail?: PlannedPost['thumbnail']): Promise<string> => {
        const preview = channel.preview ? await channel.preview(post, previewFolder(options.cwd, network)) : undefined;
        if (preview) log(`${label} ${id}: preview written to ${preview.join(' and ')}`);
        planned.push({
          item: id,
          network,
          text: post.text,
          length: post.length,
          limit: post.limit,
          unit: post.unit,
          link: post.link,
          ...(thumbnail ? { thumbnail } : {}),
          ...(note ? { note } : {}),
          ...(preview ? { preview } : {}),
        });
        return `${post.length}/${post.limit} ${post.unit}${note ? `; ${note}` : ''}`;
      };
      /**
       * Whether an item with no ledger entry is looked for before it is posted (PublishOptions.unrecorded):
       * when the ledger knows nothing of this network yet (a first run, or a ledger deleted), and for an
       * item published before the newest piece the ledger does have for it (an entry lost). A new piece
       * after those is simply posted: the look costs a read per item, and most runs post only new pieces.
       */
      const recordedDates = items
        .filter((candidate) => entryOf(candidate, network) !== undefined)
        .map((candidate) => candidate.datePublished);
      const newestRecorded = recordedDates.length > 0 ? recordedDates.reduce((a, b) => (a > b ? a : b)) : undefined;
      const unrecordedLook = (item: SyndicationItem): boolean => newestRecorded === undefined || item.datePublished <= newestRecorded;
      /** The items from `index` on that this network still has to post. */
      const leftFrom = (index: number): number =>
        items
          .slice(index)
          .filter(
            (left) =>
              channel.accepts(left, options.env) &&
              entryOf(left, network)?.status !== 'posted' &&
              !holds.has(left.key) &&
              !left.skip.includes(network),
          ).length;
      /**
       * One post sent, retried as the policy allows; `uncertain` says whether an earlier attempt may have
       * posted it (the adapter then looks first), and `mayHavePosted` is told when an attempt may have.
       */
      const publishWithRetry = (
        name: string,
        prepared: PreparedPost,
        attempt: { key: string; startedAt: string; unrecorded: boolean; uncertain: () => boolean; mayHavePosted: () => void },
      ): Promise<Published> =>
        withRetry(
          () =>
            gate.attempt(async () => {
              try {
                return await adapter!.publish(prepared, {
                  key: attempt.key,
                  resume: attempt.uncertain(),
                  startedAt: attempt.startedAt,
                  unrecorded: attempt.unrecorded,
                });
              } catch (error) {
                if (mayHaveReachedNetwork(error)) attempt.mayHavePosted();
                throw error;
              }
            }),
          policyRetry,
          {
            ...retryDeps,
            onRetry: (error, delay) => log(`${label} ${name}: ${message(error)}; retrying in ${(delay / 1000).toFixed(1)} s`),
          },
        );
      /** Items the channel sends together after this loop (the newsletter's weekly digest), not one by one. */
      const batched: SyndicationItem[] = [];
      /**
       * The batches (the newsletter's weekly digests), after the items sent alone. A due batch is one
       * post, and each of its items gets the ledger entry as if sent alone: all marked in flight before
       * the post leaves, all posted with its id after, so a crash between the two makes the next run look
       * for the post (by the batch's id) instead of sending it again. A batch whose period is not over
       * leaves its items waiting, a row each.
       */
      const sendBatches = async (rule: BatchRule, pending: SyndicationItem[]): Promise<void> => {
        const sent = items.flatMap((item) => {
          const entry = entryOf(item, network);
          return entry?.status === 'posted' && channel.accepts(item, options.env) && rule.takes(item, options.env)
            ? [{ item, remoteId: entry.remoteId }]
            : [];
        });
        const inFlight = new Set(pending.filter((item) => entryOf(item, network)?.status === 'in-flight').map((item) => item.key));
        const batches = rule.group(pending, { sent, inFlight }, options.env, new Date(now()));
        for (const [index, batch] of batches.entries()) {
          const rowsFor = (status: RowStatus, detail: string, url?: string): void => {
            for (const item of batch.items) rows.push({ item: item.key, network, status, ...(url ? { url } : {}), detail });
          };
          if (!batch.due) {
            rowsFor('waiting', batch.waiting);
            continue;
          }
          if (gate.stopped) {
            stop(
              gate.stopped,
              batches.slice(index).reduce((left, later) => left + (later.due ? later.items.length : 0), 0),
            );
            return;
          }
          let post;
          try {
            post = await rule.compose(batch);
          } catch (error) {
            if (!(error instanceof ComposeError)) throw error;
            rowsFor('failed', error.message);
            continue;
          }
          if (dryRun) {
            rowsFor('would post', `in ${batch.id}: ${await plan(batch.id, post)}`);
            continue;
          }
          const entries = batch.items.map((item) => entryOf(item, network));
          const marked = entries.flatMap((entry) => (entry?.status === 'in-flight' ? [entry.startedAt] : []));
          const startedAt = marked.toSorted()[0] ?? new Date(now()).toISOString();
          const key = adapter!.keyFor({ key: batch.id, datePublished: batch.items[0]!.datePublished });
          let uncertain = marked.length > 0;
          try {
            for (const [i, item] of batch.items.entries())
              if (entries[i]?.status !== 'in-flight') await store!.markInFlight(item, network, { startedAt, key });
            const remote = await publishWithRetry(batch.id, post, {
              key,
              startedAt,
              unrecorded: false,
              uncertain: () => uncertain,
              mayHavePosted: () => (uncertain = true),
            });
            const postedAt = new Date(now()).toISOString();
            for (const item of batch.items)
              await store!.markPosted(item, network, { remoteId: remote.remoteId, url: remote.url, postedAt });
            rowsFor('posted', [`in ${batch.id}`, remote.note ? clean(remote.note) : undefined].filter(Boolean).join('; '), remote.url);
            const carried = batch.items.map((item) => item.key).join(', ');
            log(`${label} ${batch.id}: posted ${remote.url} with ${carried}${remote.note ? ` (${clean(remote.note)})` : ''}`);
          } catch (error) {
            // As for one item: nothing went out, so the marks go and the next run sends afresh.
            if (!uncertain)
              for (const item of batch.items)
                await store!
                  .clearInFlight(item, network)
                  .catch((clearing: unknown) => log(`${label} ${item.key}: the in-flight mark stays — ${message(clearing)}`));
            if (error instanceof RetryLater) gate.defer(error);
            if (gate.stopped) {
              stop(
                gate.stopped,
                batches.slice(index).reduce((left, later) => left + (later.due ? later.items.length : 0), 0),
              );
              return;
            }
            rowsFor('failed', `${batch.id}: ${message(error)}`);
            log(`${label} ${batch.id}: failed — ${message(error)}`);
          }
        }
      };
      for (const [index, item] of items.entries()) {
        if (gate.stopped) {
          stop(gate.stopped, leftFrom(index));
          return;
        }
        // Not the channel's (a note, where the newsletter emails essays): no row, neither skipped nor failed.
        // Throws one line for a setting it cannot read (NEWSLETTER_KINDS), which fails this channel's run.
        if (!channel.accepts(item, options.env)) continue;
        const entry = entryOf(item, network);
        if (entry?.status === 'posted') {
          alreadyPosted += 1;
          if (!dryRun && adapter?.resolveUrl && adapter.provisionalUrl?.(entry.url)) {
            // Recorded with a stand-in address (the network gave none when it posted): ask again.
            try {
              const url = await gate.attempt(() => adapter.resolveUrl!({ remoteId: entry.remoteId, url: entry.url }));
              if (url) {
                await store!.markPosted(item, network, { remoteId: entry.remoteId, url, postedAt: entry.postedAt });
                log(`${label} ${item.key}: its address is now known: ${url}`);
              }
            } catch (error) {
              log(`${label} ${item.key}: its address is still unknown — ${message(error)}`);
            }
          }
          continue;
        }
        if (holds.has(item.key)) continue;
        if (item.skip.includes(network)) {
          rows.push({ item: item.key, network, status: 'skipped', detail: `syndication.skip lists ${network}` });
          continue;
        }
        if (channel.batch?.takes(item, options.env)) {
          batched.push(item);
          continue;
        }
        let post;
        try {
          post = await channel.compose(item, settings);
        } catch (error) {
          if (!(error instanceof ComposeError)) throw error;
          rows.push({ item: item.key, network, status: 'failed', detail: error.message });
          continue;
        }
        const thumbnail = channel.uploadsThumbnail && post.link.image ? await thumbnailFor(post.link.image) : undefined;
        if (thumbnail && 'problem' in thumbnail) log(`${label} ${item.key}: ${thumbnail.problem}`);
        if (dryRun) {
          const thumbnailShown =
            thumbnail && ('problem' in thumbnail ? thumbnail : { bytes: thumbnail.bytes.byteLength, mimeType: thumbnail.mimeType });
          rows.push({ item: item.key, network, status: 'would post', detail: await plan(item.key, post, thumbnailShown) });
          continue;
        }
        const key = adapter!.keyFor(item);
        const resume = entry?.status === 'in-flight';
        const unrecorded = entry === undefined && unrecordedLook(item);
        const startedAt = resume ? entry.startedAt : new Date(now()).toISOString();
        // Looking for a copy of an unrecorded item goes back to the item's publication: none can be older.
        const lookSince = unrecorded ? item.datePublished : startedAt;
        // Whether an attempt may have posted: only then does the next attempt look for the copy first.
        let uncertain = resume;
        try {
          // The mark goes to disk before the request leaves: a crash after it makes the next run look first.
          if (!resume) await store!.markInFlight(item, network, { startedAt, key });
          const prepared = { ...post, thumbnail: thumbnail && !('problem' in thumbnail) ? thumbnail : undefined };
          const remote = await publishWithRetry(item.key, prepared, {
            key,
            startedAt: unrecorded ? lookSince : startedAt,
            unrecorded,
            uncertain: () => uncertain,
            mayHavePosted: () => (uncertain = true),
          });
          await store!.markPosted(item, network, { remoteId: remote.remoteId, url: remote.url, postedAt: new Date(now()).toISOString() });
          rows.push({ item: item.key, network, status: 'posted', url: remote.url, ...(remote.note ? { detail: clean(remote.note) } : {}) });
          log(`${label} ${item.key}: posted ${remote.url}${remote.note ? ` (${clean(remote.note)})` : ''}`);
        } catch (error) {
          if (error instanceof NeedsConfirmation) {
            // Held, not failed: the in-flight mark stays (it is what `--resolve` settles), nothing is
            // retried, and the next run holds it again until the person says which it was.
            const message = clean(describeHeld({ network, key: item.key, startedAt, why: error.why, lookAt: error.lookAt }));
            needsYou.push({ item: item.key, network, startedAt, message });
            rows.push({ item: item.key, network, status: 'held', detail: 'may already be posted: see “Needs you”' });
            log(`${label} ${item.key}: held — ${clean(error.message)}`);
            continue;
          }
          // Every attempt refused (a retired API version, a missing scope): nothing went out, so the
          // mark goes and the next run posts afresh rather than looking for a copy that cannot exist.
          if (!uncertain) {
            await store!
              .clearInFlight(item, network)
              .catch((clearing: unknown) => log(`${label} ${item.key}: the in-flight mark stays — ${message(clearing)}`));
          }
          // The network asked for a longer wait than the run gives, or stopped answering: this item
          // and the rest are left for the next run, in one row.
          if (error instanceof RetryLater) gate.defer(error);
          if (gate.stopped) {
            stop(gate.stopped, leftFrom(index));
            return;
          }
          rows.push({ item: item.key, network, status: 'failed', detail: message(error) });
          log(`${label} ${item.key}: failed — ${message(error)}`);
        }
      }
      if (channel.batch) await sendBatches(channel.batch, batched);
    };

    // One network failing never stops the others; each runs its items in order.
    const outcomes = await Promise.allSettled(networks.map(runNetwork));
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected')
        rows.push({ item: 'all', network: networks[i]!, status: 'failed', detail: message(outcome.reason) });
    });

    const itemOrder = new Map(items.map((item, i) => [item.key, i]));
    rows.sort(
      (a, b) =>
        (itemOrder.get(a.item) ?? -1) - (itemOrder.get(b.item) ?? -1) ||
        NETWORKS.indexOf(a.network as Network) - NETWORKS.indexOf(b.network as Network),
    );
    planned.sort(
      (a, b) => (itemOrder.get(a.item) ?? 0) - (itemOrder.get(b.item) ?? 0) || NETWORKS.indexOf(a.network) - NETWORKS.indexOf(b.network),
    );
    needsYou.sort(
      (a, b) => (itemOrder.get(a.item) ?? 0) - (itemOrder.get(b.item) ?? 0) || NETWORKS.indexOf(a.network) - NETWORKS.indexOf(b.network),
    );
    return {
      dryRun,
      feed: feed.label,
      rows,
      planned,
      needsYou,
      alreadyPosted,
      failed: rows.filter((row) => row.status === 'failed').length,
    };
  } finally {
    await release?.();
  }
}
