/**
 * Engagement snapshots, `content/evidence/engagement/<collectedAt>.json`: what came back from each
 * copy of each piece at one moment. `npm run collect` appends one per run (never overwriting an
 * earlier one); the site reads them all at build time for the responses under each piece and the
 * impact page. This module is the one definition of their shape, shared by both sides.
 *
 * Counts are totals at `collectedAt` (a snapshot holds them for the copies it read; a copy left out —
 * a network without credentials that day, or a copy too old to read again — keeps its last known
 * counts). Replies are a log, so years of snapshots do not repeat the same replies: each snapshot
 * holds the replies first seen in it (`newReplies`) and the ids of earlier ones the network no longer
 * shows (`removedReplies`, deleted or hidden by their authors). Quote-posts — someone's own post
 * quoting the copy — are a log the same way (`newQuotes`, `removedQuotes`, each quote in a reply's
 * shape); both fields are optional, so snapshots written before quotes were collected stay valid.
 *
 * ```json
 * { "version": 1, "collectedAt": "2026-11-25T10:00:00.000Z",
 *   "networks": { "bluesky": { "status": "read", "copies": 3 }, "x": { "status": "skipped", "reason": "no credentials" } },
 *   "items": {
 *     "essay/owning-the-wind": {
 *       "url": "https://morwennahale.example/essays/owning-the-wind/",
 *       "networks": {
 *         "bluesky": { "remoteId": "at://…", "url": "https://bsky.app/profile/…/post/3l…",
 *                      "metrics": { "likes": 12, "reposts": 3, "replies": 2, "quotes": 1 },
 *                      "newReplies": [{ "id": "at://…", "url": "https://bsky.app/…", "text": "I disagree: …",
 *                                       "publishedAt": "2026-11-25T09:12:00.000Z",
 *                                       "author": { "name": "Ada", "handle": "@ada.example", "url": "https://bsky.app/profile/ada.example" } }] } } } },
 *   "webmentions": [] }
 * ```
 *
 * Reply text, names and URLs come from strangers: they are plain text here (a network's HTML is
 * turned into text when collected) and the site escapes them. Every address must be http(s): one that
 * is not is dropped before a snapshot is written (`withoutUnsafeUrls`), so a stranger's `javascript:`
 * profile cannot stop a collection run, and refused in a snapshot file, naming the file and the field;
 * the site links only http(s) addresses besides (src/lib/safe-urls.ts). Cleaning a snapshot before it is
 * written, and the engagement it adds up to, are in src/lib/evidence.ts: this module is only the shape.
 *
 * Readers (optional, when analytics is set in content/site.yaml): each item's `reads` counts the views
 * of its page in the window the snapshot's `reads` names, so a piece's readers are the sum over snapshots.
 */
import { z } from 'astro/zod';
import { NETWORKS } from './networks.ts';
import { httpUrlField, httpUrlOrEmptyField } from '../lib/safe-urls.ts';
import { parseJson } from '../lib/validation.ts';
import { itemKeySchema } from './ledger.ts';

export const EVIDENCE_FOLDER = 'content/evidence/engagement';
export const SNAPSHOT_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-11-25T10:00:00.000Z' });
const count = z.int().min(0, { error: 'expected a count (a whole number, 0 or more)' });

/**
 * What a network reports for one post; a count it does not report is left out, not 0. An email (the
 * newsletter's copy) has what a post has not: how many subscribers it went to, opened it and clicked
 * in it — optional like the rest, so snapshots written before they existed still parse. They are not
 * engagement (src/lib/evidence.ts): an email sent is not a reader answering.
 */
export const metricsSchema = z.strictObject({
  likes: count.optional(),
  reposts: count.optional(),
  replies: count.optional(),
  quotes: count.optional(),
  recipients: count.optional(),
  opens: count.optional(),
  clicks: count.optional(),
});

/** A person, as a network names them. All third-party text. */
const authorSchema = z.strictObject({
  /** Display name (may be empty on some networks). */
  name: z.string(),
  /** `@ada@example.social`, `@ada.bsky.social`, `@ada`. */
  handle: z.string(),
  /** Their profile page, http(s); left out when the network gave none (or one that was not http(s)). */
  url: httpUrlField('the address of the person’s profile', 'leave it out').optional(),
});

/** A public reply to a copy. */
export const replySchema = z.strictObject({
  /** The network's id for the reply (unique within the network). */
  id: z.string().min(1, { error: 'expected the reply’s id on the network' }),
  /** The reply's public address, http(s); "" when the network gave none (or one that was not http(s)). */
  url: httpUrlOrEmptyField('the address of the reply', 'when the network gave none'),
  author: authorSchema,
  /** Plain text, as written (line breaks kept). */
  text: z.string(),
  publishedAt: isoInstant,
});

