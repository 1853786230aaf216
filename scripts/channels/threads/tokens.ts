/** Threads, for status with `--check-tokens`: when the long-lived token ends, and whether it is still valid. */
import { requestJson } from '../http.ts';
import {
  day,
  DAY_MS,
  EXPIRY_WARNING_DAYS,
  inWords,
  present,
  type ChannelTokens,
  type TokenCheckOptions,
  type TokenEnd,
} from '../tokens.ts';
import { threadsConfig } from './adapter.ts';

/**
 * Threads, with `--check-tokens`: `GET /debug_token` answers a token's `expires_at` and `is_valid`
 * without renewing it (https://developers.facebook.com/docs/threads/troubleshooting/debug-access-token).
 * Meta answers it for a token of one of the app's Threads testers, which the owner of a personal app
 * is; the token inspects itself. `GET /refresh_access_token` would tell too, but it renews the token.
 */
async function readExpiry(options: TokenCheckOptions): Promise<TokenEnd[]> {
  const config = threadsConfig(options.env);
  if (!present(config)) return [];
  const { body } = await requestJson(options.fetch ?? globalThis.fetch, {
    method: 'GET',
    url: `${config.apiUrl}/debug_token?${new URLSearchParams({ input_token: config.token })}`,
    headers: { Authorization: `Bearer ${config.token}` },
    timeoutMs: options.timeoutMs ?? 10_000,
    now: () => options.now,
  });
  const data = (body as { data?: { expires_at?: unknown; is_valid?: unknown } }).data;
  const renew =
    'renew it: GET https://graph.threads.net/refresh_access_token?grant_type=th_refresh_token&access_token=<token> and set THREADS_TOKEN to the answer';
  if (data?.is_valid === false) {
    return [
      {
        expiresAt: '',
        warn: true,
        message: 'Threads says the token is no longer valid: make a new long-lived token and set THREADS_TOKEN',
      },
    ];
  }
  // 0 is Meta's "never".
  if (typeof data?.expires_at !== 'number' || data.expires_at === 0) return [];
  const at = data.expires_at * 1000;
  const warn = at - options.now <= EXPIRY_WARNING_DAYS * DAY_MS;
  const ended = at <= options.now;
  return [
    {
      expiresAt: new Date(at).toISOString(),
      warn,
      message: ended
        ? `the token expired on ${day(at)}: it can no longer be refreshed; make a new long-lived token and set THREADS_TOKEN`
        : `the token ${inWords(at, options.now)} (${day(at)})${warn ? ` — ${renew}` : '; refresh it before then'}`,
    },
  ];
}

/** With `--check-tokens` only: reading it is a request. */
async function expiries(options: TokenCheckOptions): Promise<TokenEnd[]> {
  if (!options.online) return [];
  try {
    return await readExpiry(options);
  } catch (error) {
    return [
      {
        expiresAt: '',
        warn: true,
        message: `could not read when the token expires (debug_token answers only the app's Threads testers): ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

export const threadsTokens: ChannelTokens = { expiries };
