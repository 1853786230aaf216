import { describe, expect, test } from 'vitest';
import { byNewestPress, outletsOf, showsLogos } from './press.ts';

const item = (slug: string, outlet: string, date: string) => ({ slug, outlet, date: new Date(date) });

describe('outletsOf', () => {
  test('lists each outlet once, most recent appearance first', () => {
    const items = [item('a', 'The Chronicle', '2026-01-01'), item('b', 'Weekly', '2026-03-01'), item('c', 'the chronicle', '2026-05-01')];
    expect(outletsOf(items).map((i) => i.slug)).toEqual(['c', 'b']);
  });
});

describe('byNewestPress', () => {
  test('sorts newest first and breaks ties by slug', () => {
    expect(
      [item('b', 'x', '2026-01-01'), item('a', 'x', '2026-01-01'), item('c', 'x', '2026-02-01')].sort(byNewestPress).map((i) => i.slug),
    ).toEqual(['c', 'a', 'b']);
  });
});

describe('showsLogos', () => {
  const logo = { src: '/logo.svg', width: 240, height: 48 };
  test('shows logos only when every outlet has one', () => {
    expect(showsLogos([{ logo }, { logo }])).toBe(true);
    expect(showsLogos([{ logo }, { logo: undefined }])).toBe(false);
    expect(showsLogos([{ logo }, {}])).toBe(false);
    expect(showsLogos([])).toBe(false);
  });
});
