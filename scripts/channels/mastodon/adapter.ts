/**
 * Mastodon through `masto`. The token needs `read:statuses read:accounts write:statuses` (or the
 * broader `read write:statuses`): a token that carries scopes must have the one each endpoint asks
 * for, even for public data, or Mastodon answers 403 "This action is outside the authorized scopes".
 * `POST /api/v1/statuses` needs write:statuses; `GET /api/v1/accounts/verify_credentials` needs
 * read:accounts (or profile); `GET /api/v1/statuses/:id`, its `/context` and
 * `GET /api/v1/accounts/:id/statuses` need read:statuses (https://docs.joinmastodon.org/api/oauth-scopes/,
 * and each method's page under https://docs.joinmastodon.org/methods/). A 403 says which is missing.
 *
 * Exactly once: every request carries an `Idempotency-Key` derived from
 * the item, so the server answers a repeated request with the status it already made. Servers keep
 * the key for about an hour, so a post whose first request is older than that is looked for among
 * the account's recent statuses first.
 *
 * Reading back: `GET /api/v1/statuses/:id` for the counts (quotes where the server reports them,
 * Mastodon 4.5 and later), `GET /api/v1/statuses/:id/quotes` for the posts quoting it (4.5 and later;
 * an older server answers 404, and there are then no quotes to read), and
 * `GET /api/v1/statuses/:id/context` for the replies — its descendants,
 * the whole tree under the status, of which only public and unlisted ones are kept (the token could
 * also see followers-only replies and mentions, which are not public). Content is HTML; it is kept as
 * plain text.
 */
import { createRestAPIClient, MastoHttpError, MastoTimeoutError, MastoUnexpectedError, type mastodon } from 'masto';
import type { Reply } from '../../../src/contract/snapshots.ts';
import { RequestError, retryAfterMs } from '../../lib/retry.ts';
import {
  publishUnlessFound,
  requireEnv,
  stableKey,
  type AdapterDeps,
  type MissingCredentials,
  type NetworkAdapter,
  type RemotePost,
} from '../adapter.ts';
import { counts, oldestFirst, toReply } from '../read-back.ts';
import type { MastodonLimits } from './compose.ts';
import { htmlToPlainText } from '../reply-text.ts';

/** Mastodon keeps an Idempotency-Key for about an hour; past this the key is not trusted alone. */
const IDEMPOTENCY_WINDOW_MS = 50 * 60 * 1000;
/** Pages of 40 statuses read back while looking for a copy (2,000 statuses): past that the run says it cannot tell. */
const MAX_STATUS_PAGES = 50;

export interface MastodonConfig {
  url: string;
  token: string;
}

export function mastodonConfig(env: Record<string, string | undefined>): MastodonConfig | MissingCredentials {
  const found = requireEnv(env, ['MASTODON_URL', 'MASTODON_TOKEN']);
  if ('missing' in found) return found;
  return { url: found.MASTODON_URL.replace(/\/$/, ''), token: found.MASTODON_TOKEN };
}

export function translate(error: unknown, method: string, url: string, now: number): unknown {
  if (error instanceof MastoHttpError) {
    // masto keeps the failed Response as the cause; its headers hold Retry-After.
    const headers = error.cause instanceof Response ? error.cause.headers : new Headers();
    return new RequestError({
      method,
      url,
      status: error.statusCode,
      detail: error.message,
      retryAfterMs: retryAfterMs(headers, now),
      cause: error,
    });
  }
  // No answer, or (MastoUnexpectedError) an error answer masto cannot parse, such as a proxy's HTML 502 page.
  if (error instanceof MastoTimeoutError || error instanceof MastoUnexpectedError || error instanceof TypeError) {
    return new RequestError({ method, url, detail: error.message, cause: error });
  }
  return error;
}

/** Pages of quotes read per copy (Mastodon's 20 each); a status quoted more often keeps the rest for a later run. */
const MAX_QUOTE_PAGES = 10;

