/**
 * The evidence on the site: responses under each piece and the /impact/ page, built from snapshots as
 * `npm run collect` writes them — none (a fresh hub), one (with hostile replies), and a thousand days
 * of them. Pages are read with a real HTML parser; the expected numbers come from the fixture itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mf2 } from 'microformats-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engagementOf } from '../src/lib/evidence.ts';
import { evidenceFiles, HOSTILE_TEXTS, ledgerFor, SAMPLE_KEYS, snapshotSeries } from './helpers/evidence.ts';
import { buildHub, FIXTURE_HUB, meta, plainOutput, readPage, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const NETWORKS = ['bluesky', 'mastodon', 'x'] as const;
const LEDGER = ledgerFor(SAMPLE_KEYS, NETWORKS, '2026-09-01T10:00:00.000Z');

async function build(files: Record<string, string>): Promise<BuiltSite> {
  const site = await buildHub({ files, env: { HUB_NOW: SAMPLE_NOW, HUB_SHARE_CARDS: 'off', HUB_SEARCH: 'off' } });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${plainOutput(site.output)}`);
  return site;
}

/** Every href and src on a page, and every attribute name, for the "harmless" checks. */
function dangerousBits(document: Document): { scripts: string[]; handlers: string[]; badUrls: string[] } {
  const all = [...document.querySelectorAll('*')];
  return {
    scripts: [...document.querySelectorAll('script')]
      .map((script) => script.getAttribute('type') ?? 'text/javascript')
      .filter((type) => type !== 'application/ld+json'),
    handlers: all.flatMap((element) => [...element.attributes].map((a) => a.name).filter((name) => name.startsWith('on'))),
    badUrls: all.flatMap((element) =>
      ['href', 'src', 'action', 'formaction']
        .map((name) => element.getAttribute(name) ?? '')
        .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)),
    ),
  };
}

/** The fixture hub's settings with the impact page made public. */
const PUBLIC_IMPACT_SETTINGS = `${readFileSync(join(FIXTURE_HUB, 'site.yaml'), 'utf8')}impact:\n  visibility: public\n`;

/** Where the impact page is listed: its robots meta, the main navigation (on the home page), the sitemap and the site's search. */
async function impactListing(
  site: BuiltSite,
): Promise<{ noindex: boolean; inNavigation: boolean; inSitemap: boolean; searchable: boolean }> {
  const impact = await readPage(site.dist, '/impact/');
  const home = await readPage(site.dist, '/');
  const sitemap = await readText(site.dist, '/sitemap-0.xml');
  return {
    noindex: meta(impact.document, 'robots') === 'noindex',
    inNavigation: [...home.document.querySelectorAll('.site-nav a')].some((a) => a.getAttribute('href') === '/impact/'),
    inSitemap: sitemap.includes('/impact/</loc>'),
    // Pagefind indexes only pages with a data-pagefind-body element.
    searchable: impact.document.querySelector('[data-pagefind-body]') !== null,
  };
}

/** The impact page's headline figures, by their names. */
function headlineFigures(document: Document): Record<string, string | null> {
  return Object.fromEntries(
    [...document.querySelectorAll('.impact-figures div')].map((div) => [
      div.querySelector('dt')!.textContent,
      div.querySelector('dd')!.textContent,
    ]),
  );
}

