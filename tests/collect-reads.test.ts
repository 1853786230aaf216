/**
 * Readers (issue 17, item 3): `collect` pulls views per piece from GoatCounter's API v0, against a local
 * server on port 0 that follows its documented contract (https://www.goatcounter.com/help/api):
 * `GET /api/v0/stats/hits?start&end&limit`, `Authorization: Bearer <key>` (401 otherwise), pages of
 * at most `limit` paths with `more: true` and the next page asked for with `exclude_paths`, and 429
 * with Retry-After when rate limited. Bad answers (401, a 429 that never ends, malformed JSON) are each
 * said once in the summary, the networks are still collected, and no readers are half-written.
 * Runs `collect()` in-process on a folder holding only content/site.yaml: no site build needed.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseSnapshot, type Snapshot } from '../src/contract/snapshots.ts';
import { formatCollect } from '../scripts/collect/report.ts';
import { pieceKeyOfPath, readsWindow } from '../scripts/collect/reads.ts';
import { collect, type CollectResult } from '../scripts/collect/run.ts';

const TOKEN = 'goatcounter-key-s3cret-0017';
const NOW = Date.parse('2026-11-25T10:37:00.000Z');

interface Hit {
  path_id: number;
  path: string;
  title: string;
  event: boolean;
  count: number;
}

/** What the server holds and how it misbehaves next. */
const state = {
  hits: [] as Hit[],
  /** Answer the next N requests with 429 and this Retry-After (seconds). */
  limited: { times: 0, retryAfter: '1' },
  malformed: false,
  requests: [] as Array<{ url: URL; authorization: string | undefined }>,
};

let server: Server;
let apiUrl: string;
let root: string;

function answer(request: IncomingMessage): { status: number; body: string; headers?: Record<string, string> } {
  const url = new URL(request.url ?? '/', 'http://localhost');
  state.requests.push({ url, authorization: request.headers.authorization });
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: '{"error":"unauthorized"}' };
  if (state.limited.times > 0) {
    state.limited.times -= 1;
    return { status: 429, body: '{"error":"rate limited"}', headers: { 'Retry-After': state.limited.retryAfter } };
  }
  if (url.pathname !== '/api/v0/stats/hits') return { status: 404, body: '{"error":"not found"}' };
  if (state.malformed) return { status: 200, body: '{"hits": [{"path": "/essays/x/", "count": "many"' };
  if (!url.searchParams.get('start') || !url.searchParams.get('end')) return { status: 400, body: '{"error":"start and end"}' };
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const excluded = new Set((url.searchParams.get('exclude_paths') ?? '').split(',').filter(Boolean).map(Number));
  const rest = state.hits.filter((hit) => !excluded.has(hit.path_id));
  return { status: 200, body: JSON.stringify({ hits: rest.slice(0, limit), total: 0, more: rest.length > limit }) };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const { status, body, headers } = answer(request);
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = await mkdtemp(join(tmpdir(), 'hub-reads-'));
  await mkdir(join(root, 'content'), { recursive: true });
  await writeFile(
    join(root, 'content/site.yaml'),
    'url: https://ada.example\nanalytics:\n  provider: goatcounter\n  site: https://ada.goatcounter.com\n',
  );
  // 230 paths: three pages of 100; the pieces among them, other pages, and one piece counted under two spellings.
  state.hits = Array.from({ length: 230 }, (_, index) => ({
    path_id: index + 1,
    path: `/tags/topic-${index}/`,
    title: `Topic ${index}`,
    event: false,
    count: 1,
  }));
  state.hits[5] = { path_id: 6, path: '/essays/owning-the-wind/', title: 'Owning the wind', event: false, count: 40 };
  state.hits[150] = { path_id: 151, path: '/essays/Owning-the-Wind', title: 'Owning the wind', event: false, count: 2 };
  state.hits[229] = { path_id: 230, path: '/notes/grid-queues/?utm_source=x', title: 'Grid queues', event: false, count: 7 };
  state.limited = { times: 0, retryAfter: '1' };
  state.malformed = false;
  state.requests = [];
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function run(
  env: Record<string, string> = { GOATCOUNTER_API_TOKEN: TOKEN },
  now = NOW,
): Promise<CollectResult & { slept: number[] }> {
  const slept: number[] = [];
  const result = await collect({
    cwd: root,
    env: { GOATCOUNTER_API_URL: apiUrl, ...env },
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0,
    retry: { attempts: 3, maxDelayMs: 5_000, totalMs: 20_000 },
    timeoutMs: 3_000,
    log: () => {},
  });
  return { ...result, slept };
}

