import { describe, expect, test } from 'vitest';
import { createFormats } from './formats.ts';
import { DEFAULT_LANGUAGE } from '../schemas/site.ts';
import {
  cadence,
  cadencePiece,
  describeCounts,
  describeDaysSince,
  describeStreak,
  formatRange,
  isoWeek,
  type CadencePiece,
  type CalendarDay,
} from './cadence.ts';

const formats = createFormats(DEFAULT_LANGUAGE);

/** Wednesday of 2026-W48. */
const now = new Date('2026-11-25T12:00:00Z');

let sequence = 0;
function piece(date: string, kind: CadencePiece['kind'] = 'essay'): CadencePiece {
  sequence += 1;
  return { kind, date: new Date(date), title: `Piece ${sequence}`, url: `/essays/piece-${sequence}/` };
}

function day<T extends CadencePiece>(result: ReturnType<typeof cadence<T>>, date: string): CalendarDay<T> {
  const found = result.calendar.weeks.flatMap((week) => week.days).find((candidate) => candidate.date === date);
  if (!found) throw new Error(`${date} is not in the calendar`);
  return found;
}

describe('cadence', () => {
  describe('with nothing published', () => {
    const result = cadence([], { now });

    test('has no streaks, no last post and no counts', () => {
      expect(result.currentStreak).toEqual({ weeks: 0, awaitingThisWeek: false });
      expect(result.longestStreak).toEqual({ weeks: 0 });
      expect(result.lastPost).toBeUndefined();
      expect(result.daysSinceLastPost).toBeUndefined();
      expect(result.recent).toEqual({ days30: 0, days90: 0, days365: 0 });
      expect(result.averagePerWeek).toBe(0);
    });

    test('still draws the twelve months: 53 Monday-first weeks, padding before and after marked', () => {
      expect(result.today).toBe('2026-11-25');
      expect(result.calendar).toMatchObject({ start: '2025-11-26', end: '2026-11-25', days: 365, total: 0 });
      expect(result.calendar.weeks).toHaveLength(53);
      const first = result.calendar.weeks[0]!;
      expect(first.week).toMatchObject({ label: '2025-W48', monday: '2025-11-24', sunday: '2025-11-30' });
      expect(first.days.map((d) => d.status)).toEqual([
        'before-window',
        'before-window',
        'in-window',
        'in-window',
        'in-window',
        'in-window',
        'in-window',
      ]);
      const last = result.calendar.weeks.at(-1)!;
      expect(last.week.label).toBe('2026-W48');
      expect(last.days.map((d) => d.status)).toEqual(['in-window', 'in-window', 'in-window', 'future', 'future', 'future', 'future']);
      expect(result.calendar.weeks.flatMap((w) => w.days).filter((d) => d.status === 'in-window')).toHaveLength(365);
      expect(last.days.every((d) => d.level === 0 && d.pieces.length === 0)).toBe(true);
    });

    test('groups the week columns by the month of their Monday', () => {
      const { months } = result.calendar;
      expect(months[0]).toEqual({ month: '2025-11', firstWeek: 0, weeks: 1 });
      expect(months[1]).toEqual({ month: '2025-12', firstWeek: 1, weeks: 5 });
      expect(months.at(-1)).toEqual({ month: '2026-11', firstWeek: 49, weeks: 4 });
      expect(months.reduce((sum, m) => sum + m.weeks, 0)).toBe(53);
    });
  });

  describe('with one piece', () => {
    const essay = piece('2026-11-22');
    const result = cadence([essay], { now });

    test('counts the days since it and a one-week streak that this week can still extend', () => {
      expect(result.lastPost).toBe(essay);
      expect(result.daysSinceLastPost).toBe(3);
      expect(result.currentStreak).toMatchObject({
        weeks: 1,
        awaitingThisWeek: true,
        start: { label: '2026-W47' },
        end: { label: '2026-W47' },
      });
      expect(result.longestStreak).toMatchObject({ weeks: 1, start: { monday: '2026-11-16' }, end: { sunday: '2026-11-22' } });
      expect(result.recent).toEqual({ days30: 1, days90: 1, days365: 1 });
      expect(result.averagePerWeek).toBeCloseTo(7 / 365, 10);
    });

    test('puts it on its day, a Sunday, at level 1', () => {
      const sunday = day(result, '2026-11-22');
      expect(sunday).toMatchObject({ weekday: 6, status: 'in-window', level: 1, counts: { essay: 1, note: 0, theory: 0 } });
      expect(sunday.pieces).toEqual([essay]);
      expect(result.calendar.counts).toEqual({ essay: 1, note: 0, theory: 0 });
    });

    test('says 0 days when it was published today', () => {
      expect(cadence([piece('2026-11-25T08:00:00Z')], { now }).daysSinceLastPost).toBe(0);
    });

    test('leaves out a piece dated after now (not published yet)', () => {
      const result = cadence([piece('2026-11-25T12:00:01Z'), piece('2026-12-01')], { now });
      expect(result.lastPost).toBeUndefined();
      expect(result.calendar.total).toBe(0);
    });

    test('counts a piece older than the window in history but not in the calendar', () => {
      const old = cadence([piece('2024-03-05')], { now });
      expect(old.calendar.total).toBe(0);
      expect(old.recent.days365).toBe(0);
      expect(old.daysSinceLastPost).toBe(995);
      expect(old.longestStreak).toMatchObject({ weeks: 1, start: { label: '2024-W10' } });
      expect(old.currentStreak.weeks).toBe(0);
    });
  });

  describe('weekly streaks', () => {
    // 2026-W39 … W43 weekly, W44 empty, then W45 … W48 (this week).
    const pieces = [
      '2026-09-23',
      '2026-09-30',
      '2026-10-07',
      '2026-10-14',
      '2026-10-21',
      '2026-11-03',
      '2026-11-10',
      '2026-11-17',
      '2026-11-24',
    ].map((date) => piece(date));

    test('a week with nothing breaks the streak: the current one starts after it', () => {
      const result = cadence(pieces, { now });
      expect(result.currentStreak).toMatchObject({
        weeks: 4,
        awaitingThisWeek: false,
        start: { label: '2026-W45' },
        end: { label: '2026-W48' },
      });
      expect(result.longestStreak).toMatchObject({
        weeks: 5,
        start: { label: '2026-W39', monday: '2026-09-21' },
        end: { label: '2026-W43', sunday: '2026-10-25' },
      });
      expect(describeStreak(formats, result.longestStreak)).toBe('5 weeks (21 September – 25 October 2026)');
    });

    test('of two equally long streaks the longest is the more recent', () => {
      const result = cadence(pieces.slice(1), { now });
      expect(result.longestStreak).toMatchObject({ weeks: 4, start: { label: '2026-W45' }, end: { label: '2026-W48' } });
    });

    test('a week not yet over with no post does not break the streak: it counts up to last week', () => {
      const result = cadence(pieces.slice(0, -1), { now });
      expect(result.currentStreak).toMatchObject({
        weeks: 3,
        awaitingThisWeek: true,
        start: { label: '2026-W45' },
        end: { label: '2026-W47' },
      });
      expect(result.daysSinceLastPost).toBe(8);
    });

    test('once that week is over with nothing in it, the streak is gone', () => {
      const nextMonday = new Date('2026-11-30T09:00:00Z');
      const result = cadence(pieces.slice(0, -1), { now: nextMonday });
      expect(result.currentStreak).toEqual({ weeks: 0, awaitingThisWeek: false });
      expect(result.longestStreak.weeks).toBe(5);
    });

    test('a streak is counted in ISO weeks, Monday to Sunday', () => {
      // Sunday 2026-11-15 and Monday 2026-11-16 are one day apart but in W46 and W47.
      const result = cadence([piece('2026-11-15'), piece('2026-11-16')], { now: new Date('2026-11-16T20:00:00Z') });
      expect(result.currentStreak).toMatchObject({ weeks: 2, awaitingThisWeek: false });
      // Monday and Sunday of one week are one week.
      const sameWeek = cadence([piece('2026-11-09'), piece('2026-11-15')], { now: new Date('2026-11-16T20:00:00Z') });
      expect(sameWeek.currentStreak).toMatchObject({ weeks: 1, awaitingThisWeek: true });
    });
  });

  describe('across a new year', () => {
    // 2026-12-28 … 2027-01-03 is 2026-W53.
    const pieces = [piece('2026-12-21'), piece('2027-01-01', 'note'), piece('2027-01-05', 'theory')];
    const result = cadence(pieces, { now: new Date('2027-01-06T09:00:00Z') });

    test('counts week 53 between the last week of December and the first of January', () => {
      expect(result.currentStreak).toMatchObject({
        weeks: 3,
        awaitingThisWeek: false,
        start: { label: '2026-W52' },
        end: { label: '2027-W01' },
      });
      expect(describeStreak(formats, result.currentStreak)).toBe('3 weeks (21 December 2026 – 10 January 2027)');
    });

    test('draws 2026-W53 as one column under December', () => {
      const week53 = result.calendar.weeks.find((week) => week.week.label === '2026-W53')!;
      expect(week53.week).toMatchObject({ year: 2026, week: 53, monday: '2026-12-28', sunday: '2027-01-03' });
      expect(week53.days.map((d) => d.level)).toEqual([0, 0, 0, 0, 1, 0, 0]);
      const december = result.calendar.months.find((m) => m.month === '2026-12')!;
      expect(result.calendar.weeks[december.firstWeek + december.weeks - 1]!.week.label).toBe('2026-W53');
      expect(result.calendar.months.at(-1)).toMatchObject({ month: '2027-01', weeks: 1 });
    });
  });

  describe('isoWeek', () => {
    test('numbers weeks by the year of their Thursday', () => {
      expect(isoWeek('2027-01-03').label).toBe('2026-W53');
      expect(isoWeek('2027-01-04').label).toBe('2027-W01');
      expect(isoWeek('2021-01-03').label).toBe('2020-W53');
      expect(isoWeek('2024-12-30')).toMatchObject({ year: 2025, week: 1, label: '2025-W01', monday: '2024-12-30', sunday: '2025-01-05' });
      expect(isoWeek('2026-01-01').label).toBe('2026-W01');
      expect(isoWeek('2028-02-29').label).toBe('2028-W09');
    });
  });

  describe('leap day', () => {
    test('a window ending on 29 February starts on 1 March and covers 366 days', () => {
      const result = cadence([], { now: new Date('2028-02-29T12:00:00Z') });
      expect(result.calendar).toMatchObject({ start: '2027-03-01', end: '2028-02-29', days: 366 });
    });

    test('a window ending on 1 March of a leap year starts on 2 March a year before', () => {
      expect(cadence([], { now: new Date('2028-03-01T12:00:00Z') }).calendar).toMatchObject({ start: '2027-03-02', days: 366 });
      expect(cadence([], { now: new Date('2029-03-01T12:00:00Z') }).calendar).toMatchObject({ start: '2028-03-02', days: 365 });
    });

    test('a piece on 29 February has its own day', () => {
      const leap = piece('2028-02-29T10:00:00Z', 'note');
      const result = cadence([leap], { now: new Date('2028-03-02T12:00:00Z') });
      expect(day(result, '2028-02-29')).toMatchObject({ weekday: 1, level: 1, counts: { note: 1 } });
      expect(day(result, '2028-03-01').level).toBe(0);
      expect(result.daysSinceLastPost).toBe(2);
      expect(result.currentStreak).toMatchObject({ weeks: 1, start: { label: '2028-W09' } });
    });
  });

  describe('many pieces on one day', () => {
    const pieces = [
      piece('2026-11-20T23:30:00Z', 'note'),
      piece('2026-11-20', 'essay'),
      piece('2026-11-20T09:00:00Z', 'theory'),
      piece('2026-11-20T12:00:00Z', 'note'),
      piece('2026-11-20T09:00:00+01:00', 'essay'),
    ];
    const result = cadence(pieces, { now });

    test('lists them earliest first, counted by kind, at the top level', () => {
      const friday = day(result, '2026-11-20');
      expect(friday.level).toBe(3);
      expect(friday.counts).toEqual({ essay: 2, note: 2, theory: 1 });
      expect(friday.pieces.map((p) => p.date.toISOString())).toEqual([
        '2026-11-20T00:00:00.000Z',
        '2026-11-20T08:00:00.000Z',
        '2026-11-20T09:00:00.000Z',
        '2026-11-20T12:00:00.000Z',
        '2026-11-20T23:30:00.000Z',
      ]);
      expect(describeCounts(friday.counts)).toBe('2 essays, 2 notes, 1 theory');
      expect(result.lastPost).toBe(pieces[0]);
    });

    test('counts each piece, not the day, in the recent totals and the weekly average', () => {
      expect(result.recent).toEqual({ days30: 5, days90: 5, days365: 5 });
      expect(result.averagePerWeek).toBeCloseTo(5 / (365 / 7), 10);
      expect(result.currentStreak).toMatchObject({ weeks: 1, awaitingThisWeek: true });
    });

    test('gives two pieces level 2 and one piece level 1', () => {
      const levels = cadence([piece('2026-11-02'), piece('2026-11-02'), piece('2026-11-03')], { now });
      expect(day(levels, '2026-11-02').level).toBe(2);
      expect(day(levels, '2026-11-03').level).toBe(1);
    });
  });

  describe('recent counts', () => {
    test('count the last 30, 90 and 365 days with today included', () => {
      const result = cadence(
        [piece('2026-10-27'), piece('2026-10-26'), piece('2026-08-28'), piece('2026-08-27'), piece('2025-11-26'), piece('2025-11-25')],
        { now },
      );
      expect(result.recent).toEqual({ days30: 1, days90: 3, days365: 5 });
      expect(result.calendar.total).toBe(5);
    });
  });

  describe('time zones', () => {
    test('count a piece with a time on its local date, and a date-only piece on its written date', () => {
      const late = piece('2026-11-20T23:30:00Z', 'note');
      const dateOnly = piece('2026-11-18');
      const berlin = cadence([late, dateOnly], { now, timeZone: 'Europe/Berlin' });
      expect(day(berlin, '2026-11-21').pieces).toEqual([late]);
      const newYork = cadence([late, dateOnly], { now, timeZone: 'America/New_York' });
      expect(day(newYork, '2026-11-20').pieces).toEqual([late]);
      expect(day(newYork, '2026-11-18').pieces).toEqual([dateOnly]);
      expect(
        cadence([late, dateOnly], { now })
          .calendar.weeks.flatMap((w) => w.days)
          .find((d) => d.date === '2026-11-20')?.pieces,
      ).toEqual([late]);
    });

    test('read today in the zone', () => {
      const earlyUtc = new Date('2026-11-25T03:00:00Z');
      expect(cadence([], { now: earlyUtc, timeZone: 'America/New_York' }).today).toBe('2026-11-24');
      expect(cadence([], { now: earlyUtc }).today).toBe('2026-11-25');
    });

    test('count a date-only piece published at UTC midnight as today, not tomorrow, west of Greenwich', () => {
      const result = cadence([piece('2026-11-25')], { now: new Date('2026-11-25T03:00:00Z'), timeZone: 'America/New_York' });
      expect(result.daysSinceLastPost).toBe(0);
      expect(day(result, '2026-11-24').level).toBe(1);
    });
  });
});

