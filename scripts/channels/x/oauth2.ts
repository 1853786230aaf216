/**
 * X's OAuth 2.0 user tokens, kept alive. An access token from the Authorization Code Flow with PKCE
 * "will only stay valid for two hours unless you've used the offline.access scope", which also gives
 * a refresh token; `POST /2/oauth2/token` with `grant_type=refresh_token` turns it into a new access
 * token (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code). A confidential
 * client authenticates there with HTTP Basic (client id and secret); a public one sends its client id
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token).
 *
 * X answers a refresh with a new refresh token and the old one stops working, so the new one must be
 * kept where the next run finds it: a file in the user's state folder (`xTokenFile`, never in the
 * project), written atomically, readable by its owner only, before the new access token is used. A run on GitHub Actions starts from the repository secrets each time and cannot write them
 * back, and a cache would hand the token to every workflow that may read it — so scheduled runs there
 * should use OAuth 1.0a user tokens (X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET), which
 * do not expire (docs/networks.md says so). Every token obtained here is registered with `redact`.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { replaceFileAtomically } from '../../lib/atomic-file.ts';
import { readTextIfExists } from '../../lib/optional-file.ts';
import { registerSecret } from '../../lib/secrets.ts';
import { requestJson } from '../http.ts';

/**
 * What the hub asks of X, by the security requirements of X's OpenAPI document
 * (https://api.x.com/2/openapi.json): `POST /2/tweets` needs tweet.read, tweet.write and users.read;
 * `GET /2/users/me`, `/2/users/{id}/tweets`, `/2/tweets/{id}` and `/2/tweets/search/recent` need
 * tweet.read and users.read; offline.access is what makes the token renewable.
 */
export const X_REQUIRED_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'] as const;

/** Refreshed when it has less than this left, so no request goes out with a token about to expire. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export interface XOAuth2Config {
  /** Where the token endpoint is (https://api.x.com, or a test server). */
  apiUrl: string;
  clientId: string;
  /** Set for a confidential client (it authenticates with HTTP Basic). */
  clientSecret?: string | undefined;
  /** X_REFRESH_TOKEN: where the chain of refresh tokens starts. */
  refreshToken: string;
  /** X_OAUTH2_TOKEN, used until it expires or X refuses it. */
  accessToken?: string | undefined;
  /** Where the newest tokens are kept between runs. */
  tokenFile: string;
  /** On GitHub Actions the file does not outlive the run, so a second renewal fails: said when it does. */
  ephemeral?: boolean | undefined;
}

/** What the token file holds. */
export interface StoredXToken {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601. */
  expiresAt: string;
  scopes: string[];
  /** sha256 of the X_REFRESH_TOKEN the chain started from: a new one in the environment starts a new chain. */
  from: string;
}

/**
 * The token file: in the user's state folder (`$XDG_STATE_HOME`, by default `~/.local/state`), outside
 * the project and its commits, so it is never pushed with the evidence.
 * https://specifications.freedesktop.org/basedir-spec/latest/
 */
export function xTokenFile(env: Record<string, string | undefined>): string {
  const state = env['XDG_STATE_HOME'] || join(env['HOME'] || homedir(), '.local', 'state');
  return join(state, 'thought-leadership-hub', 'x-oauth2.json');
}

const fingerprint = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The stored tokens when they belong to this X_REFRESH_TOKEN's chain; undefined when there are none (or they are another chain's). */
export async function readXToken(file: string, refreshToken: string): Promise<StoredXToken | undefined> {
  const text = await readTextIfExists(file);
  if (text === undefined) return undefined;
  let stored: StoredXToken;
  try {
    stored = JSON.parse(text) as StoredXToken;
  } catch {
    throw new Error(`${file}: not the JSON the hub writes; delete it and the next run starts again from X_REFRESH_TOKEN`);
  }
  if (typeof stored.refreshToken !== 'string' || typeof stored.accessToken !== 'string' || !Array.isArray(stored.scopes)) {
    throw new Error(
      `${file}: accessToken, refreshToken or scopes is missing; delete it and the next run starts again from X_REFRESH_TOKEN`,
    );
  }
  if (stored.from !== fingerprint(refreshToken)) return undefined;
  registerSecret(stored.accessToken);
  registerSecret(stored.refreshToken);
  return stored;
}

