/**
 * The card typefaces: the site's type pairing (theme.typePairing, src/lib/type-pairing.ts), from the
 * static @fontsource/<face> npm packages (never fetched at build time). The title is set in the prose
 * face, as the pages set headings; label, context, name and domain in the interface face. satori needs
 * TTF/OTF/WOFF, not the pages' variable WOFF2, and picks a fallback per glyph only across differently
 * named fonts, so each script's subset is registered under its own family name and listed in order —
 * the prose face's subsets, then the interface face's, so a title in a script the prose face lacks
 * (Newsreader has no Greek or Cyrillic) is still drawn, in the interface face.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { typePairing, type Face, type TypePairing } from '../lib/type-pairing.ts';

/** The subsets a card may need, in fallback order; each face registers those it has. */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] as const;
type Weight = 400 | 700;
/** The title is bold; the interface face draws the bold label and name and the regular context and domain. */
const WEIGHTS: Record<'prose' | 'interface', Weight[]> = { prose: [700], interface: [400, 700] };

export interface CardFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: 'normal';
}

/** CSS font-family lists naming every registered subset, in fallback order. */
export interface CardFamilies {
  prose: string;
  interface: string;
}

export interface CardFonts {
  fonts: CardFont[];
  family: CardFamilies;
  /** Hash of every font file, part of each card's cache key. */
  hash: string;
}

/** The subsets of `face` its package has, as satori family names. */
function subsetNames(face: Face, folder: string): { subset: string; name: string }[] {
  const { subsets } = JSON.parse(readFileSync(join(folder, 'metadata.json'), 'utf8')) as { subsets: string[] };
  return SUBSETS.filter((subset) => subsets.includes(subset)).map((subset) => ({ subset, name: `${face.family} ${subset}` }));
}

/** Loads the pairing's fonts from the project's node_modules. */
export function loadCardFonts(root: string, pairing: TypePairing = typePairing()): CardFonts {
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  const fonts: CardFont[] = [];
  const families = { prose: [] as string[], interface: [] as string[] };
  for (const role of ['prose', 'interface'] as const) {
    const face = pairing[role];
    const packageName = `@fontsource/${face.id}`;
    let folder: string;
    try {
      folder = dirname(require.resolve(`${packageName}/package.json`));
    } catch (error) {
      throw new Error(`share cards: the font package ${packageName} is not installed; run npm ci`, { cause: error });
    }
    for (const { subset, name } of subsetNames(face, folder)) {
      families[role].push(name);
      for (const weight of WEIGHTS[role]) {
        if (fonts.some((font) => font.name === name && font.weight === weight)) continue;
        const data = readFileSync(join(folder, 'files', `${face.id}-${subset}-${weight}-normal.woff`));
        hash.update(data);
        fonts.push({ name, data, weight, style: 'normal' });
      }
    }
  }
  return {
    fonts,
    family: { prose: [...families.prose, ...families.interface].join(', '), interface: families.interface.join(', ') },
    hash: hash.digest('hex'),
  };
}
