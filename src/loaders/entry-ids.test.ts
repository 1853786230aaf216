import { describe, expect, test } from 'vitest';
import { formatProblem } from '../lib/validation.ts';
import { createEntryIndex, findReferences, unknownReferenceProblem } from './entry-ids.ts';

describe('createEntryIndex', () => {
  test('hands a collection’s ids to whoever waits for the same round, before or after they are published', async () => {
    const index = createEntryIndex(['essays', 'theories']);
    const round = index.begin('theories');
    const early = index.ids('theories', round);
    index.publish('theories', round, ['a', 'b']);
    expect([...((await early) ?? [])]).toEqual(['a', 'b']);
    expect([...((await index.ids('theories', round)) ?? [])]).toEqual(['a', 'b']);
  });

  test('lets nobody wait for a round the collection abandoned (its load failed)', async () => {
    const index = createEntryIndex(['theories']);
    const round = index.begin('theories');
    const waiting = index.ids('theories', round);
    index.abandon('theories', round);
    expect(await waiting).toBeUndefined();
  });

  test('keeps rounds apart, so a reload never reads the ids of the load before', async () => {
    const index = createEntryIndex(['theories']);
    index.publish('theories', index.begin('theories'), ['old']);
    const second = index.begin('theories');
    const waiting = index.ids('theories', second);
    index.publish('theories', second, ['new']);
    expect([...((await waiting) ?? [])]).toEqual(['new']);
  });

  test('says which collections it checks', () => {
    const index = createEntryIndex(['theories']);
    expect(index.has('theories')).toBe(true);
    expect(index.has('talks')).toBe(false);
  });
});

describe('findReferences', () => {
  test('finds references in lists and nested objects, with the field path written without positions', () => {
    const data = {
      title: 'T',
      date: new Date(),
      cites: { theories: [{ collection: 'theories', id: 'a' }], essays: [{ collection: 'essays', id: 'b' }], notes: [] },
    };
    expect(findReferences(data)).toEqual([
      { field: 'cites.theories', collection: 'theories', id: 'a' },
      { field: 'cites.essays', collection: 'essays', id: 'b' },
    ]);
  });

  test('ignores objects that merely have an id among other fields', () => {
    expect(findReferences({ image: { id: 'x', collection: 'y', src: 'z' } })).toEqual([]);
  });
});

describe('unknownReferenceProblem', () => {
  test('names the file, the field, the id, what the collection has and the fix', () => {
    const problem = unknownReferenceProblem(
      'content/essays/x.md',
      { field: 'cites.theories', collection: 'theories', id: 'nope' },
      new Set(['b', 'a']),
    );
    expect(formatProblem(problem)).toBe(
      'content/essays/x.md: cites.theories: is "nope", which is not in content/theories/ (it has: a, b) — use the file name (without .md or .mdx) of an entry in content/theories/',
    );
  });
});
