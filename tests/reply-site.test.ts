/**
 * The person's answers on the site: an answer posted with `./hub run reply` shows under the piece,
 * nested in the reply it answers (as the thread shows it on the network), marked up as a comment of
 * that reply, with no script; the same answer collected back as a reply is not listed twice, and an
 * answer still in flight (it may not exist) is not shown.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Answers } from '../src/contract/answers.ts';
import type { Snapshot } from '../src/contract/snapshots.ts';
import { evidenceFiles, itemUrl, copyUrl, ledgerFor } from './helpers/evidence.ts';
import { buildHub, plainOutput, readPage, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const ITEM = 'essay/owning-the-wind';
const LEDGER = ledgerFor([ITEM], ['bluesky', 'mastodon'], '2026-09-01T10:00:00.000Z');
const ada = { name: 'Ada', handle: '@ada@other.example', url: 'https://other.example/@ada' };
const SNAPSHOT: Snapshot = {
  version: 1,
  collectedAt: '2026-09-20T10:00:00.000Z',
  networks: { bluesky: { status: 'read', copies: 1 }, mastodon: { status: 'read', copies: 1 } },
  items: {
    [ITEM]: {
      url: itemUrl(ITEM),
      networks: {
        mastodon: {
          remoteId: `mastodon-${ITEM}`,
          url: copyUrl('mastodon', ITEM),
          metrics: { replies: 3 },
          newReplies: [
            {
              id: '501',
              url: 'https://other.example/@ada/501',
              author: ada,
              text: 'Who pays for the grid connection?',
              publishedAt: '2026-09-15T08:00:00.000Z',
            },
            {
              id: '502',
              url: 'https://other.example/@bo/502',
              author: { ...ada, name: 'Bo' },
              text: 'Not answered yet.',
              publishedAt: '2026-09-16T08:00:00.000Z',
            },
            // The person's own answer, as `collect` read it back from the thread.
            {
              id: '601',
              url: 'https://social.example/@morwenna/601',
              author: { name: 'Morwenna Hale', handle: '@morwenna@social.example' },
              text: 'The cooperative does.',
              publishedAt: '2026-09-17T08:00:00.000Z',
            },
          ],
        },
        bluesky: {
          remoteId: `bluesky-${ITEM}`,
          url: copyUrl('bluesky', ITEM),
          metrics: { replies: 1 },
          newReplies: [
            {
              id: 'at://did:plc:ada/app.bsky.feed.post/3l1',
              url: 'https://bsky.app/profile/ada.example/post/3l1',
              author: ada,
              text: 'And the land?',
              publishedAt: '2026-09-15T09:00:00.000Z',
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
    'mastodon:501': {
      item: ITEM,
      text: 'The cooperative does.',
      status: 'posted',
      remoteId: '601',
      url: 'https://social.example/@morwenna/601',
      postedAt: '2026-09-17T08:00:00.000Z',
    },
    'bluesky:at://did:plc:ada/app.bsky.feed.post/3l1': {
      item: ITEM,
      text: 'Still in flight.',
      status: 'in-flight',
      startedAt: '2026-09-17T09:00:00.000Z',
    },
  },
};

let site: BuiltSite;
beforeAll(async () => {
  site = await buildHub({
    files: { ...evidenceFiles(LEDGER, [SNAPSHOT]), 'content/evidence/answers.json': `${JSON.stringify(ANSWERS, null, 2)}\n` },
    env: { HUB_NOW: SAMPLE_NOW, HUB_SHARE_CARDS: 'off', HUB_SEARCH: 'off' },
  });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${plainOutput(site.output)}`);
}, 600_000);
afterAll(() => site?.cleanup());

test('an answer is nested under the reply it answers, once, and an in-flight one is not shown', async () => {
  const { document } = await readPage(site.dist, '/essays/owning-the-wind/');
  const replies = [...document.querySelectorAll('.replies > li')];
  // Ada's two replies and Bo's; the answer collected back is not a reply of its own.
  expect(replies.map((li) => li.querySelector(':scope > .reply__text')!.textContent)).toEqual([
    'Not answered yet.',
    'And the land?',
    'Who pays for the grid connection?',
  ]);
  const answered = replies[2]!;
  const answers = answered.querySelectorAll(':scope > ol.reply__answers > li.reply--answer');
  expect(answers).toHaveLength(1);
  const answer = answers[0]!;
  expect(answered.querySelector('ol.reply__answers')!.getAttribute('aria-label')).toMatch(/’s answer$/);
  expect(answer.querySelector('.reply__text')!.textContent).toBe('The cooperative does.');
  expect(answer.querySelector('a.u-url')!.getAttribute('href')).toBe('https://social.example/@morwenna/601');
  expect(answer.classList.contains('h-cite')).toBe(true);
  expect(answer.textContent).toMatch(/answered on Mastodon/);
  expect(replies[0]!.querySelector('.reply__answers')).toBeNull();
  expect(replies[1]!.querySelector('.reply__answers')).toBeNull();
  expect(document.body.textContent).not.toContain('Still in flight.');
  expect(document.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
});
