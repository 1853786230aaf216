import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { loadCardFonts } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardText } from './layout.ts';
import { isCompletePng, pngSize } from './png.ts';
import { createCardRenderer, photoDataUri } from './render.ts';
import { TYPE_PAIRING_NAMES, typePairing } from '../lib/type-pairing.ts';

const root = resolve(import.meta.dirname, '../..');
const photo = await readFile(join(root, 'tests/fixtures/hub/content/images/portrait.jpg'));
const frame = {
  name: 'Morwenna Hale',
  domain: 'morwennahale.example',
  photoDataUri: await photoDataUri(photo),
  theme: { background: '#0f2a2e', text: '#f7f5ef', accent: '#8fd3c1' },
};
const renderer = await createCardRenderer(frame, loadCardFonts(root));

/** Set CARD_SAMPLES=/some/folder to keep the drawn cards for a look. */
async function draw(name: string, text: CardText): Promise<Buffer> {
  const png = await renderer.render(text);
  if (process.env['CARD_SAMPLES']) await writeFile(join(process.env['CARD_SAMPLES'], `${name}.png`), png);
  return png;
}

/** Share of pixels that differ between two cards: a crude "did the title change what is drawn". */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer(), sharp(b).raw().toBuffer()]);
  let changed = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) changed++;
  return changed / x.length;
}

describe('createCardRenderer', () => {
  test('draws a 1200×630 PNG well under the size limits', async () => {
    const png = await draw('essay', { label: 'Essay', title: 'Why the people who host the turbine should own it' });
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(isCompletePng(png, { width: CARD_WIDTH, height: CARD_HEIGHT })).toBe(true);
    expect(png.length).toBeLessThan(300_000);
  });

  test('draws a very long title without failing or growing past the limits', async () => {
    const png = await draw('long', { label: 'Essay', title: 'An essay whose title goes on and on '.repeat(12) });
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(png.length).toBeLessThan(300_000);
  });

  test('draws accented Latin, Greek and Cyrillic titles', async () => {
    for (const [name, title] of [
      ['latin', 'Ça coûte cher de dire où l’on se situe — Øresund, Łódź, Şanlıurfa'],
      ['greek', 'Ενέργεια για όλους: γιατί οι κοινότητες πρέπει να την κατέχουν'],
      ['cyrillic', 'Энергия принадлежит людям, которые её используют'],
    ] as const) {
      const png = await draw(name, { label: 'Theory · Hunch', title });
      expect(isCompletePng(png, { width: CARD_WIDTH, height: CARD_HEIGHT }), name).toBe(true);
    }
  });

  test('drops emoji: a title with emoji draws the same as without', async () => {
    const withEmoji = await draw('emoji', { label: 'Note', title: 'Wind 🌬️ and sun ☀️ for everyone 👩🏽‍🔧' });
    const without = await draw('no-emoji', { label: 'Note', title: 'Wind and sun for everyone' });
    expect(await difference(withEmoji, without)).toBe(0);
  });

  test('a different title changes the card', async () => {
    const a = await draw('a', { label: 'Essay', title: 'First title' });
    const b = await draw('b', { label: 'Essay', title: 'Second title' });
    expect(await difference(a, b)).toBeGreaterThan(0.001);
  });
});

describe('a card with a context line', () => {
  test('draws the tallest title with a label and a context line inside the card', async () => {
    const png = await draw('talk', {
      label: 'Talk · 10 Mar 2027',
      title: 'Being Bold for Change: what it takes to say where you stand at work',
      context: "International Women's Day Breakfast 2027 at the Harbour Rooms, Bristol",
    });
    expect(isCompletePng(png, { width: CARD_WIDTH, height: CARD_HEIGHT })).toBe(true);
  });
});

describe('every type pairing', () => {
  // The text box's height cannot depend on the faces: label and context have a set line height, and
  // every title step fits. A title in Greek tries the prose face's fallback to the interface face.
  test.each(TYPE_PAIRING_NAMES)('%s draws the tallest texts inside the card', async (name) => {
    const own = await createCardRenderer(frame, loadCardFonts(root, typePairing(name)));
    for (const title of [
      'Being Bold for Change: what it takes to say where you stand at work',
      'An essay whose title goes on and on '.repeat(12),
      'Ενέργεια για όλους: γιατί οι κοινότητες πρέπει να την κατέχουν',
    ]) {
      const png = await own.render({ label: 'Talk · 10 Mar 2027', title, context: 'Łódź Energy Week 2027 at the Harbour Rooms' });
      expect(isCompletePng(png, { width: CARD_WIDTH, height: CARD_HEIGHT }), `${name}: ${title}`).toBe(true);
    }
  });
});

describe('drawing cards one after another', () => {
  test('leaves nothing of a taller card behind on the next, shorter one', async () => {
    const fresh = await draw('short-alone', { label: 'Note', title: 'Short' });
    await draw('tall', { label: 'Essay', title: 'A long title that wraps over several lines of the card '.repeat(4) });
    const after = await draw('short-after', { label: 'Note', title: 'Short' });
    expect(await difference(fresh, after)).toBe(0);
  });

  test('draws cards asked for at the same time correctly', async () => {
    const [a, b] = await Promise.all([
      draw('p1', { label: 'Essay', title: 'First at once' }),
      draw('p2', { label: 'Essay', title: 'Second at once' }),
    ]);
    expect(await difference(a, await draw('p1-again', { label: 'Essay', title: 'First at once' }))).toBe(0);
    expect(await difference(b, await draw('p2-again', { label: 'Essay', title: 'Second at once' }))).toBe(0);
  });
});
