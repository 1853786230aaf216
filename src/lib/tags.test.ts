import { describe, expect, test } from 'vitest';
import { formatProblem } from './validation.ts';
import { tagCollisions } from './tags.ts';

describe('tagCollisions', () => {
  test('returns nothing when each slug has one spelling', () => {
    expect(
      tagCollisions([
        { file: 'content/essays/a.md', tag: 'ai/ml' },
        { file: 'content/notes/b.md', tag: 'ai/ml' },
        { file: 'content/notes/b.md', tag: 'energy' },
      ]),
    ).toEqual([]);
  });

  test('names the later file and the earlier one when two spellings make one slug', () => {
    expect(
      tagCollisions([
        { file: 'content/notes/b.md', tag: 'ai-ml' },
        { file: 'content/essays/a.md', tag: 'ai/ml' },
      ]).map(formatProblem),
    ).toEqual([
      'content/notes/b.md: tags: has "ai-ml", which makes the same address (/tags/ai-ml/) as "ai/ml" in content/essays/a.md — write the tag the same way in both files',
    ]);
  });

  test('reports only the files the caller asks about', () => {
    const uses = [
      { file: 'content/essays/a.md', tag: 'ai/ml' },
      { file: 'content/theories/c.md', tag: 'ai ml' },
    ];
    expect(tagCollisions(uses, (file) => file.startsWith('content/essays/'))).toEqual([]);
    expect(tagCollisions(uses, (file) => file.startsWith('content/theories/'))).toHaveLength(1);
  });
});
