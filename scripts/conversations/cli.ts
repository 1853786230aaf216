/**
 * `./hub run conversations [-- --all] [--json]`: the replies, quote-posts and webmention replies and
 * mentions collected since the person last looked, grouped by piece, newest first, each with the id
 * to answer it by and whether it is answered — then marks them seen (seen.ts). Reads only what is on
 * disk (the snapshots collect wrote, the answers ledger, the profile's handles, the pieces' titles):
 * `./hub run collect` is what talks to the networks.
 */
import { resolve } from 'node:path';
import { EVIDENCE_FOLDER } from '../../src/contract/snapshots.ts';
import { runCommand } from '../lib/cli.ts';
import { readAnswers, readPieceTitles, readProfileHandles } from '../lib/content.ts';
import { readSnapshots } from '../collect/snapshots.ts';
import { pressAwaitingReview } from '../press-watch/review.ts';
import { formatConversations, type ConversationsReport } from './format.ts';
import { gatherConversations, newestSnapshot } from './gather.ts';
import { readSeen, SEEN_FILE, writeSeen } from './seen.ts';

const USAGE = `usage: ./hub run conversations -- [options]
  --all    every conversation collected, not only those new since you last looked
  --json   print the result as JSON (docs/evidence.md describes its shape)
Each look marks what it showed as seen (${SEEN_FILE}); deleting that file starts over.`;

/** Looks at the conversations of the hub at `root` and marks them seen. */
export async function lookAtConversations(root: string, options: { all: boolean; now: Date }): Promise<ConversationsReport> {
  const [snapshots, answers, handles, titles, seen, press] = await Promise.all([
    readSnapshots(resolve(root, EVIDENCE_FOLDER), root),
    readAnswers(root),
    readProfileHandles(root),
    readPieceTitles(root),
    readSeen(root),
    pressAwaitingReview(root),
  ]);
  const since = seen?.seenThrough;
  const pieces = gatherConversations({ snapshots, answers, handles, titles, after: options.all ? undefined : since });
  const through = newestSnapshot(snapshots);
  if (through !== undefined) await writeSeen(root, { version: 1, seenThrough: through, lookedAt: options.now.toISOString() });
  return {
    version: 1,
    shown: options.all ? 'all' : 'new',
    since: since ?? null,
    through: through ?? null,
    count: pieces.reduce((sum, piece) => sum + piece.conversations.length, 0),
    pieces,
    pressToReview: press.map((entry) => entry.id),
  };
}

if (import.meta.main) {
  await runCommand({
    name: 'conversations',
    usage: USAGE,
    options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
    run: async ({ values }) => {
      const report = await lookAtConversations(process.cwd(), { all: values.all === true, now: new Date() });
      return values.json ? { json: report } : { output: formatConversations(report) };
    },
  });
}
