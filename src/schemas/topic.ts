import { z } from 'astro/zod';
import { textField } from './fields.ts';
import { TALK_FORMATS } from './talk.ts';

/**
 * `content/topics/*.md`: a talk the person offers to give. The body is the abstract organisers read;
 * the file name is what a talk's `topic` field refers to.
 */
export const topicSchema = z.strictObject({
  /** The talk's title, as an organiser would print it. */
  title: textField('a title'),
  /** The formats it can be given in, each with its length, for example `{ format: keynote, length: 40 }`. */
  formats: z
    .array(
      z.strictObject({
        /** `keynote`, `panel`, `workshop`, `fireside`, `podcast` or `interview`. */
        format: z.enum(TALK_FORMATS, { error: `expected one of ${TALK_FORMATS.join(', ')}` }),
        /** Length in minutes. */
        length: z.number({ error: 'expected the length in minutes, for example 45' }).int().positive(),
      }),
      { error: 'expected a list of formats, each with `format` and `length` (minutes)' },
    )
    .min(1, { error: 'expected at least one format, for example `{ format: keynote, length: 40 }`' }),
  /** Who it is for, for example "Boards and senior leadership teams". At least one. */
  audiences: z
    .array(textField('an audience'), { error: 'expected a list of audiences' })
    .min(1, { error: 'expected at least one audience' }),
  /** Position on the speaking page: lower comes first, then by title. Default: 0. */
  order: z.number({ error: 'expected a whole number' }).int().default(0),
  /** A draft (a talk not yet offered) is shown by `npm run dev` and never published. Default: false. */
  draft: z.boolean({ error: 'expected true or false' }).default(false),
});

export type TopicData = z.output<typeof topicSchema>;
