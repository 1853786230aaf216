import { describe, expect, test } from 'vitest';
import { fitExcerpt, graphemeCount } from './cut.ts';

const under = (max: number) => (text: string) => graphemeCount(text) <= max;

describe('fitExcerpt', () => {
  test('returns the whole text when it fits', () => {
    expect(fitExcerpt('One. Two.', under(20))).toBe('One. Two.');
  });

  test('cuts at a sentence boundary when whole sentences fit', () => {
    expect(fitExcerpt('First sentence here. Second sentence is longer.', under(30))).toBe('First sentence here.');
  });

  test('cuts at a word boundary with an ellipsis when no sentence fits', () => {
    expect(fitExcerpt('Community ownership decides whether the next one is built', under(25))).toBe('Community ownership…');
  });

  test('never cuts inside a grapheme: an emoji with a skin tone stays whole', () => {
    const text = 'Wave 👋🏽👋🏽👋🏽 at the village hall';
    const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map(({ segment }) => segment);
    const prefixes = new Set(
      graphemes.map((_, i) =>
        graphemes
          .slice(0, i + 1)
          .join('')
          .trimEnd(),
      ),
    );
    for (let max = 1; max < graphemes.length; max += 1) {
      const excerpt = fitExcerpt(text, under(max));
      if (excerpt === undefined) continue;
      expect(graphemeCount(excerpt)).toBeLessThanOrEqual(max);
      expect(prefixes.has(excerpt.replace(/…$/, ''))).toBe(true);
    }
  });

  test('keeps combining accents with their letters', () => {
    const text = 'Cafe\u0301 society cafe\u0301 politics';
    const excerpt = fitExcerpt(text, under(8));
    expect(excerpt).toBe('Cafe\u0301…');
  });

  test('returns undefined when not even one word fits', () => {
    expect(fitExcerpt('Incomprehensibilities', under(5))).toBeUndefined();
  });

  test('treats line breaks as spaces', () => {
    expect(fitExcerpt('A soft\nwrap.', under(50))).toBe('A soft wrap.');
  });
});
