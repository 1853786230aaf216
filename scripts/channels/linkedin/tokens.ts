/**
 * LinkedIn, for status. Offline: the version in use (LINKEDIN_VERSION, or derived from the date)
 * against LinkedIn's sunset table (versions.ts). With `--check-tokens`: `GET /rest/posts?q=author`
 * answers 403 without r_member_social, which LinkedIn grants to approved partners only; its token
 * scopes are otherwise known only to LinkedIn's introspection endpoint, which needs the app's client secret.
 */
import { requestJson } from '../http.ts';
import { present, type ChannelTokens, type TokenCheckOptions, type TokenNote } from '../tokens.ts';
import { linkedinConfig, type LinkedInConfig } from './adapter.ts';
import { derivedLinkedInVersion, linkedInVersionStatus, SUNSET_WARNING_DAYS, suggestedLinkedInVersion } from './versions.ts';

/** The configuration when it is set and usable; a LINKEDIN_VERSION that is not YYYYMM is said by `warnings`. */
function usableConfig(env: Record<string, string | undefined>): LinkedInConfig | undefined {
  try {
    const config = linkedinConfig(env);
    return present(config) ? config : undefined;
  } catch {
    return undefined;
  }
}

function versionWarnings(env: Record<string, string | undefined>, now: number): TokenNote[] {
  const configured = env['LINKEDIN_VERSION'];
  const version = configured || derivedLinkedInVersion(now);
  const status = linkedInVersionStatus(version, now);
  if (!status) return [];
  const about = status.estimated ? 'about ' : '';
  const instead = configured
    ? `set LINKEDIN_VERSION=${suggestedLinkedInVersion(now, version)}, or remove it and the hub picks one from the date`
    : 'update the hub';
  const named = configured ? `LINKEDIN_VERSION=${version}` : `API version ${version}`;
  if (status.daysLeft < 0) return [{ message: `${named} retired on ${about}${status.sunset}: every LinkedIn request fails; ${instead}` }];
  if (status.daysLeft <= SUNSET_WARNING_DAYS) {
    return [{ message: `${named} retires on ${about}${status.sunset} (in ${status.daysLeft} days); ${instead}` }];
  }
  return [];
}

async function warnings({ env, now }: TokenCheckOptions): Promise<TokenNote[]> {
  try {
    if (!present(linkedinConfig(env))) return [];
  } catch (error) {
    return [{ message: error instanceof Error ? error.message : String(error) }];
  }
  return versionWarnings(env, now);
}

async function check(options: TokenCheckOptions): Promise<TokenNote[]> {
  const config = usableConfig(options.env);
  if (!config) return [];
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
        message: `LinkedIn does not serve API version ${version}: set LINKEDIN_VERSION=${suggestedLinkedInVersion(options.now, version)}`,
      },
    ];
  if (status === 403) {
    return [
      {
        message:
          'the token lacks r_member_social (LinkedIn grants it to approved partners only): posting works; counts and replies are not read, and a post whose answer was lost cannot be checked before posting again',
      },
    ];
  }
  return [];
}

export const linkedinTokens: ChannelTokens = { warnings, check };
