/**
 * The summary `./hub run webmentions` prints: one line per Webmention sent, refused, gone or failed
 * (and, in a dry run, per one that would be sent), then the totals. Targets without an endpoint are
 * counted, not listed: most sites have none, and a line each would bury the lines that matter.
 */
import type { WebmentionRow, WebmentionsResult } from './run.ts';

function line(row: WebmentionRow): string {
  const code = row.httpStatus === undefined ? '' : ` (${row.httpStatus})`;
  const detail = row.detail ? `: ${row.detail}` : '';
  return `${row.status.padEnd(10)} ${row.item} → ${row.target}${code}${detail}`;
}

export function formatWebmentions(result: WebmentionsResult): string {
  const listed = result.rows.filter((row) => row.status !== 'no endpoint');
  const count = (status: WebmentionRow['status']): number => result.rows.filter((row) => row.status === status).length;
  const totals = [
    result.dryRun ? `${count('would send')} would be sent` : `${count('sent')} sent`,
    `${count('no endpoint')} without an endpoint`,
    `${count('refused')} refused`,
    `${count('gone')} gone`,
    `${result.failed} failed`,
    `${result.alreadyDone} already done`,
  ];
  return [
    `webmentions from ${result.feed}${result.bridgyFed ? ' (Bridgy Fed on)' : ''}${result.dryRun ? ', dry run: nothing sent' : ''}`,
    ...listed.map(line),
    totals.join(', '),
  ].join('\n');
}
