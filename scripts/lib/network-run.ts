/**
 * What a run against the networks sets up before it touches one, the same for `syndicate()` and
 * `collect()`: the injections tests make (fetch, clock, sleep, randomness) or their real defaults, the
 * ledger's path, the networks chosen, the retry policy, each network's gate, the deps every adapter
 * and reader is given, and how an error becomes a printable message (secrets redacted). One home, so
 * the two runs cannot drift apart on, say, the default request timeout.
 */
import { resolve } from 'node:path';
import { LEDGER_FILE } from '../../src/contract/ledger.ts';
import { NETWORKS, type Network } from '../../src/contract/networks.ts';
import type { AdapterDeps } from '../channels/adapter.ts';
import type { Channel } from '../channels/channel.ts';
import { channels } from '../channels/registry.ts';
import { DEFAULT_GATE, networkGate, type GateSettings } from './network-gate.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';
import { redact } from './secrets.ts';
import { sleep } from './sleep.ts';

/** Per request, unless the run is told otherwise: a slow network must not hang the run. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** The options `syndicate()` and `collect()` both take. */
export interface NetworkRunOptions {
  /** The project root: the ledger is read from its `content/`. */
  cwd: string;
  /** Default `content/evidence/syndication.json` under `cwd`. */
  ledgerFile?: string;
  env: Record<string, string | undefined>;
  /** Only these networks. */
  only?: Network[];
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** When a network is given up for this run: requests in a row without an answer, and its deadline (network-gate.ts). */
  gate?: Partial<Omit<GateSettings, 'now'>>;
  /** Progress lines, one per event (the CLI prints them on stderr). */
  log?: (line: string) => void;
}

export interface NetworkRun {
  /** The channels by name (loading them registers their secret variables, which `clean` hides). */
  registry: ReadonlyMap<Network, Channel>;
  now: () => number;
  log: (line: string) => void;
  /** A text with the secrets of `env` (and those registered while running) hidden. */
  clean: (text: string) => string;
  /** An error's message, cleaned. */
  message: (error: unknown) => string;
  /** The ledger's absolute path, and the path as given, for messages. */
  ledgerFile: string;
  ledgerLabel: string;
  /** The networks to run, in the order of NETWORKS. */
  networks: Network[];
  retryPolicy: RetryPolicy;
  retryDeps: { sleep: (ms: number) => Promise<void>; now: () => number; random: () => number };
  /** What every adapter and reader is given besides its credentials. */
  deps: AdapterDeps;
  /** A fresh gate for one network in this run. */
  gateFor: (network: Network) => ReturnType<typeof networkGate>;
}

export async function networkRun(options: NetworkRunOptions): Promise<NetworkRun> {
  // Loaded first: loading registers the channels' secret variables, which `redact` hides from here on.
  const registry = await channels();
  const fetcher = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const log = options.log ?? (() => undefined);
  const clean = (text: string): string => redact(text, options.env);
  return {
    registry,
    now,
    log,
    clean,
    message: (error) => clean(error instanceof Error ? error.message : String(error)),
    ledgerFile: resolve(options.cwd, options.ledgerFile ?? LEDGER_FILE),
    ledgerLabel: options.ledgerFile ?? LEDGER_FILE,
    networks: NETWORKS.filter((network) => !options.only || options.only.includes(network)),
    retryPolicy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    retryDeps: { sleep: wait, now, random: options.random ?? Math.random },
    deps: { fetch: fetcher, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, now, sleep: wait, log },
    gateFor: (network) => networkGate(network, { ...DEFAULT_GATE, ...options.gate, now }),
  };
}
