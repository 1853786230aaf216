import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { createFormats } from './formats.ts';
import { DEFAULT_LANGUAGE } from '../schemas/site.ts';
import { foldContentLines, talksCalendar, talkUid } from './ics.ts';
import type { Talk } from './talks.ts';

const formats = createFormats(DEFAULT_LANGUAGE);

const site = 'https://ada.example';
const now = new Date('2026-11-25T12:00:00Z');

const talk = (overrides: Partial<Talk> = {}): Talk => ({
  slug: 'being-bold',
  path: '/speaking/being-bold/',
  title: 'Being Bold for Change',
  summary: 'First paragraph; with a semicolon, a comma and a backslash \\.\nSecond paragraph — with an em dash.',
  event: { name: "International Women's Day Breakfast 2027", url: 'https://iwd.example/2027' },
  start: new Date('2027-03-10T07:45:00Z'),
  end: new Date('2027-03-10T09:30:00Z'),
  timezone: 'Europe/London',
  attendance: 'in-person',
  location: { venue: 'The Harbour Rooms', address: '12 Quayside Walk', city: 'Bristol', country: 'United Kingdom' },
  format: 'keynote',
  length: 30,
  status: 'confirmed',
  testimonials: [],
  sequence: 0,
  draft: false,
  ...overrides,
});

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

describe('talksCalendar', () => {
  const text = talksCalendar(
    [
      talk(),
      talk({
        slug: 'webinar',
        path: '/speaking/webinar/',
        title: 'Lessons from Britain',
        status: 'tentative',
        sequence: 2,
        timezone: 'America/New_York',
        attendance: 'online',
        location: undefined,
        onlineUrl: 'https://webinar.example/join',
        start: new Date('2027-01-20T17:00:00Z'),
        end: new Date('2027-01-20T18:00:00Z'),
      }),
      talk({ slug: 'moved', path: '/speaking/moved/', status: 'postponed' }),
    ],
    { site, now, name: 'Ada Example: talks', formats },
  );
  const calendar = parse(text);
  const events = calendar.getAllSubcomponents('vevent');

  test('is an RFC 5545 calendar with a product id, CRLF line ends and lines of at most 75 octets', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//ada.example//Talks//EN');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  test('gives each talk a stable UID, the build time as DTSTAMP and its SEQUENCE', () => {
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual([
      talkUid('being-bold', site),
      talkUid('webinar', site),
      talkUid('moved', site),
    ]);
    expect(talkUid('being-bold', site)).toBe('talk-being-bold@ada.example');
    expect(String(events[0]!.getFirstPropertyValue('dtstamp'))).toBe('2026-11-25T12:00:00Z');
    expect(events.map((event) => event.getFirstPropertyValue('sequence'))).toEqual([0, 2, 0]);
  });

  test('writes start and end as UTC instants', () => {
    const event = new ICAL.Event(events[1]!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-20T17:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-01-20T18:00:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
  });

  test('escapes commas, semicolons, backslashes and newlines so they read back unchanged', () => {
    const description = String(events[0]!.getFirstPropertyValue('description'));
    expect(description).toContain('First paragraph; with a semicolon, a comma and a backslash \\.\n\nSecond paragraph — with an em dash.');
    expect(description).toMatch(/Local time: Wednesday,? 10 March 2027, 07:45–09:30 GMT \(London time\)/);
    expect(events[0]!.getFirstPropertyValue('location')).toBe('The Harbour Rooms, 12 Quayside Walk, Bristol, United Kingdom');
    expect(events[1]!.getFirstPropertyValue('location')).toBe('https://webinar.example/join');
  });

  test('maps statuses, marking a postponed talk cancelled and saying so in its title', () => {
    expect(events.map((event) => event.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'TENTATIVE', 'CANCELLED']);
    expect(events[2]!.getFirstPropertyValue('summary')).toBe("Postponed: Being Bold for Change · International Women's Day Breakfast 2027");
    expect(events[0]!.getFirstPropertyValue('url')).toBe('https://ada.example/speaking/being-bold/');
  });

  test('is the same text for the same talks and moment', () => {
    expect(talksCalendar([talk()], { site, now, name: 'x', formats })).toBe(talksCalendar([talk()], { site, now, name: 'x', formats }));
  });
});

describe('foldContentLines', () => {
  test('folds at 75 octets without splitting a multi-octet character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldContentLines(`${line}\r\n`);
    const lines = folded.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines.slice(1, -1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
  });

  test('re-folds lines another folder broke with a tab', () => {
    expect(foldContentLines('DESCRIPTION:ab\r\n\tcd\r\n')).toBe('DESCRIPTION:abcd\r\n');
  });
});
