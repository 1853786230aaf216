/**
 * Retrying requests the network did not (or may not have) handled: exponential backoff with full
 * jitter, waiting as long as the network asks (Retry-After, x-rate-limit-reset, ratelimit-reset),
 * within a bounded total time. Whether a retry is *safe* is the adapters' business: each either sends
 * an idempotency key or looks for its post before sending again.
 */
import { oneLine } from './terminal-text.ts';

/** 429: rate limited; the request was refused, not processed. Wait as long as the network says. */
export const RATE_LIMITED: ReadonlySet<number> = new Set([429]);
/** 500, 502, 503, 504: the server or a gateway failed; the request may or may not have been processed. */
export const SERVER_FAILURES: ReadonlySet<number> = new Set([500, 502, 503, 504]);
/** 408: the server gave up waiting for the request; it was not processed. */
export const REQUEST_TIMEOUT: ReadonlySet<number> = new Set([408]);

export function isRetryableStatus(status: number): boolean {
  return RATE_LIMITED.has(status) || SERVER_FAILURES.has(status) || REQUEST_TIMEOUT.has(status);
}

/** A request that failed, with what the retry loop needs: `[POST] https://…/statuses: 429 Too Many Requests`. */
export class RequestError extends Error {
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  /** How long the network asked us to wait, from its headers. */
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;
  /** The answer's parsed body, for an adapter that tells errors apart by it (Graph API error codes). */
  readonly body: unknown;

  constructor(options: {
    method: string;
    url: string;
    status?: number | undefined;
    statusText?: string | undefined;
    detail?: string | undefined;
    retryAfterMs?: number | undefined;
    retryable?: boolean | undefined;
    cause?: unknown;
    body?: unknown;
  }) {
    const what = options.status !== undefined ? `${options.status}${options.statusText ? ` ${options.statusText}` : ''}` : 'no response';
    // The detail is the server's words: kept on one line (see `oneLine`).
    super(`[${options.method}] ${options.url}: ${what}${options.detail ? ` (${oneLine(options.detail)})` : ''}`, { cause: options.cause });
    this.name = 'RequestError';
    this.method = options.method;
    this.url = options.url;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.body = options.body;
    this.retryable = options.retryable ?? (options.status === undefined || isRetryableStatus(options.status));
  }
}

/**
 * The network asked us to wait longer than this run may (Retry-After: 3600 against a 2-minute
 * budget). Waiting less and asking again only earns another refusal, so the run stops asking that
 * network and leaves its items for the next run. The request was refused, not processed (a 429 or
 * 503 with a wait), so nothing was posted.
 */
export class RetryLater extends Error {
  /** How long the network asked us to wait. */
  readonly afterMs: number;

  constructor(cause: unknown, afterMs: number) {
    const minutes = Math.ceil(afterMs / 60_000);
    const wait = minutes >= 2 ? `${minutes} minutes` : `${Math.ceil(afterMs / 1000)} s`;
    super(
      `${cause instanceof Error ? cause.message : String(cause)}; asked to wait ${wait}, longer than this run waits: left for the next run`,
      { cause },
    );
    this.name = 'RetryLater';
    this.afterMs = afterMs;
  }
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How long to wait before the next request, from `Retry-After` (seconds or an HTTP date, RFC 9110
 * §10.2.3), or X's `x-rate-limit-reset` / Bluesky's `ratelimit-reset` (Unix seconds).
 */
export function retryAfterMs(headers: HeaderSource, now: number): number | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = header(headers, 'x-rate-limit-reset') ?? header(headers, 'ratelimit-reset');
  if (reset !== undefined && /^\s*\d+\s*$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

export interface RetryPolicy {
  /** Most attempts in all, the first included. */
  attempts: number;
  /** The first backoff's upper bound; doubled each time. */
  baseDelayMs: number;
  /** No single wait is longer. */
  maxDelayMs: number;
  /** The whole operation, waits included, gives up rather than run past this. */
  totalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, totalMs: 120_000 };

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  /** Told before each wait, e.g. to print "x: 429, retrying in 2.0 s". */
  onRetry?: (error: unknown, delayMs: number, attempt: number) => void;
}

/** Errors from a step that comes before the request that creates the post; see `beforePosting`. */
const BEFORE_POSTING = new WeakSet<object>();

/**
 * Marks an error as coming from a step before the post request (LinkedIn's image upload): whatever
 * it was, a lost answer included, no post can exist, so the next attempt need not look for one. A
 * network where looking is impossible would otherwise hold the item for the person to check.
 */
export function beforePosting<E>(error: E): E {
  if (typeof error === 'object' && error !== null) BEFORE_POSTING.add(error);
  return error;
}

/**
 * Whether a failed attempt may have created the post. An answer in the 4xx range is the network
 * refusing the request before acting on it (RFC 9110 §15.5: the client's error; 429 and 408 say it
 * was not processed), so nothing was posted. No answer, a 5xx, or anything unexpected (a 201 without
 * the id, a library error after the request left) may hide a post that went out.
 */
export function mayHaveReachedNetwork(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && BEFORE_POSTING.has(error)) return false;
  if (!(error instanceof RequestError) || error.status === undefined) return true;
  return !(error.status >= 400 && error.status < 500);
}

/**
 * Whether a request got no answer at all (a timeout, a refused or dropped connection), as opposed to
 * an answer that was an error: a failed request without a status that failed at the transport.
 */
export function noAnswer(error: unknown): boolean {
  return error instanceof RequestError && error.status === undefined && error.cause !== undefined;
}

/**
 * Whether the network refused the credentials themselves (401; the Graph API's code 190, an expired
 * or revoked token, comes with 400). Every later request would be refused the same way: the run
 * gives the network up (network-gate.ts), says so once, and the others go on.
 */
export function credentialsRejected(error: unknown): boolean {
  if (!(error instanceof RequestError)) return false;
  const code = (error.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return error.status === 401 || code === 190;
}

/** Whether an error is worth another attempt, and how long the network asked us to wait. */
export function retryInfo(error: unknown): { retryable: boolean; afterMs: number | undefined } {
  if (error instanceof RequestError) return { retryable: error.retryable, afterMs: error.retryAfterMs };
  return { retryable: false, afterMs: undefined };
}

/**
 * Calls `operation(attempt)` until it succeeds, the error is not retryable, the attempts are used up
 * or the next wait would run past `totalMs`; then throws the last error — or `RetryLater` when the
 * network itself asked for a wait longer than one wait (`maxDelayMs`) or than what is left of `totalMs`.
 */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  const started = deps.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      const { retryable, afterMs } = retryInfo(error);
      if (!retryable) throw error;
      // A wait the network asked for that this run cannot give: not cut short (it would only be refused again).
      if (afterMs !== undefined && (afterMs > policy.maxDelayMs || deps.now() - started + afterMs > policy.totalMs))
        throw new RetryLater(error, afterMs);
      if (attempt + 1 >= policy.attempts) throw error;
      const backoff = deps.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      // The network's own wait wins; a little jitter keeps several clients from returning together.
      const delay = afterMs !== undefined ? afterMs + deps.random() * policy.baseDelayMs * 0.2 : Math.min(policy.maxDelayMs, backoff);
      if (deps.now() - started + delay > policy.totalMs) throw error;
      deps.onRetry?.(error, delay, attempt + 1);
      await deps.sleep(delay);
    }
  }
}