describe('a fresh hub, nothing collected', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await build({});
  });
  afterAll(() => site?.cleanup());

  test('the impact page reads well: no figures without evidence, an honest empty state, the formula, talks and press', async () => {
    const { document } = await readPage(site.dist, '/impact/');
    expect(document.querySelector('h1')?.textContent).toBe('Is it working?');
    const figures = headlineFigures(document);
    // Nothing collected: no row of zeros, the sections below say so.
    expect(figures['Engagement']).toBeUndefined();
    expect(figures['Replies']).toBeUndefined();
    expect(Number(figures['Talks given'])).toBeGreaterThan(0);
    expect(Number(figures['Press quotes'])).toBeGreaterThan(0);
    // No chart of collected evidence; the invitations to speak are the fixture's own files, charted whatever is collected.
    const charts = [...document.querySelectorAll('svg')].filter((svg) => !svg.closest('[aria-labelledby="invitations-heading"]'));
    expect(charts.length).toBe(0);
    const text = document.querySelector('main')!.textContent!;
    expect(text).toMatch(/No engagement has been collected yet/);
    expect(text).toMatch(/No replies collected yet/);
    expect(text).toMatch(/likes \+ reposts \+ replies \+ quotes/);
    expect(text).toMatch(/Current streak/);
  });

  test('the figure cards never leave one alone on a row; the talks are listed and styled as on the speaking page', async () => {
    const { document } = await readPage(site.dist, '/impact/');
    const grid = document.querySelector('.impact-figures')!;
    const count = grid.querySelectorAll(':scope > div').length;
    for (const width of ['narrow', 'medium', 'wide']) {
      const columns = Number(grid.getAttribute(`data-columns-${width}`));
      expect(columns === 1 || count % columns !== 1, `${count} cards in ${columns} columns (${width})`).toBe(true);
    }
    // The fixture's cancelled Glasgow workshop is neither counted nor listed as upcoming.
    expect(headlineFigures(document)['Upcoming talks']).toBe('2');
    const listed = [...document.querySelectorAll('.talk-list a.u-url')].map((a) => a.getAttribute('href'));
    expect(listed).toEqual(['/speaking/lessons-from-britain/', '/speaking/being-bold-for-change/']);
    const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')!);
    const css = (await Promise.all(stylesheets.map((href) => readText(site.dist, href)))).join('\n');
    expect(css).toMatch(/\.talk-list\s*\{[^}]*list-style:\s*none/);
  });

  test('pieces show no responses section', async () => {
    const { document } = await readPage(site.dist, '/essays/owning-the-wind/');
    expect(document.querySelector('.responses')).toBeNull();
  });

  test('unlisted by default: the impact page is built with noindex, out of the navigation, the sitemap and search', async () => {
    expect(await impactListing(site)).toEqual({ noindex: true, inNavigation: false, inSitemap: false, searchable: false });
  });
});

describe('one snapshot, with hostile replies', () => {
  let site: BuiltSite;
  const [snapshot] = snapshotSeries({ count: 1, start: '2026-11-24T08:00:00.000Z', hostile: true, replyChance: 0 });
  beforeAll(async () => {
    site = await build({ ...evidenceFiles(LEDGER, [snapshot!]), 'content/site.yaml': PUBLIC_IMPACT_SETTINGS });
  });
  afterAll(() => site?.cleanup());

  test('impact.visibility: public lists the impact page in the navigation and the sitemap, open to search engines', async () => {
    expect(await impactListing(site)).toEqual({ noindex: false, inNavigation: true, inSitemap: true, searchable: false });
  });

  test('replies render as text: no script, no handler, no javascript: link — and the page structure survives', async () => {
    const { document } = await readPage(site.dist, '/essays/owning-the-wind/');
    const replies = [...document.querySelectorAll('.replies > li')];
    expect(replies).toHaveLength(HOSTILE_TEXTS.length);
    expect(replies.map((li) => li.querySelector('.reply__text')!.textContent).sort()).toEqual([...HOSTILE_TEXTS].sort());
    expect(replies.every((li) => li.querySelector('.p-name')!.textContent === '<b onmouseover="alert(2)">Mallory</b>')).toBe(true);
    // The author and reply URLs were javascript: ones: shown without links.
    expect(replies.every((li) => li.querySelector('a') === null)).toBe(true);
    expect(dangerousBits(document)).toEqual({ scripts: [], handlers: [], badUrls: [] });
    // "</ol><h1>" in a reply did not close the list or add a heading.
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('.responses')!.closest('article')).not.toBeNull();
  });

  test('counts per network link to the copies, and the replies are h-cite comments of the h-entry', async () => {
    const { document, html } = await readPage(site.dist, '/essays/owning-the-wind/');
    const counts = [...document.querySelectorAll('.response-counts li')].map((li) => li.textContent);
    const item = snapshot!.items['essay/owning-the-wind']!;
    expect(counts).toEqual(
      NETWORKS.map((network) => {
        const metrics = item.networks[network]!.metrics;
        const parts = (['likes', 'reposts', 'replies', 'quotes'] as const).flatMap((key) => {
          const value = metrics[key];
          if (value === undefined) return [];
          const noun = value === 1 ? key.replace(/ies$/, 'y').replace(/s$/, '') : key;
          return [`${value} ${noun}`];
        });
        return `${{ bluesky: 'Bluesky', mastodon: 'Mastodon', x: 'X' }[network]}: ${parts.join(' · ')}`;
      }),
    );
    const entry = mf2(html, { baseUrl: 'https://morwennahale.example/essays/owning-the-wind/' }).items.find((i) =>
      i.type?.includes('h-entry'),
    );
    expect((entry?.properties['comment'] ?? []).length).toBe(HOSTILE_TEXTS.length);
  });

  test('the impact page shows the one reading as a point, with its table', async () => {
    const { document } = await readPage(site.dist, '/impact/');
    const total = Object.values(snapshot!.items)
      .flatMap((item) => Object.values(item.networks))
      .reduce((sum, copy) => sum + engagementOf(copy!.metrics), 0);
    const figures = headlineFigures(document);
    expect(figures['Engagement']).toBe(total.toLocaleString('en-GB'));
    const svg = document.querySelector('svg[role="img"]')!;
    expect(svg.querySelector('title')?.textContent).toBe('Total engagement');
    expect(svg.querySelector('desc')?.textContent).toMatch(/One reading so far/);
    expect(
      svg
        .getAttribute('aria-labelledby')!
        .split(' ')
        .every((id) => document.getElementById(id)),
    ).toBe(true);
    const rows = [...document.querySelectorAll('.chart__data')[0]!.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.querySelector('td')!.textContent).toBe(total.toLocaleString('en-GB'));
    expect(dangerousBits(document)).toEqual({ scripts: [], handlers: [], badUrls: [] });
  });
});

