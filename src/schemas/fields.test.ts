import { describe, expect, test } from 'vitest';
import { dateField, parseStrictDate, tagsField } from './fields.ts';

describe('parseStrictDate', () => {
  test('accepts dates and date-times with offsets', () => {
    expect(parseStrictDate('2026-11-25')?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(parseStrictDate('2026-11-25T09:30:00+01:00')?.toISOString()).toBe('2026-11-25T08:30:00.000Z');
  });

  test('refuses impossible calendar dates instead of rolling them over', () => {
    expect(parseStrictDate('2026-02-30')).toBeUndefined();
    expect(parseStrictDate('2026-13-01')).toBeUndefined();
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

  test('says what was expected', () => {
    const result = dateField.safeParse('2026-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/expected a date like 2026-11-25/);
  });
});

describe('tagsField', () => {
  test('lower-cases, trims and de-duplicates', () => {
    expect(tagsField.parse(['AI', 'ai ', 'Energy'])).toEqual(['ai', 'energy']);
    expect(tagsField.parse(undefined)).toEqual([]);
  });
});
