/**
 * `./hub run webmentions` (scripts/webmentions/): from a built site's feed to local receivers — a
 * target site whose endpoint checks the form-encoded source and target, and a Bridgy Fed following its
 * documented contract. Each (source, target, version) once: across runs, after a run killed with its
 * in-flight mark left, and again when the piece's date_modified changes; 429 then success; a 4xx
 * recorded as refused and a page that is gone said once; the CLI's shell (--dry-run, --json, exit codes).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { WEBMENTIONS_SENT_FILE, parseWebmentionsSent, type WebmentionsSent } from '../src/contract/webmentions-sent.ts';
import { acquireLock, webmentionsLockFile } from '../scripts/lib/lock.ts';
import { sendWebmentions, type WebmentionsOptions } from '../scripts/webmentions/run.ts';
import { runCli } from './helpers/run-script.ts';
import { startFakeBridgyFed, startTargetSite, webmentionFeed, type FakeBridgyFed, type TargetSite } from './helpers/webmention-sites.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const SITE = 'https://morwennahale.example';
const source = (slug: string): string => `${SITE}/essays/${slug}/`;

let target: TargetSite;
let bridgy: FakeBridgyFed;
let root: string;

beforeAll(async () => {
  [target, bridgy] = await Promise.all([startTargetSite(), startFakeBridgyFed()]);
});
afterAll(async () => {
  await Promise.all([target.close(), bridgy.close()]);
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hub-webmentions-'));
  for (const site of [target, bridgy]) site.requests.length = 0;
  target.received.length = 0;
  target.faults.length = 0;
  bridgy.bridged.length = 0;
  bridgy.faults.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeSite(items: Parameters<typeof webmentionFeed>[0], options: { bridgyFed?: boolean } = {}): Promise<void> {
  await mkdir(join(root, 'dist'), { recursive: true });
  await writeFile(join(root, 'dist/feed.json'), JSON.stringify(webmentionFeed(items)));
  await mkdir(join(root, 'content'), { recursive: true });
  const follow = options.bridgyFed ? '\nfollow:\n  bridgyFed: true\n' : '\n';
  await writeFile(join(root, 'content/site.yaml'), `url: ${SITE}\nlanguage: en${follow}`);
}

function run(options: Partial<WebmentionsOptions> = {}) {
  return sendWebmentions({
    cwd: root,
    env: { BRIDGY_FED_URL: bridgy.target },
    sleep: () => Promise.resolve(),
    random: () => 0,
    ...options,
  });
}

async function ledger(): Promise<WebmentionsSent> {
  return parseWebmentionsSent(await readFile(join(root, WEBMENTIONS_SENT_FILE), 'utf8'));
}

/** A piece linking to the target site's pages, one without an endpoint, one gone, and a page of its own site. */
function essayLinking(...names: string[]): string {
  return `<p>${names.map((name) => `<a href="${target.page(name)}#part">${name}</a>`).join(' ')} and <a href="/essays/other/">mine</a> <a href="${SITE}/about/">me</a> <a href="mailto:a@b.example">mail</a></p>`;
}

