/**
 * LinkedIn with plain fetch (there is no official JS SDK): `POST /rest/posts` with an article share
 * whose thumbnail is uploaded first (`/rest/images?action=initializeUpload`, then a PUT of the bytes).
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api
 *
 * Scopes. A person can get `w_member_social` (the "Share on LinkedIn" product): it creates posts and
 * images. Everything that reads — listing the author's posts, reading a post, its reactions and its
 * comments — needs `r_member_social`, which LinkedIn grants "to select developers only"
 * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/social-metadata-api,
 * Permissions). Without it those requests answer 403, and the adapter does without:
 *
 * - Exactly once. LinkedIn has no idempotency key. A publish that returned its id (the `x-restli-id`
 *   header of the 201) is recorded at once; one that LinkedIn refused (4xx) posted nothing, and the
 *   run clears its in-flight mark (run.ts), as it does when only the image upload failed. Only a post
 *   request whose answer was lost leaves a mark that needs a look: with `r_member_social` the adapter
 *   looks for the item's URL among the author's recent posts (`GET /rest/posts?q=author`); without
 *   it, it cannot look, and posting again could make a second copy, so it throws `NeedsConfirmation`:
 *   the run holds the item and the person, having looked at their activity, says which it was with
 *   `--resolve linkedin:<item>=<the post's address>` or `=not-posted` (`remoteFromUrl` reads the
 *   address).
 * - Reading back. Reactions of every kind come from the Social Metadata API
 *   (`GET /rest/socialMetadata/{urn}`), which replaced `socialActions` likes; comments from the
 *   Comments API (`GET /rest/socialActions/{urn}/comments`, and the comments on each comment). A 403
 *   is read as "exists, not readable with this token" and reported, never a failed run.
 *   https://learn.microsoft.com/linkedin/marketing/community-management/shares/comments-api
 *
 * The version header is derived from the date or set with LINKEDIN_VERSION (linkedin-versions.ts);
 * a retired one (426 NONEXISTENT_VERSION) fails with one line naming the variable and a version to set.
 *
 * A comment names its author only by URN (`urn:li:person:…`); turning that into a name needs a
 * profile lookup that LinkedIn grants for the signed-in member only, so every commenter is
 * "LinkedIn member" with no handle. A reply's URL is the post's with `?commentUrn=`, the form of
 * LinkedIn's own "copy link to comment".
 */
import type { Reply } from '../../../src/contract/snapshots.ts';
import { beforePosting, RequestError } from '../../lib/retry.ts';
import {
  lookBeforePosting,
  NeedsConfirmation,
  requireEnv,
  stableKey,
  type AdapterDeps,
  type MissingCredentials,
  type NetworkAdapter,
  type RemotePost,
} from '../adapter.ts';
import { requestJson } from '../http.ts';
import { derivedLinkedInVersion, isLinkedInVersion, suggestedLinkedInVersion } from './versions.ts';
import { counts, oldestFirst, toReply } from '../read-back.ts';

export interface LinkedInConfig {
  apiUrl: string;
  token: string;
  /** `urn:li:person:{id}` (or an organisation URN). */
  author: string;
  /** LINKEDIN_VERSION; unset, the adapter derives one from the date. */
  version?: string | undefined;
}

export function linkedinConfig(env: Record<string, string | undefined>): LinkedInConfig | MissingCredentials {
  const found = requireEnv(env, ['LINKEDIN_TOKEN', 'LINKEDIN_AUTHOR']);
  if ('missing' in found) return found;
  const version = env['LINKEDIN_VERSION'] || undefined;
  if (version !== undefined && !isLinkedInVersion(version)) {
    throw new Error(`LINKEDIN_VERSION: expected a version like 202609 (year and month, YYYYMM), got ${JSON.stringify(version)}`);
  }
  return {
    apiUrl: (env['LINKEDIN_API_URL'] || 'https://api.linkedin.com').replace(/\/$/, ''),
    token: found.LINKEDIN_TOKEN,
    author: found.LINKEDIN_AUTHOR,
    version,
  };
}

