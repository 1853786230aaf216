/**
 * The registry's list: the channels the hub publishes to, one line each, in the order they are shown
 * and posted. The site reads it (the ledger's schema, front matter's `syndication.skip` and `.text`,
 * "Also on" links); the scripts load each channel from its folder by this name
 * (scripts/channels/<name>/index.ts, scripts/channels/registry.ts). Adding a channel means one line
 * here and its folder.
 */
export const CHANNEL_LIST = [
  { name: 'bluesky', label: 'Bluesky' },
  { name: 'mastodon', label: 'Mastodon' },
  { name: 'linkedin', label: 'LinkedIn' },
  { name: 'x', label: 'X' },
  { name: 'threads', label: 'Threads' },
] as const satisfies ReadonlyArray<{ name: string; label: string }>;

/** The names of a list, as a tuple of its literal names (so zod's enum takes it). */
function namesOf<const T extends ReadonlyArray<{ name: string }>>(list: T): { readonly [K in keyof T]: T[K]['name'] } {
  return list.map((entry) => entry.name) as { readonly [K in keyof T]: T[K]['name'] };
}

/** The channels' names, in the list's order. */
export const NETWORKS = namesOf(CHANNEL_LIST);

export type Network = (typeof NETWORKS)[number];

/** Names as people write them. */
export const NETWORK_LABELS = Object.fromEntries(CHANNEL_LIST.map((channel) => [channel.name, channel.label])) as Record<Network, string>;
