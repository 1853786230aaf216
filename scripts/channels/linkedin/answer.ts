/**
 * Answering a comment on LinkedIn: a comment on the comment, `POST /rest/socialActions/{comment URN}/comments`
 * with the post as `object` and the comment as `parentComment` (Comments API, "Create a Comment" —
 * nested comments name their parent; w_member_social).
 * https://learn.microsoft.com/linkedin/marketing/community-management/shares/comments-api
 *
 * LinkedIn has no idempotency key. On a rerun, the comments under the comment are looked through for
 * one by the person (`actor`), which needs r_member_social; without it the hub cannot look, and
 * posting again could make a second answer, so it throws `NeedsConfirmation` and the person says
 * which it was (as syndication holds a post: confirmedByHand).
 */
import { RequestError } from '../../lib/retry.ts';
import { NeedsConfirmation, stableKey, type AdapterDeps } from '../adapter.ts';
import type { Answerer } from '../answer.ts';
import { commentUrl, encodeUrn, LINKEDIN_LOOK_AT, linkedinRequester, type LinkedInConfig } from './adapter.ts';

/** "Comments can have at most 1,250 characters": LinkedIn's limit for a comment, not a post's 3,000. */
export const LINKEDIN_COMMENT_MAX_CHARACTERS = 1250;

interface CommentElement {
  actor?: string;
  commentUrn?: string;
  $URN?: string;
  created?: { time?: number };
}

export function createLinkedInAnswerer(config: LinkedInConfig, deps: AdapterDeps): Answerer {
  const send = linkedinRequester(config, deps);
  return {
    network: 'linkedin',
    keyFor: (answerKey) => stableKey(answerKey, 'linkedin'),
    async answer(target, text, { resume, startedAt }) {
      const parent = target.reply.id;
      const path = `/rest/socialActions/${encodeUrn(parent)}/comments`;
      if (resume) {
        const { status, body } = await send('GET', path, { query: { start: '0', count: '100' }, accept: (code) => code === 403 });
        if (status === 403)
          throw new NeedsConfirmation({ why: 'this token cannot look (reading comments needs r_member_social)', lookAt: LINKEDIN_LOOK_AT });
        const since = Date.parse(startedAt) - 60_000;
        const mine = ((body as { elements?: CommentElement[] } | undefined)?.elements ?? []).find(
          (comment) => comment.actor === config.author && (comment.created?.time ?? Infinity) >= since,
        );
        const urn = mine?.commentUrn ?? mine?.$URN;
        if (urn) return { remoteId: urn, url: commentUrl(target.copy.url, urn) };
      }
      const { headers, body } = await send('POST', path, {
        body: { actor: config.author, object: target.copy.remoteId, parentComment: parent, message: { text } },
      });
      const created = body as CommentElement | undefined;
      const urn = created?.commentUrn ?? created?.$URN ?? headers.get('x-restli-id') ?? undefined;
      if (!urn)
        throw new RequestError({
          method: 'POST',
          url: `${config.apiUrl}${path}`,
          status: 201,
          retryable: false,
          detail: 'no comment URN in the answer',
        });
      return { remoteId: urn, url: commentUrl(target.copy.url, urn) };
    },
  };
}
