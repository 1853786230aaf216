import { describe, expect, test } from 'vitest';
import { isPublished } from './publishing.ts';

const now = new Date('2026-11-25T12:00:00Z');
const production = { now, showUnpublished: false };

describe('isPublished', () => {
  test('publishes a past, non-draft entry', () => {
    expect(isPublished({ date: new Date('2026-11-01'), draft: false }, production)).toBe(true);
  });

  test('publishes an entry dated exactly now', () => {
    expect(isPublished({ date: now }, production)).toBe(true);
  });

  test('hides a draft even when its date has passed', () => {
    expect(isPublished({ date: new Date('2020-01-01'), draft: true }, production)).toBe(false);
  });

  test('hides an entry dated a second in the future', () => {
    expect(isPublished({ date: new Date(now.getTime() + 1000) }, production)).toBe(false);
  });

  test('shows drafts and future entries when previewing (npm run dev)', () => {
    const dev = { now, showUnpublished: true };
    expect(isPublished({ date: new Date('2030-01-01'), draft: true }, dev)).toBe(true);
  });
});
