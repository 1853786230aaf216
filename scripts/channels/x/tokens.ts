/**
 * X, for status, offline: an OAuth 2.0 token without a refresh token lasts two hours; with one, the
 * scopes X granted are known from the token file the last renewal wrote (or X_OAUTH2_SCOPES, the
 * `scope` X returned), and so is when the token ends; on GitHub Actions the rotated refresh token
 * cannot be kept between runs.
 */
import type { MissingCredentials } from '../adapter.ts';
import { inWords, minute, present, type ChannelTokens, type TokenCheckOptions, type TokenEnd, type TokenNote } from '../tokens.ts';
import { xConfig, type XConfig } from './adapter.ts';
import { missingXScopes, readXToken, X_REQUIRED_SCOPES } from './oauth2.ts';

async function warnings({ env }: TokenCheckOptions): Promise<TokenNote[]> {
  const config = xConfig(env);
  if (!present(config)) return [];
  if ('bearer' in config.auth) {
    return [
      {
        message:
          'X_OAUTH2_TOKEN lasts two hours and cannot be renewed without X_REFRESH_TOKEN and X_CLIENT_ID; OAuth 1.0a user tokens (X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET) do not expire',
      },
    ];
  }
  if (!('oauth2' in config.auth)) return [];
  const notes: TokenNote[] = [];
  const { oauth2 } = config.auth;
  if (env['GITHUB_ACTIONS'] === 'true') {
    notes.push({
      message:
        'on GitHub Actions the refresh token X rotates at each renewal cannot be kept for the next run (secrets are read-only there): use OAuth 1.0a user tokens for scheduled runs',
    });
  }
  let scopes: string[] | undefined;
  try {
    scopes = (await readXToken(oauth2.tokenFile, oauth2.refreshToken))?.scopes;
  } catch (error) {
    notes.push({ message: error instanceof Error ? error.message : String(error) });
  }
  scopes ??= env['X_OAUTH2_SCOPES']?.split(/\s+/).filter(Boolean);
  const missing = scopes ? missingXScopes(scopes) : [];
  if (missing.length > 0) {
    notes.push({
      message: `the OAuth 2.0 token lacks ${missing.join(', ')}: posting needs ${X_REQUIRED_SCOPES.join(' ')}; authorize the app again with them`,
    });
  }
  return notes;
}

/** X OAuth 2.0: the token file's expiresAt (the last renewal wrote it); the hub renews it at the next run. */
async function expiries({ env, now }: TokenCheckOptions): Promise<TokenEnd[]> {
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
      expiresAt: new Date(at).toISOString(),
      warn: false,
      message: `the OAuth 2.0 access token ${inWords(at, now)} (${minute(at)}); renewed automatically with the refresh token`,
    },
  ];
}

export const xTokens: ChannelTokens = { warnings, expiries };
