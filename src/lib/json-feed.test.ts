import { describe, expect, test } from 'vitest';
import { JSON_FEED_VERSION, type JsonFeedInput, type JsonFeedItemInput } from '../contract/feed.ts';
import { buildJsonFeed } from './json-feed.ts';

const item = (id: string, published: string): JsonFeedItemInput => ({
  id,
  url: `https://a.example/essays/${id}/`,
  title: id,
  summary: '',
  content_html: '',
  date_published: published,
  date_modified: published,
  tags: [],
  _syndication: { version: 1, kind: 'essay', slug: id, text: '', skip: [], overrides: {}, reviewed: false },
});

const feed = (items: JsonFeedItemInput[]): Omit<JsonFeedInput, 'version'> => ({
  title: 't',
  home_page_url: 'https://a.example/',
  feed_url: 'https://a.example/feed.json',
  description: 'd',
  language: 'en',
  authors: [],
  items,
});

describe('buildJsonFeed', () => {
  test('declares version 1.1 and orders items newest first', () => {
    const built = buildJsonFeed(feed([item('old', '2025-01-01T00:00:00.000Z'), item('new', '2026-01-01T00:00:00.000Z')]));
    expect(built.version).toBe(JSON_FEED_VERSION);
    expect(built.items.map((i) => i.id)).toEqual(['new', 'old']);
  });

  test('returns what it was given when it keeps the contract, field for field and in the same order', () => {
    const given = item('a', '2026-01-01T00:00:00.000Z');
    const built = buildJsonFeed(feed([given]));
    expect(JSON.stringify(built.items[0])).toBe(JSON.stringify(given));
  });

  test('refuses an item the syndication scripts could not read, naming the item and the field in one line', () => {
    const bad = item('bad', '2026-01-01T00:00:00.000Z');
    const invalid = { ...bad, _syndication: { ...bad._syndication, kind: 'poem' } } as unknown as JsonFeedItemInput;
    expect(() => buildJsonFeed(feed([item('good', '2025-01-01T00:00:00.000Z'), invalid]))).toThrow(
      /^\/feed\.json \(item bad\): _syndication\.kind: is "poem" — use one of essay, note, theory$/,
    );
  });

  test('refuses a share card that is not an absolute URL', () => {
    const bad = item('bad', '2026-01-01T00:00:00.000Z');
    bad._syndication.card = '/cards/essays/bad.png';
    expect(() => buildJsonFeed(feed([bad]))).toThrow(
      /^\/feed\.json \(item bad\): _syndication\.card: is "\/cards\/essays\/bad\.png" — use an absolute URL \(https:\/\/…\)$/,
    );
  });
});
