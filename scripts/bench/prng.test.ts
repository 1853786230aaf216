import { describe, expect, test } from 'vitest';
import { createRandom } from './prng.ts';

describe('createRandom', () => {
  test('returns the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  test('returns different sequences for different seeds', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  test('returns floats in [0, 1) and integers within both bounds', () => {
    const random = createRandom(7);
    const floats = Array.from({ length: 1000 }, () => random.next());
    expect(floats.every((value) => value >= 0 && value < 1)).toBe(true);
    const ints = new Set(Array.from({ length: 1000 }, () => random.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  test('samples distinct elements, no more than the list holds', () => {
    const random = createRandom(9);
    const picked = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    expect(random.sample(['a', 'b'], 5).sort()).toEqual(['a', 'b']);
  });

  test('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(/non-empty/);
  });
});
