/** Press quotes, queried once per build; a quote dated in the future stays hidden until then. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewestPress, type PressItem } from '../lib/press.ts';
import { isPublished } from '../lib/publishing.ts';
import { publishing } from './site.ts';

export type PressEntry = CollectionEntry<'press'>;

export interface PublishedPress extends PressItem {
  entry: PressEntry;
}

let cache: Promise<PublishedPress[]> | undefined;

/** Published press quotes, newest first. */
export function getPress(): Promise<PublishedPress[]> {
  cache ??= getCollection('press', (entry) => isPublished(entry.data, publishing)).then((entries) =>
    entries.map((entry): PublishedPress => ({ slug: entry.id, ...entry.data, entry })).sort(byNewestPress),
  );
  return cache;
}
