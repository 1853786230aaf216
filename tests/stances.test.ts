/**
 * Stances ("where I stand"), built from the fixture hub: /stances/ lists each published stance with its
 * position, since when, why, and links to the writing behind it; the navigation and the home page
 * lead there, and the pieces behind a stance list it as citing them.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, FIXTURE_HUB, frontMatter, plainOutput, readPage, SAMPLE_NOW, type BuiltSite, type Page } from './helpers/site.ts';

interface Stance {
  slug: string;
  title: string;
  position: string;
  since: unknown;
  cites?: Record<string, string[]>;
}

const FOLDERS: Record<string, string> = { essays: 'essays', theories: 'theories', notes: 'notes' };

let site: BuiltSite;
let stances: Stance[];
let page: Page;

beforeAll(async () => {
  site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW } });
  const folder = join(FIXTURE_HUB, 'stances');
  stances = await Promise.all(
    (await readdir(folder))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map(async (name) => ({
        slug: name.replace(/\.md$/, ''),
        ...((await frontMatter(join(folder, name))) as Omit<Stance, 'slug'>),
      })),
  );
  if (site.exitCode === 0) page = await readPage(site.dist, '/stances/');
});

afterAll(async () => {
  await site?.cleanup();
});

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

test('the fixture hub builds', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

test('(precondition) the fixture has two or more stances, one of them the opposition to fracking since 2013', () => {
  expect(stances.length).toBeGreaterThanOrEqual(2);
  const fracking = stances.find((stance) => /fracking/i.test(stance.title));
  expect(fracking?.since).toBe(2013);
});

describe('/stances/', () => {
  test('is titled “Where I stand” and lists every stance, longest held first', () => {
    expect(text(page.document.querySelector('h1'))).toBe('Where I stand');
    const headings = [...page.document.querySelectorAll('article.stance h2')].map((h) => h.id);
    expect(new Set(headings)).toEqual(new Set(stances.map((stance) => stance.slug)));
    expect(headings[0]).toBe('against-fracking');
  });

  test('gives each stance its position, since when and why', () => {
    for (const stance of stances) {
      const article = page.document.getElementById(stance.slug)!.closest('article')!;
      expect(text(article.querySelector('.stance__position'))).toBe(stance.position);
      const since = article.querySelector('.stance__since time')!;
      expect(since.getAttribute('datetime')).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(text(article.querySelector('.stance__since'))).toMatch(/^Since /);
      expect(text(article.querySelector('.stance__why')).length).toBeGreaterThan(50);
    }
  });

  test('links the essays, theories and notes behind each stance', () => {
    for (const stance of stances) {
      const article = page.document.getElementById(stance.slug)!.closest('article')!;
      const links = [...article.querySelectorAll('.entry-links a')].map((a) => a.getAttribute('href'));
      const expected = Object.entries(stance.cites ?? {}).flatMap(([collection, ids]) => ids.map((id) => `/${FOLDERS[collection]}/${id}/`));
      expect(new Set(links), stance.slug).toEqual(new Set(expected));
    }
  });

  test('is in the navigation and on the home page', async () => {
    const nav = [...page.document.querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href'));
    expect(nav).toContain('/stances/');
    const home = await readPage(site.dist, '/');
    const links = [...home.document.querySelectorAll('#stances ~ ul a, section[aria-labelledby="stances"] a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain('/stances/#against-fracking');
  });
});

test('the essay behind the fracking stance lists the stance as citing it', async () => {
  const { document } = await readPage(site.dist, '/essays/say-where-you-stand/');
  const cited = [...document.querySelectorAll('.backlinks a')].map((a) => a.getAttribute('href'));
  expect(cited).toContain('/stances/#against-fracking');
});
