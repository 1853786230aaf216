/** The adapters by network, each made from its environment variables or reported as missing. */
import type { Network } from '../../../src/lib/networks.ts';
import type { AdapterDeps, MissingCredentials, NetworkAdapter } from './adapter.ts';
import { blueskyConfig, createBlueskyAdapter } from './bluesky.ts';
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

export type { NetworkAdapter, PreparedPost, RemotePost } from './adapter.ts';
