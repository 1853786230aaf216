/**
 * `./hub run reply -- <id> "text"`: answers one reply in its thread, on the network it came from,
 * exactly once. The reply is found in the engagement snapshots (find.ts); the channel it came from
 * answers it (its `answer` capability, scripts/channels/answer.ts); the answers ledger records it
 * (answers.ts): an in-flight mark before the request, the answer after. A rerun after a crash finds
 * the mark and has the channel look for the answer before posting again; a reply that already has
 * an answer is refused. Everything that can be checked before the request is checked first, and
 * nothing is written when a check fails. The command function; cli.ts parses and prints.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ANSWERS_FILE, answerKey, parseAnswerKey, type Answer } from '../../src/contract/answers.ts';
import { NETWORK_LABELS } from '../../src/contract/networks.ts';
import { POLICY_FILE } from '../../src/contract/policy.ts';
import { EVIDENCE_FOLDER } from '../../src/contract/snapshots.ts';
import { NeedsConfirmation, type Published } from '../channels/adapter.ts';
import type { ReplyTarget } from '../channels/answer.ts';
import { readSnapshots } from '../collect/snapshots.ts';
import { readAnswers, readPolicy } from '../lib/content.ts';
import { acquireLock, answersLockFile } from '../lib/lock.ts';
import { networkRun, type NetworkRunOptions } from '../lib/network-run.ts';
import { mayHaveReachedNetwork, withRetry } from '../lib/retry.ts';
import { describePolicyHold, policyMatchesInText } from '../syndicate/policy.ts';
import { answersFile, openAnswers } from './answers.ts';
import { findReply } from './find.ts';

export interface ReplyOptions extends Omit<NetworkRunOptions, 'only' | 'ledgerFile'> {
  /** The reply's conversation id, `<network>:<id>`. */
  id: string;
  text: string;
  /** Check everything and say what would be sent; send and write nothing. */
  dryRun?: boolean;
  /** The person has read an answer the policy guard held, and sends it as it is. */
  reviewed?: boolean;
}

export interface ReplyResult {
  id: string;
  network: string;
  item: string;
  status: 'posted' | 'would post';
  /** The answer's address (posted). */
  url?: string;
  text: string;
  length: number;
  limit: number;
  unit: string;
}

/** What the channel counts, as a person reads it: Bluesky's graphemes are characters. */
const unitName = (unit: string): string => (unit === 'graphemes' ? 'characters' : unit);

