import { describe, expect, test } from 'vitest';
import { dropEmoji, fitTitle } from './layout.ts';

describe('fitTitle', () => {
  test('keeps a short title large', () => {
    expect(fitTitle('Members are not customers').fontSize).toBe(76);
  });

  test('shrinks as titles grow, never growing back', () => {
    const sizes = [20, 60, 120, 200, 400].map((length) => fitTitle('word '.repeat(length / 5).trim()).fontSize);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]!);
    expect(sizes.at(-1)).toBeLessThan(sizes[0]!);
  });

  test('clamps the longest titles to a fixed number of lines', () => {
    const { maxLines } = fitTitle('an extremely long title '.repeat(40));
    expect(maxLines).toBeGreaterThan(0);
    expect(maxLines).toBeLessThanOrEqual(5);
  });
});

describe('dropEmoji', () => {
  test('drops emoji, including joined families, flags and skin tones, and tidies spaces', () => {
    expect(dropEmoji('Wind 🌬️ power 👩🏽‍🔧 for all 🇬🇧 🏴󠁧󠁢󠁳󠁣󠁴󠁿!')).toBe('Wind power for all !');
  });

  test('keeps accented Latin, Greek and Cyrillic letters and punctuation', () => {
    const text = 'Ça coûte — Ενέργεια για όλους — Энергия для всех: «да»!';
    expect(dropEmoji(text)).toBe(text);
  });
});
