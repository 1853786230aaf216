/**
 * Schema failures as `ContentError`s naming the file. Astro turns a failed collection schema into an
 * `InvalidContentEntryDataError` ("essays → x data does not match collection schema") that names the
 * entry but not its file, prints a stack trace, and keeps only the messages. Wrapping each collection's
 * schema with `reportIssues` makes the failure throw the issues themselves, with the data as written;
 * the loader's `parseData` (`parseDataReporting`) adds the file and throws the one-line format.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { ContentError, issueProblems, type IssueLike } from '../lib/validation.ts';

/** Thrown out of a schema's parse: the issues and the input they are about. Never reaches a person. */
export class SchemaIssues extends Error {
  readonly issues: readonly IssueLike[];
  readonly input: unknown;

  constructor(issues: readonly IssueLike[], input: unknown) {
    super(`${issues.length} schema issue(s)`);
    this.name = 'SchemaIssues';
    this.issues = issues;
    this.input = input;
  }
}

/**
 * The schema, but a failed parse throws `SchemaIssues` instead of returning the failure. An error
 * thrown from `.catch()` leaves Zod's `safeParseAsync` (Zod catches issues, not exceptions), so it
 * passes through Astro's `getEntryData` to the loader. Types and the JSON schema Astro generates for
 * editors (`io: 'input'`) are those of the wrapped schema.
 */
export function reportIssues<T extends z.ZodType>(schema: T): z.ZodCatch<T> {
  return schema.catch((context): never => {
    // `error.issues` (marked deprecated in favour of `issues`) is where Zod hands a catch the issues
    // with their messages worked out; `issues` holds them before that.
    const { error } = context as { error: { issues: readonly IssueLike[] } };
    throw new SchemaIssues(error.issues, context.value);
  });
}

/**
 * `context.parseData` that throws a `ContentError` naming `file` (or the entry's own file, relative to
 * the project root) when the schema fails.
 */
export function parseDataReporting(context: Pick<LoaderContext, 'parseData' | 'config'>, file?: string): LoaderContext['parseData'] {
  const root = fileURLToPath(context.config.root);
  return async (entry) => {
    try {
      return await context.parseData(entry);
    } catch (error) {
      if (!isSchemaIssues(error)) throw error;
      const shown = file ?? (entry.filePath ? relative(root, entry.filePath) : entry.id);
      throw new ContentError(issueProblems(shown, error.issues, error.input));
    }
  };
}

/** By name as well as by class: a second copy of this module (another module graph) has its own class. */
function isSchemaIssues(error: unknown): error is SchemaIssues {
  return error instanceof SchemaIssues || (error instanceof Error && error.name === 'SchemaIssues' && 'issues' in error);
}