describe('sending', () => {
  test('each external link with an endpoint and Bridgy Fed get a Webmention, once across two runs', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1', 'post-2', 'no-endpoint') }], { bridgyFed: true });
    const first = await run();
    expect(first.failed).toBe(0);
    expect(target.received).toEqual([
      { source: source('a'), target: target.page('post-1') },
      { source: source('a'), target: target.page('post-2') },
    ]);
    expect(bridgy.bridged).toEqual([source('a')]);
    expect(first.rows.map((row) => [row.target, row.status])).toEqual([
      [target.page('post-1'), 'sent'],
      [target.page('post-2'), 'sent'],
      [target.page('no-endpoint'), 'no endpoint'],
      [bridgy.target, 'sent'],
    ]);
    const recorded = (await ledger()).sources[source('a')] ?? {};
    expect(recorded[target.page('post-1')]).toMatchObject({ status: 'sent', version: '2026-11-01T00:00:00.000Z', httpStatus: 202 });
    expect(recorded[target.page('no-endpoint')]).toMatchObject({ status: 'no-endpoint' });
    expect(recorded[bridgy.target]).toMatchObject({ status: 'sent', endpoint: `${bridgy.origin}/webmention` });

    const requestsBefore = target.requests.length + bridgy.requests.length;
    const second = await run();
    expect(second.rows).toEqual([]);
    expect(second.alreadyDone).toBe(4);
    expect(target.requests.length + bridgy.requests.length).toBe(requestsBefore);
  });

  test('a 201 status page is recorded', async () => {
    const created = await startTargetSite({ created: true });
    try {
      await writeSite([{ slug: 'a', html: `<a href="${created.page('post-1')}">x</a>` }]);
      await run();
      expect((await ledger()).sources[source('a')]?.[created.page('post-1')]).toMatchObject({
        status: 'sent',
        httpStatus: 201,
        location: `${created.origin}/webmention/status/1`,
      });
    } finally {
      await created.close();
    }
  });

  test('without follow.bridgyFed, Bridgy Fed is not told', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }]);
    const result = await run();
    expect(result.bridgyFed).toBe(false);
    expect(bridgy.requests).toEqual([]);
    expect(target.received).toHaveLength(1);
  });

  test('an updated piece (new date_modified) is sent again, to what it links to now and what it linked to before', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1', 'post-2') }], { bridgyFed: true });
    await run();
    await writeSite([{ slug: 'a', html: essayLinking('post-1', 'post-3'), modified: '2026-11-20T00:00:00.000Z' }], { bridgyFed: true });
    target.received.length = 0;
    bridgy.bridged.length = 0;
    await run();
    expect(target.received.map((mention) => mention.target).sort()).toEqual(
      [target.page('post-1'), target.page('post-2'), target.page('post-3')].sort(),
    );
    expect(bridgy.bridged).toEqual([source('a')]);
    expect((await ledger()).sources[source('a')]?.[target.page('post-2')]).toMatchObject({ version: '2026-11-20T00:00:00.000Z' });
  });

  test('after a run killed mid-request (in-flight mark left), the next run sends it once and records it', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }]);
    const crashed: WebmentionsSent = {
      version: 1,
      sources: {
        [source('a')]: {
          [target.page('post-1')]: {
            status: 'in-flight',
            version: '2026-11-01T00:00:00.000Z',
            at: '2026-11-01T10:00:00.000Z',
            endpoint: `${target.origin}/webmention`,
          },
        },
      },
    };
    await mkdir(join(root, 'content/evidence'), { recursive: true });
    await writeFile(join(root, WEBMENTIONS_SENT_FILE), JSON.stringify(crashed));
    // What a killed writer leaves beside the ledger: removed, the ledger itself being whole.
    await writeFile(join(root, 'content/evidence/.webmentions-sent.json.999.1.tmp'), '{"version": 1, "sour');
    await run();
    await run();
    expect(target.received).toEqual([{ source: source('a'), target: target.page('post-1') }]);
    expect((await ledger()).sources[source('a')]?.[target.page('post-1')]).toMatchObject({ status: 'sent' });
  });

  test('429 then success: retried after the wait asked, sent once', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }]);
    target.faults.push({ status: 429, headers: { 'retry-after': '2' } });
    const waits: number[] = [];
    const result = await run({ sleep: (ms) => (waits.push(ms), Promise.resolve()) });
    expect(result.rows).toMatchObject([{ status: 'sent', httpStatus: 202 }]);
    expect(waits).toEqual([2000]);
    expect(target.received).toHaveLength(1);
  });

  test('a 5xx that persists fails the run (exit code 1 through the CLI) and leaves the mention for the next run', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }]);
    for (let i = 0; i < 4; i += 1) target.faults.push({ status: 503 });
    const failed = await run();
    expect(failed.failed).toBe(1);
    expect((await ledger()).sources[source('a')]).toBeUndefined();
    const next = await run();
    expect(next.rows).toMatchObject([{ status: 'sent' }]);
    expect(target.received).toHaveLength(1);
  });

  test('a 4xx is recorded as refused, with the receiver’s words on one line, and not asked again', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }]);
    target.faults.push({ status: 400, body: 'Source does not link\nto target \u001b[31m' });
    const first = await run();
    expect(first.rows).toMatchObject([{ status: 'refused', httpStatus: 400, detail: 'Source does not link to target' }]);
    expect((await ledger()).sources[source('a')]?.[target.page('post-1')]).toMatchObject({ status: 'refused', httpStatus: 400 });
    const posts = target.requests.filter((request) => request.method === 'POST').length;
    const second = await run();
    expect(second.rows).toEqual([]);
    expect(target.requests.filter((request) => request.method === 'POST')).toHaveLength(posts);
  });

  test('a target that is gone is reported once, then left alone', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('gone') }]);
    const first = await run();
    expect(first.rows).toMatchObject([{ status: 'gone', httpStatus: 410 }]);
    const second = await run();
    expect(second.rows).toEqual([]);
    expect(second.alreadyDone).toBe(1);
  });

  test('Bridgy Fed refusing a page without an h-entry is recorded as refused', async () => {
    const strict = await startFakeBridgyFed({ pages: new Map([[source('a'), '<p>no microformats</p>']]) });
    try {
      await writeSite([{ slug: 'a', html: '<p>nothing external</p>' }], { bridgyFed: true });
      const result = await run({ env: { BRIDGY_FED_URL: strict.target } });
      expect(result.rows).toMatchObject([
        { target: strict.target, status: 'refused', httpStatus: 400, detail: expect.stringContaining('h-entry') },
      ]);
    } finally {
      await strict.close();
    }
  });

  test('two runs never overlap: the second is refused while the first holds the lock, and sends nothing', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }]);
    const release = await acquireLock(webmentionsLockFile(join(root, WEBMENTIONS_SENT_FILE)), 'webmentions run');
    try {
      await expect(run()).rejects.toThrow(/another webmentions run \(pid \d+\) holds/);
      expect(target.requests).toEqual([]);
    } finally {
      await release();
    }
    expect((await run()).rows).toMatchObject([{ status: 'sent' }]);
  });

  test('a dry run discovers and prints, sends and records nothing', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }], { bridgyFed: true });
    const result = await run({ dryRun: true });
    expect(result.rows.map((row) => row.status)).toEqual(['would send', 'would send']);
    expect(target.received).toEqual([]);
    expect(bridgy.bridged).toEqual([]);
    await expect(readFile(join(root, WEBMENTIONS_SENT_FILE))).rejects.toThrow(/ENOENT/);
  });
});

