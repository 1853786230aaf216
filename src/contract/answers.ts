/**
 * The answers ledger, `content/evidence/answers.json`: the person's answers to replies, posted from
 * the hub with `./hub run reply -- <id> "text"`. The reply command writes it (atomically, an in-flight
 * mark before the request, the result after success, as the syndication ledger does), `conversations`
 * reads it to say which replies are answered, and the site reads it at build time to show each answer
 * threaded under the reply it answers. This module is the one definition of its shape.
 *
 * A reply is named by its conversation id, `<network>:<the network's id for the reply>` (`answerKey`),
 * the id `./hub run conversations` prints. One answer per reply: answering twice is refused.
 *
 * ```json
 * { "version": 1,
 *   "answers": {
 *     "bluesky:at://did:plc:…/app.bsky.feed.post/3l…": {
 *       "item": "essay/owning-the-wind",
 *       "text": "Fair point — the numbers are in the second table.",
 *       "status": "posted", "remoteId": "at://did:plc:…/app.bsky.feed.post/3m…",
 *       "url": "https://bsky.app/profile/…/post/3m…", "postedAt": "2026-11-26T08:00:00.000Z" },
 *     "mastodon:1133…": { "item": "essay/owning-the-wind", "text": "…", "status": "in-flight",
 *       "startedAt": "2026-11-26T08:01:00.000Z", "key": "…" } } }
 * ```
 */
import { z } from 'astro/zod';
import { NETWORKS, type Network } from './networks.ts';
import { itemKeySchema } from './ledger.ts';
import { httpUrlField } from '../lib/safe-urls.ts';
import { parseJson } from '../lib/validation.ts';

export const ANSWERS_FILE = 'content/evidence/answers.json';
export const ANSWERS_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-11-25T10:00:00.000Z' });

const ANSWER_KEY = new RegExp(`^(${NETWORKS.join('|')}):(.+)$`, 's');

/** What every answer records, posted or not: the piece whose conversation it belongs to, and the text as sent. */
const answerFields = {
  /** The piece's item key (`essay/<slug>`). */
  item: itemKeySchema,
  /** The answer as the person wrote it (plain text). */
  text: z.string().min(1, { error: 'expected the answer’s text' }),
};

const postedAnswerSchema = z.strictObject({
  ...answerFields,
  status: z.literal('posted'),
  /** The network's id for the answer. */
  remoteId: z.string().min(1, { error: 'expected the answer’s id on the network' }),
  /** The answer's public address. */
  url: httpUrlField('the public address of the answer'),
  postedAt: isoInstant,
});

/** A request that was about to be sent when the file was last written: the answer may or may not exist. */
const inFlightAnswerSchema = z.strictObject({
  ...answerFields,
  status: z.literal('in-flight'),
  startedAt: isoInstant,
  /** The deterministic key the request carried (Bluesky record key, Mastodon Idempotency-Key), if any. */
  key: z.string().min(1).optional(),
});

const answerSchema = z.discriminatedUnion('status', [postedAnswerSchema, inFlightAnswerSchema], {
  error: 'expected {"status": "posted", …} or {"status": "in-flight", …}',
});

export const answersSchema = z.strictObject({
  version: z.literal(ANSWERS_VERSION, { error: `expected version ${ANSWERS_VERSION}` }),
  /** Keyed by the answered reply's conversation id (`answerKey`). */
  answers: z.record(z.string().regex(ANSWER_KEY, { error: 'expected a reply id like bluesky:<the network’s id>' }), answerSchema),
});

export type Answers = z.output<typeof answersSchema>;
export type Answer = z.output<typeof answerSchema>;
export type PostedAnswer = z.output<typeof postedAnswerSchema>;

/** The answers ledger of a hub that has answered nothing yet. */
export function emptyAnswers(): Answers {
  return { version: ANSWERS_VERSION, answers: {} };
}

/** The conversation id of a reply: the network, a colon, the network's own id for it. */
export function answerKey(network: Network, replyId: string): string {
  return `${network}:${replyId}`;
}

/** The network and the network's id of a conversation id, or undefined when the text is not one. */
export function parseAnswerKey(key: string): { network: Network; replyId: string } | undefined {
  const [, network, replyId] = ANSWER_KEY.exec(key) ?? [];
  return network !== undefined && replyId !== undefined ? { network: network as Network, replyId } : undefined;
}

/** Parses answers JSON text; a broken file throws a message naming the file and each bad field. */
export function parseAnswers(text: string, file: string = ANSWERS_FILE): Answers {
  return parseJson(text, file, answersSchema);
}

/** The answer posted to a reply, if there is one. */
export function postedAnswer(answers: Answers, network: Network, replyId: string): PostedAnswer | undefined {
  const answer = answers.answers[answerKey(network, replyId)];
  return answer?.status === 'posted' ? answer : undefined;
}
