/**
 * Share cards in a real build: every piece and page gets one, the head tags point at it, and the cache
 * redraws exactly what changed — across several builds of one site folder.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { isCompletePng, pngSize } from '../src/cards/png.ts';
import {
  distFile,
  listPages,
  makeSite,
  meta,
  plainOutput,
  readContent,
  readPage,
  SAMPLE_NOW,
  useCleanBuildEnvironment,
  type ContentPiece,
} from './helpers/site.ts';

const CARD = { width: 1200, height: 630 };
const env = { HUB_NOW: SAMPLE_NOW };

let root: string;
let cleanup: () => Promise<void>;
let published: ContentPiece[];
/** Pieces, talks and the site card: every card the fixture hub has. */
let cardCount: number;
const cacheDir = () => join(root, '.cache/cards');
const dist = () => join(root, 'dist');

async function build(): Promise<void> {
  const run = await runBuild(root, env);
  expect(run.exitCode, plainOutput(run.output)).toBe(0);
}

/** Cache file name → modification time, to tell redrawn cards from reused ones. */
async function cacheState(): Promise<Map<string, number>> {
  const names = (await readdir(cacheDir())).filter((name) => name.endsWith('.png'));
  return new Map(await Promise.all(names.map(async (name) => [name, (await stat(join(cacheDir(), name))).mtimeMs] as const)));
}

function cardOf(piece: ContentPiece): string {
  return `/cards/${piece.path.split('/')[1]}/${piece.slug}.png`;
}

beforeAll(async () => {
  useCleanBuildEnvironment();
  ({ root, cleanup } = await makeSite());
  published = (await readContent(join(root, 'content'))).filter((piece) => !piece.draft && piece.date <= new Date(SAMPLE_NOW));
  await build();
  const talkPages = (await listPages(dist())).filter((path) => /^\/speaking\/[^/]+\/$/.test(path));
  cardCount = published.length + talkPages.length + 1;
});

afterAll(() => cleanup());

describe('cards in the build', () => {
  test('every published piece has a 1200×630 PNG card under 300 KB', async () => {
    expect(published.length).toBeGreaterThanOrEqual(8);
    for (const piece of published) {
      const png = await readFile(distFile(dist(), cardOf(piece)));
      expect(pngSize(png), piece.path).toEqual(CARD);
      expect(isCompletePng(png, CARD), piece.path).toBe(true);
      expect(png.length, piece.path).toBeLessThan(300_000);
    }
  });

  test('each piece page points og:image and twitter:image at its own card, with size and alt text', async () => {
    for (const piece of published) {
      const { document } = await readPage(dist(), piece.path);
      const image = meta(document, 'og:image');
      expect(image, piece.path).toBe(`https://morwennahale.example${cardOf(piece)}`);
      expect(meta(document, 'twitter:image')).toBe(image);
      expect(meta(document, 'og:image:width')).toBe('1200');
      expect(meta(document, 'og:image:height')).toBe('630');
      expect(meta(document, 'og:image:alt')).toMatch(/Morwenna Hale/);
    }
  });

  test('each talk page points at its own talk card', async () => {
    const talks = (await listPages(dist())).filter((path) => /^\/speaking\/[^/]+\/$/.test(path));
    expect(talks.length).toBeGreaterThan(0);
    for (const path of talks) {
      const { document } = await readPage(dist(), path);
      const slug = path.split('/')[2]!;
      expect(meta(document, 'og:image'), path).toBe(`https://morwennahale.example/cards/talks/${slug}.png`);
      expect(meta(document, 'og:image:alt'), path).toMatch(/^Talk · /);
      expect(isCompletePng(await readFile(distFile(dist(), `/cards/talks/${slug}.png`)), CARD), path).toBe(true);
    }
  });

  test('every other page points at a card that exists', async () => {
    const piecePaths = new Set(published.map((piece) => piece.path));
    const others = (await listPages(dist())).filter((path) => !piecePaths.has(path));
    expect(others).toContain('/');
    for (const path of others) {
      const { document } = await readPage(dist(), path);
      const image = meta(document, 'og:image')!;
      expect(image, path).toMatch(/^https:\/\/morwennahale\.example\//);
      const file = distFile(dist(), new URL(image).pathname);
      expect(isCompletePng(await readFile(file), CARD), `${path} → ${image}`).toBe(true);
    }
    const home = await readPage(dist(), '/');
    expect(meta(home.document, 'og:image')).toBe('https://morwennahale.example/cards/site.png');
  });

  test('the JSON Feed offers each card as the item image and the syndication thumbnail', async () => {
    const feed = JSON.parse(await readFile(join(dist(), 'feed.json'), 'utf8')) as {
      items: Array<{ url: string; image: string; _syndication: { card: string } }>;
    };
    for (const item of feed.items) {
      expect(item.image).toMatch(/^https:\/\/morwennahale\.example\/cards\/.+\.png$/);
      expect(item._syndication.card).toBe(item.image);
      // Bluesky refuses thumbnails over 1,000,000 bytes.
      expect((await stat(distFile(dist(), new URL(item.image).pathname))).size).toBeLessThan(1_000_000);
    }
  });
});

describe('the card cache', () => {
  test('a rebuild with nothing changed draws no card', async () => {
    const before = await cacheState();
    expect(before.size).toBe(cardCount);
    await build();
    expect(await cacheState()).toEqual(before);
  });

  test('editing one title redraws that card only', async () => {
    const before = await cacheState();
    const file = join(root, 'content/essays/owning-the-wind.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'title: Why the people who host the turbine should own it',
        'title: The town that hosts the turbine should own it',
      ),
    );
    await build();
    const after = await cacheState();
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    for (const [name, mtime] of before) expect(after.get(name), name).toBe(mtime);
  });

  test('a damaged cache file is redrawn, never served', async () => {
    const [victim] = [...(await cacheState()).keys()];
    const path = join(cacheDir(), victim!);
    const good = await readFile(path);
    await writeFile(path, good.subarray(0, good.length / 2));
    await build();
    const redrawn = await readFile(path);
    expect(isCompletePng(redrawn, CARD)).toBe(true);
    for (const piece of published) expect(isCompletePng(await readFile(distFile(dist(), cardOf(piece))), CARD), piece.path).toBe(true);
  });

  test('a new photo redraws every card', async () => {
    const before = await cacheState();
    const photo = join(root, 'content/images/portrait.jpg');
    await writeFile(
      photo,
      await sharp(await readFile(photo))
        .flop()
        .jpeg()
        .toBuffer(),
    );
    await build();
    const after = await cacheState();
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added).toHaveLength(cardCount);
  });
});

describe('an entry’s own image', () => {
  test('replaces its card in the preview tags', async () => {
    const essay = join(root, 'content/essays/members-not-customers.md');
    await writeFile(
      join(root, 'content/essays/meeting.png'),
      await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#cc6600' } })
        .png()
        .toBuffer(),
    );
    await writeFile(
      essay,
      (await readFile(essay, 'utf8')).replace(
        'tags: [co-operatives',
        'image:\n  src: ./meeting.png\n  alt: An orange test card\ntags: [co-operatives',
      ),
    );
    await build();
    const { document } = await readPage(dist(), '/essays/members-not-customers/');
    expect(meta(document, 'og:image')).toMatch(/^https:\/\/morwennahale\.example\/_astro\/meeting\..+\.jpe?g$/);
    expect(meta(document, 'og:image:alt')).toBe('An orange test card');
  });
});
