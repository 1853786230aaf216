/**
 * `./hub run webmentions`, run after each deploy: for every piece of the built site's feed, tells each
 * page it links to (when that page declares a Webmention endpoint) and, when site.yaml's
 * `follow.bridgyFed` is on, Bridgy Fed — each (source, target, version) once, the version being the
 * piece's `date_modified`, so an updated piece is sent again, as the spec asks
 * (https://www.w3.org/TR/webmention/#sending-webmentions-for-updated-posts), to the pages it links to
 * now and those it linked to before. cli.ts is the thin entry.
 *
 * Exactly once: an in-flight mark is written before each request and the result after it. A mark
 * left by a killed run means the request may or may not have arrived; it is sent again, which the
 * spec makes safe (a receiver treats a repeat as an update of the same mention). A 429 or 5xx is
 * retried with backoff and, if it persists, left for the next run; another 4xx is recorded as
 * refused and a 404/410 as gone, each said once and not asked again for that version.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { BRIDGY_FED_TARGET, WEBMENTIONS_SENT_FILE, type SentEntry } from '../../src/contract/webmentions-sent.ts';
import type { SyndicationItem } from '../channels/post.ts';
import { readFollowSettings } from '../lib/content.ts';
import { acquireLock, webmentionsLockFile } from '../lib/lock.ts';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from '../lib/retry.ts';
import { sleep } from '../lib/sleep.ts';
import { loadFeed } from '../syndicate/feed.ts';
import { discoverEndpoint, httpUrl, type Discovery } from './discover.ts';
import { openWebmentionsSent, readOnlyStore, readWebmentionsSent, type SentStore } from './ledger.ts';
import { externalLinks } from './links.ts';
import { sendWebmention, type SendOutcome } from './send.ts';

/** Per request, unless told otherwise: a slow site must not hang the run. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** A Webmention is not worth the two minutes a post is: a target that keeps failing waits for the next run. */
const WEBMENTION_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, attempts: 4, totalMs: 60_000 };

export interface WebmentionsOptions {
  /** The project root: site.yaml and the ledger are read from its `content/`. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** The built site's folder, its feed.json, or a deployed feed URL. Default `dist`. */
  feed?: string;
  /** Default `content/evidence/webmentions-sent.json` under `cwd`. */
  ledgerFile?: string;
  /** Discover and print; send nothing, write nothing. */
  dryRun?: boolean;
  /** Leave out pieces published before this moment (a first run on a site with a back catalogue). */
  since?: Date;
  /** Whether to tell Bridgy Fed; default site.yaml's `follow.bridgyFed`. */
  bridgyFed?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Progress lines (the CLI prints them on stderr). */
  log?: (line: string) => void;
}

export type WebmentionStatus = 'sent' | 'would send' | 'refused' | 'no endpoint' | 'gone' | 'failed';

export interface WebmentionRow {
  /** The piece, `essay/<slug>`. */
  item: string;
  source: string;
  target: string;
  status: WebmentionStatus;
  endpoint?: string;
  httpStatus?: number;
  detail?: string;
}

export interface WebmentionsResult {
  dryRun: boolean;
  feed: string;
  bridgyFed: boolean;
  rows: WebmentionRow[];
  /** (source, target) pairs already handled for the piece's current version, left alone. */
  alreadyDone: number;
  failed: number;
}

/** The version of a piece a Webmention is for: its `date_modified` (its publication date in a feed without one). */
export function pieceVersion(item: SyndicationItem): string {
  return item.dateModified ?? item.datePublished;
}

