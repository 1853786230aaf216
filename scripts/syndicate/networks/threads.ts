/**
 * Threads with plain fetch (Graph API; no official JS SDK), in two steps: create a media container,
 * then publish it; if publishing answers without an id, the container's status is polled
 * (FINISHED, PUBLISHED, ERROR, EXPIRED). Threads has no idempotency key, so before posting again the
 * adapter looks for the item's URL among the account's recent threads.
 * https://developers.facebook.com/docs/threads/posts
 */
import { RequestError } from '../retry.ts';
import { requireEnv, stableKey, type AdapterDeps, type MissingCredentials, type NetworkAdapter, type RemotePost } from './adapter.ts';
import { requestJson } from './http.ts';

export interface ThreadsConfig {
  apiUrl: string;
  token: string;
  userId: string;
  /** Waits between container status checks. */
  pollMs?: number;
}

export function threadsConfig(env: Record<string, string | undefined>): ThreadsConfig | MissingCredentials {
  const found = requireEnv(env, ['THREADS_TOKEN', 'THREADS_USER_ID']);
  if ('missing' in found) return found;
  return { apiUrl: (env['THREADS_API_URL'] || 'https://graph.threads.net/v1.0').replace(/\/$/, ''), token: found.THREADS_TOKEN, userId: found.THREADS_USER_ID };
}

interface ThreadsMedia {
  id: string;
  text?: string;
  permalink?: string;
  link_attachment_url?: string;
}

export function createThreadsAdapter(config: ThreadsConfig, deps: AdapterDeps): NetworkAdapter {
  const send = (method: string, path: string, params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params);
    return requestJson(deps.fetch, {
      method, url: `${config.apiUrl}${path}${method === 'GET' && query.size > 0 ? `?${query}` : ''}`, timeoutMs: deps.timeoutMs, now: deps.now,
      // The token goes in a header, never in a URL that could end up in a message.
      headers: { Authorization: `Bearer ${config.token}`, ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
      ...(method === 'POST' ? { body: query.toString() } : {}),
    });
  };
  const idOf = (body: unknown): string | undefined => {
    const id = (body as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  };
  const permalink = async (id: string): Promise<RemotePost> => {
    const { body } = await send('GET', `/${id}`, { fields: 'id,permalink' });
    const url = (body as ThreadsMedia).permalink;
    if (!url) throw new Error(`[GET] ${config.apiUrl}/${id}: no permalink`);
    return { remoteId: id, url };
  };

  const findRecent = async (itemUrl: string): Promise<RemotePost | undefined> => {
    const { body } = await send('GET', `/${config.userId}/threads`, { fields: 'id,text,permalink,link_attachment_url', limit: '50' });
    const found = ((body as { data?: ThreadsMedia[] }).data ?? []).find((media) => media.link_attachment_url === itemUrl || (media.text ?? '').includes(itemUrl));
    if (!found) return undefined;
    return found.permalink ? { remoteId: found.id, url: found.permalink } : permalink(found.id);
  };

  const waitForContainer = async (container: string): Promise<string> => {
    for (let check = 0; check < 10; check += 1) {
      const { body } = await send('GET', `/${container}`, { fields: 'status,error_message' });
      const { status, error_message: reason } = body as { status?: string; error_message?: string };
      if (status === 'FINISHED' || status === 'PUBLISHED') return status;
      if (status === 'ERROR' || status === 'EXPIRED') {
        throw new RequestError({ method: 'GET', url: `${config.apiUrl}/${container}`, status: 200, detail: `container ${status}${reason ? `: ${reason}` : ''}`, retryable: false });
      }
      await new Promise((resolve) => setTimeout(resolve, config.pollMs ?? 1000));
    }
    throw new RequestError({ method: 'GET', url: `${config.apiUrl}/${container}`, detail: 'the container was still in progress' });
  };

  return {
    network: 'threads',
    keyFor: (item) => stableKey(item.key, 'threads'),
    async publish(post, { resume }) {
      if (resume) {
        const existing = await findRecent(post.link.url);
        if (existing) return existing;
      }
      const created = await send('POST', `/${config.userId}/threads`, { media_type: 'TEXT', text: post.text, link_attachment: post.link.url });
      const container = idOf(created.body);
      if (!container) throw new Error(`[POST] ${config.apiUrl}/${config.userId}/threads: no container id`);
      const published = await send('POST', `/${config.userId}/threads_publish`, { creation_id: container });
      let id = idOf(published.body);
      if (!id) {
        const status = await waitForContainer(container);
        if (status === 'PUBLISHED') {
          const found = await findRecent(post.link.url);
          if (found) return found;
        }
        id = idOf((await send('POST', `/${config.userId}/threads_publish`, { creation_id: container })).body);
        if (!id) throw new RequestError({ method: 'POST', url: `${config.apiUrl}/${config.userId}/threads_publish`, status: 200, detail: 'published without an id' });
      }
      return permalink(id);
    },
    async readBack(remote) {
      try {
        await send('GET', `/${remote.remoteId}`, { fields: 'id,permalink' });
        return { ...remote, exists: true, metrics: {} };
      } catch (error) {
        if (error instanceof RequestError && (error.status === 404 || error.status === 400)) return { ...remote, exists: false, metrics: {} };
        throw error;
      }
    },
  };
}
