/**
 * Mastodon, for status with `--check-tokens`: `GET /api/v1/apps/verify_credentials` gives the scopes
 * the app was registered with (Mastodon 4.3 and later;
 * https://docs.joinmastodon.org/methods/apps/#verify_credentials), which bound the token's: a token
 * made in Preferences → Development has exactly these.
 */
import { requestJson } from '../http.ts';
import { present, type ChannelTokens, type TokenCheckOptions, type TokenNote } from '../tokens.ts';
import { coversMastodonScope, MASTODON_SCOPES, mastodonConfig } from './adapter.ts';

async function check(options: TokenCheckOptions): Promise<TokenNote[]> {
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
        message: `the server does not say the token’s scopes (Mastodon before 4.3): it needs ${MASTODON_SCOPES.join(' ')}`,
      },
    ];
  const missing = MASTODON_SCOPES.filter((scope) => !coversMastodonScope(scopes as string[], scope));
  return missing.length === 0
    ? []
    : [
        {
          message: `the token lacks ${missing.join(', ')}: make one with ${MASTODON_SCOPES.join(' ')} (Preferences → Development) and set MASTODON_TOKEN`,
        },
      ];
}

export const mastodonTokens: ChannelTokens = { check };
