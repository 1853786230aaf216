/**
 * The engagement history on disk: one file per snapshot under `content/evidence/engagement/` (shape in
 * src/contract/snapshots.ts, the same code the site reads them with). A snapshot is created atomically and
 * never replaces another: history is only ever appended.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseSnapshot, snapshotFileName, snapshotSchema, type Snapshot } from '../../src/contract/snapshots.ts';
import { withoutUnsafeUrls } from '../../src/lib/evidence.ts';
import { createFileAtomically, removeStaleTempFiles } from '../lib/atomic-file.ts';

/** Every snapshot in the folder, oldest first; none (or no folder) is an empty history. */
export async function readSnapshots(folder: string, labelRoot?: string): Promise<Snapshot[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  const snapshots = await Promise.all(
    files.map(async (name) => {
      const file = join(folder, name);
      return parseSnapshot(await readFile(file, 'utf8'), labelRoot ? relative(labelRoot, file) : file);
    }),
  );
  return snapshots.sort((a, b) => Date.parse(a.collectedAt) - Date.parse(b.collectedAt));
}

/**
 * Adds a snapshot to the history: without the addresses strangers gave that are not http(s) (dropped,
 * so a `javascript:` profile cannot stop the run), validated (never write what the site could not read), named by its
 * time, created atomically. Two snapshots in the same millisecond get `-2`, `-3` names rather than
 * one replacing the other. Resolves to the file written.
 */
export async function appendSnapshot(folder: string, snapshot: Snapshot): Promise<string> {
  const valid = snapshotSchema.parse(withoutUnsafeUrls(snapshot));
  const text = `${JSON.stringify(valid, null, 2)}\n`;
  await removeStaleTempFiles(folder);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const file = join(folder, snapshotFileName(valid.collectedAt, attempt));
    if (await createFileAtomically(file, text)) return file;
  }
  throw new Error(`${folder}: could not find a free name for the snapshot of ${valid.collectedAt}`);
}
