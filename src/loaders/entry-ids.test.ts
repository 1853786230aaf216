import { describe, expect, test } from 'vitest';
import { createEntryIndex, findReferences, unknownReferenceMessage } from './entry-ids.ts';

describe('createEntryIndex', () => {
  test('hands a collection’s ids to whoever waits for the same round, before or after they are published', async () => {
    const index = createEntryIndex(['essays', 'theories']);
    const round = index.begin('theories');
    const early = index.ids('theories', round);
    index.publish('theories', round, ['a', 'b']);
    expect([...(await early)]).toEqual(['a', 'b']);
    expect([...(await index.ids('theories', round))]).toEqual(['a', 'b']);
  });

  test('keeps rounds apart, so a reload never reads the ids of the load before', async () => {
    const index = createEntryIndex(['theories']);
    index.publish('theories', index.begin('theories'), ['old']);
    const second = index.begin('theories');
    const waiting = index.ids('theories', second);
    index.publish('theories', second, ['new']);
    expect([...(await waiting)]).toEqual(['new']);
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

describe('unknownReferenceMessage', () => {
  test('names the file, the field, the id and what the collection has', () => {
    const message = unknownReferenceMessage('content/essays/x.md', { field: 'cites.theories', collection: 'theories', id: 'nope' }, new Set(['b', 'a']));
    expect(message).toBe(
      'content/essays/x.md: cites.theories: expected the file name (without .md or .mdx) of an entry in content/theories/, got "nope", which is not there (it has: a, b).',
    );
  });
});
