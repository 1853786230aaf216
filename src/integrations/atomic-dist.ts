import { readdir, rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isProcessAlive } from '../lib/processes.ts';

/**
 * A build that fails never leaves half a site. `astro build` writes into a staging folder beside the
 * output folder (`.dist-staging-<pid>/`), and only when every other integration has finished its
 * `astro:build:done` work (share cards, search index, sitemap) is `dist/` swapped for it: two renames
 * in the same folder, so `dist/` is always either the old site or the new one, never a mixture. A
 * build that fails or is killed leaves `dist/` as it was; the next build removes its staging folder.
 *
 * Must be the last integration: hooks run in the order integrations are listed.
 */
export function atomicDist(): AstroIntegration {
  let output: string | undefined;
  let staging: string | undefined;
  return {
    name: 'hub-atomic-dist',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        output = fileURLToPath(config.outDir).replace(/\/$/, '');
        const name = basename(output);
        const parent = new URL('../', config.outDir);
        await removeLeftovers(fileURLToPath(parent), name);
        const stagingUrl = new URL(`.${name}-staging-${process.pid}/`, parent);
        staging = fileURLToPath(stagingUrl).replace(/\/$/, '');
        updateConfig({ outDir: stagingUrl });
      },
      'astro:build:done': async ({ logger }) => {
        if (!output || !staging) return;
        const old = `${staging}-old`;
        try {
          await rename(output, old);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        await rename(staging, output);
        await rm(old, { recursive: true, force: true });
        logger.debug(`${basename(output)}/ replaced by the new build`);
      },
    },
  };
}

/** Staging folders of builds that failed or were killed, and old sites a killed swap left behind. */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-staging-\\d+(-old)?$`);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  for (const entry of entries.filter((item) => pattern.test(item))) {
    // Another build running at this moment in the same project has its own pid; leave a live one alone.
    const pid = Number(/-staging-(\d+)/.exec(entry)![1]);
    if (pid !== process.pid && isProcessAlive(pid)) continue;
    await rm(`${parent}/${entry}`, { recursive: true, force: true });
  }
}
