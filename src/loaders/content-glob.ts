import { existsSync } from 'node:fs';
import { glob as listFiles } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { splitFrontMatter } from '../lib/front-matter.ts';
import { tagCollisions, type TagUse } from '../lib/tags.ts';
import { ContentError, WHOLE_FILE, type ContentProblem } from '../lib/validation.ts';
import { keepEmptyCollection } from './empty-collections.ts';
import { findReferences, unknownReferenceProblem, type EntryIndex } from './entry-ids.ts';
import { unsafeMarkupIn } from '../markdown/unsafe-markup.ts';
import { markRefusedMarkup } from '../markdown/unsafe-markup-guard.ts';
import { frontMatterDateProblem } from './front-matter-dates.ts';
import { findMissingImage, missingImageProblem } from './image-paths.ts';
import { loadReporting } from './problems.ts';
import { parseDataReporting } from './schema-issues.ts';
import { TAGGED_COLLECTIONS } from './tag-index.ts';
import { readUtf8File } from './text-files.ts';
import { yamlSyntaxProblem } from './yaml-errors.ts';

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
  /**
   * Fields that hold the plain id of an entry in another collection (a talk's `topic`), checked like
   * references against `entryIndex`.
   */
  idFields?: ReadonlyArray<{ field: string; collection: string }>;
  /**
   * Shared with the other tagged collections' loaders: each file's tags go in, and a tag that makes the
   * same page address as another file's differently written tag is a mistake (src/lib/tags.ts).
   */
  tagIndex?: EntryIndex<TagUse>;
}

/** How Astro reads each kind of content file (by extension), as far as this loader uses it. */
type EntryTypes = Map<
  string,
  {
    getEntryInfo(input: {
      contents: string;
      fileUrl: URL;
    }): Promise<{ data: Record<string, unknown>; body: string; slug: string; rawData: string }>;
  }
>;

/**
 * Astro's `glob()` over `content/<folder>`, plus the checks a schema cannot make: dates as written
 * (before YAML rolls 30 February into March), front matter that is not YAML, two files with one slug,
 * image paths that point at nothing, the body's length (a note's limit) and references to entries that
 * do not exist. Each failure is a `ContentError` naming the file and the field, which Astro's own errors
 * for these cases do not (src/loaders/problems.ts says where it goes).
 *
 * Every load reads the whole folder, so every check runs each time; `glob()` skips parsing files whose
 * digest is unchanged. In `astro dev` the loads are started by src/integrations/content-errors.ts when
 * a file under `content/` changes, rather than by `glob()`'s per-file watcher, whose reloads skip the
 * checks above and keep the old entry when a file breaks.
 */
export function contentGlob(options: ContentGlobOptions): Loader {
  return {
    name: 'hub-content-glob',
    load: (context) => {
      const index = options.entryIndex;
      const round = index?.begin(options.folder);
      const tagRound = options.tagIndex?.begin(options.folder);
      return loadReporting(context, async () => {
        try {
          await loadFolder(context, options, round, tagRound);
        } finally {
          // A load that failed before publishing its ids must not leave other collections waiting.
          if (index && round !== undefined) index.abandon(options.folder, round);
          if (options.tagIndex && tagRound !== undefined) options.tagIndex.abandon(options.folder, tagRound);
        }
      });
    },
  };
}

