/**
 * The publishing rule, in one place: a piece is public when it is not a draft and its date has come.
 * Every listing, page, feed, tag page, sitemap entry and share card asks this function.
 */

export interface Publishable {
  draft?: boolean | undefined;
  date: Date;
}

export interface PublishingContext {
  /** The moment the build happens (fixed by `HUB_NOW` in tests and benchmarks). */
  now: Date;
  /** True in `npm run dev`: drafts and future pieces are shown so the author can preview them. */
  showUnpublished: boolean;
}

export function isPublished(entry: Publishable, context: PublishingContext): boolean {
  if (context.showUnpublished) return true;
  return !entry.draft && entry.date.getTime() <= context.now.getTime();
}

/**
 * Reads the build's "now" from `HUB_NOW` (an ISO date) or the clock. A bad `HUB_NOW` is an error, not
 * a silent fallback: a wrong clock would publish or hide pieces.
 */
export function buildNow(env: Record<string, string | undefined>, clock: () => Date = () => new Date()): Date {
  const fixed = env['HUB_NOW'];
  if (!fixed) return clock();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`HUB_NOW: expected an ISO date such as 2026-11-25T12:00:00Z, got ${JSON.stringify(fixed)}`);
  }
  return date;
}
