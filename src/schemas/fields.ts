/**
 * Field types shared by several collection schemas. Each carries an error message that says what was
 * expected, because the person reading it is editing front matter, not TypeScript.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { tagPath, tagSlug } from '../lib/urls.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instruction every date mistake ends with. */
export const DATE_FIX = 'use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00';

/**
 * A calendar date or date-time, written as `2026-11-25` or `2026-11-25T09:30:00+01:00`.
 * YAML already turns bare dates into `Date` objects; strings are checked strictly so that an impossible
 * date such as `2026-02-30` is refused instead of silently rolling over into March. (Front matter dates
 * arrive as `Date` objects already; `loaders/front-matter-dates.ts` checks them as written.)
 */
export const dateField = z
  .union([z.date(), z.string()], { error: `expected a date like 2026-11-25 or 2026-11-25T09:30:00+01:00` })
  .transform((value, ctx): Date => {
    const date = value instanceof Date ? value : parseStrictDate(value);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: `${dateProblem(String(value))} — ${DATE_FIX}` });
      return z.NEVER;
    }
    return date;
  });

/**
 * What is wrong with a date as written, for a problem line: `is "2026-13-01", which is not a day on the
 * calendar`. Only meaningful for text `parseStrictDate` refused.
 */
export function dateProblem(text: string): string {
  const shown = JSON.stringify(text.trim());
  return ISO_DATE.test(text.trim()) ? `is ${shown}, which is not a day on the calendar` : `is ${shown}, which is not a date`;
}

export function parseStrictDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!ISO_DATE.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) return undefined;
  // `new Date('2026-02-30')` is 2 March: compare the calendar part to catch roll-over.
  const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  // A time like 25:00 or 10:61 is refused by `new Date` above; 24:00 is the only roll-over left.
  if (/[T ]24:/.test(trimmed)) return undefined;
  return date;
}

/**
 * Tags: lower-cased, trimmed, de-duplicated, so `AI` and `ai ` land on one tag page. Each is shown as
 * written and has a page at its slug (`AI/ML` at /tags/ai-ml/, src/lib/urls.ts), so a tag must have
 * letters or digits to make a slug from, and two tags of one file must not make the same one.
 */
export const tagsField = z
  .array(
    z
      .string()
      .trim()
      .min(1, { error: 'expected a non-empty tag' })
      .refine((tag) => tagSlug(tag) !== '', {
        error: (issue) =>
          `is ${JSON.stringify(issue.input)}, which has no letters or digits to make the topic’s address from — use a tag with letters or digits`,
      }),
    { error: 'expected a list of tags, for example [leadership, energy]' },
  )
  .default([])
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))])
  .superRefine((tags, ctx) => {
    const seen = new Map<string, string>();
    for (const [index, tag] of tags.entries()) {
      const slug = tagSlug(tag);
      const other = seen.get(slug);
      if (other === undefined) seen.set(slug, tag);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `is ${JSON.stringify(tag)}, which makes the same address as ${JSON.stringify(other)} (${tagPath(tag)}) — use one of the two`,
        });
    }
  });

/** A non-empty line of text; `what` completes "add …" and "write … as text". */
export const textField = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing — add ${what}` : `is not text — write ${what} as text`) })
    .trim()
    .min(1, { error: `is empty — write ${what}` });

/** An absolute http(s) URL. */
export const urlField = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/**
 * An entry's own preview image, used instead of its generated share card in link previews
 * (`og:image`, `twitter:image`, the feeds). Optional; alt text is required with it.
 */
export const socialImageField = ({ image }: SchemaContext) =>
  z
    .strictObject({
      /** Image file relative to the entry; 1200×630 suits every network. */
      src: image(),
      /** Alternative text. Required: every image needs one. */
      alt: textField('alt text for the preview image'),
    })
    .optional();

/**
 * Whether a piece is one of the home page's "Start here" selection: `true`, or a position (`1` first) to
 * choose the order. Default: false. The selection's rules live in src/lib/home.ts.
 */
const FEATURED_EXPECTED = 'expected true, false or a position in “Start here” such as 1';
export const featuredField = z
  .union([z.boolean(), z.number().int({ error: FEATURED_EXPECTED }).positive({ error: FEATURED_EXPECTED })], { error: FEATURED_EXPECTED })
  .default(false);
