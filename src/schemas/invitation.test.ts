import { describe, expect, test } from 'vitest';
import { issueProblems, formatProblem } from '../lib/validation.ts';
import { invitationSchema } from './invitation.ts';

const FILE = 'content/invitations/energy-futures-week-2027.md';
const valid = {
  event: 'Energy Futures Week 2027',
  organiser: { name: 'Scottish Community Energy Network' },
  asked: '2026-10-02',
  format: 'panel',
};

/** The one-line errors a person reads, as the build prints them. */
const lines = (input: Record<string, unknown>): string[] => {
  const result = invitationSchema.safeParse(input);
  return result.success ? [] : issueProblems(FILE, result.error.issues, input).map(formatProblem);
};

describe('invitationSchema', () => {
  test('accepts an invitation with its event, organiser, date asked and format; pending until answered', () => {
    const invitation = invitationSchema.parse(valid);
    expect(invitation.outcome).toBe('pending');
    expect(invitation.asked.toISOString()).toBe('2026-10-02T00:00:00.000Z');
    expect(lines({ ...valid, format: 'other', outcome: 'declined', reason: 'Clashes with our AGM', audience: { size: 80 } })).toEqual([]);
  });

  test('names the file, the field and the fix for what is missing or misspelt, in one line each', () => {
    const { organiser: _organiser, asked: _asked, ...bare } = valid;
    expect(lines(bare)).toEqual([
      `${FILE}: organiser: is missing — add the organiser as \`name\` and, optionally, \`url\``,
      `${FILE}: asked: is missing — add a date like 2026-11-25 or 2026-11-25T09:30:00+01:00`,
    ]);
    expect(lines({ ...valid, outcome: 'maybe' })).toEqual([`${FILE}: outcome: is "maybe" — use one of pending, accepted, declined`]);
    expect(lines({ ...valid, format: 'lecture' })).toEqual([
      `${FILE}: format: is "lecture" — use one of keynote, panel, workshop, fireside, podcast, interview, other`,
    ]);
    expect(lines({ ...valid, asked: '2026-02-30' })).toEqual([
      `${FILE}: asked: is "2026-02-30", which is not a day on the calendar — use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00`,
    ]);
    expect(lines({ ...valid, audience: { size: -3 } })[0]).toMatch(/^content\/invitations\/energy-futures-week-2027\.md: audience\.size: /);
    expect(lines({ ...valid, venue: 'Glasgow' })).toEqual([
      `${FILE}: venue: is not a field this file can have — remove it, or check the spelling of its name`,
    ]);
  });

  test('refuses a talk on an invitation that was not accepted', () => {
    expect(lines({ ...valid, outcome: 'declined', talk: 'energy-futures-week-2027' })).toEqual([
      `${FILE}: talk: names a talk but the outcome is declined — set \`outcome: accepted\` or remove \`talk\``,
    ]);
    expect(lines({ ...valid, outcome: 'accepted', talk: 'energy-futures-week-2027' })).toEqual([]);
  });
});
