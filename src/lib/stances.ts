/** Stances ("where I stand"): when each was taken, and the order the page lists them in. */
import type { Formats } from './formats.ts';
import { parseStrictDate } from '../schemas/fields.ts';

/** When a stance was taken, and how precisely the author said so. */
export interface Since {
  date: Date;
  precision: 'year' | 'month' | 'day';
}

/**
 * Reads `since` as written: a year (2013 or "2013"), a month ("2013-06") or a date ("2013-06-04", or
 * the Date YAML makes of it). Returns undefined for anything else, including impossible dates.
 */
export function parseSince(value: number | string | Date): Since | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { date: value, precision: 'day' };
  const text = String(value).trim();
  const year = /^(\d{4})$/.exec(text);
  if (year) return { date: new Date(Date.UTC(Number(year[1]), 0, 1)), precision: 'year' };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const number = Number(month[2]);
    if (number < 1 || number > 12) return undefined;
    return { date: new Date(Date.UTC(Number(month[1]), number - 1, 1)), precision: 'month' };
  }
  const date = parseStrictDate(text);
  return date ? { date, precision: 'day' } : undefined;
}

/** "2013", "June 2013" or "4 June 2013", as precise as it was written. */
export function formatSince(since: Since, formats: Formats): string {
  const options: Intl.DateTimeFormatOptions =
    since.precision === 'year'
      ? { year: 'numeric', timeZone: 'UTC' }
      : since.precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return formats.dateTime(options).format(since.date);
}

/** The machine-readable form for `<time datetime>`: `2013`, `2013-06` or `2013-06-04`. */
export function sinceDatetime(since: Since): string {
  const iso = since.date.toISOString();
  return since.precision === 'year' ? iso.slice(0, 4) : since.precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** Longest held first (they are the ones that have cost the most); ties by title. */
export function byLongestHeld(a: { since: Since; title: string }, b: { since: Since; title: string }): number {
  return a.since.date.getTime() - b.since.date.getTime() || a.title.localeCompare(b.title);
}