async function loadFolder(
  context: LoaderContext,
  options: ContentGlobOptions,
  round: number | undefined,
  tagRound: number | undefined,
): Promise<void> {
  const pattern = options.pattern ?? '**/*.{md,mdx}';
  const base = `content/${options.folder}`;
  const index = options.entryIndex;
  const siteRoot = fileURLToPath(context.config.root);
  const root = fileURLToPath(new URL(`${base}/`, context.config.root));
  const shown = (path: string): string => relative(siteRoot, path);
  // Every mistake found in this load, and the files they are in (whose entries are not kept).
  const problems: ContentProblem[] = [];
  const failed = new Set<string>();
  const fail = (...found: ContentProblem[]): void => {
    problems.push(...found);
    for (const problem of found) failed.add(problem.file);
  };

  const files: string[] = [];
  if (existsSync(root)) {
    for await (const file of listFiles(pattern, { cwd: root })) {
      files.push(`${base}/${file}`);
      if (/[\\/]/.test(file)) {
        // Its id would hold a `/`, which no page address of the hub can take (the build would stop
        // part way with "Missing parameter: slug").
        fail({
          file: `${base}/${file}`,
          field: WHOLE_FILE,
          problem: `is in a folder inside ${base}/, and only files directly in ${base}/ have pages`,
          fix: `move it to ${base}/`,
        });
        continue;
      }
      let text: string;
      try {
        text = await readUtf8File(`${root}${file}`, `${base}/${file}`);
      } catch (error) {
        // A file that is not UTF-8 (src/loaders/text-files.ts), which Astro would read as mojibake.
        if (!(error instanceof ContentError)) throw error;
        fail(...error.problems);
        continue;
      }
      const problem = frontMatterDateProblem(text, `${base}/${file}`);
      if (problem) fail(problem);
      const markup = bodyMarkupProblems(text, `${base}/${file}`);
      fail(...markup);
      markRefusedMarkup(`${root}${file}`, markup.length > 0);
    }
  }
  if (files.length === 0) {
    // No folder or no files is a hub without this kind of content yet, not a mistake (glob() would warn).
    context.store.clear();
    if (index && round !== undefined && index.has(options.folder)) index.publish(options.folder, round, []);
    keepEmptyCollection(context.store);
    return;
  }
  // Checked before Astro loads the files, whose own check for this catches it only some of the time.
  const sameName = findSameName(files);
  if (sameName) throw new ContentError(duplicateSlugProblem(base, sameName));

  // What the store held before, so that in `astro dev` a file with a mistake keeps its last good entry
  // (pages citing it still resolve, and Astro does not log them as broken references) while the error
  // page is shown.
  const previous = new Map(context.store.values().map((entry) => [entry.filePath, entry]));
  // Front matter that is not YAML: Astro's parser throws, which would stop the whole folder's load.
  // (`entryTypes` is what Astro gives `glob()` to read each kind of file; it is not in the public type.)
  const entryTypes = new Map(
    [...(context as LoaderContext & { entryTypes: EntryTypes }).entryTypes].map(([extension, type]) => [
      extension,
      {
        ...type,
        getEntryInfo: async (input: Parameters<typeof type.getEntryInfo>[0]) => {
          try {
            return await type.getEntryInfo(input);
          } catch (error) {
            const problem = frontMatterSyntaxProblem(error, shown(fileURLToPath(input.fileUrl)), input.contents);
            if (!problem) throw error;
            fail(problem);
            return { data: {}, body: '', slug: '', rawData: '' };
          }
        },
      },
    ]),
  );
  // Schema and image checks, as each entry is parsed; an entry with a mistake is kept as written for
  // now (so the load goes on to report the other files) and taken out below.
  const parseSchema = parseDataReporting(context);
  const parseData: typeof context.parseData = async (entry) => {
    const file = entry.filePath ? shown(entry.filePath) : entry.id;
    if (failed.has(file)) return entry.data;
    let data: typeof entry.data;
    try {
      data = await parseSchema(entry);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      fail(...error.problems);
      return entry.data;
    }
    // The store keeps an image's path but drops `image()`'s mark, so this is the moment to check it.
    const missing = entry.filePath ? findMissingImage(data, entry.filePath, siteRoot) : undefined;
    if (missing) {
      fail(missingImageProblem(file, missing));
      return entry.data;
    }
    return data;
  };
  // No watcher: in `astro dev` every load is started by src/integrations/content-errors.ts (see above).
  const { watcher: _notUsed, ...unwatched } = context;
  const globContext = { ...unwatched, entryTypes, parseData };
  let stopped = false;
  try {
    await glob({ pattern, base: `./${base}` }).load(globContext);
  } catch (error) {
    const duplicate = duplicateSlugFromAstro(error);
    if (!duplicate) throw error;
    fail(duplicateSlugProblem(base, duplicate));
    // The load stopped part way, so files missing from the store say nothing about their names.
    stopped = true;
  }
  for (const entry of context.store.values()) {
    if (!entry.filePath || !failed.has(entry.filePath)) continue;
    context.store.delete(entry.id);
    // Without a last good entry, the entry as written stands in (so references to it still resolve
    // while the error page is up), without its digest, so that the next load checks the file again.
    const { digest: _unchecked, ...asWritten } = entry;
    context.store.set(previous.get(entry.filePath) ?? asWritten);
  }

  const entries = [...context.store.values()];
  const shadowed = stopped
    ? undefined
    : findShadowedFile(
        files.filter((file) => !failed.has(file)),
        entries,
      );
  if (shadowed) {
    // The same problem as when Astro notices (above), naming the file that took its place if it can.
    const slug = slugOf(shadowed, base);
    const winner = entries.find((entry) => entry.id === slug)?.filePath;
    fail(
      winner
        ? duplicateSlugProblem(base, { files: [shadowed, winner], slug })
        : {
            file: shadowed,
            field: 'slug',
            problem: `is the same as another file’s in ${base}/ (slugs are lower-case, with dashes for spaces and punctuation)`,
            fix: 'rename one of the two files',
          },
    );
  }
  // Both shares are published before either is awaited, so no two loaders wait for each other.
  const tags = options.tagIndex && tagRound !== undefined ? { index: options.tagIndex, round: tagRound } : undefined;
  const ownTags = entries.filter((entry) => !failed.has(entry.filePath ?? '')).flatMap(tagUses);
  tags?.index.publish(options.folder, tags.round, ownTags);
  if (index && round !== undefined) {
    if (index.has(options.folder))
      index.publish(
        options.folder,
        round,
        entries.map((entry) => entry.id),
      );
    problems.push(
      ...(await findUnknownReferences(
        entries.filter((entry) => !failed.has(entry.filePath ?? '')),
        index,
        round,
        options.idFields ?? [],
      )),
    );
  }
  if (tags) problems.push(...(await findTagCollisions(options.folder, ownTags, tags.index, tags.round)));
  const limit = options.maxBodyCharacters;
  for (const entry of limit === undefined ? [] : entries) {
    const length = [...(entry.body ?? '').trim()].length;
    if (length > limit!) {
      problems.push({
        file: entry.filePath ?? entry.id,
        field: 'body',
        problem: `is ${length} characters long, more than the ${limit} allowed in ${base}/`,
        fix: 'shorten it, or make it an essay',
      });
    }
  }
  if (problems.length > 0) throw new ContentError(sortProblems(problems));
}

