import { describe, expect, test } from 'vitest';
import { inSitemap, isListed, unlistedPaths } from './visibility.ts';

const unlisted = { impact: { visibility: 'unlisted' as const } };
const listed = { impact: { visibility: 'public' as const } };

describe('unlistedPaths', () => {
  test('holds /impact/ back until it is made public', () => {
    expect(unlistedPaths(unlisted)).toEqual(['/impact/']);
    expect(unlistedPaths(listed)).toEqual([]);
  });
});

describe('isListed', () => {
  test('lists every other page either way', () => {
    expect(isListed('/impact/', unlisted)).toBe(false);
    expect(isListed('/impact/', listed)).toBe(true);
    expect(isListed('/speaking/', unlisted)).toBe(true);
  });
});

describe('inSitemap', () => {
  test('leaves out the 404 page and unlisted pages', () => {
    expect(inSitemap('https://ada.example/404/', listed)).toBe(false);
    expect(inSitemap('https://ada.example/impact/', unlisted)).toBe(false);
    expect(inSitemap('https://ada.example/impact/', listed)).toBe(true);
    expect(inSitemap('https://ada.example/essays/on-wind/', unlisted)).toBe(true);
  });
});
