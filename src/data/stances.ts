/** The published stances, queried once per build. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { flattenCites, type EntryRef } from '../lib/backlinks.ts';
import { isPublished } from '../lib/publishing.ts';
import { byLongestHeld, type Since } from '../lib/stances.ts';
import { stancePath } from '../lib/urls.ts';
import { publishing } from './site.ts';

export type StanceEntry = CollectionEntry<'stances'>;

export interface PublishedStance {
  slug: string;
  /** `/stances/#<slug>`. */
  path: string;
  title: string;
  position: string;
  since: Since;
  draft: boolean;
  /** The essays, theories and notes behind it. */
  cites: EntryRef[];
  entry: StanceEntry;
}

function fromEntry(entry: StanceEntry): PublishedStance {
  const { data } = entry;
  return {
    slug: entry.id,
    path: stancePath(entry.id),
    title: data.title,
    position: data.position,
    since: data.since,
    draft: data.draft,
    cites: flattenCites(data.cites),
    entry,
  };
}

let cache: Promise<PublishedStance[]> | undefined;

/**
 * Published stances, longest held first. A stance is dated by when it was taken, so the one publishing
 * rule applies with `since` as its date: in practice, only `draft: true` holds one back.
 */
export function getStances(): Promise<PublishedStance[]> {
  cache ??= getCollection('stances', (entry) => isPublished({ draft: entry.data.draft, date: entry.data.since.date }, publishing)).then(
    (entries) => entries.map(fromEntry).sort(byLongestHeld),
  );
  return cache;
}
