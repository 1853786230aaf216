/**
 * Builds an Astro site in a temporary folder, exactly as `npm run build` does: with the project's own
 * code and a fixture hub's content (never the project's own `content/`, which belongs to whoever runs
 * the hub), or with another site's code (the benchmark's baseline blog). Used by the integration tests
 * and by `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readTextIfExists } from './optional-file.ts';
import { PEAK_MEMORY_FILE_VARIABLE } from '../../src/lib/hub-env.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The full fixture hub (every kind of piece, talks, press, stances): what tests and the benchmark build. */
export const FIXTURE_HUB = join(PROJECT_ROOT, 'tests/fixtures/hub/content');

/** The smallest real hub: a profile with its portrait, site settings and one essay. */
export const FIXTURE_MINIMAL = join(PROJECT_ROOT, 'tests/fixtures/minimal/content');

/** What the project needs to build, besides `content/`. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const PEAK_MEMORY_RECORDER = pathToFileURL(fileURLToPath(new URL('./record-peak-memory.ts', import.meta.url))).href;

export interface BuildRun {
  exitCode: number;
  /** stdout and stderr together, as a person would see them. */
  output: string;
  /** Wall time of the build process, from spawn to exit, in milliseconds. */
  wallMs: number;
  /** Peak resident memory of the build process in KiB; undefined if it died before it could say. */
  peakRssKiB: number | undefined;
}

export interface BuiltSite extends BuildRun {
  root: string;
  dist: string;
  cleanup: () => Promise<void>;
}

export interface BuildOptions {
  /** A folder holding another site's code (config, `src/`, …) to copy instead of this project's. */
  template?: string;
  /**
   * The folder copied to the site's `content/` first (default `FIXTURE_HUB`), or `false` for none.
   * Never the project's own `content/`: that is the user's, and tests must pass whatever is in it.
   */
  content?: string | false;
  /** Files to write under the site root (e.g. `content/essays/x.md`); `null` deletes a fixture file. */
  files?: Record<string, string | Buffer | null>;
  /** Extra environment, e.g. `HUB_NOW`. */
  env?: Record<string, string>;
}

/** Makes a site folder with the project's (or a template's) code and the given content, without building it. */
export async function makeSite(options: BuildOptions = {}): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'hub-site-'));
  if (options.template) {
    await cp(options.template, root, { recursive: true });
  } else {
    for (const name of PROJECT_FILES) await cp(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
  }
  await linkPackages(root);
  const content = options.content ?? FIXTURE_HUB;
  if (content !== false) await cp(content, join(root, 'content'), { recursive: true });
  for (const [path, contents] of Object.entries(options.files ?? {})) {
    const target = join(root, path);
    if (contents === null) {
      await rm(target, { force: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Links the project's packages one by one into a real `node_modules/` folder rather than linking the
 * folder itself: Vite keeps its cache in `node_modules/.vite` (Astro keeps its own in the site's
 * `.cache/astro/`, by astro.config.mjs). Shared, it would let one build reuse another's work (a warm
 * build measured as a cold one) and let builds running at the same time overwrite each other's files. Dot-entries are caches or npm's bookkeeping, which a build does not need.
 */
async function linkPackages(root: string): Promise<void> {
  const source = join(PROJECT_ROOT, 'node_modules');
  const target = join(root, 'node_modules');
  await mkdir(target);
  for (const name of await readdir(source)) {
    if (!name.startsWith('.')) await symlink(join(source, name), join(target, name), 'dir');
  }
}

/**
 * Runs `astro build` in a site folder with the running Node, timing it and recording its peak memory
 * (see `record-peak-memory.ts`). `args` go to `astro build` (`--force`: render every page again).
 */
export async function runBuild(root: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<BuildRun> {
  const peakMemoryFile = join(root, '.cache', 'peak-memory.json');
  await mkdir(dirname(peakMemoryFile), { recursive: true });
  await rm(peakMemoryFile, { force: true });
  const started = performance.now();
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', PEAK_MEMORY_RECORDER, ASTRO_BIN, 'build', ...args], {
      cwd: root,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
        [PEAK_MEMORY_FILE_VARIABLE]: peakMemoryFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, output: text }));
  });
  const wallMs = performance.now() - started;
  return { exitCode, output, wallMs, peakRssKiB: await readPeakMemory(peakMemoryFile) };
}

async function readPeakMemory(file: string): Promise<number | undefined> {
  const text = await readTextIfExists(file);
  // A build killed by a signal never runs its exit hook, so there is nothing to read.
  if (text === undefined) return undefined;
  const { maxRssKiB } = JSON.parse(text) as { maxRssKiB: unknown };
  return typeof maxRssKiB === 'number' ? maxRssKiB : undefined;
}

/** Makes a site and builds it. Call `cleanup()` when done. */
export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const { root, cleanup } = await makeSite(options);
  const run = await runBuild(root, options.env);
  return { root, dist: join(root, 'dist'), ...run, cleanup };
}
