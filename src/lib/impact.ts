/**
 * The impact page's numbers and words, from the evidence: engagement over time (bucketed so that
 * years of daily snapshots stay readable), conversations per month, and the sentences that serve as
 * the charts' text alternatives. Pure: the page hands in snapshots and pieces and renders the result.
 */
import { bucketFor, lastPerBucket, type Bucket } from './charts.ts';
import type { Formats } from './formats.ts';
import {
  engagementSeries,
  repliesByMonth,
  pieceEngagement,
  topPieces,
  type CopyState,
  type EvidenceState,
  type PieceEngagement,
} from './engagement.ts';
import type { Snapshot } from '../contract/snapshots.ts';
import { NETWORKS, NETWORK_LABELS, type Network } from '../contract/networks.ts';

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
const SHORT_MONTH: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric', timeZone: 'UTC' };

const BUCKET_HEADINGS: Record<Bucket, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** How a bucket is named in the data table, and (shorter) under the x axis. */
export function bucketLabels(start: string, bucket: Bucket, formats: Formats): { label: string; axis: string } {
  const date = new Date(`${start}T00:00:00Z`);
  const day = formats.dateTime(DAY).format(date);
  const shortDay = formats.dateTime(SHORT_DAY).format(date);
  if (bucket === 'day') return { label: day, axis: shortDay };
  if (bucket === 'week') return { label: `Week of ${day}`, axis: shortDay };
  return { label: formats.dateTime(MONTH).format(date), axis: formats.dateTime(SHORT_MONTH).format(date) };
}

export interface EngagementCharts {
  bucket: Bucket;
  /** What a row of the data table is: Day, Week or Month. */
  bucketHeading: string;
  labels: string[];
  axisLabels: string[];
  total: number[];
  /** Networks with any copies, in the usual order; undefined before a network's first reading. */
  networks: Array<{ id: Network; label: string; values: Array<number | undefined> }>;
  totalDescription: string;
  networkDescription: string;
}

/** The engagement charts, or undefined when nothing has been collected. */
export function engagementCharts(snapshots: readonly Snapshot[], formats: Formats): EngagementCharts | undefined {
  const number = (value: number): string => formats.number(value);
  const series = engagementSeries(snapshots);
  if (series.length === 0) return undefined;
  const bucket = bucketFor(series[0]!.at, series.at(-1)!.at);
  const points = lastPerBucket(series, bucket);
  const names = points.map((point) => bucketLabels(point.bucket, bucket, formats));
  const present = NETWORKS.filter((network) => points.some((point) => point.byNetwork[network] !== undefined));
  const first = points[0]!;
  const last = points.at(-1)!;
  const readings = `${number(series.length)} ${series.length === 1 ? 'reading' : 'readings'}`;
  const totalDescription =
    points.length === 1
      ? `One reading so far: ${number(last.total)} engagements on ${names[0]!.label}.`
      : `Total engagement went from ${number(first.total)} (${names[0]!.label}) to ${number(last.total)} (${names.at(-1)!.label}), over ${readings}.`;
  const latest = present.map((network) => `${NETWORK_LABELS[network]} ${number(last.byNetwork[network] ?? 0)}`);
  return {
    bucket,
    bucketHeading: BUCKET_HEADINGS[bucket],
    labels: names.map((name) => name.label),
    axisLabels: names.map((name) => name.axis),
    total: points.map((point) => point.total),
    networks: present.map((network) => ({
      id: network,
      label: NETWORK_LABELS[network],
      values: points.map((point) => point.byNetwork[network]),
    })),
    totalDescription,
    networkDescription:
      present.length > 0 ? `Engagement per network over the same time. Latest: ${latest.join(', ')}.` : 'No network has copies yet.',
  };
}

export interface ConversationChart {
  bars: Array<{ label: string; value: number }>;
  description: string;
  total: number;
}

/** Replies per month (the last 24 months that have any history), or undefined with no replies. */
export function conversationChart(state: EvidenceState, formats: Formats): ConversationChart | undefined {
  const number = (value: number): string => formats.number(value);
  const months = repliesByMonth(state).slice(-24);
  if (months.length === 0) return undefined;
  const bars = months.map(({ month, replies }) => ({
    label: formats.dateTime(SHORT_MONTH).format(new Date(`${month}-01T00:00:00Z`)),
    value: replies,
  }));
  const total = months.reduce((sum, month) => sum + month.replies, 0);
  const busiest = months.reduce((best, month) => (month.replies > best.replies ? month : best));
  const busiestName = formats.dateTime(MONTH).format(new Date(`${busiest.month}-01T00:00:00Z`));
  return {
    bars,
    total,
    description: `${number(total)} ${total === 1 ? 'reply' : 'replies'} from ${bars[0]!.label} to ${bars.at(-1)!.label}; the busiest month was ${busiestName} with ${number(busiest.replies)}.`,
  };
}

/** A piece as the "drew most" lists show it. */
export interface RankedPiece extends PieceEngagement {
  title: string;
  path: string;
}

/** The pieces that drew the most engagement and the most replies (only pieces still published). */
export function rankedPieces(
  state: EvidenceState,
  published: ReadonlyMap<string, { title: string; path: string }>,
  limit = 5,
): { engagement: RankedPiece[]; replies: RankedPiece[] } {
  const pieces = pieceEngagement(state).filter((piece) => published.has(piece.key));
  const withTitles = (list: PieceEngagement[]): RankedPiece[] => list.map((piece) => ({ ...piece, ...published.get(piece.key)! }));
  return { engagement: withTitles(topPieces(pieces, 'engagement', limit)), replies: withTitles(topPieces(pieces, 'replies', limit)) };
}

/** What the newsletter's emails reached, as the provider counts it: each email once, however many pieces it carried. */
export interface EmailReach {
  /** Emails the provider reports a recipient count for. */
  emails: number;
  /** Recipients added over those emails: one per subscriber per email. */
  recipients: number;
  /** Opens added over the emails that report any; undefined when none does (tracking off, or not reported). */
  opens: number | undefined;
}

/**
 * The newsletter's reach, from the latest counts of each email (a weekly digest is the copy of every
 * piece in it, and is counted once), or undefined when no email reports recipients. Opens are left
 * out unless some email reports more than none: Buttondown reports 0 while tracking is off, and "opened
 * by 0" would say something nobody measured.
 */
export function emailReach(state: EvidenceState): EmailReach | undefined {
  const emails = new Map<string, CopyState>();
  for (const { copies } of state.items.values()) {
    const copy = copies.get('newsletter');
    if (copy && !copy.gone && copy.metrics.recipients !== undefined) emails.set(copy.remoteId, copy);
  }
  if (emails.size === 0) return undefined;
  const sum = (pick: (copy: CopyState) => number | undefined): number =>
    [...emails.values()].reduce((total, copy) => total + (pick(copy) ?? 0), 0);
  const opens = sum((copy) => copy.metrics.opens);
  return { emails: emails.size, recipients: sum((copy) => copy.metrics.recipients), opens: opens > 0 ? opens : undefined };
}
