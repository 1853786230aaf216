/**
 * scripts/ci/with-content.sh, run for real in a temporary project folder: the command sees the fixture
 * as content/, and the person's content/ comes back however the command ends — success, failure or
 * SIGTERM — with the command's exit code passed on.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PROJECT_ROOT } from './helpers/site.ts';

let root: string;
let script: string;
let fixture: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hub-with-content-'));
  script = join(root, 'scripts/ci/with-content.sh');
  await mkdir(join(root, 'scripts/ci'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'scripts/ci/with-content.sh'), script);
  await mkdir(join(root, 'content/essays'), { recursive: true });
  await writeFile(join(root, 'content/profile.yaml'), 'name: The Person\n');
  await writeFile(join(root, 'content/essays/mine.md'), 'my essay\n');
  fixture = join(root, 'fixture');
  await mkdir(fixture);
  await writeFile(join(fixture, 'profile.yaml'), 'name: The Fixture\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function run(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync('bash', [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

async function expectOwnContentBack(): Promise<void> {
  expect(await readFile(join(root, 'content/profile.yaml'), 'utf8')).toBe('name: The Person\n');
  expect(await readFile(join(root, 'content/essays/mine.md'), 'utf8')).toBe('my essay\n');
  expect((await readdir(root)).filter((name) => name.startsWith('.content-aside'))).toEqual([]);
}

test('the command sees the fixture as content/; afterwards content/ is the person’s again', async () => {
  const result = run(['fixture', '--', 'bash', '-c', 'cat content/profile.yaml > seen.txt; ls content > listed.txt']);
  expect(result.status, result.stderr).toBe(0);
  expect(await readFile(join(root, 'seen.txt'), 'utf8')).toBe('name: The Fixture\n');
  expect(await readFile(join(root, 'listed.txt'), 'utf8')).toBe('profile.yaml\n');
  await expectOwnContentBack();
});

test('passes on a failing command’s exit code and still restores content/', async () => {
  const result = run(['fixture', '--', 'bash', '-c', 'rm -rf content/profile.yaml; exit 3']);
  expect(result.status).toBe(3);
  await expectOwnContentBack();
});

test('restores content/ when stopped with SIGTERM while the command runs, and stops the command', async () => {
  const child = spawn('bash', [script, 'fixture', '--', 'bash', '-c', 'echo ready; exec sleep 300'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
  expect(await readFile(join(root, 'content/profile.yaml'), 'utf8')).toBe('name: The Fixture\n');
  child.kill('SIGTERM');
  expect(await exited).toBe(143);
  await expectOwnContentBack();
});

test('a project without content/ has none afterwards', async () => {
  await rm(join(root, 'content'), { recursive: true });
  const result = run(['fixture', '--', 'test', '-f', 'content/profile.yaml']);
  expect(result.status, result.stderr).toBe(0);
  expect(existsSync(join(root, 'content'))).toBe(false);
});

test('refuses to start while an earlier run’s content/ is still aside, and says how to put it back', async () => {
  await mkdir(join(root, '.content-aside.abc123/content'), { recursive: true });
  const result = run(['fixture', '--', 'true']);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('.content-aside.abc123 holds content/ from an earlier run');
  expect(result.stderr).toContain(`mv '${root}/.content-aside.abc123/content' '${root}/content'`);
  expect(await readFile(join(root, 'content/profile.yaml'), 'utf8')).toBe('name: The Person\n');
});

test.each([
  ['no command', ['fixture', '--']],
  ['no --', ['fixture', 'true']],
  ['a fixture that is not a folder', ['nowhere', '--', 'true']],
])('exits 2 without touching content/ given %s', async (_name, args) => {
  const result = run(args);
  expect(result.status).toBe(2);
  await expectOwnContentBack();
});
