/**
 * The site-wide facts pages need, read once per build: settings, the person, the publishing context,
 * the site's address and the formats of its language. Pages import from here rather than reading
 * files, collections or the environment themselves.
 */
import { getEntry } from 'astro:content';
import { getImage } from 'astro:assets';
import { command, root, settings } from 'virtual:hub/site-context';
import { createFormats, type Formats } from '../lib/formats.ts';
import { buildNow } from '../lib/hub-env.ts';
import type { PublishingContext } from '../lib/publishing.ts';
import type { PersonFacts } from '../lib/structured-data.ts';
import { absoluteUrl } from '../lib/urls.ts';

/** `content/site.yaml`, read once by src/integrations/site-context.ts. */
export { settings };

/** The project root, for build-time code that reads project files (share-card fonts and cache). */
export const projectRoot: string = root;

/** The Astro command running: `dev`, `build`, `preview` or `sync`. */
export const astroCommand: typeof command = command;

/** Drafts and future pieces show in `npm run dev` only. */
export const publishing: PublishingContext = {
  now: buildNow(process.env),
  showUnpublished: command === 'dev',
};

/** The site's address (`url` in site.yaml, or `SITE_URL`), for the src/lib functions that build several URLs from it. */
export const site: string = settings.url;

/** A site path as an absolute URL on the site: `absolute('/about/')` → `https://…/about/`. */
export function absolute(path: string): string {
  return absoluteUrl(path, site);
}

/** Dates and numbers as readers of the site's `language` write them. */
export const formats: Formats = createFormats(settings.language);

export async function getProfile() {
  const entry = await getEntry('profile', 'profile');
  if (!entry) throw new Error('content/profile.yaml: the profile is missing; the hub needs one person to be about');
  return entry.data;
}

export type Profile = Awaited<ReturnType<typeof getProfile>>;

/** The site's name: configured, or the person's name. */
export async function getSiteTitle(): Promise<string> {
  return settings.title ?? (await getProfile()).name;
}

let portrait: Promise<{ src: string; width: number; height: number }> | undefined;

/** The portrait as a 1200-pixel JPEG, for link previews and structured data (drawn once per build). */
export function getPortrait(): Promise<{ src: string; width: number; height: number }> {
  portrait ??= (async () => {
    const { photo } = await getProfile();
    const image = await getImage({ src: photo.src, width: Math.min(1200, photo.src.width), format: 'jpeg' });
    return { src: image.src, width: Number(image.attributes['width']), height: Number(image.attributes['height']) };
  })();
  return portrait;
}

/** The person as structured data sees them. */
export async function getPersonFacts(): Promise<PersonFacts> {
  const profile = await getProfile();
  const image = await getPortrait();
  return {
    name: profile.name,
    jobTitle: profile.jobTitle,
    organisation: profile.organisation,
    description: profile.bio.short,
    image: absolute(image.src),
    email: profile.email,
    sameAs: profile.links.map((link) => link.url),
    location: profile.location,
  };
}
