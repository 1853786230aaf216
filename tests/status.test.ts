/**
 * `npm run status`, run for real (node scripts/status.ts) in temporary project folders: content files,
 * a built feed, a ledger, a policy and two engagement snapshots, at a fixed HUB_NOW.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { snapshotFileName, type Snapshot } from '../src/contract/snapshots.ts';
import type { Ledger } from '../src/contract/ledger.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { SITE, writeFeed, type FixtureItem } from './helpers/syndication.ts';

const NOW = '2026-11-25T12:00:00Z';

/** Runs the script with only the environment given (never the test runner's own credentials). */
function runStatus(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptRun> {
  return runCli('status', args, { cwd, env: { HUB_NOW: NOW, ...env } });
}

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'hub-status-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** Published W44–W47 (a streak of four weeks, this week W48 still empty), one scheduled, one draft. */
const CONTENT: Record<string, string> = {
  'content/essays/owning-the-wind.md':
    '---\ntitle: Why the people who host the turbine should own it\ndescription: Ownership decides.\ndate: 2026-11-02\n---\n\nText.\n',
  'content/theories/trust-before-turbines.md':
    '---\ntitle: Local trust is the binding constraint\nsummary: Consent follows ownership.\ndate: 2026-11-10\nstage: hunch\nconfidence: A hunch.\n---\n\nText.\n',
  'content/notes/2026-11-18-reading.md':
    '---\ndate: 2026-11-18T12:00:00Z\n---\n\nRe-reading the co-operative principles before our strategy day. Principle five matters.\n',
  'content/notes/2026-10-28-boycott.md': '---\ndate: 2026-10-28T08:15:00Z\n---\n\nSomeone announced a boycott of us this morning.\n',
  'content/essays/grid-queues.md':
    '---\ntitle: What the grid queue is telling us\ndescription: Draft.\ndate: 2026-11-10\ndraft: true\n---\n\nNotes.\n',
  'content/essays/next-week.md':
    '---\ntitle: Planning for the next turbine\ndescription: Scheduled.\ndate: 2026-12-01T09:00:00+01:00\n---\n\nSoon.\n',
  'content/policy.yaml': 'review:\n  - topic: boycotts\n    words: [boycott*]\n',
};

const FEED: FixtureItem[] = [
  {
    kind: 'essay',
    slug: 'owning-the-wind',
    title: 'Why the people who host the turbine should own it',
    text: 'Ownership decides.',
    date: '2026-11-02T00:00:00.000Z',
    skip: ['x'],
  },
  {
    kind: 'theory',
    slug: 'trust-before-turbines',
    title: 'Local trust is the binding constraint',
    text: 'Consent follows ownership.',
    date: '2026-11-10T00:00:00.000Z',
  },
  {
    kind: 'note',
    slug: '2026-11-18-reading',
    title: 'Re-reading the co-operative principles before our strategy day.',
    text: 'Re-reading the co-operative principles.',
    date: '2026-11-18T12:00:00.000Z',
  },
  {
    kind: 'note',
    slug: '2026-10-28-boycott',
    title: 'Someone announced a boycott of us this morning.',
    text: 'Someone announced a boycott of us this morning.',
    date: '2026-10-28T08:15:00.000Z',
  },
];

const posted = (network: string, id: string) => ({
  status: 'posted' as const,
  remoteId: id,
  url: `https://${network}.example/post/${id}`,
  postedAt: '2026-11-03T10:00:00.000Z',
});

const LEDGER: Ledger = {
  version: 1,
  items: {
    'essay/owning-the-wind': {
      url: `${SITE}/essays/owning-the-wind/`,
      networks: {
        bluesky: posted('bluesky', 'b1'),
        mastodon: posted('mastodon', 'm1'),
        linkedin: { status: 'in-flight', startedAt: '2026-11-25T10:00:00.000Z' },
      },
    },
    'theory/trust-before-turbines': { url: `${SITE}/theories/trust-before-turbines/`, networks: { bluesky: posted('bluesky', 'b2') } },
  },
};

const copy = (
  network: string,
  id: string,
  metrics: Record<string, number>,
  newReplies: Snapshot['items'][string]['networks']['bluesky'] extends infer C
    ? C extends { newReplies?: infer R }
      ? R
      : never
    : never = [],
) => ({
  remoteId: id,
  url: `https://${network}.example/post/${id}`,
  metrics,
  ...(newReplies && newReplies.length > 0 ? { newReplies } : {}),
});

const SNAPSHOTS: Snapshot[] = [
  {
    version: 1,
    collectedAt: '2026-11-24T10:00:00.000Z',
    networks: { bluesky: { status: 'read', copies: 1 }, mastodon: { status: 'read', copies: 1 } },
    items: {
      'essay/owning-the-wind': {
        url: `${SITE}/essays/owning-the-wind/`,
        networks: { bluesky: copy('bluesky', 'b1', { likes: 5, reposts: 1 }), mastodon: copy('mastodon', 'm1', { likes: 2 }) },
      },
    },
  },
  {
    version: 1,
    collectedAt: '2026-11-25T10:00:00.000Z',
    networks: { bluesky: { status: 'read', copies: 2 }, mastodon: { status: 'read', copies: 1 } },
    items: {
      'essay/owning-the-wind': {
        url: `${SITE}/essays/owning-the-wind/`,
        networks: {
          bluesky: copy('bluesky', 'b1', { likes: 9, reposts: 2, replies: 1 }, [
            {
              id: 'r1',
              url: 'https://bluesky.example/post/r1',
              author: { name: 'Ada', handle: '@ada.example' },
              text: 'I disagree.',
              publishedAt: '2026-11-24T18:00:00.000Z',
            },
          ]),
          mastodon: copy('mastodon', 'm1', { likes: 3 }),
        },
      },
      'theory/trust-before-turbines': {
        url: `${SITE}/theories/trust-before-turbines/`,
        networks: { bluesky: copy('bluesky', 'b2', { likes: 4 }) },
      },
    },
  },
];

/** A hub that has been built, syndicated and collected from. */
async function busyHub(): Promise<string> {
  const root = await project({
    ...CONTENT,
    'content/evidence/syndication.json': JSON.stringify(LEDGER, null, 2),
    ...Object.fromEntries(
      SNAPSHOTS.map((snapshot) => [
        `content/evidence/engagement/${snapshotFileName(snapshot.collectedAt)}`,
        JSON.stringify(snapshot, null, 2),
      ]),
    ),
  });
  await writeFeed(join(root, 'dist'), FEED);
  return root;
}

/**
 * The LinkedIn mark in LEDGER: without r_member_social (partners only) the hub cannot look for the
 * post, so the person is asked to, with the commands that settle it.
 */
const NEEDS_YOU = [
  'LinkedIn essay/owning-the-wind: an attempt on 2026-11-25 10:00 UTC may have posted it, and the hub can look only with r_member_social, which LinkedIn grants to partners. Look at your LinkedIn activity, then run one of:',
  '  ./hub run syndicate -- --resolve linkedin:essay/owning-the-wind="<the post\'s URL>"   (it is there)',
  '  ./hub run syndicate -- --resolve linkedin:essay/owning-the-wind=not-posted           (it is not: post it on the next run)',
].join('\n');

const CREDENTIALS: Record<string, string> = {
  BLUESKY_IDENTIFIER: 'ceo.example.com',
  BLUESKY_APP_PASSWORD: 'bsky-app-pass-s3cret-1111',
  MASTODON_URL: 'https://mastodon.example',
  X_OAUTH2_TOKEN: 'x-oauth2-s3cret-token-2222',
  LINKEDIN_TOKEN: 'linkedin-s3cret-token-3333',
  LINKEDIN_AUTHOR: 'urn:li:person:8675309',
};

describe('npm run status', () => {
  test('prints the last post, streaks, what is scheduled, what is not yet syndicated, credentials and engagement', async () => {
    const root = await busyHub();
    const run = await runStatus(root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Hub status at 2026-11-25 12:00 UTC

Last post    Re-reading the co-operative principles before our strategy day. (note, 2026-11-18 12:00 UTC) — 7 days ago
             content/notes/2026-11-18-reading.md
Streak       current 4 weeks (26 October – 22 November 2026) — a piece by Sunday keeps it going
             longest 4 weeks (26 October – 22 November 2026)
Published    4 in the last 30 days · 4 in 90 · 4 in 365 · 0.08 a week

Scheduled    1 essay, each live with the first build after its date
  2026-12-01 08:00 UTC  in 6 days  essay   Planning for the next turbine  content/essays/next-week.md
Drafts       1 essay
  2026-11-10  15 days ago  essay   What the grid queue is telling us  content/essays/grid-queues.md

Syndication  4 pieces in dist/feed.json
  Bluesky    1 pending · 1 held · 2 posted · no credentials
  Mastodon   2 pending · 1 held · 1 posted · no credentials
  LinkedIn   2 pending · 1 in flight (needs you) · 1 held · 0 posted · no credentials
  X          2 pending · 1 held · 0 posted · 1 skipped · no credentials
  Threads    3 pending · 1 held · 0 posted · no credentials
  Newsletter 1 pending · 0 posted · no credentials
  Pending    essay/owning-the-wind         Threads, Newsletter · Why the people who host the turbine should own it
             theory/trust-before-turbines  Mastodon, LinkedIn, X, Threads · Local trust is the binding constraint
             note/2026-11-18-reading       Bluesky, Mastodon, LinkedIn, X, Threads · Re-reading the co-operative principles before our strategy day.
  Held       note/2026-10-28-boycott       mentions “boycott*” (boycotts) in body — set syndication.reviewed: true once checked

Needs you
  ${NEEDS_YOU.split('\n').join('\n  ')}

Credentials
  Bluesky    missing BLUESKY_IDENTIFIER, BLUESKY_APP_PASSWORD
  Mastodon   missing MASTODON_URL, MASTODON_TOKEN
  LinkedIn   missing LINKEDIN_TOKEN, LINKEDIN_AUTHOR
  X          missing X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET (or X_REFRESH_TOKEN with X_CLIENT_ID)
  Threads    missing THREADS_TOKEN, THREADS_USER_ID
  Newsletter missing BUTTONDOWN_API_KEY

Engagement   since the last snapshot: 2026-11-24 10:00 UTC → 2026-11-25 10:00 UTC
  Bluesky    +10
  Mastodon   +1
  Total      +11 · 1 new reply
`);
  });

  test('names the week’s most-read piece once readers are counted (docs/analytics.md)', async () => {
    const root = await busyHub();
    const counted: Snapshot = {
      version: 1,
      collectedAt: '2026-11-25T11:00:00.000Z',
      networks: {},
      items: {
        'essay/owning-the-wind': { url: `${SITE}/essays/owning-the-wind/`, networks: {}, reads: 12 },
        'theory/trust-before-turbines': { url: `${SITE}/theories/trust-before-turbines/`, networks: {}, reads: 3 },
      },
      reads: { status: 'read', pieces: 2, from: '2026-10-26T11:00:00.000Z', to: '2026-11-25T11:00:00.000Z' },
    };
    await writeFile(join(root, 'content/evidence/engagement', snapshotFileName(counted.collectedAt)), JSON.stringify(counted));
    const run = await runStatus(root);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('\nReaders      most read this week: Why the people who host the turbine should own it (12 reads)\n');
  });

  test('--json gives the same status to machines', async () => {
    const root = await busyHub();
    const run = await runStatus(root, ['--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.now).toBe('2026-11-25T12:00:00.000Z');
    expect(status.lastPost).toEqual({
      kind: 'note',
      title: 'Re-reading the co-operative principles before our strategy day.',
      date: '2026-11-18T12:00:00.000Z',
      file: 'content/notes/2026-11-18-reading.md',
      days: -7,
    });
    expect(status.cadence).toMatchObject({
      currentStreak: { weeks: 4, awaitingThisWeek: true, start: { label: '2026-W44' }, end: { label: '2026-W47' } },
      longestStreak: { weeks: 4 },
      daysSinceLastPost: 7,
      recent: { days30: 4, days90: 4, days365: 4 },
    });
    expect(status.scheduled).toEqual([
      {
        kind: 'essay',
        title: 'Planning for the next turbine',
        date: '2026-12-01T08:00:00.000Z',
        file: 'content/essays/next-week.md',
        days: 6,
      },
    ]);
    expect(status.drafts.map((piece: { file: string }) => piece.file)).toEqual(['content/essays/grid-queues.md']);
    expect(status.syndication).toMatchObject({ available: true, feed: 'dist/feed.json', items: 4 });
    expect(status.syndication.held).toEqual([
      {
        key: 'note/2026-10-28-boycott',
        title: 'Someone announced a boycott of us this morning.',
        matches: [{ topic: 'boycotts', word: 'boycott*', fields: ['body'] }],
      },
    ]);
    expect(status.syndication.networks.linkedin).toEqual({
      credentials: false,
      posted: 0,
      skipped: 0,
      held: 1,
      pending: [
        { key: 'theory/trust-before-turbines', title: 'Local trust is the binding constraint' },
        { key: 'note/2026-11-18-reading', title: 'Re-reading the co-operative principles before our strategy day.' },
      ],
      inFlight: [
        { key: 'essay/owning-the-wind', title: 'Why the people who host the turbine should own it', startedAt: '2026-11-25T10:00:00.000Z' },
      ],
    });
    expect(status.syndication.networks.x).toMatchObject({ skipped: 1, posted: 0 });
    expect(status.syndication.pending.map((item: { key: string; networks: string[] }) => [item.key, item.networks])).toEqual([
      // The newsletter emails essays only (NEWSLETTER_KINDS' default): the notes and the theory are not its.
      ['essay/owning-the-wind', ['threads', 'newsletter']],
      ['theory/trust-before-turbines', ['mastodon', 'linkedin', 'x', 'threads']],
      ['note/2026-11-18-reading', ['bluesky', 'mastodon', 'linkedin', 'x', 'threads']],
    ]);
    expect(status.syndication.inFlight).toEqual([
      {
        key: 'essay/owning-the-wind',
        title: 'Why the people who host the turbine should own it',
        network: 'linkedin',
        startedAt: '2026-11-25T10:00:00.000Z',
      },
    ]);
    expect(status.syndication.needsYou).toEqual([
      {
        key: 'essay/owning-the-wind',
        title: 'Why the people who host the turbine should own it',
        network: 'linkedin',
        startedAt: '2026-11-25T10:00:00.000Z',
        message: NEEDS_YOU,
      },
    ]);
    expect(status.credentials.bluesky).toEqual({ present: false, missing: ['BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD'] });
    expect(status.engagement).toEqual({
      from: '2026-11-24T10:00:00.000Z',
      to: '2026-11-25T10:00:00.000Z',
      byNetwork: { bluesky: 10, mastodon: 1 },
      total: 11,
      newReplies: 1,
      snapshots: 2,
    });
  });

  test('says which credentials are present, and never prints their values', async () => {
    const root = await busyHub();
    const human = await runStatus(root, [], CREDENTIALS);
    const json = await runStatus(root, ['--json'], CREDENTIALS);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      [
        'Credentials',
        '  Bluesky    present',
        '  Mastodon   missing MASTODON_TOKEN',
        '  LinkedIn   present',
        '  X          present',
        '  Threads    missing THREADS_TOKEN, THREADS_USER_ID',
      ].join('\n'),
    );
    expect(human.stdout).toContain('  Bluesky    1 pending · 1 held · 2 posted\n');
    expect(JSON.parse(json.stdout).credentials).toEqual({
      bluesky: { present: true },
      mastodon: { present: false, missing: ['MASTODON_TOKEN'] },
      linkedin: { present: true },
      x: { present: true },
      threads: { present: false, missing: ['THREADS_TOKEN', 'THREADS_USER_ID'] },
      newsletter: { present: false, missing: ['BUTTONDOWN_API_KEY'] },
    });
    for (const value of Object.values(CREDENTIALS)) {
      for (const output of [human.stdout, human.stderr, json.stdout, json.stderr]) expect(output).not.toContain(value);
    }
  });

  test('on a fresh hub (never built, syndicated or collected) says what to do first', async () => {
    const root = await project(CONTENT);
    const run = await runStatus(root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nSyndication  build first (./hub build): dist/feed.json does not exist\n');
    expect(run.stdout).toContain('\nEngagement   no snapshots yet (./hub run collect takes one)\n');
    expect(run.stdout).toContain('\nStreak       current 4 weeks (26 October – 22 November 2026)');
    const json = JSON.parse((await runStatus(root, ['--json'])).stdout);
    expect(json.syndication).toEqual({ available: false, feed: 'dist/feed.json', reason: 'build first (./hub build)' });
    expect(json.engagement).toEqual({ byNetwork: {}, total: 0, newReplies: 0, snapshots: 0 });
  });

  test('on an empty hub says nothing is published yet', async () => {
    const root = await project({});
    const run = await runStatus(root);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(2, 9)).toEqual([
      'Last post    nothing published yet',
      'Streak       current none yet',
      '             longest none yet',
      'Published    0 in the last 30 days · 0 in 90 · 0 in 365 · 0 a week',
      '',
      'Scheduled    nothing',
      'Drafts       none',
    ]);
    expect(JSON.parse((await runStatus(root, ['--json'])).stdout).lastPost).toBeUndefined();
  });

  test('an in-flight mark on a network that looks for its own copies is left to the next run; one on LinkedIn needs you', async () => {
    const ledger = structuredClone(LEDGER);
    ledger.items['theory/trust-before-turbines']!.networks.mastodon = { status: 'in-flight', startedAt: '2026-11-25T11:00:00.000Z' };
    const root = await project({ ...CONTENT, 'content/evidence/syndication.json': JSON.stringify(ledger) });
    await writeFeed(join(root, 'dist'), FEED);
    const run = await runStatus(root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  Mastodon   1 pending · 1 in flight (check) · 1 held · 1 posted · no credentials\n');
    expect(run.stdout).toContain(
      '  In flight  theory/trust-before-turbines  Mastodon, since 2026-11-25 11:00 UTC: the next run checks before posting again\n',
    );
    expect(run.stdout).toContain(`\nNeeds you\n  ${NEEDS_YOU.split('\n').join('\n  ')}\n`);
    expect(run.stdout).not.toContain('--resolve mastodon');
  });

  test('follows HUB_NOW: a scheduled piece is published once its date has come', async () => {
    const root = await project(CONTENT);
    const json = JSON.parse((await runStatus(root, ['--json'], { HUB_NOW: '2026-12-01T08:00:00Z' })).stdout);
    expect(json.scheduled).toEqual([]);
    expect(json.lastPost).toMatchObject({ file: 'content/essays/next-week.md', days: 0 });
    expect(json.cadence.currentStreak).toMatchObject({ weeks: 1, awaitingThisWeek: false, start: { label: '2026-W49' } });
  });

  test('reads the feed from --feed', async () => {
    const root = await busyHub();
    const run = await runStatus(root, ['--json', '--feed', 'dist/feed.json']);
    expect(JSON.parse(run.stdout).syndication).toMatchObject({ available: true, feed: 'dist/feed.json' });
    const missing = await runStatus(root, ['--feed', 'elsewhere']);
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain('Syndication  build first (./hub build): elsewhere/feed.json does not exist');
  });

  describe('exits 1 naming the file and the field when an input is broken', () => {
    test.each([
      [
        'a date that does not exist',
        'content/essays/bad.md',
        '---\ntitle: Bad\ndescription: Bad.\ndate: 2026-02-30\n---\n',
        'content/essays/bad.md: date: is "2026-02-30", which is not a day on the calendar — use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00',
      ],
      [
        'a draft flag that is not true or false',
        'content/notes/bad.md',
        '---\ndate: 2026-11-01\ndraft: maybe\n---\n\nText.\n',
        'content/notes/bad.md: draft: is "maybe" — use true or false',
      ],
      [
        'an essay without a title',
        'content/essays/bad.md',
        '---\ndescription: Bad.\ndate: 2026-11-01\n---\n',
        'content/essays/bad.md: title: is missing — add a title',
      ],
      [
        'front matter that is not YAML',
        'content/essays/bad.md',
        '---\ntitle: "Bad\ndate: 2026-11-01\n---\n',
        'content/essays/bad.md: title: is not valid YAML (',
      ],
      [
        'a ledger that is not JSON',
        'content/evidence/syndication.json',
        '{ "version": 1,',
        'content/evidence/syndication.json: (whole file): is not valid JSON (',
      ],
      [
        'a ledger entry of the wrong shape',
        'content/evidence/syndication.json',
        JSON.stringify({ version: 1, items: { 'essay/x': { url: `${SITE}/essays/x/`, networks: { bluesky: { status: 'posted' } } } } }),
        'content/evidence/syndication.json: items.essay/x.networks.bluesky.remoteId: is missing — add ',
      ],
      [
        'a snapshot of the wrong shape',
        'content/evidence/engagement/2026-11-26T10-00-00.000Z.json',
        JSON.stringify({ version: 1, collectedAt: 'yesterday', networks: {}, items: {} }),
        'content/evidence/engagement/2026-11-26T10-00-00.000Z.json: collectedAt: is "yesterday" — use an ISO 8601 date-time',
      ],
      ['a policy that is not a list of words', 'content/policy.yaml', 'review: 12\n', 'content/policy.yaml: review: is 12 — '],
    ])('%s', async (_name, file, text, message) => {
      const root = await busyHub();
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), text);
      const run = await runStatus(root);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`status: ${message}`);
    });

    test('exits 2 for an unknown option', async () => {
      const run = await runStatus(await project({}), ['--colour']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: ./hub run status');
    });
  });
});
