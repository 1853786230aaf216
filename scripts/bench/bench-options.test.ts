import { describe, expect, test } from 'vitest';
import { parseBenchOptions } from './bench-options.ts';

describe('parseBenchOptions', () => {
  test('returns the defaults when given nothing', () => {
    expect(parseBenchOptions([])).toEqual({ essays: 1000, words: 1000, runs: 1, json: false, keep: false, scale: 5000 });
  });

  test('returns the numbers and flags given', () => {
    expect(parseBenchOptions(['--essays', '50', '--words=300', '--runs', '3', '--json', '--keep', '--scale', '0'])).toEqual({
      essays: 50,
      words: 300,
      runs: 3,
      json: true,
      keep: true,
      scale: 0,
    });
    expect(parseBenchOptions(['--scale', '200']).scale).toBe(200);
  });

  test('refuses a count that is not a whole number of at least 1, naming the option', () => {
    expect(() => parseBenchOptions(['--essays', '0'])).toThrow('--essays: expected a whole number of at least 1, got "0"');
    expect(() => parseBenchOptions(['--runs', '2.5'])).toThrow(/--runs/);
    expect(() => parseBenchOptions(['--words', 'many'])).toThrow(/--words/);
    expect(() => parseBenchOptions(['--scale', '9'])).toThrow('--scale: expected 0 (no scale builds) or at least 10 pieces, got 9');
  });

  test('refuses an unknown option', () => {
    expect(() => parseBenchOptions(['--essay', '5'])).toThrow(/--essay/);
  });
});
