/**
 * Cadence: how steadily the person publishes. The presence calendar of the last twelve months (a
 * contribution graph: one column per week, Monday first), weekly streaks, days since the last post and
 * recent counts. Used by the impact page (src/components/PresenceCalendar.astro) and `npm run status`.
 *
 * Days are calendar days in one time zone, UTC unless told otherwise, because the site stores a
 * date-only `date: 2026-11-25` as UTC midnight and shows every date in UTC (FormattedDate.astro): in
 * UTC the calendar agrees with the dates printed on the pages. In another zone a piece with a time of
 * day falls on its local date, and a piece at exactly UTC midnight is taken to be date-only and keeps
 * the date it was written with (otherwise every date-only piece would slide to the day before west of
 * Greenwich). "Now" is always read in the zone. Pieces dated after `now` are not published yet and are
 * left out of everything.
 *
 * Weeks are ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday, so 2026-12-28 to
 * 2027-01-03 is 2026-W53).
 */
import { PIECE_KINDS, type PieceKind } from '../contract/kinds.ts';
import type { Formats } from './formats.ts';
import type { Piece } from './pieces.ts';
import { localDateTimeAt } from './time-zones.ts';
import { pushTo } from './multimap.ts';

/** What cadence needs to know about a published piece. */
export interface CadencePiece {
  kind: PieceKind;
  date: Date;
  title: string;
  /** Where the calendar links the day to: a site-relative path or an absolute URL. */
  url: string;
}

export interface CadenceOptions {
  /** The moment to measure from (the build's `buildNow`, fixed by `HUB_NOW`). */
  now: Date;
  /** IANA time zone the days are counted in. Default `UTC` (see the module comment). */
  timeZone?: string | undefined;
}

/** An ISO 8601 week. */
export interface IsoWeek {
  /** The ISO week-numbering year (2026 for 2027-01-01, which is in 2026-W53). */
  year: number;
  week: number;
  /** `2026-W53`. */
  label: string;
  /** Its Monday and Sunday, `YYYY-MM-DD`. */
  monday: string;
  sunday: string;
}

export interface Streak {
  /** Consecutive weeks with at least one piece; 0 when there is no streak. */
  weeks: number;
  /** First and last week of the streak (absent when `weeks` is 0). */
  start?: IsoWeek | undefined;
  end?: IsoWeek | undefined;
}

export interface CurrentStreak extends Streak {
  /**
   * True when this week has nothing yet but the streak is alive up to last week: a week that is not
   * over does not break it, and a piece before Sunday ends extends it.
   */
  awaitingThisWeek: boolean;
}

/** Where a calendar cell lies: in the twelve months, or padding before them, or after today. */
export type DayStatus = 'before-window' | 'in-window' | 'future';

/** The darkness of a calendar cell: 0, 1, 2, or 3 and more pieces that day. */
export type DayLevel = 0 | 1 | 2 | 3;

export interface CalendarDay<T extends CadencePiece = CadencePiece> {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  status: DayStatus;
  /** The pieces published that day, earliest first (none outside the window). */
  pieces: T[];
  counts: Record<PieceKind, number>;
  level: DayLevel;
}

export interface CalendarWeek<T extends CadencePiece = CadencePiece> {
  week: IsoWeek;
  /** Seven days, Monday first. */
  days: Array<CalendarDay<T>>;
}

/** A run of week columns under one month heading: each week belongs to the month of its Monday. */
export interface CalendarMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Index of its first week column. */
  firstWeek: number;
  /** Number of week columns. */
  weeks: number;
}

export interface PresenceCalendar<T extends CadencePiece = CadencePiece> {
  /** First and last day of the window (`YYYY-MM-DD`): the day after this date a year ago, and today. */
  start: string;
  end: string;
  /** Days in the window (365, or 366 across a 29 February). */
  days: number;
  weeks: Array<CalendarWeek<T>>;
  months: CalendarMonth[];
  /** Pieces in the window, in all and by kind. */
  total: number;
  counts: Record<PieceKind, number>;
}

