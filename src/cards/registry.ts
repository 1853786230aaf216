/**
 * The cards a build's pages asked for, by output path (`/cards/essays/x.png` → the cache file that
 * holds it). Pages fill it while Astro renders them; the share-cards integration empties it into
 * `dist/` when the build is done. It lives on `globalThis` because the pages run from Astro's bundled
 * code and the integration from the config: two module graphs in one process.
 */
const KEY = Symbol.for('thought-leadership-hub.share-cards');

export type CardRegistry = Map<string, Promise<string>>;

export function cardRegistry(): CardRegistry {
  const global = globalThis as { [KEY]?: CardRegistry };
  global[KEY] ??= new Map();
  return global[KEY];
}
