/** What the speaking page offers organisers, as plain data: bios with word counts, headshots, booking. */
import { HEADSHOT_MIN_PIXELS } from '../schemas/speaking.ts';
import { slugify } from './authoring.ts';
import { wordCount } from './text.ts';

export type BioLength = 'short' | 'medium' | 'long';

export interface BioVersion {
  length: BioLength;
  /** `Short bio`. */
  label: string;
  /** What it is for, as the profile schema describes it. */
  use: string;
  text: string;
  /** Paragraphs, split at blank lines. */
  paragraphs: string[];
  words: number;
}

const BIO_LABELS: Record<BioLength, { label: string; use: string }> = {
  short: { label: 'Short bio', use: 'For introductions and social profiles.' },
  medium: { label: 'Medium bio', use: 'For programmes and websites.' },
  long: { label: 'Long bio', use: 'For speaker packs and introductions on stage.' },
};

/** The three bios, shortest first, each with its word count. */
export function bioVersions(bio: Record<BioLength, string>): BioVersion[] {
  return (['short', 'medium', 'long'] as const).map((length) => ({
    length,
    ...BIO_LABELS[length],
    text: bio[length],
    paragraphs: bio[length]
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
    words: wordCount(bio[length]),
  }));
}

/**
 * Why a headshot is too small to offer, or undefined. Organisers print headshots on programmes and
 * posters, which needs at least 1500 px on the shorter side.
 */
export function headshotSizeProblem(size: { width: number; height: number }): string | undefined {
  if (Math.min(size.width, size.height) >= HEADSHOT_MIN_PIXELS) return undefined;
  return `expected an image at least ${HEADSHOT_MIN_PIXELS} px on each side, so it prints well, got ${size.width} × ${size.height} px`;
}

/**
 * `morwenna-hale-headshot-1.jpg`: the name a downloaded headshot is saved under; a size cut from it adds
 * the size (`morwenna-hale-headshot-1-square-web.jpg`).
 */
export function headshotFileName(personName: string, position: number, format: string, size?: string): string {
  const extension = format === 'jpeg' ? 'jpg' : format;
  return `${slugify(personName) || 'headshot'}-headshot-${position}${size ? `-${size}` : ''}.${extension}`;
}

/** `1600 × 1600 px, JPEG, 55 KB`. */
export function describeImageFile(image: { width: number; height: number; format: string }, bytes?: number): string {
  const parts = [`${image.width} × ${image.height} px`, image.format === 'svg' ? 'SVG' : image.format.toUpperCase()];
  if (bytes !== undefined)
    parts.push(bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`);
  return parts.join(', ');
}

/** The body of a booking email: a greeting and one line per thing to include, ready to fill in. */
export function bookingEmailBody(personName: string, include: readonly string[]): string {
  const lines = [`Hello,`, '', `We would like to invite ${personName} to speak.`];
  if (include.length > 0) lines.push('', ...include.map((item) => `${item}: `));
  return `${lines.join('\n')}\n`;
}
