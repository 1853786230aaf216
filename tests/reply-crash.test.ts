/**
 * The crash test for answers: `node scripts/reply/cli.ts` is killed with SIGKILL at each point of its
 * run — just after the n-th request reached the network (the window between an answer being made and
 * the answers ledger recording it), and after a delay — then rerun until it exits 0. The networks
 * live in this process, so their state survives every kill; each must then hold exactly one answer
 * under the reply, and the answers ledger must have been valid after every kill. The same approach as
 * tests/syndicate-crash.test.ts, on the networks without an idempotency key of their own (X, Threads)
 * and on Mastodon's (an Idempotency-Key); Bluesky's record key is covered by tests/reply.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ANSWERS_FILE, parseAnswers } from '../src/contract/answers.ts';
import type { FakeServer, Fault } from './helpers/fake-networks.ts';
import { useLocalSyndication } from './helpers/local-syndication.ts';
import { syndicatedWithReplies, type Answerable, type RepliedCopies } from './helpers/reply-fixture.ts';
import { runCli } from './helpers/run-script.ts';
import { armKill, type ArmedKill, type KillPoint } from './helpers/kill-point.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const local = useLocalSyndication({ timeoutMs: ANSWER_TIMEOUT_MS, retry: { totalMs: 4000, baseDelayMs: 20 } });

let compileCache: string;
beforeAll(async () => {
  compileCache = await mkdtemp(join(tmpdir(), 'hub-compile-cache-'));
});
afterAll(async () => {
  if (compileCache) await rm(compileCache, { recursive: true, force: true });
});

/** Runs the CLI once, killed with SIGKILL once `server` has seen `afterRequests` more requests (plus `extraMs`), or after `afterMs`. */
async function runOnce(
  args: string[],
  server: FakeServer,
  kill: KillPoint | undefined,
): Promise<{ killed: boolean; code: number | null; output: string }> {
  const start = server.requests.length;
  // The network handles the n-th request (the answer exists) and holds its reply a while, so the kill
  // lands in the window between the answer being made and the ledger recording it, however fast or
  // loaded the machine is; without the hold, a quick run could finish before the kill.
  const hold: Fault | undefined =
    kill?.afterRequests === undefined
      ? undefined
      : { kind: 'slow', delayMs: 5000, times: 1, when: () => server.requests.length - start === kill.afterRequests };
  if (hold) server.faults.push(hold);
  let armed: ArmedKill | undefined;
  const run = await runCli('reply', args, {
    cwd: local.fixture.root,
    env: { ...local.networks.env, NODE_COMPILE_CACHE: compileCache, NO_COLOR: '1' },
    started: (child) => {
      armed = armKill(child, kill, () => server.requests.length - start);
    },
  });
  armed?.disarm();
  if (hold) server.faults.splice(server.faults.indexOf(hold), 1);
  return { killed: armed?.killed() ?? false, code: run.code, output: run.stdout + run.stderr };
}

const answersUnder: Record<Exclude<Answerable, 'bluesky' | 'linkedin'>, (replied: RepliedCopies) => number> = {
  mastodon: ({ replies }) => local.networks.mastodon.statuses.filter((status) => status.inReplyToId === replies.mastodon.id).length,
  x: ({ replies }) => local.networks.x.tweets.filter((tweet) => tweet.inReplyTo === replies.x.id).length,
  threads: ({ replies }) => local.networks.threads.published.filter((media) => media.replyTo === replies.threads.id).length,
};

test.each(Object.keys(answersUnder) as Array<keyof typeof answersUnder>)(
  'SIGKILL at each request of an answer on %s never leads to a second answer',
  { timeout: 900_000 },
  async (network) => {
    const replied = await syndicatedWithReplies(local);
    const server = local.networks[network];
    // The kill points: after each request the answer makes (reading the reply, looking, creating, publishing), then later.
    const kills = [{ afterRequests: 1 }, { afterRequests: 2 }, { afterRequests: 3 }, { afterMs: 2500 }];
    // Kills at a request, counted: how many requests an answer makes differs by network (X's is one), so
    // later request points may never come, and the timed point lands only if the run is still going then.
    // Each request point that comes is a kill (the network holds that request's reply: see runOnce).
    let killedAtRequest = 0;
    for (const [round, kill] of kills.entries()) {
      // A fresh mark at each round: the answers ledger is removed once an answer is recorded, and the reply answered again (its answers counted).
      const outcome = await runOnce([replied.ids[network], `Answer ${round} on ${network}.`], server, kill);
      if (outcome.killed && kill.afterRequests !== undefined) killedAtRequest += 1;
      const text = await readFile(join(local.fixture.root, ANSWERS_FILE), 'utf8').catch(() => undefined);
      if (text !== undefined) parseAnswers(text, ANSWERS_FILE);
      // Rerun until it says done: either the answer is posted by the rerun or it was already there.
      for (let attempt = 0; ; attempt += 1) {
        const rerun = await runOnce([replied.ids[network], `Answer ${round} on ${network}.`], server, undefined);
        if (rerun.code === 0 || /already answered/.test(rerun.output)) break;
        if (attempt > 5) throw new Error(`round ${round} did not finish:\n${rerun.output}`);
      }
      expect(answersUnder[network](replied), `${network}, round ${round}`).toBe(round + 1);
      const ledger = parseAnswers(await readFile(join(local.fixture.root, ANSWERS_FILE), 'utf8'), ANSWERS_FILE);
      expect(ledger.answers[replied.ids[network]]?.status).toBe('posted');
      // The next round answers the same reply afresh: its posted entry goes, the network keeps the answers.
      await rm(join(local.fixture.root, ANSWERS_FILE));
    }
    // The test tested something: at least one run died just after its request reached the network.
    expect(killedAtRequest).toBeGreaterThanOrEqual(1);
  },
);
