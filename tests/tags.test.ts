/**
 * Tags are free text; their pages' addresses are not. A tag such as `AI/ML`, `../x` or `%2e%2e%2f` gets
 * a page at a slug that is one safe path segment, and is shown with its own label; two tags that would
 * share a page fail the build naming both files.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeBadInputs } from './helpers/bad-input.ts';
import { buildHub, listPages, parseXml, plainOutput, readPage, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

function essay(title: string, tags: string): string {
  return [
    '---',
    `title: ${title}`,
    'description: An essay with awkward tags.',
    'date: 2026-11-01',
    `tags: ${tags}`,
    '---',
    '',
    'A paragraph.',
    '',
  ].join('\n');
}

/** Each awkward tag, the page it must get and the label it must be shown with. */
const AWKWARD = [
  { tag: 'AI/ML', label: 'ai/ml', path: '/tags/ai-ml/' },
  { tag: '../x', label: '../x', path: '/tags/x/' },
  { tag: '%2e%2e%2f', label: '%2e%2e%2f', path: '/tags/2e-2e-2f/' },
  { tag: 'C# & .NET', label: 'c# & .net', path: '/tags/c-net/' },
];

describe('a piece tagged AI/ML, ../x, %2e%2e%2f and "C# & .NET"', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildHub({
      files: { 'content/essays/awkward-tags.md': essay('Awkward tags', JSON.stringify(AWKWARD.map((item) => item.tag))) },
      env: { HUB_NOW: SAMPLE_NOW },
    });
  });
  afterAll(async () => {
    await site?.cleanup();
  });

  test('builds', () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
  });

  test('each tag has its page at a slug, titled with the tag as written', async () => {
    for (const { label, path } of AWKWARD) {
      const { document } = await readPage(site.dist, path);
      expect(document.querySelector('h1')?.textContent, path).toBe(`Topic: ${label}`);
      expect(
        [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href')),
        path,
      ).toContain('/essays/awkward-tags/');
    }
  });

  test('no page is written outside its tag folder', async () => {
    const pages = await listPages(site.dist);
    const tagPages = pages.filter((page) => page.startsWith('/tags/') && page !== '/tags/');
    for (const page of tagPages) expect(page, page).toMatch(/^\/tags\/[\p{L}\p{M}\p{N}-]+\/$/u);
    expect(pages).not.toContain('/x/');
    expect(pages.filter((page) => page.includes('..') || page.includes('%'))).toEqual([]);
  });

  test('the piece and the topic index link each tag to its page, labelled as written', async () => {
    for (const path of ['/essays/awkward-tags/', '/tags/']) {
      const { document } = await readPage(site.dist, path);
      const links = new Map([...document.querySelectorAll('a[href^="/tags/"]')].map((a) => [a.getAttribute('href'), a.textContent ?? '']));
      for (const { label, path: tagPath } of AWKWARD)
        expect(links.get(tagPath), `${path} → ${tagPath}`).toMatch(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  test('the sitemap lists each tag page at its slug', async () => {
    const index = parseXml(await readText(site.dist, '/sitemap-0.xml'));
    const locations = index.urlset.url.map((url: { loc: string }) => new URL(url.loc).pathname);
    for (const { path } of AWKWARD) expect(locations).toContain(path);
  });
});

describeBadInputs([
  {
    name: 'two files whose tags make one address (AI/ML in an essay, ai-ml in a note)',
    files: {
      'content/essays/ai-one.md': essay('One', '[AI/ML]'),
      'content/notes/2026-11-02-ai-two.md': ['---', 'date: 2026-11-02', 'tags: [ai-ml]', '---', '', 'A note.', ''].join('\n'),
    },
    file: 'content/notes/2026-11-02-ai-two.md',
    field: 'tags',
    expected: /content\/essays\/ai-one\.md/,
    line: 'content/notes/2026-11-02-ai-two.md: tags: has "ai-ml", which makes the same address (/tags/ai-ml/) as "ai/ml" in content/essays/ai-one.md — write the tag the same way in both files',
  },
  {
    name: 'a tag with no letters or digits',
    files: { 'content/essays/no-letters.md': essay('No letters', '[energy, "!!!"]') },
    file: 'content/essays/no-letters.md',
    field: 'tags.1',
    expected: /: is "!!!", which has no letters or digits to make the topic’s address from — use a tag with letters or digits$/,
  },
]);
