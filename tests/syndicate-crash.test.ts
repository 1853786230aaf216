/**
 * The crash test: `node scripts/syndicate/cli.ts` is killed with SIGKILL at random (seeded) points —
 * after a random delay, or just after the n-th request reached a network (the window between a post
 * being made and the ledger recording it) — and rerun until a run exits 0. The networks live in this
 * process (a real Bluesky PDS and the fake servers, which also throw in random 429s, lost answers and
 * slow answers), so their state survives every kill. Then every network must hold exactly one post
 * per item, and the ledger must have been valid JSON after every kill.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseLedger } from '../src/contract/ledger.ts';
import { NETWORKS } from '../src/contract/networks.ts';
import type { FakeServer } from './helpers/fake-networks.ts';
import { armKill, type ArmedKill, type KillPoint } from './helpers/kill-point.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';
import { runCli } from './helpers/run-script.ts';
import {
  feedItem,
  makeSyndicationFixture,
  postsPerItem,
  startLocalNetworks,
  startPdsProcess,
  TOKENS,
  writeFeed,
  type FixtureItem,
  type LocalNetworks,
  type Pds,
  type SyndicationFixture,
} from './helpers/syndication.ts';

/**
 * Rounds go on until this many runs have been killed: the count is the design, never a race against
 * the clock, so a busy machine makes the test slower, not weaker. (The test's timeout only catches a
 * hang; each round also gives up after 25 runs that did not finish it.)
 */
const TARGET_KILLS = 50;

/** mulberry32: a small seeded generator, so a failing run can be repeated with the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env['HUB_CRASH_SEED'] ?? 20261125);
const random = seeded(SEED);

let pds: Pds;
let networks: LocalNetworks;
let fixture: SyndicationFixture;
let compileCache: string;

beforeAll(async () => {
  pds = await startPdsProcess();
  networks = await startLocalNetworks(pds);
  fixture = await makeSyndicationFixture([]);
  compileCache = await mkdtemp(join(tmpdir(), 'hub-compile-cache-'));
});
afterAll(async () => {
  await networks?.close();
  await pds?.close();
  await fixture?.cleanup();
  if (compileCache) await rm(compileCache, { recursive: true, force: true });
});

const servers = (): FakeServer[] => [networks.mastodon, networks.x, networks.linkedin, networks.threads, networks.newsletter];

/** Random faults on the fake servers: some 429s, lost answers and slow answers, never so many that a run cannot finish. */
function injectRandomFaults(): void {
  for (const server of servers()) {
    server.randomFault = (request) => {
      const roll = random();
      if (roll < 0.06) return { kind: 'status', status: 429, headers: { 'Retry-After': '0' } };
      if (request.method !== 'GET' && roll < 0.1) return { kind: 'lost-answer' };
      if (roll < 0.13) return { kind: 'status', status: 503 };
      if (roll < 0.16) return { kind: 'slow', delayMs: 150 };
      return undefined;
    };
  }
}

function requestCount(): number {
  return servers().reduce((sum, server) => sum + server.requests.length, 0);
}

interface RunOutcome {
  killed: boolean;
  /** Requests the networks saw during this run before it was killed (or ended). */
  requests: number;
  code: number | null;
  output: string;
}

/** Runs the CLI once; `kill` decides when (if at all) to SIGKILL it. */
async function runOnce(kill: KillPoint | undefined): Promise<RunOutcome> {
  const start = requestCount();
  let armed: ArmedKill | undefined;
  const run = await runCli(
    'syndicate',
    ['--feed', fixture.dist, '--request-timeout', String(ANSWER_TIMEOUT_MS / 1000), '--retry-budget', '3'],
    {
      cwd: fixture.root,
      env: { NODE_COMPILE_CACHE: compileCache, NO_COLOR: '1', ...networks.env },
      started: (child) => {
        armed = armKill(child, kill, () => requestCount() - start);
      },
    },
  );
  armed?.disarm();
  return { killed: armed?.killed() ?? false, requests: requestCount() - start, code: run.code, output: run.stdout + run.stderr };
}

test('SIGKILL at random points never leads to a second post', { timeout: 900_000 }, async () => {
  const started = Date.now();
  injectRandomFaults();
  const items: FixtureItem[] = [];
  let kills = 0;
  let killsDuringRequests = 0;
  let runs = 0;
  let round = 0;
  const outputs: string[] = [];

  while (kills < TARGET_KILLS) {
    // A few new pieces are published; the feed grows as a real site's does.
    round += 1;
    for (let i = 0; i < 3; i += 1) {
      const kind = (['essay', 'note', 'theory'] as const)[(round + i) % 3]!;
      items.push({
        kind,
        slug: `round-${round}-${i}`,
        title: `Round ${round}, piece ${i}`,
        date: new Date(Date.UTC(2026, 10, 1, round, i)).toISOString(),
        text: `Piece ${i} of round ${round}: community ownership decides whether the next wind farm gets built. Tell me where this is wrong.`,
      });
    }
    await writeFeed(fixture.dist, items);

    for (let attempt = 0; ; attempt += 1) {
      if (!pds.alive()) throw new Error('the PDS process died');
      if (attempt > 25) {
        throw new Error(`round ${round} did not finish after ${attempt} runs:\n${outputs.slice(-3).join('\n---\n')}`);
      }
      // Kill most runs; now and then let one run to the end (it may still fail on injected faults and be rerun).
      const mode = random();
      const kill =
        mode < 0.45
          ? { afterRequests: 1 + Math.floor(random() * 25), extraMs: Math.floor(random() * 15) }
          : mode < 0.85
            ? { afterMs: 300 + Math.floor(random() * 1000) }
            : undefined;
      const outcome = await runOnce(kill);
      runs += 1;
      outputs.push(outcome.output);
      // Whatever instant the kill hit, the ledger on disk is whole and valid.
      const text = await readFile(fixture.ledgerFile, 'utf8').catch(() => undefined);
      if (text !== undefined) parseLedger(text, fixture.ledgerFile);
      if (outcome.killed) {
        kills += 1;
        if (outcome.requests > 0) killsDuringRequests += 1;
        continue;
      }
      if (outcome.code === 0) break;
    }
  }

  const counts = await postsPerItem(networks);
  const expected = Object.fromEntries(items.map((item) => [feedItem(item).url, 1]));
  for (const network of NETWORKS) expect(Object.fromEntries(counts[network]), network).toEqual(expected);
  const ledger = parseLedger(await readFile(fixture.ledgerFile, 'utf8'), fixture.ledgerFile);
  for (const item of items) {
    for (const network of NETWORKS) expect(ledger.items[`${item.kind}/${item.slug}`]?.networks[network]?.status).toBe('posted');
  }
  const everything = outputs.join('\n') + JSON.stringify(ledger);
  for (const secret of [
    TOKENS.mastodon,
    TOKENS.linkedin,
    TOKENS.threads,
    TOKENS.bluesky,
    TOKENS.x.secret,
    TOKENS.x.tokenSecret,
    TOKENS.buttondown,
  ]) {
    expect(everything).not.toContain(secret);
  }
  console.log(
    `crash test (seed ${SEED}): ${kills} kill points (${killsDuringRequests} while requests were in progress), ${runs} runs, ${round} rounds, ${items.length} items × ${NETWORKS.length} networks, ${Math.round((Date.now() - started) / 1000)} s`,
  );
  expect(kills).toBeGreaterThanOrEqual(TARGET_KILLS);
});
