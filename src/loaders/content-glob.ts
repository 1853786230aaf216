import { glob as listFiles, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { findReferences, unknownReferenceMessage, type EntryIndex } from './entry-ids.ts';
import { checkFrontMatterDates } from './front-matter-dates.ts';
import { findMissingImage, missingImageMessage } from './image-paths.ts';
import { brokenYamlField } from './yaml-errors.ts';

export interface ContentGlobOptions {
  /** Folder under `content/`, which is also the collection's name. */
  folder: string;
  /** File pattern inside the folder. Default: Markdown and MDX. */
  pattern?: string;
  /** Longest allowed body in characters (front matter excluded). Default: no limit. */
  maxBodyCharacters?: number;
  /**
   * Shared with the other collections' loaders: this collection's ids go in (if the index covers it),
   * and every reference an entry makes into a collection the index covers is checked against it.
   */
  entryIndex?: EntryIndex;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/**
 * Astro's `glob()` over `content/<folder>`, plus the checks a schema cannot make: dates as written
 * (before YAML rolls 30 February into March), front matter that is not YAML, two files with one slug,
 * image paths that point at nothing, the body's length (a note's limit) and references to entries that
 * do not exist. Each failure names the file and the field, which Astro's own errors for these cases do not.
 */
export function contentGlob(options: ContentGlobOptions): Loader {
  const pattern = options.pattern ?? '**/*.{md,mdx}';
  const base = `content/${options.folder}`;
  const inner = glob({ pattern, base: `./${base}` });
  return {
    name: 'hub-content-glob',
    load: async (context) => {
      const index = options.entryIndex;
      const round = index?.begin(options.folder);
      const siteRoot = fileURLToPath(context.config.root);
      const root = fileURLToPath(new URL(`${base}/`, context.config.root));
      const files: string[] = [];
      for await (const file of listFiles(pattern, { cwd: root })) {
        files.push(`${base}/${file}`);
        const problem = await checkFrontMatterDates(`${root}${file}`, `${base}/${file}`);
        if (problem) throw new Error(problem);
      }
      // Checked before Astro loads the files, whose own check for this catches it only some of the time.
      const sameName = findSameName(files);
      if (sameName) throw new Error(duplicateSlugMessage(base, sameName));
      // Images are checked as each entry is parsed: the store keeps the path but drops `image()`'s mark.
      const parseData: typeof context.parseData = async (entry) => {
        const data = await context.parseData(entry);
        const missing = entry.filePath ? findMissingImage(data, entry.filePath, siteRoot) : undefined;
        if (missing) throw new Error(missingImageMessage(relative(siteRoot, entry.filePath!), missing));
        return data;
      };
      try {
        await inner.load({ ...context, parseData });
      } catch (error) {
        throw (await frontMatterSyntaxError(error, siteRoot)) ?? error;
      }
      const entries = [...context.store.values()];
      const shadowed = findShadowedFile(files, entries);
      if (shadowed) {
        throw new Error(
          `${shadowed}: slug: expected each file in ${base}/ to have a slug of its own, but another file's name ` +
            'makes the same slug (slugs are lower-case, with dashes for spaces and punctuation). Rename one of them.',
        );
      }
      if (index && round !== undefined) {
        if (index.has(options.folder)) index.publish(options.folder, round, entries.map((entry) => entry.id));
        await checkReferences(entries, index, round);
      }
      const limit = options.maxBodyCharacters;
      if (limit === undefined) return;
      for (const entry of entries) {
        const length = [...(entry.body ?? '').trim()].length;
        if (length > limit) {
          throw new Error(
            `${entry.filePath ?? entry.id}: body: expected at most ${limit} characters in ${base}/, got ${length}. ` +
              'Shorten it, or make it an essay.',
          );
        }
      }
    },
  };
}

/**
 * Fails on the first reference to an entry that does not exist, naming the citing file and the field.
 * Waits for the cited collections' loaders, which run alongside this one, to share their ids.
 */
async function checkReferences(
  entries: ReadonlyArray<{ id: string; data: unknown; filePath?: string | undefined }>,
  index: EntryIndex,
  round: number,
): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.filePath ?? a.id).localeCompare(b.filePath ?? b.id));
  for (const entry of sorted) {
    for (const reference of findReferences(entry.data)) {
      if (!index.has(reference.collection)) continue;
      const known = await index.ids(reference.collection, round);
      if (!known.has(reference.id)) throw new Error(unknownReferenceMessage(entry.filePath ?? entry.id, reference, known));
    }
  }
}

interface Duplicate {
  files: [string, string];
  slug: string;
}

const stem = (path: string): string => path.replace(/\.[^./]+$/, '').toLowerCase();

/**
 * Two files that differ only in extension (`x.md` and `x.mdx`) get one slug. Astro's own check for
 * this races when files load in parallel: sometimes it fails the build, sometimes the later file
 * silently replaces the other.
 */
function findSameName(files: readonly string[]): Duplicate | undefined {
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(stem(file));
    if (other) return { files: [other, file], slug: stem(file).split('/').slice(2).join('/') };
    seen.set(stem(file), file);
  }
  return undefined;
}

/**
 * A file Astro loaded no entry for: another file's name made the same slug (`A b.md` and `a-b.md`),
 * and one replaced the other.
 */
function findShadowedFile(files: readonly string[], entries: ReadonlyArray<{ filePath?: string | undefined }>): string | undefined {
  const loaded = new Set(entries.map((entry) => entry.filePath));
  return files.find((file) => !loaded.has(file));
}

function duplicateSlugMessage(base: string, duplicate: Duplicate): string {
  const [first, second] = [...duplicate.files].sort();
  return (
    `${first} and ${second}: slug: expected each file in ${base}/ to have a slug of its own, but both ` +
    `would be published as "${duplicate.slug}". Rename or delete one of them.`
  );
}

/** Astro's front-matter error names the file but not the field; this adds the field and the line. */
async function frontMatterSyntaxError(error: unknown, siteRoot: string): Promise<Error | undefined> {
  if (!(error instanceof Error) || error.name !== 'MarkdownError') return undefined;
  const loc = (error as { loc?: { file?: string; line?: number } }).loc;
  if (!loc?.file) return undefined;
  const source = await readFile(loc.file, 'utf8').catch(() => undefined);
  const frontMatter = source === undefined ? undefined : FRONT_MATTER.exec(source)?.[1];
  if (frontMatter === undefined) return undefined;
  // Astro's line counts from the opening `---`, which is line 1 of the file and line 0 of the YAML.
  const line = loc.line === undefined ? undefined : loc.line + 1;
  const field = brokenYamlField(frontMatter, line === undefined ? undefined : line - 1);
  const where = line === undefined ? '' : ` (the parser stopped at line ${line})`;
  const hint = field ? ` Check the quotes, brackets and indentation of \`${field}\`.` : '';
  return new Error(
    `${relative(siteRoot, loc.file)}: ${field ?? 'front matter'}: expected valid YAML between the --- lines, ` +
      `but ${error.message}${where}.${hint}`,
    { cause: error },
  );
}
