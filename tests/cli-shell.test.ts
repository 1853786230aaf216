/**
 * Every command-line entry point runs in the one shell (scripts/lib/cli.ts) and so behaves the same
 * way: `--help` prints the usage on stdout and exits 0, a command line it cannot parse exits 2 with
 * the message and the usage on stderr and nothing on stdout, and `--json` puts only JSON on stdout.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_SCRIPTS, runCli, type CliName } from './helpers/run-script.ts';
import { PROJECT_ROOT } from './helpers/site.ts';

const COMMANDS = Object.keys(CLI_SCRIPTS) as CliName[];

/** A folder with a built "site" of one page and an empty feed: enough for every command to report on. */
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hub-cli-shell-'));
  await mkdir(join(root, 'dist'));
  await copyFile(join(PROJECT_ROOT, '.htmlvalidate.json'), join(root, '.htmlvalidate.json'));
  await writeFile(
    join(root, 'dist/feed.json'),
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Ada', home_page_url: 'https://ada.example/', items: [] }),
  );
  await writeFile(
    join(root, 'dist/index.html'),
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ada</title><link rel="canonical" href="https://ada.example/"></head><body><main id="main"><p>Ada</p></main></body></html>\n',
  );
  await writeFile(join(root, 'dist/_headers'), "/*\n  Content-Security-Policy: default-src 'self'\n");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe.each(COMMANDS)('%s', (name) => {
  test('--help prints the usage on stdout and exits 0', async () => {
    const run = await runCli(name, ['--help'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^usage: \.\/hub /);
    expect(run.stderr).toBe('');
  });

  test('an unknown option exits 2, naming it, with the usage on stderr and nothing on stdout', async () => {
    const run = await runCli(name, ['--no-such-option'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${name}: Unknown option '--no-such-option'`));
    expect(run.stderr).toContain('usage: ./hub ');
  });
});

describe('--json', () => {
  test.each([
    ['status', ['--json'], 0],
    ['collect', ['--json'], 0],
    ['conversations', ['--json'], 0],
    ['press', ['--json'], 0],
    ['syndicate', ['--dry-run', '--json'], 0],
    // One hand-made page without its share card: the check fails, and says so in JSON.
    ['check', ['--no-build', '--json'], 1],
  ] as const)('%s %s prints only JSON on stdout', async (name, args, code) => {
    const run = await runCli(name, [...args], { cwd: root });
    expect(run.code, run.stderr).toBe(code);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  test('check --json says whether the site is ready and lists the problems', async () => {
    const run = await runCli('check', ['--no-build', '--json'], { cwd: root });
    const result = JSON.parse(run.stdout) as { ready: boolean; dist: string; summary: string[]; problems: string[] };
    expect(result.ready).toBe(false);
    expect(result.dist).toBe('dist');
    expect(result.summary.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeGreaterThan(0);
  });
});

test('a bad value is one line naming the option, exit 2', async () => {
  const run = await runCli('bench', ['--essays', '0'], { cwd: root });
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('bench: --essays: expected a whole number of at least 1, got "0"\n');
});
