import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { dateField, socialImageField, tagsField, textField } from './fields.ts';
import { syndicationField } from './syndication.ts';

/** How far along an idea is, from first hunch to settled conviction (or retired). */
export const THEORY_STAGES = ['hunch', 'working-theory', 'conviction', 'retired'] as const;

export type TheoryStage = (typeof THEORY_STAGES)[number];

/** `content/theories/*.md`: ideas still forming, shared before they are finished. */
export const theorySchema = (context: SchemaContext) => z
  .strictObject({
    /** The idea, stated as a claim or a question. */
    title: textField('a title'),
    /** The idea in one or two sentences, for listings and feeds. */
    summary: textField('a summary'),
    /** When the theory was first published. */
    date: dateField,
    /** When it last changed. Optional; must not precede `date`. */
    updated: dateField.optional(),
    /** Where the idea stands: hunch, working-theory, conviction or retired. */
    stage: z.enum(THEORY_STAGES, { error: `expected one of ${THEORY_STAGES.join(', ')}` }),
    /** How sure the author is, in plain words ("fairly sure", "a hunch I keep coming back to"). */
    confidence: textField('a confidence in plain words'),
    /** Topics; each gets a page under /tags/. Default: none. */
    tags: tagsField,
    /** A draft is shown by `npm run dev` and never published. Default: false. */
    draft: z.boolean({ error: 'expected true or false' }).default(false),
    /** A preview image to use instead of the generated share card. */
    image: socialImageField(context),
    /** Per-network syndication overrides and skips. */
    syndication: syndicationField,
  })
  .refine((theory) => !theory.updated || theory.updated >= theory.date, {
    error: 'expected `updated` to be on or after `date`',
    path: ['updated'],
  });
