/**
 * A hub as a person has it after cloning: the project's code, the `hub` wrapper and scripts, and a
 * fixture's content, in a temporary folder, so `./hub …` commands can be run there as written in the
 * README. The dependencies are the project's own (linked, see `makeSite`), marked as installed for
 * this lock file so the wrapper does not reinstall them.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeSite, PROJECT_ROOT } from '../../scripts/lib/site-builder.ts';

const WRAPPER_FILES = ['hub', 'package-lock.json', 'scripts', '.htmlvalidate.json'];

export async function makeHubFolder(options: Parameters<typeof makeSite>[0] = {}): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const site = await makeSite(options);
  for (const name of WRAPPER_FILES) await cp(join(PROJECT_ROOT, name), join(site.root, name), { recursive: true });
  const stamp = await readFile(join(PROJECT_ROOT, 'node_modules/.hub-installed'), 'utf8').catch(() => undefined);
  if (stamp === undefined) throw new Error('node_modules/.hub-installed is missing: run the tests through ./hub test');
  await writeFile(join(site.root, 'node_modules/.hub-installed'), stamp);
  return site;
}

/** An environment for `./hub` that finds this process's Node (new enough) first on the PATH. */
export function hubEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const nodeBin = process.execPath.replace(/\/node$/, '');
  return {
    PATH: `${nodeBin}:${process.env['PATH'] ?? ''}`,
    HOME: process.env['HOME'] ?? '/tmp',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...extra,
  };
}
