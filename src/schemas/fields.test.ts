import { describe, expect, test } from 'vitest';
import { dateField, featuredField, parseStrictDate, tagsField, textField } from './fields.ts';

describe('parseStrictDate', () => {
  test('accepts dates and date-times with offsets', () => {
    expect(parseStrictDate('2026-11-25')?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(parseStrictDate('2026-11-25T09:30:00+01:00')?.toISOString()).toBe('2026-11-25T08:30:00.000Z');
  });

  test('refuses impossible calendar dates instead of rolling them over', () => {
    expect(parseStrictDate('2026-02-30')).toBeUndefined();
    expect(parseStrictDate('2026-13-01')).toBeUndefined();
  });

  test('refuses an hour of 24, which would roll over into the next day', () => {
    expect(parseStrictDate('2026-11-25T24:00')).toBeUndefined();
  });

  test('refuses free text', () => {
    expect(parseStrictDate('last tuesday')).toBeUndefined();
    expect(parseStrictDate('25/11/2026')).toBeUndefined();
  });
});

describe('dateField', () => {
  test('says what was expected when the date is missing or not text', () => {
    for (const value of [undefined, 42, true]) {
      const result = dateField.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/expected a date like 2026-11-25/);
    }
  });

  test('says what is wrong with an impossible date and what to write instead', () => {
    for (const [text, problem] of [
      ['2026-02-30', 'is "2026-02-30", which is not a day on the calendar'],
      ['2026-13-01', 'is "2026-13-01", which is not a day on the calendar'],
      ['soon', 'is "soon", which is not a date'],
    ]) {
      const result = dateField.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(`${problem} — use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00`);
    }
  });
});

describe('textField', () => {
  test('tells a missing value from an empty one and from one that is not text', () => {
    const field = textField('a title');
    expect(field.safeParse(undefined).error?.issues[0]?.message).toBe('is missing — add a title');
    expect(field.safeParse('  ').error?.issues[0]?.message).toBe('is empty — write a title');
    expect(field.safeParse(5).error?.issues[0]?.message).toBe('is not text — write a title as text');
  });
});

describe('tagsField', () => {
  test('lower-cases, trims and de-duplicates', () => {
    expect(tagsField.parse(['AI', 'ai ', 'Energy'])).toEqual(['ai', 'energy']);
    expect(tagsField.parse(undefined)).toEqual([]);
  });

  test('keeps tags with slashes and dots as their own label', () => {
    expect(tagsField.parse(['AI/ML', '../x'])).toEqual(['ai/ml', '../x']);
  });

  test('refuses a tag with no letters or digits, which could have no address', () => {
    expect(tagsField.safeParse(['energy', '!!!']).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      '1: is "!!!", which has no letters or digits to make the topic’s address from — use a tag with letters or digits',
    ]);
  });

  test('refuses two tags in one file that make one address', () => {
    expect(tagsField.safeParse(['AI/ML', 'ai-ml']).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      '1: is "ai-ml", which makes the same address as "ai/ml" (/tags/ai-ml/) — use one of the two',
    ]);
  });
});

describe('featuredField', () => {
  test('takes true, false or a position, and defaults to false', () => {
    expect([true, false, 1, 3].map((value) => featuredField.parse(value))).toEqual([true, false, 1, 3]);
    expect(featuredField.parse(undefined)).toBe(false);
  });

  test('refuses anything else, saying what it takes', () => {
    for (const value of [0, -1, 1.5, 'yes']) {
      expect(featuredField.safeParse(value).error?.issues[0]?.message, String(value)).toBe(
        'expected true, false or a position in “Start here” such as 1',
      );
    }
  });
});