/**
 * Script in a body, on the line it is written (src/markdown/unsafe-markup.ts): refused before Astro
 * renders a page or a feed from it. MDX that does not parse is left to Astro, which names the line.
 */
function bodyMarkupProblems(text: string, file: string): ContentProblem[] {
  let found;
  try {
    found = unsafeMarkupIn(text, file.endsWith('.mdx') ? 'mdx' : 'markdown');
  } catch (error) {
    if (file.endsWith('.mdx')) return [];
    throw error;
  }
  return found.map((item) => ({ file, line: item.line, field: item.field, problem: item.problem, fix: item.fix }));
}

/** The tags of an entry as its schema left them (drafts too: their tag pages are shown in `astro dev`). */
function tagUses(entry: { id: string; data: unknown; filePath?: string | undefined }): TagUse[] {
  const tags = (entry.data as { tags?: unknown }).tags;
  return Array.isArray(tags)
    ? tags.filter((tag): tag is string => typeof tag === 'string').map((tag) => ({ file: entry.filePath ?? entry.id, tag }))
    : [];
}

/**
 * This folder's tags that make the same page address as a differently written tag in another file of
 * any tagged collection. Each such pair is reported once, by the loader of the file that sorts later.
 */
async function findTagCollisions(
  folder: string,
  own: readonly TagUse[],
  index: EntryIndex<TagUse>,
  round: number,
): Promise<ContentProblem[]> {
  const others = await Promise.all(
    TAGGED_COLLECTIONS.filter((collection) => collection !== folder).map((collection) => index.ids(collection, round)),
  );
  const ownFiles = new Set(own.map((use) => use.file));
  return tagCollisions([...own, ...others.flatMap((uses) => [...(uses ?? [])])], (file) => ownFiles.has(file));
}

