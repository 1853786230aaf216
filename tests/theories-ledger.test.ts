/**
 * With a syndication ledger (content/evidence/syndication.json, written by the syndication scripts),
 * the invitation to argue links the piece's posted copies as `u-syndication`; in-flight posts are not
 * linked, and pieces the ledger does not know fall back to email.
 */
import { mf2 } from 'microformats-parser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildHub, plainOutput, readPage, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const BLUESKY = 'https://bsky.app/profile/morwennahale.example/post/3lbq2';
const MASTODON = 'https://mastodon.example/@morwenna/1109';

const ledger = {
  version: 1,
  items: {
    'essay/owning-the-wind': {
      url: 'https://morwennahale.example/essays/owning-the-wind/',
      networks: {
        mastodon: { status: 'posted', remoteId: '1109', url: MASTODON, postedAt: '2026-09-14T08:00:06Z' },
        bluesky: {
          status: 'posted',
          remoteId: 'at://did:plc:abc/app.bsky.feed.post/3lbq2',
          url: BLUESKY,
          postedAt: '2026-09-14T08:00:05Z',
        },
        x: { status: 'in-flight', startedAt: '2026-09-14T08:00:07Z' },
      },
    },
  },
};

let site: BuiltSite;

beforeAll(async () => {
  site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW }, files: { 'content/evidence/syndication.json': JSON.stringify(ledger, null, 2) } });
});

afterAll(async () => {
  await site?.cleanup();
});

test('builds with the ledger', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

test('an essay with posted copies invites replies on each network, in network order, listed once as u-syndication under "Also on"', async () => {
  const page = await readPage(site.dist, '/essays/owning-the-wind/');
  const links = [...page.document.querySelectorAll('.argue a[href^="https://"]')];
  expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    ['Reply on Bluesky', BLUESKY],
    ['Reply on Mastodon', MASTODON],
  ]);
  expect(page.document.querySelector('.argue a[href*="x.com"], .argue a[href*="twitter"]')).toBeNull();
  const entry = mf2(page.html, { baseUrl: 'https://morwennahale.example/essays/owning-the-wind/' }).items.find((item) =>
    item.type?.includes('h-entry'),
  )!;
  expect(entry.properties['syndication']).toEqual([BLUESKY, MASTODON]);
  expect([...page.document.querySelectorAll('.also-on a.u-syndication')].map((a) => a.getAttribute('href'))).toEqual([BLUESKY, MASTODON]);
});

test('a piece the ledger does not know invites an email instead', async () => {
  const page = await readPage(site.dist, '/theories/trust-before-turbines/');
  expect(page.document.querySelector('.argue a[href^="https://"]')).toBeNull();
  expect(page.document.querySelector('.u-syndication')).toBeNull();
  expect(page.document.querySelector('.argue a[href^="mailto:"]')).not.toBeNull();
});
