/**
 * `npm run status`: where the hub stands, gathered from what is on disk. The command function; the
 * entry (scripts/status.ts) parses arguments and prints, and report.ts lays the result out.
 *
 * - Pieces, cadence and what is scheduled come from `content/` (scripts/lib/content.ts), with the
 *   site's publishing rule at `buildNow(env)`, so they are right before any build and `HUB_NOW` works.
 * - What is not yet syndicated comes from the built feed (`dist/feed.json`, what `npm run syndicate`
 *   reads), the ledger and the policy, decided as the syndicate command decides it.
 * - Engagement comes from the snapshots `npm run collect` writes.
 * - Invitations to speak still awaiting an answer come from `content/invitations/`.
 *
 * - Warnings about credentials come from tokens.ts: what the environment and the token file tell,
 *   and with `--check-tokens` what Mastodon and LinkedIn say the tokens may do.
 *
 * Nothing is written and no network is called (except to read a feed given as a URL, or with
 * `--check-tokens`).
 */
import { relative, resolve } from 'node:path';
import type { PieceKind } from '../../src/contract/kinds.ts';
import { LEDGER_FILE, type Ledger } from '../../src/contract/ledger.ts';
import { POLICY_FILE } from '../../src/contract/policy.ts';
import { EVIDENCE_FOLDER } from '../../src/contract/snapshots.ts';
import { cadence, type CurrentStreak, type Streak } from '../../src/lib/cadence.ts';
import { engagementSince, type EngagementChange } from '../../src/lib/engagement.ts';
import { mostReadThisWeek } from '../../src/lib/reads.ts';
import { NETWORKS, type Network } from '../../src/contract/networks.ts';
import { buildNow } from '../../src/lib/hub-env.ts';
import { readSnapshots } from '../collect/snapshots.ts';
import type { MissingCredentials } from '../channels/adapter.ts';
import type { Channel } from '../channels/channel.ts';
import type { SyndicationItem } from '../channels/post.ts';
import { channels } from '../channels/registry.ts';
import {
  pieceState,
  readContentPieces,
  readInvitations,
  readPieceTitles,
  readPolicy,
  readSiteLanguage,
  type ContentPiece,
} from '../lib/content.ts';
import { loadFeed } from '../syndicate/feed.ts';
import { readLedger } from '../syndicate/ledger.ts';
import { heldBy, type PolicyMatch } from '../syndicate/policy.ts';
import { describeHeld } from '../syndicate/resolve.ts';
import { pressAwaitingReview } from '../press-watch/review.ts';
import { tokenExpiries, tokenWarnings, type TokenExpiry, type TokenWarning } from './tokens.ts';

export interface StatusOptions {
  /** The project root: `content/` is read from here. */
  cwd: string;
  /** For `HUB_NOW` and to see which credentials are set (their values are never kept). */
  env: Record<string, string | undefined>;
  /** The built site's folder, its feed.json, or a deployed feed URL. Default `dist`. */
  feed?: string | undefined;
  /** Ask Mastodon and LinkedIn what the tokens may do (one read-only request each; tokens.ts). */
  checkTokens?: boolean | undefined;
  fetch?: typeof fetch;
}

/** A piece as status lists it. */
export interface PieceLine {
  kind: PieceKind;
  title: string;
  /** ISO 8601. */
  date: string;
  /** Project-relative path of its file. */
  file: string;
  /** Calendar days (UTC) from today to its date: negative in the past, 0 today. */
  days: number;
}

/** An invitation to speak that awaits an answer. */
export interface InvitationLine {
  event: string;
  organiser: string;
  /** ISO 8601 day it arrived. */
  asked: string;
  /** Project-relative path of its file. */
  file: string;
}

/** An item of the feed, as the syndication section names it. */
export interface ItemLine {
  /** `essay/<slug>`, as in the ledger and `npm run syndicate -- --item`. */
  key: string;
  title: string;
}

export interface NetworkSyndication {
  /** Whether its credentials are set: without them `npm run syndicate` skips it. */
  credentials: boolean;
  posted: number;
  /** Items whose `syndication.skip` lists the network. */
  skipped: number;
  /** Items held for review (listed once, in `held`). */
  held: number;
  /** Items not posted there yet, oldest first. */
  pending: ItemLine[];
  /** Requests that may or may not have reached the network: the next run checks before posting, or (`needsYou`) asks the person. */
  inFlight: Array<ItemLine & { startedAt: string }>;
}

export type SyndicationStatus =
  | { available: false; feed: string; reason: string }
  | {
      available: true;
      /** Where the feed was read from (project-relative, or the URL). */
      feed: string;
      items: number;
      /** Per network: counts, and what is pending or in flight there. */
      networks: Record<Network, NetworkSyndication>;
      /** The same per piece, oldest first: each piece not yet posted everywhere it goes, with the networks it waits for. */
      pending: Array<ItemLine & { networks: Network[] }>;
      inFlight: Array<ItemLine & { network: Network; startedAt: string }>;
      /**
       * The in-flight marks the hub may be unable to check for itself (LinkedIn without r_member_social):
       * a run holds each until the person looks and resolves it. `message` says where to look and the commands.
       */
      needsYou: Array<ItemLine & { network: Network; startedAt: string; message: string }>;
      /** Pieces the policy holds until `syndication.reviewed: true`, with the words they matched. */
      held: Array<ItemLine & { matches: PolicyMatch[] }>;
    };