/** Visibilities anyone can read; private (followers-only) and direct replies are not public. */
const PUBLIC_VISIBILITY: ReadonlySet<string> = new Set(['public', 'unlisted']);

/** `@user@domain` for everyone: a local account's `acct` is only `user`, so its domain comes from its profile URL. */
export function fullHandle(account: Pick<mastodon.v1.Account, 'acct' | 'url'>): string {
  if (account.acct.includes('@')) return `@${account.acct}`;
  try {
    return `@${account.acct}@${new URL(account.url).host}`;
  } catch {
    return `@${account.acct}`;
  }
}

function toMastodonReply(status: mastodon.v1.Status): Reply | undefined {
  const body = htmlToPlainText(status.content);
  // A content warning is part of what was written: kept first, marked as one.
  const text = status.spoilerText ? `CW: ${status.spoilerText}\n\n${body}` : body;
  return toReply({
    id: status.id,
    url: status.url ?? status.uri,
    author: { name: status.account.displayName, handle: fullHandle(status.account), url: status.account.url },
    text,
    publishedAt: [status.createdAt],
  });
}

/** The scopes the hub's token needs, for messages and for `npm run status`. */
export const MASTODON_SCOPES = ['read:statuses', 'read:accounts', 'write:statuses'] as const;

/** Whether granted scopes cover one the hub needs (`read` covers every `read:…`, `write` every `write:…`). */
export function coversMastodonScope(granted: readonly string[], needed: string): boolean {
  return granted.includes(needed) || granted.includes(needed.split(':')[0]!) || (needed === 'read:accounts' && granted.includes('profile'));
}

