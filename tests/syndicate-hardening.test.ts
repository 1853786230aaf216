/**
 * Issue 14 (hardening): what an independent review broke in syndication, one test per finding,
 * against the same local networks as syndicate-networks.test.ts (a real PDS and fake servers).
 */
import { readFile, rm } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { NETWORKS } from '../src/contract/networks.ts';
import { runCli } from './helpers/run-script.ts';
import { startSilentServer } from './helpers/silent-server.ts';
import { postsPerItem, SAMPLE_ESSAY, type FixtureItem } from './helpers/syndication.ts';
import { useLocalSyndication } from './helpers/local-syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const NOTES: FixtureItem[] = [1, 2, 3].map((day) => ({
  kind: 'note',
  slug: `2026-10-0${day}-note`,
  date: `2026-10-0${day}T08:00:00.000Z`,
  text: `Note ${day} on community energy.`,
}));

const ESSAY: FixtureItem = { ...SAMPLE_ESSAY, tags: ['community energy'] };

// A generous answer time: under load a local answer can take seconds, and no test here races it (the tests of
// silence and slowness set their own short timeoutMs).
const local = useLocalSyndication({ timeoutMs: ANSWER_TIMEOUT_MS, retry: { totalMs: 2000, baseDelayMs: 20 } });
const setUp = (items: FixtureItem[] = [ESSAY]): Promise<void> => local.setUp(items);
const run = local.run;

describe('secrets (items 1 and 2)', () => {
  test('1: the Bluesky session JWTs obtained at login are never shown, though the server echoes the request', async () => {
    await setUp();
    let accessJwt = '';
    // A PDS whose createRecord answers 400 with the request's Authorization header in its message.
    const echoing: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('com.atproto.repo.createRecord')) {
        const authorization = new Request(input, init).headers.get('authorization') ?? '';
        return Response.json(
          { error: 'InvalidRequest', message: `rejected request with Authorization: ${authorization}` },
          { status: 400 },
        );
      }
      const response = await fetch(input, init);
      if (url.includes('com.atproto.server.createSession'))
        accessJwt = ((await response.clone().json()) as { accessJwt: string }).accessJwt;
      return response;
    };
    const lines: string[] = [];
    const result = await run({ only: ['bluesky'], fetch: echoing, log: (line) => lines.push(line) });
    expect(accessJwt.length).toBeGreaterThan(20);
    expect(result.failed).toBe(1);
    const everything = JSON.stringify(result) + lines.join('\n');
    expect(everything).toContain('Bearer [redacted]');
    expect(everything).not.toContain(accessJwt);
  });

  test('2: an X access token with + / = echoed percent-encoded in an OAuth header is never shown (CLI stdout, stderr, --json)', async () => {
    await setUp();
    const token = 'x-access+tok/en==0003';
    const echoed = `OAuth oauth_consumer_key="x-consumer-key", oauth_token="${encodeURIComponent(token)}"`;
    local.networks.x.faults.push({
      kind: 'status',
      status: 400,
      json: { title: 'Invalid Request', detail: `bad header: ${echoed}` },
      when: () => true,
      times: 1000,
    });
    const env = { ...local.networks.env, X_ACCESS_TOKEN: token };
    for (const args of [
      ['--only', 'x'],
      ['--only', 'x', '--json'],
    ]) {
      const { code, stdout, stderr } = await runCli('syndicate', [...args, '--retry-budget', '1'], {
        cwd: local.fixture.root,
        env,
      });
      expect(code).toBe(1);
      expect(stdout + stderr).toContain('oauth_token="[redacted]"');
      expect(stdout + stderr).not.toContain(encodeURIComponent(token));
    }
  });
});

describe('server text in the terminal (item 3)', () => {
  test('3: ANSI/OSC escapes, bare CR and newlines a server wrote reach neither stdout, stderr nor --json', async () => {
    await setUp();
    const hostile = 'boom\u001b[2J\u001b]0;pwned\u0007\rPOSTED OK\n::error::fake\u009b31m';
    local.networks.mastodon.faults.push({
      kind: 'status',
      status: 422,
      json: { error: hostile },
      when: (request) => request.method === 'POST',
      times: 1000,
    });
    for (const args of [
      ['--only', 'mastodon'],
      ['--only', 'mastodon', '--json'],
    ]) {
      const { code, stdout, stderr } = await runCli('syndicate', args, {
        cwd: local.fixture.root,
        env: local.networks.env,
      });
      expect(code).toBe(1);
      // eslint-disable-next-line no-control-regex -- asserts no control character reaches the terminal
      expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(stdout + stderr).not.toMatch(/\\u001b|\\r/);
      // A line a server wrote never starts a line of ours (a workflow command on GitHub Actions).
      expect(stdout + stderr).not.toMatch(/^::error::/m);
      if (args.includes('--json')) expect(JSON.parse(stdout).failed).toBe(1);
    }
  });
});

