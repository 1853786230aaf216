/**
 * Answering a reply on X: `POST /2/tweets` with `reply.in_reply_to_tweet_id`
 * (https://docs.x.com/x-api/posts/create-post). X has no idempotency key, so on a rerun the account's
 * posts since the first attempt (`GET /2/users/:id/tweets`, `referenced_tweets`) are looked through
 * for one that replies to this reply before posting again.
 */
import { RequestError } from '../../lib/retry.ts';
import { stableKey, type AdapterDeps, type RemotePost } from '../adapter.ts';
import type { Answerer } from '../answer.ts';
import { xPostUrl, xRequester, type XConfig } from './adapter.ts';

/** The user timeline's reach: "up to 3,200 of the most recent Posts", 100 a page. */
const MAX_TIMELINE_PAGES = 32;

interface TimelinePage {
  data?: Array<{ id: string; created_at?: string; referenced_tweets?: Array<{ type: string; id: string }> }>;
  meta?: { next_token?: string };
}

export function createXAnswerer(config: XConfig, deps: AdapterDeps): Answerer {
  const { prefix, request } = xRequester(config, deps);

  /** The account's post replying to `replyId`, posted since `since`. */
  const findAnswer = async (replyId: string, since: string): Promise<RemotePost | undefined> => {
    const { data: me } = await request<{ data: { id: string } }>('GET', 'users/me');
    // A minute's slack: X's clock and ours.
    const startTime = new Date(Date.parse(since) - 60_000).toISOString();
    let next: string | undefined;
    for (let page = 0; page < MAX_TIMELINE_PAGES; page += 1) {
      const timeline = await request<TimelinePage>('GET', `users/${me.id}/tweets`, {
        max_results: 100,
        'tweet.fields': 'referenced_tweets,created_at',
        start_time: startTime,
        ...(next ? { pagination_token: next } : {}),
      });
      const found = (timeline.data ?? []).find((tweet) =>
        (tweet.referenced_tweets ?? []).some((referenced) => referenced.type === 'replied_to' && referenced.id === replyId),
      );
      if (found) return { remoteId: found.id, url: xPostUrl(found.id) };
      next = timeline.meta?.next_token;
      if (!next) return undefined;
    }
    throw new RequestError({
      method: 'GET',
      url: `${prefix}users/${me.id}/tweets`,
      retryable: false,
      detail: `looked through ${MAX_TIMELINE_PAGES * 100} posts without reaching ${since}: could not tell whether the answer was posted`,
    });
  };

  return {
    network: 'x',
    keyFor: (answerKey) => stableKey(answerKey, 'x'),
    async answer(target, text, { resume, startedAt }) {
      if (resume) {
        const found = await findAnswer(target.reply.id, startedAt);
        if (found) return found;
      }
      const { data } = await request<{ data: { id: string } }>('POST', 'tweets', {
        text,
        reply: { in_reply_to_tweet_id: target.reply.id },
      });
      return { remoteId: data.id, url: xPostUrl(data.id) };
    },
  };
}
