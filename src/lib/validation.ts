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

/** An input file that failed validation; the message names the file and every bad field. */
export class ContentError extends Error {
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentError';
    this.file = file;
  }
}