/** Said wherever a read needs the scope LinkedIn keeps for approved partners. */
export const NEEDS_READ_SCOPE = 'needs r_member_social (LinkedIn grants it to approved partners only)';

/** Where the person sees whether a held post went out. */
export const LINKEDIN_LOOK_AT = 'your LinkedIn activity';

/** A post's public address: what the adapter records, and the form `--resolve` records too. */
export const linkedinPostUrl = (urn: string): string => `https://www.linkedin.com/feed/update/${urn}/`;

const LINKEDIN_HOSTS: ReadonlySet<string> = new Set(['www.linkedin.com', 'linkedin.com']);
/** `/feed/update/<urn>/` (the post's own page) or `/embed/feed/update/<urn>` ("Embed this post"). */
const FEED_UPDATE = /^\/(?:embed\/)?feed\/update\/urn:li:(share|ugcPost|activity):(\d+)\/?$/;
/** `/posts/<name>_<words>-ugcPost-<id>-<code>` ("Copy link to post"). */
const POSTS_LINK = /^\/posts\/[^/]*[-_](share|ugcPost|activity)-(\d+)(?:-[^/]*)?\/?$/;
const ADDRESS_EXAMPLE = 'https://www.linkedin.com/feed/update/urn:li:share:7…/';

/**
 * The post an address names, for `--resolve`. LinkedIn's API knows a member's post by its share or
 * ugcPost URN, which is in the address of the post's page, of "Embed this post", and of most "Copy
 * link to post" links. An activity URN (the address of a post clicked in the activity list, or a
 * copied link ending `activity-<id>-…`) is another number for the same post, from which the post's
 * URN cannot be worked out without r_member_social, so it is refused with where to find the right one.
 */
export function linkedinRemoteFromUrl(address: string): RemotePost {
  const expected = `expected the post’s https address on www.linkedin.com, such as ${ADDRESS_EXAMPLE}`;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new Error(`${expected}; got ${JSON.stringify(address)}`);
  }
  if (url.protocol !== 'https:' || !LINKEDIN_HOSTS.has(url.hostname) || url.username || url.password || url.port) {
    throw new Error(`${expected}; got ${JSON.stringify(address)}`);
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new Error(`${expected}; got ${JSON.stringify(address)}`);
  }
  const match = FEED_UPDATE.exec(path) ?? POSTS_LINK.exec(path);
  if (!match) throw new Error(`${expected}; got ${JSON.stringify(address)}`);
  const [, type, id] = match as unknown as [string, string, string];
  if (type === 'activity') {
    throw new Error(
      `${JSON.stringify(address)} names the activity (urn:li:activity:${id}), not the post: on the post, open ··· → Embed this post and give the address in its code (https://www.linkedin.com/embed/feed/update/urn:li:share:…)`,
    );
  }
  const urn = `urn:li:${type}:${id}`;
  return { remoteId: urn, url: linkedinPostUrl(urn) };
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

/**
 * `GET /rest/socialMetadata/{urn}`: a count per reaction type (LIKE, PRAISE, EMPATHY, INTEREST,
 * APPRECIATION, ENTERTAINMENT) and the comment counts.
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/social-metadata-api
 */
