/** The adapters by network, each made from its environment variables or reported as missing. */
import type { Network } from '../../../src/lib/networks.ts';
import type { AdapterDeps, MissingCredentials, NetworkAdapter, RemotePost } from './adapter.ts';
import { blueskyConfig, blueskyReaderConfig, createBlueskyAdapter, createBlueskyReader } from './bluesky.ts';
import { createLinkedInAdapter, LINKEDIN_LOOK_AT, linkedinConfig, linkedinRemoteFromUrl } from './linkedin.ts';
import { createMastodonAdapter, mastodonConfig } from './mastodon.ts';
import { createThreadsAdapter, threadsConfig } from './threads.ts';
import { createXAdapter, xConfig } from './x.ts';

export function adapterFromEnv(
  network: Network,
  env: Record<string, string | undefined>,
  deps: AdapterDeps,
): NetworkAdapter | MissingCredentials {
  switch (network) {
    case 'bluesky': {
      const config = blueskyConfig(env);
      return 'missing' in config ? config : createBlueskyAdapter(config, deps);
    }
    case 'mastodon': {
      const config = mastodonConfig(env);
      return 'missing' in config ? config : createMastodonAdapter(config, deps);
    }
    case 'linkedin': {
      const config = linkedinConfig(env);
      return 'missing' in config ? config : createLinkedInAdapter(config, deps);
    }
    case 'x': {
      const config = xConfig(env);
      return 'missing' in config ? config : createXAdapter(config, deps);
    }
    case 'threads': {
      const config = threadsConfig(env);
      return 'missing' in config ? config : createThreadsAdapter(config, deps);
    }
  }
}

/** What `--resolve` and status need of a network whose adapter may hold an item (`NeedsConfirmation`). */
export interface ConfirmedByHand {
  /** The adapter's `remoteFromUrl`, usable without credentials. */
  remoteFromUrl: (url: string) => RemotePost;
  /** Where the person looks: "your LinkedIn activity". */
  lookAt: string;
  /** Why the hub may not see for itself, said where the token was not asked (status). */
  why: string;
}

/**
 * The networks where a post whose answer was lost may be impossible for the hub to look for, so a run
 * holds it and the person settles it with `./hub run syndicate -- --resolve`. Every other network
 * looks for its own copies (a record key, an idempotency key, or the account's recent posts).
 */
export const CONFIRMED_BY_HAND: Partial<Record<Network, ConfirmedByHand>> = {
  linkedin: {
    remoteFromUrl: linkedinRemoteFromUrl,
    lookAt: LINKEDIN_LOOK_AT,
    why: 'the hub can look only with r_member_social, which LinkedIn grants to partners',
  },
};

/** What collecting needs of a network: its second verb. */
export type NetworkReader = Pick<NetworkAdapter, 'network' | 'readBack'>;

/**
 * The reader for a network: Bluesky reads from an AppView and needs no credentials (BLUESKY_APPVIEW,
 * default the public one); every other network reads with the credentials it posts with.
 */
export function readerFromEnv(
  network: Network,
  env: Record<string, string | undefined>,
  deps: AdapterDeps,
): NetworkReader | MissingCredentials {
  if (network === 'bluesky') return createBlueskyReader(blueskyReaderConfig(env), deps);
  return adapterFromEnv(network, env, deps);
}

export type { NetworkAdapter, PreparedPost, ReadBack, RemotePost } from './adapter.ts';
