import { describe, expect, test } from 'vitest';
import { blendOnto } from './blend.ts';

describe('blendOnto', () => {
  const base = () => Buffer.from([10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30]); // 2×2 RGB

  test('leaves pixels under a transparent layer alone and copies opaque ones', () => {
    const target = base();
    const layer = Buffer.from([255, 0, 0, 0, 0, 255, 0, 255]); // 2×1 RGBA: clear, opaque blue
    blendOnto(target, 2, layer, { width: 2, height: 1, left: 0, top: 1 });
    expect([...target]).toEqual([10, 20, 30, 10, 20, 30, 10, 20, 30, 0, 255, 0]);
  });

  test('mixes half-transparent pixels with rounding', () => {
    const target = base();
    blendOnto(target, 2, Buffer.from([250, 250, 250, 128]), { width: 1, height: 1, left: 1, top: 0 });
    expect([...target.subarray(3, 6)]).toEqual([130, 135, 140]);
  });
});
