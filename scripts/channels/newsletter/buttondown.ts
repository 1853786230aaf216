/**
 * Buttondown, the default newsletter provider. The contract followed here, from Buttondown's API
 * reference (read 2026-12-01; the real service was never called while writing this):
 *
 * - Base URL https://api.buttondown.com/v1/, every request with `Authorization: Token <key>`
 *   (https://docs.buttondown.com/api-authentication).
 * - Pinned to API version 2026-04-01 (`X-API-Version`): POST /v1/emails makes a draft unless the body
 *   says `status: "about_to_send"`, and a key's first send must carry `X-Buttondown-Live-Dangerously:
 *   true` or is refused with 400 `sending_requires_confirmation`
 *   (https://buttondown.com/blog/2026-03-07-safer-email-api-defaults). Since 2025-06-01, GET
 *   /v1/emails lists every email whatever its status (https://docs.buttondown.com/api-changelog-2025-06-01).
 * - An email has `id`, `subject`, `body` (HTML or Markdown; a leading `<!-- buttondown-editor-mode: … -->`
 *   comment says which), `status` (draft, about_to_send, scheduled, in_flight, sent, throttled,
 *   resending, paused, errored, deleted, imported…: https://docs.buttondown.com/api-emails-status),
 *   `metadata` (a free key-value blob: the hub's marker goes there), `canonical_url`, `description`,
 *   `absolute_url` (its archive page; `external_url` before that) and `analytics` (recipients,
 *   deliveries, opens, clicks…: https://docs.buttondown.com/api-emails-introduction,
 *   https://docs.buttondown.com/retrieving-analytics-data). Opens and clicks stay 0 unless tracking is on.
 * - Lists are numbered pages, `{ count, next, previous, results }`, `next` the next page's URL or null
 *   (https://docs.buttondown.com/api-pagination). Emails cannot be filtered by metadata (only
 *   subscribers can: https://docs.buttondown.com/api-filtering), so the marker is matched here.
 * - Errors: `{ code, detail }`; a 422 (schema validation) has `detail` as a list of `{ loc, msg }`
 *   (https://docs.buttondown.com/api-error-codes). 401 no or a wrong key, 403 not allowed, 429 over
 *   600 requests a minute, with `Retry-After` in seconds (https://docs.buttondown.com/api-rate-limits).
 * - Bodies are Django templates (https://docs.buttondown.com/using-templating): an essay's own `{{`,
 *   `{%` or `{#` would run as template code, so their brace is written as `&#123;`.
 */
import { RequestError, retryAfterMs } from '../../lib/retry.ts';
import { requestJson } from '../http.ts';
import type { AdapterDeps } from '../adapter.ts';
import { UNSUBSCRIBE_PLACEHOLDER, type EmailReport, type NewsletterProvider, type OutgoingEmail, type ProviderEmail } from './provider.ts';

export const BUTTONDOWN_API = 'https://api.buttondown.com/v1';
/** The API version every request asks for, so a change of the account's default cannot change what a send does. */
export const BUTTONDOWN_API_VERSION = '2026-04-01';
/** The metadata key holding the hub's marker (the piece's ledger key). */
export const MARKER_KEY = 'hub_item';
/** Pages of emails read while looking for one (Buttondown's pages hold tens): past this, the run says it cannot tell. */
const MAX_PAGES = 100;
/** Says the body is HTML to be sent as it is, not Markdown nor the editor's own blocks. */
const EDITOR_MODE = '<!-- buttondown-editor-mode: naked -->';
/** Buttondown's merge tag for the subscriber's own unsubscribe link. */
const UNSUBSCRIBE_TAG = '{{ unsubscribe_url }}';

export interface ButtondownConfig {
  apiKey: string;
  /** Default `BUTTONDOWN_API`; a test server's address in tests. */
  baseUrl: string;
}

interface ButtondownEmail {
  id: string;
  status: string;
  metadata?: Record<string, unknown> | null;
  canonical_url?: string | null;
  absolute_url?: string | null;
  external_url?: string | null;
  analytics?: Record<string, unknown> | null;
}

interface Page {
  results: ButtondownEmail[];
  next: string | null;
}

