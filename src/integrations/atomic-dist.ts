import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isProcessAlive } from '../lib/processes.ts';

/**
 * A build that fails never leaves half a site. `astro build` writes into a staging folder beside the
 * output folder (`.dist-staging/`), and only when every other integration has finished its
 * `astro:build:done` work (share cards, search index, sitemap) is `dist/` swapped for it: two renames
 * in the same folder, so `dist/` is always either the old site or the new one, never a mixture. A
 * build that fails or is killed leaves `dist/` as it was; the next build removes its staging folder.
 *
 * The staging folder's name is the same in every build: Astro writes the output folder's path into
 * its `astro:assets` module, part of every page's module graph, and the incremental build re-renders
 * every page whose module graph changed (a name with the build's pid in it made every build a full
 * one). Pages an incremental build skips are copied into it from Astro's cache (.cache/astro/),
 * not from `dist/`, so the staging folder starts empty as before. Two builds at once in one folder
 * would share that cache and that staging folder: the second stops, naming the first (a lock file
 * beside the folder holds the pid of the build writing it).
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
        const parent = fileURLToPath(new URL('../', config.outDir));
        const stagingUrl = new URL(`.${name}-staging/`, new URL('../', config.outDir));
        staging = fileURLToPath(stagingUrl).replace(/\/$/, '');
        await claimStaging(staging);
        await removeLeftovers(parent, name);
        updateConfig({ outDir: stagingUrl });
      },
      'astro:build:done': async ({ logger }) => {
        if (!output || !staging) return;
        const old = `${staging}-old`;
        await rm(old, { recursive: true, force: true });
        try {
          await rename(output, old);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        await rename(staging, output);
        await rm(old, { recursive: true, force: true });
        await rm(lockFile(staging), { force: true });
        logger.debug(`${basename(output)}/ replaced by the new build`);
      },
    },
  };
}

function lockFile(staging: string): string {
  return `${staging}.lock`;
}

/** Takes the staging folder for this build, or stops when a build running now holds it. */
async function claimStaging(staging: string): Promise<void> {
  const lock = lockFile(staging);
  try {
    await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number((await readFile(lock, 'utf8')).trim());
  if (holder && holder !== process.pid && isProcessAlive(holder)) {
    throw new Error(`${basename(staging)}/: another build (pid ${holder}) is writing the site in this folder; wait for it to finish`);
  }
  // Left by a build that failed or was killed.
  await writeFile(lock, `${process.pid}\n`);
}

/**
 * What failed or killed builds left: the staging folder, an old site a killed swap left behind, and the
 * staging folders named with a pid that builds before the fixed name made.
 */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-staging(-\\d+)?(-old)?$`);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  for (const entry of entries.filter((item) => pattern.test(item))) {
    await rm(`${parent}/${entry}`, { recursive: true, force: true });
  }
}
