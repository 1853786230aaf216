/**
 * The person's answer to a proposed press mention. Confirming publishes the entry (its `draft: true`
 * goes; `proposed:` stays as its provenance); rejecting removes the draft. Either way the seen-list
 * records it first, so the article is never proposed again — and if the run is killed between the two
 * writes, the next confirm or reject finishes the job.
 */
import { resolve } from 'node:path';
import { EVIDENCE_FOLDER } from '../../src/contract/snapshots.ts';
import { confirmPressEntry, readPressEntries, removePressEntry, type PressEntry } from '../lib/content.ts';
import { acquireLock, evidenceLockFile } from '../lib/lock.ts';
import { readPressSeen, writePressSeen } from './seen.ts';
import { articleKey } from './urls.ts';

export async function decidePress(
  root: string,
  decision: 'confirmed' | 'rejected',
  ids: readonly string[],
  now: Date,
): Promise<PressEntry[]> {
  const release = await acquireLock(evidenceLockFile(resolve(root, EVIDENCE_FOLDER)), 'press decision');
  try {
    const entries = await readPressEntries(root);
    const seen = await readPressSeen(root);
    const chosen = ids.map((id) => {
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) throw new Error(`${id}: no such press entry — ./hub run press lists those awaiting review`);
      if (!entry.proposed)
        throw new Error(`${entry.file}: proposed: is missing — not a proposal of the press watch; edit or delete the file itself`);
      if (!entry.draft && decision === 'confirmed') throw new Error(`${entry.file}: draft: is already false — it is published`);
      return entry;
    });
    const at = now.toISOString();
    for (const entry of chosen) {
      for (const [key, record] of Object.entries(seen.articles))
        if (record.id === entry.id) seen.articles[key] = { id: entry.id, status: decision, at };
      seen.articles[articleKey(entry.url)] = { id: entry.id, status: decision, at };
    }
    await writePressSeen(root, seen);
    for (const entry of chosen) {
      if (decision === 'confirmed') await confirmPressEntry(root, entry.id);
      else await removePressEntry(root, entry.id);
    }
    return chosen;
  } finally {
    await release();
  }
}
