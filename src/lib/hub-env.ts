/**
 * Every `HUB_*` environment variable the hub reads, in one place: what each means, its default, and
 * how a bad value is refused. Nothing else reads `process.env.HUB_*`; the build, the integrations and
 * the scripts ask these functions (each takes the environment, so tests hand in their own).
 *
 * | variable               | read by                   | meaning                                                      | default        |
 * | ---------------------- | ------------------------- | ------------------------------------------------------------ | -------------- |
 * | `HUB_NOW`              | build, `npm run status`   | the moment to publish at (an ISO date), for tests and benches | the clock      |
 * | `HUB_SEARCH`           | build (search index)      | `off` skips the Pagefind index                                | on             |
 * | `HUB_SHARE_CARDS`      | build (share cards)       | `off` builds without drawing share cards                      | on             |
 * | `HUB_CARD_WORKERS`     | build (share cards)       | how many threads draw cards, a whole number ≥ 1               | one per core   |
 * | `HUB_CARD_CACHE`       | build (share cards)       | the folder of drawn cards, kept between CI runs               | `.cache/cards` |
 * | `HUB_PEAK_MEMORY_FILE` | scripts/lib (test, bench) | where a build process writes its peak memory on exit          | not written    |
 *
 * `HUB_NODE_HOME` belongs to the `./hub` shell wrapper, which reads it itself. The project root and the
 * Astro command are not environment variables: src/integrations/site-context.ts hands them to the site.
 */

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The build's "now": `HUB_NOW` (an ISO date) or the clock. A bad `HUB_NOW` is an error, not a silent
 * fallback: a wrong clock would publish or hide pieces.
 */
export function buildNow(env: Env, clock: () => Date = () => new Date()): Date {
  const fixed = env['HUB_NOW'];
  if (!fixed) return clock();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`HUB_NOW: expected an ISO date such as 2026-11-25T12:00:00Z, got ${JSON.stringify(fixed)}`);
  }
  return date;
}

/** False when `HUB_SEARCH=off`: the build writes no search index (the search page says so). */
export function searchEnabled(env: Env): boolean {
  return env['HUB_SEARCH'] !== 'off';
}

/**
 * False when `HUB_SHARE_CARDS=off`: previews fall back to the portrait. Quicker local builds, and the
 * benchmark's "without cards" baseline.
 */
export function shareCardsEnabled(env: Env): boolean {
  return env['HUB_SHARE_CARDS'] !== 'off';
}

/** `HUB_CARD_WORKERS=N`: how many threads draw cards; undefined (one per core) when not set. */
export function cardWorkers(env: Env): number | undefined {
  const text = env['HUB_CARD_WORKERS'];
  if (text === undefined || text === '') return undefined;
  if (!/^[1-9]\d*$/.test(text)) throw new Error(`HUB_CARD_WORKERS: expected a whole number of at least 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** `HUB_CARD_CACHE`: the share-card cache folder, when set; the project's `.cache/cards/` otherwise. */
export function cardCacheOverride(env: Env): string | undefined {
  return env['HUB_CARD_CACHE'] || undefined;
}

/** `HUB_PEAK_MEMORY_FILE`: where a build started by scripts/lib/site-builder.ts records its peak memory. */
export const PEAK_MEMORY_FILE_VARIABLE = 'HUB_PEAK_MEMORY_FILE';

export function peakMemoryFile(env: Env): string | undefined {
  return env[PEAK_MEMORY_FILE_VARIABLE] || undefined;
}
