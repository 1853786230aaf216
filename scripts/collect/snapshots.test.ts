import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshot, type Snapshot } from '../../src/contract/snapshots.ts';
import { appendSnapshot, readSnapshots } from './snapshots.ts';

const folders: string[] = [];
async function folder(): Promise<string> {
  const made = await mkdtemp(join(tmpdir(), 'hub-snapshots-'));
  folders.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((made) => rm(made, { recursive: true, force: true })));
});

const snapshot = (collectedAt: string, likes = 1): Snapshot => ({
  version: 1,
  collectedAt,
  networks: { bluesky: { status: 'read', copies: 1 } },
  items: {
    'essay/a': {
      url: 'https://hub.example/essays/a/',
      networks: { bluesky: { remoteId: 'at://x', url: 'https://bsky.app/x', metrics: { likes } } },
    },
  },
});

describe('the snapshot history', () => {
  it('reads an absent folder as no history', async () => {
    expect(await readSnapshots(join(await folder(), 'missing'))).toEqual([]);
  });

  it('appends, never replacing a snapshot of the same instant, and reads back in time order', async () => {
    const dir = await folder();
    const first = await appendSnapshot(dir, snapshot('2026-11-25T10:00:00Z', 1));
    const second = await appendSnapshot(dir, snapshot('2026-11-25T10:00:00Z', 2));
    await appendSnapshot(dir, snapshot('2026-11-24T10:00:00Z', 0));
    expect(first).not.toBe(second);
    expect((await readdir(dir)).sort()).toEqual([
      '2026-11-24T10-00-00.000Z.json',
      '2026-11-25T10-00-00.000Z-2.json',
      '2026-11-25T10-00-00.000Z.json',
    ]);
    const history = await readSnapshots(dir);
    expect(history.map((s) => s.collectedAt)).toEqual(['2026-11-24T10:00:00Z', '2026-11-25T10:00:00Z', '2026-11-25T10:00:00Z']);
  });

  it('refuses to write what the site could not read', async () => {
    const dir = await folder();
    await expect(appendSnapshot(dir, { ...snapshot('2026-11-25T10:00:00Z'), collectedAt: 'yesterday' })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('names a broken file in the error', async () => {
    const dir = await folder();
    await writeFile(join(dir, '2026-11-25T10-00-00.000Z.json'), '{"version": 1');
    await expect(readSnapshots(dir, dir)).rejects.toThrow(/^2026-11-25T10-00-00\.000Z\.json: \(whole file\): is not valid JSON \(.+\) — /);
  });

  it('survives a writer killed mid-write: every snapshot on disk is whole, and the next append clears the leftovers', async () => {
    const dir = await folder();
    const writer = join(dir, 'writer.ts');
    const module = fileURLToPath(new URL('./snapshots.ts', import.meta.url));
    // Big snapshots, written as fast as possible, until the process is killed.
    await writeFile(
      writer,
      `
      import { appendSnapshot } from ${JSON.stringify(module)};
      const items = {};
      for (let i = 0; i < 2000; i++) items['essay/p' + i] = { url: 'https://hub.example/essays/p' + i + '/', networks: { bluesky: { remoteId: 'r' + i, url: 'https://bsky.app/' + i, metrics: { likes: i } } } };
      for (let n = 0; ; n++) {
        await appendSnapshot(${JSON.stringify(join(dir, 'engagement'))}, { version: 1, collectedAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(), networks: {}, items });
        if (n === 3) process.stdout.write('writing\\n');
      }
    `,
    );
    const child = spawn(process.execPath, [writer], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const engagement = join(dir, 'engagement');
    const names = await readdir(engagement);
    const complete = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    expect(complete.length).toBeGreaterThanOrEqual(4);
    for (const name of complete) expect(() => parseSnapshot(readFileSync(join(engagement, name), 'utf8'), name)).not.toThrow();
    await appendSnapshot(engagement, snapshot('2027-01-01T00:00:00Z'));
    expect((await readdir(engagement)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await readSnapshots(engagement)).toHaveLength(complete.length + 1);
  }, 30_000);
});
