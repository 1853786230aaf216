/**
 * `astro dev` in a site folder, as a person runs it: a child process on a port of its own, its output
 * collected, stopped (with its children) when the test is done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './site.ts';

const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface DevServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Everything the server printed so far (stdout and stderr, without colours). */
  output(): string;
  stop(): Promise<void>;
}

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Gave up waiting for ${what} after ${timeoutMs / 1000} s${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * What Vitest adds to its environment: `VITEST*` and `TEST` (with `VITEST` set, Astro's dev server serves
 * no pages at all, leaving that to Vitest) and its emulation of `import.meta.env` (NODE_ENV=test, DEV=1, …).
 */
const VITEST_VARIABLES = /^(VITEST\w*|TEST|NODE_ENV|DEV|PROD|SSR|MODE|BASE_URL)$/;

/**
 * Starts `astro dev` in `root` on a port the system picks and resolves once it answers. The
 * environment is the test process's without Vitest's own variables, as in a person's shell.
 */
export async function startDevServer(root: string, env: Record<string, string> = {}): Promise<DevServer> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.test(key)));
  const child: ChildProcess = spawn(process.execPath, [ASTRO_BIN, 'dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    env: { ...base, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops whatever it started too.
    detached: true,
  });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC [ … m)
  const output = (): string => text.replace(/\u001b\[[0-9;]*m/g, '');
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    const killed = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(killed);
  };
  try {
    const origin = await waitFor('astro dev to print its address', () => {
      if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${output()}`);
      return /Local\s+(http:\/\/[^\s/]+)/.exec(output())?.[1];
    });
    await waitFor('astro dev to answer', async () =>
      (await fetch(`${origin}/`, { headers: { accept: 'text/html' } })).status > 0 ? true : undefined,
    );
    return { origin, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
