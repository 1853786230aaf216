import { describe, expect, test } from 'vitest';
import { formatIssues } from './validation.ts';

describe('formatIssues', () => {
  test('names the file, then each field and what was expected', () => {
    const message = formatIssues('content/site.yaml', [
      { path: ['theme', 'accent'], message: 'expected a colour like #1d4ed8' },
      { path: [], message: 'expected a mapping' },
    ]);
    expect(message).toBe('content/site.yaml is not valid:\n  - theme.accent: expected a colour like #1d4ed8\n  - (whole file): expected a mapping');
  });
});
