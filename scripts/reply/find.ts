/**
 * Finding a reply by its conversation id (`<network>:<the network's id>`, src/contract/answers.ts) in
 * the engagement snapshots `collect` wrote: which piece it is under, which copy (the thread's root),
 * and the reply as collected. A reply the network has since stopped showing (a later snapshot's
 * `removedReplies`) is not answered.
 */
import type { Network } from '../../src/contract/networks.ts';
import type { Snapshot } from '../../src/contract/snapshots.ts';
import type { ReplyTarget } from '../channels/answer.ts';

export type Found = ReplyTarget | { removed: true } | undefined;

export function findReply(snapshots: readonly Snapshot[], network: Network, replyId: string): Found {
  let found: ReplyTarget | undefined;
  for (const snapshot of snapshots) {
    for (const [item, { networks }] of Object.entries(snapshot.items)) {
      const copy = networks[network];
      if (!copy) continue;
      const reply = copy.newReplies?.find((candidate) => candidate.id === replyId);
      if (reply) found = { item, copy: { remoteId: copy.remoteId, url: copy.url }, reply };
      else if (found && found.item === item && copy.removedReplies?.includes(replyId)) return { removed: true };
    }
  }
  return found;
}
