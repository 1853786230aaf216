/**
 * The registry's list: the channels the hub publishes to, one line each, in the order they are shown
 * and posted. The site reads it (the ledger's schema, front matter's `syndication.skip` and `.text`,
 * "Also on" links); the scripts load each channel from its folder by this name
 * (scripts/channels/<name>/index.ts, scripts/channels/registry.ts). Adding a channel means one line
 * here and its folder.
 *
 * `public`: whether its copy is a public page people can read and answer under. The site's "Also on"
 * links and reply invitation list only those; an email goes to subscribers' inboxes, so the
 * newsletter's is not.
 */
export const CHANNEL_LIST = [
  { name: 'bluesky', label: 'Bluesky', public: true },
  { name: 'mastodon', label: 'Mastodon', public: true },
  { name: 'linkedin', label: 'LinkedIn', public: true },
  { name: 'x', label: 'X', public: true },
  { name: 'threads', label: 'Threads', public: true },
  { name: 'newsletter', label: 'Newsletter', public: false },
] as const satisfies ReadonlyArray<{ name: string; label: string; public: boolean }>;

/** The names of a list, as a tuple of its literal names (so zod's enum takes it). */
function namesOf<const T extends ReadonlyArray<{ name: string }>>(list: T): { readonly [K in keyof T]: T[K]['name'] } {
  return list.map((entry) => entry.name) as { readonly [K in keyof T]: T[K]['name'] };
}

/** The channels' names, in the list's order. */
export const NETWORKS = namesOf(CHANNEL_LIST);

export type Network = (typeof NETWORKS)[number];

/** Names as people write them. */
export const NETWORK_LABELS = Object.fromEntries(CHANNEL_LIST.map((channel) => [channel.name, channel.label])) as Record<Network, string>;

/** A channel whose copies are public pages, where a person has a profile (a handle). */
export type PublicNetwork = Extract<(typeof CHANNEL_LIST)[number], { public: true }>['name'];

/** Whether a channel's copy is a public page people can read and answer under. */
export function isPublicNetwork(network: Network): network is PublicNetwork {
  return CHANNEL_LIST.some((channel) => channel.name === network && channel.public);
}

/** The channels whose copies are public pages ("Also on", the reply invitation, profile handles), in the list's order. */
export const PUBLIC_NETWORKS: readonly PublicNetwork[] = NETWORKS.filter(isPublicNetwork);
