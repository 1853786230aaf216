import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardRegistry } from '../cards/registry.ts';

/**
 * Writes the share cards into the build output. Pages register the cards they point at while they
 * render (the drawing starts then, in worker threads); once the build is done this waits for the last
 * of them and copies each from the card cache into `dist/`. Cards are files copied, not Astro routes,
 * so a rebuild whose cards are all cached costs a file copy per card.
 */
export function shareCards(): AstroIntegration {
  return {
    name: 'hub-share-cards',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const registry = cardRegistry();
        const output = fileURLToPath(dir);
        const started = performance.now();
        await Promise.all(
          [...registry].map(async ([path, drawing]) => {
            const target = join(output, decodeURIComponent(path));
            await mkdir(dirname(target), { recursive: true });
            await copyFile(await drawing, target);
          }),
        );
        if (registry.size > 0) logger.info(`${registry.size} share cards written in ${Math.round(performance.now() - started)} ms after the pages`);
        registry.clear();
      },
    },
  };
}
