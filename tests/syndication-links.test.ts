/**
 * The site side of syndication: a piece links to its copies on the networks ("Also on", `u-syndication`
 * inside its h-entry) from the ledger the syndication scripts write, and the feed carries the
 * policy-review flag the scripts read. Builds the fixture hub with a fixture ledger.
 */
import { mf2 } from 'microformats-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, plainOutput, readPage, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const ORIGIN = 'https://morwennahale.example';

/**
 * The ledger after a run: two copies posted, one still in flight (never linked), and the newsletter's
 * email, posted but not a public page (never linked either).
 */
const LEDGER = {
  version: 1,
  items: {
    'essay/owning-the-wind': {
      url: `${ORIGIN}/essays/owning-the-wind/`,
      networks: {
        mastodon: {
          status: 'posted',
          remoteId: '110001',
          url: 'https://mastodon.example/@morwenna/110001',
          postedAt: '2026-11-25T10:00:01.000Z',
        },
        bluesky: {
          status: 'posted',
          remoteId: 'at://did:plc:abc/app.bsky.feed.post/3m2xyzabc2222',
          url: 'https://bsky.app/profile/morwennahale.example/post/3m2xyzabc2222',
          postedAt: '2026-11-25T10:00:00.000Z',
        },
        x: { status: 'in-flight', startedAt: '2026-11-25T10:00:02.000Z' },
        newsletter: {
          status: 'posted',
          remoteId: 'a1b2c3',
          url: 'https://buttondown.com/morwennahale/archive/owning-the-wind/',
          postedAt: '2026-11-25T10:00:03.000Z',
        },
      },
    },
  },
};

const REVIEWED_NOTE = `---
date: 2026-11-20T09:00:00Z
tags: [values]
syndication:
  reviewed: true
---

A note someone has read against the policy before it goes out.
`;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildHub({
    files: { 'content/evidence/syndication.json': JSON.stringify(LEDGER, null, 2), 'content/notes/2026-11-20-reviewed.md': REVIEWED_NOTE },
    env: { HUB_NOW: SAMPLE_NOW, HUB_SHARE_CARDS: 'off' },
  });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${plainOutput(site.output)}`);
});
afterAll(() => site?.cleanup());

describe('"Also on" links', () => {
  test('a piece links each posted public copy as u-syndication inside its h-entry, in the networks’ order, never an in-flight one nor the newsletter', async () => {
    const { document, html } = await readPage(site.dist, '/essays/owning-the-wind/');
    const links = [...document.querySelectorAll('.h-entry a.u-syndication')].map((a) => ({
      text: a.textContent ?? '',
      href: a.getAttribute('href'),
    }));
    expect(links.map((link) => link.href)).toEqual([
      LEDGER.items['essay/owning-the-wind'].networks.bluesky.url,
      LEDGER.items['essay/owning-the-wind'].networks.mastodon.url,
    ]);
    expect(links[0]?.text).toMatch(/Bluesky/);
    expect(links[1]?.text).toMatch(/Mastodon/);
    // The email is not a page people answer under: neither "Also on" nor "Reply on" names it.
    expect(html).not.toContain(LEDGER.items['essay/owning-the-wind'].networks.newsletter.url);
    expect(document.body.textContent).not.toMatch(/Reply on Newsletter/);
    // Each copy once: a second block carrying u-syndication would list every copy twice to parsers.
    const entry = mf2(html, { baseUrl: `${ORIGIN}/essays/owning-the-wind/` }).items.find((item) => item.type?.includes('h-entry'));
    expect(entry?.properties['syndication']).toEqual([
      LEDGER.items['essay/owning-the-wind'].networks.bluesky.url,
      LEDGER.items['essay/owning-the-wind'].networks.mastodon.url,
    ]);
  });

  test('a piece with no copies has no "Also on" links', async () => {
    const { document } = await readPage(site.dist, '/essays/members-not-customers/');
    expect(document.querySelectorAll('a.u-syndication')).toHaveLength(0);
  });
});

describe('feed.json', () => {
  test('carries the policy-review flag from front matter in _syndication', async () => {
    const feed = JSON.parse(await readText(site.dist, '/feed.json')) as {
      items: Array<{ _syndication: { slug: string; reviewed: boolean } }>;
    };
    const reviewed = Object.fromEntries(feed.items.map((item) => [item._syndication.slug, item._syndication.reviewed]));
    expect(reviewed['2026-11-20-reviewed']).toBe(true);
    expect(reviewed['owning-the-wind']).toBe(false);
  });
});