interface SocialMetadata {
  reactionSummaries?: Record<string, { reactionType?: string; count?: number } | undefined>;
  commentSummary?: { count?: number; topLevelCount?: number };
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
export function commentUrl(postUrl: string, commentUrn: string): string {
  try {
    const url = new URL(postUrl);
    url.searchParams.set('commentUrn', commentUrn);
    return url.href;
  } catch {
    return postUrl;
  }
}

/** 403 (the scope is missing) and 404 (LinkedIn has no social data for the post): nothing to read, and no failure. */
const notAvailable = (status: number): boolean => status === 403 || status === 404;

/** Every reaction, whatever its type, counts as one "like" in the evidence (the site shows one number). */
function reactionCount(summaries: SocialMetadata['reactionSummaries']): number | undefined {
  if (!summaries) return undefined;
  let total = 0;
  for (const summary of Object.values(summaries)) {
    if (typeof summary?.count === 'number' && Number.isSafeInteger(summary.count) && summary.count >= 0) total += summary.count;
  }
  return total;
}

/** What one request to LinkedIn's REST API takes besides its method and path. */
export interface LinkedInRequest {
  body?: unknown;
  query?: Record<string, string>;
  /** Error statuses the caller handles itself (returned, not thrown). */
  accept?: (status: number) => boolean;
}

/** LinkedIn's versioned REST API for these credentials: the headers every request carries, and a retired version said in one line. */
export function linkedinRequester(config: LinkedInConfig, deps: AdapterDeps) {
  const version = config.version ?? derivedLinkedInVersion(deps.now());
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Authorization: `Bearer ${config.token}`,
    'LinkedIn-Version': version,
    'X-Restli-Protocol-Version': '2.0.0',
    ...extra,
  });
  /** A retired (or never published) version: one line naming the variable and a version to set. */
  const retired = (method: string, url: string, body: unknown): RequestError => {
    const code = (body as { code?: unknown } | undefined)?.code;
    const suggestion = suggestedLinkedInVersion(deps.now(), version);
    return new RequestError({
      method,
      url,
      status: 426,
      retryable: false,
      detail: `LinkedIn does not serve API version ${version}${typeof code === 'string' ? ` (${code})` : ''}: set LINKEDIN_VERSION=${suggestion}, a version LinkedIn keeps for about a year (https://learn.microsoft.com/linkedin/marketing/versioning)`,
    });
  };
  return async (method: string, path: string, options: LinkedInRequest = {}) => {
    const search = options.query ? `?${new URLSearchParams(options.query)}` : '';
    const url = `${config.apiUrl}${path}${search}`;
    const answer = await requestJson(deps.fetch, {
      method,
      url,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      headers: headers(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      accept: (status) => status === 426 || (options.accept?.(status) ?? false),
    });
    if (answer.status === 426) throw retired(method, url, answer.body);
    return answer;
  };
}

