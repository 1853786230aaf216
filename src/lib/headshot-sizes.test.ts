import { describe, expect, test } from 'vitest';
import { describeHeadshotSize, headshotSizes, printDimensions } from './headshot-sizes.ts';

describe('headshotSizes', () => {
  test('offers square and landscape, web and print, from a 1600 px square headshot, never enlarged', () => {
    expect(headshotSizes({ width: 1600, height: 1600 }).map(({ id, width, height }) => ({ id, width, height }))).toEqual([
      { id: 'square-web', width: 800, height: 800 },
      { id: 'square-print', width: 1600, height: 1600 },
      { id: 'landscape-web', width: 1200, height: 800 },
      { id: 'landscape-print', width: 1600, height: 1067 },
    ]);
  });

  test('reaches the print targets from a large portrait-shaped original', () => {
    const sizes = headshotSizes({ width: 4000, height: 6000 });
    expect(sizes.find((size) => size.id === 'square-print')).toMatchObject({ width: 2400, height: 2400 });
    expect(sizes.find((size) => size.id === 'landscape-print')).toMatchObject({ width: 3000, height: 2000 });
  });
});

describe('describeHeadshotSize', () => {
  test('states pixels, and for print the size at 300 dpi', () => {
    const [web, print] = headshotSizes({ width: 1600, height: 1600 });
    expect(describeHeadshotSize(web!)).toBe('800 × 800 px');
    expect(describeHeadshotSize(print!)).toBe('1600 × 1600 px, 13.5 × 13.5 cm at 300 dpi');
    expect(printDimensions({ width: 3000, height: 2000 })).toBe('25.4 × 16.9 cm at 300 dpi');
  });
});
