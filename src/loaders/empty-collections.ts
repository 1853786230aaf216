import type { LoaderContext } from 'astro/loaders';

/*
 * For the hub an empty collection is normal: a new hub has no talks, no press quotes and nothing
 * collected yet. Astro treats it as a mistake and warns on every build, which teaches people to
 * ignore warnings. (withastro/astro#15329 asks for a way to say a collection may be empty.)
 */

const PLACEHOLDER = '(empty)';

/**
 * Leaves an empty collection in the data store rather than none. `getCollection()` warns that a
 * collection "does not exist or is empty" when its loader stored nothing; Astro keeps a collection
 * whose last entry was deleted, so one is stored and deleted again. If a later Astro changes that,
 * the warning comes back and tests/minimal-hub.test.ts fails.
 */
export function keepEmptyCollection(store: LoaderContext['store']): void {
  if (store.keys().length > 0) return;
  store.set({ id: PLACEHOLDER, data: {} });
  store.delete(PLACEHOLDER);
}
