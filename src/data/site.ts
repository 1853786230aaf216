/**
 * The site-wide facts pages need, read once per build: settings, the person, the publishing context.
 * Pages import from here rather than reading files or collections themselves.
 */
import { getEntry } from 'astro:content';
import { getImage } from 'astro:assets';
import { buildNow, type PublishingContext } from '../lib/publishing.ts';
import { loadSiteSettings } from '../lib/site-settings.ts';
import type { PersonFacts } from '../lib/structured-data.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const settings = loadSiteSettings(import.meta.env.HUB_ROOT);

/** Drafts and future pieces show in `npm run dev` only. */
export const publishing: PublishingContext = {
  now: buildNow(process.env),
  showUnpublished: import.meta.env.HUB_COMMAND === 'dev',
};

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
    image: absoluteUrl(image.src, settings.url),
    email: profile.email,
    sameAs: profile.links.map((link) => link.url),
    location: profile.location,
  };
}
