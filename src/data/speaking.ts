/**
 * `content/speaking.yaml`, read once per build (its loader has already checked the headshots' sizes),
 * with what the pages need to offer each headshot for download.
 */
import { stat } from 'node:fs/promises';
import { getImage } from 'astro:assets';
import { getEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { describeHeadshotSize, headshotSizes, type HeadshotSize } from '../lib/headshot-sizes.ts';
import { describeImageFile, headshotFileName } from '../lib/speaking.ts';
import { getProfile } from './site.ts';

export interface Headshot {
  src: ImageMetadata;
  alt: string;
  credit: string;
  usage: string;
  /**
   * The original file as Astro emits it (`/_astro/portrait.<hash>.jpg`): byte for byte what the author
   * added, not a re-encoded copy, under a name that changes when the photo does (so no cache serves an
   * old one). Keeping it in `content/` rather than a copy in `public/` means one file to replace.
   */
  href: string;
  /** Suggested name for the download, for example `morwenna-hale-headshot-1.jpg`. */
  fileName: string;
  /** `1600 × 1600 px, JPEG, 56 KB`. */
  description: string;
  /** The sizes organisers ask for (square and landscape, web and print), cut from this headshot by the build. */
  sizes: HeadshotFile[];
}

/** One size of a headshot, to download. */
export interface HeadshotFile extends HeadshotSize {
  /** The JPEG the build wrote (`/_astro/…`). */
  href: string;
  /** `morwenna-hale-headshot-1-square-web.jpg`. */
  fileName: string;
  /** `1600 × 1600 px, 13.5 × 13.5 cm at 300 dpi`. */
  description: string;
}

/**
 * Each size of a headshot as a JPEG, drawn by Astro's image service (sharp) at build time: a centred crop
 * of the size's shape, never enlarged. (A headshot frames the face with headroom, so the centre keeps
 * head and shoulders; sharp's `attention` strategy chose the jacket and cut off the top of the head.)
 */
function headshotFiles(src: ImageMetadata, personName: string, position: number): Promise<HeadshotFile[]> {
  return Promise.all(
    headshotSizes(src).map(async (size) => {
      const image = await getImage({
        src,
        width: size.width,
        height: size.height,
        fit: 'cover',
        format: 'jpeg',
        quality: size.print ? 92 : 82,
      });
      return {
        ...size,
        href: image.src,
        fileName: headshotFileName(personName, position, 'jpeg', size.id),
        description: describeHeadshotSize(size),
      };
    }),
  );
}

async function loadSpeaking() {
  const entry = await getEntry('speaking', 'speaking');
  if (!entry) return undefined;
  const profile = await getProfile();
  const headshots = await Promise.all(
    entry.data.headshots.map(async (headshot, index): Promise<Headshot> => {
      // Astro's image metadata knows where the original is; its size in bytes helps people on slow connections.
      const fsPath = (headshot.src as ImageMetadata & { fsPath?: string }).fsPath;
      const bytes = fsPath ? (await stat(fsPath).catch(() => undefined))?.size : undefined;
      return {
        ...headshot,
        href: headshot.src.src,
        fileName: headshotFileName(profile.name, index + 1, headshot.src.format),
        description: describeImageFile(headshot.src, bytes),
        sizes: await headshotFiles(headshot.src, profile.name, index + 1),
      };
    }),
  );
  return { ...entry.data, headshots };
}

export type SpeakingSettings = NonNullable<Awaited<ReturnType<typeof loadSpeaking>>>;

let cache: Promise<SpeakingSettings | undefined> | undefined;

/**
 * The speaking settings, or `undefined` when there is no `content/speaking.yaml`: it is optional, and
 * without it the speaking page has the profile's bios and takes bookings at the profile's email.
 */
export function getSpeaking(): Promise<SpeakingSettings | undefined> {
  cache ??= loadSpeaking();
  return cache;
}