export function createMastodonAdapter(
  config: MastodonConfig,
  deps: AdapterDeps,
): NetworkAdapter & { composeSettings: () => Promise<MastodonLimits> } {
  const client = createRestAPIClient({ url: config.url, accessToken: config.token, timeout: deps.timeoutMs, log: 'error' });
  const call = async <T>(
    method: string,
    path: string,
    scope: (typeof MASTODON_SCOPES)[number] | undefined,
    request: () => Promise<T>,
  ): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      const translated = translate(error, method, `${config.url}${path}`, deps.now());
      if (scope && translated instanceof RequestError && translated.status === 403) {
        throw new RequestError({
          method,
          url: `${config.url}${path}`,
          status: 403,
          retryable: false,
          cause: error,
          detail: `the token lacks ${scope}: make a token with ${MASTODON_SCOPES.join(' ')} (Preferences → Development) and set MASTODON_TOKEN`,
        });
      }
      throw translated;
    }
  };
  // A status deleted (or never there) answers 404: it does not exist, which is an answer, not a failure.
  const gone = (error: unknown): undefined => {
    if (error instanceof RequestError && error.status === 404) return undefined;
    throw error;
  };
  const toRemote = (status: mastodon.v1.Status): RemotePost => ({ remoteId: status.id, url: status.url ?? status.uri });

  /**
   * The account's status linking to the item, posted since `since`: the statuses page back (40 at a
   * time, max_id) until one is older than that, however many came after the copy.
   */
  const findSince = async (itemUrl: string, since: string): Promise<RemotePost | undefined> => {
    const account = await call('GET', '/api/v1/accounts/verify_credentials', 'read:accounts', () => client.v1.accounts.verifyCredentials());
    // A minute's slack: the server's clock and ours.
    const oldest = Date.parse(since) - 60_000;
    let maxId: string | undefined;
    for (let page = 0; page < MAX_STATUS_PAGES; page += 1) {
      const statuses = await call('GET', `/api/v1/accounts/${account.id}/statuses`, 'read:statuses', async () =>
        client.v1.accounts.$select(account.id).statuses.list({ limit: 40, ...(maxId ? { maxId } : {}) }),
      );
      // Status content is HTML; the link is in an href.
      const found = statuses.find((status) => status.content.includes(`href="${itemUrl}"`) || status.content.includes(itemUrl));
      if (found) return toRemote(found);
      const last = statuses.at(-1);
      if (!last || Date.parse(last.createdAt) < oldest) return undefined;
      maxId = last.id;
    }
    throw new RequestError({
      method: 'GET',
      url: `${config.url}/api/v1/accounts/${account.id}/statuses`,
      retryable: false,
      detail: `looked through ${MAX_STATUS_PAGES * 40} statuses without reaching ${since}: could not tell whether it was posted`,
    });
  };

  /**
   * The public posts quoting a status (`GET /api/v1/statuses/:id/quotes`, Mastodon 4.5 and later, 20
   * a page, the next named in the Link header), or undefined from a server without the endpoint (404): not an error.
   */
  const readQuotes = async (id: string): Promise<{ statuses: mastodon.v1.Status[]; complete: boolean } | undefined> => {
    const path = `/api/v1/statuses/${encodeURIComponent(id)}/quotes`;
    return call('GET', path, 'read:statuses', async () => {
      const statuses: mastodon.v1.Status[] = [];
      let pages = 0;
      for await (const page of client.v1.statuses.$select(id).quotes.list()) {
        statuses.push(...page.filter((status) => PUBLIC_VISIBILITY.has(status.visibility)));
        pages += 1;
        if (pages === MAX_QUOTE_PAGES) return { statuses, complete: false };
      }
      return { statuses, complete: true };
    }).catch(gone);
  };

  return {
    network: 'mastodon',
    keyFor: (item) => stableKey(item.key, 'mastodon'),
    async composeSettings() {
      const instance = await call('GET', '/api/v2/instance', undefined, () => client.v2.instance.fetch());
      const statuses = instance.configuration.statuses;
      return { maxCharacters: statuses.maxCharacters, charactersReservedPerUrl: statuses.charactersReservedPerUrl };
    },
    publish(post, options) {
      const { key, resume, startedAt, unrecorded } = options;
      const lookDue = unrecorded || (resume && deps.now() - Date.parse(startedAt) > IDEMPOTENCY_WINDOW_MS);
      return publishUnlessFound(options, lookDue ? () => findSince(post.link.url, startedAt) : undefined, async () => {
        const status = await call('POST', '/api/v1/statuses', 'write:statuses', () =>
          client.v1.statuses.create({ status: post.text, visibility: 'public' }, { requestInit: { headers: { 'Idempotency-Key': key } } }),
        );
        return toRemote(status);
      });
    },
    async readBack(remote) {
      const path = `/api/v1/statuses/${encodeURIComponent(remote.remoteId)}`;
      const status = await call('GET', path, 'read:statuses', () => client.v1.statuses.$select(remote.remoteId).fetch()).catch(gone);
      if (!status) return { ...remote, exists: false, metrics: {} };
      const context = await call('GET', `${path}/context`, 'read:statuses', () =>
        client.v1.statuses.$select(remote.remoteId).context.fetch(),
      ).catch(gone);
      if (!context) return { ...remote, exists: false, metrics: {} };
      const quotes = await readQuotes(remote.remoteId);
      return {
        ...toRemote(status),
        exists: true,
        // quotes_count arrived with Mastodon 4.5; an older server leaves it out (masto's type says otherwise).
        metrics: counts({
          likes: status.favouritesCount,
          reposts: status.reblogsCount,
          replies: status.repliesCount,
          quotes: status.quotesCount,
        }),
        replies: oldestFirst(context.descendants.filter((reply) => PUBLIC_VISIBILITY.has(reply.visibility)).map(toMastodonReply)),
        // The context of an authenticated request holds the whole tree (Mastodon caps it at 4096 descendants).
        repliesComplete: true,
        ...(quotes ? { quotes: oldestFirst(quotes.statuses.map(toMastodonReply)), quotesComplete: quotes.complete } : {}),
      };
    },
  };
}
