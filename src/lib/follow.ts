/**
 * What the follow block offers besides the feeds: the person's accounts on the networks, the site's own
 * addresses when Bridgy Fed bridges it, and the Mastodon account that `fediverse:creator` names.
 * Handles are spelt and linked by the one rule the scripts use too (src/contract/handles.ts).
 */
import { profileOf } from '../contract/handles.ts';
import { NETWORK_LABELS, PUBLIC_NETWORKS, type Network, type PublicNetwork } from '../contract/networks.ts';

export interface Account {
  network: PublicNetwork;
  /** "Bluesky", "Mastodon", … */
  label: string;
  /** The handle as the network writes it, or as profile.yaml has it when the network's rule cannot read it. */
  handle: string;
  /** The profile page; undefined when the handle is not one the network allows (then it is shown, not linked). */
  url: string | undefined;
}

/** The person's accounts on the public networks, in the channel list's order; the newsletter has no handle. */
export function accountsOf(handles: Partial<Record<Network, string>>): Account[] {
  return PUBLIC_NETWORKS.flatMap((network) => {
    const written = handles[network]?.trim();
    if (!written) return [];
    const profile = profileOf(network, written);
    return [{ network, label: NETWORK_LABELS[network], handle: profile?.handle ?? written, url: profile?.url }];
  });
}

/** `@user@host` for `<meta name="fediverse:creator">` (Mastodon's author attribution), or undefined without a Mastodon handle. */
export function fediverseCreator(handles: Partial<Record<Network, string>>): string | undefined {
  const written = handles.mastodon?.trim();
  return written ? profileOf('mastodon', written)?.handle : undefined;
}

export interface BridgedAddresses {
  /** Whom to follow from Mastodon and the rest of the fediverse: `@example.com@web.brid.gy`, or the site's own. */
  fediverse: string;
  /** Whom to follow from Bluesky: `example.com.web.brid.gy`. */
  bluesky: string;
}

/**
 * The addresses Bridgy Fed gives a bridged web site (https://fed.brid.gy/docs): the site's domain as a
 * user on web.brid.gy, and the same under web.brid.gy as a Bluesky handle. Bridgy Fed names a site by
 * its domain without `www.` (www.nature.com is nature.com.web.brid.gy). `fediverseAddress` replaces the
 * fediverse address when the site answers WebFinger itself (redirecting /.well-known/ to Bridgy Fed).
 */
export function bridgedAddresses(siteUrl: string, fediverseAddress?: string): BridgedAddresses {
  const domain = new URL(siteUrl).hostname.toLowerCase().replace(/^www\./, '');
  return { fediverse: fediverseAddress ?? `@${domain}@web.brid.gy`, bluesky: `${domain}.web.brid.gy` };
}
