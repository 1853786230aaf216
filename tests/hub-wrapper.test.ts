/**
 * The `hub` wrapper as a person uses it: `./hub check` builds and checks a fixture hub, and `./hub dev`
 * stops — server and all — on Ctrl-C (SIGINT) or SIGTERM, leaving nothing on its port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hubEnvironment, makeHubFolder } from './helpers/hub-folder.ts';

let hub: Awaited<ReturnType<typeof makeHubFolder>>;
beforeAll(async () => {
  hub = await makeHubFolder();
});
afterAll(() => hub.cleanup());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

test('./hub with no command prints the usage and exits 2', () => {
  const run = spawnSync('bash', ['hub'], { cwd: hub.root, env: hubEnvironment(), encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('./hub check');
});

test('./hub check builds the hub and finds nothing to fix', () => {
  const run = spawnSync('bash', ['hub', 'check'], { cwd: hub.root, env: hubEnvironment(), encoding: 'utf8' });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(/links +\d+ internal links on \d+ pages: 0 problems/);
  expect(run.stdout).toContain('ready to publish');
});

test.each(['SIGTERM', 'SIGINT'] as const)('./hub dev stops on %s and frees its port', async (signal) => {
  const port = await freePort();
  const child = spawn('bash', ['hub', 'dev', '--port', String(port)], {
    cwd: hub.root,
    env: hubEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Waits for the server by asking it, never by the clock: the test's own timeout is the only limit.
  while (!(await accepts(port))) {
    expect(child.exitCode, output).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill(signal);
  await exited;
  expect(await accepts(port), output).toBe(false);
});
