/**
 * Talks as plain data, and the rules about them: which are upcoming and which are past (one function,
 * `isUpcoming`; cancelled and postponed talks are neither), which belong in the calendar feed, and how a talk's time and place read on a page.
 */
import type { Formats } from './formats.ts';
import type { AttendanceMode, TalkFormat, TalkStatus } from '../schemas/talk.ts';
import type { PublishingContext } from './publishing.ts';
import { localDateTimeAt } from './time-zones.ts';

export interface Testimonial {
  quote: string;
  name: string;
  role?: string | undefined;
}

export interface TalkLocation {
  venue: string;
  address?: string | undefined;
  city: string;
  country: string;
}

/** One talk, as listings, talk pages, structured data and the calendar feed see it. */
export interface Talk {
  /** The file name without extension: the page's address and the calendar UID. */
  slug: string;
  /** Site-relative path, from `talkPath`. */
  path: string;
  title: string;
  /** The abstract as plain text, for meta descriptions, JSON-LD and the calendar. */
  summary: string;
  event: { name: string; url?: string | undefined; organiser?: { name: string; url?: string | undefined } | undefined };
  start: Date;
  end: Date;
  /** IANA time zone of the venue: how times are shown and which offset JSON-LD carries. */
  timezone: string;
  attendance: AttendanceMode;
  location?: TalkLocation | undefined;
  onlineUrl?: string | undefined;
  format: TalkFormat;
  /** Minutes. */
  length: number;
  audienceSize?: number | undefined;
  status: TalkStatus;
  slides?: string | undefined;
  video?: string | undefined;
  testimonials: Testimonial[];
  /** Slug of the topic in content/topics/. */
  topic?: string | undefined;
  sequence: number;
  draft: boolean;
}

export const FORMAT_LABELS: Record<TalkFormat, string> = {
  keynote: 'Keynote',
  panel: 'Panel',
  workshop: 'Workshop',
  fireside: 'Fireside chat',
  podcast: 'Podcast',
  interview: 'Interview',
};

export const STATUS_LABELS: Record<TalkStatus, string> = {
  confirmed: 'Confirmed',
  tentative: 'Tentative',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};

export const ATTENDANCE_LABELS: Record<AttendanceMode, string> = {
  'in-person': 'In person',
  online: 'Online',
  mixed: 'In person and online',
};

/**
 * How long after a talk it stays in the calendar feed. Subscribers see what is coming and what just
 * happened; a year of history is enough for an assistant checking "did she speak there last spring?".
 */
export const CALENDAR_RECENT_DAYS = 365;

/**
 * Whether a talk is public. Talks are announced ahead, so the publishing rule's "date has come" does
 * not apply; only a draft (a talk not yet announced) is held back, and `npm run dev` shows drafts too.
 */
export function isAnnounced(talk: Pick<Talk, 'draft'>, context: PublishingContext): boolean {
  return context.showUnpublished || !talk.draft;
}

/**
 * Whether a talk has ended at `now` (the build's moment, `publishing.now`). A talk under way has not, so
 * it is listed with the upcoming ones, not the past.
 */
export function hasEnded(talk: Pick<Talk, 'end'>, now: Date): boolean {
  return talk.end.getTime() <= now.getTime();
}

/** Soonest first; ties broken by slug so the order is stable from build to build. */
export function bySoonest(a: Pick<Talk, 'start' | 'slug'>, b: Pick<Talk, 'start' | 'slug'>): number {
  return a.start.getTime() - b.start.getTime() || a.slug.localeCompare(b.slug);
}

/** Whether a talk takes (or took) place: cancelled and postponed ones do not, on that date. */
export function isHappening(talk: Pick<Talk, 'status'>): boolean {
  return talk.status !== 'cancelled' && talk.status !== 'postponed';
}

/**
 * Whether a talk is upcoming at `now`: it has not ended and it is going ahead. A cancelled or postponed
 * talk is never upcoming (an organiser reading "upcoming" would plan around it); the calendar feed
 * still carries it, marked, so subscribed calendars drop it. The only place that decides.
 */
export function isUpcoming(talk: Pick<Talk, 'end' | 'status'>, now: Date): boolean {
  return !hasEnded(talk, now) && isHappening(talk);
}

export interface TalkSchedule<T> {
  /** Talks going ahead that have not ended yet, soonest first (tentative ones are labelled). */
  upcoming: T[];
  /** Talks that took place, most recent first. */
  past: T[];
}

