/**
 * The publishing rule, in one place: a piece is public when it is not a draft and its date has come.
 * Every listing, page, feed, tag page, sitemap entry and share card asks this function.
 */

export interface Publishable {
  draft?: boolean | undefined;
  date: Date;
}

export interface PublishingContext {
  /** The moment the build happens (`buildNow` in src/lib/hub-env.ts: `HUB_NOW` or the clock). */
  now: Date;
  /** True in `npm run dev`: drafts and future pieces are shown so the author can preview them. */
  showUnpublished: boolean;
}

export function isPublished(entry: Publishable, context: PublishingContext): boolean {
  if (context.showUnpublished) return true;
  return !entry.draft && entry.date.getTime() <= context.now.getTime();
}
