import { glob as listFiles } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { checkFrontMatterDates } from './front-matter-dates.ts';

export interface ContentGlobOptions {
  /** Folder under `content/`, which is also the collection's name. */
  folder: string;
  /** File pattern inside the folder. Default: Markdown and MDX. */
  pattern?: string;
  /** Longest allowed body in characters (front matter excluded). Default: no limit. */
  maxBodyCharacters?: number;
}

/**
 * Astro's `glob()` over `content/<folder>`, plus the checks a schema cannot make: dates as written
 * (before YAML rolls 30 February into March) and the body's length (a note's limit). Duplicate slugs
 * are refused by `prerenderConflictBehavior: 'error'` in astro.config.mjs.
 */
export function contentGlob(options: ContentGlobOptions): Loader {
  const pattern = options.pattern ?? '**/*.{md,mdx}';
  const base = `content/${options.folder}`;
  const inner = glob({ pattern, base: `./${base}` });
  return {
    name: 'hub-content-glob',
    load: async (context) => {
      const root = fileURLToPath(new URL(`${base}/`, context.config.root));
      for await (const file of listFiles(pattern, { cwd: root })) {
        const problem = await checkFrontMatterDates(`${root}${file}`, `${base}/${file}`);
        if (problem) throw new Error(problem);
      }
      await inner.load(context);
      const limit = options.maxBodyCharacters;
      if (limit === undefined) return;
      for (const entry of context.store.values()) {
        const length = [...(entry.body ?? '').trim()].length;
        if (length > limit) {
          throw new Error(
            `${entry.filePath ?? entry.id}: body: expected at most ${limit} characters for a ${options.folder.replace(/s$/, '')}, got ${length}. ` +
              'Shorten it, or make it an essay.',
          );
        }
      }
    },
  };
}
