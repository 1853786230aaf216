/**
 * The publishing rule end to end: a draft or a piece dated in the future appears nowhere in a build
 * (pages, listings, home, tags, feeds, sitemap), a future piece appears once its date has come, and
 * `npm run dev` shows drafts so the author can preview them.
 */
import { readFile } from 'node:fs/promises';
import { dev } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildHub,
  distFile,
  listFiles,
  makeSite,
  pageExists,
  parseXml,
  plainOutput,
  readPage,
  readText,
  SAMPLE_NOW,
  tagPath,
  useCleanBuildEnvironment,
  type BuiltSite,
} from './helpers/site.ts';

interface Hidden {
  name: string;
  path: string;
  listing: string;
  /** A string that appears in the piece and nowhere else. */
  marker: string;
  /** A tag only this piece uses. */
  tag: string;
  file: string;
  source: string;
}

const hidden: Hidden[] = [
  {
    name: 'draft essay',
    path: '/essays/zz-draft-essay/',
    listing: '/essays/',
    marker: 'Marker of the draft essay',
    tag: 'only-in-draft-essay',
    file: 'content/essays/zz-draft-essay.md',
    source: [
      '---',
      'title: Marker of the draft essay',
      'description: An essay that is not finished.',
      'date: 2026-03-01',
      'draft: true',
      'tags: [only-in-draft-essay, leadership]',
      '---',
      '',
      'Half a thought.',
    ].join('\n'),
  },
  {
    name: 'future essay',
    path: '/essays/zz-future-essay/',
    listing: '/essays/',
    marker: 'Marker of the future essay',
    tag: 'only-in-future-essay',
    file: 'content/essays/zz-future-essay.md',
    source: [
      '---',
      'title: Marker of the future essay',
      'description: An essay scheduled for January.',
      'date: 2027-01-15',
      'tags: [only-in-future-essay, ownership]',
      '---',
      '',
      'Written ahead of time.',
    ].join('\n'),
  },
  {
    name: 'future note',
    path: '/notes/2027-01-20-future-note/',
    listing: '/notes/',
    marker: 'Marker of the future note',
    tag: 'only-in-future-note',
    file: 'content/notes/2027-01-20-future-note.md',
    source: ['---', 'date: 2027-01-20T09:00:00Z', 'tags: [only-in-future-note]', '---', '', 'Marker of the future note, scheduled.'].join(
      '\n',
    ),
  },
  {
    name: 'draft theory',
    path: '/theories/zz-draft-theory/',
    listing: '/theories/',
    marker: 'Marker of the draft theory',
    tag: 'only-in-draft-theory',
    file: 'content/theories/zz-draft-theory.md',
    source: [
      '---',
      'title: Marker of the draft theory',
      'summary: A theory not ready to share.',
      'date: 2026-04-01',
      'stage: hunch',
      'confidence: Barely a hunch.',
      'draft: true',
      'tags: [only-in-draft-theory]',
      '---',
      '',
      'Still forming.',
    ].join('\n'),
  },
];

const files = Object.fromEntries(hidden.map((piece) => [piece.file, `${piece.source}\n`]));
/** After the future essay's and note's dates. */
const LATER = '2027-02-01T00:00:00Z';
const futureEssay = hidden.find((piece) => piece.name === 'future essay')!;
const draftEssay = hidden.find((piece) => piece.name === 'draft essay')!;

