import { z } from 'astro/zod';
import type { reference as astroReference, SchemaContext } from 'astro:content';

/** The collections a piece (or a stance) can cite, by file name. */
export const CITABLE_COLLECTIONS = ['theories', 'essays', 'notes'] as const;

export type CitableCollection = (typeof CITABLE_COLLECTIONS)[number];

/**
 * Astro's `reference()`, handed in by `src/content.config.ts` (it lives in the virtual module
 * `astro:content`, which unit tests cannot import; they pass a stand-in of the same shape).
 */
export type ReferenceFunction = typeof astroReference;

/** What the schemas of citing collections are built from: Astro's schema context and `reference()`. */
export type CitingSchemaContext = SchemaContext & { reference: ReferenceFunction };

/**
 * What a piece builds on, by file name (without `.md`/`.mdx`), one list per collection because Astro's
 * `reference()` points into one collection:
 *
 * ```yaml
 * cites:
 *   theories: [trust-before-turbines]
 *   essays: [owning-the-wind]
 * ```
 *
 * Every id must name an existing file (src/loaders/content-glob.ts fails the build naming the citing
 * file and the field otherwise). Each cited piece lists the pieces citing it ("cited by").
 */
export const citesField = (reference: ReferenceFunction) => {
  const list = (collection: CitableCollection, what: string) =>
    z.array(reference(collection), { error: `expected a list of ${what} file names, for example [${EXAMPLES[collection]}]` }).default([]);
  return z
    .strictObject(
      {
        /** Theories in `content/theories/` this builds on. Default: none. */
        theories: list('theories', 'theory'),
        /** Essays in `content/essays/` this builds on. Default: none. */
        essays: list('essays', 'essay'),
        /** Notes in `content/notes/` this builds on. Default: none. */
        notes: list('notes', 'note'),
      },
      { error: 'expected cites with lists under theories, essays and/or notes, for example { theories: [trust-before-turbines] }' },
    )
    .default({ theories: [], essays: [], notes: [] });
};

const EXAMPLES: Record<CitableCollection, string> = {
  theories: 'trust-before-turbines',
  essays: 'owning-the-wind',
  notes: '2026-10-05-village-hall',
};
