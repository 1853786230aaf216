/**
 * The channels, in the order of the registry's list (src/contract/networks.ts). Each is loaded from its
 * folder by convention, `./<name>/index.ts`, whose default export is its `Channel` (channel.ts), so
 * adding a channel is one line in the list and its folder: nothing here names one.
 *
 * Loading them also tells the secrets registry (scripts/lib/secrets.ts) which environment variables
 * hold the channels' secrets, so `redact` hides them. The secrets registry cannot ask for them itself:
 * the channels import it (to register the tokens they obtain), and it must not import them back.
 */
import { access } from 'node:fs/promises';
import { NETWORKS, type Network } from '../../src/contract/networks.ts';
import { HUB_SECRET_ENV, registerSecretEnv } from '../lib/secrets.ts';
import type { Channel } from './channel.ts';

/** Loads the named channels from `folder` (this one, unless a test gives another), in the order given. */
export async function loadChannels(names: readonly string[], folder: URL = new URL('./', import.meta.url)): Promise<Channel[]> {
  return Promise.all(
    names.map(async (name) => {
      const file = new URL(`${name}/index.ts`, folder);
      const where = `scripts/channels/${name}/index.ts`;
      try {
        await access(file);
      } catch (error) {
        throw new Error(`${where}: not found, but src/contract/networks.ts lists "${name}": add its folder, or remove it from the list`, {
          cause: error,
        });
      }
      const channel = ((await import(file.href)) as { default?: Channel }).default;
      if (channel?.name !== name)
        throw new Error(
          `${where}: the default export must be the Channel named "${name}" (defineChannel in channels/channel.ts), got ${channel ? `"${channel.name}"` : 'none'}`,
        );
      registerSecretEnv(channel.secretEnv);
      return channel;
    }),
  );
}

let loaded: Promise<ReadonlyMap<Network, Channel>> | undefined;

/** Every channel of the list, by name, in the list's order; loaded once per process. */
export function channels(): Promise<ReadonlyMap<Network, Channel>> {
  loaded ??= loadChannels(NETWORKS).then((list) => new Map(list.map((channel) => [channel.name, channel])));
  return loaded;
}

/** One channel by name. */
export async function channel(name: Network): Promise<Channel> {
  return (await channels()).get(name)!;
}

/** Every environment variable that holds a secret: the channels' and the hub's own (the Webmention.io token). */
export async function secretEnv(): Promise<string[]> {
  return [...[...(await channels()).values()].flatMap((channel) => channel.secretEnv), ...HUB_SECRET_ENV];
}
