import { z } from 'astro/zod';
import { parseSince } from '../lib/stances.ts';
import { citesField, type CitingSchemaContext } from './cites.ts';
import { textField } from './fields.ts';

const SINCE_EXAMPLE = 'a year like 2013, a month like 2013-06 or a date like 2013-06-04';

/**
 * When a stance was first taken: a year (`2013`), a month (`2013-06`) or a day (`2013-06-04`), shown
 * as precisely as it was written ("since 2013", "since June 2013", "since 4 June 2013").
 */
export const sinceField = z.union([z.number(), z.string(), z.date()], { error: `expected ${SINCE_EXAMPLE}` }).transform((value, ctx) => {
  const since = parseSince(value);
  if (!since) {
    ctx.addIssue({ code: 'custom', message: `expected ${SINCE_EXAMPLE}, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return since;
});

/**
 * `content/stances/*.md`: where the author stands, said openly. The front matter holds the position;
 * the text below it says why. Listed on /stances/ ("where I stand").
 */
export const stanceSchema = ({ reference }: CitingSchemaContext) =>
  z.strictObject({
    /** The stance in a few words, as a heading: "Against fracking". */
    title: textField('a title'),
    /** The position itself, in one or two sentences, in the first person. */
    position: textField('the position in a sentence or two'),
    /** Since when the author has held it. */
    since: sinceField,
    /** The essays, theories and notes behind it, by file name. Default: none. */
    cites: citesField(reference),
    /** A draft is shown by `npm run dev` and never published. Default: false. */
    draft: z.boolean({ error: 'expected true or false' }).default(false),
  });
