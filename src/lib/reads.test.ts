import { describe, expect, test } from 'vitest';
import type { Snapshot } from '../contract/snapshots.ts';
import { createFormats } from './formats.ts';
import { mostReadThisWeek, readersCounted, readsChart, readsPerPiece } from './reads.ts';

function counted(to: string, reads: Record<string, number>): Snapshot {
  const items = Object.fromEntries(
    Object.entries(reads).map(([key, count]) => [key, { url: 'https://ada.example/', networks: {}, reads: count }]),
  );
  return { version: 1, collectedAt: to, networks: {}, items, reads: { status: 'read', pieces: Object.keys(reads).length, from: to, to } };
}

const history = [
  counted('2026-11-01T10:00:00.000Z', { 'essay/a': 30, 'essay/b': 5 }),
  counted('2026-11-20T10:00:00.000Z', { 'essay/a': 2, 'essay/b': 9 }),
  counted('2026-11-24T10:00:00.000Z', { 'essay/b': 1, 'note/c': 4 }),
];

describe('readers from the snapshots', () => {
  test('a piece’s reads are the sum of its counted windows', () => {
    expect(Object.fromEntries(readsPerPiece(history))).toEqual({ 'essay/a': 32, 'essay/b': 15, 'note/c': 4 });
  });

  test('snapshots written before readers were counted count nothing', () => {
    const old: Snapshot = { version: 1, collectedAt: '2026-10-01T00:00:00.000Z', networks: {}, items: {} };
    expect(readersCounted([old])).toBe(false);
    expect(readsChart([old], createFormats('en-GB'))).toBeUndefined();
    expect(readersCounted([old, ...history])).toBe(true);
  });

  test('reads over time are the running total at the end of each window', () => {
    const chart = readsChart(history, createFormats('en-GB'))!;
    expect(chart.total).toEqual([35, 46, 51]);
    expect(chart.description).toContain('from 35');
  });

  test('the week’s most-read piece counts only the windows that ended in the last seven days', () => {
    expect(mostReadThisWeek(history, new Date('2026-11-25T12:00:00Z'))).toEqual({ key: 'essay/b', reads: 10 });
    expect(mostReadThisWeek(history, new Date('2026-12-20T12:00:00Z'))).toBeUndefined();
  });
});