describe('a network that never answers, or asks for an hour (items 13 and 14)', () => {
  test('13: a server that accepts and never answers is given up after 3 silent requests; the others finish; said once', async () => {
    await setUp(NOTES);
    const silent = await startSilentServer();
    try {
      const lines: string[] = [];
      const result = await run({
        env: { ...local.networks.env, THREADS_API_URL: silent.url },
        timeoutMs: 1500,
        sleep: async () => undefined,
        retry: { totalMs: 600_000, baseDelayMs: 1 },
        log: (line) => lines.push(line),
      });
      expect(silent.requests()).toBe(3);
      const threads = result.rows.filter((row) => row.network === 'threads');
      expect(threads).toEqual([
        {
          item: 'all',
          network: 'threads',
          status: 'failed',
          detail: expect.stringMatching(/no answer from Threads 3 times in a row.*3 items left for the next run/),
        },
      ]);
      expect(lines.filter((line) => line.startsWith('Threads: stopped'))).toHaveLength(1);
      expect(result.rows.filter((row) => row.status === 'posted')).toHaveLength(NOTES.length * (NETWORKS.length - 1));
      expect(result.failed).toBe(1);
    } finally {
      await silent.close();
    }
  });

  test('14: Retry-After: 3600 defers that network’s items to the next run, asked once, and says so; nothing failed', async () => {
    await setUp(NOTES);
    local.networks.mastodon.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '3600' },
      when: (request) => request.method === 'POST',
      times: 1000,
    });
    const result = await run({ retry: { totalMs: 120_000, baseDelayMs: 1 }, sleep: async () => undefined });
    expect(local.networks.mastodon.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(result.rows.filter((row) => row.network === 'mastodon')).toEqual([
      {
        item: 'all',
        network: 'mastodon',
        status: 'deferred',
        detail: expect.stringMatching(/429.*asked to wait 60 minutes.*3 items left for the next run/),
      },
    ]);
    expect(result.failed).toBe(0);
    expect(result.rows.filter((row) => row.status === 'posted')).toHaveLength(NOTES.length * (NETWORKS.length - 1));
    // Refused, so nothing was posted: no in-flight mark stays, and the next run posts them afresh.
    const ledger = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    expect(Object.values(ledger.items).filter((entry: any) => entry.networks.mastodon)).toEqual([]);
  });
});

describe('exactly once without the ledger (item 12)', () => {
  test('12: post, delete the ledger, 45 newer Mastodon statuses, 130 newer X and Threads posts since: a rerun posts nothing again, anywhere, and rebuilds the ledger', async () => {
    await setUp(NOTES.slice(0, 2));
    const first = await run();
    expect(first.rows.filter((row) => row.status === 'posted')).toHaveLength(2 * NETWORKS.length);
    const before = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    // Newer than the copies and past the 40 a page Mastodon reads at once.
    const next = Number(local.networks.mastodon.statuses.at(-1)!.id) + 1;
    for (let i = 0; i < 45; i += 1)
      local.networks.mastodon.statuses.push({ id: String(next + i), text: `Unrelated status ${i}`, idempotencyKey: undefined });
    // Past the 100 a page X's timeline gives and the 50 the Threads look used to read.
    const later = new Date(Date.now() + 60_000).toISOString();
    for (let i = 0; i < 130; i += 1)
      local.networks.x.tweets.push({ id: String(1_870_000_000_000_000_000n + BigInt(i)), text: `Unrelated post ${i}`, createdAt: later });
    for (let i = 0; i < 130; i += 1)
      local.networks.threads.published.push({
        id: `1900${i}`,
        text: `Unrelated thread ${i}`,
        link: undefined,
        container: `c${i}`,
        timestamp: later,
      });
    await rm(local.fixture.ledgerFile);
    local.networks.mastodon.expireIdempotencyKeys();

    const requests = () =>
      [local.networks.mastodon, local.networks.x, local.networks.linkedin, local.networks.threads, local.networks.newsletter].flatMap(
        (server) => server.requests,
      );
    const postsBefore = requests().filter((request) => request.method === 'POST').length;
    // A day later: Mastodon's Idempotency-Key window (an hour) is long gone.
    const rerun = await run({ now: () => Date.now() + 86_400_000 });
    expect(rerun.failed).toBe(0);
    expect(rerun.rows.filter((row) => row.status === 'posted')).toHaveLength(2 * NETWORKS.length);
    const perItem = await postsPerItem(local.networks);
    for (const network of NETWORKS) {
      expect([...perItem[network].values()], network).toEqual([1, 1]);
    }
    // Only reads went out (Threads and LinkedIn publish with POSTs; none of them was sent again).
    expect(requests().filter((request) => request.method === 'POST').length).toBe(postsBefore);
    const after = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    for (const [key, item] of Object.entries(before.items) as Array<[string, any]>) {
      for (const [network, entry] of Object.entries(item.networks) as Array<[string, any]>) {
        expect(after.items[key].networks[network], `${key} ${network}`).toMatchObject({ status: 'posted', remoteId: entry.remoteId });
      }
    }
  }, 60_000);
});

describe('a rejected credential (item 21)', () => {
  test('21: a token the network rejects (401) is reported once, that network stops, the others post everything', async () => {
    await setUp(NOTES);
    local.networks.linkedin.faults.push({
      kind: 'status',
      status: 401,
      json: { status: 401, message: 'Invalid access token' },
      when: () => true,
      times: 1000,
    });
    const result = await run();
    expect(result.rows.filter((row) => row.network === 'linkedin')).toEqual([
      {
        item: 'all',
        network: 'linkedin',
        status: 'failed',
        detail: expect.stringMatching(/LinkedIn rejected the credentials: .*401.*3 items left for the next run/),
      },
    ]);
    expect(result.failed).toBe(1);
    expect(result.rows.filter((row) => row.status === 'posted')).toHaveLength(NOTES.length * (NETWORKS.length - 1));
    // Asked once, not once per piece.
    expect(local.networks.linkedin.requests.filter((request) => request.method === 'POST' || request.path === '/rest/posts')).toHaveLength(
      1,
    );
  });
});
