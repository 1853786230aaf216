/**
 * The Hugo side of `./hub run bench`: the same synthetic essays built by Hugo (a plain blog with tag
 * pages, RSS and sitemap, `scripts/bench/hugo/`), the reference issue 19's targets are measured
 * against. Hugo is a program of its own, not an npm package: the bench uses the `hugo` on PATH (or
 * `HUGO`), e.g. Debian's (`apt-get install hugo`), and leaves the comparison out when there is none.
 */
import { spawn } from 'node:child_process';
import { access, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, type SyntheticEssay } from './corpus.ts';
import type { BuildSample } from './summary.ts';

const HUGO_TEMPLATE = fileURLToPath(new URL('./hugo/', import.meta.url));

/** The Hugo to run: `HUGO`, else `hugo` on PATH. */
const hugoCommand = (): string => process.env.HUGO ?? 'hugo';

/** Hugo's version line, or undefined when there is no Hugo to run. */
export async function hugoVersion(): Promise<string | undefined> {
  const run = await runProcess(hugoCommand(), ['version'], process.cwd()).catch(() => undefined);
  return run?.exitCode === 0 ? run.output.trim().split('\n')[0] : undefined;
}

/** Builds `essays` with Hugo from scratch in a temporary folder, and checks every essay got its page. */
export async function buildWithHugo(essays: readonly SyntheticEssay[]): Promise<BuildSample> {
  const root = await mkdtemp(join(tmpdir(), 'hub-hugo-'));
  try {
    await cp(HUGO_TEMPLATE, root, { recursive: true });
    for (const [path, text] of Object.entries(corpusFiles(essays, 'content/essays'))) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const run = await runProcess(hugoCommand(), ['--quiet', '--destination', 'dist'], root);
    if (run.exitCode !== 0) throw new Error(`Hugo: the build failed (exit ${run.exitCode})\n${run.output.trimEnd()}`);
    for (const essay of essays) {
      const page = join(root, 'dist/essays', essay.slug, 'index.html');
      await access(page).catch(() => {
        throw new Error(`Hugo: expected the page ${page}, but the build did not write it`);
      });
    }
    if (run.peakRssKiB === undefined) throw new Error('Hugo: could not read its peak memory (/proc/<pid>/status)');
    return { wallMs: run.wallMs, peakRssKiB: run.peakRssKiB };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

interface ProcessRun {
  exitCode: number;
  output: string;
  wallMs: number;
  /** The process's high-water mark of resident memory (Linux's VmHWM), last read before it exited. */
  peakRssKiB: number | undefined;
}

/**
 * Runs a program, timing it; its peak memory is read from /proc while it runs (every 10 ms: a Go
 * program cannot be asked from inside, as the hub's builds are).
 */
function runProcess(command: string, args: readonly string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakRssKiB: number | undefined;
    const readPeak = async (): Promise<void> => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
      if (kib !== undefined) peakRssKiB = Math.max(peakRssKiB ?? 0, Number(kib));
    };
    const poll = setInterval(() => void readPeak(), 10);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(poll);
      resolvePromise({ exitCode: code ?? 1, output, wallMs: performance.now() - started, peakRssKiB });
    });
  });
}