/** The targets of a piece: what it links to now, Bridgy Fed when bridged, and, once it changed, what it was sent to before. */
function targetsOf(item: SyndicationItem, store: SentStore, bridgyFed: string | undefined): string[] {
  const version = pieceVersion(item);
  const earlier = store.targets(item.url).filter((target) => {
    const entry = store.entry(item.url, target);
    return entry?.status === 'sent' && entry.version !== version;
  });
  return [...new Set([...externalLinks(item.html, item.url), ...(bridgyFed ? [bridgyFed] : []), ...earlier])];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function sendWebmentions(options: WebmentionsOptions): Promise<WebmentionsResult> {
  const fetcher = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const dryRun = options.dryRun ?? false;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy = { ...WEBMENTION_RETRY, ...options.retry };
  const retryDeps = {
    sleep: options.sleep ?? sleep,
    now,
    random: options.random ?? Math.random,
    onRetry: (error: unknown, delayMs: number) => log(`webmentions: ${errorMessage(error)}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
  };
  const requestDeps = { fetch: fetcher, timeoutMs, now };

  const bridged = options.bridgyFed ?? readFollowSettings(options.cwd, options.env).bridgyFed;
  const bridgyFedTarget = bridged ? httpUrl(options.env['BRIDGY_FED_URL'] || BRIDGY_FED_TARGET) : undefined;
  if (bridged && !bridgyFedTarget)
    throw new Error(`BRIDGY_FED_URL: expected an http(s) address, got ${JSON.stringify(options.env['BRIDGY_FED_URL'])}`);

  const feed = await loadFeed(options.feed ?? 'dist', { cwd: options.cwd, fetch: fetcher });
  const items = feed.items
    .filter((item) => !options.since || Date.parse(item.datePublished) >= options.since.getTime())
    .sort((a, b) => a.datePublished.localeCompare(b.datePublished) || a.key.localeCompare(b.key));

  const ledgerLabel = options.ledgerFile ?? WEBMENTIONS_SENT_FILE;
  const ledgerFile = resolve(options.cwd, ledgerLabel);
  let release: (() => Promise<void>) | undefined;
  if (!dryRun) {
    await mkdir(dirname(ledgerFile), { recursive: true });
    release = await acquireLock(webmentionsLockFile(ledgerFile), 'webmentions run');
  }
  try {
    const store = dryRun
      ? readOnlyStore(await readWebmentionsSent(ledgerFile, ledgerLabel))
      : await openWebmentionsSent(ledgerFile, ledgerLabel);
    const rows: WebmentionRow[] = [];
    let alreadyDone = 0;
    const at = (): string => new Date(now()).toISOString();

    for (const item of items) {
      const version = pieceVersion(item);
      for (const target of targetsOf(item, store, bridgyFedTarget)) {
        const previous = store.entry(item.url, target);
        // An in-flight mark is a request that may not have arrived: sent again (see the top of this file).
        if (previous && previous.version === version && previous.status !== 'in-flight') {
          alreadyDone += 1;
          continue;
        }
        const row = { item: item.key, source: item.url, target };
        const record = (entry: SentEntry | undefined): Promise<void> => (dryRun ? Promise.resolve() : store.set(item.url, target, entry));

        let discovery: Discovery;
        try {
          discovery = await withRetry(() => discoverEndpoint(target, requestDeps), policy, retryDeps);
        } catch (error) {
          rows.push({ ...row, status: 'failed', detail: errorMessage(error) });
          log(`webmentions: ${item.key} → ${target}: ${errorMessage(error)}`);
          continue;
        }
        if (discovery.kind === 'gone') {
          await record({ status: 'gone', version, at: at(), httpStatus: discovery.status, url: discovery.url });
          rows.push({ ...row, status: 'gone', httpStatus: discovery.status, detail: `${discovery.url} answered ${discovery.status}` });
          continue;
        }
        if (discovery.kind === 'none') {
          await record({ status: 'no-endpoint', version, at: at() });
          rows.push({ ...row, status: 'no endpoint' });
          continue;
        }
        const endpoint = discovery.endpoint;
        if (dryRun) {
          rows.push({ ...row, status: 'would send', endpoint });
          continue;
        }

        await record({ status: 'in-flight', version, at: at(), endpoint });
        let outcome: SendOutcome;
        try {
          outcome = await withRetry(() => sendWebmention(endpoint, item.url, target, requestDeps), policy, retryDeps);
        } catch (error) {
          // Left for the next run, which sends it afresh.
          await record(undefined);
          rows.push({ ...row, status: 'failed', endpoint, detail: errorMessage(error) });
          log(`webmentions: ${item.key} → ${target}: ${errorMessage(error)}`);
          continue;
        }
        if (outcome.kind === 'sent') {
          await record({
            status: 'sent',
            version,
            at: at(),
            endpoint,
            httpStatus: outcome.httpStatus,
            ...(outcome.location ? { location: outcome.location } : {}),
          });
          rows.push({ ...row, status: 'sent', endpoint, httpStatus: outcome.httpStatus });
          log(`webmentions: ${item.key} → ${target}: sent (${outcome.httpStatus})`);
        } else if (outcome.kind === 'refused') {
          await record({
            status: 'refused',
            version,
            at: at(),
            endpoint,
            httpStatus: outcome.httpStatus,
            ...(outcome.detail ? { detail: outcome.detail } : {}),
          });
          rows.push({
            ...row,
            status: 'refused',
            endpoint,
            httpStatus: outcome.httpStatus,
            ...(outcome.detail ? { detail: outcome.detail } : {}),
          });
        } else {
          await record({ status: 'gone', version, at: at(), httpStatus: outcome.httpStatus, url: endpoint });
          rows.push({
            ...row,
            status: 'gone',
            endpoint,
            httpStatus: outcome.httpStatus,
            detail: `the endpoint ${endpoint} answered ${outcome.httpStatus}`,
          });
        }
      }
    }
    return {
      dryRun,
      feed: feed.label,
      bridgyFed: bridged,
      rows,
      alreadyDone,
      failed: rows.filter((row) => row.status === 'failed').length,
    };
  } finally {
    await release?.();
  }
}
