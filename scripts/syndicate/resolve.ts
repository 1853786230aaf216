/**
 * Settling an item a run held (`NeedsConfirmation`, networks/adapter.ts): an earlier attempt may have
 * posted it and the network will not let the hub look (LinkedIn without r_member_social). The person
 * looks, then says which it was:
 *
 *   ./hub run syndicate -- --resolve linkedin:essay/x="https://www.linkedin.com/feed/update/urn:li:share:7…/"
 *     it is there: recorded in the ledger as posted, with the post's URN read from the address;
 *   ./hub run syndicate -- --resolve linkedin:essay/x=not-posted
 *     it is not: the in-flight mark goes, and the next run posts it (once).
 *
 * Only an item in flight can be resolved. Every argument is checked, against the ledger too, before
 * anything is written; the ledger is written as a run writes it (atomically, under the same lock).
 */
import { resolve as resolvePath } from 'node:path';
import { PIECE_KINDS } from '../../src/contract/kinds.ts';
import { LEDGER_FILE, parseLedgerKey } from '../../src/contract/ledger.ts';
import { NETWORK_LABELS, NETWORKS, type Network } from '../../src/contract/networks.ts';
import { UsageError } from '../lib/cli.ts';
import { openLedger } from './ledger.ts';
import { acquireLock, ledgerLockFile } from '../lib/lock.ts';
import type { RemotePost } from '../channels/adapter.ts';
import { channels } from '../channels/registry.ts';

/** The value that says the post is not there. */
export const NOT_POSTED = 'not-posted';

/** What the person saw: the post (parsed from its address), or that it is not there (`posted` undefined). */
export interface Resolution {
  network: Network;
  /** The item's key, `essay/<slug>`, as the ledger and the held line name it. */
  key: string;
  posted?: RemotePost | undefined;
}

/** Reads one `--resolve <network>:<key>=<url>|not-posted`; a mistake is one `UsageError` line. */
export async function parseResolution(argument: string): Promise<Resolution> {
  const colon = argument.indexOf(':');
  const equals = argument.indexOf('=', colon + 1);
  if (colon <= 0 || equals < 0) {
    throw new UsageError(
      `--resolve ${argument}: expected <network>:<kind>/<slug>=<the post's URL> or =${NOT_POSTED}, e.g. linkedin:essay/owning-the-wind=${NOT_POSTED}`,
    );
  }
  const name = argument.slice(0, colon);
  const key = argument.slice(colon + 1, equals);
  const value = argument.slice(equals + 1);
  const where = `--resolve ${name}:${key}`;
  const registry = await channels();
  const resolvable = (): Network[] => [...registry.values()].filter((channel) => channel.confirmedByHand).map((channel) => channel.name);
  if (!(NETWORKS as readonly string[]).includes(name))
    throw new UsageError(`${where}: unknown network "${name}": expected ${resolvable().join(' or ')}`);
  const network = name as Network;
  const byHand = registry.get(network)!.confirmedByHand;
  if (!byHand) {
    throw new UsageError(
      `${where}: ${NETWORK_LABELS[network]} looks for its own copies before posting again, so it never holds an item; only ${resolvable().join(', ')} can be resolved`,
    );
  }
  if (!parseLedgerKey(key)) {
    const examples = PIECE_KINDS.map((kind) => `${kind}/<slug>`);
    throw new UsageError(
      `${where}: expected an item key like ${examples.slice(0, -1).join(', ')} or ${examples.at(-1)}, as the held line names it`,
    );
  }
  if (value === NOT_POSTED) return { network, key };
  try {
    return { network, key, posted: byHand.remoteFromUrl(value) };
  } catch (error) {
    throw new UsageError(`${where}: ${error instanceof Error ? error.message : String(error)}, or ${NOT_POSTED}`);
  }
}

export interface ResolveOptions {
  /** The project root: the ledger is read from its `content/`. */
  cwd: string;
  /** Default `content/evidence/syndication.json` under `cwd`. */
  ledgerFile?: string | undefined;
  resolutions: Resolution[];
}

/** Records each resolution in the ledger; returns one line per item saying what was recorded. */
export async function resolveHeld(options: ResolveOptions): Promise<string[]> {
  const label = options.ledgerFile ?? LEDGER_FILE;
  const file = resolvePath(options.cwd, label);
  const seen = new Set<string>();
  for (const { network, key } of options.resolutions) {
    if (seen.has(`${network}:${key}`)) throw new UsageError(`--resolve ${network}:${key}: given twice; say once which it is`);
    seen.add(`${network}:${key}`);
  }
  // The run's own lock: a run posting now cannot see the mark change under it.
  const release = await acquireLock(ledgerLockFile(file));
  try {
    const store = await openLedger(file, label);
    const ledger = store.snapshot();
    const changes = options.resolutions.map((resolution) => {
      const where = `--resolve ${resolution.network}:${resolution.key}`;
      const item = ledger.items[resolution.key];
      if (!item) throw new UsageError(`${where}: ${resolution.key} is not in ${label}; only an item in flight can be resolved`);
      const entry = item.networks[resolution.network];
      if (entry?.status !== 'in-flight') {
        const state = entry ? `is already recorded as posted there (${entry.url})` : 'was never sent there';
        throw new UsageError(
          `${where}: ${resolution.key} is not in flight on ${NETWORK_LABELS[resolution.network]}: it ${state}; only an item in flight can be resolved`,
        );
      }
      const { kind, slug } = parseLedgerKey(resolution.key)!;
      return { ...resolution, ref: { kind, slug, url: item.url }, startedAt: entry.startedAt };
    });
    const lines: string[] = [];
    for (const change of changes) {
      const name = `${NETWORK_LABELS[change.network]} ${change.key}`;
      if (change.posted) {
        // When it was posted is not known to the minute: the attempt that posted it started then.
        await store.markPosted(change.ref, change.network, { ...change.posted, postedAt: change.startedAt });
        lines.push(`${name}: recorded as posted, ${change.posted.url}`);
      } else {
        await store.clearInFlight(change.ref, change.network);
        lines.push(`${name}: recorded as not posted; the next run posts it`);
      }
    }
    return lines;
  } finally {
    await release();
  }
}

/** `2026-11-20 09:00 UTC`. */
function utcMinute(iso: string): string {
  const text = new Date(iso).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** The two commands that settle a held item, each with what it means. */
export function resolveCommands(network: Network, key: string): string[] {
  const commands = [
    [`./hub run syndicate -- --resolve ${network}:${key}="<the post's URL>"`, '(it is there)'],
    [`./hub run syndicate -- --resolve ${network}:${key}=${NOT_POSTED}`, '(it is not: post it on the next run)'],
  ] as const;
  const width = Math.max(...commands.map(([command]) => command.length));
  return commands.map(([command, meaning]) => `${command.padEnd(width)}   ${meaning}`);
}

/**
 * What the person reads about a held item (the run's summary, status): what happened, why the hub
 * cannot tell, where to look, and the two commands.
 */
export function describeHeld(held: { network: Network; key: string; startedAt: string; why: string; lookAt: string }): string {
  return [
    `${NETWORK_LABELS[held.network]} ${held.key}: an attempt on ${utcMinute(held.startedAt)} may have posted it, and ${held.why}. Look at ${held.lookAt}, then run one of:`,
    ...resolveCommands(held.network, held.key).map((command) => `  ${command}`),
  ].join('\n');
}
