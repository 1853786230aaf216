import { z } from 'astro/zod';
import {
  canonicalTimeZone,
  NonexistentLocalTimeError,
  parseLocalDateTime,
  zonedTimeToInstant,
  type LocalDateTime,
} from '../lib/time-zones.ts';
import { textField, urlField } from './fields.ts';

/** What kind of appearance a talk is (topics offer the same formats). */
export const TALK_FORMATS = ['keynote', 'panel', 'workshop', 'fireside', 'podcast', 'interview'] as const;
export type TalkFormat = (typeof TALK_FORMATS)[number];

/** Where a talk stands; schema.org's eventStatus and iCalendar's STATUS are derived from it. */
export const TALK_STATUSES = ['confirmed', 'tentative', 'postponed', 'cancelled'] as const;
export type TalkStatus = (typeof TALK_STATUSES)[number];

/** How people attend: at a venue, online, or both (schema.org's eventAttendanceMode). */
export const ATTENDANCE_MODES = ['in-person', 'online', 'mixed'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

const oneOf = (values: readonly string[]) => `expected one of ${values.join(', ')}`;

/**
 * A wall-clock date and time at the venue, written without an offset: `2027-03-10T08:00`. The time zone
 * is the talk's `timezone` field, so the offset (GMT or BST) is worked out for the date, never typed.
 * The loader hands this field over exactly as written (see loaders/talk-glob.ts), not as YAML's guess.
 */
const localDateTimeField = z
  .string({ error: 'expected a local date and time like 2027-03-10T09:30' })
  .transform((text, ctx): LocalDateTime => {
    const local = parseLocalDateTime(text);
    if (!local) {
      const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text.trim());
      ctx.addIssue({
        code: 'custom',
        message: hasOffset
          ? `expected the local time at the venue without an offset, like 2027-03-10T09:30 (the time zone goes in \`timezone\`), got ${JSON.stringify(text)}`
          : `expected a real local date and time like 2027-03-10T09:30, got ${JSON.stringify(text)}`,
      });
      return z.NEVER;
    }
    return local;
  });

/** An IANA time zone name such as `Europe/London`, checked against the zone data Node ships with. */
export const timeZoneField = z.string({ error: 'expected a time zone name like Europe/London' }).transform((name, ctx): string => {
  const zone = canonicalTimeZone(name);
  if (!zone) {
    ctx.addIssue({
      code: 'custom',
      message:
        `is ${JSON.stringify(name)}, which is not a time zone — use an IANA time zone name like Europe/London or ` +
        'America/New_York (listed at https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)',
    });
    return z.NEVER;
  }
  return zone;
});

/** A person or organisation with an optional website (a talk's organiser; who sent an invitation to speak). */
export const organiserField = z.strictObject(
  {
    /** Name, for example "Bristol Women in Business". */
    name: textField('the organiser’s name'),
    /** Website. Optional. */
    url: urlField.optional(),
  },
  { error: 'expected the organiser as `name` and, optionally, `url`' },
);

/**
 * `content/talks/*.md`: one appearance — keynote, panel, workshop, fireside chat, podcast or interview.
 * The body is the abstract. Times are local to the venue; the schema turns them into instants.
 */
