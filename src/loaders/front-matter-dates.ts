import { readFile } from 'node:fs/promises';
import type { ContentProblem } from '../lib/validation.ts';
import { DATE_FIX, dateProblem, parseStrictDate } from '../schemas/fields.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):/;
/** `date:`/`updated:` at the top level, or `date:` in a list item such as a theory's `revisions`. */
const DATE_LINE = /^([ \t]*(?:-[ \t]+)?)(date|updated|since):[ \t]*['"]?([^'"#\n]*?)['"]?[ \t]*(?:#.*)?$/;
/** A value that claims to be a full date, and so must be a real one (`since` may also be a year or a month). */
const LOOKS_LIKE_A_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Checks the dates of a Markdown file as they are written: `date` and `updated`, `since` (stances) and
 * the `date` of list items (a theory's revisions). Astro's front-matter parser turns `2026-02-30` into
 * 2 March without complaint, so by the time the schema sees the value the mistake is gone; this
 * catches it from the source text. Returns the first problem, or undefined if every date is real.
 */
export async function checkFrontMatterDates(filePath: string, shownPath: string): Promise<ContentProblem | undefined> {
  const match = FRONT_MATTER.exec(await readFile(filePath, 'utf8'));
  if (!match) return undefined;
  let parent: string | undefined;
  for (const line of match[1]!.split(/\r?\n/)) {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key) parent = key;
    const date = DATE_LINE.exec(line);
    if (!date) continue;
    const [, indent, name, value] = date as unknown as [string, string, string, string];
    const nested = indent.length > 0;
    if (nested && name !== 'date') continue;
    // Other nested values and `since: 2013` are the schema's to judge; only a would-be date is checked here.
    if (!value || ((nested || name === 'since') && !LOOKS_LIKE_A_DATE.test(value))) continue;
    if (!parseStrictDate(value)) {
      const field = nested && parent ? `${parent}.${name}` : name;
      return { file: shownPath, field, problem: dateProblem(value), fix: DATE_FIX };
    }
  }
  return undefined;
}
