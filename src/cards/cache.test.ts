import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { cardCacheDir, cardCacheFile, cardCacheKey, hasCachedCard, readCachedCard, storeCard, type CardKeyInput } from './cache.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './layout.ts';

const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const card = await sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: '#0f2a2e' } })
  .png()
  .toBuffer();
const input: CardKeyInput = {
  fontsHash: 'f',
  photoHash: 'p',
  frame: { name: 'Ada', domain: 'ada.example', theme: { background: '#000000', text: '#ffffff', accent: '#00ff00' } },
  text: { label: 'Essay', title: 'A title' },
};

describe('cardCacheKey', () => {
  test('is stable for the same inputs', () => {
    expect(cardCacheKey(input)).toBe(cardCacheKey(structuredClone(input)));
  });

  test('changes with the title, the photo, the fonts, the name and the theme', () => {
    const key = cardCacheKey(input);
    expect(cardCacheKey({ ...input, text: { ...input.text, title: 'Another' } })).not.toBe(key);
    expect(cardCacheKey({ ...input, photoHash: 'q' })).not.toBe(key);
    expect(cardCacheKey({ ...input, fontsHash: 'g' })).not.toBe(key);
    expect(cardCacheKey({ ...input, frame: { ...input.frame, name: 'Bea' } })).not.toBe(key);
    expect(cardCacheKey({ ...input, frame: { ...input.frame, theme: { ...input.frame.theme, accent: '#ff0000' } } })).not.toBe(key);
  });
});

describe('hasCachedCard, readCachedCard and storeCard', () => {
  test('find what was stored, and nothing for an unknown key', async () => {
    const file = await storeCard(dir, 'abc', card);
    expect(file).toBe(cardCacheFile(dir, 'abc'));
    expect(await hasCachedCard(dir, 'abc')).toBe(true);
    expect((await readCachedCard(dir, 'abc'))?.equals(card)).toBe(true);
    expect(await hasCachedCard(dir, 'missing')).toBe(false);
    expect(await readCachedCard(dir, 'missing')).toBeUndefined();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('never offer a truncated file, and remove it', async () => {
    await writeFile(cardCacheFile(dir, 'cut'), card.subarray(0, card.length - 20));
    expect(await readCachedCard(dir, 'cut')).toBeUndefined();
    await expect(readFile(cardCacheFile(dir, 'cut'))).rejects.toThrow();
  });

  test('never offer a card of the wrong size', async () => {
    await writeFile(
      cardCacheFile(dir, 'small'),
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    expect(await readCachedCard(dir, 'small')).toBeUndefined();
  });

  test('live in .cache/cards unless HUB_CARD_CACHE says otherwise', () => {
    expect(cardCacheDir('/site', {})).toBe('/site/.cache/cards');
    expect(cardCacheDir('/site', { HUB_CARD_CACHE: '/ci/cards' })).toBe('/ci/cards');
  });
});
