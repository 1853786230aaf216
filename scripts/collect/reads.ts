/**
 * Readers per piece, from the analytics service set in content/site.yaml (`analytics:`, docs/analytics.md).
 * GoatCounter's API v0 (https://www.goatcounter.com/help/api): `GET <site>/api/v0/stats/hits?start=…&end=…&limit=100`
 * with `Authorization: Bearer <GOATCOUNTER_API_TOKEN>`, answering `{ hits: [{ path_id, path, count, … }], more }`;
 * the next page is asked for by passing the path ids already seen in `exclude_paths`. Rate limited
 * (429, with Retry-After or X-Rate-Limit-Reset): waited for as asked, within the run's retry budget.
 *
 * All or nothing: a run that cannot read every page records no readers (and no window), so the next
 * run counts the same hours again rather than a part of them being lost or counted twice.
 */
import { z } from 'astro/zod';
import { KIND_COLLECTIONS, PIECE_KINDS } from '../../src/contract/kinds.ts';
import { ledgerKey } from '../../src/contract/ledger.ts';
import type { Snapshot } from '../../src/contract/snapshots.ts';
import type { AnalyticsSettings } from '../../src/lib/analytics.ts';
import type { AdapterDeps } from '../channels/adapter.ts';
import { requestJson } from '../channels/http.ts';
import { RequestError } from '../lib/retry.ts';

/** The variable holding the API key (GoatCounter: User → API, with the "Read statistics" permission). */
export const READS_TOKEN_ENV = 'GOATCOUNTER_API_TOKEN';

/** The first run counts this far back: GoatCounter keeps more, but a first look need not read years. */
export const FIRST_WINDOW_DAYS = 30;

/** GoatCounter's largest page. */
const PAGE_SIZE = 100;
/** A guard against a server that keeps saying `more` (10 000 paths). */
const MAX_PAGES = 100;
const HOUR_MS = 3_600_000;

export interface ReadsConfig {
  /** The GoatCounter site, https://<code>.goatcounter.com (or a test server). */
  site: string;
  token: string;
}

/** The configuration, `{ missing }` when analytics is set but the token is not, or undefined when analytics is unset. */
export function readsConfig(
  analytics: AnalyticsSettings | undefined,
  env: Record<string, string | undefined>,
): ReadsConfig | { missing: string } | undefined {
  if (!analytics) return undefined;
  const token = env[READS_TOKEN_ENV];
  if (!token) return { missing: READS_TOKEN_ENV };
  // GOATCOUNTER_API_URL: another address for the same API (a local server in the tests; http allowed there).
  return { site: (env['GOATCOUNTER_API_URL'] || analytics.site).replace(/\/$/, ''), token };
}

export interface ReadsWindow {
  from: string;
  to: string;
}

/**
 * The hours to count: from where the last counted window ended (or FIRST_WINDOW_DAYS back) to the
 * start of the current hour (GoatCounter counts whole hours, and the current one is not over).
 * Undefined when that is empty: everything up to now was counted already.
 */
export function readsWindow(history: Snapshot[], now: number): ReadsWindow | undefined {
  const to = Math.floor(now / HOUR_MS) * HOUR_MS;
  const last = history.findLast((snapshot) => snapshot.reads?.status === 'read')?.reads;
  const from = last?.status === 'read' ? Date.parse(last.to) : to - FIRST_WINDOW_DAYS * 86_400_000;
  return from < to ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : undefined;
}

const hitsSchema = z.object({
  hits: z.array(z.object({ path_id: z.int(), path: z.string(), count: z.int().min(0) })),
  more: z.boolean().optional(),
});

/** A failure to say in one line: what went wrong with the analytics service, and what to do. */
export class ReadsError extends Error {
  override name = 'ReadsError';
}

/** The request errors the person can act on, as one line each; others pass through. */
function explained(error: unknown): unknown {
  if (error instanceof RequestError && error.status === 401)
    return new ReadsError(`GoatCounter rejected the API token (401): set ${READS_TOKEN_ENV} to a key made under User → API`);
  if (error instanceof RequestError && error.status === 403)
    return new ReadsError(`GoatCounter refused the API token (403): give the key in ${READS_TOKEN_ENV} the “Read statistics” permission`);
  return error;
}

/**
 * Every path GoatCounter counted views of in the window, with its views. `request` wraps each page's
 * request (the caller's retry loop, which waits out a 429 as asked).
 */
