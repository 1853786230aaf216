/**
 * Issue 14, item 16: taking over a dead run's lock is atomic. Many processes start at once after a
 * crash left a lock behind; exactly one of them holds it, the others are told another run holds it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireLock } from '../scripts/lib/lock.ts';
import { PROJECT_ROOT } from './helpers/site.ts';

const LOCK_MODULE = pathToFileURL(join(PROJECT_ROOT, 'scripts/lib/lock.ts')).href;
/** Takes the lock, says whether it did, and holds it until its stdin closes. */
const CONTENDER = `
import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};
// Loaded and ready: wait for the word to go, so every contender starts at once.
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
try {
  const release = await acquireLock(process.argv[1]);
  process.stdout.write('held\\n');
  process.stdin.resume();
  process.stdin.on('end', async () => { await release(); process.exit(0); });
} catch (error) {
  process.stdout.write(/another syndication run/.test(error.message) ? 'busy\\n' : 'error ' + error.message + '\\n');
  process.exit(0);
}`;

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A pid that belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

async function race(file: string, contenders: number): Promise<string[]> {
  const children = Array.from({ length: contenders }, () =>
    spawn(process.execPath, ['--input-type=module', '-e', CONTENDER, file], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const outputs = children.map(() => '');
  const waiting: Array<{ i: number; word: RegExp; resolve: () => void }> = [];
  children.forEach((child, i) => {
    const check = () => {
      for (const wait of waiting.filter((w) => w.i === i && w.word.test(outputs[i]!))) wait.resolve();
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      outputs[i] += chunk.toString();
      check();
    });
    child.on('exit', () => waiting.filter((w) => w.i === i).forEach((w) => w.resolve()));
  });
  const said = (i: number, word: RegExp) =>
    new Promise<void>((resolve) => {
      waiting.push({ i, word, resolve });
      if (word.test(outputs[i]!)) resolve();
    });
  const ready = children.map((_, i) => said(i, /^ready\n/));
  const answered = children.map((_, i) => said(i, /^ready\n\S+.*\n/));
  await Promise.all(ready);
  for (const child of children) child.stdin!.write('go\n');
  // Each says one word; the holder keeps holding until every one has spoken, so none can come "after" it.
  await Promise.all(answered);
  const words = outputs.map((out) => out.replace(/^ready\n/, '').trim());
  await Promise.all(
    children.map((child) => {
      child.stdin!.end();
      return new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve)));
    }),
  );
  return words;
}

describe('the run lock (item 16)', () => {
  test('16: many runs starting together after a crash: exactly one takes over the dead run’s lock', async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-lock-'));
    const dead = await deadPid();
    for (let round = 0; round < 3; round += 1) {
      const file = join(folder, `run-${round}.lock`);
      await writeFile(file, String(dead));
      const words = await race(file, 12);
      expect(
        words.filter((word) => word === 'held'),
        words.join(', '),
      ).toHaveLength(1);
      expect(words.filter((word) => word === 'busy')).toHaveLength(11);
    }
  }, 120_000);

  test('a live holder is never displaced, within one process too; release frees it', async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-lock-'));
    const file = join(folder, 'run.lock');
    const release = await acquireLock(file);
    await expect(acquireLock(file)).rejects.toThrow(/another syndication run \(pid \d+\) holds/);
    await release();
    const again = await acquireLock(file);
    expect(await readFile(file, 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
    await again();
  });
});
