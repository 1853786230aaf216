import { describe, expect, test } from 'vitest';
import { createFormats } from './formats.ts';
import { DEFAULT_LANGUAGE } from '../schemas/site.ts';
import {
  audienceReached,
  calendarTalks,
  hasEnded,
  isAnnounced,
  isUpcoming,
  partitionTalks,
  talkWhen,
  testimonialsOf,
  whereShort,
} from './talks.ts';

const now = new Date('2026-11-25T12:00:00Z');
const formats = createFormats(DEFAULT_LANGUAGE);
const talk = (slug: string, start: string, end: string, status: 'confirmed' | 'tentative' | 'postponed' | 'cancelled' = 'confirmed') => ({
  slug,
  start: new Date(start),
  end: new Date(end),
  status,
});

describe('isUpcoming', () => {
  test('is true until the talk has ended, so a talk under way is still upcoming', () => {
    expect(isUpcoming({ end: new Date('2026-11-25T12:00:01Z'), status: 'confirmed' }, now)).toBe(true);
    expect(isUpcoming({ end: new Date('2026-11-25T12:00:00Z'), status: 'confirmed' }, now)).toBe(false);
    expect(isUpcoming({ end: new Date('2026-11-24T12:00:00Z'), status: 'confirmed' }, now)).toBe(false);
  });

  test('is never true of a cancelled or postponed talk, and true of a tentative one', () => {
    const ahead = new Date('2027-01-01T00:00:00Z');
    expect(isUpcoming({ end: ahead, status: 'cancelled' }, now)).toBe(false);
    expect(isUpcoming({ end: ahead, status: 'postponed' }, now)).toBe(false);
    expect(isUpcoming({ end: ahead, status: 'tentative' }, now)).toBe(true);
  });
});

describe('hasEnded', () => {
  test('is true from the talk’s end on, whatever its status', () => {
    expect(hasEnded({ end: new Date('2026-11-25T12:00:00Z') }, now)).toBe(true);
    expect(hasEnded({ end: new Date('2026-11-25T12:00:01Z') }, now)).toBe(false);
  });
});

describe('isAnnounced', () => {
  test('hides drafts from the published site and shows them in npm run dev', () => {
    expect(isAnnounced({ draft: false }, { now, showUnpublished: false })).toBe(true);
    expect(isAnnounced({ draft: true }, { now, showUnpublished: false })).toBe(false);
    expect(isAnnounced({ draft: true }, { now, showUnpublished: true })).toBe(true);
  });
});

describe('partitionTalks', () => {
  const talks = [
    talk('march', '2027-03-10T07:45:00Z', '2027-03-10T09:30:00Z'),
    talk('june', '2026-06-18T12:00:00Z', '2026-06-18T13:00:00Z'),
    talk('now', '2026-11-25T11:00:00Z', '2026-11-25T13:00:00Z'),
    talk('called-off', '2026-02-01T10:00:00Z', '2026-02-01T11:00:00Z', 'cancelled'),
    talk('december', '2026-12-03T13:30:00Z', '2026-12-03T15:00:00Z', 'cancelled'),
    talk('feb', '2026-02-12T18:00:00Z', '2026-02-12T19:15:00Z'),
  ];

  test('lists upcoming talks soonest first, leaving out those cancelled or postponed', () => {
    expect(
      partitionTalks([...talks, talk('later', '2027-01-05T10:00:00Z', '2027-01-05T11:00:00Z', 'postponed')], now).upcoming.map(
        (t) => t.slug,
      ),
    ).toEqual(['now', 'march']);
  });

  test('lists past talks most recent first and leaves out those that did not happen', () => {
    expect(partitionTalks(talks, now).past.map((t) => t.slug)).toEqual(['june', 'feb']);
  });

  test('moves a talk from upcoming to past once "now" passes its end', () => {
    const later = new Date('2027-03-10T09:30:00Z');
    const { upcoming, past } = partitionTalks(talks, later);
    expect(upcoming).toEqual([]);
    expect(past[0]?.slug).toBe('march');
  });
});

describe('calendarTalks', () => {
  test('keeps talks not yet ended and those that ended within the window, cancelled and postponed ones included', () => {
    const talks = [
      talk('old', '2025-09-18T08:30:00Z', '2025-09-18T09:15:00Z'),
      talk('recent', '2026-06-18T12:00:00Z', '2026-06-18T13:00:00Z'),
      talk('cancelled', '2026-12-03T13:30:00Z', '2026-12-03T15:00:00Z', 'cancelled'),
      talk('postponed', '2026-12-04T13:30:00Z', '2026-12-04T15:00:00Z', 'postponed'),
    ];
    expect(calendarTalks(talks, now, 365).map((t) => t.slug)).toEqual(['recent', 'cancelled', 'postponed']);
    expect(calendarTalks(talks, now, 30).map((t) => t.slug)).toEqual(['cancelled', 'postponed']);
  });
});

describe('talkWhen', () => {
  test('shows the venue’s local time with the abbreviation in force that day', () => {
    const winter = talkWhen(
      { start: new Date('2027-03-10T07:45:00Z'), end: new Date('2027-03-10T09:30:00Z'), timezone: 'Europe/London' },
      formats,
    );
    expect(winter).toMatchObject({ startTime: '07:45', endTime: '09:30', zone: 'GMT', zoneCity: 'London', shortDate: '10 Mar 2027' });
    expect(winter.date).toMatch(/Wednesday,? 10 March 2027/);
    const summer = talkWhen(
      {
        start: new Date('2026-06-18T12:00:00Z'),
        end: new Date('2026-06-18T13:00:00Z'),
        timezone: 'Europe/Copenhagen',
      },
      formats,
    );
    expect(summer).toMatchObject({ startTime: '14:00', endTime: '15:00', zone: 'CEST', zoneCity: 'Copenhagen' });
  });

  test('names both days when a talk runs past midnight', () => {
    const late = talkWhen(
      { start: new Date('2027-01-20T23:00:00Z'), end: new Date('2027-01-21T01:00:00Z'), timezone: 'Europe/London' },
      formats,
    );
    expect(late.endDate).toMatch(/21 January 2027/);
    expect(late.text).toMatch(/23:00 – .*21 January 2027, 01:00 GMT$/);
  });
});

describe('whereShort', () => {
  const location = { venue: 'The Harbour Rooms', city: 'Bristol', country: 'United Kingdom' };
  test('says where in a word or two, for each way of attending', () => {
    expect(whereShort({ attendance: 'in-person', location })).toBe('Bristol');
    expect(whereShort({ attendance: 'mixed', location })).toBe('Bristol and online');
    expect(whereShort({ attendance: 'online', location: undefined })).toBe('Online');
  });
});

describe('testimonialsOf and audienceReached', () => {
  test('attribute each testimonial to its talk, most recent talk first, and add up audiences', () => {
    const base = { event: { name: 'E' }, path: '/speaking/x/', title: 'T' };
    const talks = [
      { ...base, title: 'Old', start: new Date('2025-01-01'), testimonials: [{ quote: 'q1', name: 'A' }], audienceSize: 100 },
      {
        ...base,
        title: 'New',
        start: new Date('2026-01-01'),
        testimonials: [
          { quote: 'q2', name: 'B' },
          { quote: 'q3', name: 'C' },
        ],
        audienceSize: undefined,
      },
    ];
    expect(testimonialsOf(talks).map((t) => [t.name, t.talk.title])).toEqual([
      ['B', 'New'],
      ['C', 'New'],
      ['A', 'Old'],
    ]);
    expect(audienceReached(talks)).toBe(100);
  });
});