export async function fetchPathViews(
  config: ReadsConfig,
  window: ReadsWindow,
  deps: AdapterDeps,
  request: <T>(operation: () => Promise<T>) => Promise<T> = (operation) => operation(),
): Promise<Map<string, number>> {
  const views = new Map<string, number>();
  const seen: number[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ start: window.from, end: window.to, limit: String(PAGE_SIZE) });
    if (seen.length > 0) query.set('exclude_paths', seen.join(','));
    const url = `${config.site}/api/v0/stats/hits?${query}`;
    let body: unknown;
    try {
      ({ body } = await request(() =>
        requestJson(deps.fetch, {
          method: 'GET',
          url,
          headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          timeoutMs: deps.timeoutMs,
          now: deps.now,
          label: `${config.site}/api/v0/stats/hits`,
        }),
      ));
    } catch (error) {
      throw explained(error);
    }
    const parsed = hitsSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'the answer';
      throw new ReadsError(
        `GoatCounter's answer from /api/v0/stats/hits is not the documented JSON (${where}: ${issue?.message ?? 'unreadable'}); nothing recorded, try again later`,
      );
    }
    const fresh = parsed.data.hits.filter((hit) => !seen.includes(hit.path_id));
    for (const hit of fresh) {
      seen.push(hit.path_id);
      views.set(hit.path, (views.get(hit.path) ?? 0) + hit.count);
    }
    if (!parsed.data.more) return views;
    if (fresh.length === 0)
      throw new ReadsError('GoatCounter said there were more paths but sent none new; nothing recorded, try again later');
  }
  throw new ReadsError(`GoatCounter listed more than ${MAX_PAGES * PAGE_SIZE} paths; nothing recorded`);
}

/** `/essays/<slug>/` (any case, with or without the trailing slash or a query) → `essay/<slug>`; other pages → undefined. */
export function pieceKeyOfPath(path: string): { key: string; path: string } | undefined {
  const bare = path.split(/[?#]/)[0]!;
  for (const kind of PIECE_KINDS) {
    const collection = KIND_COLLECTIONS[kind];
    const match = new RegExp(`^/${collection}/([^/]+)/?$`, 'i').exec(bare);
    if (match) {
      const slug = match[1]!.toLowerCase();
      return { key: ledgerKey(kind, slug), path: `/${collection}/${slug}/` };
    }
  }
  return undefined;
}

/** The views of each piece's page (the other pages left out), by item key, with the page's canonical path. */
export function viewsByPiece(views: Map<string, number>): Map<string, { path: string; reads: number }> {
  const pieces = new Map<string, { path: string; reads: number }>();
  for (const [path, count] of views) {
    const piece = pieceKeyOfPath(path);
    if (!piece || count === 0) continue;
    const known = pieces.get(piece.key);
    pieces.set(piece.key, { path: piece.path, reads: (known?.reads ?? 0) + count });
  }
  return pieces;
}

/** One line of the collection summary for readers. */
export interface ReadsRow {
  source: 'reads';
  status: 'read' | 'skipped' | 'failed' | 'nothing to read';
  /** Pieces read at least once in the window. */
  read: number;
  failed: number;
  /** Views of those pieces in the window. */
  views: number;
  detail?: string;
}

export interface ReadsStep {
  /** The site's address and analytics settings (content/site.yaml); undefined when there are none to read. Throws when site.yaml is broken. */
  settings: () => { url: string; analytics: AnalyticsSettings | undefined } | undefined;
  env: Record<string, string | undefined>;
  history: Snapshot[];
  /** Item addresses the ledger knows, by key. */
  itemUrls: Map<string, string>;
  /** The snapshot being written: its items gain `reads`, and it gains `reads`. */
  snapshot: Snapshot;
  deps: AdapterDeps;
  request: <T>(operation: () => Promise<T>) => Promise<T>;
  /** An error as one cleaned line (secrets hidden). */
  message: (error: unknown) => string;
  log: (line: string) => void;
}

/**
 * Pulls the window's views into the snapshot, all or nothing; the summary's row, or undefined when
 * analytics is unset. A failure is said once, here, and leaves the snapshot without readers.
 */
export async function collectReads(step: ReadsStep): Promise<ReadsRow | undefined> {
  const { snapshot } = step;
  const row: ReadsRow = { source: 'reads', status: 'read', read: 0, failed: 0, views: 0 };
  let site: ReturnType<ReadsStep['settings']>;
  try {
    site = step.settings();
  } catch (error) {
    // A broken site.yaml stops the readers, not the networks: said once, like any other failure.
    row.status = 'failed';
    row.failed = 1;
    row.detail = step.message(error);
    step.log(`Readers: failed — ${row.detail}`);
    return row;
  }
  const config = readsConfig(site?.analytics, step.env);
  if (!site || !config) return undefined;
  if ('missing' in config) {
    row.status = 'skipped';
    row.detail = `no credentials: set ${config.missing}`;
    snapshot.reads = { status: 'skipped', reason: 'no credentials' };
    step.log(`GoatCounter: skipped — ${row.detail}`);
    return row;
  }
  const window = readsWindow(step.history, step.deps.now());
  if (!window) {
    row.status = 'nothing to read';
    row.detail = 'counted up to this hour already';
    return row;
  }
  let pieces: Map<string, { path: string; reads: number }>;
  try {
    pieces = viewsByPiece(await fetchPathViews(config, window, step.deps, step.request));
  } catch (error) {
    row.status = 'failed';
    row.failed = 1;
    row.detail = step.message(error);
    snapshot.reads = { status: 'failed', reason: row.detail };
    step.log(`GoatCounter: failed — ${row.detail}`);
    return row;
  }
  for (const [key, { path, reads }] of pieces) {
    const item = (snapshot.items[key] ??= { url: step.itemUrls.get(key) ?? new URL(path, site.url).href, networks: {} });
    item.reads = reads;
    row.read += 1;
    row.views += reads;
  }
  snapshot.reads = { status: 'read', pieces: row.read, ...window };
  return row;
}
