/**
 * Bad input fails loudly: each case is its own build of the fixture hub with one mistake in it, and
 * must exit non-zero, print a message that names the file, the field and what was expected, and
 * leave no pages behind.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeBadInputs, type BadInput } from './helpers/bad-input.ts';
import { FIXTURE_HUB } from './helpers/site.ts';

function essay(frontMatter: string[], body = 'A paragraph of text.'): string {
  return ['---', ...frontMatter, '---', '', body, ''].join('\n');
}

const valid = ['title: A valid title', 'description: A valid description.', 'date: 2026-05-01'];

const fixtureProfile = await readFile(join(FIXTURE_HUB, 'profile.yaml'), 'utf8');
const brokenProfile = fixtureProfile.replace(/^location: .*$/m, 'location: Bristol: United Kingdom');

const cases: BadInput[] = [
  {
    name: 'malformed YAML front matter in an essay',
    files: { 'content/essays/broken.md': essay(['title: "An unclosed quote', 'description: Fine.', 'date: 2026-05-01']) },
    file: 'content/essays/broken.md',
    field: 'title',
    expected: /expected valid YAML/,
  },
  {
    name: 'malformed content/profile.yaml',
    files: { 'content/profile.yaml': brokenProfile },
    file: 'content/profile.yaml',
    field: 'location',
    expected: /expected valid YAML/,
  },
  {
    name: 'an essay without a title',
    files: { 'content/essays/untitled.md': essay(valid.slice(1)) },
    file: 'content/essays/untitled.md',
    field: 'title',
    expected: /expected a title/,
  },
  {
    name: 'tags that are a number (tags: 5)',
    files: { 'content/essays/numeric-tags.md': essay([...valid, 'tags: 5']) },
    file: 'content/essays/numeric-tags.md',
    field: 'tags',
    expected: /expected a list of tags/,
  },
  {
    name: 'a draft flag that is a string (draft: "yes")',
    files: { 'content/essays/string-draft.md': essay([...valid, 'draft: "yes"']) },
    file: 'content/essays/string-draft.md',
    field: 'draft',
    expected: /expected true or false/,
  },
  {
    name: 'an impossible date (date: 2026-02-30)',
    files: { 'content/essays/february.md': essay(['title: T', 'description: D.', 'date: 2026-02-30']) },
    file: 'content/essays/february.md',
    field: 'date',
    expected: /expected a real date like 2026-11-25.*got "2026-02-30"/,
  },
  {
    name: 'a date that is not a date (date: not-a-date)',
    files: { 'content/essays/no-date.md': essay(['title: T', 'description: D.', 'date: not-a-date']) },
    file: 'content/essays/no-date.md',
    field: 'date',
    expected: /expected a real date like 2026-11-25.*got "not-a-date"/,
  },
  {
    name: 'two essays with one slug (x.md and x.mdx)',
    files: {
      'content/essays/x.md': essay(['title: X in Markdown', ...valid.slice(1)]),
      'content/essays/x.mdx': essay(['title: X in MDX', ...valid.slice(1)]),
    },
    file: 'content/essays/x.mdx',
    field: 'slug',
    expected: /content\/essays\/x\.md and content\/essays\/x\.mdx: slug: expected each file in content\/essays\/ to have a slug of its own/,
  },
  {
    name: 'a hero image that does not exist',
    files: { 'content/essays/hero.md': essay([...valid, 'hero:', '  src: ./no-such-image.jpg', '  alt: A picture']) },
    file: 'content/essays/hero.md',
    field: 'hero.src',
    expected: /expected the path of an image file.*"\.\/no-such-image\.jpg" does not exist/,
  },
  {
    name: 'a note longer than the limit',
    files: { 'content/notes/2026-05-01-rambling.md': essay(['date: 2026-05-01'], 'This note goes on. '.repeat(30).trim()) },
    file: 'content/notes/2026-05-01-rambling.md',
    field: 'body',
    expected: /body: expected at most 500 characters in content\/notes\/, got 569/,
  },
  {
    name: 'an invalid url in content/site.yaml',
    files: { 'content/site.yaml': 'url: morwennahale dot example\nlanguage: en-GB\n' },
    file: 'content/site.yaml',
    field: 'url',
    expected: /expected the site’s absolute URL/,
  },
];

test('the broken profile really differs from the fixture hub’s profile', () => {
  expect(brokenProfile).not.toBe(fixtureProfile);
});

describeBadInputs(cases);