/** The template-language openers in a body, defused: `{{` shows as `{{` but is no longer a tag. */
export function withoutTemplateTags(html: string): string {
  return html.replace(/\{(?=[{%#])/g, '&#123;');
}

/** Buttondown's error body as one line: `subject_invalid: The subject provided is invalid`. */
export function describeButtondownError(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.slice(0, 300);
  if (typeof body !== 'object' || body === null) return undefined;
  const { code, detail } = body as { code?: unknown; detail?: unknown };
  const said = Array.isArray(detail)
    ? detail
        .map((entry: { loc?: unknown; msg?: unknown }) => {
          const where = Array.isArray(entry?.loc) ? entry.loc.join('.') : undefined;
          return [where, typeof entry?.msg === 'string' ? entry.msg : undefined].filter(Boolean).join(': ');
        })
        .join('; ')
    : typeof detail === 'string'
      ? detail
      : undefined;
  return [typeof code === 'string' ? code : undefined, said].filter(Boolean).join(': ') || undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function toProviderEmail(email: ButtondownEmail): ProviderEmail {
  return {
    id: email.id,
    url: email.absolute_url || email.external_url || undefined,
    status: email.status,
    draft: email.status === 'draft',
  };
}

export function createButtondown(config: ButtondownConfig, deps: Pick<AdapterDeps, 'fetch' | 'timeoutMs' | 'now'>): NewsletterProvider {
  const base = config.baseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;

  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> => {
    const response = await requestJson(deps.fetch, {
      method,
      url,
      headers: {
        Authorization: `Token ${config.apiKey}`,
        'X-API-Version': BUTTONDOWN_API_VERSION,
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      // Every error answer comes back here, to be told in Buttondown's own words ({ code, detail }).
      accept: (status) => status >= 400,
    });
    if (response.status < 400) return response.body;
    const said = describeButtondownError(response.body);
    const fix = response.status === 401 || response.status === 403 ? 'check BUTTONDOWN_API_KEY (Buttondown → Settings → API)' : undefined;
    throw new RequestError({
      method,
      url,
      status: response.status,
      detail: [said, fix].filter(Boolean).join('; ') || undefined,
      retryAfterMs: retryAfterMs(response.headers, deps.now()),
      body: response.body,
    });
  };

  const find: NewsletterProvider['find'] = async ({ marker, canonicalUrl }) => {
    let url: string | null = `${base}/emails`;
    let byUrl: ButtondownEmail | undefined;
    for (let page = 0; page < MAX_PAGES && url; page += 1) {
      // The next page's address comes from the answer: the key is only ever sent to Buttondown's own origin.
      if (new URL(url).origin !== origin)
        throw new RequestError({ method: 'GET', url, retryable: false, detail: `next page is not on ${origin}` });
      const { results, next } = (await call('GET', url)) as Page;
      const mine = results.find((email) => email.metadata?.[MARKER_KEY] === marker);
      if (mine) return toProviderEmail(mine);
      if (canonicalUrl) byUrl ??= results.find((email) => email.canonical_url === canonicalUrl);
      url = next;
    }
    if (byUrl) return toProviderEmail(byUrl);
    if (url)
      throw new RequestError({
        method: 'GET',
        url: `${base}/emails`,
        retryable: false,
        detail: `looked through ${MAX_PAGES} pages of emails without reaching the end: could not tell whether it was sent`,
      });
    return undefined;
  };

  const sendDraft: NewsletterProvider['sendDraft'] = async (id) =>
    toProviderEmail((await call('PATCH', `${base}/emails/${encodeURIComponent(id)}`, { status: 'about_to_send' })) as ButtondownEmail);

  return {
    label: 'Buttondown',
    find,
    sendDraft,
    async send(email: OutgoingEmail) {
      const body = {
        subject: email.subject,
        body: `${EDITOR_MODE}\n${withoutTemplateTags(email.html).replaceAll(UNSUBSCRIBE_PLACEHOLDER, UNSUBSCRIBE_TAG)}`,
        status: 'about_to_send',
        email_type: 'public',
        ...(email.canonicalUrl ? { canonical_url: email.canonicalUrl } : {}),
        description: email.description,
        metadata: { [MARKER_KEY]: email.marker },
      };
      try {
        // Sending to every subscriber is what this call is for: the confirmation Buttondown asks of a key's first send.
        return toProviderEmail(
          (await call('POST', `${base}/emails`, body, { 'X-Buttondown-Live-Dangerously': 'true' })) as ButtondownEmail,
        );
      } catch (error) {
        // Buttondown already holds an email like this one: it is the earlier attempt's, found and not made twice.
        const duplicate = error instanceof RequestError && (error.body as { code?: unknown } | undefined)?.code === 'email_duplicate';
        const earlier = duplicate ? await find(email) : undefined;
        if (!earlier) throw error;
        return earlier.draft ? sendDraft(earlier.id) : earlier;
      }
    },
    async read(id): Promise<EmailReport | undefined> {
      let email: ButtondownEmail;
      try {
        email = (await call('GET', `${base}/emails/${encodeURIComponent(id)}`)) as ButtondownEmail;
      } catch (error) {
        if (error instanceof RequestError && error.status === 404) return undefined;
        throw error;
      }
      // A deleted email is gone from the archive and from anyone's reach: as good as no email.
      if (email.status === 'deleted') return undefined;
      const analytics = email.analytics ?? {};
      return {
        ...toProviderEmail(email),
        recipients: count(analytics['recipients']),
        opens: count(analytics['opens']),
        clicks: count(analytics['clicks']),
        replies: count(analytics['replies']),
      };
    },
  };
}
