/**
 * The talks as an iCalendar feed (RFC 5545), written by the `ics` package. Times are written in UTC
 * (`DTSTART:20270310T074500Z`): the instant is exact whatever the venue's zone, every client converts
 * it to the subscriber's own clock, and no VTIMEZONE block (which `ics` cannot write) is needed. The
 * venue's local time is repeated in the description for people reading it.
 */
import { createEvents, type EventAttributes, type EventStatus } from 'ics';
import type { TalkStatus } from '../schemas/talk.ts';
import type { Formats } from './formats.ts';
import { FORMAT_LABELS, formatLength, STATUS_LABELS, talkWhen, type Talk } from './talks.ts';
import { absoluteUrl } from './urls.ts';

export interface CalendarOptions {
  /** The site's address: talk URLs and the domain half of each UID. */
  site: string | URL;
  /** How the description writes the local time, in the site's language. */
  formats: Formats;
  /** DTSTAMP: when this copy of the calendar was made (the build's moment, so builds are reproducible). */
  now: Date;
  /** Calendar name shown by subscribing apps, for example "Morwenna Hale: talks". */
  name: string;
}

/** The calendar's name in subscribing apps: `Morwenna Hale: talks`. */
export function talksCalendarName(personName: string): string {
  return `${personName}: talks`;
}

/**
 * iCalendar has no "postponed": the date in the feed is no longer happening, so a postponed talk is
 * CANCELLED for calendars (which then drop or strike it) and says "Postponed" in its title. When a new
 * date is set the same UID comes back CONFIRMED with a higher SEQUENCE.
 */
const ICS_STATUS: Record<TalkStatus, EventStatus> = {
  confirmed: 'CONFIRMED',
  tentative: 'TENTATIVE',
  postponed: 'CANCELLED',
  cancelled: 'CANCELLED',
};

/**
 * A talk's UID: its slug at the site's host. Stable across builds and edits, so subscribed calendars
 * update the event instead of adding a second one; renaming the talk's file starts a new event.
 */
export function talkUid(slug: string, site: string | URL): string {
  return `talk-${slug}@${new URL(site).hostname}`;
}

/** The VEVENT fields of one talk, as `ics` takes them. */
export function talkEvent(talk: Talk, options: CalendarOptions): EventAttributes {
  const url = absoluteUrl(talk.path, options.site);
  const when = talkWhen(talk, options.formats);
  const place = talk.location
    ? [talk.location.venue, talk.location.address, talk.location.city, talk.location.country].filter(Boolean).join(', ')
    : undefined;
  const description = [
    // Paragraphs of the abstract are separated by blank lines, as they are on the page.
    talk.summary.replace(/\n/g, '\n\n'),
    '',
    `${FORMAT_LABELS[talk.format]} (${formatLength(talk.length)}) at ${talk.event.name}.`,
    `Local time: ${when.text} (${when.zoneCity} time).`,
    ...(talk.onlineUrl ? [`Join or watch online: ${talk.onlineUrl}`] : []),
    ...(talk.event.url ? [`Event: ${talk.event.url}`] : []),
    `Details: ${url}`,
  ].join('\n');
  const event: EventAttributes & { timestamp: number } = {
    uid: talkUid(talk.slug, options.site),
    // DTSTAMP: `ics` reads `timestamp` (its schema accepts it; its type definitions leave it out).
    timestamp: options.now.getTime(),
    start: talk.start.getTime(),
    end: talk.end.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    title:
      talk.status === 'confirmed'
        ? `${talk.title} · ${talk.event.name}`
        : `${STATUS_LABELS[talk.status]}: ${talk.title} · ${talk.event.name}`,
    description,
    location: place ?? talk.onlineUrl ?? 'Online',
    url,
    status: ICS_STATUS[talk.status],
    sequence: talk.sequence,
    categories: [FORMAT_LABELS[talk.format]],
  };
  return event;
}

/** The calendar as text: CRLF line ends, lines folded at 75 octets. Throws if `ics` refuses an event. */
export function talksCalendar(talks: readonly Talk[], options: CalendarOptions): string {
  const host = new URL(options.site).hostname;
  const { error, value } = createEvents(
    talks.map((talk) => talkEvent(talk, options)),
    { productId: `-//${host}//Talks//EN`, method: 'PUBLISH', calName: options.name },
  );
  if (error || value === null) throw new Error(`/talks.ics could not be written: ${error?.message ?? 'no output'}`, { cause: error });
  return foldContentLines(value);
}

const encoder = new TextEncoder();

/**
 * Re-folds content lines at 75 octets, as RFC 5545 §3.1 asks. `ics` folds every 75 characters, so a
 * line of "é" or "—" runs to 150 or 225 octets, which strict parsers reject. Lines are unfolded first,
 * then split between code points (a multi-octet character is never cut) with CRLF and one space.
 */
export function foldContentLines(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      let folded = '';
      let current = '';
      let octets = 0;
      let limit = 75;
      for (const character of line) {
        const size = encoder.encode(character).length;
        if (octets + size > limit) {
          folded += `${current}\r\n `;
          current = '';
          octets = 0;
          // A continuation line starts with the space, which counts towards its 75 octets.
          limit = 74;
        }
        current += character;
        octets += size;
      }
      return folded + current;
    })
    .join('\r\n');
}