export interface Cadence<T extends CadencePiece = CadencePiece> {
  /** Today in the time zone, `YYYY-MM-DD`. */
  today: string;
  timeZone: string;
  calendar: PresenceCalendar<T>;
  currentStreak: CurrentStreak;
  /** The longest run over all history; of two equally long, the more recent. */
  longestStreak: Streak;
  /** The latest published piece. */
  lastPost?: T | undefined;
  /** Calendar days from the last post's day to today (0 when it was today); undefined with no pieces. */
  daysSinceLastPost?: number | undefined;
  /** Pieces published in the last 30, 90 and 365 days, today included. */
  recent: { days30: number; days90: number; days365: number };
  /** Pieces in the window divided by the window's weeks (days / 7). */
  averagePerWeek: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoWeekOf(monday: number): IsoWeek {
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((monday + 3 - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}`, monday: isoDate(monday), sunday: isoDate(monday + 6) };
}

/** The ISO week of a `YYYY-MM-DD` date. */
export function isoWeek(date: string): IsoWeek {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return isoWeekOf(mondayOf(dayNumber(year, month, day)));
}

function localDay(instant: Date, timeZone: string): number {
  if (timeZone === 'UTC') return Math.floor(instant.getTime() / DAY_MS);
  const local = localDateTimeAt(instant, timeZone);
  return dayNumber(local.year, local.month, local.day);
}

/** The calendar day a piece counts on (see the module comment for date-only pieces). */
function pieceDay(date: Date, timeZone: string): number {
  const utcMidnight = date.getTime() % DAY_MS === 0;
  return utcMidnight ? date.getTime() / DAY_MS : localDay(date, timeZone);
}

const noCounts = (): Record<PieceKind, number> => ({ essay: 0, note: 0, theory: 0 });

function levelOf(total: number): DayLevel {
  return Math.min(total, 3) as DayLevel;
}

/** Runs of consecutive weeks (Mondays as day numbers, ascending) as [first, last] pairs. */
function runsOf(mondays: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const monday of mondays) {
    const last = runs.at(-1);
    if (last && monday === last[1] + 7) last[1] = monday;
    else runs.push([monday, monday]);
  }
  return runs;
}

function streak(first: number, last: number): Streak {
  return { weeks: (last - first) / 7 + 1, start: isoWeekOf(first), end: isoWeekOf(last) };
}

/** The cadence of a list of published pieces at `now`. */
export function cadence<T extends CadencePiece>(pieces: readonly T[], options: CadenceOptions): Cadence<T> {
  const timeZone = options.timeZone ?? 'UTC';
  const today = localDay(options.now, timeZone);
  const published = pieces
    .filter((piece) => piece.date.getTime() <= options.now.getTime())
    // A date-only piece can be "tomorrow" west of Greenwich while already published: it counts today.
    .map((piece) => ({ piece, day: Math.min(pieceDay(piece.date, timeZone), today) }))
    .sort((a, b) => a.piece.date.getTime() - b.piece.date.getTime() || a.piece.title.localeCompare(b.piece.title));

  const byDay = new Map<number, T[]>();
  for (const { piece, day } of published) {
    pushTo(byDay, day, piece);
  }

  // The window: from the day after today's date a year ago (29 February falls back to the 28th).
  const todayDate = new Date(today * DAY_MS);
  const year = todayDate.getUTCFullYear() - 1;
  const month = todayDate.getUTCMonth() + 1;
  const start = dayNumber(year, month, Math.min(todayDate.getUTCDate(), daysInMonth(year, month))) + 1;

  const weeks: Array<CalendarWeek<T>> = [];
  const months: CalendarMonth[] = [];
  const windowCounts = noCounts();
  let windowTotal = 0;
  for (let monday = mondayOf(start); monday <= today; monday += 7) {
    const days: Array<CalendarDay<T>> = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const day = monday + weekday;
      const status: DayStatus = day < start ? 'before-window' : day > today ? 'future' : 'in-window';
      const dayPieces = status === 'in-window' ? (byDay.get(day) ?? []) : [];
      const counts = noCounts();
      for (const piece of dayPieces) {
        counts[piece.kind] += 1;
        windowCounts[piece.kind] += 1;
      }
      windowTotal += dayPieces.length;
      days.push({ date: isoDate(day), weekday, status, pieces: dayPieces, counts, level: levelOf(dayPieces.length) });
    }
    const monthLabel = isoDate(monday).slice(0, 7);
    const current = months.at(-1);
    if (current?.month === monthLabel) current.weeks += 1;
    else months.push({ month: monthLabel, firstWeek: weeks.length, weeks: 1 });
    weeks.push({ week: isoWeekOf(monday), days });
  }

  const activeWeeks = [...new Set(published.map(({ day }) => mondayOf(day)))].sort((a, b) => a - b);
  const runs = runsOf(activeWeeks);
  const longest = runs.reduce<[number, number] | undefined>(
    (best, run) => (!best || run[1] - run[0] >= best[1] - best[0] ? run : best),
    undefined,
  );
  const thisMonday = mondayOf(today);
  const lastRun = runs.at(-1);
  const alive = lastRun && (lastRun[1] === thisMonday || lastRun[1] === thisMonday - 7) ? lastRun : undefined;

  const last = published.at(-1);
  const windowDays = today - start + 1;
  const since = (days: number): number => published.filter(({ day }) => day > today - days).length;
  return {
    today: isoDate(today),
    timeZone,
    calendar: { start: isoDate(start), end: isoDate(today), days: windowDays, weeks, months, total: windowTotal, counts: windowCounts },
    currentStreak: alive
      ? { ...streak(alive[0], alive[1]), awaitingThisWeek: alive[1] !== thisMonday }
      : { weeks: 0, awaitingThisWeek: false },
    longestStreak: longest ? streak(longest[0], longest[1]) : { weeks: 0 },
    lastPost: last?.piece,
    daysSinceLastPost: last ? today - last.day : undefined,
    recent: { days30: since(30), days90: since(90), days365: since(365) },
    averagePerWeek: windowTotal / (windowDays / 7),
  };
}

/** A published piece as cadence sees it, linking to its page. */
export function cadencePiece(piece: Pick<Piece, 'kind' | 'date' | 'title' | 'path'>): CadencePiece {
  return { kind: piece.kind, date: piece.date, title: piece.title, url: piece.path };
}

const KIND_NOUNS: Record<PieceKind, [string, string]> = {
  essay: ['essay', 'essays'],
  note: ['note', 'notes'],
  theory: ['theory', 'theories'],
};

/** `1 essay`, `3 weeks`, `0 pieces`. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `1 essay, 2 notes`, or `nothing published` when every count is 0. */
export function describeCounts(counts: Record<PieceKind, number>): string {
  const parts = PIECE_KINDS.filter((kind) => counts[kind] > 0).map((kind) => plural(counts[kind], ...KIND_NOUNS[kind]));
  return parts.length > 0 ? parts.join(', ') : 'nothing published';
}

/** `3 May 2026` from `2026-05-03` (or `3 May` without the year, `3` with neither). */
export function formatDay(formats: Formats, date: string, show: 'day' | 'month' | 'year' = 'year'): string {
  return formats
    .dateTime({
      day: 'numeric',
      ...(show === 'day' ? {} : { month: 'long' }),
      ...(show === 'year' ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    })
    .format(new Date(`${date}T00:00:00Z`));
}

/** `November 2025` (or `Nov`) from `2025-11`. */
export function formatMonth(formats: Formats, month: string, style: 'long' | 'short' = 'long'): string {
  return formats
    .dateTime({ month: style, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' })
    .format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * `2 March – 7 June 2026`, `16 – 22 November 2026`, `30 December 2024 – 5 January 2025`. Written out
 * rather than with Intl's formatRange, whose thin spaces vary with the ICU version and read oddly in a
 * terminal.
 */
export function formatRange(formats: Formats, first: string, last: string): string {
  if (first === last) return formatDay(formats, first);
  const shared = first.slice(0, 4) !== last.slice(0, 4) ? 'year' : first.slice(0, 7) !== last.slice(0, 7) ? 'month' : 'day';
  return `${formatDay(formats, first, shared)} – ${formatDay(formats, last)}`;
}

/**
 * `6 weeks (2 March – 12 April 2026)`, or `none yet`. A streak that runs into the current week ends
 * `until` today rather than on a Sunday still to come.
 */
export function describeStreak(formats: Formats, streak: Streak, until?: string): string {
  if (streak.weeks === 0 || !streak.start || !streak.end) return 'none yet';
  return `${plural(streak.weeks, 'week', 'weeks')} (${streakRange(formats, streak, until)})`;
}

/** The days a streak covers, Monday of its first week to Sunday of its last (or `until`, if earlier). */
export function streakRange(formats: Formats, streak: Streak, until?: string): string {
  if (!streak.start || !streak.end) return '';
  const last = until !== undefined && until < streak.end.sunday ? until : streak.end.sunday;
  return formatRange(formats, streak.start.monday, last);
}

/** `1.2`, `0.35`, `0`: a weekly average, with two decimals below one so a slow year does not read as nothing. */
export function formatAverage(formats: Formats, perWeek: number): string {
  return formats.number(perWeek, { maximumFractionDigits: perWeek < 1 ? 2 : 1 });
}

/** `3 days since the last post`, `last post today`, `nothing published yet`. */
export function describeDaysSince(days: number | undefined): string {
  if (days === undefined) return 'nothing published yet';
  if (days === 0) return 'last post today';
  return `${plural(days, 'day', 'days')} since the last post`;
}
