/**
 * Incremental builds are never stale. A page Astro's incremental build skips is copied from the last
 * build, so a page whose `cacheKey` (src/data/cache-keys.ts) leaves out something it shows would ship
 * as it was before the edit. The proof: after each kind of edit, the incremental build's `dist/` equals,
 * byte for byte, the `dist/` of a full build (`astro build --force`) of the same content — and the
 * incremental build did skip pages, so the comparison is not between two full builds.
 *
 * One site, built cold once; each step edits it, builds incrementally, then builds it in full (which
 * also leaves the cache the next step starts from). Edits that every page shows (the portrait, the
 * accent colour) come last and one at a time: an edit that re-renders every page would hide a key
 * that misses another edit made with it. For those, a build that skipped no page is the proof.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { evidenceFiles, ledgerFor, SAMPLE_KEYS, snapshotSeries } from './helpers/evidence.ts';
import { listFiles, makeSite, SAMPLE_NOW, useCleanBuildEnvironment } from './helpers/site.ts';

/**
 * Files that differ between two builds of the same content, and why. Nothing else may differ.
 * (None so far: the site writes no build time into its pages, feeds or search index.)
 */
const BUILD_TIMESTAMPED_FILES: readonly string[] = [];

const ENV = { HUB_NOW: SAMPLE_NOW };

/** Two snapshots of the same copies: the second brings the replies collected after the first. */
const SNAPSHOTS = snapshotSeries({ count: 2, start: '2026-11-20T09:00:00Z', replyChance: 1, networks: ['bluesky', 'mastodon'] });

/** A note due after the build's moment: unpublished until its date moves into the past. */
const SCHEDULED_NOTE = 'content/notes/2026-12-01-later.md';

let site: Awaited<ReturnType<typeof makeSite>>;

beforeAll(async () => {
  useCleanBuildEnvironment();
  const evidence = evidenceFiles(ledgerFor(SAMPLE_KEYS, ['bluesky', 'mastodon'], '2026-11-19T09:00:00Z'), SNAPSHOTS.slice(0, 1));
  site = await makeSite({
    files: {
      ...evidence,
      [SCHEDULED_NOTE]: [
        '---',
        'date: 2026-12-01T09:00:00Z',
        'tags: [co-operatives]',
        'cites:',
        '  essays: [members-not-customers]',
        '---',
        '',
        'A note written ahead, citing the essay on members.',
        '',
      ].join('\n'),
    },
  });
  const cold = await runBuild(site.root, ENV);
  expect(cold.exitCode, cold.output).toBe(0);
}, 180_000);

afterAll(() => site?.cleanup());

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const file = join(site.root, path);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${path}: the edit changed nothing`);
  await writeFile(file, after);
}

/** Every file of the built site, by path. */
async function readDist(): Promise<Map<string, Buffer>> {
  const dist = join(site.root, 'dist');
  const files = new Map<string, Buffer>();
  for (const path of await listFiles(dist)) {
    if (!BUILD_TIMESTAMPED_FILES.includes(path)) files.set(path, await readFile(join(dist, path)));
  }
  return files;
}

/** Paths whose bytes differ, or that only one of the two sites has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !a.has(path) || !b.has(path)).sort();
}

/** Pages the build copied from its cache rather than rendered. */
function skippedPages(output: string): number {
  return output.split('\n').filter((line) => / \((cached|restored)\)/.test(line)).length;
}

/** Builds incrementally, then in full, and compares; returns how many pages the incremental build skipped. */
async function incrementalEqualsFull(): Promise<number> {
  const incremental = await runBuild(site.root, ENV);
  expect(incremental.exitCode, incremental.output).toBe(0);
  const fromIncremental = await readDist();
  const full = await runBuild(site.root, ENV, ['--force']);
  expect(full.exitCode, full.output).toBe(0);
  expect(skippedPages(full.output)).toBe(0);
  expect(differences(fromIncremental, await readDist())).toEqual([]);
  return skippedPages(incremental.output);
}

test('pieces edited: a title, a tag, a date that publishes a scheduled note, a theory revision, a new citation', async () => {
  // Shown on the theory that builds on it, on its topics' pages and in the listings.
  await edit('content/essays/owning-the-wind.md', (text) =>
    text.replace('title: Why the people who host the turbine should own it', 'title: Why the town that hosts the turbine should own it'),
  );
  // A new topic page, and the note's own page.
  await edit('content/notes/2026-10-28-boycott.md', (text) =>
    text.replace('tags: [values, fracking]', 'tags: [values, fracking, boycotts]'),
  );
  // Published now: its page, its topic, and "Cited by" on the essay it cites.
  await edit(SCHEDULED_NOTE, (text) => text.replace('date: 2026-12-01T09:00:00Z', 'date: 2026-11-21T09:00:00Z'));
  await edit('content/theories/boards-and-voice.md', (text) =>
    text.replace(
      'revisions:\n',
      'revisions:\n  - date: 2026-11-24\n    stage: working-theory\n    change: Moved to a working theory after three boards said the same.\n    why: Three board chairs described the same trade without being asked.\n',
    ),
  );
  // "Cited by" on the essay it now cites.
  await edit('content/notes/2026-11-18-reading.md', (text) =>
    text.replace('tags: [co-operatives]\n', 'tags: [co-operatives]\ncites:\n  essays: [say-where-you-stand]\n'),
  );
  expect(await incrementalEqualsFull()).toBeGreaterThan(0);
}, 300_000);

test('a collected reply: a new snapshot of the evidence', async () => {
  const [, next] = Object.entries(evidenceFiles(ledgerFor(SAMPLE_KEYS, ['bluesky', 'mastodon'], '2026-11-19T09:00:00Z'), SNAPSHOTS)).filter(
    ([path]) => path.includes('/engagement/'),
  );
  await writeFile(join(site.root, next![0]), next![1]);
  expect(await incrementalEqualsFull()).toBeGreaterThan(0);
}, 300_000);

/**
 * An edit every page shows re-renders every page: a build that skips none is a full build, so no second
 * build is needed to compare it with (the steps above show two full builds of one content are equal).
 */
async function incrementalRendersEverything(): Promise<void> {
  const incremental = await runBuild(site.root, ENV);
  expect(incremental.exitCode, incremental.output).toBe(0);
  expect(skippedPages(incremental.output)).toBe(0);
}

test('the profile photo replaced (same file name, other pixels)', async () => {
  const portrait = join(site.root, 'content/images/portrait.jpg');
  await writeFile(
    portrait,
    await sharp(await readFile(portrait))
      .flop()
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
  await incrementalRendersEverything();
}, 300_000);

test('the accent colour changed', async () => {
  await edit('content/site.yaml', (text) => text.replace('accent: "#1f6f73"', 'accent: "#8a3b12"'));
  await incrementalRendersEverything();
}, 300_000);
