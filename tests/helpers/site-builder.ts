/**
 * Builds a hub into a temporary folder, exactly as `npm run build` does, with the project's own
 * source and either the sample content or a fixture's files. Used by the integration tests.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the project needs to build, besides `content/`. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export interface BuiltSite {
  root: string;
  dist: string;
  exitCode: number;
  /** stdout and stderr together, as a person would see them. */
  output: string;
  cleanup: () => Promise<void>;
}

export interface BuildOptions {
  /** Copy the project's sample `content/` first (default true). */
  sampleContent?: boolean;
  /** Files to write under the site root (e.g. `content/essays/x.md`); `null` deletes a sample file. */
  files?: Record<string, string | Buffer | null>;
  /** Extra environment, e.g. `HUB_NOW`. */
  env?: Record<string, string>;
}

/** Makes a site folder with the project's code and the given content, without building it. */
export async function makeSite(options: BuildOptions = {}): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'hub-site-'));
  for (const name of PROJECT_FILES) await cp(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  if (options.sampleContent !== false) await cp(join(PROJECT_ROOT, 'content'), join(root, 'content'), { recursive: true });
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

/** Runs `astro build` in a site folder with the running Node. */
export function runBuild(root: string, env: Record<string, string> = {}): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, output }));
  });
}

/** Makes a site and builds it. Call `cleanup()` when done. */
export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const { root, cleanup } = await makeSite(options);
  const { exitCode, output } = await runBuild(root, options.env);
  return { root, dist: join(root, 'dist'), exitCode, output, cleanup };
}
