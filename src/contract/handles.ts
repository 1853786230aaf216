/**
 * How a person's handle is written on each network with public profiles, and the profile page it names.
 * One rule per network, shared: `./hub init` normalises what people paste with it (through each
 * channel's scripts/channels/<name>/handle.ts, which adds how to read a profile's address), and the
 * site links the handles in content/profile.yaml to their profiles with it (the follow block, the
 * `fediverse:creator` meta tag). Keyed by the public channels, so a new one cannot be left out.
 */
import type { PublicNetwork } from './networks.ts';

export interface HandleSpelling {
  /** The handle as typed, normalised, or undefined if it cannot be one. */
  fromText: (text: string) => string | undefined;
  /** The public profile page of a handle `fromText` gave. */
  url: (handle: string) => string;
}

/** A domain name, as a Bluesky handle or a Mastodon server is one. */
export const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export const HANDLE_SPELLINGS: Record<PublicNetwork, HandleSpelling> = {
  /** A domain name: `ada.bsky.social`, or the person's own. */
  bluesky: {
    fromText: (text) => {
      const handle = text.replace(/^@/, '').toLowerCase();
      return DOMAIN.test(handle) ? handle : undefined;
    },
    url: (handle) => `https://bsky.app/profile/${handle}`,
  },
  /** The user and their server: `@ada@mastodon.social`. */
  mastodon: {
    fromText: (text) => {
      const match = /^@?([\w.]+)@([^@\s]+)$/.exec(text);
      return match && DOMAIN.test(match[2]!) ? `@${match[1]}@${match[2]!.toLowerCase()}` : undefined;
    },
    url: (handle) => {
      const [, user, server] = /^@([^@]+)@(.+)$/.exec(handle)!;
      return `https://${server}/@${user}`;
    },
  },
  /** The public profile's name: `ada-lovelace` in linkedin.com/in/ada-lovelace. */
  linkedin: {
    fromText: (text) => (/^[\p{L}\p{N}_-]{3,100}$/u.test(text) ? text : undefined),
    url: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}`,
  },
  /** `@ada`: up to 15 letters, digits or underscores. */
  x: {
    fromText: (text) => {
      const handle = text.replace(/^@/, '');
      return /^\w{1,15}$/.test(handle) ? handle : undefined;
    },
    url: (handle) => `https://x.com/${handle}`,
  },
  /** The Instagram username: `@ada`. */
  threads: {
    fromText: (text) => {
      const handle = text.replace(/^@/, '').toLowerCase();
      return /^[\w.]{1,30}$/.test(handle) ? handle : undefined;
    },
    url: (handle) => `https://www.threads.com/@${handle}`,
  },
};

/** A handle from profile.yaml, normalised, with its profile page; undefined when it is not one the network allows. */
export function profileOf(network: PublicNetwork, written: string): { handle: string; url: string } | undefined {
  const spelling = HANDLE_SPELLINGS[network];
  const handle = spelling.fromText(written.trim());
  return handle === undefined ? undefined : { handle, url: spelling.url(handle) };
}
