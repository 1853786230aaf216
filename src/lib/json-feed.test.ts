import { describe, expect, test } from 'vitest';
import { buildJsonFeed, JSON_FEED_VERSION, type JsonFeedItem } from './json-feed.ts';

const item = (id: string, published: string): JsonFeedItem => ({
  id,
  url: id,
  title: id,
  summary: '',
  content_html: '',
  date_published: published,
  date_modified: published,
  tags: [],
  _syndication: { version: 1, kind: 'essay', slug: id, text: '', skip: [], overrides: {} },
});

describe('buildJsonFeed', () => {
  test('declares version 1.1 and orders items newest first', () => {
    const feed = buildJsonFeed({
      title: 't',
      home_page_url: 'https://a.example/',
      feed_url: 'https://a.example/feed.json',
      description: 'd',
      language: 'en',
      authors: [],
      items: [item('old', '2025-01-01T00:00:00.000Z'), item('new', '2026-01-01T00:00:00.000Z')],
    });
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed.items.map((i) => i.id)).toEqual(['new', 'old']);
  });
});