describe('a thousand snapshots', () => {
  let site: BuiltSite;
  const snapshots = snapshotSeries({ count: 1000, start: '2024-03-01T06:00:00.000Z', replyChance: 0.02, seed: 11 });
  beforeAll(async () => {
    site = await build(evidenceFiles(LEDGER, snapshots));
  }, 180_000);
  afterAll(() => site?.cleanup());

  test('engagement is charted by month, every table row agreeing with the snapshots', async () => {
    const { document } = await readPage(site.dist, '/impact/');
    const tables = [...document.querySelectorAll('.chart__data table')];
    const totalRows = [...tables[0]!.querySelectorAll('tbody tr')];
    // 1000 days from March 2024: Mar 2024 … Nov 2026.
    expect(totalRows).toHaveLength(33);
    expect(totalRows[0]!.querySelector('th')!.textContent).toBe('March 2024');
    const totals = new Map<string, Map<string, number>>();
    for (const s of snapshots)
      for (const [key, item] of Object.entries(s.items))
        for (const [network, copy] of Object.entries(item.networks)) {
          (totals.get(key) ?? totals.set(key, new Map()).get(key)!).set(network, engagementOf(copy!.metrics));
        }
    const expected = [...totals.values()].flatMap((byNetwork) => [...byNetwork.values()]).reduce((a, b) => a + b, 0);
    expect(totalRows.at(-1)!.querySelector('td')!.textContent).toBe(expected.toLocaleString('en-GB'));
    // Per network: a column each.
    expect([...tables[1]!.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Month', 'Bluesky', 'Mastodon', 'X']);
    expect(document.querySelectorAll('svg path.chart__line')).toHaveLength(4);
  });

  test('conversations and rankings come from the replies', async () => {
    const { document } = await readPage(site.dist, '/impact/');
    const replies = snapshots.flatMap((s) =>
      Object.values(s.items).flatMap((item) => Object.values(item.networks).flatMap((copy) => copy!.newReplies ?? [])),
    );
    const figures = headlineFigures(document);
    expect(figures['Replies']).toBe(replies.length.toLocaleString('en-GB'));
    expect(document.querySelectorAll('.impact-replies li')).toHaveLength(5);
    expect(document.querySelectorAll('.impact-ranking')).toHaveLength(2);
    const barRows = [...document.querySelectorAll('.chart__data')[2]!.querySelectorAll('tbody tr')];
    expect(barRows).toHaveLength(24);
  });
});