/** The scopes of the hub's list a token lacks. */
export function missingXScopes(scopes: readonly string[]): string[] {
  return X_REQUIRED_SCOPES.filter((scope) => !scopes.includes(scope));
}

export interface XOAuth2Session {
  /** A token to send now: the stored or given one while it is fresh, a refreshed one otherwise. */
  accessToken: () => Promise<string>;
  /** A new access token, whatever the old one's age (after X answered 401). */
  refresh: () => Promise<string>;
}

export function createXOAuth2Session(
  config: XOAuth2Config,
  deps: { fetch: typeof fetch; timeoutMs: number; now: () => number },
): XOAuth2Session {
  registerSecret(config.refreshToken);
  registerSecret(config.accessToken);
  registerSecret(config.clientSecret);
  let current: Promise<StoredXToken | undefined> | undefined;
  const stored = (): Promise<StoredXToken | undefined> => (current ??= readXToken(config.tokenFile, config.refreshToken));

  let refreshing: Promise<string> | undefined;
  const renew = async (): Promise<string> => {
    const known = await stored();
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: known?.refreshToken ?? config.refreshToken,
      client_id: config.clientId,
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (config.clientSecret)
      headers['Authorization'] = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`;
    const { body } = await requestJson(deps.fetch, {
      method: 'POST',
      url: `${config.apiUrl}/2/oauth2/token`,
      headers,
      body: form.toString(),
      timeoutMs: deps.timeoutMs,
      now: deps.now,
    }).catch((error: unknown) => {
      const why = config.ephemeral
        ? 'on GitHub Actions the refresh token X rotated at the last renewal was not kept (X_REFRESH_TOKEN is spent after one use): use OAuth 1.0a user tokens for scheduled runs'
        : `authorize the app again with the scopes ${X_REQUIRED_SCOPES.join(' ')} and set X_REFRESH_TOKEN, or use OAuth 1.0a user tokens`;
      throw new Error(`X refused to renew the OAuth 2.0 token (${error instanceof Error ? error.message : String(error)}): ${why}`, {
        cause: error,
      });
    });
    const answer = body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; scope?: unknown };
    if (typeof answer.access_token !== 'string' || typeof answer.refresh_token !== 'string') {
      throw new Error(
        `[POST] ${config.apiUrl}/2/oauth2/token: no access_token and refresh_token in the answer (the token needs offline.access)`,
      );
    }
    registerSecret(answer.access_token);
    registerSecret(answer.refresh_token);
    const next: StoredXToken = {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: new Date(deps.now() + (typeof answer.expires_in === 'number' ? answer.expires_in : 7200) * 1000).toISOString(),
      scopes: typeof answer.scope === 'string' ? answer.scope.split(' ').filter(Boolean) : [],
      from: fingerprint(config.refreshToken),
    };
    // Kept before it is used: the refresh token just spent no longer works, and a crash now must not lose the new one.
    await replaceFileAtomically(config.tokenFile, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    current = Promise.resolve(next);
    const missing = missingXScopes(next.scopes);
    if (missing.length > 0) {
      throw new Error(
        `X's OAuth 2.0 token lacks ${missing.join(', ')}: authorize the app again with the scopes ${X_REQUIRED_SCOPES.join(' ')}`,
      );
    }
    return next.accessToken;
  };
  // One refresh at a time: a second would spend the refresh token the first just replaced.
  const refresh = (): Promise<string> =>
    (refreshing ??= renew().finally(() => {
      refreshing = undefined;
    }));

  return {
    async accessToken() {
      const known = await stored();
      if (known && Date.parse(known.expiresAt) - deps.now() > EXPIRY_MARGIN_MS) return known.accessToken;
      // The given token is tried while nothing newer is known; X answers 401 when it has expired.
      if (!known && config.accessToken) return config.accessToken;
      return refresh();
    },
    refresh,
  };
}
