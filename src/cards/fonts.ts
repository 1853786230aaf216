/**
 * The card typeface, from the @fontsource/inter npm package (never fetched at build time). satori
 * needs TTF/OTF/WOFF, not WOFF2, and picks a fallback per glyph only across differently named fonts,
 * so each script's subset is registered under its own family name and listed in order.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

export interface CardFont {
  name: string;
  data: Buffer;
  weight: (typeof WEIGHTS)[number];
  style: 'normal';
}

export interface CardFonts {
  fonts: CardFont[];
  /** CSS font-family list naming every subset, in fallback order. */
  family: string;
  /** Hash of every font file, part of each card's cache key. */
  hash: string;
}

/** Loads the fonts from the project's node_modules. */
export function loadCardFonts(root: string): CardFonts {
  const require = createRequire(join(root, 'package.json'));
  let folder: string;
  try {
    folder = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  } catch (error) {
    throw new Error('share cards: the font package @fontsource/inter is not installed; run npm ci', { cause: error });
  }
  const hash = createHash('sha256');
  const fonts: CardFont[] = [];
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      const data = readFileSync(join(folder, `inter-${subset}-${weight}-normal.woff`));
      hash.update(data);
      fonts.push({ name: `Inter ${subset}`, data, weight, style: 'normal' });
    }
  }
  return { fonts, family: SUBSETS.map((subset) => `Inter ${subset}`).join(', '), hash: hash.digest('hex') };
}
