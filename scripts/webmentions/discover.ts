/**
 * Webmention endpoint discovery, as the W3C Recommendation says (https://www.w3.org/TR/webmention/#sender-discovers-receiver-webmention-endpoint):
 * fetch the target, following redirects; the first HTTP `Link` header value with `rel` webmention
 * wins, then the first `<link>` or `<a>` with it, in document order; a relative address is resolved
 * against the page's final URL (after redirects), an empty one is the page itself, a query string is
 * kept. The npm libraries for this (get-webmention-url, @remy/webmention) are unmaintained and set no
 * limits, so this small module does it, tested against every discovery case of webmention.rocks
 * (tests/webmentions-discovery.test.ts).
 *
 * One GET, no HEAD first (which the spec allows): the `Link` header is read as soon as the answer
 * starts and the body dropped when it names the endpoint, so a HEAD would only add a request to the
 * many pages that declare it in the HTML.
 *
 * Everything the target sends is data: only http(s) addresses are followed or taken as an endpoint,
 * redirects are counted, the body is read up to a size limit, each request has a time limit.
 */
import { parseHTML } from 'linkedom';
import { RequestError, retryAfterMs } from '../lib/retry.ts';

export interface DiscoveryDeps {
  fetch: typeof fetch;
  /** Per request. */
  timeoutMs: number;
  now: () => number;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /** Bytes of the page read, at most; default 1 MB (an endpoint is declared near the top). */
  maxBytes?: number;
}

export type Discovery =
  /** The target's endpoint. */
  | { kind: 'endpoint'; endpoint: string }
  /** The target declares none. */
  | { kind: 'none' }
  /** The target answered 404 or 410. */
  | { kind: 'gone'; status: number; url: string };

const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_MAX_BYTES = 1_000_000;
/** Who is asking, for the logs of the sites we notify. */
export const USER_AGENT = 'thought-leadership-hub (Webmention sender; +https://www.w3.org/TR/webmention/)';

/** An absolute http(s) URL, or undefined when the text is none. */
export function httpUrl(value: string, base?: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function hasWebmentionRel(rel: string): boolean {
  // Rel values are space-separated tokens, compared ASCII case-insensitively: `not-webmention` is not one.
  return rel.split(/[\t\n\f\r ]+/).some((token) => token.toLowerCase() === 'webmention');
}

/** The links of one `Link` header value (several may share one header, RFC 8288 §3): address and `rel`. */
export function parseLinkHeader(value: string): Array<{ href: string; rel: string }> {
  const links: Array<{ href: string; rel: string }> = [];
  let at = 0;
  while (at < value.length) {
    const open = value.indexOf('<', at);
    const close = open < 0 ? -1 : value.indexOf('>', open);
    if (close < 0) break;
    // The parameters run to the next comma outside quotes.
    let end = close + 1;
    let quoted = false;
    while (end < value.length && (quoted || value[end] !== ',')) {
      if (value[end] === '"') quoted = !quoted;
      end += 1;
    }
    const params = value.slice(close + 1, end);
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(params);
    links.push({ href: value.slice(open + 1, close).trim(), rel: rel ? (rel[1] ?? rel[2] ?? '') : '' });
    at = end + 1;
  }
  return links;
}

/** The endpoint a `Link` header declares, resolved against the page's URL. */
export function endpointFromLinkHeader(header: string | null, pageUrl: string): string | undefined {
  if (!header) return undefined;
  for (const link of parseLinkHeader(header)) {
    if (!hasWebmentionRel(link.rel)) continue;
    const endpoint = httpUrl(link.href, pageUrl);
    if (endpoint) return endpoint;
  }
  return undefined;
}

/** The endpoint the first `<link>` or `<a>` with rel webmention and an href declares, in document order. */
export function endpointFromHtml(html: string, pageUrl: string): string | undefined {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll('link[href], a[href]')) {
    if (!hasWebmentionRel(element.getAttribute('rel') ?? '')) continue;
    const endpoint = httpUrl(element.getAttribute('href') ?? '', pageUrl);
    if (endpoint) return endpoint;
  }
  return undefined;
}

/** The body's first `maxBytes` bytes as text; the rest is not downloaded. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes));
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * The target's Webmention endpoint. A request that got no answer, or a 429/5xx, throws a
 * `RequestError` the retry loop knows; any other unexpected answer throws one that is not retried.
 */
export async function discoverEndpoint(target: string, deps: DiscoveryDeps): Promise<Discovery> {
  const maxRedirects = deps.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = httpUrl(target);
  if (!url) throw new RequestError({ method: 'GET', url: target, detail: 'not an http(s) address', retryable: false });
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await deps.fetch(url, {
        redirect: 'manual',
        headers: { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1', 'user-agent': USER_AGENT },
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
    } catch (error) {
      throw new RequestError({ method: 'GET', url, cause: error });
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await discard(response);
      const next = httpUrl(location, url);
      if (!next)
        throw new RequestError({
          method: 'GET',
          url,
          status: response.status,
          detail: 'redirects to a non-http(s) address',
          retryable: false,
        });
      if (redirects >= maxRedirects)
        throw new RequestError({
          method: 'GET',
          url: target,
          status: response.status,
          detail: `more than ${maxRedirects} redirects`,
          retryable: false,
        });
      url = next;
      continue;
    }
    if (response.status === 404 || response.status === 410) {
      await discard(response);
      return { kind: 'gone', status: response.status, url };
    }
    if (!response.ok) {
      await discard(response);
      throw new RequestError({
        method: 'GET',
        url,
        status: response.status,
        statusText: response.statusText,
        retryAfterMs: retryAfterMs(response.headers, deps.now()),
      });
    }
    const fromHeader = endpointFromLinkHeader(response.headers.get('link'), url);
    if (fromHeader) {
      await discard(response);
      return { kind: 'endpoint', endpoint: fromHeader };
    }
    const type = response.headers.get('content-type') ?? 'text/html';
    if (!/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
      await discard(response);
      return { kind: 'none' };
    }
    const fromHtml = endpointFromHtml(await readLimited(response, deps.maxBytes ?? DEFAULT_MAX_BYTES), url);
    return fromHtml ? { kind: 'endpoint', endpoint: fromHtml } : { kind: 'none' };
  }
}
