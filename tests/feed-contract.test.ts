/**
 * The contract across: the site's real `dist/feed.json`, built from the fixture hub, read by the
 * syndication scripts' own reader (`loadFeed`). Each side is unit-tested against the shared schema
 * (src/contract/feed.ts); this is the one test that the feed one side writes is the feed the other
 * reads. What the feed should hold is taken from the fixture's files, read with an independent YAML
 * parser (tests/helpers/site.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jsonFeedSchema, type JsonFeed } from '../src/contract/feed.ts';
import { loadFeed, type LoadedFeed } from '../scripts/syndicate/feed.ts';
import { buildHub, plainOutput, readContent, SAMPLE_NOW, type BuiltSite, type ContentPiece } from './helpers/site.ts';

/** A note that uses every per-network setting, so each crosses the contract with a value that is not the default. */
const SETTINGS_NOTE = `---
date: 2026-11-21T08:00:00Z
tags: [grid]
syndication:
  skip: [x, threads]
  text:
    mastodon: "Written for Mastodon: the queue is the policy."
  reviewed: true
---

The grid queue is where energy policy actually happens.
`;

let site: BuiltSite;
let raw: JsonFeed;
let loaded: LoadedFeed;
let published: ContentPiece[];

beforeAll(async () => {
  // Share cards on: the card URLs in the feed must lead to files in dist/.
  site = await buildHub({ files: { 'content/notes/2026-11-21-settings.md': SETTINGS_NOTE }, env: { HUB_NOW: SAMPLE_NOW } });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${plainOutput(site.output)}`);
  raw = jsonFeedSchema.parse(JSON.parse(await readFile(join(site.dist, 'feed.json'), 'utf8')));
  loaded = await loadFeed('dist', { cwd: site.root, fetch: () => Promise.reject(new Error('no network in this test')) });
  published = (await readContent(join(site.root, 'content'))).filter((piece) => !piece.draft && piece.date <= new Date(SAMPLE_NOW));
}, 600_000);
afterAll(() => site?.cleanup());

const syndicationOf = (piece: ContentPiece) =>
  (piece.data['syndication'] ?? {}) as { skip?: string[]; text?: Record<string, string>; reviewed?: boolean };

describe('dist/feed.json read by the syndication scripts', () => {
  test('carries every published essay, note and theory, and nothing else, under its kind and slug', () => {
    const expected = published.map((piece) => `${piece.kind}/${piece.slug}`).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(new Set(published.map((piece) => piece.kind))).toEqual(new Set(['essay', 'note', 'theory']));
    expect(loaded.items.map((item) => item.key).sort()).toEqual(expected);
    expect(loaded.items.map((item) => `${item.kind}/${item.slug}`).sort()).toEqual(expected);
  });

  test('reads each item as the site wrote it', () => {
    expect(loaded.items).toHaveLength(raw.items.length);
    for (const [index, item] of loaded.items.entries()) {
      const written = raw.items[index]!;
      const extension = written._syndication;
      expect(item).toMatchObject({
        url: written.url,
        title: written.title,
        summary: written.summary,
        tags: written.tags,
        datePublished: written.date_published,
        kind: extension.kind,
        slug: extension.slug,
        text: extension.text,
        card: extension.card,
        skip: extension.skip,
        overrides: extension.overrides,
        reviewed: extension.reviewed,
      });
      expect(item.url).toBe(new URL(item.url).href);
      expect(item.stage).toBe(extension.stage);
      expect(item.body, item.key).toBeTruthy();
    }
  });

  test('gives a theory its stage, and only a theory', () => {
    for (const item of loaded.items) expect(item.stage !== undefined, item.key).toBe(item.kind === 'theory');
  });

  test('carries skip, per-network text and the review flag from each piece’s front matter, defaults where none is written', () => {
    for (const piece of published) {
      const item = loaded.items.find((candidate) => candidate.key === `${piece.kind}/${piece.slug}`)!;
      const settings = syndicationOf(piece);
      expect(item.skip, item.key).toEqual(settings.skip ?? []);
      expect(item.overrides, item.key).toEqual(settings.text ?? {});
      expect(item.reviewed, item.key).toBe(settings.reviewed ?? false);
    }
    const note = loaded.items.find((item) => item.key === 'note/2026-11-21-settings')!;
    expect(note).toMatchObject({
      skip: ['x', 'threads'],
      overrides: { mastodon: 'Written for Mastodon: the queue is the policy.' },
      reviewed: true,
    });
  });

  test('finds every item’s share card in dist/, as a PNG under the upload limit', async () => {
    for (const item of loaded.items) {
      expect(item.card, item.key).toBeDefined();
      const image = await loaded.loadImage(item.card!);
      expect(image, `${item.key}: ${item.card}`).toMatchObject({ mimeType: 'image/png' });
    }
  });
});