async function links(dist: string, path: string): Promise<Set<string | null>> {
  const { document } = await readPage(dist, path);
  return new Set([...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
}

async function feedPaths(dist: string): Promise<{ rss: string[]; json: string[]; sitemap: string[] }> {
  const rss = parseXml(await readText(dist, '/rss.xml')).rss.channel.item.map((item: { link: string }) => new URL(item.link).pathname);
  const json = JSON.parse(await readText(dist, '/feed.json')).items.map((item: { url: string }) => new URL(item.url).pathname);
  const sitemap = parseXml(await readText(dist, '/sitemap-0.xml')).urlset.url.map((url: { loc: string }) => new URL(url.loc).pathname);
  return { rss, json, sitemap };
}

describe(`a build at HUB_NOW=${SAMPLE_NOW}`, () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildHub({ files, env: { HUB_NOW: SAMPLE_NOW } });
  });
  afterAll(async () => {
    await site?.cleanup();
  });

  test('succeeds', () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
  });

  test.each(hidden)('has no page for the $name', (piece) => {
    expect(pageExists(site.dist, piece.path)).toBe(false);
  });

  test.each(hidden)('does not list the $name on its kind’s page or the home page', async (piece) => {
    expect(await links(site.dist, piece.listing)).not.toContain(piece.path);
    expect(await links(site.dist, '/')).not.toContain(piece.path);
  });

  test.each(hidden)('has no tag page for the tag only the $name uses, and /tags/ does not list it', async (piece) => {
    expect(pageExists(site.dist, tagPath(piece.tag))).toBe(false);
    expect(await links(site.dist, '/tags/')).not.toContain(tagPath(piece.tag));
  });

  test.each(hidden)('leaves the $name out of rss.xml, feed.json and the sitemap', async (piece) => {
    const { rss, json, sitemap } = await feedPaths(site.dist);
    expect(rss).not.toContain(piece.path);
    expect(json).not.toContain(piece.path);
    expect(sitemap).not.toContain(piece.path);
    expect(sitemap).not.toContain(tagPath(piece.tag));
  });

  test('mentions no unpublished piece in any file it wrote', async () => {
    const textFiles = (await listFiles(site.dist)).filter((file) => /\.(html|xml|json|txt)$/.test(file));
    expect(textFiles.length).toBeGreaterThan(10);
    for (const file of textFiles) {
      const text = await readFile(distFile(site.dist, file), 'utf8');
      for (const piece of hidden) {
        expect(text.includes(piece.marker), `${piece.marker} in ${file}`).toBe(false);
        expect(text.includes(piece.path), `${piece.path} in ${file}`).toBe(false);
        expect(text.includes(piece.tag), `${piece.tag} in ${file}`).toBe(false);
      }
    }
  });

  test('still publishes the fixture hub’s pieces that share those tags and folders', async () => {
    const { rss, json, sitemap } = await feedPaths(site.dist);
    for (const list of [rss, json, sitemap]) expect(list).toContain('/essays/owning-the-wind/');
    expect(await links(site.dist, '/essays/')).toContain('/essays/owning-the-wind/');
    expect(pageExists(site.dist, tagPath('leadership'))).toBe(true);
  });
});

describe(`a build at HUB_NOW=${LATER}, after the future dates`, () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildHub({ files, env: { HUB_NOW: LATER } });
  });
  afterAll(async () => {
    await site?.cleanup();
  });

  test('publishes the essay whose date has come, everywhere', async () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
    const page = await readPage(site.dist, futureEssay.path);
    expect(page.document.querySelector('h1')?.textContent).toBe(futureEssay.marker);
    expect(await links(site.dist, '/essays/')).toContain(futureEssay.path);
    expect(await links(site.dist, '/')).toContain(futureEssay.path);
    expect(pageExists(site.dist, tagPath(futureEssay.tag))).toBe(true);
    expect(await links(site.dist, '/tags/')).toContain(tagPath(futureEssay.tag));
    const { rss, json, sitemap } = await feedPaths(site.dist);
    expect(rss[0]).toBe('/notes/2027-01-20-future-note/');
    expect(rss).toContain(futureEssay.path);
    expect(json).toContain(futureEssay.path);
    expect(sitemap).toContain(futureEssay.path);
  });

  test('still keeps the drafts out', () => {
    for (const piece of hidden.filter((p) => p.name.startsWith('draft'))) {
      expect(pageExists(site.dist, piece.path), piece.name).toBe(false);
    }
  });
});

describe('a build whose shell has NODE_ENV=development', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildHub({ files: { [draftEssay.file]: files[draftEssay.file]! }, env: { HUB_NOW: SAMPLE_NOW, NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await site?.cleanup();
  });

  // `astro build` is the production build whatever NODE_ENV says; only `astro dev` shows drafts.
  test('still publishes no draft', () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
    expect(pageExists(site.dist, draftEssay.path)).toBe(false);
    expect(pageExists(site.dist, '/essays/grid-queues/')).toBe(false);
  });
});

describe('npm run dev', () => {
  let server: Awaited<ReturnType<typeof dev>> | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  let base: string;

  beforeAll(async () => {
    const site = await makeSite({ files });
    cleanup = site.cleanup;
    process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
    // Astro's dev server leaves out its page routes when `VITEST` is set, taking itself for Vitest's own
    // Vite server (vite-plugin-astro-server/plugin.js); this one is a separate server, as `npm run dev` is.
    const vitest = process.env['VITEST'];
    delete process.env['VITEST'];
    try {
      server = await dev({ root: site.root, server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
    } finally {
      if (vitest !== undefined) process.env['VITEST'] = vitest;
    }
    base = `http://127.0.0.1:${server.address.port}`;
  });

  afterAll(async () => {
    await server?.stop();
    await cleanup?.();
    useCleanBuildEnvironment();
  });

  test('listens on a port of its own', () => {
    expect(server?.address.port).toBeGreaterThan(0);
  });

  test('shows a draft essay, marked as a draft', async () => {
    const response = await fetch(`${base}${draftEssay.path}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<h1 class="p-name">${draftEssay.marker}</h1>`);
    expect(html).toMatch(/badge--draft[^>]*>draft</);
  });

  test('shows a future essay too', async () => {
    const response = await fetch(`${base}${futureEssay.path}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(futureEssay.marker);
  });
});
