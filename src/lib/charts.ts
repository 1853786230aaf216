/**
 * Chart geometry for the impact page, computed at build time: series are reduced to one point per
 * day, week or month (so years of daily snapshots stay a readable chart and a short table), scaled
 * into an SVG viewBox with "nice" axis ticks. No drawing here: the components turn these numbers
 * into SVG paths and a data table.
 */

export interface TimePoint {
  /** ISO 8601 instant. */
  at: string;
  value: number;
}

export type Bucket = 'day' | 'week' | 'month';

/** How finely to show a span of history: days up to three months, weeks up to two years, then months. */
export function bucketFor(first: string, last: string): Bucket {
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  if (days <= 92) return 'day';
  if (days <= 731) return 'week';
  return 'month';
}

/** The UTC start of the day, ISO week (Monday) or month an instant falls in, as YYYY-MM-DD. */
export function bucketStart(at: string, bucket: Bucket): string {
  const date = new Date(at);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (bucket === 'day') return new Date(day).toISOString().slice(0, 10);
  if (bucket === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(day - weekday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Keeps the last point of each bucket (counts are running totals, so the last reading is the
 * bucket's value), labelled by the bucket's start date. Input in time order.
 */
export function lastPerBucket<T extends { at: string }>(points: readonly T[], bucket: Bucket): Array<T & { bucket: string }> {
  const byBucket = new Map<string, T>();
  for (const point of points) byBucket.set(bucketStart(point.at, bucket), point);
  return [...byBucket].map(([start, point]) => ({ ...point, bucket: start }));
}

/**
 * Axis ticks at 1, 2 or 5 × 10ⁿ steps from 0 to at least `max` (about `count` of them), never finer
 * than 1: every chart of the hub counts things (replies, reads, invitations), and half an invitation
 * on an axis is nonsense.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Math.round(value * 1e6) / 1e6);
    if (value >= max) break;
  }
  return ticks;
}

export interface Frame {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_FRAME: Frame = { width: 640, height: 260, left: 48, right: 96, top: 12, bottom: 28 };

/** What every chart draws the same way (ChartFigure): the frame, and the axes' ticks and labels. */
export interface Axes {
  frame: Frame;
  yTicks: Array<{ value: number; y: number }>;
  xLabels: Array<{ label: string; x: number }>;
}

/** Coordinates to a tenth of a pixel: enough for SVG, and short in the page. */
const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * The y axis from zero to a round number at or above `max`: its ticks, and `y` mapping a value onto
 * the frame (zero at the bottom of the plot).
 */
function yAxis(max: number, frame: Frame): { y: (value: number) => number; yTicks: Axes['yTicks']; plotBottom: number } {
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;
  const plotBottom = frame.height - frame.bottom;
  const y = (value: number): number => plotBottom - ((plotBottom - frame.top) * value) / top;
  return { y, yTicks: ticks.map((value) => ({ value, y: round(y(value)) })), plotBottom };
}

/** A line chart's geometry: one path per series over shared x positions. */
export interface LineGeometry extends Axes {
  lines: Array<{ id: string; path: string; last: { x: number; y: number; value: number } | undefined; labelY: number | undefined }>;
}

/** Moves end-of-line labels apart so none overlap (at least `gap` apart), keeping their order. */
export function spreadLabels(ys: ReadonlyArray<number | undefined>, gap: number, min: number, max: number): Array<number | undefined> {
  const placed = ys
    .map((y, index) => ({ y, index }))
    .filter((entry): entry is { y: number; index: number } => entry.y !== undefined)
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < placed.length; i += 1) placed[i]!.y = Math.max(placed[i]!.y, placed[i - 1]!.y + gap);
  const overflow = (placed.at(-1)?.y ?? 0) - max;
  if (overflow > 0) for (const entry of placed) entry.y -= overflow;
  for (let i = placed.length - 2; i >= 0; i -= 1) placed[i]!.y = Math.min(placed[i]!.y, placed[i + 1]!.y - gap);
  if (placed.length > 0 && placed[0]!.y < min) {
    const shift = min - placed[0]!.y;
    for (const entry of placed) entry.y += shift;
  }
  const result: Array<number | undefined> = ys.map(() => undefined);
  for (const entry of placed) result[entry.index] = round(entry.y);
  return result;
}

/** x positions evenly spread over the buckets (one per row of the data table). */
function xPositions(count: number, frame: Frame): number[] {
  const inner = frame.width - frame.left - frame.right;
  if (count === 1) return [frame.left + inner / 2];
  return Array.from({ length: count }, (_, i) => frame.left + (inner * i) / (count - 1));
}

/** Up to `max` labels, evenly picked, always the first and last. */
function pickLabels(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const picked = new Set<number>();
  for (let i = 0; i < max; i += 1) picked.add(Math.round((i * (count - 1)) / (max - 1)));
  return [...picked];
}

/**
 * Lays out series sharing the same x buckets (`labels`, one per column; `values[series][i]`, undefined
 * where a series has no value yet).
 */
export function lineChart(
  labels: readonly string[],
  series: ReadonlyArray<{ id: string; values: ReadonlyArray<number | undefined> }>,
  frame: Frame = DEFAULT_FRAME,
): LineGeometry {
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const { y, yTicks, plotBottom } = yAxis(max, frame);
  const xs = xPositions(labels.length, frame);
  const lines = series.map(({ id, values }) => {
    let path = '';
    let pen = false;
    let last: { x: number; y: number; value: number } | undefined;
    values.forEach((value, i) => {
      if (value === undefined) {
        pen = false;
        return;
      }
      const point = { x: round(xs[i]!), y: round(y(value)), value };
      path += `${pen ? 'L' : 'M'}${point.x} ${point.y}`;
      pen = true;
      last = point;
    });
    // A single point still shows: a zero-length segment drawn with round caps.
    if (/^M[^L]*$/.test(path)) path += `L${last!.x} ${last!.y}`;
    return { id, path, last };
  });
  const labelYs = spreadLabels(
    lines.map((line) => line.last?.y),
    14,
    frame.top + 4,
    plotBottom,
  );
  return {
    frame,
    yTicks,
    xLabels: pickLabels(labels.length, 6).map((i) => ({ label: labels[i]!, x: round(xs[i]!) })),
    lines: lines.map((line, i) => ({ ...line, labelY: labelYs[i] })),
  };
}

/** A bar chart's geometry: one bar per label. */
export interface BarGeometry extends Axes {
  bars: Array<{ label: string; value: number; x: number; y: number; width: number; height: number }>;
}

export function barChart(
  bars: ReadonlyArray<{ label: string; value: number }>,
  frame: Frame = { ...DEFAULT_FRAME, right: 16 },
): BarGeometry {
  const { y, yTicks, plotBottom } = yAxis(Math.max(0, ...bars.map((bar) => bar.value)), frame);
  const inner = frame.width - frame.left - frame.right;
  const slot = inner / Math.max(1, bars.length);
  const width = Math.max(1, slot * 0.7);
  return {
    frame,
    yTicks,
    xLabels: pickLabels(bars.length, 6).map((i) => ({ label: bars[i]!.label, x: round(frame.left + slot * i + slot / 2) })),
    bars: bars.map((bar, i) => ({
      label: bar.label,
      value: bar.value,
      x: round(frame.left + slot * i + (slot - width) / 2),
      width: round(width),
      y: round(y(bar.value)),
      height: round(plotBottom - y(bar.value)),
    })),
  };
}
