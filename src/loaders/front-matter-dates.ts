import { isMap, isPair, isScalar, parseDocument, visit, type Pair } from 'yaml';
import { splitFrontMatter } from '../lib/front-matter.ts';
import type { ContentProblem } from '../lib/validation.ts';
import { DATE_FIX, dateProblem, parseStrictDate } from '../schemas/fields.ts';
import { readUtf8File } from './text-files.ts';

/** Fields whose value is a date at the top level; `since` (stances) may also be a year or a month. */
const TOP_LEVEL_DATES = new Set(['date', 'updated', 'since']);
/** A value that claims to be a full date, and so must be a real one. */
const LOOKS_LIKE_A_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Checks the dates of a Markdown file as they are written: `date` and `updated`, `since` (stances) and
 * the `date` of nested entries (a theory's `revisions`, in block or flow style). Astro's front-matter
 * parser turns `2026-02-30` into 2 March without complaint, so by the time the schema sees the value the
 * mistake is gone. This reads the front matter with the `yaml` package, whose YAML 1.2 core schema keeps
 * timestamps as the text written, and checks each one. Returns the first problem, or undefined if every
 * date is real (or the YAML does not parse: the loader reports that). A file that is not UTF-8 throws a
 * `ContentError` (src/loaders/text-files.ts).
 */
export async function checkFrontMatterDates(filePath: string, shownPath: string): Promise<ContentProblem | undefined> {
  return frontMatterDateProblem(await readUtf8File(filePath, shownPath), shownPath);
}

/** `checkFrontMatterDates` for a file already read. */
export function frontMatterDateProblem(text: string, shownPath: string): ContentProblem | undefined {
  const frontMatter = splitFrontMatter(text);
  if (!frontMatter) return undefined;
  const document = parseDocument(frontMatter.yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  let found: ContentProblem | undefined;
  visit(document, {
    Pair: (_key, pair, path) => {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined || !isScalar(pair.value)) return undefined;
      const keys = path
        .filter((node): node is Pair => isPair(node))
        .map((parent) => (isScalar(parent.key) ? String(parent.key.value) : '?'));
      const nested = keys.length > 0;
      if (nested ? name !== 'date' : !TOP_LEVEL_DATES.has(name)) return undefined;
      const value = pair.value.value;
      // Empty, numbers (`since: 2013`) and other values that are not would-be dates are the schema's to judge.
      if (value === null || value === undefined || value instanceof Date) return undefined;
      const written = String(value).trim();
      if (written === '' || ((nested || name === 'since' || typeof value !== 'string') && !LOOKS_LIKE_A_DATE.test(written)))
        return undefined;
      if (parseStrictDate(written)) return undefined;
      // Field as the author sees it, without list positions: `revisions.date`.
      found = { file: shownPath, field: [...keys, name].join('.'), problem: dateProblem(written), fix: DATE_FIX };
      return visit.BREAK;
    },
  });
  return found;
}
