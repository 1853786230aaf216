/**
 * The ids each content collection loaded, shared between the loaders of one content config, so that a
 * loader can check its entries' references to another collection (`cites: { theories: [...] }`).
 *
 * Astro checks references only once every loader has run, and then merely logs a line that names the
 * entry but not its file, and builds on. This fails the build instead, naming the citing file and the
 * field, before a single page is written.
 */
import type { ContentProblem } from '../lib/validation.ts';

/** A reference found in an entry's data: where it sits and what it points at. */
export interface FoundReference {
  /** Field path without list positions, as the author sees it: `cites.theories`. */
  field: string;
  collection: string;
  id: string;
}

/**
 * What the loaders of some collections share, one round at a time: by default the ids each loaded (a
 * `T` of string); src/loaders/tag-index.ts shares each file's tags the same way.
 */
export interface EntryIndex<T = string> {
  /** Whether references into `collection` are checked here. */
  has(collection: string): boolean;
  /**
   * Starts a load of `collection` and returns its round. All hub content loaders reload together (they
   * share a loader name), so the n-th load of one collection pairs with the n-th load of another.
   */
  begin(collection: string): number;
  /** Shares the ids `collection` loaded in `round`. */
  publish(collection: string, round: number, ids: Iterable<T>): void;
  /**
   * Says that `collection` will publish no ids in `round` (its load failed), so that nobody waits for
   * them; references into it are then not checked in that round. No effect once published.
   */
  abandon(collection: string, round: number): void;
  /** The ids `collection` loaded in `round`, once it has loaded them; undefined if it abandoned the round. */
  ids(collection: string, round: number): Promise<ReadonlySet<T> | undefined>;
}

export function createEntryIndex<T = string>(collections: readonly string[]): EntryIndex<T> {
  const known = new Set(collections);
  const rounds = new Map<string, number>();
  type Ids = ReadonlySet<T> | undefined;
  const loaded = new Map<string, { promise: Promise<Ids>; resolve: (ids: Ids) => void }>();
  const slot = (collection: string, round: number) => {
    const key = `${collection}#${round}`;
    let entry = loaded.get(key);
    if (!entry) {
      let resolve!: (ids: Ids) => void;
      const promise = new Promise<Ids>((done) => (resolve = done));
      entry = { promise, resolve };
      loaded.set(key, entry);
    }
    return entry;
  };
  return {
    has: (collection) => known.has(collection),
    begin: (collection) => {
      const round = (rounds.get(collection) ?? 0) + 1;
      rounds.set(collection, round);
      return round;
    },
    // A promise settles once: whichever of publish and abandon comes first wins.
    publish: (collection, round, ids) => slot(collection, round).resolve(new Set(ids)),
    abandon: (collection, round) => slot(collection, round).resolve(undefined),
    ids: (collection, round) => slot(collection, round).promise,
  };
}

/** Every `{ collection, id }` object (what `reference()` produces) in an entry's data. */
export function findReferences(data: unknown, path: string[] = []): FoundReference[] {
  if (data === null || typeof data !== 'object' || data instanceof Date) return [];
  if (Array.isArray(data)) return data.flatMap((item) => findReferences(item, path));
  const record = data as Record<string, unknown>;
  if (typeof record['collection'] === 'string' && typeof record['id'] === 'string' && Object.keys(record).length === 2) {
    return [{ field: path.join('.'), collection: record['collection'], id: record['id'] }];
  }
  return Object.entries(record).flatMap(([key, value]) => findReferences(value, [...path, key]));
}

/** The problem with a reference to nothing, naming the citing file and the field. */
export function unknownReferenceProblem(file: string, reference: FoundReference, known: ReadonlySet<string>): ContentProblem {
  const ids = [...known].sort();
  const list =
    ids.length === 0
      ? `content/${reference.collection}/ has no entries`
      : `it has: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`;
  return {
    file,
    field: reference.field,
    problem: `is ${JSON.stringify(reference.id)}, which is not in content/${reference.collection}/ (${list})`,
    fix: `use the file name (without .md or .mdx) of an entry in content/${reference.collection}/`,
  };
}
