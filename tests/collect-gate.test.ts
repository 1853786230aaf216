/**
 * Issue 14, item 13, for `npm run collect`: a network that accepts connections and never answers is
 * given up for the run after a few silent requests (the same gate as syndication,
 * scripts/lib/network-gate.ts), the other networks are read to the end, and it is said once.
 * Counted in requests, never timed.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { collect } from '../scripts/collect/run.ts';
import { startFakeMastodon, type FakeMastodon } from './helpers/fake-networks.ts';
import { startSilentServer } from './helpers/silent-server.ts';

const folders: string[] = [];
const servers: FakeMastodon[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const NOW = Date.parse('2026-12-01T12:00:00Z');

/** A hub whose ledger records four Threads copies and one Mastodon copy. */
async function hubWithLedger(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'hub-collect-gate-'));
  folders.push(root);
  const items: Record<string, unknown> = {};
  for (const day of [1, 2, 3, 4]) {
    items[`note/2026-11-0${day}-note`] = {
      url: `https://morwennahale.example/notes/2026-11-0${day}-note/`,
      networks: {
        threads: {
          status: 'posted',
          remoteId: `1790000000000000${day}`,
          url: `https://www.threads.com/@morwennahale/post/C${day}`,
          postedAt: `2026-11-0${day}T09:00:00.000Z`,
        },
        ...(day === 1
          ? {
              mastodon: {
                status: 'posted',
                remoteId: '1001',
                url: 'https://mastodon.example/@morwennahale/1001',
                postedAt: '2026-11-01T09:00:00.000Z',
              },
            }
          : {}),
      },
    };
  }
  await mkdir(join(root, 'content/evidence'), { recursive: true });
  await writeFile(join(root, 'content/evidence/syndication.json'), JSON.stringify({ version: 1, items }, null, 2));
  return root;
}

test('13: a network that accepts and never answers is given up after 3 silent requests; the others are read; said once', async () => {
  const root = await hubWithLedger();
  const mastodon = await startFakeMastodon({ token: 'mastodon-s3cret-1212' });
  servers.push(mastodon);
  const silent = await startSilentServer();
  try {
    const lines: string[] = [];
    const result = await collect({
      cwd: root,
      only: ['mastodon', 'threads'],
      now: () => NOW,
      sleep: async () => undefined,
      timeoutMs: 500,
      retry: { totalMs: 600_000, baseDelayMs: 1 },
      log: (line) => lines.push(line),
      env: {
        MASTODON_URL: mastodon.url,
        MASTODON_TOKEN: 'mastodon-s3cret-1212',
        THREADS_TOKEN: 'threads-s3cret-1313',
        THREADS_USER_ID: '17841400000000001',
        THREADS_API_URL: silent.url,
      },
    });
    expect(silent.requests()).toBe(3);
    const threads = result.rows.find((row) => row.source === 'threads');
    expect(threads).toMatchObject({
      status: 'failed',
      read: 0,
      failed: 4,
      detail: expect.stringMatching(/no answer from Threads 3 times in a row.*4 copies left for the next run/),
    });
    expect(lines.filter((line) => line.includes('stopped'))).toEqual([
      expect.stringMatching(/^Threads: stopped — no answer from Threads 3 times in a row/),
    ]);
    expect(lines.filter((line) => line.startsWith('Threads') && line.includes('retrying'))).toHaveLength(2);
    expect(result.rows.find((row) => row.source === 'mastodon')).toMatchObject({ read: 1, failed: 0 });
    expect(result.snapshot.networks.threads).toEqual({ status: 'failed', copies: 0, failed: 4 });
    expect(JSON.stringify(result) + lines.join('\n')).not.toContain('s3cret');
  } finally {
    await silent.close();
  }
});
