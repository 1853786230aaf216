import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseLedger } from '../../src/contract/ledger.ts';
import { openLedger, readLedger, writeLedger } from './ledger.ts';

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hub-ledger-'));
  file = join(folder, 'evidence', 'syndication.json');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const item = { kind: 'essay' as const, slug: 'owning-the-wind', url: 'https://ada.example/essays/owning-the-wind/' };

describe('readLedger', () => {
  test('reads a missing ledger as empty', async () => {
    expect(await readLedger(file)).toEqual({ version: 1, items: {} });
  });

  test('names the file when the ledger is broken', async () => {
    await writeLedger(file, { version: 1, items: {} });
    await writeFile(file, '{"version": 2, "items": {}}');
    await expect(readLedger(file, 'content/evidence/syndication.json')).rejects.toThrow(
      /^content\/evidence\/syndication\.json: version: is 2 — use version 1$/,
    );
  });
});

describe('openLedger', () => {
  test('writes the in-flight mark, then the posted entry, each as valid JSON', async () => {
    const store = await openLedger(file);
    await store.markInFlight(item, 'mastodon', { startedAt: '2026-11-25T10:00:00.000Z', key: 'k1' });
    expect(parseLedger(await readFile(file, 'utf8'), file).items['essay/owning-the-wind']?.networks.mastodon).toEqual({
      status: 'in-flight',
      startedAt: '2026-11-25T10:00:00.000Z',
      key: 'k1',
    });
    await store.markPosted(item, 'mastodon', { remoteId: '1', url: 'https://m.example/@a/1', postedAt: '2026-11-25T10:00:01.000Z' });
    const ledger = parseLedger(await readFile(file, 'utf8'), file);
    expect(ledger.items['essay/owning-the-wind']).toEqual({
      url: item.url,
      networks: { mastodon: { status: 'posted', remoteId: '1', url: 'https://m.example/@a/1', postedAt: '2026-11-25T10:00:01.000Z' } },
    });
  });

  test('keeps every write when networks finish at the same time, and leaves no temp files', async () => {
    const store = await openLedger(file);
    await Promise.all(
      (['bluesky', 'mastodon', 'x', 'linkedin', 'threads'] as const).map((network, i) =>
        store.markPosted(item, network, { remoteId: `r${i}`, url: `https://n.example/${i}`, postedAt: '2026-11-25T10:00:01.000Z' }),
      ),
    );
    expect(Object.keys((await readLedger(file)).items['essay/owning-the-wind']!.networks)).toHaveLength(5);
    expect(await readdir(join(folder, 'evidence'))).toEqual(['syndication.json']);
  });

  test('clears an in-flight mark (and the item with no other entry), but never a posted entry', async () => {
    const store = await openLedger(file);
    await store.markInFlight(item, 'linkedin', { startedAt: '2026-11-25T10:00:00.000Z' });
    await store.clearInFlight(item, 'linkedin');
    expect(await readLedger(file)).toEqual({ version: 1, items: {} });
    await store.markPosted(item, 'x', { remoteId: '1', url: 'https://x.com/i/status/1', postedAt: '2026-11-25T10:00:01.000Z' });
    await store.markInFlight(item, 'linkedin', { startedAt: '2026-11-25T10:00:00.000Z' });
    await store.clearInFlight(item, 'linkedin');
    await store.clearInFlight(item, 'x');
    expect((await readLedger(file)).items['essay/owning-the-wind']?.networks).toEqual({
      x: { status: 'posted', remoteId: '1', url: 'https://x.com/i/status/1', postedAt: '2026-11-25T10:00:01.000Z' },
    });
  });

  test('refuses to write an entry the site could not read', async () => {
    const store = await openLedger(file);
    await expect(store.markPosted(item, 'x', { remoteId: '1', url: 'not a url', postedAt: 'now' })).rejects.toThrow();
  });

  test('removes temp files a killed run left behind', async () => {
    await writeLedger(file, { version: 1, items: {} });
    await writeFile(join(folder, 'evidence', '.syndication.json.999.1.tmp'), '{"half');
    await openLedger(file);
    expect(await readdir(join(folder, 'evidence'))).toEqual(['syndication.json']);
  });
});