export type CredentialStatus = { present: true } | { present: false; missing: string[] };

export interface HubStatus {
  /** The site's language (site.yaml), which dates and numbers in the report are written in. */
  language: string;
  /** The moment status was taken for (`HUB_NOW` or the clock). */
  now: string;
  lastPost?: PieceLine | undefined;
  cadence: {
    currentStreak: CurrentStreak;
    longestStreak: Streak;
    daysSinceLastPost?: number | undefined;
    recent: { days30: number; days90: number; days365: number };
    averagePerWeek: number;
  };
  /** Future-dated pieces that are not drafts, soonest first: each goes live with the first build after its date. */
  scheduled: PieceLine[];
  drafts: PieceLine[];
  syndication: SyndicationStatus;
  credentials: Record<Network, CredentialStatus>;
  /** What will fail before it does: a LinkedIn version near its sunset, a token that cannot do what the hub asks. */
  warnings: TokenWarning[];
  /** When tokens end, where the network tells it (X's token file; Threads with `--check-tokens`); a near one is in `warnings` too. */
  tokens: TokenExpiry[];
  engagement: EngagementChange & { snapshots: number };
  /** Press mentions the press watch proposed that await the person's confirm or reject, oldest found first. */
  pressToReview: Array<{ id: string; outlet: string; headline: string; file: string }>;
  /** Invitations to speak with `outcome: pending`, oldest first: each waits for an answer. */
  pendingInvitations: InvitationLine[];
  /** The piece read most in the week before `now` (readers pulled by `collect`, docs/analytics.md); undefined when none was. */
  mostRead?: { key: string; title: string; reads: number } | undefined;
}

const DAY_MS = 86_400_000;
const utcDay = (date: Date): number => Math.floor(date.getTime() / DAY_MS);

/** Which networks have their credentials set, from the channels' own config readers; values are dropped. */
export function credentialStatus(
  env: Record<string, string | undefined>,
  registry: ReadonlyMap<Network, Channel>,
): Record<Network, CredentialStatus> {
  return Object.fromEntries(
    NETWORKS.map((network) => {
      let config: object | MissingCredentials;
      try {
        config = registry.get(network)!.config(env);
      } catch {
        // Set, but not usable as written (a LINKEDIN_VERSION that is not YYYYMM): the warnings say why.
        return [network, { present: true }];
      }
      return [network, 'missing' in config ? { present: false, missing: config.missing as string[] } : { present: true }];
    }),
  ) as Record<Network, CredentialStatus>;
}

type SyndicationLists = Pick<Extract<SyndicationStatus, { available: true }>, 'networks' | 'pending' | 'inFlight' | 'needsYou' | 'held'>;

/** Decided as `npm run syndicate` decides: posted, in flight, skipped, held for review, or pending. */
function syndicationOf(
  items: SyndicationItem[],
  ledger: Ledger,
  holds: Map<string, PolicyMatch[]>,
  credentials: Record<Network, CredentialStatus>,
  registry: ReadonlyMap<Network, Channel>,
  env: Record<string, string | undefined>,
): SyndicationLists {
  // A channel that takes only some pieces (the newsletter's NEWSLETTER_KINDS): the others are not its,
  // as syndicate decides. A setting it cannot read counts as yes: status reports, syndicate refuses.
  const takes = (item: SyndicationItem, network: Network): boolean => {
    try {
      return registry.get(network)!.accepts(item, env);
    } catch {
      return true;
    }
  };
  const networks = Object.fromEntries(
    NETWORKS.map((network): [Network, NetworkSyndication] => [
      network,
      { credentials: credentials[network].present, posted: 0, skipped: 0, held: 0, pending: [], inFlight: [] },
    ]),
  ) as Record<Network, NetworkSyndication>;
  const lists: Omit<SyndicationLists, 'networks'> = { pending: [], inFlight: [], needsYou: [], held: [] };
  // Oldest first, as syndicate posts them.
  for (const item of items.toSorted((a, b) => a.datePublished.localeCompare(b.datePublished) || a.key.localeCompare(b.key))) {
    const line = { key: item.key, title: item.title };
    const waiting: Network[] = [];
    let held = false;
    for (const network of NETWORKS) {
      const state = networks[network];
      const entry = ledger.items[item.key]?.networks[network];
      if (entry?.status === 'posted') state.posted += 1;
      else if (entry?.status === 'in-flight') {
        state.inFlight.push({ ...line, startedAt: entry.startedAt });
        lists.inFlight.push({ ...line, network, startedAt: entry.startedAt });
        const byHand = registry.get(network)!.confirmedByHand;
        if (byHand) {
          const message = describeHeld({ network, key: item.key, startedAt: entry.startedAt, why: byHand.why, lookAt: byHand.lookAt });
          lists.needsYou.push({ ...line, network, startedAt: entry.startedAt, message });
        }
      } else if (!takes(item, network)) continue;
      else if (item.skip.includes(network)) state.skipped += 1;
      else if (holds.has(item.key)) {
        state.held += 1;
        held = true;
      } else {
        state.pending.push(line);
        waiting.push(network);
      }
    }
    if (waiting.length > 0) lists.pending.push({ ...line, networks: waiting });
    // Held only matters while the piece still has somewhere to go.
    if (held) lists.held.push({ ...line, matches: holds.get(item.key)! });
  }
  return { networks, ...lists };
}

