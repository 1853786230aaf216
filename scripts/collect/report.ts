/** How a collection run reads in a terminal: where the snapshot went, then one line per network. */
import { NETWORK_LABELS, type Network } from '../../src/contract/networks.ts';
import { textTable } from '../lib/text-table.ts';
import type { ReadsRow } from './reads.ts';
import type { CollectResult, CollectRow } from './run.ts';
import { formatPressWatch } from '../press-watch/report.ts';

const label = (source: CollectRow['source']): string => (source === 'webmentions' ? 'Webmentions' : NETWORK_LABELS[source as Network]);
const signed = (value: number): string => (value >= 0 ? `+${value}` : String(value));

function describe(row: CollectRow): string[] {
  if (row.source === 'webmentions') {
    return [
      label(row.source),
      row.status,
      `${row.read} received`,
      '',
      `${signed(row.newReplies)} new replies${row.detail ? `; ${row.detail}` : ''}`,
    ];
  }
  if (row.status === 'skipped' || row.status === 'nothing to read') return [label(row.source), row.status, '', '', row.detail ?? ''];
  return [
    label(row.source),
    row.status,
    `${row.read} copies read`,
    `engagement ${row.engagement} (${signed(row.gained)})`,
    `${signed(row.newReplies)} new replies${row.detail ? `; ${row.detail}` : ''}`,
  ];
}

/** The readers' line: pieces read and their views in the window, or why none were counted. */
function describeReads(row: ReadsRow): string[] {
  if (row.status !== 'read') return ['Readers', row.status, '', '', row.detail ?? ''];
  return ['Readers', row.status, `${row.read} pieces read`, `${row.views} views`, ''];
}

export function formatCollect(result: CollectResult): string {
  const head = result.file
    ? `Snapshot ${result.snapshot.collectedAt} → ${result.file}`
    : 'Nothing to record: no copies were read (the ledger is empty, or every network was skipped).';
  const lines = [...result.rows.map(describe), ...(result.reads ? [describeReads(result.reads)] : [])];
  const body = lines.length > 0 ? textTable(lines) : '';
  const change = result.file
    ? `Since the previous snapshot: engagement ${signed(result.change.total)}, ${result.change.newReplies} new replies.`
    : '';
  const press = result.press ? formatPressWatch(result.press) : '';
  return [head, body, change, press].filter(Boolean).join('\n');
}
