/**
 * Text from front matter that looks like markup stays text: in JSON-LD (where `</script>` or `<!--`
 * inside a string would end or corrupt the script element), in the head, on pages and in the feeds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildHub,
  FIXTURE_HUB,
  jsonLd,
  jsonLdOfType,
  listPages,
  meta,
  parseXml,
  plainOutput,
  readPage,
  readText,
  SAMPLE_NOW,
  type BuiltSite,
} from './helpers/site.ts';

const TITLE = 'Closing </script><script>alert(1)</script> tags & <!-- in a title';
const DESCRIPTION = 'A summary with </script><script>alert(1)</script> in it, and <!-- an open comment.';
const HERO_ALT = 'A portrait, used here as a hero image <b>with</b> "markup" in its alt text';
const PATH = '/essays/script-in-title/';

const source = [
  '---',
  `title: ${JSON.stringify(TITLE)}`,
  `description: ${JSON.stringify(DESCRIPTION)}`,
  'date: 2026-11-01',
  'tags: [security]',
  'hero:',
  '  src: ./script-in-title.jpg',
  `  alt: ${JSON.stringify(HERO_ALT)}`,
  '---',
  '',
  'An essay whose front matter tries to break out of its script element.',
  '',
].join('\n');

let site: BuiltSite;
let html: string;
let document: Document;

beforeAll(async () => {
  const portrait = await readFile(join(FIXTURE_HUB, 'images/portrait.jpg'));
  site = await buildHub({
    files: { 'content/essays/script-in-title.md': source, 'content/essays/script-in-title.jpg': portrait },
    env: { HUB_NOW: SAMPLE_NOW },
  });
  if (site.exitCode === 0) ({ html, document } = await readPage(site.dist, PATH));
});

afterAll(async () => {
  await site?.cleanup();
});

describe('an essay whose title and description contain </script> and <!--', () => {
  test('builds', () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
  });

  test('its JSON-LD parses back to the exact title and description', () => {
    const [posting] = jsonLdOfType(document, 'BlogPosting');
    expect(posting?.['headline']).toBe(TITLE);
    expect(posting?.['description']).toBe(DESCRIPTION);
  });

  test('the JSON-LD script element never contains </script or <!--', () => {
    const bodies = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(bodies.length).toBe(1);
    for (const body of bodies) {
      expect(body).not.toMatch(/<\/script/i);
      expect(body).not.toContain('<!--');
    }
  });

  // Outside quoted attribute values, where an HTML parser reads markup. Inside them (meta description,
  // og:title, …) `<` is plain data to every HTML parser, and Astro escapes only `&` and `"` there.
  test('the raw HTML, outside attribute values, contains no </script><script>alert sequence', () => {
    const attributeValues = /="[^"]*"/g;
    expect(html.replace(attributeValues, '=""')).not.toContain('</script><script>alert');
  });

  test('the page has no script other than its JSON-LD', () => {
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['application/ld+json']);
  });

  test('the title reaches <title>, Open Graph and the heading as text', () => {
    expect(document.querySelector('title')?.textContent).toContain(TITLE);
    expect(meta(document, 'og:title')).toBe(TITLE);
    expect(meta(document, 'description')).toBe(DESCRIPTION);
    expect(document.querySelector('h1')?.textContent).toBe(TITLE);
  });

  test('the hero image is drawn with its alt text', () => {
    const hero = document.querySelector('figure img');
    expect(hero?.getAttribute('alt')).toBe(HERO_ALT);
  });

  test('no page anywhere turns the text into elements', async () => {
    const pages = await listPages(site.dist);
    expect(pages).toContain(PATH);
    for (const path of pages) {
      const page = await readPage(site.dist, path);
      const code = [...page.document.querySelectorAll('script:not([type="application/ld+json"])')].map((script) => script.textContent);
      expect(
        code.filter((text) => text?.includes('alert(1)')),
        path,
      ).toEqual([]);
      expect(() => jsonLd(page.document), path).not.toThrow();
      expect(
        [...page.document.querySelectorAll('b')].map((b) => b.textContent),
        path,
      ).not.toContain('with');
    }
  });

  test('the feeds carry the exact title', async () => {
    const feed = JSON.parse(await readText(site.dist, '/feed.json'));
    const item = feed.items.find((i: { url: string }) => new URL(i.url).pathname === PATH);
    expect(item.title).toBe(TITLE);
    expect(item.summary).toBe(DESCRIPTION);
    const rss = parseXml(await readText(site.dist, '/rss.xml'));
    const rssItem = rss.rss.channel.item.find((i: { link: string }) => new URL(i.link).pathname === PATH);
    expect(rssItem.title).toBe(TITLE);
  });
});
