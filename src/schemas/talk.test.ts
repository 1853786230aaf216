import { describe, expect, test } from 'vitest';
import { talkSchema } from './talk.ts';

const valid = {
  title: 'Being Bold for Change',
  event: { name: "International Women's Day Breakfast 2027" },
  start: '2027-03-10T07:45',
  end: '2027-03-10T09:30',
  timezone: 'Europe/London',
  location: { venue: 'The Harbour Rooms', city: 'Bristol', country: 'United Kingdom' },
  format: 'keynote',
};

const issues = (input: Record<string, unknown>) => {
  const result = talkSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('talkSchema', () => {
  test('turns local times and a zone into instants, with defaults derived from what is given', () => {
    const talk = talkSchema.parse(valid);
    expect(talk.start.toISOString()).toBe('2027-03-10T07:45:00.000Z');
    expect(talk.end.toISOString()).toBe('2027-03-10T09:30:00.000Z');
    expect(talk).toMatchObject({ attendance: 'in-person', length: 105, status: 'confirmed', sequence: 0, draft: false, testimonials: [] });
  });

  test('uses summer time for a date after the clocks go forward', () => {
    const talk = talkSchema.parse({ ...valid, start: '2027-03-28T10:00', end: '2027-03-28T11:00' });
    expect(talk.start.toISOString()).toBe('2027-03-28T09:00:00.000Z');
  });

  test('derives mixed attendance from a venue and an online address', () => {
    expect(talkSchema.parse({ ...valid, onlineUrl: 'https://stream.example/' }).attendance).toBe('mixed');
  });

  test('refuses an end before the start, naming `end`', () => {
    expect(issues({ ...valid, end: '2027-03-10T07:00' })).toEqual(['end: expected `end` to be after `start`']);
  });

  test('refuses an unknown time zone, naming `timezone`', () => {
    expect(issues({ ...valid, timezone: 'Europe/Bristol' })[0]).toMatch(
      /^timezone: is "Europe\/Bristol", which is not a time zone — use an IANA time zone name like Europe\/London/,
    );
  });

  test('refuses a time with an offset, which would contradict the zone', () => {
    expect(issues({ ...valid, start: '2027-03-10T07:45:00+01:00' })[0]).toMatch(
      /^start: expected the local time at the venue without an offset/,
    );
  });

  test('refuses a time skipped when the clocks go forward', () => {
    expect(issues({ ...valid, start: '2027-03-28T01:30', end: '2027-03-28T03:00' })[0]).toMatch(
      /^start: expected a time that exists: .*does not exist in Europe\/London/,
    );
  });

  test('refuses a testimonial without a name, naming the testimonial', () => {
    expect(issues({ ...valid, testimonials: [{ quote: 'Brilliant.', role: 'Chair' }] })).toEqual([
      'testimonials.0.name: is missing — add the name of the person quoted',
    ]);
  });

  test('asks for a venue for an in-person talk and an address for an online one', () => {
    expect(issues({ ...valid, location: undefined, attendance: 'in-person' })[0]).toMatch(/^location: expected the venue/);
    expect(issues({ ...valid, attendance: 'online' })[0]).toMatch(/^onlineUrl: expected the address where people join or watch/);
  });

  test('refuses an unknown format or status with the list of choices', () => {
    expect(issues({ ...valid, format: 'lecture' })[0]).toBe(
      'format: expected one of keynote, panel, workshop, fireside, podcast, interview',
    );
    expect(issues({ ...valid, status: 'maybe' })[0]).toBe('status: expected one of confirmed, tentative, postponed, cancelled');
  });
});
