/**
 * A handle on each network, as people paste it — `@ada`, `ada.bsky.social`, `@ada@mastodon.social` or
 * the profile's address — turned into what `content/profile.yaml` keeps: the handle (`handles`) and the
 * profile link (`links`, rendered with `rel="me"` so the network can verify the site).
 */
import { NETWORK_LABELS, type PublicNetwork } from '../../src/contract/networks.ts';

export interface Handle {
  network: PublicNetwork;
  /** As `handles.<network>` keeps it. */
  handle: string;
  /** The public profile page. */
  url: string;
}

interface Rule {
  /** Shown in the error: what a good answer looks like. */
  example: string;
  /** The handle from a profile address on this network, or undefined if the address is not one. */
  fromUrl: (url: URL) => string | undefined;
  /** The handle as typed, normalised, or undefined if it cannot be one. */
  fromText: (text: string) => string | undefined;
  url: (handle: string) => string;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const firstPathPart = (url: URL) => decodeURIComponent(url.pathname.split('/').filter(Boolean)[0] ?? '');
const hostIs = (url: URL, ...hosts: string[]) => hosts.includes(url.hostname.replace(/^www\./, '').toLowerCase());

/** One rule per channel with a public profile (an email list has no handle). */
const RULES: Record<PublicNetwork, Rule> = {
  bluesky: {
    example: 'ada.bsky.social (or https://bsky.app/profile/ada.bsky.social)',
    fromUrl: (url) => (hostIs(url, 'bsky.app') && url.pathname.startsWith('/profile/') ? url.pathname.split('/')[2] : undefined),
    fromText: (text) => {
      const handle = text.replace(/^@/, '').toLowerCase();
      return DOMAIN.test(handle) ? handle : undefined;
    },
    url: (handle) => `https://bsky.app/profile/${handle}`,
  },
  mastodon: {
    example: '@ada@mastodon.social (or https://mastodon.social/@ada)',
    fromUrl: (url) => {
      const user = /^@([\w.]+)$/.exec(firstPathPart(url))?.[1];
      return user ? `@${user}@${url.hostname.toLowerCase()}` : undefined;
    },
    fromText: (text) => {
      const match = /^@?([\w.]+)@([^@\s]+)$/.exec(text);
      return match && DOMAIN.test(match[2]!) ? `@${match[1]}@${match[2]!.toLowerCase()}` : undefined;
    },
    url: (handle) => {
      const [, user, server] = /^@([^@]+)@(.+)$/.exec(handle)!;
      return `https://${server}/@${user}`;
    },
  },
  linkedin: {
    example: 'ada-lovelace (or https://www.linkedin.com/in/ada-lovelace)',
    fromUrl: (url) =>
      hostIs(url, 'linkedin.com') && url.pathname.startsWith('/in/') ? decodeURIComponent(url.pathname.split('/')[2] ?? '') : undefined,
    fromText: (text) => (/^[\p{L}\p{N}_-]{3,100}$/u.test(text) ? text : undefined),
    url: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}`,
  },
  x: {
    example: '@ada (or https://x.com/ada)',
    fromUrl: (url) => (hostIs(url, 'x.com', 'twitter.com') ? firstPathPart(url) : undefined),
    fromText: (text) => {
      const handle = text.replace(/^@/, '');
      return /^\w{1,15}$/.test(handle) ? handle : undefined;
    },
    url: (handle) => `https://x.com/${handle}`,
  },
  threads: {
    example: '@ada (or https://www.threads.com/@ada)',
    fromUrl: (url) => (hostIs(url, 'threads.com', 'threads.net') ? firstPathPart(url).replace(/^@/, '') : undefined),
    fromText: (text) => {
      const handle = text.replace(/^@/, '').toLowerCase();
      return /^[\w.]{1,30}$/.test(handle) ? handle : undefined;
    },
    url: (handle) => `https://www.threads.com/@${handle}`,
  },
};

/** The handle and profile link for what was typed; throws a sentence saying what was expected. */
export function parseHandle(network: PublicNetwork, input: string): Handle {
  const rule = RULES[network];
  const text = input.trim();
  let handle: string | undefined;
  if (/^https?:\/\//i.test(text)) {
    const url = URL.parse(text);
    const fromUrl = url ? rule.fromUrl(url) : undefined;
    handle = fromUrl ? rule.fromText(fromUrl) : undefined;
  } else {
    handle = rule.fromText(text);
  }
  const label = NETWORK_LABELS[network];
  // "an X handle": the letter is said "ex".
  if (!handle)
    throw new Error(`expected ${network === 'x' ? 'an' : 'a'} ${label} handle like ${rule.example}, got ${JSON.stringify(text)}`);
  return { network, handle, url: rule.url(handle) };
}