/** One copy of a piece, as read at `collectedAt`. */
const copySchema = z.strictObject({
  /** The ledger's remote id of the copy. */
  remoteId: z.string().min(1),
  /** The copy's public address. */
  url: httpUrlField('the address of the copy on the network'),
  /** True when the network says the copy no longer exists (deleted there): it counts as nothing. */
  gone: z.literal(true).optional(),
  metrics: metricsSchema,
  /** Replies first seen in this snapshot. */
  newReplies: z.array(replySchema).optional(),
  /** Ids of replies seen before that the network no longer shows. */
  removedReplies: z.array(z.string()).optional(),
  /**
   * Quote-posts first seen in this snapshot: posts of their own that quote the copy (where people
   * argue back), kept in a reply's shape. Left out by snapshots written before quotes were collected.
   */
  newQuotes: z.array(replySchema).optional(),
  /** Ids of quote-posts seen before that the network no longer shows. */
  removedQuotes: z.array(z.string()).optional(),
});

/** How reading one network went in this run. */
const sourceSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('read'), copies: count }),
  /** Not read at all: no credentials. */
  z.strictObject({ status: z.literal('skipped'), reason: z.string() }),
  /** Some or all copies could not be read (they keep their last known counts). */
  z.strictObject({ status: z.literal('failed'), copies: count, failed: count }),
]);

/**
 * How pulling readers from the analytics service went in this run (`analytics` in content/site.yaml).
 * `read` names the window counted, `[from, to)`, whole hours as the service counts them: the next run
 * counts from `to`, so windows neither overlap nor leave gaps, and a run that failed records no window
 * (the next one covers it). Left out when analytics is unset, and by snapshots written before readers were counted.
 */
const readsSourceSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('read'), pieces: count, from: isoInstant, to: isoInstant }),
  z.strictObject({ status: z.literal('skipped'), reason: z.string() }),
  z.strictObject({ status: z.literal('failed'), reason: z.string() }),
]);

/** A webmention received by the site (from webmention.io): someone's own site replying or linking. */
export const webmentionSchema = z.strictObject({
  id: z.string().min(1),
  type: z.enum(['reply', 'like', 'repost', 'bookmark', 'mention']),
  /** The page of ours it is about. */
  target: httpUrlOrEmptyField('the address of the piece it mentions', 'when none was given'),
  /** The page that mentions it, http(s); "" when none was given (or one that was not http(s)). */
  url: httpUrlOrEmptyField('the address of the page that mentions the piece', 'when none was given'),
  author: authorSchema,
  text: z.string().optional(),
  publishedAt: isoInstant.optional(),
});

export const snapshotSchema = z.strictObject({
  version: z.literal(SNAPSHOT_VERSION, { error: `expected version ${SNAPSHOT_VERSION}` }),
  collectedAt: isoInstant,
  networks: z.partialRecord(z.enum(NETWORKS), sourceSchema),
  /** Keyed by ledger item key (`essay/<slug>`). */
  items: z.record(
    itemKeySchema,
    z.strictObject({
      /** The piece's URL on the site. */
      url: httpUrlField('the piece’s address on the site'),
      networks: z.partialRecord(z.enum(NETWORKS), copySchema),
      /**
       * Views of the piece's page counted by the analytics service in this snapshot's window
       * (`reads.from` to `reads.to`); its readers so far are the sum over snapshots. Left out when none were counted.
       */
      reads: count.optional(),
    }),
  ),
  /** Readers pulled from the analytics service in this run; see `readsSourceSchema`. */
  reads: readsSourceSchema.optional(),
  /** Webmentions first seen in this snapshot (only when a webmention.io token is set). */
  webmentions: z.array(webmentionSchema).optional(),
});

export type Snapshot = z.output<typeof snapshotSchema>;
export type SnapshotCopy = z.output<typeof copySchema>;
export type Metrics = z.output<typeof metricsSchema>;
export type Reply = z.output<typeof replySchema>;
export type Webmention = z.output<typeof webmentionSchema>;
export type SourceStatus = z.output<typeof sourceSchema>;
export type ReadsStatus = z.output<typeof readsSourceSchema>;

/** Parses snapshot JSON text; a broken snapshot throws a message naming the file and each bad field. */
export function parseSnapshot(text: string, file: string): Snapshot {
  return parseJson(text, file, snapshotSchema);
}

/**
 * The snapshot's file name: its `collectedAt`, with the colons that some file systems refuse turned
 * into dashes (`2026-11-25T10-00-00.000Z.json`), so names sort in time order.
 */
export function snapshotFileName(collectedAt: string, attempt = 0): string {
  const stamp = new Date(collectedAt).toISOString().replaceAll(':', '-');
  return attempt === 0 ? `${stamp}.json` : `${stamp}-${attempt + 1}.json`;
}
