/**
 * Answering a reply on Threads: a text container with `reply_to_id`, then `threads_publish`
 * (https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/create-replies). Threads
 * has no idempotency key, so on a rerun the replies under the reply (`GET /{media-id}/replies`) are
 * looked through for the account's own before posting again.
 */
import { RequestError } from '../../lib/retry.ts';
import { stableKey, type AdapterDeps, type RemotePost } from '../adapter.ts';
import type { Answerer } from '../answer.ts';
import { idOf, threadsRequester, type ThreadsConfig } from './adapter.ts';

interface ThreadsReply {
  id: string;
  username?: string;
  permalink?: string;
}

export function createThreadsAnswerer(config: ThreadsConfig, deps: AdapterDeps): Answerer {
  const send = threadsRequester(config, deps);
  const published = async (id: string, replyUrl: string): Promise<RemotePost> => {
    const { body } = await send('GET', `/${id}`, { fields: 'id,permalink' }).catch(() => ({ body: {} }));
    // The answer exists whatever the look-up says: without its permalink, the reply's address stands in.
    return { remoteId: id, url: (body as { permalink?: string }).permalink ?? replyUrl };
  };

  return {
    network: 'threads',
    keyFor: (answerKey) => stableKey(answerKey, 'threads'),
    async answer(target, text, { resume }) {
      const replyId = target.reply.id;
      if (resume) {
        const { body: me } = await send('GET', '/me', { fields: 'id,username' });
        const { body } = await send('GET', `/${replyId}/replies`, { fields: 'id,username,permalink', reverse: 'false' });
        const username = (me as { username?: string }).username;
        const mine = ((body as { data?: ThreadsReply[] }).data ?? []).find(
          (reply) => username !== undefined && reply.username === username,
        );
        if (mine) return mine.permalink ? { remoteId: mine.id, url: mine.permalink } : published(mine.id, target.reply.url);
      }
      const created = await send('POST', `/${config.userId}/threads`, { media_type: 'TEXT', text, reply_to_id: replyId });
      const container = idOf(created.body);
      if (!container) throw new Error(`[POST] ${config.apiUrl}/${config.userId}/threads: no container id`);
      const answer = await send('POST', `/${config.userId}/threads_publish`, { creation_id: container });
      const id = idOf(answer.body);
      // Published or not, the rerun looks under the reply before posting again.
      if (!id)
        throw new RequestError({
          method: 'POST',
          url: `${config.apiUrl}/${config.userId}/threads_publish`,
          status: 200,
          detail: 'published without an id',
        });
      return published(id, target.reply.url);
    },
  };
}
