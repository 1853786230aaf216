/** The press watch's lines in collect's summary: what was read and proposed, then each problem once. */
import type { PressWatchResult } from './run.ts';

export function formatPressWatch(result: PressWatchResult): string {
  const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  const head = [
    `Press watch: read ${result.feedsRead} of ${plural(result.feeds, 'feed', 'feeds')}`,
    `${plural(result.proposed.length, 'mention', 'mentions')} proposed`,
    ...(result.problems.length > 0 ? [plural(result.problems.length, 'problem', 'problems')] : []),
  ].join(', ');
  const lines = [head];
  for (const entry of result.proposed) lines.push(`  proposed ${entry.id}: ${entry.outlet} — ${entry.headline} (${entry.file})`);
  if (result.proposed.length > 0) lines.push(`  review: ./hub run press, then ./hub run press -- confirm <id> (or reject <id>)`);
  for (const problem of result.problems) lines.push(`  failed ${problem}`);
  return lines.join('\n');
}
