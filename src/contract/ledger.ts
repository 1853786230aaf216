/**
 * The syndication ledger, `content/evidence/syndication.json`: which piece went to which network,
 * as which remote post. The syndication scripts write it (atomically, an in-flight mark before every
 * request, the result after every success); the site reads it at build time for "Also on" links and
 * the invitation to reply. This module is the one definition of its shape, shared by both sides.
 *
 * ```json
 * { "version": 1,
 *   "items": {
 *     "essay/owning-the-wind": {
 *       "url": "https://morwennahale.example/essays/owning-the-wind/",
 *       "networks": {
 *         "bluesky": { "status": "posted", "remoteId": "at://did:plc:…/app.bsky.feed.post/3l…",
 *                      "url": "https://bsky.app/profile/…/post/3l…", "postedAt": "2026-11-25T10:00:00.000Z" },
 *         "x": { "status": "in-flight", "startedAt": "2026-11-25T10:00:05.000Z" } } } } }
 * ```
 */
import { z } from 'astro/zod';
import { NETWORKS, type Network } from './networks.ts';
import { httpUrlField } from '../lib/safe-urls.ts';
import { parseJson } from '../lib/validation.ts';
import { isPieceKind, PIECE_KINDS, type PieceKind } from './kinds.ts';

export const LEDGER_FILE = 'content/evidence/syndication.json';
export const LEDGER_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-11-25T10:00:00.000Z' });

/** A post that exists on the network. */
const postedSchema = z.strictObject({
  status: z.literal('posted'),
  /** The network's id for the post (Bluesky: the at:// URI; Mastodon: the status id; …). */
  remoteId: z.string().min(1, { error: 'expected the remote post id' }),
  /** The post's public address. */
  url: z.url({ protocol: /^https?$/, error: 'expected the public URL of the post' }),
  /** When it was posted. */
  postedAt: isoInstant,
});

/** A request that was about to be sent when the ledger was last written: the post may or may not exist. */
const inFlightSchema = z.strictObject({
  status: z.literal('in-flight'),
  /** When the request started. */
  startedAt: isoInstant,
  /** The deterministic key the request carried (Bluesky record key, Mastodon Idempotency-Key), if any. */
  key: z.string().min(1).optional(),
});

const networkEntrySchema = z.discriminatedUnion('status', [postedSchema, inFlightSchema], {
  error: 'expected {"status": "posted", …} or {"status": "in-flight", …}',
});

const ITEM_KEY = new RegExp(`^(${PIECE_KINDS.join('|')})/([^/]+)$`);

/** An item key, `<kind>/<slug>` (see `ledgerKey`): how the ledger and the engagement snapshots name a piece. */
export const itemKeySchema = z.string().regex(ITEM_KEY, { error: 'expected an item key like essay/<slug>' });

export const ledgerSchema = z.strictObject({
  version: z.literal(LEDGER_VERSION, { error: `expected version ${LEDGER_VERSION}` }),
  /** Keyed by item key (`essay/<slug>`, see `ledgerKey`). */
  items: z.record(
    itemKeySchema,
    z.strictObject({
      /** The piece's URL on the site when it was syndicated. */
      url: httpUrlField('the piece’s address on the site'),
      networks: z.partialRecord(z.enum(NETWORKS), networkEntrySchema),
    }),
  ),
});

export type Ledger = z.output<typeof ledgerSchema>;
export type LedgerEntry = z.output<typeof networkEntrySchema>;
export type PostedEntry = z.output<typeof postedSchema>;

/** The ledger of a hub that has syndicated nothing yet. */
export function emptyLedger(): Ledger {
  return { version: LEDGER_VERSION, items: {} };
}

/** The key of a piece in the ledger: its kind and slug, both stable across builds and feed URLs. */
export function ledgerKey(kind: PieceKind, slug: string): string {
  return `${kind}/${slug}`;
}

/** The kind and slug of an item key, or undefined when the text is not one. */
export function parseLedgerKey(key: string): { kind: PieceKind; slug: string } | undefined {
  const [, kind, slug] = ITEM_KEY.exec(key) ?? [];
  return kind !== undefined && slug !== undefined && isPieceKind(kind) ? { kind, slug } : undefined;
}

/** Parses ledger JSON text; a broken ledger throws a message naming the file and each bad field. */
export function parseLedger(text: string, file: string = LEDGER_FILE): Ledger {
  return parseJson(text, file, ledgerSchema);
}

/** The copies of a piece that exist on the networks, in the networks' usual order. */
export function postedCopies(ledger: Ledger, kind: PieceKind, slug: string): Array<{ network: Network; url: string }> {
  const networks = ledger.items[ledgerKey(kind, slug)]?.networks ?? {};
  return NETWORKS.flatMap((network) => {
    const entry = networks[network];
    return entry?.status === 'posted' ? [{ network, url: entry.url }] : [];
  });
}