/** By file, keeping each file's problems in the order found; parallel parsing finds files in any order. */
function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems
    .map((problem, position) => ({ problem, position }))
    .sort((a, b) => a.problem.file.localeCompare(b.problem.file) || a.position - b.position)
    .map(({ problem }) => problem);
}

/**
 * Every reference to an entry that does not exist, naming the citing file and the field. Waits for the
 * cited collections' loaders, which run alongside this one, to share their ids.
 */
async function findUnknownReferences(
  entries: ReadonlyArray<{ id: string; data: unknown; filePath?: string | undefined }>,
  index: EntryIndex,
  round: number,
  idFields: ReadonlyArray<{ field: string; collection: string }>,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const sorted = [...entries].sort((a, b) => (a.filePath ?? a.id).localeCompare(b.filePath ?? b.id));
  for (const entry of sorted) {
    const named = idFields.flatMap(({ field, collection }) => {
      const id = (entry.data as Record<string, unknown>)[field];
      return typeof id === 'string' ? [{ field, collection, id }] : [];
    });
    for (const reference of [...findReferences(entry.data), ...named]) {
      if (!index.has(reference.collection)) continue;
      const known = await index.ids(reference.collection, round);
      // undefined: that collection failed to load this round, and its own problem is reported instead.
      if (known && !known.has(reference.id)) problems.push(unknownReferenceProblem(entry.filePath ?? entry.id, reference, known));
    }
  }
  return problems;
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
/** Roughly the slug Astro makes of a file's name (lower case, punctuation dropped, spaces to dashes). */
function slugOf(file: string, base: string): string {
  return stem(file.slice(base.length + 1))
    .split('/')
    .map((part) => part.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'))
    .join('/');
}

function findShadowedFile(files: readonly string[], entries: ReadonlyArray<{ filePath?: string | undefined }>): string | undefined {
  const loaded = new Set(entries.map((entry) => entry.filePath));
  return files.find((file) => !loaded.has(file));
}

/**
 * Astro's own error for two files whose names make one slug (`A b.md` and `a-b.md`), which it raises
 * when it happens to load one after the other, as the duplicate it names.
 */
function duplicateSlugFromAstro(error: unknown): Duplicate | undefined {
  if (!(error instanceof Error) || error.name !== 'DuplicateContentEntrySlugError') return undefined;
  const match = /`([^`]+)`[\s\S]*\n- (.+)\n- (.+)$/.exec(error.message.trim());
  return match ? { slug: match[1]!, files: [match[2]!.trim(), match[3]!.trim()] } : undefined;
}

function duplicateSlugProblem(base: string, duplicate: Duplicate): ContentProblem {
  const [first, second] = [...duplicate.files].sort() as [string, string];
  return {
    file: second,
    field: 'slug',
    problem: `is "${duplicate.slug}", the same as ${first}’s, and each file in ${base}/ needs a slug of its own`,
    fix: 'rename or delete one of the two files',
  };
}

/**
 * Front matter that is not YAML, from the error Astro's Markdown reader (a `MarkdownError`) or the MDX
 * integration's (js-yaml's `YAMLException`) throws for `file`: they name neither the field nor, in
 * MDX's case, the file. Undefined for any other error.
 */
function frontMatterSyntaxProblem(error: unknown, file: string, contents: string): ContentProblem | undefined {
  if (!(error instanceof Error) || (error.name !== 'MarkdownError' && error.name !== 'YAMLException')) return undefined;
  const frontMatter = splitFrontMatter(contents)?.yaml;
  if (frontMatter === undefined) return undefined;
  // Lines counted in the file: Astro's Markdown error gives the 0-based line, MDX's the 1-based one.
  const line = (error as { loc?: { line?: number } }).loc?.line;
  const fileLine = line === undefined ? undefined : error.name === 'MarkdownError' ? line + 1 : line;
  return yamlSyntaxProblem({
    file,
    source: frontMatter,
    // js-yaml's own message carries a code frame; its `reason` is the sentence.
    reason: (error as { reason?: string }).reason ?? error.message,
    // The YAML starts on the file's second line, after `---`.
    line: fileLine === undefined ? undefined : fileLine - 1,
    fileLine,
  });
}
