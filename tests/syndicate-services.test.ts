/**
 * Issue 18: what each service's own documentation says the adapters must do, one test per fault,
 * against the same local networks as syndicate-networks.test.ts (a real PDS, which validates every
 * record against the atproto lexicons, and fakes that refuse what the services refuse: retired
 * LinkedIn versions, missing scopes, Threads' emoji counting, X's two-hour tokens).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { threadsLength } from '../scripts/channels/threads/compose.ts';
import { derivedLinkedInVersion } from '../scripts/channels/linkedin/versions.ts';
import { THREADS_POLL_MS, THREADS_STATUS_CHECKS } from '../scripts/channels/threads/adapter.ts';
import { threadsCount } from './helpers/fake-networks.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { blueskyPosts, createBlueskyAccount, postsPerItem, SAMPLE_ESSAY, SITE, TOKENS, type FixtureItem } from './helpers/syndication.ts';
import { useLocalSyndication } from './helpers/local-syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const ESSAY: FixtureItem = { ...SAMPLE_ESSAY, tags: ['community energy'] };
const ESSAY_URL = `${SITE}/essays/owning-the-wind/`;

// A generous answer time: under load a local answer can take seconds, and no test here races it (the tests of
// silence and slowness set their own short timeoutMs).
const local = useLocalSyndication({ timeoutMs: ANSWER_TIMEOUT_MS, retry: { totalMs: 4000, baseDelayMs: 20 } });
const setUp = (items: FixtureItem[] = [ESSAY]): Promise<void> => local.setUp(items);
const run = local.run;

async function ledger(): Promise<any> {
  return JSON.parse(await readFile(local.fixture.ledgerFile, 'utf8'));
}

describe('LinkedIn', () => {
  test('sends an active API version by default: the one published three months ago', async () => {
    await setUp();
    const result = await run({ only: ['linkedin'] });
    expect(result.rows.map((row) => row.status)).toEqual(['posted']);
    const versions = new Set(
      local.networks.linkedin.requests
        .filter((request) => request.path.startsWith('/rest/'))
        .map((request) => request.headers['linkedin-version']),
    );
    expect([...versions]).toEqual([derivedLinkedInVersion(Date.now())]);
  });

  test('a retired version (426 NONEXISTENT_VERSION) fails in one line naming LINKEDIN_VERSION and a version to set, and leaves no mark behind', async () => {
    await setUp();
    const lines: string[] = [];
    const result = await run({
      only: ['linkedin'],
      env: { ...local.networks.env, LINKEDIN_VERSION: '202511' },
      log: (line) => lines.push(line),
    });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ status: 'failed' });
    expect(result.rows[0]!.detail).toMatch(
      /426.*LinkedIn does not serve API version 202511 \(NONEXISTENT_VERSION\): set LINKEDIN_VERSION=\d{6}/,
    );
    // Refused, not retried: one request, and nothing was posted.
    expect(local.networks.linkedin.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(lines.some((line) => line.includes('retrying'))).toBe(false);
    // The refusal posted nothing, so the in-flight mark went: the next run posts without looking first.
    expect((await ledger()).items['essay/owning-the-wind']).toBeUndefined();
    const again = await run({ only: ['linkedin'] });
    expect(again.rows.map((row) => row.status)).toEqual(['posted']);
    // Not held: with no mark it is not a resumed attempt (a ledger with nothing for LinkedIn is looked through first; issue 14, item 12).
    expect(again.needsYou).toEqual([]);
    expect(local.networks.linkedin.posts).toHaveLength(1);
  });

  test('LINKEDIN_VERSION that is not YYYYMM is one clear line', async () => {
    await setUp();
    const result = await run({ only: ['linkedin'], env: { ...local.networks.env, LINKEDIN_VERSION: '2026-09' } });
    expect(result.rows[0]?.detail).toBe('LINKEDIN_VERSION: expected a version like 202609 (year and month, YYYYMM), got "2026-09"');
    expect(local.networks.linkedin.requests).toEqual([]);
  });

  test('with r_member_social an in-flight mark is resolved by finding the copy, not by posting again, and nothing is held', async () => {
    await setUp();
    await run({ only: ['linkedin'] });
    const recorded = await ledger();
    recorded.items['essay/owning-the-wind'].networks.linkedin = { status: 'in-flight', startedAt: '2026-11-20T09:00:00.000Z' };
    await writeFile(local.fixture.ledgerFile, JSON.stringify(recorded));
    const result = await run({ only: ['linkedin'] });
    expect(result.rows.map((row) => [row.status, row.detail])).toEqual([['posted', undefined]]);
    expect(result.needsYou).toEqual([]);
    expect(local.networks.linkedin.posts).toHaveLength(1);
  });

  test('with r_member_social a lost answer is looked up in the same run: one copy, nothing held', async () => {
    await setUp();
    local.networks.linkedin.faults.push({
      kind: 'lost-answer',
      when: (request) => request.method === 'POST' && request.path === '/rest/posts',
      times: 1,
    });
    const result = await run({ only: ['linkedin'] });
    expect(result.rows.map((row) => row.status)).toEqual(['posted']);
    expect(result.needsYou).toEqual([]);
    expect(local.networks.linkedin.posts).toHaveLength(1);
  });
});

/**
 * A person's token has w_member_social only: LinkedIn will not list their posts (403), so after a
 * lost answer the hub cannot know whether the post went out. It must neither post again (a second
 * copy) nor drop the item: it holds it, and the person settles it with --resolve.
 */
