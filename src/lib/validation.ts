/**
 * The one format every content error is shown in, in the terminal (build and dev) and on the dev
 * server's error page:
 *
 *     content/essays/x.md: description: is missing — add a one- or two-sentence summary
 *     content/essays/x.md:12: link: a javascript: URL — link to an http(s) address instead
 *
 * the file (relative to the project root, with the line when the mistake is in the body), the field,
 * what is wrong with it and what to do about it.
 * Everything that finds a mistake in `content/` builds a `ContentProblem` and lets `formatProblem` write
 * the line; schema failures are turned into problems here too (`issueProblems`), so a schema only has to
 * say what it expected.
 */

/** One mistake in one field of one file. */
export interface ContentProblem {
  /** Path relative to the project root, for example `content/essays/x.md`. */
  file: string;
  /** The line in the file, for a mistake in the body (front-matter fields are named instead). */
  line?: number | undefined;
  /** Dotted field path (`hero.src`), or `(whole file)`. */
  field: string;
  /** What is wrong, read after the field: `is missing`, `is "yes"`. */
  problem: string;
  /** What to do, as an instruction: `add a one- or two-sentence summary`. */
  fix: string;
}

/** Used as the field when a problem concerns the file as a whole. */
export const WHOLE_FILE = '(whole file)';

/** The line a person reads. The one place the format is decided. */
export function formatProblem(problem: ContentProblem): string {
  return `${whereIs(problem)}: ${problem.field}: ${problem.problem} — ${problem.fix}`;
}

/** `content/essays/x.md`, or `content/essays/x.md:12` (the form editors and terminals open at the line). */
export function whereIs(problem: Pick<ContentProblem, 'file' | 'line'>): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}

/**
 * A mistake in a content file. Its message is the problems' lines and nothing else: Astro prints an
 * error's stack, location, hint and cause under its message, none of which helps a person editing
 * Markdown, so this error carries none of them.
 */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: ContentProblem | readonly ContentProblem[]) {
    const list = Array.isArray(problems) ? (problems as readonly ContentProblem[]) : [problems as ContentProblem];
    super(list.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = list;
    // Without a stack Astro prints neither a stack trace nor a "Location:" guessed from it.
    this.stack = '';
  }

  /** The files named, for callers that want to know which files are at fault. */
  get files(): string[] {
    return [...new Set(this.problems.map((problem) => problem.file))];
  }

  /**
   * Astro looks for the words "document" and "window" in `String(error)` to offer a hint about browser
   * APIs, which a YAML parser's message ("… end of the document") would trigger. The name is enough.
   */
  override toString(): string {
    return this.name;
  }
}

/**
 * The subset of a Zod issue this module reads (kept structural, so it works with any Zod 4 error and
 * with Astro's copies of them).
 */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  /** `unrecognized_keys`: the unknown keys. */
  keys?: readonly string[];
  /** `invalid_type`: the type expected. */
  expected?: string;
  /** `invalid_value`: the allowed values. */
  values?: readonly unknown[];
}

const NOT_GIVEN = Symbol('not given');

/**
 * Problems for a failed validation of `input` (the data as written, used to say what a field holds).
 * A schema's message is either `expected <what>` (optionally `, got <value>`), turned into
 * `is <value> — use <what>` or `is missing — add <what>`, or already `<problem> — <fix>`.
 */
export function issueProblems(file: string, issues: readonly IssueLike[], input: unknown = NOT_GIVEN): ContentProblem[] {
  return issues.flatMap((issue) => issueProblem(file, issue, input));
}

function issueProblem(file: string, issue: IssueLike, input: unknown): ContentProblem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return issue.keys.map((key) => ({
      file,
      field: [...path, key].join('.'),
      problem: 'is not a field this file can have',
      fix: 'remove it, or check the spelling of its name',
    }));
  }
  const field = path.length > 0 ? path.join('.') : WHOLE_FILE;
  const value = input === NOT_GIVEN ? NOT_GIVEN : valueAt(input, issue.path);
  return [{ file, field, ...problemAndFix(issue, value) }];
}

function problemAndFix(issue: IssueLike, value: unknown): { problem: string; fix: string } {
  const message = issue.message.trim();
  const dash = message.indexOf(' — ');
  if (dash > 0) return { problem: message.slice(0, dash), fix: message.slice(dash + 3) };
  const expected = /^expected ([\s\S]+?)(?:, got ([\s\S]+))?$/.exec(message);
  if (expected) {
    const [, what, got] = expected as unknown as [string, string, string | undefined];
    const shown = got ?? describeValue(value);
    if (shown === MISSING) return { problem: 'is missing', fix: `add ${what}` };
    if (shown === EMPTY) return { problem: 'is empty', fix: `add ${what}` };
    return { problem: shown === undefined ? 'is not valid' : `is ${shown}`, fix: fixFor(what) };
  }
  // A message from Zod or Astro rather than from our schemas (they all say what they expected).
  const shown = describeValue(value);
  if (shown === MISSING) return { problem: 'is missing', fix: issue.expected ? `add ${typeName(issue.expected)}` : 'add it' };
  if (issue.code === 'invalid_value' && issue.values?.length) {
    return {
      problem: shown === undefined || shown === EMPTY ? 'is not allowed' : `is ${shown}`,
      fix: `use one of ${issue.values.map(String).join(', ')}`,
    };
  }
  if (issue.code === 'invalid_type' && issue.expected) {
    return {
      problem: shown === undefined || shown === EMPTY ? 'is the wrong kind of value' : `is ${shown}`,
      fix: `use ${typeName(issue.expected)}`,
    };
  }
  return { problem: `is not valid (${message.replace(/\*\*/g, '').replace(/\s+/g, ' ')})`, fix: 'correct it' };
}

/** `to be` sentences (`expected \`end\` to be after \`start\``) read as `make \`end\` after \`start\``. */
function fixFor(what: string): string {
  const relation = /^(.+?) to be (.+)$/.exec(what);
  return relation ? `make ${relation[1]} ${relation[2]}` : `use ${what}`;
}

const MISSING = Symbol('missing');
const EMPTY = Symbol('empty');

/** How a value is quoted in a problem: `"yes"`, `5`, `2026-05-01`; undefined when it cannot be shown briefly. */
function describeValue(value: unknown): string | typeof MISSING | typeof EMPTY | undefined {
  if (value === NOT_GIVEN) return undefined;
  if (value === undefined) return MISSING;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  date: 'a date like 2026-11-25',
  array: 'a list',
  object: 'a set of fields (name: value)',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The problems' lines, one per bad field. */
export function formatIssues(file: string, issues: readonly IssueLike[], input: unknown = NOT_GIVEN): string {
  return issueProblems(file, issues, input).map(formatProblem).join('\n');
}

/** What `parseJson` needs of a schema: Zod's `safeParse`. */
export interface SafeParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
}

/**
 * Parses JSON text and validates it; either failure throws a `ContentError` naming the file (and, for
 * a schema failure, every bad field).
 */
export function parseJson<T>(text: string, file: string, schema: SafeParser<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError({
      file,
      field: WHOLE_FILE,
      problem: `is not valid JSON (${reason})`,
      fix: 'repair the syntax, or restore the file from the repository’s history',
    });
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ContentError(issueProblems(file, result.error.issues, raw));
  return result.data;
}
