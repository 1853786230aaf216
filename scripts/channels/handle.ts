/**
 * How `./hub init` reads a person's handle on a channel with public profiles, as people paste it —
 * `@ada`, `ada.bsky.social`, `@ada@mastodon.social` or the profile's address. Each such channel
 * declares its rule in its own folder (`handle.ts`, on its `Channel`); scripts/init/handles.ts applies it.
 * How a handle is spelt and which profile page it names is shared with the site, which links the
 * person's handles: src/contract/handles.ts; the channel's rule adds how to read a profile's address.
 */

export interface HandleRule {
  /** The article said before the channel's label: "an X handle" (the letter is said "ex"), "a Bluesky handle". */
  article: 'a' | 'an';
  /** What a good answer looks like, as a handle and as a profile address: shown in init's question and its errors. */
  example: { handle: string; url: string };
  /** The handle from a profile address on this network, or undefined if the address is not one. */
  fromUrl: (url: URL) => string | undefined;
  /** The handle as typed, normalised, or undefined if it cannot be one. */
  fromText: (text: string) => string | undefined;
  /** The public profile page of a handle `fromText` gave. */
  url: (handle: string) => string;
}

/** The first part of an address's path, decoded: `@ada` in https://mastodon.social/@ada. */
export const firstPathPart = (url: URL): string => decodeURIComponent(url.pathname.split('/').filter(Boolean)[0] ?? '');

/** Whether the address is on one of `hosts`, with or without `www.`. */
export const hostIs = (url: URL, ...hosts: string[]): boolean => hosts.includes(url.hostname.replace(/^www\./, '').toLowerCase());
