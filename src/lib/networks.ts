/** The networks the hub syndicates to, in the order they are shown and posted. */
export const NETWORKS = ['bluesky', 'mastodon', 'linkedin', 'x', 'threads'] as const;

export type Network = (typeof NETWORKS)[number];

/** Names as people write them. */
export const NETWORK_LABELS: Record<Network, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  x: 'X',
  threads: 'Threads',
};
