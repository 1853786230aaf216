/**
 * Invitations to speak as evidence (their shape: src/schemas/invitation.ts): how many arrived each
 * quarter and how many of this year's were accepted, with the sentences the impact page says them in.
 * Being asked is the evidence, so a declined invitation counts as much as an accepted one, and an
 * accepted one is counted once here however many talks it became (the talks are counted as talks).
 * Pure: the page hands in the invitations and the build's moment.
 */
import type { Formats } from './formats.ts';
import type { InvitationOutcome } from '../schemas/invitation.ts';

/** What the counting needs of an invitation. */
export interface CountedInvitation {
  /** When it arrived. */
  asked: Date;
  outcome: InvitationOutcome;
}

/** How many quarters the chart shows at most, ending with the current one: two years, readable as bars. */
export const CHART_QUARTERS = 8;

/** A calendar quarter, in UTC (dates in front matter are UTC midnights). */
interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
}

const quarterOf = (date: Date): Quarter => ({ year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 });
const quarterIndex = ({ year, quarter }: Quarter): number => year * 4 + (quarter - 1);
const quarterAt = (index: number): Quarter => ({ year: Math.floor(index / 4), quarter: (index % 4) + 1 });

/** `Q3 2026`. */
export const quarterLabel = ({ year, quarter }: Quarter): string => `Q${quarter} ${year}`;

/**
 * Invitations per quarter, one bar per quarter from the quarter of the first one (at most
 * `CHART_QUARTERS` back) to the current quarter, quiet quarters included as 0; none when no invitation
 * has arrived yet. One dated after `now` (a slip, or a build at an earlier `HUB_NOW`) is not counted.
 */
export function invitationsPerQuarter(invitations: readonly CountedInvitation[], now: Date): Array<{ label: string; value: number }> {
  const current = quarterIndex(quarterOf(now));
  const arrived = invitations.filter((invitation) => invitation.asked.getTime() <= now.getTime());
  if (arrived.length === 0) return [];
  const first = Math.max(current - CHART_QUARTERS + 1, Math.min(...arrived.map((invitation) => quarterIndex(quarterOf(invitation.asked)))));
  const counts = new Map<number, number>();
  for (const invitation of arrived) {
    const index = quarterIndex(quarterOf(invitation.asked));
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return Array.from({ length: current - first + 1 }, (_, offset) => ({
    label: quarterLabel(quarterAt(first + offset)),
    value: counts.get(first + offset) ?? 0,
  }));
}

/** This calendar year's invitations by outcome; `acceptedShare` is accepted of all asked, in whole per cent. */
export interface InvitationYear {
  year: number;
  total: number;
  accepted: number;
  declined: number;
  pending: number;
  /** Accepted out of every invitation of the year, pending ones included; undefined with none. */
  acceptedShare: number | undefined;
}

/** The invitations that arrived in `now`'s calendar year (UTC), up to `now`. */
export function invitationYear(invitations: readonly CountedInvitation[], now: Date): InvitationYear {
  const year = now.getUTCFullYear();
  const mine = invitations.filter(
    (invitation) => invitation.asked.getUTCFullYear() === year && invitation.asked.getTime() <= now.getTime(),
  );
  const count = (outcome: InvitationOutcome): number => mine.filter((invitation) => invitation.outcome === outcome).length;
  const accepted = count('accepted');
  return {
    year,
    total: mine.length,
    accepted,
    declined: count('declined'),
    pending: count('pending'),
    acceptedShare: mine.length > 0 ? Math.round((accepted / mine.length) * 100) : undefined,
  };
}

/**
 * `7 invitations to speak this year, 4 accepted (57%), 2 declined and 1 awaiting an answer.` Outcomes
 * with none are left out; with no invitation this year, says so (and how many came before, if any).
 */
export function describeInvitationYear(summary: InvitationYear, earlier: number, formats: Formats): string {
  const number = (value: number): string => formats.number(value);
  const count = (value: number, one: string, many: string): string => `${number(value)} ${value === 1 ? one : many}`;
  if (summary.total === 0) {
    return earlier > 0
      ? `No invitations to speak yet this year (${summary.year}); ${count(earlier, 'invitation', 'invitations')} before it.`
      : 'No invitations to speak recorded yet.';
  }
  const share = formats.number(summary.acceptedShare! / 100, { style: 'percent' });
  const parts = [`${number(summary.accepted)} accepted (${share})`];
  if (summary.declined > 0) parts.push(`${number(summary.declined)} declined`);
  if (summary.pending > 0) parts.push(`${number(summary.pending)} awaiting an answer`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts[0]!;
  return `${count(summary.total, 'invitation', 'invitations')} to speak this year (${summary.year}), ${list}.`;
}

/** The chart's text alternative: the span, the total and the busiest quarter. */
export function describeQuarters(bars: ReadonlyArray<{ label: string; value: number }>, formats: Formats): string {
  const number = (value: number): string => formats.number(value);
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const busiest = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), bars[0]!);
  const span = bars.length === 1 ? `in ${bars[0]!.label}` : `from ${bars[0]!.label} to ${bars.at(-1)!.label}`;
  return `${number(total)} ${total === 1 ? 'invitation' : 'invitations'} to speak ${span}; the most in ${busiest.label}, with ${number(busiest.value)}.`;
}