export const talkSchema = z
  .strictObject({
    /** The talk's title as the programme prints it. */
    title: textField('a title'),
    /** The event the talk is part of. */
    event: z.strictObject(
      {
        /** Event name, for example "International Women's Day Breakfast 2027". */
        name: textField('the event’s name'),
        /** Event website. Optional. */
        url: urlField.optional(),
        /** Who runs the event. Default: the event itself (its name and website). */
        organiser: organiserField.optional(),
      },
      { error: 'expected the event as `name` and, optionally, `url` and `organiser`' },
    ),
    /** Start, as the local time at the venue: `2027-03-10T08:00`. */
    start: localDateTimeField,
    /** End, as the local time at the venue; must be after `start`. */
    end: localDateTimeField,
    /** IANA time zone of the venue (or of the host, when online), for example `Europe/London`. */
    timezone: timeZoneField,
    /**
     * How people attend: `in-person`, `online` or `mixed`. Default: from what is given — `location`
     * alone is in person, `onlineUrl` alone is online, both is mixed.
     */
    attendance: z.enum(ATTENDANCE_MODES, { error: oneOf(ATTENDANCE_MODES) }).optional(),
    /** The venue, for talks people attend in person. */
    location: z
      .strictObject(
        {
          /** Venue name, for example "Watershed". */
          venue: textField('the venue’s name'),
          /** Street address. Optional. */
          address: textField('a street address').optional(),
          /** Town or city. */
          city: textField('a city'),
          /** Country, for example "United Kingdom". */
          country: textField('a country'),
        },
        { error: 'expected the location as `venue`, `city` and `country` (and optionally `address`)' },
      )
      .optional(),
    /** Where people watch or join online (stream, webinar or episode page), for online and mixed talks. */
    onlineUrl: urlField.optional(),
    /** `keynote`, `panel`, `workshop`, `fireside`, `podcast` or `interview`. */
    format: z.enum(TALK_FORMATS, { error: oneOf(TALK_FORMATS) }),
    /** How long the talk itself is, in minutes. Default: the time from `start` to `end`. */
    length: z.number({ error: 'expected the length in minutes, for example 45' }).int().positive().optional(),
    /** How many people were (or are expected to be) in the audience. Optional. */
    audienceSize: z.number({ error: 'expected a number of people, for example 300' }).int().positive().optional(),
    /** `confirmed`, `tentative`, `postponed` or `cancelled`. Default: confirmed. */
    status: z.enum(TALK_STATUSES, { error: oneOf(TALK_STATUSES) }).default('confirmed'),
    /** Link to the slides. Optional. */
    slides: urlField.optional(),
    /** Link to the video or recording. Optional, and what organisers look for first. */
    video: urlField.optional(),
    /** What organisers and attendees said. Default: none. */
    testimonials: z
      .array(
        z.strictObject({
          /** Their words. */
          quote: textField('the words of the testimonial'),
          /** Who said it: a named person, never "anonymous". */
          name: textField('the name of the person quoted'),
          /** Their role and organisation, for example "Programme Director, Bristol Women in Business". Optional. */
          role: textField('their role').optional(),
        }),
        { error: 'expected a list of testimonials, each with `quote`, `name` and `role`' },
      )
      .default([]),
    /** The topic this talk belongs to: a file name in `content/topics/` without `.md`. Optional. */
    topic: z.string({ error: 'expected a topic’s file name, for example local-ownership' }).trim().min(1).optional(),
    /**
     * The invitation to speak this talk came from: a file name in `content/invitations/` without `.md`.
     * Written by `./hub new talk --from-invitation`; the build checks that the file exists. Optional.
     */
    invitation: z.string({ error: 'expected an invitation’s file name, for example energy-futures-week-2027' }).trim().min(1).optional(),
    /**
     * iCalendar SEQUENCE: raise it by one whenever the date, time, place or status changes after the talk
     * was announced, so subscribed calendars replace their copy (RFC 5545 §3.8.7.4). A field the author
     * sets, not a value the build derives: a build has no memory of the previous one (a hash changes but
     * never rises; git history is missing from shallow CI checkouts), and only the author knows whether
     * an edit was a rescheduling or a typo. Default: 0.
     */
    sequence: z.number({ error: 'expected a whole number, 0 or more' }).int().min(0).default(0),
    /** A draft (an appearance not yet announced) is shown by `npm run dev` and never published. Default: false. */
    draft: z.boolean({ error: 'expected true or false' }).default(false),
  })
  .transform((talk, ctx) => {
    const toInstant = (field: 'start' | 'end'): Date | undefined => {
      try {
        return zonedTimeToInstant(talk[field], talk.timezone);
      } catch (error) {
        if (!(error instanceof NonexistentLocalTimeError)) throw error;
        ctx.addIssue({ code: 'custom', message: `expected a time that exists: ${error.message}`, path: [field] });
        return undefined;
      }
    };
    const start = toInstant('start');
    const end = toInstant('end');
    if (!start || !end) return z.NEVER;
    if (end <= start) {
      ctx.addIssue({ code: 'custom', message: 'expected `end` to be after `start`', path: ['end'] });
      return z.NEVER;
    }
    const attendance: AttendanceMode =
      talk.attendance ?? (talk.location && talk.onlineUrl ? 'mixed' : talk.location ? 'in-person' : 'online');
    const where = attendance === 'mixed' ? 'in person and online' : attendance === 'online' ? 'online' : 'in person';
    let complete = true;
    if (attendance !== 'online' && !talk.location) {
      ctx.addIssue({
        code: 'custom',
        message: `expected the venue (venue, city, country) for a talk attended ${where}`,
        path: ['location'],
      });
      complete = false;
    }
    if (attendance !== 'in-person' && !talk.onlineUrl) {
      ctx.addIssue({
        code: 'custom',
        message: `expected the address where people join or watch, for a talk attended ${where}`,
        path: ['onlineUrl'],
      });
      complete = false;
    }
    if (!complete) return z.NEVER;
    return {
      ...talk,
      start,
      end,
      attendance,
      length: talk.length ?? Math.round((end.getTime() - start.getTime()) / 60_000),
    };
  });

export type TalkData = z.output<typeof talkSchema>;
