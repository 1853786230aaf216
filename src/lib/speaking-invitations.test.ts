import { describe, expect, test } from 'vitest';
import { createFormats } from './formats.ts';
import {
  CHART_QUARTERS,
  describeInvitationYear,
  describeQuarters,
  invitationsPerQuarter,
  invitationYear,
  type CountedInvitation,
} from './speaking-invitations.ts';

const formats = createFormats('en-GB');
const now = new Date('2026-11-25T12:00:00Z');
const asked = (day: string, outcome: CountedInvitation['outcome']): CountedInvitation => ({ asked: new Date(`${day}T00:00:00Z`), outcome });

describe('invitationsPerQuarter', () => {
  test('counts each quarter from the first invitation to the current one, quiet quarters as 0', () => {
    const invitations = [
      asked('2026-01-22', 'accepted'),
      asked('2026-03-31', 'declined'),
      asked('2026-10-01', 'pending'),
      asked('2026-11-18', 'pending'),
    ];
    expect(invitationsPerQuarter(invitations, now)).toEqual([
      { label: 'Q1 2026', value: 2 },
      { label: 'Q2 2026', value: 0 },
      { label: 'Q3 2026', value: 0 },
      { label: 'Q4 2026', value: 2 },
    ]);
  });

  test('shows at most the last two years, and leaves out invitations dated after the build', () => {
    const bars = invitationsPerQuarter(
      [asked('2019-05-01', 'declined'), asked('2026-07-01', 'accepted'), asked('2027-01-05', 'pending')],
      now,
    );
    expect(bars).toHaveLength(CHART_QUARTERS);
    expect(bars[0]).toEqual({ label: 'Q1 2025', value: 0 });
    expect(bars.reduce((sum, bar) => sum + bar.value, 0)).toBe(1);
  });

  test('has no bars without invitations', () => {
    expect(invitationsPerQuarter([], now)).toEqual([]);
  });
});

describe('invitationYear', () => {
  const invitations = [
    asked('2025-12-30', 'accepted'),
    ...['2026-01-10', '2026-02-01', '2026-05-05', '2026-09-14'].map((day) => asked(day, 'accepted')),
    asked('2026-06-01', 'declined'),
    asked('2026-07-01', 'declined'),
    asked('2026-11-18', 'pending'),
  ];

  test('counts this calendar year’s invitations by outcome; the rate is accepted out of all asked', () => {
    expect(invitationYear(invitations, now)).toEqual({ year: 2026, total: 7, accepted: 4, declined: 2, pending: 1, acceptedShare: 57 });
  });

  test('says it in a sentence, leaving out outcomes with none', () => {
    expect(describeInvitationYear(invitationYear(invitations, now), 1, formats)).toBe(
      '7 invitations to speak this year (2026), 4 accepted (57%), 2 declined and 1 awaiting an answer.',
    );
    expect(describeInvitationYear(invitationYear([asked('2026-03-01', 'accepted')], now), 0, formats)).toBe(
      '1 invitation to speak this year (2026), 1 accepted (100%).',
    );
  });

  test('is honest when there is nothing this year, or nothing at all', () => {
    const none = invitationYear([], now);
    expect(none.acceptedShare).toBeUndefined();
    expect(describeInvitationYear(none, 0, formats)).toBe('No invitations to speak recorded yet.');
    expect(describeInvitationYear(none, 3, formats)).toBe('No invitations to speak yet this year (2026); 3 invitations before it.');
  });
});

describe('describeQuarters', () => {
  test('names the span, the total and the busiest quarter', () => {
    expect(
      describeQuarters(
        [
          { label: 'Q3 2026', value: 1 },
          { label: 'Q4 2026', value: 3 },
        ],
        formats,
      ),
    ).toBe('4 invitations to speak from Q3 2026 to Q4 2026; the most in Q4 2026, with 3.');
  });
});
