import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { newEntry, slugify } from './authoring.ts';

const now = new Date('2026-11-25T09:30:12.345Z');

function frontMatterOf(contents: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(contents);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

describe('slugify', () => {
  test('folds accents, drops punctuation and joins words with dashes', () => {
    expect(slugify('Café: why “yes” matters — 2026!')).toBe('cafe-why-yes-matters-2026');
  });

  test('keeps letters of other scripts', () => {
    expect(slugify('Ενέργεια για όλους')).toBe('ενεργεια-για-ολους');
  });

  test('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });
});

describe('newEntry', () => {
  test('writes an essay as a draft with the title quoted safely', () => {
    const entry = newEntry('essay', 'Yes: a "title" with #hash', now);
    expect(entry.path).toBe('content/essays/yes-a-title-with-hash.md');
    expect(frontMatterOf(entry.contents)).toMatchObject({ title: 'Yes: a "title" with #hash', date: '2026-11-25', draft: true, tags: [] });
  });

  test('starts a theory as a hunch', () => {
    expect(frontMatterOf(newEntry('theory', 'Trust first', now).contents)).toMatchObject({ stage: 'hunch', title: 'Trust first' });
  });

  test('puts a note’s text in its body and the date in its file name', () => {
    const entry = newEntry('note', 'A quick thought about wind farms and trust in small towns.', now);
    expect(entry.path).toBe('content/notes/2026-11-25-a-quick-thought-about-wind-farms.md');
    expect(frontMatterOf(entry.contents)).toMatchObject({ date: '2026-11-25T09:30:12Z' });
    expect(entry.contents.trimEnd().endsWith('A quick thought about wind farms and trust in small towns.')).toBe(true);
  });

  test('refuses an empty title', () => {
    expect(() => newEntry('essay', '   ', now)).toThrow(/expected a title/);
    expect(() => newEntry('essay', '!!!', now)).toThrow(/could not make a file name/);
  });
});
