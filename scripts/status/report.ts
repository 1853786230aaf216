/**
 * The status as a person reads it in a terminal: plain text, one section per question, labels in a
 * column so the answers line up. Pure: `formatStatus(status)` is the whole output.
 */
import { createFormats } from '../../src/lib/formats.ts';
import { describeCounts, describeStreak, formatAverage, plural } from '../../src/lib/cadence.ts';
import { NETWORK_LABELS, NETWORKS, type Network } from '../../src/contract/networks.ts';
import { reviewLine } from '../press-watch/review.ts';
import { describePolicyHold } from '../syndicate/policy.ts';
import type { HubStatus, ItemLine, NetworkSyndication, PieceLine } from './run.ts';
import { describeWarning } from './tokens.ts';

/** Pieces listed per section before "… and N more": the full lists are in `--json`. */
const LIST_LIMIT = 10;
const LABEL_WIDTH = 13;

// The terminal report writes numbers and streaks in the site's language (site.yaml); its moments are ISO dates (formatInstant).

const row = (label: string, text: string): string => `${label.padEnd(LABEL_WIDTH)}${text}`.trimEnd();
const indent = (text: string, by = LABEL_WIDTH): string => `${' '.repeat(by)}${text}`;

/** `2026-11-25`, or `2026-11-25 09:30 UTC` when the moment has a time of day. */
function formatInstant(iso: string): string {
  const text = new Date(iso).toISOString();
  return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** `today`, `3 days ago`, `in 1 day`. */
function formatDays(days: number): string {
  if (days === 0) return 'today';
  return days < 0 ? `${plural(-days, 'day', 'days')} ago` : `in ${plural(days, 'day', 'days')}`;
}

function pieceTable(pieces: readonly PieceLine[]): string[] {
  const dates = pieces.map((piece) => formatInstant(piece.date));
  const whens = pieces.map((piece) => formatDays(piece.days));
  const titles = pieces.map((piece) => piece.title);
  const width = (values: string[]): number => Math.max(0, ...values.map((value) => value.length));
  return pieces.map((piece, i) =>
    indent(
      [
        dates[i]!.padEnd(width(dates)),
        whens[i]!.padEnd(width(whens)),
        piece.kind.padEnd(6),
        titles[i]!.padEnd(width(titles)),
        piece.file,
      ].join('  '),
      2,
    ),
  );
}

function networkSummary(state: NetworkSyndication, waitsForYou: boolean): string {
  // Where the hub may not be able to check, an in-flight mark waits for the person (the "Needs you" section).
  const inFlight = waitsForYou ? 'needs you' : 'check';
  const parts = [
    state.pending.length > 0 ? `${state.pending.length} pending` : undefined,
    state.inFlight.length > 0 ? `${state.inFlight.length} in flight (${inFlight})` : undefined,
    state.held > 0 ? `${state.held} held` : undefined,
    `${state.posted} posted`,
    state.skipped > 0 ? `${state.skipped} skipped` : undefined,
  ].filter((part) => part !== undefined);
  const nothingLeft = state.pending.length === 0 && state.inFlight.length === 0 && state.held === 0;
  return `${nothingLeft ? 'nothing to post · ' : ''}${parts.join(' · ')}${state.credentials ? '' : ' · no credentials'}`;
}

/** `Bluesky, X`, or `every network` when it is all five. */
function networkList(networks: readonly Network[]): string {
  return networks.length === NETWORKS.length ? 'every network' : networks.map((network) => NETWORK_LABELS[network]).join(', ');
}

function syndicationSection(status: HubStatus): string[] {
  const { syndication } = status;
  if (!syndication.available) return [row('Syndication', `${syndication.reason}: ${syndication.feed} does not exist`)];
  const lines = [row('Syndication', `${plural(syndication.items, 'piece', 'pieces')} in ${syndication.feed}`)];
  // The in-flight marks of a channel the hub cannot check for itself are each in `needsYou`.
  const needsYou = (network: Network, key?: string): boolean =>
    syndication.needsYou.some((item) => item.network === network && (key === undefined || item.key === key));
  for (const network of NETWORKS)
    lines.push(row(`  ${NETWORK_LABELS[network]}`, networkSummary(syndication.networks[network], needsYou(network))));

  // Then each piece once, with the networks it is waiting for; the marks that need the person are in their own section.
  const inFlight = syndication.inFlight.filter((item) => !needsYou(item.network, item.key));
  const lists: ReadonlyArray<readonly ItemLine[]> = [syndication.pending, inFlight, syndication.held];
  const shown = lists.flatMap((list) => list.slice(0, LIST_LIMIT));
  const keyWidth = Math.max(0, ...shown.map((item) => item.key.length));
  const list = (label: string, entries: Array<{ key: string; text: string }>): void => {
    entries
      .slice(0, LIST_LIMIT)
      .forEach((entry, i) => lines.push(row(i === 0 ? `  ${label}` : '', `${entry.key.padEnd(keyWidth)}  ${entry.text}`)));
    if (entries.length > LIST_LIMIT)
      lines.push(indent(`… and ${entries.length - LIST_LIMIT} more (./hub run status -- --json lists them all)`));
  };
  list(
    'Pending',
    syndication.pending.map((item) => ({ key: item.key, text: `${networkList(item.networks)} · ${item.title}` })),
  );
  list(
    'In flight',
    inFlight.map((item) => ({
      key: item.key,
      text: `${NETWORK_LABELS[item.network]}, since ${formatInstant(item.startedAt)}: the next run checks before posting again`,
    })),
  );
  list(
    'Held',
    syndication.held.map((item) => ({
      key: item.key,
      text: describePolicyHold(item.matches),
    })),
  );
  return lines;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function engagementSection(status: HubStatus): string[] {
  const { engagement } = status;
  if (engagement.snapshots === 0 || !engagement.to) return [row('Engagement', 'no snapshots yet (./hub run collect takes one)')];
  const span = engagement.from
    ? `since the last snapshot: ${formatInstant(engagement.from)} → ${formatInstant(engagement.to)}`
    : `so far: one snapshot, ${formatInstant(engagement.to)}`;
  const lines = [row('Engagement', span)];
  for (const network of NETWORKS) {
    const value = engagement.byNetwork[network];
    if (value !== undefined) lines.push(row(`  ${NETWORK_LABELS[network]}`, signed(value)));
  }
  lines.push(row('  Total', `${signed(engagement.total)} · ${plural(engagement.newReplies, 'new reply', 'new replies')}`));
  if (status.mostRead)
    lines.push(row('Readers', `most read this week: ${status.mostRead.title} (${plural(status.mostRead.reads, 'read', 'reads')})`));
  return lines;
}

/** The whole report, ending without a newline. */
export function formatStatus(status: HubStatus): string {
  const formats = createFormats(status.language);
  const { cadence: numbers, lastPost } = status;
  const lines: string[] = [`Hub status at ${formatInstant(status.now)}`, ''];

  lines.push(
    row(
      'Last post',
      lastPost
        ? `${lastPost.title} (${lastPost.kind}, ${formatInstant(lastPost.date)}) — ${formatDays(lastPost.days)}`
        : 'nothing published yet',
    ),
  );
  if (lastPost) lines.push(indent(lastPost.file));
  const current = numbers.currentStreak;
  const today = status.now.slice(0, 10);
  lines.push(
    row(
      'Streak',
      `current ${describeStreak(formats, current, today)}${current.awaitingThisWeek ? ' — a piece by Sunday keeps it going' : ''}`,
    ),
    indent(`longest ${describeStreak(formats, numbers.longestStreak, today)}`),
    row(
      'Published',
      [
        `${numbers.recent.days30} in the last 30 days`,
        `${numbers.recent.days90} in 90`,
        `${numbers.recent.days365} in 365`,
        `${formatAverage(formats, numbers.averagePerWeek)} a week`,
      ].join(' · '),
    ),
    '',
  );

  lines.push(
    row(
      'Scheduled',
      status.scheduled.length === 0
        ? 'nothing'
        : `${describeCounts(countKinds(status.scheduled))}, each live with the first build after its date`,
    ),
  );
  lines.push(...pieceTable(status.scheduled));
  lines.push(row('Drafts', status.drafts.length === 0 ? 'none' : describeCounts(countKinds(status.drafts))));
  lines.push(...pieceTable(status.drafts), '');
  const press = reviewLine(status.pressToReview);
  if (press) lines.push(row('Press', press), '');

  const invitations = invitationLines(status);
  if (invitations.length > 0) lines.push(...invitations, '');
  lines.push(...syndicationSection(status), '');
  // Every one, never cut short: each is a post that may be out there, waiting for the person to say so.
  if (status.syndication.available && status.syndication.needsYou.length > 0) {
    lines.push('Needs you', ...status.syndication.needsYou.flatMap((item) => item.message.split('\n').map((line) => indent(line, 2))), '');
  }

  lines.push('Credentials');
  for (const network of NETWORKS) {
    const state = status.credentials[network];
    lines.push(row(`  ${NETWORK_LABELS[network]}`, state.present ? 'present' : `missing ${state.missing.join(', ').replace(', (', ' (')}`));
  }
  // A token near its end is under Warnings; the others' ends are shown here.
  const ends = status.tokens.filter((token) => !token.warn);
  if (ends.length > 0) lines.push('', 'Tokens', ...ends.map((token) => indent(describeWarning(token), 2)));
  if (status.warnings.length > 0) lines.push('', 'Warnings', ...status.warnings.map((warning) => indent(describeWarning(warning), 2)));
  lines.push('', ...engagementSection(status));
  return lines.join('\n');
}

/**
 * The invitations to speak awaiting an answer, each with its file (answering one is editing its
 * `outcome`); nothing when none waits, as a hub that records no invitations has nothing to be told.
 */
function invitationLines(status: HubStatus): string[] {
  const pending = status.pendingInvitations;
  if (pending.length === 0) return [];
  return [
    row('Invitations', `${plural(pending.length, 'invitation to speak awaits', 'invitations to speak await')} an answer`),
    ...pending
      .slice(0, LIST_LIMIT)
      .map((invitation) => indent(`${invitation.asked}  ${invitation.event} (${invitation.organiser})  ${invitation.file}`, 2)),
    ...(pending.length > LIST_LIMIT
      ? [indent(`… and ${pending.length - LIST_LIMIT} more (./hub run status -- --json lists them all)`)]
      : []),
  ];
}

function countKinds(pieces: readonly PieceLine[]): Record<PieceLine['kind'], number> {
  const counts = { essay: 0, note: 0, theory: 0 };
  for (const piece of pieces) counts[piece.kind] += 1;
  return counts;
}
