import { describe, expect, test } from 'vitest';
import { collectBacklinks, flattenCites, refKey, type Citer } from './backlinks.ts';

const theory = (id: string) => ({ collection: 'theories', id });
const essay = (id: string) => ({ collection: 'essays', id });
const citer = (ref: { collection: string; id: string }, cites: Array<{ collection: string; id: string }>): Citer<string> => ({
  ref,
  cites,
  item: refKey(ref),
});

describe('collectBacklinks', () => {
  test('lists each citer under every entry it cites, in the order the citers come', () => {
    const backlinks = collectBacklinks([citer(essay('new'), [theory('trust'), theory('voice')]), citer(essay('old'), [theory('trust')])]);
    expect(backlinks.get('theories/trust')).toEqual(['essays/new', 'essays/old']);
    expect(backlinks.get('theories/voice')).toEqual(['essays/new']);
  });

  test('returns no entry for what nobody cites', () => {
    expect(collectBacklinks([citer(essay('a'), [])]).size).toBe(0);
  });

  test('lists a citer once when it cites the same entry twice, and ignores self-citation', () => {
    const backlinks = collectBacklinks([citer(theory('trust'), [theory('trust'), essay('a'), essay('a')])]);
    expect([...backlinks.entries()]).toEqual([['essays/a', ['theories/trust']]]);
  });

  test('keeps collections apart: an essay and a theory may share an id', () => {
    const backlinks = collectBacklinks([citer(essay('x'), [theory('same')]), citer(essay('y'), [essay('same')])]);
    expect(backlinks.get('theories/same')).toEqual(['essays/x']);
    expect(backlinks.get('essays/same')).toEqual(['essays/y']);
  });
});

describe('flattenCites', () => {
  test('returns every reference of every collection, in the order written', () => {
    expect(flattenCites({ theories: [theory('a')], essays: [essay('b'), essay('c')], notes: [] })).toEqual([
      theory('a'),
      essay('b'),
      essay('c'),
    ]);
  });
});
