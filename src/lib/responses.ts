/** Words for the responses under a piece: counts as people say them, reply text cut to a readable length. */
import type { Metrics } from '../contract/snapshots.ts';
import type { Formats } from './formats.ts';

const NOUNS: Array<[keyof Metrics, string, string]> = [
  ['likes', 'like', 'likes'],
  ['reposts', 'repost', 'reposts'],
  ['replies', 'reply', 'replies'],
  ['quotes', 'quote', 'quotes'],
];

/**
 * `12 likes · 3 reposts · 1 reply` — the counts the network reported, in a fixed order; zeros kept,
 * unreported left out. An email's reach follows (`emailed to 120 · opened 64 times`); its opens only
 * when more than none, since a provider reports 0 when it does not track them.
 */
export function describeMetrics(metrics: Metrics, formats: Formats): string {
  const parts = NOUNS.flatMap(([key, one, many]) => {
    const value = metrics[key];
    return value === undefined ? [] : [`${formats.number(value)} ${value === 1 ? one : many}`];
  });
  if (metrics.recipients !== undefined) parts.push(`emailed to ${formats.number(metrics.recipients)}`);
  if (metrics.opens) parts.push(`opened ${formats.number(metrics.opens)} ${metrics.opens === 1 ? 'time' : 'times'}`);
  return parts.length > 0 ? parts.join(' · ') : 'no counts reported';
}

/** Replies shown under a piece; the rest are a link away on their networks. */
export const REPLIES_SHOWN = 50;
/** Characters of a reply shown before "…" (the whole reply is on its network). */
export const REPLY_TEXT_SHOWN = 1200;

/** The reply text to show: at most `max` characters (whole graphemes), with an ellipsis when cut. */
export function clipReply(text: string, max = REPLY_TEXT_SHOWN): { text: string; clipped: boolean } {
  const trimmed = text.trim();
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(trimmed)];
  if (graphemes.length <= max) return { text: trimmed, clipped: false };
  return {
    text: `${graphemes
      .slice(0, max)
      .map((g) => g.segment)
      .join('')
      .trimEnd()}…`,
    clipped: true,
  };
}
