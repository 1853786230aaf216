/**
 * Readers, privately (issue 17, item 3), on built sites: with `analytics:` set, every indexed page
 * carries GoatCounter's no-script pixel for its own path and title, pages kept out of search carry
 * none, the built `_headers` lets exactly that origin load images (and the whole site still obeys its
 * policy: scripts/check/csp.ts), and /impact/ shows "read by N, answered by M" and a reads-over-time
 * chart from the snapshots. With analytics unset, nothing is added to any page or to the policy.
 * Two builds: the fixture hub with analytics and two counted windows; the minimal hub without.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite, formatViolations, headersFor, parseCsp } from '../scripts/check/csp.ts';
import { buildHub, FIXTURE_MINIMAL, listPages, plainOutput, readPage, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const GOATCOUNTER = 'https://morwenna.goatcounter.com';
const SITE_YAML = `url: https://morwennahale.example
language: en-GB
analytics:
  site: ${GOATCOUNTER}/
`;

/** A Bluesky copy of members-not-customers with one reply: "answered by 1 reply". */
const ANSWERED = {
  bluesky: {
    remoteId: 'at://did:plc:morwenna/app.bsky.feed.post/3lgrid',
    url: 'https://bsky.app/profile/morwenna.example/post/3lgrid',
    metrics: { likes: 2, replies: 1 },
    newReplies: [
      {
        id: 'at://did:plc:ada/app.bsky.feed.post/3lreply',
        url: 'https://bsky.app/profile/ada.example/post/3lreply',
        author: { name: 'Ada', handle: '@ada.example' },
        text: 'Queues are a planning problem, not a grid one.',
        publishedAt: '2026-11-09T10:00:00.000Z',
      },
    ],
  },
};

/** Two counted windows: the running total is 30 reads, then 95. */
function snapshot(collectedAt: string, from: string, reads: Record<string, number>): string {
  const items = Object.fromEntries(
    Object.entries(reads).map(([key, count]) => [
      key,
      {
        url: `https://morwennahale.example/${key.replace('essay/', 'essays/')}/`,
        networks: key === 'essay/members-not-customers' && from.startsWith('2026-10') ? ANSWERED : {},
        reads: count,
      },
    ]),
  );
  return JSON.stringify({ version: 1, collectedAt, networks: {}, items, reads: { status: 'read', pieces: 2, from, to: collectedAt } });
}

let counted: BuiltSite;
let unset: BuiltSite;

beforeAll(async () => {
  // One after the other: two builds at once would only share two cores.
  counted = await buildHub({
    files: {
      'content/site.yaml': SITE_YAML,
      'content/evidence/engagement/2026-11-10T10-00-00.000Z.json': snapshot('2026-11-10T10:00:00.000Z', '2026-10-11T10:00:00.000Z', {
        'essay/owning-the-wind': 20,
        'essay/members-not-customers': 10,
      }),
      'content/evidence/engagement/2026-11-24T10-00-00.000Z.json': snapshot('2026-11-24T10:00:00.000Z', '2026-11-10T10:00:00.000Z', {
        'essay/owning-the-wind': 5,
        'essay/members-not-customers': 10,
        // A draft: counted by GoatCounter (someone had the link), never listed on the site.
        'essay/grid-queues': 50,
      }),
    },
    env: { HUB_NOW: SAMPLE_NOW },
  });
  unset = await buildHub({ content: FIXTURE_MINIMAL, env: { HUB_NOW: SAMPLE_NOW } });
}, 600_000);

afterAll(async () => {
  await counted?.cleanup();
  await unset?.cleanup();
});

test('both sites build', () => {
  expect(counted.exitCode, plainOutput(counted.output)).toBe(0);
  expect(unset.exitCode, plainOutput(unset.output)).toBe(0);
});

describe('with analytics set', () => {
  test('a page counts its own view with the no-script pixel: its path and title, decorative, out of the flow', async () => {
    const { document } = await readPage(counted.dist, '/essays/owning-the-wind/');
    const pixels = [...document.querySelectorAll(`img[src^="${GOATCOUNTER}/"]`)];
    expect(pixels).toHaveLength(1);
    const pixel = pixels[0]!;
    const src = new URL(pixel.getAttribute('src')!);
    expect(src.origin + src.pathname).toBe(`${GOATCOUNTER}/count`);
    expect(src.searchParams.get('p')).toBe('/essays/owning-the-wind/');
    expect(src.searchParams.get('t')).toBe(document.title);
    expect(pixel.getAttribute('alt')).toBe('');
    expect(pixel.getAttribute('width')).toBe('1');
    expect(pixel.getAttribute('height')).toBe('1');
    expect(pixel.classList.contains('read-counter')).toBe(true);
    expect(document.querySelector('script[data-goatcounter]')).toBeNull();
  });

  test('every indexed page counts; pages kept out of search (the unlisted impact page, 404) do not', async () => {
    const missing: string[] = [];
    const counting: string[] = [];
    for (const page of await listPages(counted.dist)) {
      const { document } = await readPage(counted.dist, page);
      const noindex = document.querySelector('meta[name="robots"][content~="noindex"]') !== null;
      const pixel = document.querySelector(`img[src^="${GOATCOUNTER}/count?"]`) !== null;
      if (noindex && pixel) counting.push(page);
      if (!noindex && !pixel) missing.push(page);
    }
    expect(missing).toEqual([]);
    expect(counting).toEqual([]);
    const impact = await readPage(counted.dist, '/impact/');
    expect(impact.document.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
  });

  test('the built policy lets exactly that origin load images, and the site obeys it', async () => {
    const check = await checkSite(counted.dist, 'https://morwennahale.example');
    const policy = parseCsp(headersFor(check.rules, '/').get('content-security-policy')![0]!).policy;
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', GOATCOUNTER]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.has('connect-src')).toBe(false);
    expect(formatViolations(check.violations)).toBe('');
  });

  test('/impact/ shows "read by N, answered by M" per piece and a reads-over-time chart', async () => {
    const { document } = await readPage(counted.dist, '/impact/');
    const section = document.querySelector('section[aria-labelledby="readers-heading"]')!;
    expect(section).not.toBeNull();
    const rows = [...section.querySelectorAll('.impact-reads li')].map((li) => ({
      href: li.querySelector('a')!.getAttribute('href'),
      text: li.textContent!.replace(/\s+/g, ' ').trim(),
    }));
    expect(rows.map((row) => row.href)).toEqual(['/essays/owning-the-wind/', '/essays/members-not-customers/']);
    expect(rows[0]!.text).toMatch(/^Why the people who host the turbine should own it read 25 times, no replies yet$/);
    expect(rows[1]!.text).toMatch(/ read 20 times, answered by 1 reply$/);
    const chart = section.querySelector('figure')!;
    expect(chart.textContent).toContain('Reads over time');
    expect(chart.textContent).toContain('95');
    expect(section.textContent).not.toContain('grid connection queue');
  });
});

describe('with analytics unset', () => {
  test('no page has a counter, and the policy is public/_headers as written', async () => {
    for (const page of await listPages(unset.dist)) {
      const html = await readText(unset.dist, page);
      expect(html, page).not.toMatch(/goatcounter|read-counter/i);
    }
    expect(await readText(unset.dist, '/_headers')).toBe(await readFile(new URL('../public/_headers', import.meta.url), 'utf8'));
  });

  test('/impact/ says nothing of readers', async () => {
    const { document } = await readPage(unset.dist, '/impact/');
    expect(document.querySelector('#readers-heading')).toBeNull();
  });
});
