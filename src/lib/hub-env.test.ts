import { describe, expect, test } from 'vitest';
import { buildNow, cardCacheOverride, cardWorkers, searchEnabled, shareCardsEnabled } from './hub-env.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('buildNow', () => {
  test('returns the clock when HUB_NOW is not set', () => {
    expect(buildNow({}, () => now)).toBe(now);
  });

  test('returns HUB_NOW when set', () => {
    expect(buildNow({ HUB_NOW: '2027-03-10T09:00:00Z' }).toISOString()).toBe('2027-03-10T09:00:00.000Z');
  });

  test('refuses an unreadable HUB_NOW instead of guessing', () => {
    expect(() => buildNow({ HUB_NOW: 'next tuesday' })).toThrow(/HUB_NOW: expected an ISO date/);
  });
});

describe('switches', () => {
  test('search and share cards are on unless set to off', () => {
    expect(searchEnabled({})).toBe(true);
    expect(searchEnabled({ HUB_SEARCH: 'off' })).toBe(false);
    expect(shareCardsEnabled({ HUB_SHARE_CARDS: 'on' })).toBe(true);
    expect(shareCardsEnabled({ HUB_SHARE_CARDS: 'off' })).toBe(false);
  });
});

describe('cardWorkers', () => {
  test('returns undefined (one per core) when not set', () => {
    expect(cardWorkers({})).toBeUndefined();
    expect(cardWorkers({ HUB_CARD_WORKERS: '' })).toBeUndefined();
  });

  test('returns the number given', () => {
    expect(cardWorkers({ HUB_CARD_WORKERS: '3' })).toBe(3);
  });

  test('refuses anything but a whole number of at least 1', () => {
    expect(() => cardWorkers({ HUB_CARD_WORKERS: '0' })).toThrow(/HUB_CARD_WORKERS: expected a whole number/);
    expect(() => cardWorkers({ HUB_CARD_WORKERS: 'two' })).toThrow(/HUB_CARD_WORKERS/);
  });
});

describe('cardCacheOverride', () => {
  test('returns HUB_CARD_CACHE when set, undefined when not', () => {
    expect(cardCacheOverride({ HUB_CARD_CACHE: '/ci/cards' })).toBe('/ci/cards');
    expect(cardCacheOverride({ HUB_CARD_CACHE: '' })).toBeUndefined();
  });
});
