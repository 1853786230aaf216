/**
 * Local date-times in IANA time zones, without a date library: a talk is written as the wall-clock
 * time people at the venue see (`2027-03-10T08:00` in `Europe/London`), and everything else (JSON-LD's
 * `startDate` with its offset, the calendar feed's UTC times, "upcoming or past") needs the instant.
 * The zone rules come from the ICU data built into Node (`Intl`), so summer time is always right.
 */

/** A wall-clock date and time, as written. Months run 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads `2027-03-10T08:00` or `2027-03-10 08:00:30`: a date and time with no offset. Returns undefined
 * for anything else, including impossible dates and times (30 February, 24:00) and values with an
 * offset or `Z`, which would contradict the separate time zone.
 */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day, hour, minute, second };
}

/** Accepts `Europe/London`, `America/Argentina/Buenos_Aires`, `Etc/GMT+1`, `UTC`; not bare offsets. */
const IANA_NAME = /^(?:[A-Za-z][A-Za-z0-9_+-]*)(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * The spelling Intl uses for an IANA time zone name (`europe/london` → `Europe/London`), or undefined
 * when the name is not one. `Intl.DateTimeFormat` throws a RangeError for an unknown zone; offsets such
 * as `+01:00` are refused because they have no summer time and say nothing about the place.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!IANA_NAME.test(trimmed)) return undefined;
  try {
    // The zone's canonical name is the same in every locale: the runtime's default will do.
    return new Intl.DateTimeFormat(undefined, { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at an instant. */
export function localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function wallClockAsUtc(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, 0);
  return date.getTime();
}

/** Minutes to add to UTC to get the local time in `timeZone` at an instant (+60 for BST, -300 for EST). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return Math.round((wallClockAsUtc(localDateTimeAt(whole, timeZone)) - whole.getTime()) / 60_000);
}

/** `+01:00`, `-05:00`, `+05:30`: the form ISO 8601 and schema.org expect. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Why a wall-clock time has no instant: it falls in the hour skipped when the clocks go forward. */
export class NonexistentLocalTimeError extends Error {
  constructor(local: LocalDateTime, timeZone: string) {
    super(`${formatLocalDateTime(local)} does not exist in ${timeZone}: the clocks go forward at that time`);
    this.name = 'NonexistentLocalTimeError';
  }
}

/**
 * The instant a wall-clock time in `timeZone` names. A time repeated when the clocks go back (01:30 on
 * the last Sunday of October in London) means its first occurrence, as most calendar software assumes
 * (Temporal's "compatible"); a time skipped when they go forward throws NonexistentLocalTimeError rather
 * than quietly moving a talk by an hour.
 */
export function zonedTimeToInstant(local: LocalDateTime, timeZone: string): Date {
  const asUtc = wallClockAsUtc(local);
  // The offset an hour or so either side of the wall-clock time covers both offsets around a change.
  const candidates = new Set<number>();
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    candidates.add(asUtc - offsetMinutesAt(new Date(probe), timeZone) * 60_000);
  }
  const matches = [...candidates]
    .filter((instant) => wallClockAsUtc(localDateTimeAt(new Date(instant), timeZone)) === asUtc)
    .sort((a, b) => a - b);
  if (matches.length === 0) throw new NonexistentLocalTimeError(local, timeZone);
  return new Date(matches[0]!);
}

/** `2027-03-10T08:00:00`. */
export function formatLocalDateTime(local: LocalDateTime): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

/** ISO 8601 with the zone's offset at that instant: `2027-06-15T09:00:00+02:00`. */
export function toZonedIso(instant: Date, timeZone: string): string {
  return `${formatLocalDateTime(localDateTimeAt(instant, timeZone))}${formatOffset(offsetMinutesAt(instant, timeZone))}`;
}
