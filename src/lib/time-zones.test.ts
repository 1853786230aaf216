import { describe, expect, test } from 'vitest';
import {
  canonicalTimeZone,
  formatOffset,
  NonexistentLocalTimeError,
  offsetMinutesAt,
  parseLocalDateTime,
  toZonedIso,
  zonedTimeToInstant,
  type LocalDateTime,
} from './time-zones.ts';

const local = (text: string): LocalDateTime => {
  const parsed = parseLocalDateTime(text);
  if (!parsed) throw new Error(`not a local date-time: ${text}`);
  return parsed;
};

describe('parseLocalDateTime', () => {
  test('reads a date and time with or without seconds', () => {
    expect(parseLocalDateTime('2027-03-10T08:00')).toEqual({ year: 2027, month: 3, day: 10, hour: 8, minute: 0, second: 0 });
    expect(parseLocalDateTime('2027-03-10 08:00:30')).toMatchObject({ hour: 8, second: 30 });
  });

  test('refuses an offset or Z, which would contradict the time zone', () => {
    expect(parseLocalDateTime('2027-03-10T08:00:00+01:00')).toBeUndefined();
    expect(parseLocalDateTime('2027-03-10T08:00:00Z')).toBeUndefined();
  });

  test('refuses impossible dates and times and dates without a time', () => {
    expect(parseLocalDateTime('2027-02-30T08:00')).toBeUndefined();
    expect(parseLocalDateTime('2027-03-10T24:00')).toBeUndefined();
    expect(parseLocalDateTime('2027-03-10')).toBeUndefined();
  });
});

describe('canonicalTimeZone', () => {
  test('accepts IANA names in any case and returns a spelling Intl knows', () => {
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    // ICU may prefer an older alias (America/Buenos_Aires); any spelling it returns names the same zone.
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toMatch(/Buenos_Aires$/);
  });

  test('refuses unknown zones, offsets and abbreviations that are not zones', () => {
    expect(canonicalTimeZone('Europe/Bristol')).toBeUndefined();
    expect(canonicalTimeZone('+01:00')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});

describe('zonedTimeToInstant', () => {
  test('uses GMT in London the day before the clocks go forward, and BST the day after', () => {
    // In 2027 the UK's clocks go forward at 01:00 UTC on Sunday 28 March.
    expect(zonedTimeToInstant(local('2027-03-27T10:00'), 'Europe/London').toISOString()).toBe('2027-03-27T10:00:00.000Z');
    expect(zonedTimeToInstant(local('2027-03-28T10:00'), 'Europe/London').toISOString()).toBe('2027-03-28T09:00:00.000Z');
  });

  test('follows New York across its own change, two weeks before Europe’s', () => {
    // US clocks go forward on Sunday 14 March 2027: EST (-5) before, EDT (-4) after.
    expect(zonedTimeToInstant(local('2027-03-13T18:30'), 'America/New_York').toISOString()).toBe('2027-03-13T23:30:00.000Z');
    expect(zonedTimeToInstant(local('2027-03-15T18:30'), 'America/New_York').toISOString()).toBe('2027-03-15T22:30:00.000Z');
  });

  test('handles zones east of UTC and half-hour offsets', () => {
    expect(zonedTimeToInstant(local('2026-06-18T09:00'), 'Europe/Copenhagen').toISOString()).toBe('2026-06-18T07:00:00.000Z');
    expect(zonedTimeToInstant(local('2026-06-18T09:00'), 'Asia/Kolkata').toISOString()).toBe('2026-06-18T03:30:00.000Z');
  });

  test('refuses a time skipped when the clocks go forward', () => {
    expect(() => zonedTimeToInstant(local('2027-03-28T01:30'), 'Europe/London')).toThrow(NonexistentLocalTimeError);
    expect(() => zonedTimeToInstant(local('2027-03-28T01:30'), 'Europe/London')).toThrow(/does not exist in Europe\/London/);
  });

  test('takes the first of the two 01:30s when the clocks go back', () => {
    // 31 October 2027: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    expect(zonedTimeToInstant(local('2027-10-31T01:30'), 'Europe/London').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('offsetMinutesAt and toZonedIso', () => {
  test('give the offset in force at the instant', () => {
    expect(offsetMinutesAt(new Date('2027-03-10T08:00:00Z'), 'Europe/London')).toBe(0);
    expect(offsetMinutesAt(new Date('2027-06-10T08:00:00Z'), 'Europe/London')).toBe(60);
    expect(offsetMinutesAt(new Date('2027-01-10T08:00:00Z'), 'America/New_York')).toBe(-300);
  });

  test('write ISO 8601 with the local time and its offset', () => {
    expect(toZonedIso(new Date('2027-03-10T08:00:00Z'), 'Europe/London')).toBe('2027-03-10T08:00:00+00:00');
    expect(toZonedIso(new Date('2027-03-28T09:00:00Z'), 'Europe/London')).toBe('2027-03-28T10:00:00+01:00');
    expect(toZonedIso(new Date('2026-06-18T03:30:00Z'), 'Asia/Kolkata')).toBe('2026-06-18T09:00:00+05:30');
    expect(toZonedIso(new Date('2027-01-10T23:30:00Z'), 'America/New_York')).toBe('2027-01-10T18:30:00-05:00');
  });

  test('formatOffset pads hours and minutes', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-210)).toBe('-03:30');
  });
});
