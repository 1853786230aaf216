import { describe, expect, it } from 'vitest';
import { barChart, bucketFor, bucketStart, lastPerBucket, lineChart, niceTicks, spreadLabels } from './charts.ts';

describe('chart geometry', () => {
  it('picks days, weeks or months by the span of history', () => {
    expect(bucketFor('2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')).toBe('day');
    expect(bucketFor('2026-08-01T00:00:00Z', '2026-11-01T00:00:00Z')).toBe('day');
    expect(bucketFor('2026-01-01T00:00:00Z', '2026-11-01T00:00:00Z')).toBe('week');
    expect(bucketFor('2023-01-01T00:00:00Z', '2026-11-01T00:00:00Z')).toBe('month');
  });

  it('starts weeks on Monday, across a year boundary', () => {
    expect(bucketStart('2027-01-03T23:00:00Z', 'week')).toBe('2026-12-28');
    expect(bucketStart('2026-11-25T12:00:00Z', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-25T12:00:00Z', 'month')).toBe('2026-11-01');
  });

  it('keeps the last reading of each bucket', () => {
    const points = [
      { at: '2026-11-02T08:00:00Z', n: 1 },
      { at: '2026-11-02T20:00:00Z', n: 2 },
      { at: '2026-11-03T08:00:00Z', n: 3 },
    ];
    expect(lastPerBucket(points, 'day').map((p) => [p.bucket, p.n])).toEqual([
      ['2026-11-02', 2],
      ['2026-11-03', 3],
    ]);
  });

  it('makes 1-2-5 ticks that reach the maximum', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    // Counts: whole steps only, however small the largest count.
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1351)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
  });

  it('draws a single reading as a visible dot and breaks a line where a series has no value', () => {
    const one = lineChart(['25 Nov'], [{ id: 'total', values: [12] }]);
    expect(one.lines[0]!.path).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    const gap = lineChart(['a', 'b', 'c', 'd'], [{ id: 'x', values: [undefined, 1, 2, 3] }]);
    expect(gap.lines[0]!.path.startsWith('M')).toBe(true);
    expect(gap.lines[0]!.path.match(/M/g)).toHaveLength(1);
    expect(gap.lines[0]!.last?.value).toBe(3);
  });

  it('keeps end labels apart and inside the plot', () => {
    const ys = spreadLabels([100, 101, undefined, 102], 14, 10, 250);
    expect(ys[2]).toBeUndefined();
    const placed = [ys[0]!, ys[1]!, ys[3]!].sort((a, b) => a - b);
    expect(placed[1]! - placed[0]!).toBeGreaterThanOrEqual(14);
    expect(placed[2]! - placed[1]!).toBeGreaterThanOrEqual(14);
    const low = spreadLabels([249, 250], 14, 10, 250);
    expect(Math.max(low[0]!, low[1]!)).toBeLessThanOrEqual(250);
  });

  it('sizes bars to their values, zero-height for zero', () => {
    const chart = barChart([
      { label: 'Oct', value: 0 },
      { label: 'Nov', value: 10 },
    ]);
    expect(chart.bars[0]!.height).toBe(0);
    expect(chart.bars[1]!.height).toBeGreaterThan(0);
    expect(chart.bars[1]!.y + chart.bars[1]!.height).toBeCloseTo(chart.frame.height - chart.frame.bottom, 0);
  });
});
