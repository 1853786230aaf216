import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { dateField, textField, urlField } from './fields.ts';

/** How the person appears in a piece: quoted by a journalist, interviewed, writing it, or on a podcast. */
export const PRESS_KINDS = ['quoted', 'interview', 'op-ed', 'podcast'] as const;
export type PressKind = (typeof PRESS_KINDS)[number];

/** `dateField`, with a message that names what is missing when there is no date at all. */
const publishedDate = z
  .union([z.date(), z.string()], { error: 'expected the date the piece was published, like 2026-11-25' })
  .pipe(dateField);

/**
 * `content/press/*.md`: one appearance in the press, with the words quoted. Everything is in the front
 * matter; the body, if any, is for the author's own notes and is not published.
 */
export const pressSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    /** The publication or programme, for example "The Guardian" or "BBC Radio Bristol". */
    outlet: textField('the outlet’s name'),
    /** The piece's headline (or episode title). */
    headline: textField('the headline'),
    /** Where the piece can be read or heard. Required: a quote nobody can check is not evidence. */
    url: urlField,
    /** When the piece was published. A future date holds the quote back until then. */
    date: publishedDate,
    /** The words quoted, exactly as published. */
    quote: textField('the quote as published'),
    /** `quoted`, `interview`, `op-ed` or `podcast`. */
    kind: z.enum(PRESS_KINDS, { error: `expected one of ${PRESS_KINDS.join(', ')}` }),
    /** The outlet's logo, relative to this file. Optional: without one the outlet's name is shown as text. */
    logo: image().optional(),
    /** A draft (a quote not yet checked against the piece) is shown by `npm run dev` and never published. Default: false. */
    draft: z.boolean({ error: 'expected true or false' }).default(false),
    /**
     * Where the press watch found it (`./hub run collect`): the feed and when. Written with `draft: true`;
     * `./hub run press -- confirm <id>` publishes it and keeps this as its provenance.
     */
    proposed: z
      .strictObject({
        feed: z.string().trim().min(1, { error: 'expected the feed the mention was found in' }),
        foundAt: z.union([z.date(), z.string()], { error: 'expected when it was found, like 2026-12-01T09:00:00Z' }),
      })
      .optional(),
  });
