/**
 * One page of every type the hub has, chosen from the fixture hub's content (as published at SAMPLE_NOW)
 * so the list follows tests/fixtures/hub rather than hard-coded slugs.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURE_HUB, pageExists, readContent, SAMPLE_NOW, tagPath, type ContentPiece } from '../../helpers/site.ts';

export interface PageType {
  /** What kind of page it is: "essay (MDX)". */
  name: string;
  path: string;
}

/** The content the end-to-end site is built from. */
export const CONTENT_DIR = FIXTURE_HUB;

/** The published pieces of the fixture hub, oldest first. */
export async function publishedPieces(): Promise<ContentPiece[]> {
  const now = new Date(SAMPLE_NOW);
  return (await readContent(CONTENT_DIR))
    .filter((piece) => !piece.draft && piece.date <= now)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

function first<T>(items: T[], what: string): T {
  if (items.length === 0) throw new Error(`The fixture hub has no ${what}; the end-to-end tests need one.`);
  return items[0]!;
}

const isMdx = (piece: ContentPiece): boolean => existsSync(join(CONTENT_DIR, 'essays', `${piece.slug}.mdx`));

/** The Impact page, which only some builds of the hub have yet. */
export const IMPACT_PATH = '/impact/';

/** Every page type, in the order a reader meets them; `/impact/` only when the build has it. */
export async function pageTypes(dist: string): Promise<PageType[]> {
  const pieces = await publishedPieces();
  const essays = pieces.filter((piece) => piece.kind === 'essay');
  const essayMd = first(
    essays.filter((piece) => !isMdx(piece)),
    'published Markdown essay',
  );
  const essayMdx = first(essays.filter(isMdx), 'published MDX essay');
  const note = first(
    pieces.filter((piece) => piece.kind === 'note'),
    'published note',
  );
  const theory = first(
    pieces.filter((piece) => piece.kind === 'theory'),
    'published theory',
  );
  const talks = (await readdir(join(CONTENT_DIR, 'talks')))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `/speaking/${name.replace(/\.md$/, '')}/`);
  const talk = first(
    talks.filter((path) => pageExists(dist, path)),
    'talk with a page',
  );
  const pages: PageType[] = [
    { name: 'home', path: '/' },
    { name: 'about', path: '/about/' },
    { name: 'essays index', path: '/essays/' },
    { name: 'essay (Markdown)', path: essayMd.path },
    { name: 'essay (MDX)', path: essayMdx.path },
    { name: 'notes index', path: '/notes/' },
    { name: 'note', path: note.path },
    { name: 'theories index', path: '/theories/' },
    { name: 'theory', path: theory.path },
    { name: 'stances', path: '/stances/' },
    { name: 'tags index', path: '/tags/' },
    { name: 'tag', path: tagPath(first(essayMd.tags, `tag on ${essayMd.path}`)) },
    { name: 'speaking', path: '/speaking/' },
    { name: 'talk', path: talk },
    { name: 'press', path: '/press/' },
    { name: 'search', path: '/search/' },
  ];
  if (pageExists(dist, IMPACT_PATH)) pages.push({ name: 'impact', path: IMPACT_PATH });
  // Served for any miss; asked for by a path that is not on the site.
  pages.push({ name: '404', path: '/no-such-page/' });
  return pages;
}
