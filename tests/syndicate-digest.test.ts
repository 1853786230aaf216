/**
 * The newsletter's weekly digest as part of the syndication run, against a local Buttondown
 * (tests/helpers/fake-buttondown.ts): NEWSLETTER_DIGEST_KINDS gathered into one email per week once
 * it is over, every piece recorded with that email; a week not over waits; front matter's skip leaves
 * a piece out; exactly once across a run killed between the in-flight marks and the ledger's "posted",
 * and across in-flight marks left with the email already at the provider (found by its marker); the
 * dry run's preview files; a kind named for both the single emails and the digest refused in one line.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { emptyLedger, parseLedger, type Ledger } from '../src/contract/ledger.ts';
import { syndicate, type SyndicateOptions } from '../scripts/syndicate/run.ts';
import { MARKER_KEY } from '../scripts/channels/newsletter/buttondown.ts';
import { startFakeButtondown, type FakeButtondown } from './helpers/fake-buttondown.ts';
import { runCli } from './helpers/run-script.ts';
import { feedItem, makeSyndicationFixture, SITE, TOKENS, type FixtureItem, type SyndicationFixture } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

// Week 2026-W46 runs from Monday 9 to Sunday 15 November 2026.
const ESSAY: FixtureItem = {
  kind: 'essay',
  slug: 'owning-the-wind',
  title: 'Owning the wind',
  date: '2026-11-10T09:00:00.000Z',
  text: 'Community ownership decides whether the next wind farm gets built.',
};
const HALL: FixtureItem = {
  kind: 'note',
  slug: 'village-hall',
  date: '2026-11-09T19:00:00.000Z',
  text: 'Spent the evening at a village hall.',
};
const TIDES: FixtureItem = {
  kind: 'theory',
  slug: 'tides',
  title: 'Tides decide',
  date: '2026-11-12T10:00:00.000Z',
  text: 'Tidal power will be owned locally or not at all.',
};
const SUNDAY: FixtureItem = { kind: 'note', slug: 'sunday', date: '2026-11-15T21:00:00.000Z', text: 'A quiet Sunday at the turbine.' };
// Week 2026-W49: Monday 30 November to Sunday 6 December 2026.
const THIS_WEEK: FixtureItem = { kind: 'note', slug: 'this-week', date: '2026-11-30T09:00:00.000Z', text: 'Monday, and the wind is up.' };

const DIGEST_ENV = { NEWSLETTER_DIGEST_KINDS: 'note,theory' };
const AFTER_W46 = Date.parse('2026-11-16T06:00:00.000Z');

let fixture: SyndicationFixture | undefined;
let buttondown: FakeButtondown | undefined;

afterEach(async () => {
  await buttondown?.close();
  await fixture?.cleanup();
  buttondown = undefined;
  fixture = undefined;
});

interface Context {
  fixture: SyndicationFixture;
  fake: FakeButtondown;
}

async function setUp(items: FixtureItem[]): Promise<Context> {
  fixture = await makeSyndicationFixture(items);
  buttondown = await startFakeButtondown({ apiKey: TOKENS.buttondown });
  return { fixture, fake: buttondown };
}

function env(fake: FakeButtondown, extra: Record<string, string> = DIGEST_ENV): Record<string, string> {
  return { BUTTONDOWN_API_URL: `${fake.url}/v1`, BUTTONDOWN_API_KEY: TOKENS.buttondown, ...extra };
}

function run(context: Context, options: Partial<SyndicateOptions> = {}) {
  return syndicate({
    cwd: context.fixture.root,
    env: env(context.fake),
    only: ['newsletter'],
    timeoutMs: ANSWER_TIMEOUT_MS,
    retry: { totalMs: 2000, baseDelayMs: 20 },
    log: () => undefined,
    now: () => AFTER_W46,
    ...options,
  });
}

async function ledgerOf(fixture: SyndicationFixture): Promise<Ledger> {
  return parseLedger(await readFile(fixture.ledgerFile, 'utf8'), fixture.ledgerFile);
}

const statusOf = (ledger: Ledger, key: string) => ledger.items[key]?.networks.newsletter;

describe('the weekly digest', () => {
  test('one email for a week that is over, listing its notes and theories; each piece recorded with it; sent once', async () => {
    const context = await setUp([HALL, ESSAY, TIDES, SUNDAY]);
    const first = await run(context);
    expect(context.fake.creates()).toHaveLength(2);
    const [essayEmail, digest] = context.fake.emails;
    expect(essayEmail!.canonical_url).toBe(feedItem(ESSAY).url);
    expect(digest).toMatchObject({ metadata: { [MARKER_KEY]: 'digest-2026-W46' }, status: 'about_to_send', canonical_url: '' });
    expect(digest!.subject).toBe('Notes and theories from the week of November 9, 2026');
    // In publication order, each linked.
    const links = ['village-hall', 'tides', 'sunday'].map((slug) =>
      digest!.body.indexOf(`${SITE}/${slug === 'tides' ? 'theories' : 'notes'}/${slug}/`),
    );
    expect(links.every((at) => at > 0)).toBe(true);
    expect(links).toEqual([...links].sort((a, b) => a - b));
    expect(digest!.body).toContain('Hunch');

    expect(first.rows.map((row) => [row.item, row.status, row.url, row.detail])).toEqual([
      ['note/village-hall', 'posted', digest!.absolute_url, 'in digest-2026-W46'],
      ['essay/owning-the-wind', 'posted', essayEmail!.absolute_url, undefined],
      ['theory/tides', 'posted', digest!.absolute_url, 'in digest-2026-W46'],
      ['note/sunday', 'posted', digest!.absolute_url, 'in digest-2026-W46'],
    ]);
    const ledger = await ledgerOf(context.fixture);
    for (const key of ['note/village-hall', 'theory/tides', 'note/sunday'])
      expect(statusOf(ledger, key)).toMatchObject({ status: 'posted', remoteId: digest!.id, url: digest!.absolute_url });

    const second = await run(context, { now: () => AFTER_W46 + 7 * 86_400_000 });
    expect(second.rows).toEqual([]);
    expect(second.alreadyPosted).toBe(4);
    expect(context.fake.creates()).toHaveLength(2);
  });

  test('a week not over yet waits, said in the report and not failed; the first run after it ends sends it', async () => {
    const context = await setUp([THIS_WEEK]);
    const during = await run(context, { now: () => Date.parse('2026-12-06T23:59:00.000Z') });
    expect(during.rows).toEqual([
      {
        item: 'note/this-week',
        network: 'newsletter',
        status: 'waiting',
        detail: 'waiting for the digest of week 2026-W49 (sent after 2026-12-06)',
      },
    ]);
    expect(during.failed).toBe(0);
    expect(context.fake.requests).toHaveLength(0);

    const after = await run(context, { now: () => Date.parse('2026-12-07T00:00:01.000Z') });
    expect(after.rows.map((row) => [row.item, row.status, row.detail])).toEqual([['note/this-week', 'posted', 'in digest-2026-W49']]);
    expect(context.fake.emails.map((email) => email.metadata[MARKER_KEY])).toEqual(['digest-2026-W49']);
  });

  test('a piece whose front matter skips the newsletter is left out; a week with nothing else sends nothing', async () => {
    const context = await setUp([
      { ...HALL, skip: ['newsletter'] },
      { ...THIS_WEEK, skip: ['newsletter'] },
    ]);
    const result = await run(context, { now: () => Date.parse('2026-12-08T00:00:00.000Z') });
    expect(result.rows.map((row) => [row.item, row.status])).toEqual([
      ['note/village-hall', 'skipped'],
      ['note/this-week', 'skipped'],
    ]);
    expect(context.fake.requests).toHaveLength(0);
  });

  test('in-flight marks left by a run that sent the digest: the next finds it by its marker and sends nothing', async () => {
    const context = await setUp([HALL, SUNDAY]);
    const sent = context.fake.seed({ subject: 'Notes from the week of November 9, 2026', metadata: { [MARKER_KEY]: 'digest-2026-W46' } });
    context.fake.seed({ subject: 'Something later' });
    const ledger = emptyLedger();
    for (const item of [HALL, SUNDAY])
      ledger.items[`note/${item.slug}`] = {
        url: String(feedItem(item).url),
        networks: { newsletter: { status: 'in-flight', startedAt: '2026-11-16T06:00:00.000Z' } },
      };
    await mkdir(dirname(context.fixture.ledgerFile), { recursive: true });
    await writeFile(context.fixture.ledgerFile, JSON.stringify(ledger));

    const result = await run(context);
    expect(context.fake.creates()).toHaveLength(0);
    expect(result.rows.map((row) => [row.item, row.status, row.url])).toEqual([
      ['note/village-hall', 'posted', sent.absolute_url],
      ['note/sunday', 'posted', sent.absolute_url],
    ]);
    expect(result.rows[0]!.detail).toMatch(/^in digest-2026-W46; Buttondown already had it \(sent\); not sent again$/);
    const after = await ledgerOf(context.fixture);
    expect(statusOf(after, 'note/village-hall')).toMatchObject({ status: 'posted', remoteId: sent.id });
    expect(statusOf(after, 'note/sunday')).toMatchObject({ status: 'posted', remoteId: sent.id });
  });

  test('a run killed after the send and before the ledger says posted is followed by one that does not send the digest again', async () => {
    const context = await setUp([HALL, TIDES]);
    // The digest is made, and its answer held back: the run is killed while it waits for it.
    context.fake.faults.push({ kind: 'slow', when: (request) => request.method === 'POST', times: 1, delayMs: 60_000 });
    const cli = { cwd: context.fixture.root, env: { NO_COLOR: '1', ...env(context.fake) } };
    let killed = false;
    await runCli('syndicate', ['--feed', context.fixture.dist, '--only', 'newsletter'], {
      ...cli,
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
    const marked = await ledgerOf(context.fixture);
    expect([statusOf(marked, 'note/village-hall')?.status, statusOf(marked, 'theory/tides')?.status]).toEqual(['in-flight', 'in-flight']);

    const rerun = await runCli('syndicate', ['--feed', context.fixture.dist, '--only', 'newsletter'], cli);
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout + rerun.stderr).toContain('already had it');
    expect(context.fake.creates()).toHaveLength(1);
    expect(context.fake.emails).toHaveLength(1);
    const after = await ledgerOf(context.fixture);
    for (const key of ['note/village-hall', 'theory/tides'])
      expect(statusOf(after, key)).toMatchObject({ status: 'posted', remoteId: context.fake.emails[0]!.id });
  });

  test('a dry run writes the digest’s HTML and text preview, and sends nothing', async () => {
    const context = await setUp([HALL, TIDES, THIS_WEEK]);
    const lines: string[] = [];
    const result = await run(context, { dryRun: true, log: (line) => lines.push(line) });
    const html = join(context.fixture.root, '.cache/newsletter/digest-2026-W46.html');
    const text = html.replace(/\.html$/, '.txt');
    expect(result.planned).toEqual([expect.objectContaining({ item: 'digest-2026-W46', network: 'newsletter', preview: [html, text] })]);
    expect(result.rows.map((row) => [row.item, row.status])).toEqual([
      ['note/village-hall', 'would post'],
      ['theory/tides', 'would post'],
      ['note/this-week', 'waiting'],
    ]);
    await access(html);
    expect(await readFile(html, 'utf8')).toContain('Tides decide');
    expect(await readFile(text, 'utf8')).toMatch(/^Subject: Notes and theories from the week of November 9, 2026\n/);
    expect(lines.some((line) => line.includes(html))).toBe(true);
    expect(context.fake.requests).toHaveLength(0);
  });

  test('a kind named for both the single emails and the digest fails the newsletter in one line, and sends nothing', async () => {
    const context = await setUp([ESSAY, HALL]);
    const result = await run(context, { env: env(context.fake, { NEWSLETTER_KINDS: 'essay,note', NEWSLETTER_DIGEST_KINDS: 'note' }) });
    expect(result.rows).toEqual([
      {
        item: 'all',
        network: 'newsletter',
        status: 'failed',
        detail:
          'NEWSLETTER_KINDS and NEWSLETTER_DIGEST_KINDS both name note: a kind goes out alone or in the weekly digest, not both; remove it from one',
      },
    ]);
    expect(context.fake.requests).toHaveLength(0);
  });
});
