/**
 * Quote-posts under a piece: "Quoted by", newest first, each with its author, network and text — a
 * stranger's words, so rendered as text, and linked only when the address is http(s). Built from a
 * snapshot as `npm run collect` writes it (hostile quotes among the ordinary one).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Snapshot } from '../src/contract/snapshots.ts';
import { copyUrl, evidenceFiles, HOSTILE_TEXTS, itemUrl, ledgerFor } from './helpers/evidence.ts';
import { buildHub, plainOutput, readPage, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const KEY = 'essay/owning-the-wind';
const LEDGER = ledgerFor([KEY], ['bluesky', 'x'], '2026-09-01T10:00:00.000Z');

const SNAPSHOT: Snapshot = {
  version: 1,
  collectedAt: '2026-11-24T08:00:00.000Z',
  networks: { bluesky: { status: 'read', copies: 1 }, x: { status: 'read', copies: 1 } },
  items: {
    [KEY]: {
      url: itemUrl(KEY),
      networks: {
        bluesky: {
          remoteId: `bluesky-${KEY}`,
          url: copyUrl('bluesky', KEY),
          metrics: { likes: 1, quotes: HOSTILE_TEXTS.length },
          newQuotes: HOSTILE_TEXTS.map((text, i) => ({
            id: `q${i}`,
            url: 'javascript:alert(document.cookie)',
            text,
            author: { name: '<b onmouseover="alert(2)">Mallory</b>', handle: '@mallory.example', url: 'javascript:alert(3)' },
            publishedAt: `2026-11-1${i}T09:00:00.000Z`,
          })),
        },
        x: {
          remoteId: `x-${KEY}`,
          url: copyUrl('x', KEY),
          metrics: { quotes: 1 },
          newQuotes: [
            {
              id: '1880000000000000000',
              url: 'https://x.com/grace_h/status/1880000000000000000',
              text: 'Not so: the grid is the bottleneck.',
              author: { name: 'Grace Hopper', handle: '@grace_h', url: 'https://x.com/grace_h' },
              publishedAt: '2026-11-23T12:00:00.000Z',
            },
          ],
        },
      },
    },
  },
};

let site: BuiltSite;
beforeAll(async () => {
  site = await buildHub({
    files: evidenceFiles(LEDGER, [SNAPSHOT]),
    env: { HUB_NOW: SAMPLE_NOW, HUB_SHARE_CARDS: 'off', HUB_SEARCH: 'off' },
  });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${plainOutput(site.output)}`);
}, 180_000);
afterAll(() => site?.cleanup());

describe('quoted by', () => {
  test('each quote-post under the piece, newest first, as text; links only to http(s) addresses', async () => {
    const { document } = await readPage(site.dist, '/essays/owning-the-wind/');
    expect(document.querySelector('#quotes-heading')?.textContent).toBe('Quoted by');
    const quotes = [...document.querySelectorAll('.quotes > li')];
    expect(quotes.map((li) => li.querySelector('.reply__text')!.textContent)).toEqual([
      'Not so: the grid is the bottleneck.',
      ...[...HOSTILE_TEXTS].reverse(),
    ]);
    const [grace, ...hostile] = quotes;
    expect(grace!.querySelector('.reply__meta')!.textContent).toMatch(/Grace Hopper @grace_h quoted it on X/);
    expect(grace!.querySelector('.reply__link a')?.getAttribute('href')).toBe('https://x.com/grace_h/status/1880000000000000000');
    expect(grace!.querySelector('.p-name')?.getAttribute('href')).toBe('https://x.com/grace_h');
    // The javascript: addresses were dropped when the snapshot was written: no link at all.
    expect(hostile.every((li) => li.querySelector('a') === null)).toBe(true);
    expect(hostile.every((li) => li.querySelector('.p-name')!.textContent === '<b onmouseover="alert(2)">Mallory</b>')).toBe(true);
    expect([...document.querySelectorAll('script')].some((script) => script.textContent?.includes('alert'))).toBe(false);
    expect(document.querySelector('[onmouseover], [onerror], [onload]')).toBeNull();
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    // Quotes are not replies: the replies list stays as it was ("No replies yet").
    expect(document.querySelectorAll('.replies > li')).toHaveLength(0);
  });
});