export function createLinkedInAdapter(config: LinkedInConfig, deps: AdapterDeps): NetworkAdapter {
  const send = linkedinRequester(config, deps);
  const postUrl = linkedinPostUrl;

  /** The author's copy of the item, undefined when there is none, or `unreadable` without r_member_social. */
  const findRecent = async (itemUrl: string): Promise<RemotePost | undefined | 'unreadable'> => {
    const { status, body } = await send('GET', '/rest/posts', {
      query: { author: config.author, q: 'author', count: '50', sortBy: 'LAST_MODIFIED' },
      accept: (code) => code === 403,
    });
    if (status === 403) return 'unreadable';
    const found = ((body as { elements?: LinkedInPost[] }).elements ?? []).find((post) => post.content?.article?.source === itemUrl);
    return found ? { remoteId: found.id, url: postUrl(found.id) } : undefined;
  };

  const uploadImage = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> => {
    const { body } = await send('POST', '/rest/images', {
      query: { action: 'initializeUpload' },
      body: { initializeUploadRequest: { owner: config.author } },
    });
    const { uploadUrl, image } = (body as { value: { uploadUrl: string; image: string } }).value;
    // The upload URL is signed; it is not shown in messages.
    await requestJson(deps.fetch, {
      method: 'PUT',
      url: uploadUrl,
      label: `${config.apiUrl} image upload`,
      headers: { Authorization: `Bearer ${config.token}` },
      body: bytes,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
    });
    return image;
  };

  /** Every comment under the post, nested ones too (each comment's comments are a further request). */
  const readComments = async (
    remote: RemotePost,
    expected: number | undefined,
  ): Promise<{ replies: Reply[]; complete: boolean } | undefined> => {
    const replies: Array<Reply | undefined> = [];
    const pending: Array<{ urn: string; start: number }> = [{ urn: remote.remoteId, start: 0 }];
    let requests = 0;
    let refused = false;
    while (pending.length > 0 && requests < MAX_COMMENT_REQUESTS) {
      const { urn, start } = pending.shift()!;
      requests += 1;
      const { status, body } = await send('GET', `/rest/socialActions/${encodeUrn(urn)}/comments`, {
        query: { start: String(start), count: String(COMMENTS_PAGE) },
        accept: notAvailable,
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
        replies.push(
          toReply({
            id: commentUrn,
            url: commentUrl(remote.url, commentUrn),
            author: { name: LINKEDIN_MEMBER, handle: '' },
            text: comment.message?.text ?? '',
            publishedAt: [comment.created?.time],
          }),
        );
        if ((comment.commentsSummary?.totalFirstLevelComments ?? 0) > 0) pending.push({ urn: commentUrn, start: 0 });
      }
      const total = page.paging?.total;
      if (elements.length === COMMENTS_PAGE && (total === undefined || start + COMMENTS_PAGE < total))
        pending.push({ urn, start: start + COMMENTS_PAGE });
    }
    const found = oldestFirst(replies);
    // Fewer than LinkedIn counts (a comment without its commentsSummary hides its replies from us): not the whole list.
    return { replies: found, complete: pending.length === 0 && !refused && (expected === undefined || found.length >= expected) };
  };

  return {
    network: 'linkedin',
    keyFor: (item) => stableKey(item.key, 'linkedin'),
    remoteFromUrl: linkedinRemoteFromUrl,
    async publish(post, options) {
      const { resume, unrecorded } = options;
      let note: string | undefined;
      if (resume || unrecorded) {
        const { found, note: refused } = await lookBeforePosting(options, () => findRecent(post.link.url));
        note = refused;
        // Posting now could make a second copy; not posting could lose the item. The person decides.
        if (found === 'unreadable' && resume)
          throw new NeedsConfirmation({ why: 'this token cannot look (listing posts needs r_member_social)', lookAt: LINKEDIN_LOOK_AT });
        // Not in the ledger and no attempt known: posted, saying the check could not be made.
        if (found === 'unreadable')
          note = 'not in the ledger, and this token cannot look for an earlier copy (listing posts needs r_member_social)';
        else if (found) return found;
      }
      // Nothing is posted before the post request: an upload that failed, answered or not, leaves nothing to look for.
      const thumbnail = post.thumbnail
        ? await uploadImage(post.thumbnail.bytes).catch((error: unknown) => Promise.reject(beforePosting(error)))
        : undefined;
      const { headers: answer } = await send('POST', '/rest/posts', {
        body: {
          author: config.author,
          commentary: post.text,
          visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          content: {
            article: {
              source: post.link.url,
              title: post.link.title,
              description: post.link.description,
              ...(thumbnail ? { thumbnail } : {}),
            },
          },
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
        },
      });
      // The new post's URN is in this header (Posts API, "Create a Post": the response has no body).
      const urn = answer.get('x-restli-id');
      if (!urn) throw new Error(`[POST] ${config.apiUrl}/rest/posts: 201 without an x-restli-id header`);
      return { remoteId: urn, url: postUrl(urn), ...(note ? { note } : {}) };
    },
    async readBack(remote) {
      const urn = encodeUrn(remote.remoteId);
      const post = await send('GET', `/rest/posts/${urn}`, { accept: notAvailable });
      if (post.status === 404) return { ...remote, exists: false, metrics: {} };
      // Without r_member_social LinkedIn will not show the post: it was posted, and nothing more is known.
      if (post.status === 403) return { ...remote, exists: true, metrics: {}, note: `counts and replies ${NEEDS_READ_SCOPE}` };
      const social = await send('GET', `/rest/socialMetadata/${urn}`, { accept: notAvailable });
      if (social.status === 403) return { ...remote, exists: true, metrics: {}, note: `counts and replies ${NEEDS_READ_SCOPE}` };
      const summary = (social.status === 404 ? {} : (social.body ?? {})) as SocialMetadata;
      // LinkedIn reports no reposts or quotes here. The comment count includes comments on comments, as the replies do.
      const metrics = counts({
        likes: reactionCount(summary.reactionSummaries),
        reposts: undefined,
        replies: summary.commentSummary?.count,
        quotes: undefined,
      });
      const thread = await readComments(remote, metrics.replies);
      return { ...remote, exists: true, metrics, ...(thread ? { replies: thread.replies, repliesComplete: thread.complete } : {}) };
    },
  };
}
