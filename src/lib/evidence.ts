/**
 * What is done with an engagement snapshot (its shape: src/contract/snapshots.ts): the engagement a
 * copy adds up to, and the snapshot cleaned of addresses from outside before it is written.
 */
import { safeHttpUrl } from './safe-urls.ts';
import type { Metrics, Snapshot } from '../contract/snapshots.ts';

/** The engagement formula, stated on the impact page: every interaction the network reports, added. */
export const ENGAGEMENT_FORMULA = 'likes + reposts + replies + quotes';

/** A copy's engagement: likes + reposts + replies + quotes, a count the network does not report counting 0. */
export function engagementOf(metrics: Metrics): number {
  return (metrics.likes ?? 0) + (metrics.reposts ?? 0) + (metrics.replies ?? 0) + (metrics.quotes ?? 0);
}

/**
 * The snapshot without the addresses from outside that are not http(s): a reply's or a webmention's
 * becomes "" and a person's profile is left out, the rest kept. Used before a snapshot is written, so
 * what a network or a stranger sends cannot put a `javascript:` link on the site, nor stop the run
 * (the schema refuses such a file). A copy's own address is left as it is: the collector falls back to
 * the ledger's for one that is not http(s).
 */
export function withoutUnsafeUrls(snapshot: Snapshot): Snapshot {
  const clean = structuredClone(snapshot);
  const person = (author: { name: string; handle: string; url?: string | undefined }) => {
    if (author.url !== undefined && !safeHttpUrl(author.url)) delete author.url;
  };
  for (const item of Object.values(clean.items)) {
    for (const copy of Object.values(item.networks)) {
      for (const reply of [...(copy?.newReplies ?? []), ...(copy?.newQuotes ?? [])]) {
        if (!safeHttpUrl(reply.url)) reply.url = '';
        person(reply.author);
      }
    }
  }
  for (const mention of clean.webmentions ?? []) {
    if (!safeHttpUrl(mention.url)) mention.url = '';
    if (!safeHttpUrl(mention.target)) mention.target = '';
    person(mention.author);
  }
  return clean;
}
