/** How a run reads in a terminal: each planned post of a dry run, then the summary table. */
import { NETWORK_LABELS, type Network } from '../../src/contract/networks.ts';
import { textTable } from '../lib/text-table.ts';
import type { PlannedPost, SummaryRow, SyndicateResult } from './run.ts';

const label = (network: Network | 'all'): string => (network === 'all' ? 'all' : NETWORK_LABELS[network]);

/** One planned post: a header with its counted length, the text as sent, the link card. */
export function formatPlannedPost(post: PlannedPost): string {
  const lines = [
    `── ${label(post.network)} · ${post.item} · ${post.length}/${post.limit} ${post.unit}${post.note ? ` · ${post.note}` : ''}`,
  ];
  lines.push(...post.text.split('\n').map((line) => `   │ ${line}`.trimEnd()));
  lines.push(`   link card: ${post.link.title} — ${post.link.url}`);
  for (const file of post.preview ?? []) lines.push(`   preview: ${file}`);
  if (post.thumbnail) {
    lines.push(
      'problem' in post.thumbnail
        ? `   thumbnail: none (${post.thumbnail.problem})`
        : `   thumbnail: ${post.link.image} (${post.thumbnail.mimeType}, ${post.thumbnail.bytes.toLocaleString('en')} bytes)`,
    );
  }
  return lines.join('\n');
}

/**
 * The summary that ends every run: the table, the totals, then each item held for the person to
 * resolve, in full (what happened, where to look, the two commands), last, where it is seen.
 */
export function formatSummary(result: SyndicateResult): string {
  const rows: SummaryRow[] = result.rows;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const totals = [...counts.entries()].map(([status, count]) => `${count} ${status}`);
  totals.push(`${result.alreadyPosted} already posted`);
  const body =
    rows.length > 0
      ? textTable([
          ['item', 'network', 'status', 'link or reason'],
          ...rows.map((row) => [row.item, label(row.network), row.status, row.url ?? row.detail ?? '']),
        ])
      : 'Nothing new to post.';
  const needsYou = result.needsYou.length > 0 ? `\n\nNeeds you\n${result.needsYou.map((held) => held.message).join('\n\n')}` : '';
  return `${result.dryRun ? 'Dry run (nothing was posted): ' : ''}${result.feed}\n${body}\n${totals.join(', ')}${needsYou}`;
}

/** A workflow command's message: `%`, CR and LF escaped as the runner reads them back. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property: also `:` and `,`, which delimit the command. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * On GitHub Actions, one `::warning::` per held item: a held item is not a failure (the run exits 0),
 * so it would otherwise be seen only by someone reading the log; a warning annotation shows on the
 * run's summary page, with the commands.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#setting-a-warning-message
 */
export function formatAnnotations(result: SyndicateResult): string[] {
  return result.needsYou.map(
    (held) => `::warning title=${escapeProperty(`${label(held.network)} ${held.item}: needs you`)}::${escapeData(held.message)}`,
  );
}

/** The same, as Markdown for the job summary ($GITHUB_STEP_SUMMARY). */
export function formatStepSummary(result: SyndicateResult): string {
  if (result.needsYou.length === 0) return '';
  return `### Syndication: needs you\n\n${result.needsYou.map((held) => `\`\`\`text\n${held.message}\n\`\`\``).join('\n\n')}\n`;
}

/** Everything the CLI prints on stdout for a run. */
export function formatRun(result: SyndicateResult): string {
  const planned = result.planned.map(formatPlannedPost);
  return [...planned, formatSummary(result)].join('\n\n');
}