/** Splits talks into upcoming and past at `now`; cancelled and postponed talks are in neither. */
export function partitionTalks<T extends Pick<Talk, 'start' | 'end' | 'slug' | 'status'>>(talks: readonly T[], now: Date): TalkSchedule<T> {
  const sorted = [...talks].sort(bySoonest).filter(isHappening);
  return {
    upcoming: sorted.filter((talk) => isUpcoming(talk, now)),
    past: sorted.filter((talk) => hasEnded(talk, now)).reverse(),
  };
}

/**
 * The talks the calendar feed carries: every one that has not ended and those that ended within
 * `recentDays`, soonest first. Cancelled and postponed talks stay in, with their STATUS, so calendars
 * that subscribed while they were on drop them.
 */
export function calendarTalks<T extends Pick<Talk, 'start' | 'end' | 'slug'>>(
  talks: readonly T[],
  now: Date,
  recentDays = CALENDAR_RECENT_DAYS,
): T[] {
  const since = now.getTime() - recentDays * 86_400_000;
  return talks.filter((talk) => !hasEnded(talk, now) || talk.end.getTime() >= since).sort(bySoonest);
}

/** `30 minutes`, `1 minute`. Organisers think of slots in minutes, so 90 stays 90. */
export function formatLength(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** `London` for Europe/London, `New York` for America/New_York. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}

export interface TalkWhen {
  /** `Wednesday, 10 March 2027`: the day it starts. */
  date: string;
  /** `10 Mar 2027`: for compact lists. */
  shortDate: string;
  /** `07:45`. */
  startTime: string;
  /** `09:30`. */
  endTime: string;
  /** The day it ends, when that is not the day it starts (a talk past midnight). */
  endDate?: string | undefined;
  /** The zone's abbreviation at the end: `GMT`, `BST`, `CEST`, `GMT-5`. */
  zone: string;
  /** `London`: the place whose clock the times are on. */
  zoneCity: string;
  /** All of it in one line: `Wednesday, 10 March 2027, 07:45–09:30 GMT`. */
  text: string;
}

/** When a talk happens, in the venue's local time with the zone's abbreviation (GMT, BST, CEST…). */
export function talkWhen(talk: Pick<Talk, 'start' | 'end' | 'timezone'>, formats: Formats): TalkWhen {
  const { timezone: timeZone } = talk;
  const day = formats.dateTime({ timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const short = formats.dateTime({ timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const clock = formats.dateTime({ timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zoneName =
    formats
      .dateTime({ timeZone, timeZoneName: 'short' })
      .formatToParts(talk.end)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const startDay = localDateTimeAt(talk.start, timeZone);
  const endDay = localDateTimeAt(talk.end, timeZone);
  const sameDay = startDay.year === endDay.year && startDay.month === endDay.month && startDay.day === endDay.day;
  const date = day.format(talk.start);
  const endDate = sameDay ? undefined : day.format(talk.end);
  const startTime = clock.format(talk.start);
  const endTime = clock.format(talk.end);
  const text = endDate ? `${date}, ${startTime} – ${endDate}, ${endTime} ${zoneName}` : `${date}, ${startTime}–${endTime} ${zoneName}`;
  return { date, shortDate: short.format(talk.start), startTime, endTime, endDate, zone: zoneName, zoneCity: zoneCity(timeZone), text };
}

/** `Bristol`, `Online`, `Copenhagen and online`: the short form for lists. */
export function whereShort(talk: Pick<Talk, 'attendance' | 'location'>): string {
  if (talk.attendance === 'online' || !talk.location) return 'Online';
  return talk.attendance === 'mixed' ? `${talk.location.city} and online` : talk.location.city;
}

/** How many people the talks reached, counting those that give an audience size. */
export function audienceReached(talks: ReadonlyArray<Pick<Talk, 'audienceSize'>>): number {
  return talks.reduce((sum, talk) => sum + (talk.audienceSize ?? 0), 0);
}

export interface AttributedTestimonial extends Testimonial {
  talk: Pick<Talk, 'title' | 'path' | 'event' | 'start'>;
}

/** Every testimonial with the talk it is about, most recent talk first. */
export function testimonialsOf<T extends Pick<Talk, 'title' | 'path' | 'event' | 'start' | 'testimonials'>>(
  talks: readonly T[],
): AttributedTestimonial[] {
  return [...talks]
    .sort((a, b) => b.start.getTime() - a.start.getTime())
    .flatMap((talk) => talk.testimonials.map((testimonial) => ({ ...testimonial, talk })));
}
