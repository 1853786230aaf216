import { z } from 'astro/zod';
import { revisionProblems, settleRevisions, THEORY_STAGES } from '../lib/theories.ts';
import { citesField, type CitingSchemaContext } from './cites.ts';
import { dateField, featuredField, socialImageField, tagsField, textField } from './fields.ts';
import { syndicationField } from './syndication.ts';

const stageField = z.enum(THEORY_STAGES, { error: `expected one of ${THEORY_STAGES.join(', ')}` });

/** One entry of a theory's revision log: what changed, when and why. */
export const revisionSchema = z.strictObject(
  {
    /** When the theory changed. Not before the theory's `date`. */
    date: dateField,
    /** The stage the theory moved to with this revision, if it moved. Optional. */
    stage: stageField.optional(),
    /** What changed, in a sentence ("Narrowed the claim to onshore wind"). */
    change: textField('what changed'),
    /** Why: the evidence or argument that changed it. */
    why: textField('why it changed'),
  },
  { error: 'expected a revision with date, change and why (and, if it moved the theory, stage)' },
);

export type Revision = z.output<typeof revisionSchema>;

/**
 * `content/theories/*.md(x)`: ideas still forming, shared before they are finished.
 *
 * `stage` is the theory's stage now: moving a theory is one edit of that line (log the move in
 * `revisions` with `stage:` to show it on the timeline). `updated` is the date of the latest revision
 * unless written out; a revision dated before `date`, or an `updated` before the latest revision, is
 * refused. Revisions come out oldest first, whatever order they were written in.
 */
export const theorySchema = ({ image, reference }: CitingSchemaContext) =>
  z
    .strictObject({
      /** The idea, stated as a claim or a question. */
      title: textField('a title'),
      /** The idea in one or two sentences, for listings and feeds. */
      summary: textField('a summary'),
      /** When the theory was first published. */
      date: dateField,
      /** When it last changed. Default: the date of the latest revision; must not precede `date` or that revision. */
      updated: dateField.optional(),
      /** Where the idea stands now: hunch, working-theory, conviction or retired. */
      stage: stageField,
      /** How sure the author is, in plain words ("fairly sure", "a hunch I keep coming back to"). */
      confidence: textField('a confidence in plain words'),
      /** Questions the author cannot answer yet and would like help with. Default: none. */
      openQuestions: z
        .array(textField('an open question'), { error: 'expected a list of open questions, one per line starting with -' })
        .default([]),
      /** What evidence or argument would change the author's mind. Optional. */
      changeMyMind: textField('what would change your mind').optional(),
      /** The revision log, one entry per change (date, stage if it moved, change, why). Default: none. */
      revisions: z.array(revisionSchema, { error: 'expected a list of revisions, each with date, change and why' }).default([]),
      /** Theories, essays and notes this theory builds on. Default: none. */
      cites: citesField(reference),
      /** Topics; each gets a page under /tags/. Default: none. */
      tags: tagsField,
      /** On the home page's "Start here": `true`, or a position (1 first). Default: false. */
      featured: featuredField,
      /** A draft is shown by `npm run dev` and never published. Default: false. */
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      /** A preview image to use instead of the generated share card. */
      image: socialImageField({ image }),
      /** Per-network syndication overrides and skips. */
      syndication: syndicationField,
    })
    .superRefine((theory, ctx) => {
      for (const problem of revisionProblems(theory)) ctx.addIssue({ code: 'custom', ...problem });
    })
    .transform(settleRevisions);
