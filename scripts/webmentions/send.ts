/**
 * Sending one Webmention (https://www.w3.org/TR/webmention/#sender-notifies-receiver): a POST of
 * `source` and `target`, form-encoded, to the endpoint exactly as discovered (its query string kept).
 * Any 2xx is success (201 names a status page, 202 says it will be checked later). A 429 or 5xx is
 * thrown for the retry loop; another 4xx is the receiver refusing this mention, which asking again
 * would not change; 404 and 410 say the endpoint is gone.
 */
import { oneLine, terminalText } from '../lib/terminal-text.ts';
import { RequestError, retryAfterMs } from '../lib/retry.ts';
import { httpUrl, USER_AGENT } from './discover.ts';

export interface SendDeps {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => number;
}

export type SendOutcome =
  | { kind: 'sent'; httpStatus: number; location?: string | undefined }
  | { kind: 'refused'; httpStatus: number; detail?: string | undefined }
  | { kind: 'gone'; httpStatus: number };

/** How much of a refusal's body is kept: enough to say why, never a page. */
const MAX_DETAIL = 200;

async function bodyDetail(response: Response): Promise<string | undefined> {
  const text = await response.text().catch(() => '');
  // Kept in the ledger and printed: one line, no control characters.
  const line = terminalText(oneLine(text)).trim().slice(0, MAX_DETAIL);
  return line === '' ? undefined : line;
}

export async function sendWebmention(endpoint: string, source: string, target: string, deps: SendDeps): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await deps.fetch(endpoint, {
      method: 'POST',
      // A redirected POST is not followed: fetch would turn a 301/302 into a GET without the body.
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': USER_AGENT },
      body: new URLSearchParams({ source, target }).toString(),
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  } catch (error) {
    throw new RequestError({ method: 'POST', url: endpoint, cause: error });
  }
  const status = response.status;
  if (status >= 200 && status < 300) {
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    return { kind: 'sent', httpStatus: status, location: location === null ? undefined : httpUrl(location, endpoint) };
  }
  if (status === 404 || status === 410) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'gone', httpStatus: status };
  }
  const detail = await bodyDetail(response);
  const error = new RequestError({
    method: 'POST',
    url: endpoint,
    status,
    statusText: response.statusText,
    detail,
    retryAfterMs: retryAfterMs(response.headers, deps.now()),
    // A redirect is not followed, and not asked again: the endpoint must be fixed, or rediscovered with the next version.
    ...(status >= 300 && status < 400 ? { retryable: false } : {}),
  });
  if (error.retryable || status < 400 || status >= 500) throw error;
  return { kind: 'refused', httpStatus: status, detail };
}
