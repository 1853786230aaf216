/** The small fetch wrapper the plain-REST adapters (LinkedIn, Threads) share. */
import { RequestError, retryAfterMs } from '../lib/retry.ts';

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Sends one request with a timeout. A non-2xx answer or no answer throws a `RequestError` saying
 * whether a retry may help and how long the network asked us to wait. `label` replaces the URL in
 * messages when the URL itself should not be shown (an upload URL carrying a signature). `accept`
 * names the error answers the caller handles itself (a read that can do without a missing scope):
 * those are returned instead of thrown.
 */
export async function requestJson(
  fetcher: typeof fetch,
  options: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body?: BodyInit;
    timeoutMs: number;
    now: () => number;
    label?: string;
    accept?: (status: number, body: unknown) => boolean;
  },
): Promise<JsonResponse> {
  const shown = options.label ?? options.url.replace(/([?&](access_token|token)=)[^&]*/g, '$1[redacted]');
  let response: Response;
  try {
    response = await fetcher(options.url, {
      method: options.method,
      headers: options.headers ?? {},
      ...(options.body !== undefined ? { body: options.body } : {}),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const detail =
      error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : 'the connection failed';
    throw new RequestError({ method: options.method, url: shown, detail, cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new RequestError({
      method: options.method,
      url: shown,
      status: response.status,
      detail: 'the answer was cut off',
      retryable: true,
      cause: error,
    });
  }
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok && !options.accept?.(response.status, body)) {
    const message =
      typeof body === 'object' && body !== null
        ? ((body as { message?: unknown; error?: { message?: unknown } }).message ??
          (body as { error?: { message?: unknown } }).error?.message)
        : undefined;
    throw new RequestError({
      method: options.method,
      url: shown,
      status: response.status,
      statusText: response.statusText,
      ...(typeof message === 'string' ? { detail: message } : {}),
      retryAfterMs: retryAfterMs(response.headers, options.now()),
      body,
    });
  }
  return { status: response.status, headers: response.headers, body };
}
