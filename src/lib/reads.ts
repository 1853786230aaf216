/**
 * Readers, from the views `collect` pulled from the analytics service into the snapshots (each item's
 * `reads` counts the views in that snapshot's window, src/contract/snapshots.ts): a piece's readers so
 * far, readers over time, and the week's most-read piece. Pure: the impact page and `status` hand in
 * snapshots and render the result. "Read by N" counts page views as the service counts them (GoatCounter
 * leaves out bots it recognises), not people: one person reading twice is two.
 */
import { bucketFor, lastPerBucket, type Bucket } from './charts.ts';
import type { Formats } from './formats.ts';
import { bucketLabels } from './impact.ts';
import type { Snapshot } from '../contract/snapshots.ts';

/** Each piece's views over every snapshot, by item key. */
export function readsPerPiece(snapshots: readonly Snapshot[]): Map<string, number> {
  const reads = new Map<string, number>();
  for (const snapshot of snapshots) {
    for (const [key, item] of Object.entries(snapshot.items)) {
      if (item.reads) reads.set(key, (reads.get(key) ?? 0) + item.reads);
    }
  }
  return reads;
}

/** Whether any snapshot counted readers: the impact page says nothing of them before. */
export function readersCounted(snapshots: readonly Snapshot[]): boolean {
  return snapshots.some((snapshot) => snapshot.reads?.status === 'read');
}

export interface ReadsChart {
  bucketHeading: string;
  labels: string[];
  axisLabels: string[];
  /** Views of every piece so far, at the end of each bucket. */
  total: number[];
  description: string;
}

const BUCKET_HEADINGS: Record<Bucket, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** Readers over time: the running total of views at the end of each counted window, bucketed; undefined before any. */
export function readsChart(snapshots: readonly Snapshot[], formats: Formats): ReadsChart | undefined {
  const points: Array<{ at: string; total: number }> = [];
  let total = 0;
  for (const snapshot of snapshots) {
    if (snapshot.reads?.status !== 'read') continue;
    for (const item of Object.values(snapshot.items)) total += item.reads ?? 0;
    points.push({ at: snapshot.reads.to, total });
  }
  if (points.length === 0) return undefined;
  const bucket = bucketFor(points[0]!.at, points.at(-1)!.at);
  const buckets = lastPerBucket(points, bucket);
  const names = buckets.map((point) => bucketLabels(point.bucket, bucket, formats));
  const number = (value: number): string => formats.number(value);
  const last = buckets.at(-1)!;
  return {
    bucketHeading: BUCKET_HEADINGS[bucket],
    labels: names.map((name) => name.label),
    axisLabels: names.map((name) => name.axis),
    total: buckets.map((point) => point.total),
    description:
      buckets.length === 1
        ? `One count so far: ${number(last.total)} ${last.total === 1 ? 'read' : 'reads'} of the pieces by ${names[0]!.label}.`
        : `Reads of the pieces went from ${number(buckets[0]!.total)} (${names[0]!.label}) to ${number(last.total)} (${names.at(-1)!.label}).`,
  };
}

/**
 * The piece read most in the week before `now`: views in the windows that ended within it (a window
 * can reach further back when `collect` ran less often). Undefined when none was read.
 */
export function mostReadThisWeek(snapshots: readonly Snapshot[], now: Date): { key: string; reads: number } | undefined {
  const since = now.getTime() - 7 * 86_400_000;
  const week = snapshots.filter((snapshot) => snapshot.reads?.status === 'read' && Date.parse(snapshot.reads.to) > since);
  return [...readsPerPiece(week)]
    .map(([key, reads]) => ({ key, reads }))
    .toSorted((a, b) => b.reads - a.reads || a.key.localeCompare(b.key))
    .at(0);
}
