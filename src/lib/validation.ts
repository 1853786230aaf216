/** Turns validation failures into one message a person editing `content/` can act on. */

/** The subset of a Zod issue this module reads (kept structural so it works with any Zod 4 error). */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** `theme.accent: expected a colour like #1d4ed8` — the field path, then what was expected. */
export function formatIssue(issue: IssueLike): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(whole file)';
  return `${field}: ${issue.message}`;
}

/** A multi-line message naming the file, each field and what was expected. */
export function formatIssues(file: string, issues: readonly IssueLike[]): string {
  return [`${file} is not valid:`, ...issues.map((issue) => `  - ${formatIssue(issue)}`)].join('\n');
}

/** What `parseJson` needs of a schema: Zod's `safeParse`. */
export interface SafeParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
}

/**
 * Parses JSON text and validates it; either failure throws one message that names the file (and, for
 * a schema failure, every bad field with what was expected).
 */
export function parseJson<T>(text: string, file: string, schema: SafeParser<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: expected JSON, but ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(file, result.error.issues));
  return result.data;
}

/** An input file that failed validation; the message names the file and every bad field. */
export class ContentError extends Error {
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentError';
    this.file = file;
  }
}