export async function reply(options: ReplyOptions): Promise<ReplyResult> {
  const { registry, now, log, message, retryPolicy, retryDeps, deps } = await networkRun(options);
  const parsed = parseAnswerKey(options.id);
  if (!parsed)
    throw new Error(
      `${JSON.stringify(options.id)}: expected a reply id like bluesky:<the network’s id> (./hub run conversations prints them)`,
    );
  const { network, replyId } = parsed;
  const label = NETWORK_LABELS[network];
  const text = options.text.trim();
  if (text === '') throw new Error(`${options.id}: the answer is empty: give its text after the id, in quotes`);
  const channel = registry.get(network)!;
  if (!channel.answer) throw new Error(`${options.id}: ${label} has no replies to answer from the hub`);

  const found = findReply(await readSnapshots(resolve(options.cwd, EVIDENCE_FOLDER), options.cwd), network, replyId);
  if (!found) throw new Error(`${options.id}: no such reply in ${EVIDENCE_FOLDER} (./hub run conversations lists the replies collected)`);
  if ('removed' in found) throw new Error(`${options.id}: ${label} no longer shows this reply (deleted or hidden by its author)`);
  const target: ReplyTarget = found;

  const { max } = channel.answer;
  const { unit } = channel.limits;
  const length = channel.answer.length(text);
  if (length > max)
    throw new Error(`${options.id}: the answer is ${length} ${unitName(unit)}, ${length - max} over ${label}’s ${max}: shorten it`);

  const policy = await readPolicy(resolve(options.cwd, POLICY_FILE), POLICY_FILE);
  const matches = policyMatchesInText(policy, 'the answer', text);
  if (matches.length > 0 && !options.reviewed)
    throw new Error(
      `${options.id}: held by ${POLICY_FILE}: ${describePolicyHold(matches).replace(/ — set syndication\.reviewed: true once checked$/, '')} — read it again, then add --reviewed`,
    );

  const made = channel.answer.answerer(options.env, deps);
  if ('missing' in made) throw new Error(`${options.id}: ${label} has no credentials: set ${made.missing.join(', ')}`);
  const answerer = made;
  const key = answerKey(network, replyId);
  const base = { id: key, network, item: target.item, text, length, limit: max, unit: unitName(unit) };

  const alreadyAnswered = (entry: Answer | undefined): void => {
    if (entry?.status === 'posted') throw new Error(`${options.id}: already answered on ${label}: ${entry.url}`);
  };
  // A dry run reads the ledger and leaves it (and its folder) as they are.
  if (options.dryRun) {
    alreadyAnswered((await readAnswers(options.cwd)).answers[key]);
    return { ...base, status: 'would post' };
  }
  const file = answersFile(options.cwd);
  await mkdir(dirname(file), { recursive: true });
  const release = await acquireLock(answersLockFile(file), 'reply');
  try {
    const store = await openAnswers(options.cwd);
    const entry = store.entry(key);
    alreadyAnswered(entry);

    const resume = entry?.status === 'in-flight';
    const startedAt = resume ? entry.startedAt : new Date(now()).toISOString();
    const requestKey = (resume ? entry.key : undefined) ?? answerer.keyFor(key, startedAt);
    // What was sent the first time is what is looked for and, if it never went out, sent.
    const sent = resume ? entry.text : text;
    if (resume) log(`${label}: an earlier attempt at this answer may have posted it; looking before posting again`);
    // The mark goes to disk before the request leaves: a crash after it makes the next run look first.
    else await store.markInFlight(key, { item: target.item, text: sent, startedAt, key: requestKey });
    let uncertain = resume;
    let posted: Published;
    try {
      posted = await withRetry(
        async () => {
          try {
            return await answerer.answer(target, sent, { key: requestKey, resume: uncertain, startedAt });
          } catch (error) {
            uncertain ||= mayHaveReachedNetwork(error);
            throw error;
          }
        },
        retryPolicy,
        { ...retryDeps, onRetry: (error, delay) => log(`${label}: ${message(error)}; retrying in ${(delay / 1000).toFixed(1)} s`) },
      );
    } catch (error) {
      if (error instanceof NeedsConfirmation)
        throw new Error(
          `${options.id}: ${message(error)}: look under the reply (${target.reply.url || target.copy.url}), then rerun with --resolve <the answer’s address> or --resolve not-posted`,
          { cause: error },
        );
      // Refused outright: nothing went out, so the mark goes and a rerun posts afresh.
      if (!uncertain) await store.clearInFlight(key);
      throw new Error(`${options.id}: ${label} did not take the answer: ${message(error)}`, { cause: error });
    }
    await store.markPosted(key, {
      item: target.item,
      text: sent,
      remoteId: posted.remoteId,
      url: posted.url,
      postedAt: new Date(now()).toISOString(),
    });
    return { ...base, text: sent, status: 'posted', url: posted.url };
  } finally {
    await release();
  }
}

/**
 * Settles an answer a network would not let the hub look for (LinkedIn without r_member_social):
 * with its address it is recorded as posted; with `not-posted` the mark goes and the next run posts it.
 */
export async function resolveAnswer(options: { cwd: string; id: string; resolution: string; now?: () => number }): Promise<string> {
  const file = answersFile(options.cwd);
  const release = await acquireLock(answersLockFile(file), 'reply');
  try {
    const store = await openAnswers(options.cwd);
    const entry = store.entry(options.id);
    if (entry?.status !== 'in-flight') throw new Error(`${options.id}: no answer waiting to be settled in ${ANSWERS_FILE}`);
    if (options.resolution === 'not-posted') {
      await store.clearInFlight(options.id);
      return `${options.id}: recorded as not posted; the next ./hub run reply posts it`;
    }
    let url: URL;
    try {
      url = new URL(options.resolution);
    } catch {
      throw new Error(`--resolve: expected the answer’s https address or not-posted, got ${JSON.stringify(options.resolution)}`);
    }
    if (url.protocol !== 'https:')
      throw new Error(`--resolve: expected the answer’s https address, got ${JSON.stringify(options.resolution)}`);
    await store.markPosted(options.id, {
      item: entry.item,
      text: entry.text,
      remoteId: url.href,
      url: url.href,
      postedAt: new Date((options.now ?? Date.now)()).toISOString(),
    });
    return `${options.id}: recorded as posted at ${url.href}`;
  } finally {
    await release();
  }
}
