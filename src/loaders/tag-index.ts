import type { TagUse } from '../lib/tags.ts';
import { createEntryIndex, type EntryIndex } from './entry-ids.ts';

/** The collections whose entries have `tags`, and so pages under /tags/. */
export const TAGGED_COLLECTIONS = ['essays', 'notes', 'theories'] as const;

/**
 * The tags each tagged collection loaded, shared between their loaders (as `createEntryIndex` shares
 * ids), so that `AI/ML` in an essay and `ai-ml` in a note fail the build naming both files, before a
 * page is written, instead of making two tag pages for one address.
 */
export function createTagIndex(): EntryIndex<TagUse> {
  return createEntryIndex<TagUse>(TAGGED_COLLECTIONS);
}
