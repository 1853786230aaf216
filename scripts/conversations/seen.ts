/**
 * When the person last looked at the conversations: `.hub/conversations-seen.json` in the hub's root —
 * the person's own reading state, so outside content/ (which is published, and kept on the evidence
 * branch) and outside dist/, and ignored by git. It holds the time of the newest snapshot the last look
 * showed: what collect records after that is new. Written atomically, so a killed run leaves the old
 * mark or the new one, never half a file.
 *
 * ```json
 * { "version": 1, "seenThrough": "2026-11-25T10:00:00.000Z", "lookedAt": "2026-11-25T18:30:00.000Z" }
 * ```
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parseJson } from '../../src/lib/validation.ts';
import { replaceFileAtomically } from '../lib/atomic-file.ts';
import { readTextIfExists } from '../lib/optional-file.ts';

/** The file, relative to the hub's root (also how messages name it). */
export const SEEN_FILE = '.hub/conversations-seen.json';

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-11-25T10:00:00.000Z' });

const seenSchema = z.strictObject({
  version: z.literal(1, { error: 'expected version 1' }),
  /** The newest snapshot's `collectedAt` when the person last looked. */
  seenThrough: isoInstant,
  /** When that look was. */
  lookedAt: isoInstant,
});

export type Seen = z.output<typeof seenSchema>;

/** The last look, or undefined before the first (no file). A broken file throws naming it and the field; deleting it shows everything again. */
export async function readSeen(root: string): Promise<Seen | undefined> {
  const text = await readTextIfExists(join(root, SEEN_FILE));
  return text === undefined ? undefined : parseJson(text, SEEN_FILE, seenSchema);
}

/** Records a look that showed everything up to the snapshot taken at `seenThrough`. */
export async function writeSeen(root: string, seen: Seen): Promise<void> {
  await replaceFileAtomically(join(root, SEEN_FILE), `${JSON.stringify(seenSchema.parse(seen), null, 2)}\n`);
}
