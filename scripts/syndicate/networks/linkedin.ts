/**
 * LinkedIn with plain fetch (there is no official JS SDK): `POST /rest/posts` with an article share
 * whose thumbnail is uploaded first (`/rest/images?action=initializeUpload`, then a PUT of the bytes).
 * LinkedIn has no idempotency key, so before posting again the adapter looks for the item's URL as
 * the article source of the author's recent posts (`GET /rest/posts?q=author`).
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api
 *
 * Reading back: the post itself (`GET /rest/posts/{urn}`) says whether it exists; its social actions
 * (`GET /rest/socialActions/{urn}`: likes and comments) and comments (`…/comments`, and the comments
 * on each comment) need the restricted r_member_social scope (r_organization_social for a page).
 * Without it LinkedIn answers 403 and the copy is read as existing, with no counts and no replies.
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/network-update-social-actions
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/comments-api
 *
 * A comment names its author only by URN (`urn:li:person:…`); turning that into a name needs a
 * profile lookup that LinkedIn grants for the signed-in member only, so every commenter is
 * "LinkedIn member" with no handle. A reply's URL is the post's with `?commentUrn=`, the form of
 * LinkedIn's own "copy link to comment".
 */
import type { Reply } from '../../../src/lib/evidence.ts';
import { requireEnv, stableKey, type AdapterDeps, type MissingCredentials, type NetworkAdapter, type RemotePost } from './adapter.ts';
import { requestJson } from './http.ts';
import { counts, oldestFirst, toReply } from './read-back.ts';

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

/** Comments asked for per page. */
const COMMENTS_PAGE = 100;
/** At most this many comment requests per copy (pages and nested comments); more and the replies are incomplete. */
const MAX_COMMENT_REQUESTS = 30;
/** What a commenter is called: LinkedIn does not give other members' names to this API. */
export const LINKEDIN_MEMBER = 'LinkedIn member';

interface SocialActions {
  likesSummary?: { totalLikes?: number };
  commentsSummary?: { totalFirstLevelComments?: number; aggregatedTotalComments?: number };
}

interface LinkedInComment {
  id?: string;
  commentUrn?: string;
  $URN?: string;
  actor?: string;
  message?: { text?: string };
  created?: { time?: number };
  commentsSummary?: { totalFirstLevelComments?: number; aggregatedTotalComments?: number };
}

/**
 * A URN as one path segment. Rest.li 2.0 reads `(`, `)`, `,` and `'` as syntax, so they are encoded
 * too (encodeURIComponent leaves parentheses alone, and a comment URN holds some).
 * https://learn.microsoft.com/linkedin/shared/api-guide/concepts/protocol-version
 */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/[()'!*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** LinkedIn's link to one comment: the post's address with `?commentUrn=<urn>`. */
function commentUrl(postUrl: string, commentUrn: string): string {
  try {
    const url = new URL(postUrl);
    url.searchParams.set('commentUrn', commentUrn);
    return url.href;
  } catch {
    return postUrl;
  }
}

/** 403 (the scope is missing) and 404 (LinkedIn has no social actions for the post): nothing to read, and no failure. */
const notAvailable = (status: number): boolean => status === 403 || status === 404;

export function createLinkedInAdapter(config: LinkedInConfig, deps: AdapterDeps): NetworkAdapter {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Authorization: `Bearer ${config.token}`, 'LinkedIn-Version': config.version, 'X-Restli-Protocol-Version': '2.0.0', ...extra,
  });
  const send = (method: string, path: string, options: { body?: unknown; query?: Record<string, string>; accept?: (status: number) => boolean } = {}) => {
    const search = options.query ? `?${new URLSearchParams(options.query)}` : '';
    return requestJson(deps.fetch, {
      method, url: `${config.apiUrl}${path}${search}`, timeoutMs: deps.timeoutMs, now: deps.now,
      headers: headers(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
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

  /** Every comment under the post, nested ones too (each comment's comments are a further request). */
  const readComments = async (remote: RemotePost, expected: number | undefined): Promise<{ replies: Reply[]; complete: boolean } | undefined> => {
    const replies: Array<Reply | undefined> = [];
    const pending: Array<{ urn: string; start: number }> = [{ urn: remote.remoteId, start: 0 }];
    let requests = 0;
    let refused = false;
    while (pending.length > 0 && requests < MAX_COMMENT_REQUESTS) {
      const { urn, start } = pending.shift()!;
      requests += 1;
      const { status, body } = await send('GET', `/rest/socialActions/${encodeUrn(urn)}/comments`, {
        query: { start: String(start), count: String(COMMENTS_PAGE) }, accept: notAvailable,
      });
      if (notAvailable(status)) {
        // Refused for the post itself: no replies at all. For one comment: that branch only (gone, or unread).
        if (urn === remote.remoteId && start === 0) return undefined;
        refused ||= status === 403;
        continue;
      }
      const page = (body ?? {}) as { elements?: LinkedInComment[]; paging?: { total?: number } };
      const elements = page.elements ?? [];
      for (const comment of elements) {
        const commentUrn = comment.commentUrn ?? comment.$URN;
        if (!commentUrn) continue;
        replies.push(toReply({
          id: commentUrn, url: commentUrl(remote.url, commentUrn), author: { name: LINKEDIN_MEMBER, handle: '' },
          text: comment.message?.text ?? '', publishedAt: [comment.created?.time],
        }));
        if ((comment.commentsSummary?.totalFirstLevelComments ?? 0) > 0) pending.push({ urn: commentUrn, start: 0 });
      }
      const total = page.paging?.total;
      if (elements.length === COMMENTS_PAGE && (total === undefined || start + COMMENTS_PAGE < total)) pending.push({ urn, start: start + COMMENTS_PAGE });
    }
    const found = oldestFirst(replies);
    // Fewer than LinkedIn counts (a comment without its commentsSummary hides its replies from us): not the whole list.
    return { replies: found, complete: pending.length === 0 && !refused && (expected === undefined || found.length >= expected) };
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
      const urn = encodeUrn(remote.remoteId);
      const post = await send('GET', `/rest/posts/${urn}`, { accept: (status) => status === 404 });
      if (post.status === 404) return { ...remote, exists: false, metrics: {} };
      const social = await send('GET', `/rest/socialActions/${urn}`, { accept: notAvailable });
      if (notAvailable(social.status)) return { ...remote, exists: true, metrics: {} };
      const summary = (social.body ?? {}) as SocialActions;
      // LinkedIn reports no reposts or quotes here. Aggregated comments include comments on comments, as the replies do.
      const metrics = counts({
        likes: summary.likesSummary?.totalLikes, reposts: undefined,
        replies: summary.commentsSummary?.aggregatedTotalComments ?? summary.commentsSummary?.totalFirstLevelComments, quotes: undefined,
      });
      const thread = await readComments(remote, metrics.replies);
      return { ...remote, exists: true, metrics, ...(thread ? { replies: thread.replies, repliesComplete: thread.complete } : {}) };
    },
  };
}
