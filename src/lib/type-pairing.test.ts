import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteSchema } from '../schemas/site.ts';
import { DEFAULT_TYPE_PAIRING, TYPE_PAIRING_NAMES, TYPE_PAIRINGS, typePairing } from './type-pairing.ts';
import { issueProblems, formatProblem } from './validation.ts';
import { fallbackOverrides, fontsCss, preloadedFontFiles } from './web-fonts.ts';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(resolve(root, 'package.json'));

describe('theme.typePairing in site.yaml', () => {
  test('defaults to editorial, with or without a theme', () => {
    expect(DEFAULT_TYPE_PAIRING).toBe('editorial');
    expect(siteSchema.parse({ url: 'https://ada.example' }).theme.typePairing).toBe('editorial');
    expect(siteSchema.parse({ url: 'https://ada.example', theme: { accent: '#1d4ed8' } }).theme.typePairing).toBe('editorial');
  });

  test.each(TYPE_PAIRING_NAMES)('accepts %s', (name) => {
    expect(siteSchema.parse({ url: 'https://ada.example', theme: { typePairing: name } }).theme.typePairing).toBe(name);
  });

  test('a name it does not know fails with one line naming the file, the field and the choices', () => {
    const input = { url: 'https://ada.example', theme: { typePairing: 'fancy' } };
    const result = siteSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(issueProblems('content/site.yaml', result.error!.issues, input).map(formatProblem)).toEqual([
      'content/site.yaml: theme.typePairing: is "fancy" — use one of editorial, literary, modern (the default is editorial)',
    ]);
  });
});

describe('the pairings', () => {
  test('each sets prose in a serif and the interface in a sans-serif', () => {
    for (const pairing of Object.values(TYPE_PAIRINGS)) {
      expect(pairing.prose.generic).toBe('serif');
      expect(pairing.interface.generic).toBe('sans-serif');
    }
  });

  test.each(TYPE_PAIRING_NAMES)('%s: every file the stylesheet and the preloads name is installed', async (name) => {
    const pairing = typePairing(name);
    const css = await fontsCss(root, pairing);
    const files = [...css.matchAll(/url\('([^']+)'\)/g)].map((match) => match[1]!);
    expect(files).toHaveLength(8); // two faces × latin, latin-ext × upright, italic
    for (const file of [...files, ...preloadedFontFiles(pairing)]) expect(existsSync(require.resolve(file)), file).toBe(true);
    for (const face of [pairing.prose, pairing.interface]) {
      expect(css).toContain(`font-family: '${face.family} fallback'`);
    }
    expect(css).toMatch(/--font-prose: '[^']+', '[^']+ fallback', serif;/);
    expect(css).toMatch(/--font-interface: '[^']+', '[^']+ fallback', sans-serif;/);
    expect(css.match(/size-adjust: \d/g)).toHaveLength(4);
  });
});

describe('fallbackOverrides', () => {
  const arial = { ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xWidthAvg: 913 };

  test('leaves a font matched with itself at its own size', () => {
    expect(fallbackOverrides(arial, arial)).toMatchObject({ 'size-adjust': '100%' });
  });

  test('scales the fallback to the font’s average width and sets its vertical metrics at that size', () => {
    // Inter's latin file against Arial: the figures Astro's Fonts API and Next.js compute.
    const inter = { ascent: 1984, descent: -494, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 978 };
    const overrides = fallbackOverrides(inter, arial);
    expect(Number.parseFloat(overrides['size-adjust']!)).toBeCloseTo((978 / 913) * 100, 3);
    expect(Number.parseFloat(overrides['ascent-override']!)).toBeCloseTo((1984 / (2048 * (978 / 913))) * 100, 3);
    expect(overrides['line-gap-override']).toBe('0%');
  });
});
