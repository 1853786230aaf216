/**
 * Answering a reply on Mastodon: `POST /api/v1/statuses` with `in_reply_to_id` and a visibility no
 * wider than the reply's (public > unlisted > private > direct: an answer to a followers-only reply
 * stays followers-only), read from the reply's status first since the snapshots keep no visibility.
 * Exactly once: the request carries an Idempotency-Key, which the server honours for about an hour;
 * on a rerun the reply's thread (`GET /api/v1/statuses/:id/context`) is looked through for the
 * account's answer first, whenever the first attempt was. https://docs.joinmastodon.org/methods/statuses/#create
 */
import { createRestAPIClient, type mastodon } from 'masto';
import { stableKey, type AdapterDeps } from '../adapter.ts';
import type { Answerer } from '../answer.ts';
import { translate, type MastodonConfig } from './adapter.ts';

/** Widest first: an answer takes the reply's visibility, never a wider one. */
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;

/** The narrower of two visibilities (an unknown one counts as the narrowest). */
export function narrower(a: string, b: string): mastodon.v1.StatusVisibility {
  const rank = (visibility: string): number => {
    const index = VISIBILITIES.indexOf(visibility as (typeof VISIBILITIES)[number]);
    return index === -1 ? VISIBILITIES.length - 1 : index;
  };
  return VISIBILITIES[Math.max(rank(a), rank(b))]!;
}

export function createMastodonAnswerer(config: MastodonConfig, deps: AdapterDeps): Answerer {
  const client = createRestAPIClient({ url: config.url, accessToken: config.token, timeout: deps.timeoutMs, log: 'error' });
  const call = async <T>(method: string, path: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      throw translate(error, method, `${config.url}${path}`, deps.now());
    }
  };
  const toRemote = (status: mastodon.v1.Status) => ({ remoteId: status.id, url: status.url ?? status.uri });

  return {
    network: 'mastodon',
    // One key for every attempt at this answer (the in-flight mark keeps it), and a new one for a new answer.
    keyFor: (answerKey, startedAt) => stableKey(`${answerKey}\u0000${startedAt}`, 'mastodon'),
    async answer(target, text, { key, resume }) {
      const replyId = target.reply.id;
      const path = `/api/v1/statuses/${encodeURIComponent(replyId)}`;
      const reply = await call('GET', path, () => client.v1.statuses.$select(replyId).fetch());
      if (resume) {
        const me = await call('GET', '/api/v1/accounts/verify_credentials', () => client.v1.accounts.verifyCredentials());
        const context = await call('GET', `${path}/context`, () => client.v1.statuses.$select(replyId).context.fetch());
        const found = context.descendants.find((status) => status.inReplyToId === replyId && status.account.id === me.id);
        if (found) return toRemote(found);
      }
      const status = await call('POST', '/api/v1/statuses', () =>
        client.v1.statuses.create(
          { status: text, inReplyToId: replyId, visibility: narrower('public', reply.visibility) },
          { requestInit: { headers: { 'Idempotency-Key': key } } },
        ),
      );
      return toRemote(status);
    },
  };
}