describe('./hub run webmentions', () => {
  test('--json prints the summary as JSON; a failure exits 1; --help exits 0; a bad option exits 2', async () => {
    await writeSite([{ slug: 'a', html: essayLinking('post-1') }], { bridgyFed: true });
    const env = { BRIDGY_FED_URL: bridgy.target };
    const dry = await runCli('webmentions', ['--dry-run'], { cwd: root, env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would send ${'essay/a'} → ${target.page('post-1')}`);
    expect(dry.stdout).toContain('dry run: nothing sent');

    const sent = await runCli('webmentions', ['--json'], { cwd: root, env });
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({
      dryRun: false,
      bridgyFed: true,
      failed: 0,
      rows: [{ status: 'sent' }, { status: 'sent' }],
    });

    await writeSite([{ slug: 'b', html: `<a href="${target.page('forbidden')}">no entry</a>` }]);
    const failed = await runCli('webmentions', ['--request-timeout', String(ANSWER_TIMEOUT_MS / 1000)], { cwd: root, env });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`failed     essay/b → ${target.page('forbidden')}: [GET] ${target.page('forbidden')}: 403 Forbidden`);

    expect((await runCli('webmentions', ['--help'], { cwd: root, env })).code).toBe(0);
    const bad = await runCli('webmentions', ['--since', 'soon'], { cwd: root, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since: expected a date like 2026-11-01, got "soon"');
  });
});
