/**
 * Links between ideas: which entries cite which. Built once per build (src/data/backlinks.ts) from
 * every published citer, so a page asks a map instead of scanning every piece.
 */
import { pushTo } from './multimap.ts';

/** An entry by collection and id, the shape of Astro's `reference()`. */
export interface EntryRef {
  collection: string;
  id: string;
}

/** The map key of an entry: `theories/trust-before-turbines`. */
export function refKey(ref: EntryRef): string {
  return `${ref.collection}/${ref.id}`;
}

/** Something that cites: itself (as a ref), what it cites, and what to list it as. */
export interface Citer<T> {
  ref: EntryRef;
  cites: readonly EntryRef[];
  item: T;
}

/**
 * For each cited entry, the items citing it, in the order the citers were given (so the caller
 * decides: newest first, say). An item citing the same entry twice is listed once; self-citations
 * are ignored.
 */
export function collectBacklinks<T>(citers: Iterable<Citer<T>>): Map<string, T[]> {
  const backlinks = new Map<string, T[]>();
  for (const citer of citers) {
    const self = refKey(citer.ref);
    for (const key of new Set(citer.cites.map(refKey))) {
      if (key === self) continue;
      pushTo(backlinks, key, citer.item);
    }
  }
  return backlinks;
}

/** `cites: { theories: [...], essays: [...] }` as one list of refs, in the order written. */
export function flattenCites(cites: Readonly<Record<string, readonly EntryRef[]>>): EntryRef[] {
  return Object.values(cites).flat();
}
