import { z } from 'astro/zod';
import { citesField, type CitingSchemaContext } from './cites.ts';
import { dateField, featuredField, socialImageField, tagsField, urlField } from './fields.ts';
import { syndicationField } from './syndication.ts';

/**
 * The longest note body, in characters. A note is a few sentences that go out whole on every network;
 * 500 is Threads' and Mastodon's default limit, so a note never needs cutting (see loaders/hub-glob.ts).
 */
export const NOTE_MAX_CHARACTERS = 500;

/** `content/notes/*.md`: short posts — a thought, a reaction, a link with a comment. */
export const noteSchema = (context: CitingSchemaContext) =>
  z.strictObject({
    /** Publication date (and time, if several notes share a day). */
    date: dateField,
    /** An optional link the note is about. */
    link: urlField.optional(),
    /** Topics; each gets a page under /tags/. Default: none. */
    tags: tagsField,
    /** On the home page's "Start here": `true`, or a position (1 first). Default: false. */
    featured: featuredField,
    /** A draft is shown by `npm run dev` and never published. Default: false. */
    draft: z.boolean({ error: 'expected true or false' }).default(false),
    /** A preview image to use instead of the generated share card. */
    image: socialImageField(context),
    /** Per-network syndication overrides and skips. */
    syndication: syndicationField,
    /** Theories, essays and notes this note builds on, by file name. Default: none. */
    cites: citesField(context.reference),
  });
