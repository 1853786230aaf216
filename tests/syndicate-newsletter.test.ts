/**
 * The newsletter as a channel of the syndication run, end to end against a local Buttondown
 * (tests/helpers/fake-buttondown.ts): each essay emailed once and recorded in the ledger, notes only
 * when NEWSLETTER_KINDS says so, front matter's skip and the policy guard honoured, a run killed after
 * the in-flight mark and the send followed by a rerun that finds the email instead of sending it again,
 * a refusal in one line, and the dry run's preview file. The other channels have no credentials here
 * (tests/syndicate-crash.test.ts runs the newsletter beside them).
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseLedger } from '../src/contract/ledger.ts';
import { syndicate, type SyndicateOptions } from '../scripts/syndicate/run.ts';
import { startFakeButtondown, type FakeButtondown } from './helpers/fake-buttondown.ts';
import { runCli } from './helpers/run-script.ts';
import { feedItem, makeSyndicationFixture, TOKENS, type FixtureItem, type SyndicationFixture } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const ESSAY: FixtureItem = {
  kind: 'essay',
  slug: 'owning-the-wind',
  title: 'Owning the wind',
  date: '2026-11-02T09:00:00.000Z',
  text: 'Community ownership decides whether the next wind farm gets built.',
};
const SECOND_ESSAY: FixtureItem = {
  kind: 'essay',
  slug: 'grants-run-out',
  title: 'Grants run out',
  date: '2026-11-09T09:00:00.000Z',
  text: 'Co-operatives outlast their grants because their members stay.',
};
const NOTE: FixtureItem = {
  kind: 'note',
  slug: 'village-hall',
  date: '2026-11-05T09:00:00.000Z',
  text: 'Spent the evening at a village hall. The right answer is: you do.',
};

let fixture: SyndicationFixture | undefined;
let buttondown: FakeButtondown | undefined;

afterEach(async () => {
  await buttondown?.close();
  await fixture?.cleanup();
  buttondown = undefined;
  fixture = undefined;
});

async function setUp(
  items: FixtureItem[],
  options: { policy?: string } = {},
): Promise<{ fixture: SyndicationFixture; fake: FakeButtondown }> {
  fixture = await makeSyndicationFixture(items, options);
  buttondown = await startFakeButtondown({ apiKey: TOKENS.buttondown });
  return { fixture, fake: buttondown };
}

function env(fake: FakeButtondown, extra: Record<string, string> = {}): Record<string, string> {
  return { BUTTONDOWN_API_URL: `${fake.url}/v1`, BUTTONDOWN_API_KEY: TOKENS.buttondown, ...extra };
}

function run(context: { fixture: SyndicationFixture; fake: FakeButtondown }, options: Partial<SyndicateOptions> = {}) {
  return syndicate({
    cwd: context.fixture.root,
    env: env(context.fake),
    only: ['newsletter'],
    timeoutMs: ANSWER_TIMEOUT_MS,
    retry: { totalMs: 2000, baseDelayMs: 20 },
    log: () => undefined,
    ...options,
  });
}

async function ledgerOf(fixture: SyndicationFixture) {
  return parseLedger(await readFile(fixture.ledgerFile, 'utf8'), fixture.ledgerFile);
}

describe('syndicate with the newsletter', () => {
  test('emails each essay once and records it; a second run sends nothing', async () => {
    const context = await setUp([ESSAY, SECOND_ESSAY]);
    const first = await run(context);
    expect(first.rows.map((row) => [row.item, row.network, row.status])).toEqual([
      ['essay/owning-the-wind', 'newsletter', 'posted'],
      ['essay/grants-run-out', 'newsletter', 'posted'],
    ]);
    expect(context.fake.creates()).toHaveLength(2);
    expect(context.fake.emails.map((email) => [email.canonical_url, email.status])).toEqual([
      [feedItem(ESSAY).url, 'about_to_send'],
      [feedItem(SECOND_ESSAY).url, 'about_to_send'],
    ]);
    const ledger = await ledgerOf(context.fixture);
    expect(ledger.items['essay/owning-the-wind']?.networks.newsletter).toMatchObject({
      status: 'posted',
      remoteId: context.fake.emails[0]!.id,
      url: context.fake.emails[0]!.absolute_url,
    });

    const second = await run(context);
    expect(second.rows).toEqual([]);
    expect(second.alreadyPosted).toBe(2);
    expect(context.fake.creates()).toHaveLength(2);
  });

  test('sends notes only when NEWSLETTER_KINDS names them; a note is otherwise not its, with no row', async () => {
    const context = await setUp([ESSAY, NOTE]);
    const essaysOnly = await run(context);
    expect(essaysOnly.rows.map((row) => [row.item, row.status])).toEqual([['essay/owning-the-wind', 'posted']]);
    expect(context.fake.emails.map((email) => email.canonical_url)).toEqual([feedItem(ESSAY).url]);

    const withNotes = await run(context, { env: env(context.fake, { NEWSLETTER_KINDS: 'essay,note' }) });
    expect(withNotes.rows.map((row) => [row.item, row.status])).toEqual([['note/village-hall', 'posted']]);
    expect(context.fake.emails.map((email) => email.canonical_url)).toEqual([feedItem(ESSAY).url, feedItem(NOTE).url]);
  });

  test('an unknown kind in NEWSLETTER_KINDS fails the channel in one line, and sends nothing', async () => {
    const context = await setUp([ESSAY]);
    const result = await run(context, { env: env(context.fake, { NEWSLETTER_KINDS: 'essay,stance' }) });
    expect(result.rows).toEqual([
      {
        item: 'all',
        network: 'newsletter',
        status: 'failed',
        detail: 'NEWSLETTER_KINDS: stance is not a kind of piece; use essay, note, theory (comma-separated)',
      },
    ]);
    expect(context.fake.creates()).toHaveLength(0);
  });

  test('syndication.skip: [newsletter] in front matter skips it', async () => {
    const context = await setUp([{ ...ESSAY, skip: ['newsletter'] }]);
    const result = await run(context);
    expect(result.rows).toEqual([
      { item: 'essay/owning-the-wind', network: 'newsletter', status: 'skipped', detail: 'syndication.skip lists newsletter' },
    ]);
    expect(context.fake.requests).toHaveLength(0);
  });

  test('a piece the policy holds is not emailed', async () => {
    const context = await setUp([{ ...ESSAY, text: 'Why fracking is not the answer.' }], {
      policy: 'review:\n  - topic: fracking\n    words: [fracking]\n',
    });
    const result = await run(context);
    expect(result.rows.map((row) => [row.item, row.network, row.status])).toEqual([['essay/owning-the-wind', 'all', 'held']]);
    expect(context.fake.requests).toHaveLength(0);
  });

  test('a refusal from the provider is one clear line, and the next run sends afresh', async () => {
    const context = await setUp([ESSAY]);
    context.fake.faults.push({
      kind: 'status',
      when: (request) => request.method === 'POST',
      times: 1,
      status: 400,
      json: { code: 'email_invalid', detail: 'The email could not be created.' },
    });
    const result = await run(context);
    expect(result.failed).toBe(1);
    const detail = result.rows[0]?.detail ?? '';
    expect(detail).toBe(`[POST] ${context.fake.url}/v1/emails: 400 (email_invalid: The email could not be created.)`);
    expect(detail).not.toContain('\n');
    expect(detail).not.toContain(TOKENS.buttondown);
    expect((await ledgerOf(context.fixture)).items['essay/owning-the-wind']?.networks.newsletter).toBeUndefined();

    await run(context);
    expect(context.fake.emails).toHaveLength(1);
  });

  test('a run killed after the in-flight mark and the send is followed by one that finds the email and does not send it again', async () => {
    const context = await setUp([ESSAY]);
    // The email is made, and its answer held back: the run is killed while it waits for it.
    context.fake.faults.push({ kind: 'slow', when: (request) => request.method === 'POST', times: 1, delayMs: 60_000 });
    let killed = false;
    await runCli('syndicate', ['--feed', context.fixture.dist, '--only', 'newsletter'], {
      cwd: context.fixture.root,
      env: { NO_COLOR: '1', ...env(context.fake) },
      started: (child) => {
        const poll = setInterval(() => {
          if (context.fake.emails.length > 0) {
            clearInterval(poll);
            killed = child.kill('SIGKILL');
          }
        }, 5);
        child.on('exit', () => clearInterval(poll));
      },
    });
    expect(killed).toBe(true);
    expect((await ledgerOf(context.fixture)).items['essay/owning-the-wind']?.networks.newsletter?.status).toBe('in-flight');

    const rerun = await runCli('syndicate', ['--feed', context.fixture.dist, '--only', 'newsletter'], {
      cwd: context.fixture.root,
      env: { NO_COLOR: '1', ...env(context.fake) },
    });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout + rerun.stderr).toContain('already had it');
    expect(context.fake.creates()).toHaveLength(1);
    expect(context.fake.emails).toHaveLength(1);
    expect((await ledgerOf(context.fixture)).items['essay/owning-the-wind']?.networks.newsletter).toMatchObject({
      status: 'posted',
      remoteId: context.fake.emails[0]!.id,
    });
  });

  test('a dry run writes the email to a file a person can open, and sends nothing', async () => {
    const context = await setUp([ESSAY]);
    const lines: string[] = [];
    const result = await run(context, { dryRun: true, log: (line) => lines.push(line) });
    const html = join(context.fixture.root, '.cache/newsletter/essay-owning-the-wind.html');
    expect(result.planned).toHaveLength(1);
    expect(result.planned[0]).toMatchObject({ network: 'newsletter', unit: 'bytes', preview: [html, html.replace(/\.html$/, '.txt')] });
    await access(html);
    expect(await readFile(html, 'utf8')).toContain('Owning the wind');
    expect(lines.some((line) => line.includes(html))).toBe(true);
    expect(context.fake.requests.filter((request) => request.method !== 'GET')).toHaveLength(0);
  });
});
