import { describe, expect, test } from 'vitest';
import {
  derivedLinkedInVersion,
  isLinkedInVersion,
  LINKEDIN_VERSIONS,
  LINKEDIN_VERSIONS_CHECKED,
  linkedInVersionStatus,
  SUNSET_WARNING_DAYS,
  suggestedLinkedInVersion,
} from './versions.ts';

const at = (iso: string): number => Date.parse(iso);

describe('LINKEDIN_VERSIONS', () => {
  // This test is meant to fail with time: once the newest version LinkedIn's migrations page listed
  // when the table was last checked comes within a month of its sunset, the table is stale — read
  // https://learn.microsoft.com/linkedin/marketing/integrations/migrations and add the new versions.
  test('is current: its newest version has more than a month before its sunset today', () => {
    const newest = LINKEDIN_VERSIONS.at(-1)!;
    const status = linkedInVersionStatus(newest.version, Date.now())!;
    expect(
      status.daysLeft,
      `${newest.version} retires on ${newest.sunset}; update the table (checked ${LINKEDIN_VERSIONS_CHECKED})`,
    ).toBeGreaterThan(SUNSET_WARNING_DAYS);
  });

  test('lists versions oldest first, each retiring within about a year and a half of its month', () => {
    const versions = LINKEDIN_VERSIONS.map((entry) => entry.version);
    expect(versions).toEqual([...versions].sort());
    for (const { version, sunset } of LINKEDIN_VERSIONS) {
      const released = Date.UTC(Number(version.slice(0, 4)), Number(version.slice(4)) - 1, 1);
      const days = (Date.parse(sunset) - released) / 86_400_000;
      expect(days, version).toBeGreaterThan(300);
      expect(days, version).toBeLessThan(550);
    }
  });
});

describe('derivedLinkedInVersion', () => {
  test('is the version of three months ago', () => {
    expect(derivedLinkedInVersion(at('2026-12-01T00:00:00Z'))).toBe('202609');
    expect(derivedLinkedInVersion(at('2027-02-28T23:59:59Z'))).toBe('202611');
  });

  test('reads December as November: LinkedIn published no December version', () => {
    expect(derivedLinkedInVersion(at('2027-03-15T00:00:00Z'))).toBe('202611');
  });

  test('is active by the table (or a year after its month) whatever the date', () => {
    for (let month = 0; month < 36; month += 1) {
      const now = Date.UTC(2026, month, 10);
      expect(linkedInVersionStatus(derivedLinkedInVersion(now), now)!.daysLeft).toBeGreaterThan(180);
    }
  });
});

describe('linkedInVersionStatus', () => {
  test('reads the sunset from the table: 202511 retired on 16 November 2026', () => {
    expect(linkedInVersionStatus('202511', at('2026-12-01T00:00:00Z'))).toEqual({
      version: '202511',
      sunset: '2026-11-16',
      estimated: false,
      daysLeft: -15,
    });
    expect(linkedInVersionStatus('202601', at('2026-12-01T00:00:00Z'))).toMatchObject({ sunset: '2027-01-15', daysLeft: 45 });
  });

  test('estimates a year after its month for a version the table does not list', () => {
    expect(linkedInVersionStatus('202609', at('2026-12-01T00:00:00Z'))).toMatchObject({ sunset: '2027-09-15', estimated: true });
  });

  test('is undefined for what is not YYYYMM', () => {
    expect(linkedInVersionStatus('2026-09', 0)).toBeUndefined();
    expect(isLinkedInVersion('202613')).toBe(false);
    expect(isLinkedInVersion('202609')).toBe(true);
  });
});

describe('suggestedLinkedInVersion', () => {
  test('suggests the derived version, or the newest listed active one when LinkedIn refused the derived one', () => {
    const now = at('2026-12-01T00:00:00Z');
    expect(suggestedLinkedInVersion(now, '202511')).toBe('202609');
    expect(suggestedLinkedInVersion(now, '202609')).toBe('202603');
  });
});
