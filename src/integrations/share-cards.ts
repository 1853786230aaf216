import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardRegistry } from '../cards/registry.ts';

/** Cards read and written at once: enough to keep the disk busy without holding every card in memory. */
const CONCURRENCY = 16;

/**
 * Writes the share cards into the build output. Pages register the cards they point at while they
 * render (missing ones are drawn then, in worker threads); once the build is done this waits for the
 * last of them, verifies each cached file and links it into `dist/` (copies it across file systems).
 * Cards are files, not Astro routes, so a rebuild whose cards are all cached costs one verified read
 * and one link per card.
 */
export function shareCards(): AstroIntegration {
  return {
    name: 'hub-share-cards',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const registry = cardRegistry();
        const output = fileURLToPath(dir);
        const started = performance.now();
        const cards = [...registry];
        const next = { index: 0 };
        const copyNext = async (): Promise<void> => {
          while (next.index < cards.length) {
            const [path, card] = cards[next.index++]!;
            await card.ready;
            const target = join(output, decodeURIComponent(path));
            await mkdir(dirname(target), { recursive: true });
            await card.writeTo(target);
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, copyNext));
        if (registry.size > 0)
          logger.info(`${registry.size} share cards written in ${Math.round(performance.now() - started)} ms after the pages`);
        registry.clear();
      },
    },
  };
}
