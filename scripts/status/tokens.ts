/**
 * What `npm run status` can tell about the networks' credentials before a run fails on them: a
 * LinkedIn version near or past its sunset, and tokens whose scopes cannot do what the hub asks.
 *
 * Offline (the default: status reads only what is on disk and in the environment):
 * - LinkedIn: the version in use (LINKEDIN_VERSION, or derived from the date) against LinkedIn's
 *   sunset table (../channels/linkedin/versions.ts).
 * - X: an OAuth 2.0 token without a refresh token lasts two hours; with one, the scopes X granted are
 *   known from the token file the last renewal wrote (or X_OAUTH2_SCOPES, the `scope` X returned);
 *   on GitHub Actions the rotated refresh token cannot be kept between runs.
 * - Bluesky: an app password has a fixed form (xxxx-xxxx-xxxx-xxxx); anything else is most likely the
 *   account's own password, which Bluesky asks third-party tools not to use. An app password can post
 *   and read; nothing else is scoped.
 *
 * With `--check-tokens` (one read-only request each; nothing is posted):
 * - Mastodon: `GET /api/v1/apps/verify_credentials` gives the scopes the app was registered with
 *   (Mastodon 4.3 and later; https://docs.joinmastodon.org/methods/apps/#verify_credentials), which
 *   bound the token's: a token made in Preferences → Development has exactly these.
 * - LinkedIn: `GET /rest/posts?q=author` answers 403 without r_member_social, which LinkedIn grants
 *   to approved partners only; its token scopes are otherwise known only to LinkedIn's introspection
 *   endpoint, which needs the app's client secret.
 * - Threads: `GET /debug_token` says when the long-lived token ends (tokenExpiries, below).
 * X's OAuth 2.0 token's end is read from its token file, offline.
 */
import { NETWORK_LABELS, NETWORKS, type Network } from '../../src/lib/networks.ts';
import type { MissingCredentials } from '../channels/adapter.ts';
import { requestJson } from '../channels/http.ts';
import { linkedinConfig } from '../channels/linkedin/adapter.ts';
import {
  derivedLinkedInVersion,
  linkedInVersionStatus,
  SUNSET_WARNING_DAYS,
  suggestedLinkedInVersion,
} from '../channels/linkedin/versions.ts';
import { coversMastodonScope, MASTODON_SCOPES, mastodonConfig } from '../channels/mastodon/adapter.ts';
import { missingXScopes, readXToken, X_REQUIRED_SCOPES } from '../channels/x/oauth2.ts';
import { threadsConfig } from '../channels/threads/adapter.ts';
import { xConfig, type XConfig } from '../channels/x/adapter.ts';

export interface TokenWarning {
  network: Network;
  message: string;
}

