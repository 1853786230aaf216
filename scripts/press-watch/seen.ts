/** Reading and writing the press watch's seen-list (its shape and meaning: src/contract/press-seen.ts), whole or not at all. */
import { join } from 'node:path';
import { emptyPressSeen, PRESS_SEEN_FILE, pressSeenSchema, type PressSeen } from '../../src/contract/press-seen.ts';
import { parseJson } from '../../src/lib/validation.ts';
import { replaceFileAtomically } from '../lib/atomic-file.ts';
import { readTextIfExists } from '../lib/optional-file.ts';

/** The seen-list; empty before the first proposal. A broken file throws naming it, rather than proposing everything again. */
export async function readPressSeen(root: string): Promise<PressSeen> {
  const text = await readTextIfExists(join(root, PRESS_SEEN_FILE));
  return text === undefined ? emptyPressSeen() : parseJson(text, PRESS_SEEN_FILE, pressSeenSchema);
}

export async function writePressSeen(root: string, seen: PressSeen): Promise<void> {
  await replaceFileAtomically(join(root, PRESS_SEEN_FILE), `${JSON.stringify(pressSeenSchema.parse(seen), null, 2)}\n`);
}
