/** The adapters by network, each made from its environment variables or reported as missing. */
import type { Network } from '../../../src/lib/networks.ts';
import type { AdapterDeps, MissingCredentials, NetworkAdapter } from './adapter.ts';
import { blueskyConfig, blueskyReaderConfig, createBlueskyAdapter, createBlueskyReader } from './bluesky.ts';
import { createLinkedInAdapter, linkedinConfig } from './linkedin.ts';
import { createMastodonAdapter, mastodonConfig } from './mastodon.ts';
import { createThreadsAdapter, threadsConfig } from './threads.ts';
import { createXAdapter, xConfig } from './x.ts';

export function adapterFromEnv(network: Network, env: Record<string, string | undefined>, deps: AdapterDeps): NetworkAdapter | MissingCredentials {
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

/** What collecting needs of a network: its second verb. */
export type NetworkReader = Pick<NetworkAdapter, 'network' | 'readBack'>;

/**
 * The reader for a network: Bluesky reads from an AppView and needs no credentials (BLUESKY_APPVIEW,
 * default the public one); every other network reads with the credentials it posts with.
 */
export function readerFromEnv(network: Network, env: Record<string, string | undefined>, deps: AdapterDeps): NetworkReader | MissingCredentials {
  if (network === 'bluesky') return createBlueskyReader(blueskyReaderConfig(env), deps);
  return adapterFromEnv(network, env, deps);
}

export type { NetworkAdapter, PreparedPost, ReadBack, RemotePost } from './adapter.ts';
