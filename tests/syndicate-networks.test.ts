/**
 * `syndicate()` against every network running locally: a real Bluesky PDS in-process and fake
 * Mastodon, X, LinkedIn and Threads servers that follow the documented contracts, with faults
 * injected (lost answers, 429 with Retry-After, slow and failing answers).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { NETWORKS } from '../src/contract/networks.ts';
import type { NetworkAdapter } from '../scripts/channels/adapter.ts';
import { recordKey } from '../scripts/channels/bluesky/adapter.ts';
import { channel } from '../scripts/channels/registry.ts';
import { blueskyPosts, postsPerItem, TOKENS, SITE, type FixtureItem } from './helpers/syndication.ts';
import { useLocalSyndication } from './helpers/local-syndication.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const ITEMS: FixtureItem[] = [
  {
    kind: 'essay',
    slug: 'owning-the-wind',
    title: 'Why the people who host the turbine should own it',
    date: '2026-09-14T00:00:00.000Z',
    tags: ['community energy'],
    text: 'Community ownership is not a nice extra on a wind farm (it decides #everything). It is the thing that decides whether the next one gets built.',
  },
  {
    kind: 'note',
    slug: '2026-10-05-village-hall',
    date: '2026-10-05T18:40:00.000Z',
    tags: ['community energy'],
    text: 'Spent the evening at a village hall in the Mendips 👋🏽 answering questions about a solar farm. The right answer is: you do.',
  },
  {
    kind: 'theory',
    slug: 'trust-before-turbines',
    title: 'Local trust is the binding constraint on clean energy',
    date: '2026-07-12T00:00:00.000Z',
    text: 'We have the machines and most of the money. What we lack is consent.',
  },
];
const URLS = [`${SITE}/essays/owning-the-wind/`, `${SITE}/notes/2026-10-05-village-hall/`, `${SITE}/theories/trust-before-turbines/`];

// A generous answer time: under load a local answer can take seconds, and no test here races it (the tests of
// silence and slowness set their own short timeoutMs).
const local = useLocalSyndication({ timeoutMs: ANSWER_TIMEOUT_MS, retry: { totalMs: 8000, baseDelayMs: 50 } });
const setUp = (items: FixtureItem[] = ITEMS, policy?: string): Promise<void> => local.setUp(items, policy);
const run = local.run;

function postRequests(): number {
  return [local.networks.mastodon, local.networks.x, local.networks.linkedin, local.networks.threads, local.networks.newsletter]
    .flatMap((server) => server.requests)
    .filter((request) => request.method !== 'GET').length;
}

function expectOnePostPerItem(counts: Awaited<ReturnType<typeof postsPerItem>>, urls = URLS, only: readonly string[] = NETWORKS): void {
  for (const network of only) {
    expect(Object.fromEntries(counts[network as keyof typeof counts]), network).toEqual(Object.fromEntries(urls.map((url) => [url, 1])));
  }
}

describe('syndicate against local networks', () => {
  test('posts every new item once to every network, as each network’s contract asks, and records it', async () => {
    await setUp();
    const result = await run();
    expect(result.failed).toBe(0);
    expect(result.rows.filter((row) => row.status === 'posted')).toHaveLength(ITEMS.length * NETWORKS.length);
    expectOnePostPerItem(await postsPerItem(local.networks));

    // Bluesky: a deterministic record key, facets with byte offsets, an external card with an uploaded thumbnail.
    const records = await blueskyPosts(local.networks);
    const essay = records.find((record) => record.value.embed.external.uri === URLS[0])!;
    expect(essay.uri.split('/').pop()).toBe(recordKey('essay/owning-the-wind', '2026-09-14T00:00:00.000Z'));
    expect(essay.value.embed).toMatchObject({
      $type: 'app.bsky.embed.external',
      external: { title: 'Why the people who host the turbine should own it', uri: URLS[0] },
    });
    expect(essay.value.embed.external.thumb).toMatchObject({ mimeType: 'image/png' });
    const tag = essay.value.facets.find((facet: any) => facet.features[0].$type === 'app.bsky.richtext.facet#tag');
    expect(Buffer.from(essay.value.text).subarray(tag.index.byteStart, tag.index.byteEnd).toString()).toBe('#everything');

    // Mastodon: every request carried an Idempotency-Key.
    expect(local.networks.mastodon.statuses.every((status) => status.idempotencyKey?.length === 32)).toBe(true);
    // LinkedIn: the thumbnail was uploaded first; the commentary is escaped Little Text Format.
    const linkedinEssay = local.networks.linkedin.posts.find((post) => post.body.content.article.source === URLS[0])!;
    expect(local.networks.linkedin.images.has(linkedinEssay.body.content.article.thumbnail)).toBe(true);
    expect(linkedinEssay.body.commentary).toContain('\\(it decides \\#everything\\)');
    // Threads: created as a container, then published.
    expect(local.networks.threads.requests.filter((request) => request.path.endsWith('/threads_publish'))).toHaveLength(3);

    const ledger = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    for (const network of NETWORKS)
      expect(ledger.items['essay/owning-the-wind'].networks[network]).toMatchObject({
        status: 'posted',
        url: expect.stringMatching(/^https?:\/\//),
      });

    // A second run finds nothing new and sends nothing.
    const before = postRequests();
    const again = await run();
    expect(again.rows).toEqual([]);
    expect(again.alreadyPosted).toBe(ITEMS.length * NETWORKS.length);
    expect(postRequests()).toBe(before);
    expect(await blueskyPosts(local.networks)).toHaveLength(3);
  });

  test('each adapter reads back what it posted', async () => {
    await setUp(ITEMS.slice(0, 1));
    await run();
    const ledger = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    const deps = { fetch: globalThis.fetch, timeoutMs: ANSWER_TIMEOUT_MS, now: Date.now };
    for (const network of NETWORKS) {
      const adapter = (await channel(network)).adapter(local.networks.env, deps);
      if ('missing' in adapter) throw new Error(`${network}: ${adapter.missing.join(', ')}`);
      const { remoteId, url } = ledger.items['essay/owning-the-wind'].networks[network];
      expect(await adapter.readBack({ remoteId, url }), network).toMatchObject({ remoteId, exists: true });
    }
    const mastodon = (await channel('mastodon')).adapter(local.networks.env, deps) as NetworkAdapter;
    expect((await mastodon.readBack({ remoteId: '999', url: 'https://m.example/999' })).exists).toBe(false);
  });

  test('a post whose answer was lost is not posted twice', async () => {
    await setUp();
    const isPost = (path: RegExp) => (request: { method: string; path: string }) => request.method === 'POST' && path.test(request.path);
    local.networks.mastodon.faults.push({ kind: 'lost-answer', when: isPost(/statuses$/), times: 2 });
    local.networks.x.faults.push({ kind: 'lost-answer', when: isPost(/tweets$/), times: 2 });
    local.networks.linkedin.faults.push({ kind: 'lost-answer', when: isPost(/rest\/posts$/), times: 2 });
    local.networks.threads.faults.push({ kind: 'lost-answer', when: isPost(/threads_publish$/), times: 2 });
    const result = await run();
    expect(result.failed).toBe(0);
    expectOnePostPerItem(await postsPerItem(local.networks));
  });

  test('after a crash (in-flight marks in the ledger, posts on the networks) a rerun finds the posts instead of posting again', async () => {
    await setUp();
    await run();
    const ledger = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    for (const item of Object.values(ledger.items) as Array<{ networks: Record<string, unknown> }>) {
      for (const network of NETWORKS) item.networks[network] = { status: 'in-flight', startedAt: new Date().toISOString() };
    }
    await writeFile(local.fixture.ledgerFile, JSON.stringify(ledger));
    const result = await run();
    expect(result.failed).toBe(0);
    expect(result.rows.filter((row) => row.status === 'posted')).toHaveLength(ITEMS.length * NETWORKS.length);
    expectOnePostPerItem(await postsPerItem(local.networks));
    // Mastodon was asked again with the same key and answered with the status it had.
    const keys = local.networks.mastodon.requests
      .filter((request) => request.method === 'POST')
      .map((request) => request.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toHaveLength(6);
  });

  test('honours Retry-After and x-rate-limit-reset on 429', async () => {
    await setUp(ITEMS.slice(0, 1));
    local.networks.mastodon.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '1' },
      when: (request) => request.method === 'POST',
      times: 1,
    });
    local.networks.x.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
      when: (request) => request.method === 'POST',
      times: 1,
    });
    const lines: string[] = [];
    const started = Date.now();
    const result = await run({ only: ['mastodon', 'x'], log: (line) => lines.push(line) });
    expect(result.failed).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(lines.some((line) => /Mastodon essay\/owning-the-wind: .*429.*retrying in 1\.\d s/.test(line))).toBe(true);
    expectOnePostPerItem(await postsPerItem(local.networks), URLS.slice(0, 1), ['mastodon', 'x']);
  });

  test('slow answers time out and are retried without a second post; a dropped connection too', async () => {
    await setUp(ITEMS.slice(0, 2));
    local.networks.threads.faults.push({
      kind: 'slow',
      delayMs: 1500,
      when: (request) => request.path.endsWith('/threads_publish'),
      times: 1,
    });
    local.networks.x.faults.push({ kind: 'drop', when: (request) => request.method === 'POST', times: 1 });
    local.networks.linkedin.faults.push({
      kind: 'slow',
      delayMs: 1500,
      when: (request) => request.method === 'POST' && request.path === '/rest/posts',
      times: 1,
    });
    const result = await run({ only: ['threads', 'x', 'linkedin'], timeoutMs: 500 });
    expect(result.failed).toBe(0);
    expectOnePostPerItem(await postsPerItem(local.networks), URLS.slice(0, 2), ['threads', 'x', 'linkedin']);
  });

  test('one network failing does not stop the others; the failure is reported and the ledger keeps what succeeded', async () => {
    await setUp(ITEMS.slice(0, 2));
    local.networks.linkedin.faults.push({ kind: 'status', status: 503, when: (request) => request.method === 'POST', times: 1000 });
    const result = await run({ retry: { totalMs: 1500, baseDelayMs: 50 } });
    expect(result.failed).toBe(2);
    expect(result.rows.filter((row) => row.status === 'failed').map((row) => row.network)).toEqual(['linkedin', 'linkedin']);
    expect(result.rows.find((row) => row.status === 'failed')?.detail).toMatch(
      /\[POST\] http:\/\/127\.0\.0\.1:\d+\/rest\/images\?action=initializeUpload: 503/,
    );
    const ledger = JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
    expect(ledger.items['essay/owning-the-wind'].networks.bluesky.status).toBe('posted');
    // Every attempt failed at the image upload, before the post request: nothing can have been posted, so no mark stays.
    expect(ledger.items['essay/owning-the-wind'].networks.linkedin).toBeUndefined();
    expectOnePostPerItem(await postsPerItem(local.networks), URLS.slice(0, 2), ['bluesky', 'mastodon', 'x', 'threads']);
  });

  test('never shows a token, even when a network echoes it back in an error', async () => {
    await setUp(ITEMS.slice(0, 1));
    local.networks.linkedin.faults.push({
      kind: 'status',
      status: 400,
      json: { status: 400, message: `Bad token ${TOKENS.linkedin}` },
      when: () => true,
      times: 1000,
    });
    local.networks.threads.faults.push({
      kind: 'status',
      status: 400,
      json: { error: { message: `token=${TOKENS.threads} refused` } },
      when: () => true,
      times: 1000,
    });
    const lines: string[] = [];
    const result = await run({ log: (line) => lines.push(line) });
    expect(result.failed).toBe(2);
    const everything = JSON.stringify(result) + lines.join('\n') + (await readFile(local.fixture.ledgerFile, 'utf8'));
    expect(everything).toContain('[redacted]');
    for (const secret of [
      TOKENS.linkedin,
      TOKENS.threads,
      TOKENS.mastodon,
      TOKENS.bluesky,
      TOKENS.x.secret,
      TOKENS.x.tokenSecret,
      TOKENS.x.token,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  test('a network without credentials is skipped with one clear line', async () => {
    await setUp(ITEMS.slice(0, 1));
    const { THREADS_TOKEN: _token, ...env } = local.networks.env;
    const lines: string[] = [];
    const result = await run({ env, log: (line) => lines.push(line) });
    expect(lines.filter((line) => line.startsWith('Threads'))).toEqual(['Threads: skipped — no credentials: set THREADS_TOKEN']);
    expect(result.rows.find((row) => row.network === 'threads')).toMatchObject({ status: 'no credentials' });
    expect(local.networks.threads.requests).toEqual([]);
    expect(result.failed).toBe(0);
  });

  test('the threads_publish answer without an id is settled by polling the container', async () => {
    await setUp(ITEMS.slice(0, 1));
    local.networks.threads.publishWithoutId = 1;
    const result = await run({ only: ['threads'] });
    expect(result.failed).toBe(0);
    expect(local.networks.threads.published).toHaveLength(1);
    expect(result.rows[0]?.url).toMatch(/\/@morwennahale\/post\/\d+$/);
  });

  test('--dry-run posts nothing and writes nothing; --only and --item narrow a run', async () => {
    await setUp();
    const dry = await run({ dryRun: true });
    expect(dry.planned).toHaveLength(ITEMS.length * NETWORKS.length);
    expect(dry.planned.find((post) => post.network === 'bluesky' && post.item === 'essay/owning-the-wind')?.thumbnail).toMatchObject({
      mimeType: 'image/png',
    });
    expect(postRequests()).toBe(0);
    expect(await blueskyPosts(local.networks)).toHaveLength(0);
    expect(existsSync(local.fixture.ledgerFile)).toBe(false);

    const narrow = await run({ only: ['mastodon'], items: ['owning-the-wind'] });
    expect(narrow.rows.map((row) => [row.item, row.network, row.status])).toEqual([['essay/owning-the-wind', 'mastodon', 'posted']]);
    expect(local.networks.mastodon.statuses).toHaveLength(1);
  });

  test('holds an item the policy lists until it is marked reviewed; front-matter skips are honoured', async () => {
    const policy = 'review:\n  - topic: fracking\n    words: [fracking]\n';
    await setUp(
      [
        { kind: 'note', slug: 'held', date: '2026-10-28T08:15:00.000Z', text: 'A boycott because of what I wrote about fracking.' },
        { kind: 'note', slug: 'reviewed', date: '2026-10-29T08:15:00.000Z', text: 'More about fracking, checked.', reviewed: true },
        { kind: 'note', slug: 'not-on-x', date: '2026-10-30T08:15:00.000Z', text: 'Only where it fits.', skip: ['x'] },
      ],
      policy,
    );
    const result = await run({ only: ['mastodon', 'x'] });
    expect(result.rows.map((row) => [row.item, row.network, row.status])).toEqual([
      ['note/held', 'all', 'held'],
      ['note/reviewed', 'mastodon', 'posted'],
      ['note/reviewed', 'x', 'posted'],
      ['note/not-on-x', 'mastodon', 'posted'],
      ['note/not-on-x', 'x', 'skipped'],
    ]);
    expect(result.rows[0]?.detail).toMatch(/fracking.*syndication\.reviewed: true/);
    expect(local.networks.mastodon.statuses.map((status) => status.text)).not.toContainEqual(expect.stringContaining('boycott'));
  });
});

describe('npm run syndicate (the CLI)', () => {
  const cli = (args: string[], env: Record<string, string>): Promise<ScriptRun> =>
    runCli('syndicate', args, { cwd: local.fixture.root, env });

  test('exits 1 when anything failed, prints --json, and never a token', async () => {
    await setUp(ITEMS.slice(0, 1));
    local.networks.linkedin.faults.push({
      kind: 'status',
      status: 401,
      json: { status: 401, message: `token ${TOKENS.linkedin} expired` },
      when: () => true,
      times: 1000,
    });
    const { code, stdout, stderr } = await cli(
      ['--json', '--request-timeout', String(ANSWER_TIMEOUT_MS / 1000), '--retry-budget', '2'],
      local.networks.env,
    );
    expect(code).toBe(1);
    const summary = JSON.parse(stdout) as { rows: Array<{ network: string; status: string }>; failed: number };
    expect(summary.failed).toBe(1);
    expect(summary.rows.filter((row) => row.status === 'posted')).toHaveLength(NETWORKS.length - 1);
    expect(stdout + stderr).not.toContain(TOKENS.linkedin);
    expect(stdout + stderr).toContain('[redacted]');
  });

  test('exits 2 on a bad argument, naming it', async () => {
    await setUp([]);
    const { code, stderr } = await cli(['--only', 'myspace'], {});
    expect(code).toBe(2);
    expect(stderr).toMatch(/--only myspace: expected one of bluesky, mastodon, linkedin, x, threads/);
  });
});
