import { describe, expect, test } from 'vitest';
import { formatIssues, parseJson } from './validation.ts';

describe('formatIssues', () => {
  test('names the file, then each field and what was expected', () => {
    const message = formatIssues('content/site.yaml', [
      { path: ['theme', 'accent'], message: 'expected a colour like #1d4ed8' },
      { path: [], message: 'expected a mapping' },
    ]);
    expect(message).toBe('content/site.yaml is not valid:\n  - theme.accent: expected a colour like #1d4ed8\n  - (whole file): expected a mapping');
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
    expect(() => parseJson('{"n":', 'x.json', schema)).toThrow(/^x\.json: expected JSON, but /);
  });

  test('names the file and the field when the data does not fit', () => {
    expect(() => parseJson('{"n": "one"}', 'x.json', schema)).toThrow('x.json is not valid:\n  - n: expected a number');
  });
});
