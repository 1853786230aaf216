import { describe, expect, test } from 'vitest';
import { createFormats } from './formats.ts';
import { DEFAULT_LANGUAGE } from '../schemas/site.ts';
import { byLongestHeld, formatSince, parseSince, sinceDatetime } from './stances.ts';

describe('parseSince', () => {
  test('reads a year, as a number or as text', () => {
    expect(parseSince(2013)).toEqual({ date: new Date('2013-01-01T00:00:00Z'), precision: 'year' });
    expect(parseSince('2013')?.precision).toBe('year');
  });

  test('reads a month', () => {
    expect(parseSince('2013-06')).toEqual({ date: new Date('2013-06-01T00:00:00Z'), precision: 'month' });
  });

  test('reads a date, as text or as the Date YAML makes of it', () => {
    expect(parseSince('2013-06-04')).toEqual({ date: new Date('2013-06-04T00:00:00Z'), precision: 'day' });
    expect(parseSince(new Date('2013-06-04'))?.precision).toBe('day');
  });

  test('returns undefined for impossible months and dates and for free text', () => {
    for (const value of ['2013-13', '2013-02-30', 'a long time', 13, '']) expect(parseSince(value), String(value)).toBeUndefined();
  });
});

const formats = createFormats(DEFAULT_LANGUAGE);

describe('formatSince', () => {
  test('says it as precisely as it was written', () => {
    expect(formatSince(parseSince(2013)!, formats)).toBe('2013');
    expect(formatSince(parseSince('2013-06')!, formats)).toBe('June 2013');
    expect(formatSince(parseSince('2013-06-04')!, formats)).toBe('4 June 2013');
  });
});

describe('sinceDatetime', () => {
  test('returns a valid datetime attribute of the same precision', () => {
    expect(sinceDatetime(parseSince(2013)!)).toBe('2013');
    expect(sinceDatetime(parseSince('2013-06')!)).toBe('2013-06');
    expect(sinceDatetime(parseSince('2013-06-04')!)).toBe('2013-06-04');
  });
});

describe('byLongestHeld', () => {
  test('lists the oldest stance first, ties by title', () => {
    const stances = [
      { title: 'B', since: parseSince(2020)! },
      { title: 'C', since: parseSince(2013)! },
      { title: 'A', since: parseSince(2020)! },
    ];
    expect(stances.sort(byLongestHeld).map((s) => s.title)).toEqual(['C', 'A', 'B']);
  });
});