async function readSyndication(
  options: StatusOptions,
  credentials: Record<Network, CredentialStatus>,
  registry: ReadonlyMap<Network, Channel>,
): Promise<SyndicationStatus> {
  const source = options.feed ?? 'dist';
  const shown = (label: string): string => (/^https?:\/\//.test(label) ? label : relative(options.cwd, label) || label);
  let feed;
  try {
    feed = await loadFeed(source, { cwd: options.cwd, fetch: options.fetch ?? globalThis.fetch });
  } catch (error) {
    const missing = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    if (!missing) throw error;
    const file = shown(resolve(options.cwd, source.endsWith('.json') ? source : `${source}/feed.json`));
    return { available: false, feed: file, reason: 'build first (./hub build)' };
  }
  const ledger = await readLedger(resolve(options.cwd, LEDGER_FILE), LEDGER_FILE);
  const policy = await readPolicy(resolve(options.cwd, POLICY_FILE), POLICY_FILE);
  const holds = new Map(
    feed.items.flatMap((item) => {
      const matches = heldBy(policy, item);
      return matches ? [[item.key, matches] as const] : [];
    }),
  );
  return {
    available: true,
    feed: shown(feed.label),
    items: feed.items.length,
    ...syndicationOf(feed.items, ledger, holds, credentials, registry, options.env),
  };
}

/** Gathers the hub's status. Throws, naming the file and field, when an input file is broken. */
export async function hubStatus(options: StatusOptions): Promise<HubStatus> {
  const now = buildNow(options.env);
  const today = utcDay(now);
  const line = (piece: ContentPiece): PieceLine => ({
    kind: piece.kind,
    title: piece.title,
    date: piece.date.toISOString(),
    file: piece.file,
    days: utcDay(piece.date) - today,
  });

  const pieces = await readContentPieces(options.cwd);
  const published = pieces.filter((piece) => pieceState(piece, now) === 'published');
  const result = cadence(
    published.map((piece) => ({ ...piece, url: piece.file })),
    { now },
  );
  const registry = await channels();
  const credentials = credentialStatus(options.env, registry);
  const tokenOptions = {
    env: options.env,
    now: now.getTime(),
    online: options.checkTokens,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const [syndication, snapshots, found, tokens, invitations] = await Promise.all([
    readSyndication(options, credentials, registry),
    readSnapshots(resolve(options.cwd, EVIDENCE_FOLDER), options.cwd),
    tokenWarnings(tokenOptions, registry.values()),
    tokenExpiries(tokenOptions, registry.values()),
    readInvitations(options.cwd),
  ]);
  const warnings = [...found, ...tokens.filter((token) => token.warn).map(({ network, message }) => ({ network, message }))].sort(
    (a, b) => NETWORKS.indexOf(a.network) - NETWORKS.indexOf(b.network),
  );

  return {
    language: readSiteLanguage(options.cwd, options.env),
    now: now.toISOString(),
    lastPost: result.lastPost ? line(result.lastPost) : undefined,
    cadence: {
      currentStreak: result.currentStreak,
      longestStreak: result.longestStreak,
      daysSinceLastPost: result.daysSinceLastPost,
      recent: result.recent,
      averagePerWeek: result.averagePerWeek,
    },
    scheduled: pieces.filter((piece) => pieceState(piece, now) === 'scheduled').map(line),
    drafts: pieces.filter((piece) => pieceState(piece, now) === 'draft').map(line),
    syndication,
    credentials,
    warnings,
    tokens,
    engagement: { ...engagementSince(snapshots), snapshots: snapshots.length },
    pressToReview: (await pressAwaitingReview(options.cwd)).map(({ id, outlet, headline, file }) => ({ id, outlet, headline, file })),
    pendingInvitations: invitations
      .filter((invitation) => invitation.data.outcome === 'pending')
      .map((invitation) => ({
        event: invitation.data.event,
        organiser: invitation.data.organiser.name,
        asked: invitation.data.asked.toISOString().slice(0, 10),
        file: invitation.file,
      })),
    mostRead: await mostReadLine(options.cwd, mostReadThisWeek(snapshots, now)),
  };
}

/** The week's most-read piece with its title (or its key, for a piece whose file is gone). */
async function mostReadLine(
  root: string,
  most: { key: string; reads: number } | undefined,
): Promise<{ key: string; title: string; reads: number } | undefined> {
  if (!most) return undefined;
  return { ...most, title: (await readPieceTitles(root)).get(most.key) ?? most.key };
}
