/**
 * The ledger of Webmentions sent, `content/evidence/webmentions-sent.json`: which piece (the source)
 * told which page it links to (the target), Bridgy Fed included, and for which version of the piece.
 * `./hub run webmentions` writes it (atomically, an in-flight mark before every request) so that each
 * (source, target, version) is sent once; this module is the one definition of its shape.
 *
 * ```json
 * { "version": 1,
 *   "sources": {
 *     "https://morwennahale.example/essays/owning-the-wind/": {
 *       "https://fed.brid.gy/": { "status": "sent", "version": "2026-11-25T10:00:00.000Z",
 *                                 "endpoint": "https://fed.brid.gy/webmention", "httpStatus": 202,
 *                                 "at": "2026-11-25T10:05:00.000Z" },
 *       "https://example.org/post": { "status": "no-endpoint", "version": "…", "at": "…" } } } }
 * ```
 */
import { z } from 'astro/zod';
import { httpUrlField } from '../lib/safe-urls.ts';
import { parseJson } from '../lib/validation.ts';

export const WEBMENTIONS_SENT_FILE = 'content/evidence/webmentions-sent.json';
export const WEBMENTIONS_SENT_VERSION = 1;

/** Where Bridgy Fed takes Webmentions for: a Webmention to it from a piece bridges the piece (https://fed.brid.gy/docs#web-how-post). */
export const BRIDGY_FED_TARGET = 'https://fed.brid.gy/';

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-11-25T10:00:00.000Z' });

/** What every entry carries: the piece's version it was for (its `date_modified`) and when it was written. */
const common = {
  version: z.string().min(1, { error: 'expected the piece’s version (its date_modified)' }),
  at: isoInstant,
};

const endpointField = httpUrlField('the target’s Webmention endpoint');

const entrySchema = z.discriminatedUnion(
  'status',
  [
    /** A request was about to go out when the ledger was last written: it may or may not have arrived. */
    z.strictObject({ status: z.literal('in-flight'), ...common, endpoint: endpointField }),
    /** The endpoint accepted it (200, 201 or 202); `location` is the status page a 201 names. */
    z.strictObject({
      status: z.literal('sent'),
      ...common,
      endpoint: endpointField,
      httpStatus: z.number().int().min(200).max(299),
      location: httpUrlField('the status page the endpoint named').optional(),
    }),
    /** The endpoint refused it with a 4xx: not sent again for this version. */
    z.strictObject({
      status: z.literal('refused'),
      ...common,
      endpoint: endpointField,
      httpStatus: z.number().int().min(400).max(499),
      detail: z.string().max(500).optional(),
    }),
    /** The target declares no endpoint: not looked at again for this version. */
    z.strictObject({ status: z.literal('no-endpoint'), ...common }),
    /** The target or its endpoint answered 404 or 410: reported once, then left alone for this version. */
    z.strictObject({ status: z.literal('gone'), ...common, httpStatus: z.number().int(), url: httpUrlField('the address that is gone') }),
  ],
  { error: 'expected {"status": "sent" | "in-flight" | "refused" | "no-endpoint" | "gone", …}' },
);

export const webmentionsSentSchema = z.strictObject({
  version: z.literal(WEBMENTIONS_SENT_VERSION, { error: `expected version ${WEBMENTIONS_SENT_VERSION}` }),
  /** Keyed by the piece's URL, then by the target's URL. */
  sources: z.record(httpUrlField('the piece’s address'), z.record(httpUrlField('the target’s address'), entrySchema)),
});

export type WebmentionsSent = z.output<typeof webmentionsSentSchema>;
export type SentEntry = z.output<typeof entrySchema>;

export function emptyWebmentionsSent(): WebmentionsSent {
  return { version: WEBMENTIONS_SENT_VERSION, sources: {} };
}

/** Parses the ledger's JSON text; a broken file throws a message naming the file and each bad field. */
export function parseWebmentionsSent(text: string, file: string = WEBMENTIONS_SENT_FILE): WebmentionsSent {
  return parseJson(text, file, webmentionsSentSchema);
}
