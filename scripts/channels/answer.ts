/**
 * A channel's second way of speaking: answering a reply in its thread (`./hub run reply`). A channel
 * that can declares `answer` in its folder (channel.ts); the command never names a network. Exactly
 * once works as for posts: the command writes an in-flight mark with the request's key before the
 * request, and on a rerun the answerer looks for the answer it may have posted before posting again
 * (Bluesky by record key, Mastodon by idempotency key and the reply's thread, the others by the
 * account's replies), or, where it cannot look, throws `NeedsConfirmation` for the person.
 */
import type { Network } from '../../src/contract/networks.ts';
import type { Reply } from '../../src/contract/snapshots.ts';
import type { AdapterDeps, MissingCredentials, Published, RemotePost } from './adapter.ts';

/** The reply being answered, as the snapshots know it, and the copy of the piece it hangs under (the thread's root). */
export interface ReplyTarget {
  /** The piece's item key (`essay/<slug>`). */
  item: string;
  /** The piece's copy on the network: the root of the thread. */
  copy: RemotePost;
  reply: Reply;
}

export interface AnswerOptions {
  /** Deterministic for this answer, recorded in the in-flight mark: Bluesky's record key, Mastodon's Idempotency-Key. */
  key: string;
  /** An earlier request for this answer may have reached the network: look for it before posting again. */
  resume: boolean;
  /** When the first request was about to be sent (ISO 8601): nothing older is looked at. */
  startedAt: string;
}

export interface Answerer {
  network: Network;
  /** The key for an answer to the reply `answerKey`, first sent at `startedAt`. */
  keyFor: (answerKey: string, startedAt: string) => string;
  /** Posts `text` in the reply's thread, under the reply; or returns the answer an earlier attempt posted. */
  answer: (target: ReplyTarget, text: string, options: AnswerOptions) => Promise<Published>;
}

/** What a channel's folder declares to answer replies: how the network counts an answer, and the answerer for its credentials. */
export interface AnswerDefinition<Config> {
  /** The answer's length as the network counts it, in the channel's `limits.unit`. */
  length: (text: string) => number;
  /** Where an answer may be shorter than a post (a LinkedIn comment); absent, the channel's `limits.max`. */
  max?: number | undefined;
  create: (config: Config, deps: AdapterDeps) => Answerer;
}

/** The channel's answering capability, as the command sees it. */
export interface AnswerCapability {
  length: (text: string) => number;
  /** The most an answer may count, in the channel's `limits.unit`. */
  max: number;
  answerer: (env: Record<string, string | undefined>, deps: AdapterDeps) => Answerer | MissingCredentials;
}
