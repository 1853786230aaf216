import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { ContentProblem } from '../lib/validation.ts';

/**
 * What a schema's `image()` leaves in an entry's data: the path as written, behind this prefix. Astro
 * resolves it later, in the bundler, and a missing file then fails with "Could not find requested image",
 * naming neither the entry nor the field. If Astro changes the prefix this check finds nothing and
 * Astro's own error remains.
 */
const IMAGE_PLACEHOLDER = '__ASTRO_IMAGE_';

export interface MissingImage {
  /** Dotted field path, for example `hero.src`. */
  field: string;
  /** The path as written in the entry. */
  src: string;
  /** Where it was looked for, relative to `root`. */
  lookedFor: string;
}

/**
 * The first relative image path in an entry's parsed data that points at no file. `entryFile` is the
 * entry's absolute path (relative images are relative to it); `root` only shortens the message.
 */
export function findMissingImage(data: unknown, entryFile: string, root: string): MissingImage | undefined {
  const walk = (value: unknown, path: string[]): MissingImage | undefined => {
    if (typeof value === 'string') {
      if (!value.startsWith(IMAGE_PLACEHOLDER)) return undefined;
      const src = value.slice(IMAGE_PLACEHOLDER.length);
      // Only paths relative to the entry: aliases, public paths and URLs are resolved elsewhere.
      if (!src.startsWith('.')) return undefined;
      const target = resolve(dirname(entryFile), src);
      return existsSync(target) ? undefined : { field: path.join('.'), src, lookedFor: relative(root, target) };
    }
    if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
    for (const [key, child] of Object.entries(value)) {
      const found = walk(child, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(data, []);
}

/** `content/essays/x.md: hero.src: is "./missing.jpg", which does not exist (…) — …`. */
export function missingImageProblem(shownFile: string, missing: MissingImage): ContentProblem {
  return {
    file: shownFile,
    field: missing.field,
    problem: `is ${JSON.stringify(missing.src)}, which does not exist (looked for ${missing.lookedFor})`,
    fix: 'use the path of an image file relative to this file, or add the image there',
  };
}
