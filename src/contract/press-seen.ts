/**
 * The press watch's memory, `content/evidence/press-seen.json`: every article it has proposed, and
 * what became of it (`proposed`, `confirmed`, `rejected`), by normalised address (scripts/press-watch/urls.ts).
 * An article is proposed once: while its proposal waits, after it is confirmed, and after it is
 * rejected (when the entry file itself is gone). `./hub run collect` adds to it; `./hub run press`
 * records the person's answer. Deleting the file forgets only rejections: confirmed entries are
 * recognised by their `url`.
 */
import { z } from 'astro/zod';

export const PRESS_SEEN_FILE = 'content/evidence/press-seen.json';

export const PRESS_DECISIONS = ['proposed', 'confirmed', 'rejected'] as const;
export type PressDecision = (typeof PRESS_DECISIONS)[number];

export const pressSeenSchema = z.strictObject({
  version: z.literal(1),
  /** By normalised address (several addresses of one article — the feed's link, the canonical one — point at one id). */
  articles: z.record(
    z.string(),
    z.strictObject({
      /** The press entry's id: its file name in content/press without `.md`. */
      id: z.string().min(1),
      status: z.enum(PRESS_DECISIONS),
      /** ISO 8601: when it was proposed, or decided. */
      at: z.string(),
    }),
  ),
});

export type PressSeen = z.output<typeof pressSeenSchema>;

export function emptyPressSeen(): PressSeen {
  return { version: 1, articles: {} };
}
