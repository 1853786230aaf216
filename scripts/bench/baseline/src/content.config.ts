import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { defineCollection } from 'astro:content';

// As in the official example, except that the dates are read from `date` and `updated`: the corpus is
// shared with the hub, whose essay schema names them so.
const blog = defineCollection({
  // Load Markdown and MDX files in the `src/content/blog/` directory.
  loader: glob({ base: './src/content/blog', pattern: '**/*.{md,mdx}' }),
  // Type-check frontmatter using a schema
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      description: z.string(),
      // Transform string to Date object
      date: z.coerce.date(),
      updated: z.coerce.date().optional(),
      heroImage: image().optional(),
    }),
});

export const collections = { blog };
