import { z } from 'astro/zod';
import { citesField, type CitingSchemaContext } from './cites.ts';
import { dateField, featuredField, socialImageField, tagsField, textField, urlField } from './fields.ts';
import { syndicationField } from './syndication.ts';

/** `content/essays/*.md(x)`: long-form pieces, the backbone of the site. */
export const essaySchema = (context: CitingSchemaContext) =>
  z
    .strictObject({
      /** Headline. */
      title: textField('a title'),
      /** One or two sentences: used as the summary in listings, feeds, search results and link previews. */
      description: textField('a one- or two-sentence summary'),
      /** Publication date. An entry dated in the future stays unpublished until that date. */
      date: dateField,
      /** Date of the last meaningful revision. Optional; must not precede `date`. */
      updated: dateField.optional(),
      /** Topics; each gets a page under /tags/. Default: none. */
      tags: tagsField,
      /** On the home page's "Start here": `true`, or a position (1 first). Default: false. */
      featured: featuredField,
      /** A draft is shown by `npm run dev` and never published. Default: false. */
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      /** An optional hero image, shown above the text. */
      hero: z
        .strictObject({
          /** Image file relative to the essay. */
          src: context.image(),
          /** Alternative text. Required: every image needs one. */
          alt: textField('alt text for the hero image'),
        })
        .optional(),
      /** A preview image to use instead of the generated share card. */
      image: socialImageField(context),
      /** Where the piece was first published, if not here (sets the canonical URL). Optional. */
      canonical: urlField.optional(),
      /** Per-network syndication overrides and skips. */
      syndication: syndicationField,
      /** Theories, essays and notes this essay builds on, by file name. Default: none. */
      cites: citesField(context.reference),
    })
    .refine((essay) => !essay.updated || essay.updated >= essay.date, {
      error: 'expected `updated` to be on or after `date`',
      path: ['updated'],
    });
