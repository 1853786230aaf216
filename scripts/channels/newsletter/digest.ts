/**
 * The weekly digest: the pieces of NEWSLETTER_DIGEST_KINDS gathered into one email per ISO week
 * (Monday to Sunday), sent by the first run after the week has ended. A piece's week is that of the
 * day it counts on, as the presence calendar counts days (src/lib/cadence.ts): its date in the digest's
 * time zone, except a piece at exactly UTC midnight, which is date-only and keeps the date it was
 * written with. The week is over once "now", read in the same zone, is past its Sunday.
 *
 * A digest is found at the provider by its marker, `digest-2026-W48`. A piece of a week whose digest
 * already went out (held for review, then approved) goes in a second digest of that week, with a
 * marker of its own (`digest-2026-W48-2`): the first marker would find the first email and count the
 * piece as sent without anyone having got it. For the same reason, a piece new to a week whose digest
 * an interrupted run may have sent (its pieces still in flight) waits until that digest is settled:
 * the look for it would find it, and count the new piece as carried.
 */
import type { Batch, BatchLedger } from '../channel.ts';
import type { SyndicationItem } from '../post.ts';
import { isoWeek, type IsoWeek } from '../../../src/lib/cadence.ts';
import { localDateTimeAt } from '../../../src/lib/time-zones.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in a time zone. */
function localDate(instant: Date, timeZone: string): string {
  const local = localDateTimeAt(instant, timeZone);
  return `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
}

/** The ISO week a piece published at `datePublished` belongs to (see the module comment for date-only pieces). */
export function digestWeek(datePublished: string, timeZone: string): IsoWeek {
  const date = new Date(datePublished);
  const dateOnly = date.getTime() % DAY_MS === 0;
  return isoWeek(dateOnly ? date.toISOString().slice(0, 10) : localDate(date, timeZone));
}

/** Whether the week has ended at `now` in the time zone (its Sunday is past). */
export function weekIsOver(week: IsoWeek, now: Date, timeZone: string): boolean {
  return localDate(now, timeZone) > week.sunday;
}

/** The digest's marker: `digest-2026-W48`, then `digest-2026-W48-2` for a second digest of the same week. */
export function digestId(week: IsoWeek, earlier: number): string {
  return earlier === 0 ? `digest-${week.label}` : `digest-${week.label}-${earlier + 1}`;
}

/** A digest: a batch with the week it covers. */
export interface Digest extends Batch {
  week: IsoWeek;
}

/**
 * The digests for the pieces still to send, oldest week first, each listing its pieces in publication
 * order. `ledger.sent` are the pieces a digest already carried (with its email's id), counted per week
 * to give a later digest of that week its own marker; `ledger.inFlight` the pending pieces an
 * interrupted run may have sent.
 */
export function groupDigests(pending: SyndicationItem[], ledger: BatchLedger, timeZone: string, now: Date): Digest[] {
  const weeks = new Map<string, { week: IsoWeek; items: SyndicationItem[] }>();
  for (const item of pending) {
    const week = digestWeek(item.datePublished, timeZone);
    const group = weeks.get(week.label) ?? { week, items: [] };
    group.items.push(item);
    weeks.set(week.label, group);
  }
  const earlier = (week: IsoWeek): number =>
    new Set(ledger.sent.filter(({ item }) => digestWeek(item.datePublished, timeZone).label === week.label).map(({ remoteId }) => remoteId))
      .size;
  const inOrder = (items: SyndicationItem[]): SyndicationItem[] =>
    items.toSorted((a, b) => a.datePublished.localeCompare(b.datePublished) || a.key.localeCompare(b.key));
  return [...weeks.values()]
    .sort((a, b) => a.week.monday.localeCompare(b.week.monday))
    .flatMap(({ week, items }): Digest[] => {
      const id = digestId(week, earlier(week));
      const due = weekIsOver(week, now, timeZone);
      const waiting = `waiting for the digest of week ${week.label} (sent after ${week.sunday})`;
      const interrupted = items.filter((item) => ledger.inFlight.has(item.key));
      if (interrupted.length === 0 || interrupted.length === items.length) return [{ id, week, items: inOrder(items), due, waiting }];
      const fresh = items.filter((item) => !ledger.inFlight.has(item.key));
      return [
        { id, week, items: inOrder(interrupted), due, waiting },
        {
          id: digestId(week, earlier(week) + 1),
          week,
          items: inOrder(fresh),
          due: false,
          waiting: `waiting for ${id}, which an interrupted run may have sent, to be settled`,
        },
      ];
    });
}
