/**
 * `content/press-watch.yaml`: the news feeds the press watch reads (`./hub run collect`) and the names it
 * looks for in them. Without the file nothing is watched.
 *
 * ```yaml
 * feeds:
 *   - https://www.google.com/alerts/feeds/0123/4567   # an alerts feed for the person's name
 *   - url: https://severnchronicle.example/feed.xml
 *     label: The Severn Chronicle
 * names: [Morwenna Hale, Wenna Hale]                  # default: the profile's name
 * ```
 */
import { z } from 'astro/zod';
import { urlField } from './fields.ts';

export const PRESS_WATCH_FILE = 'content/press-watch.yaml';

const name = z.string().trim().min(1, { error: 'expected a name, like Morwenna Hale' });

export const presswatchSchema = z.strictObject({
  /** RSS 2.0, Atom or JSON Feed addresses; a bare address or `{ url, label }` (the label names it in messages). */
  feeds: z
    .array(
      z.union([urlField.transform((url) => ({ url, label: undefined })), z.strictObject({ url: urlField, label: name.optional() })], {
        error: 'expected a feed address, or { url: …, label: … }',
      }),
    )
    .min(1, { error: 'is empty — list at least one feed address' }),
  /** The names that count as a mention: full name and variants. Default: the profile's name. */
  names: z.array(name).min(1, { error: 'is empty — list at least one name, or leave the field out' }).optional(),
});

export type PressWatchFile = z.output<typeof presswatchSchema>;
