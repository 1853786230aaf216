/**
 * Runs one of the project's command-line entry points as a person would: a child process, its output
 * and exit code. The one way tests start a CLI, so each runs with the same clean environment.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PROJECT_ROOT } from '../../scripts/lib/site-builder.ts';

/** Every command-line entry point, by the name a person types after `./hub` (or `./hub run`). */
export const CLI_SCRIPTS = {
  syndicate: 'scripts/syndicate/cli.ts',
  collect: 'scripts/collect/cli.ts',
  webmentions: 'scripts/webmentions/cli.ts',
  conversations: 'scripts/conversations/cli.ts',
  reply: 'scripts/reply/cli.ts',
  press: 'scripts/press-watch/cli.ts',
  status: 'scripts/status.ts',
  new: 'scripts/new.ts',
  init: 'scripts/init.ts',
  check: 'scripts/check/cli.ts',
  bench: 'scripts/bench/build-bench.ts',
} as const;

export type CliName = keyof typeof CLI_SCRIPTS;

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ScriptOptions {
  cwd: string;
  /** The whole environment besides PATH: nothing leaks in from the test process (its credentials least of all). */
  env?: Record<string, string | undefined>;
  /** Called once the process has started, for a test that signals it (a crash mid-run). */
  started?: (child: ChildProcessByStdio<null, Readable, Readable>) => void;
}

/** `node <script> <args>` in `cwd`; resolves when it has exited and its output is complete. */
export function runScript(script: string, args: string[], options: ScriptOptions): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', ...options.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    options.started?.(child);
  });
}

/** One of the project's commands (`runCli('status', ['--json'], { cwd })`), run by `runScript`. */
export function runCli(name: CliName, args: string[], options: ScriptOptions): Promise<ScriptRun> {
  return runScript(join(PROJECT_ROOT, CLI_SCRIPTS[name]), args, options);
}
