/**
 * LinkedIn with plain fetch (there is no official JS SDK): `POST /rest/posts` with an article share
 * whose thumbnail is uploaded first (`/rest/images?action=initializeUpload`, then a PUT of the bytes).
 * LinkedIn has no idempotency key, so before posting again the adapter looks for the item's URL as
 * the article source of the author's recent posts (`GET /rest/posts?q=author`).
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api
 */
import { requireEnv, stableKey, type AdapterDeps, type MissingCredentials, type NetworkAdapter, type RemotePost } from './adapter.ts';
import { requestJson } from './http.ts';

/** The API version LinkedIn's versioned REST endpoints require (YYYYMM); override with LINKEDIN_VERSION. */
export const LINKEDIN_DEFAULT_VERSION = '202511';

export interface LinkedInConfig {
  apiUrl: string;
  token: string;
  /** `urn:li:person:{id}` (or an organisation URN). */
  author: string;
  version: string;
}

export function linkedinConfig(env: Record<string, string | undefined>): LinkedInConfig | MissingCredentials {
  const found = requireEnv(env, ['LINKEDIN_TOKEN', 'LINKEDIN_AUTHOR']);
  if ('missing' in found) return found;
  return {
    apiUrl: (env['LINKEDIN_API_URL'] || 'https://api.linkedin.com').replace(/\/$/, ''), token: found.LINKEDIN_TOKEN,
    author: found.LINKEDIN_AUTHOR, version: env['LINKEDIN_VERSION'] || LINKEDIN_DEFAULT_VERSION,
  };
}

interface LinkedInPost {
  id: string;
  content?: { article?: { source?: string } };
}

export function createLinkedInAdapter(config: LinkedInConfig, deps: AdapterDeps): NetworkAdapter {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Authorization: `Bearer ${config.token}`, 'LinkedIn-Version': config.version, 'X-Restli-Protocol-Version': '2.0.0', ...extra,
  });
  const send = (method: string, path: string, options: { body?: unknown; query?: Record<string, string> } = {}) => {
    const search = options.query ? `?${new URLSearchParams(options.query)}` : '';
    return requestJson(deps.fetch, {
      method, url: `${config.apiUrl}${path}${search}`, timeoutMs: deps.timeoutMs, now: deps.now,
      headers: headers(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  };
  const postUrl = (urn: string): string => `https://www.linkedin.com/feed/update/${urn}/`;

  const findRecent = async (itemUrl: string): Promise<RemotePost | undefined> => {
    const { body } = await send('GET', '/rest/posts', { query: { author: config.author, q: 'author', count: '50', sortBy: 'LAST_MODIFIED' } });
    const found = ((body as { elements?: LinkedInPost[] }).elements ?? []).find((post) => post.content?.article?.source === itemUrl);
    return found ? { remoteId: found.id, url: postUrl(found.id) } : undefined;
  };

  const uploadImage = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> => {
    const { body } = await send('POST', '/rest/images', { query: { action: 'initializeUpload' }, body: { initializeUploadRequest: { owner: config.author } } });
    const { uploadUrl, image } = (body as { value: { uploadUrl: string; image: string } }).value;
    // The upload URL is signed; it is not shown in messages.
    await requestJson(deps.fetch, { method: 'PUT', url: uploadUrl, label: `${config.apiUrl} image upload`, headers: { Authorization: `Bearer ${config.token}` }, body: bytes, timeoutMs: deps.timeoutMs, now: deps.now });
    return image;
  };

  return {
    network: 'linkedin',
    keyFor: (item) => stableKey(item.key, 'linkedin'),
    async publish(post, { resume }) {
      if (resume) {
        const existing = await findRecent(post.link.url);
        if (existing) return existing;
      }
      const thumbnail = post.thumbnail ? await uploadImage(post.thumbnail.bytes) : undefined;
      const { headers: answer } = await send('POST', '/rest/posts', {
        body: {
          author: config.author, commentary: post.text, visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          content: { article: { source: post.link.url, title: post.link.title, description: post.link.description, ...(thumbnail ? { thumbnail } : {}) } },
          lifecycleState: 'PUBLISHED', isReshareDisabledByAuthor: false,
        },
      });
      const urn = answer.get('x-restli-id');
      if (!urn) throw new Error(`[POST] ${config.apiUrl}/rest/posts: 201 without an x-restli-id header`);
      return { remoteId: urn, url: postUrl(urn) };
    },
    async readBack(remote) {
      try {
        await send('GET', `/rest/posts/${encodeURIComponent(remote.remoteId)}`);
        return { ...remote, exists: true, metrics: {} };
      } catch (error) {
        if ((error as { status?: number }).status === 404) return { ...remote, exists: false, metrics: {} };
        throw error;
      }
    },
  };
}