async function written(): Promise<Array<{ text: string; snapshot: Snapshot }>> {
  const folder = join(root, 'content/evidence/engagement');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(folder, name), 'utf8');
      return { text, snapshot: parseSnapshot(text, name) };
    }),
  );
}

describe('collect pulls readers from GoatCounter', () => {
  test('views per piece, across pages, with the key as a Bearer token; other pages left out; no secret written', async () => {
    const result = await run();
    expect(result.failed).toBe(0);
    expect(state.requests.map(({ url }) => url.pathname)).toEqual(['/api/v0/stats/hits', '/api/v0/stats/hits', '/api/v0/stats/hits']);
    expect(state.requests.every(({ authorization }) => authorization === `Bearer ${TOKEN}`)).toBe(true);
    // The second page excludes the first page's ids; the window is whole hours, the first run 30 days back.
    expect(state.requests[1]!.url.searchParams.get('exclude_paths')!.split(',')).toHaveLength(100);
    expect(state.requests[0]!.url.searchParams.get('end')).toBe('2026-11-25T10:00:00.000Z');
    expect(state.requests[0]!.url.searchParams.get('start')).toBe('2026-10-26T10:00:00.000Z');

    const [{ text, snapshot }] = (await written()) as [{ text: string; snapshot: Snapshot }];
    expect(text).not.toContain(TOKEN);
    expect(snapshot.reads).toEqual({ status: 'read', pieces: 2, from: '2026-10-26T10:00:00.000Z', to: '2026-11-25T10:00:00.000Z' });
    expect(Object.keys(snapshot.items).sort()).toEqual(['essay/owning-the-wind', 'note/grid-queues']);
    expect(snapshot.items['essay/owning-the-wind']).toEqual({
      url: 'https://ada.example/essays/owning-the-wind/',
      networks: {},
      reads: 42,
    });
    expect(snapshot.items['note/grid-queues']!.reads).toBe(7);
    expect(formatCollect(result)).toMatch(/Readers\s+read\s+2 pieces read\s+49 views/);
  });

  test('the next run counts from where the last one stopped, and not again within the hour', async () => {
    await run();
    state.requests = [];
    const again = await run(undefined, NOW + 10 * 60_000);
    expect(again.reads).toMatchObject({ status: 'nothing to read' });
    expect(state.requests).toEqual([]);
    await run(undefined, NOW + 3 * 3_600_000);
    expect(state.requests[0]!.url.searchParams.get('start')).toBe('2026-11-25T10:00:00.000Z');
    expect(state.requests[0]!.url.searchParams.get('end')).toBe('2026-11-25T13:00:00.000Z');
  });

  test('a 429 is waited out as Retry-After asks, then the run goes on', async () => {
    state.limited = { times: 2, retryAfter: '2' };
    const result = await run();
    expect(result.failed).toBe(0);
    expect(result.slept.map((ms) => Math.round(ms / 1000))).toEqual([2, 2]);
    expect((await written())[0]!.snapshot.reads).toMatchObject({ status: 'read', pieces: 2 });
  });

  test('a 429 that does not end is reported once, and nothing of the readers is written', async () => {
    state.limited = { times: 1_000, retryAfter: '1' };
    const result = await run();
    expect(result.failed).toBe(1);
    expect(result.slept).toHaveLength(2);
    expect(result.reads).toMatchObject({ status: 'failed' });
    expect(result.reads!.detail).toMatch(/429/);
    expect(result.reads!.detail).not.toContain('\n');
    expect(await written()).toEqual([]);
  });

  test('a rejected key is one line saying what to set; no retry, nothing written', async () => {
    const result = await run({ GOATCOUNTER_API_TOKEN: 'wrong-key-0000' });
    expect(result.reads!.detail).toBe('GoatCounter rejected the API token (401): set GOATCOUNTER_API_TOKEN to a key made under User → API');
    expect(state.requests).toHaveLength(1);
    expect(
      formatCollect(result)
        .split('\n')
        .filter((line) => line.includes('401')),
    ).toHaveLength(1);
    expect(await written()).toEqual([]);
  });

  test('malformed JSON is reported once, naming the endpoint; nothing written', async () => {
    state.malformed = true;
    const result = await run();
    expect(result.reads).toMatchObject({ status: 'failed', failed: 1 });
    expect(result.reads!.detail).toMatch(/^GoatCounter's answer from \/api\/v0\/stats\/hits is not the documented JSON/);
    expect(await written()).toEqual([]);
  });

  test('without the token, readers are skipped with one line saying what to set', async () => {
    const result = await run({});
    expect(result.reads).toMatchObject({ status: 'skipped', detail: 'no credentials: set GOATCOUNTER_API_TOKEN' });
    expect(state.requests).toEqual([]);
  });

  test('with analytics unset, collect asks nothing and says nothing of readers', async () => {
    await writeFile(join(root, 'content/site.yaml'), 'url: https://ada.example\n');
    const result = await run();
    expect(result.reads).toBeUndefined();
    expect(formatCollect(result)).not.toContain('Readers');
    expect(state.requests).toEqual([]);
  });
});

describe('site.yaml and readers', () => {
  test('without a site.yaml (a project that only syndicates) there are no readers to pull, and no failure', async () => {
    await rm(join(root, 'content/site.yaml'));
    const result = await run();
    expect(result.reads).toBeUndefined();
    expect(result.failed).toBe(0);
  });

  test('a broken site.yaml fails the readers in one line naming the file; the run goes on', async () => {
    await writeFile(join(root, 'content/site.yaml'), 'url: https://ada.example\nanalytics:\n  site: http://ada.goatcounter.com\n');
    const result = await run();
    expect(result.reads).toMatchObject({ status: 'failed', failed: 1 });
    expect(result.reads!.detail).toMatch(/^content\/site\.yaml.*analytics\.site/);
    expect(result.reads!.detail).not.toContain('\n');
    expect(result.rows.length).toBeGreaterThan(0);
    expect(state.requests).toEqual([]);
  });
});

describe('reading GoatCounter paths', () => {
  test('a piece’s page, however spelt, is its item key; other pages are none', () => {
    expect(pieceKeyOfPath('/essays/owning-the-wind/')).toEqual({ key: 'essay/owning-the-wind', path: '/essays/owning-the-wind/' });
    expect(pieceKeyOfPath('/Theories/Grid?x=1')).toEqual({ key: 'theory/grid', path: '/theories/grid/' });
    expect(pieceKeyOfPath('/essays/')).toBeUndefined();
    expect(pieceKeyOfPath('/essays/a/b/')).toBeUndefined();
    expect(pieceKeyOfPath('/impact/')).toBeUndefined();
  });

  test('a window starts where the last counted one ended', () => {
    const counted: Snapshot = {
      version: 1,
      collectedAt: '2026-11-20T09:00:00.000Z',
      networks: {},
      items: {},
      reads: { status: 'read', pieces: 1, from: '2026-11-01T00:00:00.000Z', to: '2026-11-20T09:00:00.000Z' },
    };
    const failed: Snapshot = { ...counted, collectedAt: '2026-11-21T09:00:00.000Z', reads: { status: 'failed', reason: 'x' } };
    expect(readsWindow([counted, failed], NOW)).toEqual({ from: '2026-11-20T09:00:00.000Z', to: '2026-11-25T10:00:00.000Z' });
  });
});
