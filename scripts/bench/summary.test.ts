import { describe, expect, test } from 'vitest';
import { formatReport, limitCheck, median, ratioCheck, summarizeBuilds, type Machine } from './summary.ts';

const machine: Machine = { cpus: 2, model: 'AMD EPYC', totalMemoryBytes: 24 * 2 ** 30, node: 'v24.21.0' };

describe('median', () => {
  test('returns the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  test('refuses an empty list', () => {
    expect(() => median([])).toThrow(/at least one/);
  });
});

describe('summarizeBuilds', () => {
  test('returns the median wall time, ms per essay and median peak memory', () => {
    const summary = summarizeBuilds(
      'hub',
      [
        { wallMs: 7000, peakRssKiB: 500_000 },
        { wallMs: 6000, peakRssKiB: 520_000 },
        { wallMs: 9000, peakRssKiB: 510_000 },
      ],
      1000,
    );
    expect(summary).toMatchObject({ name: 'hub', wallMs: 7000, msPerPiece: 7, peakRssKiB: 510_000 });
    expect(summary.samples).toHaveLength(3);
  });
});

describe('ratioCheck and limitCheck', () => {
  const baseline = summarizeBuilds('baseline', [{ wallMs: 5000, peakRssKiB: 400_000 }], 1000);

  test('return the ratio of two builds and whether it meets the limit', () => {
    expect(ratioCheck('r', summarizeBuilds('hub', [{ wallMs: 7000, peakRssKiB: 1 }], 1000), baseline, 1.5)).toMatchObject({
      value: 1.4,
      within: true,
    });
    expect(ratioCheck('r', summarizeBuilds('hub', [{ wallMs: 8000, peakRssKiB: 1 }], 1000), baseline, 1.5)).toMatchObject({
      value: 1.6,
      within: false,
    });
  });

  test('treat the limit itself as within', () => {
    expect(limitCheck('cpu', 15, 'ms', 15).within).toBe(true);
    expect(limitCheck('cpu', 15.01, 'ms', 15).within).toBe(false);
  });
});

describe('formatReport', () => {
  test('returns a table of the builds, one of the targets with verdicts, and the machine', () => {
    const baseline = summarizeBuilds('baseline', [{ wallMs: 5123, peakRssKiB: 409_600 }], 1000);
    const hub = summarizeBuilds('hub', [{ wallMs: 6800, peakRssKiB: 563_200 }], 1000);
    const text = formatReport({
      essays: 1000,
      words: 1000,
      runs: 1,
      machine,
      builds: [baseline, hub],
      cardCpuMs: 12.5,
      checks: [ratioCheck('hub / baseline', hub, baseline, 1.5), limitCheck('CPU per card', 16.2, 'ms', 15)],
    });
    expect(text.split('\n')).toEqual([
      '1000 essays of about 1000 words, 1 run',
      '',
      'build     wall s  ms/piece  peak MB  vs baseline',
      'baseline    5.12      5.12      400        1.00×',
      'hub         6.80      6.80      550        1.33×',
      '',
      'target          measured    limit        verdict',
      'hub / baseline     1.33×   ≤ 1.5×  within target',
      'CPU per card    16.20 ms  ≤ 15 ms    OVER TARGET',
      '',
      'machine: 2 × AMD EPYC, 24.0 GiB, Node v24.21.0',
    ]);
  });
});