describe('LinkedIn without r_member_social: hold and ask', () => {
  const KEY = 'essay/owning-the-wind';
  const cli = (args: string[], env: Record<string, string> = local.networks.env): Promise<ScriptRun> =>
    runCli('syndicate', args, { cwd: local.fixture.root, env: { ...env, NO_COLOR: '1' } });
  const publishes = (): number =>
    local.networks.linkedin.requests.filter((request) => request.method === 'POST' && request.path === '/rest/posts').length;
  const heldLine = (when: string): string =>
    [
      `LinkedIn ${KEY}: an attempt on ${when} may have posted it, and this token cannot look (listing posts needs r_member_social). Look at your LinkedIn activity, then run one of:`,
      `  ./hub run syndicate -- --resolve linkedin:${KEY}="<the post's URL>"   (it is there)`,
      `  ./hub run syndicate -- --resolve linkedin:${KEY}=not-posted           (it is not: post it on the next run)`,
    ].join('\n');

  /** A first run whose post request was handled but whose answer was lost (`lost-answer`) or never arrived (`drop`). */
  async function heldRun(fault: 'lost-answer' | 'drop') {
    await setUp();
    local.networks.linkedin.scopes = ['w_member_social'];
    local.networks.linkedin.faults.push({
      kind: fault,
      when: (request) => request.method === 'POST' && request.path === '/rest/posts',
      times: 1,
    });
    return run({ only: ['linkedin'] });
  }

  test('a lost answer: the run posts nothing more, holds the item with the held line, and keeps the in-flight mark; so does the next run', async () => {
    const first = await heldRun('lost-answer');
    expect(local.networks.linkedin.posts).toHaveLength(1);
    expect(publishes()).toBe(1);
    expect(first.rows.map((row) => [row.network, row.status])).toEqual([['linkedin', 'held']]);
    expect(first.failed).toBe(0);
    const mark = (await ledger()).items[KEY].networks.linkedin;
    expect(mark).toMatchObject({ status: 'in-flight' });
    const when = `${mark.startedAt.slice(0, 10)} ${mark.startedAt.slice(11, 16)} UTC`;
    expect(first.needsYou).toEqual([{ item: KEY, network: 'linkedin', startedAt: mark.startedAt, message: heldLine(when) }]);

    // The next run, as the workflow runs it: the same, once, and not a failure (exit 0).
    const { code, stdout, stderr } = await cli([
      '--only',
      'linkedin',
      '--request-timeout',
      String(ANSWER_TIMEOUT_MS / 1000),
      '--retry-budget',
      '4',
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`essay/owning-the-wind  LinkedIn  held    may already be posted: see “Needs you”`);
    expect(stdout.endsWith(`1 held, 0 already posted\n\nNeeds you\n${heldLine(when)}\n`)).toBe(true);
    expect(stdout.split(heldLine(when))).toHaveLength(2);
    expect(stdout + stderr).not.toContain(TOKENS.linkedin);
    expect(publishes()).toBe(1);
    expect(local.networks.linkedin.posts).toHaveLength(1);
    expect((await ledger()).items[KEY].networks.linkedin).toEqual(mark);
  });

  test('on GitHub Actions a held item is a warning annotation and a job summary section, and still exit 0', async () => {
    await heldRun('lost-answer');
    const summaryFile = join(local.fixture.root, 'step-summary.md');
    const { code, stdout } = await cli(['--only', 'linkedin'], {
      ...local.networks.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summaryFile,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^::warning title=LinkedIn essay\/owning-the-wind%3A needs you::LinkedIn essay\/owning-the-wind: an attempt on .+ may have posted it, .+%0A {2}\.\/hub run syndicate -- --resolve linkedin:essay\/owning-the-wind="<the post's URL>"/m,
    );
    expect(await readFile(summaryFile, 'utf8')).toMatch(
      /^### Syndication: needs you\n\n```text\nLinkedIn essay\/owning-the-wind: an attempt on /,
    );
  });

  test('--resolve with the post’s URL records it as posted; the next run leaves it alone', async () => {
    await heldRun('lost-answer');
    const urn = local.networks.linkedin.posts[0]!.id;
    const { startedAt } = (await ledger()).items[KEY].networks.linkedin;
    const resolved = await cli(['--resolve', `linkedin:${KEY}=https://www.linkedin.com/feed/update/${urn}/?utm_source=share`], {});
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toBe(`LinkedIn ${KEY}: recorded as posted, https://www.linkedin.com/feed/update/${urn}/\n`);
    expect((await ledger()).items[KEY].networks.linkedin).toEqual({
      status: 'posted',
      remoteId: urn,
      url: `https://www.linkedin.com/feed/update/${urn}/`,
      postedAt: startedAt,
    });
    const requests = local.networks.linkedin.requests.length;
    const next = await run({ only: ['linkedin'] });
    expect(next.rows).toEqual([]);
    expect(next.alreadyPosted).toBe(1);
    expect(local.networks.linkedin.requests).toHaveLength(requests);
    expect(local.networks.linkedin.posts).toHaveLength(1);
  });

  test('--resolve …=not-posted clears the mark; the next run posts exactly one copy', async () => {
    // The connection dropped before LinkedIn handled the request: nothing went out, though the run cannot know.
    const first = await heldRun('drop');
    expect(first.rows.map((row) => row.status)).toEqual(['held']);
    expect(local.networks.linkedin.posts).toHaveLength(0);
    const resolved = await cli(['--resolve', `linkedin:${KEY}=not-posted`], {});
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toBe(`LinkedIn ${KEY}: recorded as not posted; the next run posts it\n`);
    expect((await ledger()).items[KEY]).toBeUndefined();
    const next = await run({ only: ['linkedin'] });
    expect(next.rows.map((row) => row.status)).toEqual(['posted']);
    expect(local.networks.linkedin.posts).toHaveLength(1);
    const again = await run({ only: ['linkedin'] });
    expect(again.rows).toEqual([]);
    expect(local.networks.linkedin.posts).toHaveLength(1);
  });

  test('an image upload whose answer was lost posted nothing: it is retried without holding anything', async () => {
    await setUp();
    local.networks.linkedin.scopes = ['w_member_social'];
    local.networks.linkedin.faults.push({
      kind: 'lost-answer',
      when: (request) => request.method === 'POST' && request.path === '/rest/images',
      times: 1,
    });
    const result = await run({ only: ['linkedin'] });
    expect(result.rows.map((row) => row.status)).toEqual(['posted']);
    expect(local.networks.linkedin.posts).toHaveLength(1);
    // Not held for the person: the lost upload came before the post request.
    expect(result.needsYou).toEqual([]);
  });

  describe('a bad --resolve exits 2 with one line naming the mistake, and writes nothing', () => {
    const POSTED_URN = 'urn:li:share:7200000';
    const LEDGER = JSON.stringify(
      {
        version: 1,
        items: {
          [KEY]: { url: ESSAY_URL, networks: { linkedin: { status: 'in-flight', startedAt: '2026-11-20T09:00:00.000Z' } } },
          'note/posted': {
            url: `${SITE}/notes/posted/`,
            networks: {
              linkedin: {
                status: 'posted',
                remoteId: POSTED_URN,
                url: `https://www.linkedin.com/feed/update/${POSTED_URN}/`,
                postedAt: '2026-11-19T09:00:00.000Z',
              },
            },
          },
        },
      },
      null,
      2,
    );

    test.each([
      ['an unknown network', `myspace:${KEY}=not-posted`, `--resolve myspace:${KEY}: unknown network "myspace": expected linkedin`],
      [
        'a network that never holds',
        `bluesky:${KEY}=not-posted`,
        `--resolve bluesky:${KEY}: Bluesky looks for its own copies before posting again, so it never holds an item; only linkedin can be resolved`,
      ],
      [
        'an unknown item',
        'linkedin:essay/nope=not-posted',
        '--resolve linkedin:essay/nope: essay/nope is not in content/evidence/syndication.json; only an item in flight can be resolved',
      ],
      [
        'an item not in flight',
        'linkedin:note/posted=not-posted',
        `--resolve linkedin:note/posted: note/posted is not in flight on LinkedIn: it is already recorded as posted there (https://www.linkedin.com/feed/update/${POSTED_URN}/); only an item in flight can be resolved`,
      ],
      [
        'a URL of another host',
        `linkedin:${KEY}=https://evil.example/feed/update/urn:li:share:1/`,
        `--resolve linkedin:${KEY}: expected the post’s https address on www.linkedin.com, such as https://www.linkedin.com/feed/update/urn:li:share:7…/; got "https://evil.example/feed/update/urn:li:share:1/", or not-posted`,
      ],
      [
        'a javascript: URL',
        `linkedin:${KEY}=javascript:alert(document.cookie)`,
        `--resolve linkedin:${KEY}: expected the post’s https address on www.linkedin.com, such as https://www.linkedin.com/feed/update/urn:li:share:7…/; got "javascript:alert(document.cookie)", or not-posted`,
      ],
      [
        'an activity’s address',
        `linkedin:${KEY}=https://www.linkedin.com/feed/update/urn:li:activity:7/`,
        `--resolve linkedin:${KEY}: "https://www.linkedin.com/feed/update/urn:li:activity:7/" names the activity (urn:li:activity:7), not the post: on the post, open ··· → Embed this post and give the address in its code (https://www.linkedin.com/embed/feed/update/urn:li:share:…), or not-posted`,
      ],
    ])('%s', async (_name, argument, line) => {
      await setUp();
      await mkdir(join(local.fixture.root, 'content/evidence'), { recursive: true });
      await writeFile(local.fixture.ledgerFile, LEDGER);
      // A good resolution alongside: nothing is written unless every one is good.
      const { code, stdout, stderr } = await cli(['--resolve', `linkedin:${KEY}=not-posted`, '--resolve', argument], {});
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(`syndicate: ${line}`);
      expect(await readFile(local.fixture.ledgerFile, 'utf8')).toBe(LEDGER);
      expect(local.networks.linkedin.requests).toEqual([]);
    });

    test('with the run’s options', async () => {
      await setUp();
      const { code, stderr } = await cli(['--resolve', `linkedin:${KEY}=not-posted`, '--dry-run'], {});
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe('syndicate: --resolve runs on its own: leave out --dry-run');
    });
  });
});

describe('Bluesky', () => {
  test('mentions are resolved to DIDs; a handle that does not resolve stays plain text; links, tags and emoji keep their byte offsets (the PDS validates the record)', async () => {
    const friend = await createBlueskyAccount(local.pds);
    const text = `Thanks @${friend.handle} and @nobody-here.test 👋🏽 for the data: https://data.example/wind-farms #WindPower`;
    await setUp([{ ...ESSAY, text }]);
    const result = await run({ only: ['bluesky'] });
    expect(result.rows.map((row) => [row.status, row.detail])).toEqual([['posted', undefined]]);
    const [record] = await blueskyPosts(local.networks);
    const bytes = Buffer.from(record!.value.text as string);
    const facets = (
      record!.value.facets as Array<{ index: { byteStart: number; byteEnd: number }; features: Array<Record<string, string>> }>
    ).map((facet) => [bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString(), facet.features[0]]);
    expect(facets).toEqual([
      [`@${friend.handle}`, { $type: 'app.bsky.richtext.facet#mention', did: friend.did }],
      ['https://data.example/wind-farms', { $type: 'app.bsky.richtext.facet#link', uri: 'https://data.example/wind-farms' }],
      ['#WindPower', { $type: 'app.bsky.richtext.facet#tag', tag: 'WindPower' }],
      // The item's tag, added after the text.
      ['#CommunityEnergy', { $type: 'app.bsky.richtext.facet#tag', tag: 'CommunityEnergy' }],
    ]);
    expect(record!.value.text).toContain('@nobody-here.test 👋🏽');
  });
});

describe('Threads', () => {
  const EMOJI_NOTE: FixtureItem = {
    kind: 'note',
    slug: '2026-11-30-harvest',
    date: '2026-11-30T09:00:00.000Z',
    // 60 farmers: 60 graphemes, 240 code points, 900 of Threads' characters.
    text: `Harvest supper at the village hall. ${'👩🏽‍🌾'.repeat(60)} Every one of them owns a share of the turbine.`,
  };

  test('counts emoji as UTF-8 bytes, as Threads does, so an emoji-heavy note is cut to fit instead of refused', async () => {
    await setUp([EMOJI_NOTE]);
    const result = await run({ only: ['threads'] });
    expect(result.rows.map((row) => [row.status, row.detail])).toEqual([['posted', undefined]]);
    const [published] = local.networks.threads.published;
    expect(threadsCount(published!.text)).toBeLessThanOrEqual(500);
    expect(threadsLength(published!.text)).toBeGreaterThanOrEqual(threadsCount(published!.text));
    expect(published!.text).toContain(`${SITE}/notes/2026-11-30-harvest/`);
  });

  test('an answer without a media id: the container is checked once a minute, five times at most (the wait is injected, not slept)', async () => {
    await setUp();
    local.networks.threads.publishWithoutId = 1;
    local.networks.threads.inProgressChecks = 2;
    const waits: number[] = [];
    const result = await run({ only: ['threads'], sleep: async (ms) => void waits.push(ms) });
    expect(result.rows.map((row) => row.status)).toEqual(['posted']);
    expect(waits).toEqual([THREADS_POLL_MS, THREADS_POLL_MS]);
    expect(THREADS_POLL_MS).toBe(60_000);
    expect(local.networks.threads.published).toHaveLength(1);
  });

  test('a container still in progress after five checks: the attempt gives up rather than poll on', async () => {
    await setUp();
    local.networks.threads.publishWithoutId = 1;
    local.networks.threads.inProgressChecks = 1000;
    const waits: number[] = [];
    const gaveUp = await run({ only: ['threads'], retry: { attempts: 1 }, sleep: async (ms) => void waits.push(ms) });
    expect(gaveUp.rows[0]).toMatchObject({ status: 'failed' });
    expect(gaveUp.rows[0]?.detail).toMatch(/still in progress after 5 checks/);
    const checks = local.networks.threads.requests.filter(
      (request) => request.method === 'GET' && request.query.get('fields') === 'status,error_message',
    );
    expect(checks).toHaveLength(THREADS_STATUS_CHECKS);
    expect(waits).toEqual(Array.from({ length: THREADS_STATUS_CHECKS - 1 }, () => THREADS_POLL_MS));
  });

  test('a post published without a permalink is recorded: its address built from shortcode and username', async () => {
    await setUp();
    local.networks.threads.permalinkMissing = 1;
    const result = await run({ only: ['threads'] });
    const id = local.networks.threads.published[0]!.id;
    expect(result.rows.map((row) => [row.status, row.url])).toEqual([['posted', `https://www.threads.com/@morwennahale/post/C${id}`]]);
    expect((await ledger()).items['essay/owning-the-wind'].networks.threads).toMatchObject({ status: 'posted', remoteId: id });
  });

  test('with neither permalink nor shortcode the post is recorded under the profile, and the next run puts in its permalink', async () => {
    await setUp();
    local.networks.threads.permalinkMissing = 1;
    local.networks.threads.shortcodeMissing = 1;
    const result = await run({ only: ['threads'] });
    const id = local.networks.threads.published[0]!.id;
    expect(result.rows[0]).toMatchObject({ status: 'posted', url: 'https://www.threads.com/@morwennahale' });
    expect(result.rows[0]?.detail).toMatch(/no permalink yet/);
    expect((await ledger()).items['essay/owning-the-wind'].networks.threads).toMatchObject({
      status: 'posted',
      remoteId: id,
      url: 'https://www.threads.com/@morwennahale',
    });
    const lines: string[] = [];
    const again = await run({ only: ['threads'], log: (line) => lines.push(line) });
    expect(again.alreadyPosted).toBe(1);
    expect((await ledger()).items['essay/owning-the-wind'].networks.threads.url).toBe(
      `${local.networks.threads.url}/@morwennahale/post/${id}`,
    );
    expect(lines).toContain(
      `Threads essay/owning-the-wind: its address is now known: ${local.networks.threads.url}/@morwennahale/post/${id}`,
    );
    expect(local.networks.threads.published).toHaveLength(1);
  });
});

describe('X with an OAuth 2.0 user token', () => {
  const CLIENT = { id: 'x-client-id-0009', secret: 'x-client-s3cret-0010' };
  let clock = Date.parse('2026-12-01T09:00:00Z');

  /** The app authorized with `scopes`: an access token and (with offline.access) a refresh token, as X issues them. */
  function authorize(
    scopes: string[],
    confidential = true,
  ): { env: Record<string, string>; tokenFile: string; accessToken: string; refreshToken: string | undefined } {
    local.networks.x.oauth2.clientId = CLIENT.id;
    local.networks.x.oauth2.clientSecret = confidential ? CLIENT.secret : undefined;
    local.networks.x.oauth2.scopes = scopes;
    local.networks.x.oauth2.now = () => clock;
    const { accessToken, refreshToken } = local.networks.x.oauth2.issue();
    const { X_API_KEY: _key, X_API_SECRET: _secret, X_ACCESS_TOKEN: _token, X_ACCESS_SECRET: _tokenSecret, ...env } = local.networks.env;
    const tokenFile = join(local.fixture.root, 'state', 'thought-leadership-hub', 'x-oauth2.json');
    return {
      tokenFile,
      accessToken,
      refreshToken,
      env: {
        ...env,
        X_OAUTH2_TOKEN: accessToken,
        X_CLIENT_ID: CLIENT.id,
        XDG_STATE_HOME: join(local.fixture.root, 'state'),
        ...(refreshToken ? { X_REFRESH_TOKEN: refreshToken } : {}),
        ...(confidential ? { X_CLIENT_SECRET: CLIENT.secret } : {}),
      },
    };
  }

  test('an expired token is renewed with the refresh token; the rotated one is kept (owner-only file) for the next run; no token is ever shown', async () => {
    await setUp([ESSAY, { ...ESSAY, slug: 'second', date: '2026-09-15T00:00:00.000Z' }]);
    const grant = authorize(['tweet.read', 'tweet.write', 'users.read', 'offline.access']);
    clock += 3 * 3600_000; // three hours later: the two-hour access token has expired
    const lines: string[] = [];
    const first = await run({ only: ['x'], items: ['owning-the-wind'], env: grant.env, now: () => clock, log: (line) => lines.push(line) });
    expect(first.rows.map((row) => [row.status, row.detail])).toEqual([['posted', undefined]]);
    const stored = JSON.parse(await readFile(grant.tokenFile, 'utf8'));
    expect(stored.refreshToken).not.toBe(grant.refreshToken);
    expect(stored.scopes).toEqual(['tweet.read', 'tweet.write', 'users.read', 'offline.access']);
    expect((await stat(grant.tokenFile)).mode & 0o777).toBe(0o600);
    // X spent the old refresh token; the next run must start from the file, three hours on again.
    expect(local.networks.x.oauth2.refreshTokens.has(grant.refreshToken!)).toBe(false);
    clock += 3 * 3600_000;
    const second = await run({ only: ['x'], items: ['second'], env: grant.env, now: () => clock, log: (line) => lines.push(line) });
    expect(second.rows.map((row) => row.status)).toEqual(['posted']);
    expect(local.networks.x.tweets).toHaveLength(2);
    const renewed = JSON.parse(await readFile(grant.tokenFile, 'utf8'));
    const everything = JSON.stringify([first, second]) + lines.join('\n') + (await readFile(local.fixture.ledgerFile, 'utf8'));
    for (const secret of [
      grant.accessToken,
      grant.refreshToken!,
      stored.accessToken,
      stored.refreshToken,
      renewed.accessToken,
      renewed.refreshToken,
      CLIENT.secret,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  test('a token without tweet.write is refused by X (403) and by the hub with the scopes to ask for', async () => {
    await setUp();
    const grant = authorize(['tweet.read', 'users.read', 'offline.access'], false);
    const withToken = await run({ only: ['x'], env: grant.env, now: () => clock });
    expect(withToken.rows[0]).toMatchObject({ status: 'failed' });
    expect(withToken.rows[0]?.detail).toMatch(/403/);
    // Once renewed, the token's scopes are known and named.
    clock += 3 * 3600_000;
    const renewed = await run({ only: ['x'], env: grant.env, now: () => clock });
    expect(renewed.rows[0]?.detail).toMatch(
      /lacks tweet\.write: authorize the app again with the scopes tweet\.read tweet\.write users\.read offline\.access/,
    );
    expect(local.networks.x.tweets).toEqual([]);
  });

  test('a token that cannot be renewed (no offline.access) fails after two hours, saying what to set', async () => {
    await setUp();
    const grant = authorize(['tweet.read', 'tweet.write', 'users.read']);
    const { X_REFRESH_TOKEN: _none, X_CLIENT_ID: _id, X_CLIENT_SECRET: _secret, ...env } = grant.env;
    clock += 3 * 3600_000;
    const result = await run({ only: ['x'], env, now: () => clock });
    expect(result.rows[0]).toMatchObject({ status: 'failed' });
    expect(result.rows[0]?.detail).toMatch(/401.*last two hours: set X_REFRESH_TOKEN and X_CLIENT_ID .* or use OAuth 1\.0a user tokens/);
    expect(result.rows[0]?.detail).not.toContain(grant.accessToken);
  });

  test('OAuth 1.0a user tokens keep working (they do not expire)', async () => {
    await setUp();
    const result = await run({ only: ['x'] });
    expect(result.rows.map((row) => row.status)).toEqual(['posted']);
    expect(local.networks.x.requests.every((request) => String(request.headers.authorization).startsWith('OAuth '))).toBe(true);
  });
});

describe('Mastodon', () => {
  test('a token without read:statuses can post, but the look-up before posting again fails naming the scope', async () => {
    await setUp();
    local.networks.mastodon.scopes = ['write:statuses', 'read:accounts'];
    await run({ only: ['mastodon'] });
    expect(local.networks.mastodon.statuses).toHaveLength(1);
    // An in-flight mark older than Mastodon keeps an Idempotency-Key: the adapter must look first.
    const recorded = await ledger();
    recorded.items['essay/owning-the-wind'].networks.mastodon = { status: 'in-flight', startedAt: '2026-11-20T09:00:00.000Z' };
    await writeFile(local.fixture.ledgerFile, JSON.stringify(recorded));
    const result = await run({ only: ['mastodon'] });
    expect(result.rows[0]).toMatchObject({ status: 'failed' });
    expect(result.rows[0]?.detail).toMatch(/403.*the token lacks read:statuses/);
    expect(result.rows[0]?.detail).not.toContain(TOKENS.mastodon);
    expect(local.networks.mastodon.statuses).toHaveLength(1);
  });
});

test('every network posts the sample items once with the documented default scopes', async () => {
  await setUp();
  const result = await run();
  expect(result.failed).toBe(0);
  const counts = await postsPerItem(local.networks);
  for (const network of ['bluesky', 'mastodon', 'x', 'linkedin', 'threads'] as const)
    expect(Object.fromEntries(counts[network])).toEqual({ [ESSAY_URL]: 1 });
});
