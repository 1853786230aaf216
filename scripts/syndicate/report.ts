/** How a run reads in a terminal: each planned post of a dry run, then the summary table. */
import { NETWORK_LABELS, type Network } from '../../src/lib/networks.ts';
import { textTable } from '../lib/text-table.ts';
import type { PlannedPost, SummaryRow, SyndicateResult } from './run.ts';

const label = (network: Network | 'all'): string => (network === 'all' ? 'all' : NETWORK_LABELS[network]);

/** One planned post: a header with its counted length, the text as sent, the link card. */
export function formatPlannedPost(post: PlannedPost): string {
  const lines = [`── ${label(post.network)} · ${post.item} · ${post.length}/${post.limit} ${post.unit}${post.note ? ` · ${post.note}` : ''}`];
  lines.push(...post.text.split('\n').map((line) => `   │ ${line}`.trimEnd()));
  lines.push(`   link card: ${post.link.title} — ${post.link.url}`);
  if (post.thumbnail) {
    lines.push('problem' in post.thumbnail ? `   thumbnail: none (${post.thumbnail.problem})` : `   thumbnail: ${post.link.image} (${post.thumbnail.mimeType}, ${post.thumbnail.bytes.toLocaleString('en')} bytes)`);
  }
  return lines.join('\n');
}

/** The summary that ends every run. */
export function formatSummary(result: SyndicateResult): string {
  const rows: SummaryRow[] = result.rows;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const totals = [...counts.entries()].map(([status, count]) => `${count} ${status}`);
  totals.push(`${result.alreadyPosted} already posted`);
  const body = rows.length > 0
    ? textTable([['item', 'network', 'status', 'link or reason'], ...rows.map((row) => [row.item, label(row.network), row.status, row.url ?? row.detail ?? ''])])
    : 'Nothing new to post.';
  return `${result.dryRun ? 'Dry run (nothing was posted): ' : ''}${result.feed}\n${body}\n${totals.join(', ')}`;
}

/** Everything the CLI prints on stdout for a run. */
export function formatRun(result: SyndicateResult): string {
  const planned = result.planned.map(formatPlannedPost);
  return [...planned, formatSummary(result)].join('\n\n');
}
