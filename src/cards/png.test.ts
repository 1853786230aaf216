import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { isCompletePng, pngSize } from './png.ts';

const size = { width: 40, height: 20 };
const png = await sharp({ create: { ...size, channels: 3, background: '#336699' } })
  .png()
  .toBuffer();

describe('isCompletePng', () => {
  test('accepts a whole PNG of the expected size', () => {
    expect(isCompletePng(png, size)).toBe(true);
    expect(pngSize(png)).toEqual(size);
  });

  test('refuses a PNG of another size', () => {
    expect(isCompletePng(png, { width: 41, height: 20 })).toBe(false);
  });

  test('refuses a file cut short, as a crash mid-write leaves it', () => {
    for (const length of [0, 8, 33, png.length - 12, png.length - 1]) {
      expect(isCompletePng(png.subarray(0, length), size)).toBe(false);
    }
  });

  test('refuses a file with one flipped byte (chunk CRC)', () => {
    const damaged = Buffer.from(png);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    expect(isCompletePng(damaged, size)).toBe(false);
  });

  test('refuses trailing garbage and other formats', () => {
    expect(isCompletePng(Buffer.concat([png, Buffer.from('x')]), size)).toBe(false);
    expect(isCompletePng(Buffer.from('GIF89a............................'), size)).toBe(false);
  });
});
