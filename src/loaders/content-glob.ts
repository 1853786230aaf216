import { glob, type Loader } from 'astro/loaders';

export interface ContentGlobOptions {
  /** Folder under `content/`, which is also the collection's name. */
  folder: string;
  /** File pattern inside the folder. Default: Markdown and MDX. */
  pattern?: string;
  /** Longest allowed body in characters (front matter excluded). Default: no limit. */
  maxBodyCharacters?: number;
}

/**
 * Astro's `glob()` over `content/<folder>`, plus the checks that need an entry's body, which a schema
 * cannot see (a note's length). Duplicate slugs are refused by `prerenderConflictBehavior: 'error'`
 * in astro.config.mjs.
 */
export function contentGlob(options: ContentGlobOptions): Loader {
  const inner = glob({ pattern: options.pattern ?? '**/*.{md,mdx}', base: `./content/${options.folder}` });
  return {
    name: 'hub-content-glob',
    load: async (context) => {
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
