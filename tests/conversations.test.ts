/**
 * `./hub run conversations` on a temporary copy of the fixture hub, with snapshot files written with
 * the contract's types as collect writes them: the first look lists everything and marks it seen, the
 * second says there is nothing new, a new snapshot brings only its own, `--all` shows everything again,
 * `--json` has the documented shape, and answered replies are marked (answers ledger, or the person's
 * own later reply on the copy). A stranger's control sequences never reach the terminal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Answers } from '../src/contract/answers.ts';
import { ANSWERS_FILE } from '../src/contract/answers.ts';
import { EVIDENCE_FOLDER, snapshotFileName, type Snapshot } from '../src/contract/snapshots.ts';
import type { ConversationsReport } from '../scripts/conversations/format.ts';
import { SEEN_FILE } from '../scripts/conversations/seen.ts';
import { makeSite } from '../scripts/lib/site-builder.ts';
import { runCli } from './helpers/run-script.ts';

const ESSAY = 'https://morwennahale.example/essays/owning-the-wind/';
const OTHER = 'https://morwennahale.example/essays/members-not-customers/';

const FIRST: Snapshot = {
  version: 1,
  collectedAt: '2026-11-24T10:00:00.000Z',
  networks: { bluesky: { status: 'read', copies: 2 }, x: { status: 'read', copies: 1 } },
  items: {
    'essay/owning-the-wind': {
      url: ESSAY,
      networks: {
        bluesky: {
          remoteId: 'at://did:plc:hub/app.bsky.feed.post/1',
          url: 'https://bsky.app/profile/morwennahale.example/post/1',
          metrics: { replies: 2, quotes: 1 },
          newReplies: [
            {
              id: 'at://did:plc:ada/app.bsky.feed.post/r1',
              url: 'https://bsky.app/profile/ada.example/post/r1',
              author: { name: 'Ada', handle: '@ada.example', url: 'https://bsky.app/profile/ada.example' },
              text: 'I disagree:\u001b]8;;https://evil.example\u0007 click\u001b]8;;\u0007 \u001b[2Jthe grid is the bottleneck.',
              publishedAt: '2026-11-24T08:00:00.000Z',
            },
            {
              id: 'at://did:plc:hub/app.bsky.feed.post/mine',
              url: 'https://bsky.app/profile/morwennahale.example/post/mine',
              author: { name: 'Morwenna Hale', handle: '@morwennahale.example' },
              text: 'Fair point: the second table.',
              publishedAt: '2026-11-24T09:00:00.000Z',
            },
          ],
          newQuotes: [
            {
              id: 'at://did:plc:critic/app.bsky.feed.post/q1',
              url: 'https://bsky.app/profile/critic.example/post/q1',
              author: { name: 'Critic', handle: '@critic.example' },
              text: 'Wrong, and here is why.',
              publishedAt: '2026-11-24T07:00:00.000Z',
            },
          ],
        },
      },
    },
    'essay/members-not-customers': {
      url: OTHER,
      networks: {
        x: {
          remoteId: '1860000000000000001',
          url: 'https://x.com/i/status/1860000000000000001',
          metrics: { replies: 1 },
          newReplies: [
            {
              id: '1870000000000000001',
              url: 'https://x.com/bob/status/1870000000000000001',
              author: { name: 'Bob', handle: '@bob' },
              text: 'Source?',
              publishedAt: '2026-11-23T12:00:00.000Z',
            },
          ],
        },
      },
    },
  },
  webmentions: [
    {
      id: '1601',
      type: 'mention',
      target: OTHER,
      url: 'https://blog.example/posts/members',
      author: { name: 'A Blogger', handle: '', url: 'https://blog.example/' },
      text: 'Members, not customers: a good read.',
      publishedAt: '2026-11-22T12:00:00.000Z',
    },
  ],
};

const SECOND: Snapshot = {
  version: 1,
  collectedAt: '2026-11-25T10:00:00.000Z',
  networks: { x: { status: 'read', copies: 1 } },
  items: {
    'essay/members-not-customers': {
      url: OTHER,
      networks: {
        x: {
          remoteId: '1860000000000000001',
          url: 'https://x.com/i/status/1860000000000000001',
          metrics: { replies: 2 },
          newReplies: [
            {
              id: '1870000000000000002',
              url: 'https://x.com/carol/status/1870000000000000002',
              author: { name: 'Carol', handle: '@carol' },
              text: 'Where is the member vote?',
              publishedAt: '2026-11-25T09:00:00.000Z',
            },
          ],
        },
      },
    },
  },
};

const ANSWERS: Answers = {
  version: 1,
  answers: {
    'x:1870000000000000001': {
      item: 'essay/members-not-customers',
      text: 'The annual report, page 4.',
      status: 'posted',
      remoteId: '1890000000000000001',
      url: 'https://x.com/morwennahale/status/1890000000000000001',
      postedAt: '2026-11-24T11:00:00.000Z',
    },
  },
};

const snapshotFile = (snapshot: Snapshot) => `${EVIDENCE_FOLDER}/${snapshotFileName(snapshot.collectedAt)}`;

let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ root, cleanup } = await makeSite({
    files: {
      [snapshotFile(FIRST)]: `${JSON.stringify(FIRST, null, 2)}\n`,
      [ANSWERS_FILE]: `${JSON.stringify(ANSWERS, null, 2)}\n`,
    },
  }));
});
afterAll(() => cleanup?.());

const conversations = (...args: string[]) => runCli('conversations', args, { cwd: root });

describe('./hub run conversations', () => {
  test('the first look lists every conversation per piece, newest first, and marks them seen', async () => {
    const run = await conversations();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toMatch(/^4 new since you first looked on 2 pieces\./);
    // Pieces by their titles (from content/), the one with the newest conversation first.
    const essay = out.indexOf('Why the people who host the turbine should own it — https://morwennahale.example/essays/owning-the-wind/');
    const other = out.indexOf(
      'Members are not customers with extra paperwork — https://morwennahale.example/essays/members-not-customers/',
    );
    expect(essay).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(essay);
    // Within a piece, newest first: Ada's reply (08:00), then the quote (07:00).
    expect(out.indexOf('bluesky:at://did:plc:ada/app.bsky.feed.post/r1')).toBeLessThan(
      out.indexOf('bluesky:at://did:plc:critic/app.bsky.feed.post/q1'),
    );
    expect(out).toContain('reply on Bluesky by Ada (@ada.example), 2026-11-24 08:00 UTC — answered');
    expect(out).toContain('quote-post on Bluesky by Critic (@critic.example), 2026-11-24 07:00 UTC — not answered');
    expect(out).toContain('    | Wrong, and here is why.');
    expect(out).toContain('    https://bsky.app/profile/critic.example/post/q1');
    expect(out).toContain(
      'reply on X by Bob (@bob), 2026-11-23 12:00 UTC — answered: https://x.com/morwennahale/status/1890000000000000001',
    );
    expect(out).toContain('web:1601');
    expect(out).toContain('mention from their site on the web by A Blogger, 2026-11-22 12:00 UTC — not answered');
    // The person's own reply is not listed as a conversation to answer.
    expect(out).not.toContain('post/mine');
    // Control sequences stripped: no ESC, no BEL.
    expect(out.includes('\u001b') || out.includes('\u0007')).toBe(false);
    expect(out).toContain('    | I disagree: click the grid is the bottleneck.');
    const seen = JSON.parse(await readFile(join(root, SEEN_FILE), 'utf8'));
    expect(seen).toMatchObject({ version: 1, seenThrough: FIRST.collectedAt });
  });

  test('the second look: nothing new, said clearly', async () => {
    const run = await conversations();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'Nothing new since you last looked (collected up to 2026-11-24 10:00 UTC). `./hub run conversations -- --all` shows every conversation.\n',
    );
  });

  test('after another collection only its new conversation is listed; --all lists everything again', async () => {
    await writeFile(join(root, snapshotFile(SECOND)), `${JSON.stringify(SECOND, null, 2)}\n`);
    const run = await conversations();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^1 new since you last looked \(collected up to 2026-11-24 10:00 UTC\) on 1 piece\./);
    expect(run.stdout).toContain('x:1870000000000000002');
    expect(run.stdout).not.toContain('x:1870000000000000001');

    const all = await conversations('--all');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^All conversations: 5 on 2 pieces\./);
    // The member-vote reply (25 Nov) is now the newest: its piece comes first.
    expect(all.stdout.indexOf('Members are not customers')).toBeLessThan(all.stdout.indexOf('Why the people who host'));
  });

  test('--json: only JSON on stdout, in the documented shape', async () => {
    const run = await conversations('--all', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ConversationsReport;
    expect(report).toMatchObject({ version: 1, shown: 'all', since: SECOND.collectedAt, through: SECOND.collectedAt, count: 5 });
    expect(report.pieces.map((piece) => [piece.item, piece.conversations.map((c) => c.id)])).toEqual([
      ['essay/members-not-customers', ['x:1870000000000000002', 'x:1870000000000000001', 'web:1601']],
      ['essay/owning-the-wind', ['bluesky:at://did:plc:ada/app.bsky.feed.post/r1', 'bluesky:at://did:plc:critic/app.bsky.feed.post/q1']],
    ]);
    expect(report.pieces[0]!.conversations[1]).toEqual({
      id: 'x:1870000000000000001',
      kind: 'reply',
      network: 'x',
      author: { name: 'Bob', handle: '@bob' },
      text: 'Source?',
      url: 'https://x.com/bob/status/1870000000000000001',
      publishedAt: '2026-11-23T12:00:00.000Z',
      collectedAt: FIRST.collectedAt,
      answered: true,
      answerUrl: 'https://x.com/morwennahale/status/1890000000000000001',
    });
    expect(JSON.stringify(report)).not.toMatch(/\\u001b|\\u0007/);
    const json = await conversations('--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ shown: 'new', count: 0, pieces: [] });
  });

  test('a broken seen file is one line naming it, exit 1', async () => {
    await writeFile(join(root, SEEN_FILE), '{"version": 1, "seenThrough": "yesterday"');
    const run = await conversations();
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^conversations: \.hub\/conversations-seen\.json/);
  });
});

describe('a hub that has collected nothing', () => {
  test('says so, and how to collect', async () => {
    const empty = await makeSite({});
    try {
      const run = await runCli('conversations', [], { cwd: empty.root });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^No conversations collected yet: `\.\/hub run collect`/);
    } finally {
      await empty.cleanup();
    }
  });
});
