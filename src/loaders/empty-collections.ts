import type { AstroIntegrationLogger } from 'astro';
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

/** Astro's `glob()` warnings for a folder that is missing or holds no files: both are normal here. */
const EMPTY_FOLDER_WARNING = /^The base directory ".*" does not exist\.$|^No files found matching /;

/** The loader's logger without the warnings about a missing or empty folder; every other message passes. */
export function withoutEmptyFolderWarnings(logger: AstroIntegrationLogger): AstroIntegrationLogger {
  const quiet = Object.create(logger) as AstroIntegrationLogger;
  quiet.warn = (message: string) => {
    if (!EMPTY_FOLDER_WARNING.test(message)) logger.warn(message);
  };
  return quiet;
}
