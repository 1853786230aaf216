/** `npm run new`: the files it writes build as they are, and it never overwrites an author's file. */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { makeSite, pageExists, plainOutput, PROJECT_ROOT, useCleanBuildEnvironment } from './helpers/site.ts';

const NEW = join(PROJECT_ROOT, 'scripts/new.ts');
let root: string;
let cleanup: () => Promise<void>;

function runNew(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [NEW, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  useCleanBuildEnvironment();
  ({ root, cleanup } = await makeSite());
});

afterAll(() => cleanup());

describe('npm run new', () => {
  test('writes an essay, a note and a theory that build', async () => {
    const essay = runNew(root, 'essay', 'Grid queues: what "first come" costs');
    expect(essay.status, essay.stderr).toBe(0);
    expect(essay.stdout).toContain('content/essays/grid-queues-what-first-come-costs.md');
    expect(runNew(root, 'theory', 'Ownership beats subsidy').status).toBe(0);
    expect(runNew(root, 'note', 'Testing the new-note command: it should go out whole.').status).toBe(0);

    const run = await runBuild(root);
    expect(run.exitCode, plainOutput(run.output)).toBe(0);
    const dist = join(root, 'dist');
    // Essays and theories start as drafts; a note is published as soon as it is written.
    expect(pageExists(dist, '/essays/grid-queues-what-first-come-costs/')).toBe(false);
    expect(pageExists(dist, '/theories/ownership-beats-subsidy/')).toBe(false);
    const feed = await readFile(join(dist, 'feed.json'), 'utf8');
    expect(feed).toContain('Testing the new-note command: it should go out whole.');
  });

  test('refuses to overwrite an existing file, leaving it as it was', async () => {
    const file = join(root, 'content/essays/grid-queues-what-first-come-costs.md');
    const before = await readFile(file, 'utf8');
    const again = runNew(root, 'essay', 'Grid queues: what "first come" costs');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/essays/grid-queues-what-first-come-costs.md already exists');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('explains its usage when the kind is unknown', () => {
    const result = runNew(root, 'podcast', 'Title');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run new -- <essay|note|theory>');
  });
});
