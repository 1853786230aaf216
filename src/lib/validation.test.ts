import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { ContentError, formatIssues, formatProblem, issueProblems, parseJson } from './validation.ts';

describe('formatProblem', () => {
  test('writes file, field, problem and fix on one line', () => {
    expect(
      formatProblem({
        file: 'content/essays/x.md',
        field: 'description',
        problem: 'is missing',
        fix: 'add a one- or two-sentence summary',
      }),
    ).toBe('content/essays/x.md: description: is missing — add a one- or two-sentence summary');
  });
});

describe('issueProblems', () => {
  const issuesOf = (schema: z.ZodType, input: unknown) => {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected the input to fail');
    return issueProblems('content/x.yaml', result.error.issues, input).map(formatProblem);
  };

  test('turns "expected …" into what the field holds and what to use', () => {
    const schema = z.object({ draft: z.boolean({ error: 'expected true or false' }) });
    expect(issuesOf(schema, { draft: 'yes' })).toEqual(['content/x.yaml: draft: is "yes" — use true or false']);
  });

  test('says a field is missing and what to add', () => {
    const schema = z.object({ headshots: z.array(z.string(), { error: 'expected a list of headshots' }) });
    expect(issuesOf(schema, {})).toEqual(['content/x.yaml: headshots: is missing — add a list of headshots']);
  });

  test('says a list is empty and what to add', () => {
    const schema = z.object({ audiences: z.array(z.string()).min(1, { error: 'expected at least one audience' }) });
    expect(issuesOf(schema, { audiences: [] })).toEqual(['content/x.yaml: audiences: is empty — add at least one audience']);
  });

  test('keeps the value a message reports with ", got …"', () => {
    const schema = z.object({
      zone: z.string().refine(() => false, { error: 'expected a time zone name like Europe/London, got "Mars/Base"' }),
    });
    expect(issuesOf(schema, { zone: 'Mars/Base' })).toEqual([
      'content/x.yaml: zone: is "Mars/Base" — use a time zone name like Europe/London',
    ]);
  });

  test('reads "expected A to be B" as "make A B"', () => {
    const schema = z
      .object({ start: z.number(), end: z.number() })
      .refine((talk) => talk.end > talk.start, { error: 'expected `end` to be after `start`', path: ['end'] });
    expect(issuesOf(schema, { start: 2, end: 1 })).toEqual(['content/x.yaml: end: is 1 — make `end` after `start`']);
  });

  test('uses a message already written as "problem — fix" as it is', () => {
    const schema = z.object({ n: z.number({ error: 'is not a number — write digits' }) });
    expect(issuesOf(schema, { n: 'x' })).toEqual(['content/x.yaml: n: is not a number — write digits']);
  });

  test('names each unknown field', () => {
    const schema = z.strictObject({ title: z.string() });
    expect(issuesOf(schema, { title: 'T', titel: 'U' })).toEqual([
      'content/x.yaml: titel: is not a field this file can have — remove it, or check the spelling of its name',
    ]);
  });

  test('names the whole file when the problem has no field', () => {
    const schema = z.object({ a: z.string() }, { error: 'expected a mapping of fields' });
    expect(issuesOf(schema, 5)).toEqual(['content/x.yaml: (whole file): is 5 — use a mapping of fields']);
  });

  test('still gives a fix for messages from Zod itself', () => {
    expect(issuesOf(z.object({ count: z.number() }), { count: 'many' })).toEqual(['content/x.yaml: count: is "many" — use a number']);
    expect(issuesOf(z.object({ kind: z.enum(['a', 'b']) }), { kind: 'c' })).toEqual(['content/x.yaml: kind: is "c" — use one of a, b']);
  });
});

describe('formatIssues', () => {
  test('writes one line per field, without the values when the input is not given', () => {
    const message = formatIssues('content/site.yaml', [
      { path: ['theme', 'accent'], message: 'expected a colour like #1d4ed8' },
      { path: [], message: 'expected a mapping' },
    ]);
    expect(message).toBe(
      'content/site.yaml: theme.accent: is not valid — use a colour like #1d4ed8\ncontent/site.yaml: (whole file): is not valid — use a mapping',
    );
  });
});

describe('ContentError', () => {
  test('carries its problems, and nothing Astro would print under the message', () => {
    const error = new ContentError({ file: 'content/a.md', field: 'date', problem: 'is "2026-13-01"', fix: 'use a real date' });
    expect(error.message).toBe('content/a.md: date: is "2026-13-01" — use a real date');
    expect(error.stack).toBe('');
    expect(error.cause).toBeUndefined();
    expect(String(error)).toBe('ContentError');
    expect(error.files).toEqual(['content/a.md']);
  });
});

describe('parseJson', () => {
  const schema = {
    safeParse: (input: unknown) =>
      typeof input === 'object' && input !== null && 'n' in input && typeof input.n === 'number'
        ? ({ success: true, data: input as { n: number } } as const)
        : ({ success: false, error: { issues: [{ path: ['n'], message: 'expected a number' }] } } as const),
  };

  test('returns the validated data', () => {
    expect(parseJson('{"n": 1}', 'x.json', schema)).toEqual({ n: 1 });
  });

  test('names the file when the text is not JSON', () => {
    expect(() => parseJson('{"n":', 'x.json', schema)).toThrow(/^x\.json: \(whole file\): is not valid JSON \(.+\) — repair the syntax/);
  });

  test('names the file, the field and its value when the data does not fit', () => {
    expect(() => parseJson('{"n": "one"}', 'x.json', schema)).toThrow(
      new ContentError({ file: 'x.json', field: 'n', problem: 'is "one"', fix: 'use a number' }),
    );
  });
});
