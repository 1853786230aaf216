/**
 * The pages' fonts, self-hosted from the Fontsource packages in node_modules (never fetched, at build
 * time or by a reader's browser from anywhere but the site): the stylesheet `virtual:hub/fonts.css`
 * (src/integrations/site-context.ts) with the pairing's @font-face rules and its CSS variables, and the
 * files the layout preloads.
 *
 * Why not Astro's Fonts API: its <Font> component writes the rules into an inline <style>, which the
 * Content-Security-Policy (style-src 'self', public/_headers) forbids, and its npm provider resolves the
 * files to a CDN. This does what it would: one variable WOFF2 per face and subset, `font-display: swap`,
 * and a metric-matched fallback per face (a local system font with `size-adjust` and ascent/descent
 * overrides computed from the font file with Capsize, as Astro and Next.js do) so nothing moves when the
 * font arrives.
 *
 * Subsets: latin, which every page needs and the layout preloads; latin-ext with its unicode-range, never
 * preloaded, downloaded only by a page with a character from it (a name like Dvořák or Łódź), so the
 * sites written in English pay nothing for it and the rest get the real face rather than a fallback.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromFile } from '@capsizecss/unpack/fs';
import { pairingFaces, type Face, type TypePairing } from './type-pairing.ts';

const SUBSETS = ['latin', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];
const STYLES = ['normal', 'italic'] as const;
type Style = (typeof STYLES)[number];

/** The variable package's file of one subset and style, as a module specifier Vite resolves and copies into dist/_astro/. */
export function fontFile(face: Face, subset: Subset, style: Style): string {
  return `@fontsource-variable/${face.id}/files/${face.id}-${subset}-wght-${style}.woff2`;
}

/**
 * The files every page preloads: the latin upright of both faces, which the header (interface) and the
 * first heading or paragraph (prose) need before anything else. Italics and latin-ext load when used.
 */
export function preloadedFontFiles(pairing: TypePairing): string[] {
  return pairingFaces(pairing).map((face) => fontFile(face, 'latin', 'normal'));
}

/** The metrics Capsize works a fallback out from (font units). */
export interface FontMetrics {
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  xWidthAvg: number;
}

/**
 * The system fonts a fallback adjusts, with Capsize's published metrics (@capsizecss/metrics, as Astro's
 * Fonts API lists them), and the fonts drawn to the same metrics under other names: Liberation and the
 * Chrome OS fonts (Arimo, Tinos) on Linux, where Arial and Times New Roman are rarely installed.
 */
const SYSTEM_FALLBACKS: Record<Face['generic'], Record<'regular' | 'bold', { names: string[]; metrics: FontMetrics }>> = {
  'sans-serif': {
    regular: {
      names: ['Arial', 'Liberation Sans', 'Arimo'],
      metrics: { ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xWidthAvg: 913 },
    },
    bold: {
      names: ['Arial Bold', 'Arial-BoldMT', 'Liberation Sans Bold', 'Arimo Bold'],
      metrics: { ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xWidthAvg: 983 },
    },
  },
  serif: {
    regular: {
      names: ['Times New Roman', 'Liberation Serif', 'Tinos'],
      metrics: { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 832 },
    },
    bold: {
      names: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'Tinos Bold'],
      metrics: { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 886 },
    },
  },
};

/** The name of a face's metric-matched fallback family. */
export function fallbackFamily(face: Face): string {
  return `${face.family} fallback`;
}

const percent = (value: number): string => `${Number.parseFloat((value * 100).toFixed(4))}%`;

/**
 * The descriptors that make `fallback` occupy the space `font` will (Capsize's createFontStack): the
 * same average character width, and the same ascent, descent and line gap at that size.
 */
export function fallbackOverrides(font: FontMetrics, fallback: FontMetrics): Record<string, string> {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  return {
    'size-adjust': percent(sizeAdjust),
    'ascent-override': percent(font.ascent / em),
    'descent-override': percent(Math.abs(font.descent) / em),
    'line-gap-override': percent(font.lineGap / em),
  };
}

/** Where a Fontsource package is installed, from the project at `root`. */
function packageFolder(root: string, name: string): string {
  const require = createRequire(join(root, 'package.json'));
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    throw new Error(`fonts: the font package ${name} is not installed; run npm ci`, { cause: error });
  }
}

/** What Fontsource's metadata says of a variable face: its weight axis and each subset's unicode-range. */
function faceData(root: string, face: Face): { weights: string; ranges: Record<Subset, string>; folder: string } {
  const folder = packageFolder(root, `@fontsource-variable/${face.id}`);
  const metadata = JSON.parse(readFileSync(join(folder, 'metadata.json'), 'utf8')) as { variable: { wght: { min: string; max: string } } };
  const ranges = JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<Subset, string>;
  return { weights: `${metadata.variable.wght.min} ${metadata.variable.wght.max}`, ranges, folder };
}

function rule(descriptors: Record<string, string>): string {
  const body = Object.entries(descriptors)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n');
  return `@font-face {\n${body}\n}`;
}

const quoted = (name: string): string => `'${name}'`;

/** A face's rules: each subset and style of the variable font, then its two fallbacks (regular and bold). */
async function faceCss(root: string, face: Face): Promise<string> {
  const { weights, ranges, folder } = faceData(root, face);
  const rules: string[] = [];
  for (const style of STYLES) {
    for (const subset of SUBSETS) {
      rules.push(
        rule({
          'font-family': quoted(face.family),
          'font-style': style,
          'font-weight': weights,
          'font-display': 'swap',
          src: `url('${fontFile(face, subset, style)}') format('woff2')`,
          'unicode-range': ranges[subset],
        }),
      );
    }
  }
  const metrics = await fromFile(join(folder, 'files', `${face.id}-latin-wght-normal.woff2`));
  for (const [weight, fallback] of [
    ['400', SYSTEM_FALLBACKS[face.generic].regular],
    ['700', SYSTEM_FALLBACKS[face.generic].bold],
  ] as const) {
    rules.push(
      rule({
        'font-family': quoted(fallbackFamily(face)),
        'font-weight': weight,
        src: fallback.names.map((name) => `local(${quoted(name)})`).join(', '),
        ...fallbackOverrides(metrics, fallback.metrics),
      }),
    );
  }
  return rules.join('\n');
}

/** A face's stack: the font, its metric-matched fallback, the generic family. */
export function fontStack(face: Face): string {
  return [quoted(face.family), quoted(fallbackFamily(face)), face.generic].join(', ');
}

/** The stylesheet: every @font-face of the pairing, and the two variables global.css sets text in. */
export async function fontsCss(root: string, pairing: TypePairing): Promise<string> {
  const faces = await Promise.all(pairingFaces(pairing).map((face) => faceCss(root, face)));
  return [
    '/* The type pairing from content/site.yaml (theme.typePairing): src/lib/web-fonts.ts. */',
    ...faces,
    `:root {\n  --font-prose: ${fontStack(pairing.prose)};\n  --font-interface: ${fontStack(pairing.interface)};\n}`,
    '',
  ].join('\n');
}
