/**
 * Bluesky, for status: an app password has a fixed form (xxxx-xxxx-xxxx-xxxx); anything else is most
 * likely the account's own password, which Bluesky asks third-party tools not to use. An app password
 * can post and read; nothing else is scoped.
 */
import type { ChannelTokens, TokenCheckOptions, TokenNote } from '../tokens.ts';

async function warnings({ env }: TokenCheckOptions): Promise<TokenNote[]> {
  const password = env['BLUESKY_APP_PASSWORD'];
  if (!password || /^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/.test(password)) return [];
  return [
    {
      message:
        'BLUESKY_APP_PASSWORD is not in an app password’s form (xxxx-xxxx-xxxx-xxxx): make one in Settings → Privacy and security → App passwords rather than using the account’s password',
    },
  ];
}

export const blueskyTokens: ChannelTokens = { warnings };