describe('cadencePiece', () => {
  test('links to the piece’s page', () => {
    const date = new Date('2026-11-25');
    expect(cadencePiece({ kind: 'note', date, title: 'A note', path: '/notes/a/' })).toEqual({
      kind: 'note',
      date,
      title: 'A note',
      url: '/notes/a/',
    });
  });
});

describe('describe…', () => {
  test('says what a day holds, in words', () => {
    expect(describeCounts({ essay: 1, note: 0, theory: 0 })).toBe('1 essay');
    expect(describeCounts({ essay: 0, note: 0, theory: 0 })).toBe('nothing published');
  });

  test('says how long ago the last post was', () => {
    expect(describeDaysSince(undefined)).toBe('nothing published yet');
    expect(describeDaysSince(0)).toBe('last post today');
    expect(describeDaysSince(1)).toBe('1 day since the last post');
    expect(describeDaysSince(3)).toBe('3 days since the last post');
  });

  test('gives a streak its length and dates, or none', () => {
    expect(describeStreak(formats, { weeks: 0 })).toBe('none yet');
    expect(describeStreak(formats, { weeks: 1, start: isoWeek('2026-11-16'), end: isoWeek('2026-11-16') })).toBe(
      '1 week (16 – 22 November 2026)',
    );
    expect(formatRange(formats, '2026-03-02', '2026-06-07')).toBe('2 March – 7 June 2026');
    expect(formatRange(formats, '2026-11-23', '2026-11-23')).toBe('23 November 2026');
  });

  test('ends a streak running into this week on the day given, not on a Sunday still to come', () => {
    const streak = { weeks: 2, start: isoWeek('2026-11-16'), end: isoWeek('2026-11-23') };
    expect(describeStreak(formats, streak)).toBe('2 weeks (16 – 29 November 2026)');
    expect(describeStreak(formats, streak, '2026-11-25')).toBe('2 weeks (16 – 25 November 2026)');
    expect(describeStreak(formats, streak, '2026-12-25')).toBe('2 weeks (16 – 29 November 2026)');
  });
});
