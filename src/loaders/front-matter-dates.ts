import { readFile } from 'node:fs/promises';
import { parseStrictDate } from '../schemas/fields.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const DATE_LINE = /^(date|updated):[ \t]*['"]?([^'"#\n]*?)['"]?[ \t]*(?:#.*)?$/gm;

/**
 * Checks the `date` and `updated` fields of a Markdown file as they are written. Astro's front-matter
 * parser turns `2026-02-30` into 2 March without complaint, so by the time the schema sees the value
 * the mistake is gone; this catches it from the source text. Returns a message, or undefined if fine.
 */
export async function checkFrontMatterDates(filePath: string, shownPath: string): Promise<string | undefined> {
  const match = FRONT_MATTER.exec(await readFile(filePath, 'utf8'));
  if (!match) return undefined;
  for (const [, field, value] of match[1]!.matchAll(DATE_LINE)) {
    if (value && !parseStrictDate(value)) {
      return `${shownPath}: ${field}: expected a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00, got ${JSON.stringify(value)}`;
    }
  }
  return undefined;
}