export interface TokenCheckOptions {
  env: Record<string, string | undefined>;
  now: number;
  /** Ask Mastodon and LinkedIn what the tokens may do (one read each). */
  online?: boolean | undefined;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const present = <T extends object>(config: T | MissingCredentials): config is T => !('missing' in config);

function linkedinVersionWarnings(env: Record<string, string | undefined>, now: number): TokenWarning[] {
  const configured = env['LINKEDIN_VERSION'];
  const version = configured || derivedLinkedInVersion(now);
  const status = linkedInVersionStatus(version, now);
  if (!status) return [];
  const about = status.estimated ? 'about ' : '';
  const instead = configured
    ? `set LINKEDIN_VERSION=${suggestedLinkedInVersion(now, version)}, or remove it and the hub picks one from the date`
    : 'update the hub';
  const named = configured ? `LINKEDIN_VERSION=${version}` : `API version ${version}`;
  if (status.daysLeft < 0)
    return [{ network: 'linkedin', message: `${named} retired on ${about}${status.sunset}: every LinkedIn request fails; ${instead}` }];
  if (status.daysLeft <= SUNSET_WARNING_DAYS) {
    return [{ network: 'linkedin', message: `${named} retires on ${about}${status.sunset} (in ${status.daysLeft} days); ${instead}` }];
  }
  return [];
}

async function xWarnings(env: Record<string, string | undefined>): Promise<TokenWarning[]> {
  const config = xConfig(env);
  if (!present(config)) return [];
  if ('bearer' in config.auth) {
    return [
      {
        network: 'x',
        message:
          'X_OAUTH2_TOKEN lasts two hours and cannot be renewed without X_REFRESH_TOKEN and X_CLIENT_ID; OAuth 1.0a user tokens (X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET) do not expire',
      },
    ];
  }
  if (!('oauth2' in config.auth)) return [];
  const warnings: TokenWarning[] = [];
  const { oauth2 } = config.auth;
  if (env['GITHUB_ACTIONS'] === 'true') {
    warnings.push({
      network: 'x',
      message:
        'on GitHub Actions the refresh token X rotates at each renewal cannot be kept for the next run (secrets are read-only there): use OAuth 1.0a user tokens for scheduled runs',
    });
  }
  let scopes: string[] | undefined;
  try {
    scopes = (await readXToken(oauth2.tokenFile, oauth2.refreshToken))?.scopes;
  } catch (error) {
    warnings.push({ network: 'x', message: error instanceof Error ? error.message : String(error) });
  }
  scopes ??= env['X_OAUTH2_SCOPES']?.split(/\s+/).filter(Boolean);
  const missing = scopes ? missingXScopes(scopes) : [];
  if (missing.length > 0) {
    warnings.push({
      network: 'x',
      message: `the OAuth 2.0 token lacks ${missing.join(', ')}: posting needs ${X_REQUIRED_SCOPES.join(' ')}; authorize the app again with them`,
    });
  }
  return warnings;
}

function blueskyWarnings(env: Record<string, string | undefined>): TokenWarning[] {
  const password = env['BLUESKY_APP_PASSWORD'];
  if (!password || /^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/.test(password)) return [];
  return [
    {
      network: 'bluesky',
      message:
        'BLUESKY_APP_PASSWORD is not in an app password’s form (xxxx-xxxx-xxxx-xxxx): make one in Settings → Privacy and security → App passwords rather than using the account’s password',
    },
  ];
}

async function mastodonScopes(options: TokenCheckOptions): Promise<TokenWarning[]> {
  const config = mastodonConfig(options.env);
  if (!present(config)) return [];
  const { body } = await requestJson(options.fetch ?? globalThis.fetch, {
    method: 'GET',
    url: `${config.url}/api/v1/apps/verify_credentials`,
    headers: { Authorization: `Bearer ${config.token}` },
    timeoutMs: options.timeoutMs ?? 10_000,
    now: () => options.now,
  });
  const scopes = (body as { scopes?: unknown }).scopes;
  if (!Array.isArray(scopes))
    return [
      {
        network: 'mastodon',
        message: `the server does not say the token’s scopes (Mastodon before 4.3): it needs ${MASTODON_SCOPES.join(' ')}`,
      },
    ];
  const missing = MASTODON_SCOPES.filter((scope) => !coversMastodonScope(scopes as string[], scope));
  return missing.length === 0
    ? []
    : [
        {
          network: 'mastodon',
          message: `the token lacks ${missing.join(', ')}: make one with ${MASTODON_SCOPES.join(' ')} (Preferences → Development) and set MASTODON_TOKEN`,
        },
      ];
}

async function linkedinScopes(options: TokenCheckOptions): Promise<TokenWarning[]> {
  const config = linkedinConfig(options.env);
  if (!present(config)) return [];
  const version = config.version ?? derivedLinkedInVersion(options.now);
  const { status } = await requestJson(options.fetch ?? globalThis.fetch, {
    method: 'GET',
    url: `${config.apiUrl}/rest/posts?${new URLSearchParams({ author: config.author, q: 'author', count: '1' })}`,
    headers: { Authorization: `Bearer ${config.token}`, 'LinkedIn-Version': version, 'X-Restli-Protocol-Version': '2.0.0' },
    timeoutMs: options.timeoutMs ?? 10_000,
    now: () => options.now,
    accept: (code) => code === 403 || code === 426,
  });
  if (status === 426)
    return [
      {
        network: 'linkedin',
        message: `LinkedIn does not serve API version ${version}: set LINKEDIN_VERSION=${suggestedLinkedInVersion(options.now, version)}`,
      },
    ];
  if (status === 403) {
    return [
      {
        network: 'linkedin',
        message:
          'the token lacks r_member_social (LinkedIn grants it to approved partners only): posting works; counts and replies are not read, and a post whose answer was lost cannot be checked before posting again',
      },
    ];
  }
  return [];
}

/** The warnings about every network's credentials, in the networks' order; a check that fails is a warning too. */
export async function tokenWarnings(options: TokenCheckOptions): Promise<TokenWarning[]> {
  const warnings: TokenWarning[] = [];
  let linkedinSet = false;
  try {
    linkedinSet = present(linkedinConfig(options.env));
  } catch (error) {
    warnings.push({ network: 'linkedin', message: error instanceof Error ? error.message : String(error) });
  }
  warnings.push(...blueskyWarnings(options.env));
  if (linkedinSet) warnings.push(...linkedinVersionWarnings(options.env, options.now));
  warnings.push(...(await xWarnings(options.env)));
  if (options.online) {
    const checks: Array<[Network, (options: TokenCheckOptions) => Promise<TokenWarning[]>]> = [['mastodon', mastodonScopes]];
    if (linkedinSet) checks.push(['linkedin', linkedinScopes]);
    for (const [network, check] of checks) {
      try {
        warnings.push(...(await check(options)));
      } catch (error) {
        warnings.push({ network, message: `could not check the token: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  return warnings.sort((a, b) => NETWORKS.indexOf(a.network) - NETWORKS.indexOf(b.network));
}

/** A token's end, where the network tells it; `warn` when it is near (or past) and nothing renews it. */
export interface TokenExpiry {
  network: Network;
  expiresAt: string;
  message: string;
  warn: boolean;
}

/** Within this many days a token that is not renewed automatically is a warning. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 86_400_000;

function inWords(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return 'expired';
  if (left >= DAY_MS) {
    const days = Math.floor(left / DAY_MS);
    return `expires in ${days} day${days === 1 ? '' : 's'}`;
  }
  const hours = Math.floor(left / 3_600_000);
  return hours >= 1 ? `expires in ${hours} hour${hours === 1 ? '' : 's'}` : `expires in ${Math.max(1, Math.floor(left / 60_000))} min`;
}
const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
const minute = (at: number): string => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** X OAuth 2.0: the token file's expiresAt (the last renewal wrote it); the hub renews it at the next run. */
async function xExpiry(env: Record<string, string | undefined>, now: number): Promise<TokenExpiry[]> {
  let config: XConfig | MissingCredentials;
  try {
    config = xConfig(env);
  } catch {
    return [];
  }
  if (!present(config) || !('oauth2' in config.auth)) return [];
  const stored = await readXToken(config.auth.oauth2.tokenFile, config.auth.oauth2.refreshToken).catch(() => undefined);
  const at = stored ? Date.parse(stored.expiresAt) : Number.NaN;
  if (!Number.isFinite(at)) return [];
  return [
    {
      network: 'x',
      expiresAt: new Date(at).toISOString(),
      warn: false,
      message: `the OAuth 2.0 access token ${inWords(at, now)} (${minute(at)}); renewed automatically with the refresh token`,
    },
  ];
}

/**
 * Threads, with `--check-tokens`: `GET /debug_token` answers a token's `expires_at` and `is_valid`
 * without renewing it (https://developers.facebook.com/docs/threads/troubleshooting/debug-access-token).
 * Meta answers it for a token of one of the app's Threads testers, which the owner of a personal app
 * is; the token inspects itself. `GET /refresh_access_token` would tell too, but it renews the token.
 */
async function threadsExpiry(options: TokenCheckOptions): Promise<TokenExpiry[]> {
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
        network: 'threads',
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
      network: 'threads',
      expiresAt: new Date(at).toISOString(),
      warn,
      message: ended
        ? `the token expired on ${day(at)}: it can no longer be refreshed; make a new long-lived token and set THREADS_TOKEN`
        : `the token ${inWords(at, options.now)} (${day(at)})${warn ? ` — ${renew}` : '; refresh it before then'}`,
    },
  ];
}

/** When each token ends, where the network tells it: X's from the token file; Threads' with `online` (one read). */
export async function tokenExpiries(options: TokenCheckOptions): Promise<TokenExpiry[]> {
  const expiries = await xExpiry(options.env, options.now);
  if (options.online) {
    try {
      expiries.push(...(await threadsExpiry(options)));
    } catch (error) {
      expiries.push({
        network: 'threads',
        expiresAt: '',
        warn: true,
        message: `could not read when the token expires (debug_token answers only the app's Threads testers): ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return expiries.sort((a, b) => NETWORKS.indexOf(a.network) - NETWORKS.indexOf(b.network));
}

/** `LinkedIn: …`, the line status prints. */
export function describeWarning(warning: TokenWarning): string {
  return `${NETWORK_LABELS[warning.network]}: ${warning.message}`;
}
