/**
 * The cards a build's pages asked for, by output path (`/cards/essays/x.png`). Pages fill it while
 * Astro renders them; the share-cards integration empties it into `dist/` when the build is done. It
 * lives on `globalThis` because the pages run from Astro's bundled code and the integration from the
 * config: two module graphs in one process.
 */
const KEY = Symbol.for('thought-leadership-hub.share-cards');

export interface RegisteredCard {
  /** Settles when the card is in the cache (found there, or drawn). */
  ready: Promise<unknown>;
  /**
   * Puts the card at `target`: verifies the cached file (redrawing a damaged one first), then links it
   * there, or copies it where a link cannot be made.
   */
  writeTo: (target: string) => Promise<void>;
}

export type CardRegistry = Map<string, RegisteredCard>;

export function cardRegistry(): CardRegistry {
  const global = globalThis as { [KEY]?: CardRegistry };
  global[KEY] ??= new Map();
  return global[KEY];
}
