/**
 * A handle on each network, as people paste it — `@ada`, `ada.bsky.social`, `@ada@mastodon.social` or
 * the profile's address — turned into what `content/profile.yaml` keeps: the handle (`handles`) and the
 * profile link (`links`, rendered with `rel="me"` so the network can verify the site). How each network
 * writes its handles is its channel's `handle` rule (scripts/channels/<name>/handle.ts).
 */
import { isPublicNetwork, NETWORK_LABELS, type PublicNetwork } from '../../src/contract/networks.ts';
import type { Channel } from '../channels/channel.ts';
import type { HandleRule } from '../channels/handle.ts';
import { channels } from '../channels/registry.ts';

export interface Handle {
  network: PublicNetwork;
  /** As `handles.<network>` keeps it. */
  handle: string;
  /** The public profile page. */
  url: string;
}

/** The handle rule of each channel with public profiles, in the registry's order. */
export type HandleRules = ReadonlyMap<PublicNetwork, HandleRule>;

/**
 * The public channels' handle rules, from the registry (or the channels given); throws one line naming a
 * public channel that declares none.
 */
export async function handleRules(list?: Iterable<Channel>): Promise<HandleRules> {
  const rules = new Map<PublicNetwork, HandleRule>();
  for (const channel of list ?? (await channels()).values()) {
    if (!isPublicNetwork(channel.name)) continue;
    if (!channel.handle) {
      throw new Error(
        `scripts/channels/${channel.name}/index.ts: handle is missing, but src/contract/networks.ts lists "${channel.name}" as public: declare how its handles are written (scripts/channels/handle.ts)`,
      );
    }
    rules.set(channel.name, channel.handle);
  }
  return rules;
}

/** The handle and profile link for what was typed, by the network's rule; throws a sentence saying what was expected. */
export function parseHandle(network: PublicNetwork, rule: HandleRule, input: string): Handle {
  const text = input.trim();
  let handle: string | undefined;
  if (/^https?:\/\//i.test(text)) {
    const url = URL.parse(text);
    const fromUrl = url ? rule.fromUrl(url) : undefined;
    handle = fromUrl ? rule.fromText(fromUrl) : undefined;
  } else {
    handle = rule.fromText(text);
  }
  if (!handle) {
    throw new Error(
      `expected ${rule.article} ${NETWORK_LABELS[network]} handle like ${rule.example.handle} (or ${rule.example.url}), got ${JSON.stringify(text)}`,
    );
  }
  return { network, handle, url: rule.url(handle) };
}
