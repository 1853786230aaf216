/**
 * Bad input fails loudly: each case is its own build of the fixture hub with one mistake in it, and
 * must exit non-zero, print just the mistake's line (`file: field: problem — fix`, nothing else) and
 * leave the previous build in dist/ alone.
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

const DATE_FIX = 'use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00';

const cases: BadInput[] = [
  {
    name: 'an essay without a description',
    files: { 'content/essays/x.md': essay(['title: A valid title', 'date: 2026-05-01']) },
    file: 'content/essays/x.md',
    field: 'description',
    expected: /is missing/,
    line: 'content/essays/x.md: description: is missing — add a one- or two-sentence summary',
  },
  {
    name: 'a month that does not exist (date: 2026-13-01), which YAML would read as 1 January 2027',
    files: { 'content/essays/thirteenth.md': essay(['title: T', 'description: D.', 'date: 2026-13-01']) },
    file: 'content/essays/thirteenth.md',
    field: 'date',
    expected: /2026-13-01/,
    line: `content/essays/thirteenth.md: date: is "2026-13-01", which is not a day on the calendar — ${DATE_FIX}`,
  },
  {
    name: 'a day that does not exist (date: 2026-02-30), which YAML would read as 2 March',
    files: { 'content/essays/february.md': essay(['title: T', 'description: D.', 'date: 2026-02-30']) },
    file: 'content/essays/february.md',
    field: 'date',
    expected: /2026-02-30/,
    line: `content/essays/february.md: date: is "2026-02-30", which is not a day on the calendar — ${DATE_FIX}`,
  },
  {
    name: 'a date that is not a date (date: not-a-date)',
    files: { 'content/essays/no-date.md': essay(['title: T', 'description: D.', 'date: not-a-date']) },
    file: 'content/essays/no-date.md',
    field: 'date',
    expected: /is "not-a-date", which is not a date — use a real date like 2026-11-25/,
  },
  {
    name: 'malformed YAML front matter in an essay',
    files: { 'content/essays/broken.md': essay(['title: "An unclosed quote', 'description: Fine.', 'date: 2026-05-01']) },
    file: 'content/essays/broken.md',
    field: 'title',
    expected: /: is not valid YAML \(.+, line \d+\) — check the quotes, brackets, colons and indentation of `title`$/,
  },
  {
    name: 'malformed YAML front matter in an MDX essay',
    files: { 'content/essays/broken.mdx': essay(['title: Fine', 'description: "An unclosed quote', 'date: 2026-05-01']) },
    file: 'content/essays/broken.mdx',
    field: 'description',
    expected: /: is not valid YAML \(.+, line \d+\) — check the quotes, brackets, colons and indentation of `description`$/,
  },
  {
    name: 'malformed content/profile.yaml',
    files: { 'content/profile.yaml': brokenProfile },
    file: 'content/profile.yaml',
    field: 'location',
    expected: /: is not valid YAML \(.+\) — check the quotes, brackets, colons and indentation of `location`$/,
  },
  {
    name: 'a date inside a YAML flow collection (revisions: [{ date: 2026-02-30, … }]), which YAML would read as 2 March',
    files: {
      'content/theories/flow-february.md': essay([
        'title: T',
        'summary: S.',
        'date: 2026-01-10',
        'stage: hunch',
        'confidence: A hunch.',
        'revisions: [{ date: 2026-02-30, change: Changed it., why: Because. }]',
      ]),
    },
    file: 'content/theories/flow-february.md',
    field: 'revisions.date',
    expected: /2026-02-30/,
    line: `content/theories/flow-february.md: revisions.date: is "2026-02-30", which is not a day on the calendar — ${DATE_FIX}`,
  },
  {
    name: 'an essay saved as Latin-1, not UTF-8 (Caf\u00e9 as one byte)',
    files: {
      'content/essays/latin1.md': Buffer.concat([Buffer.from(essay(valid, '')), Buffer.from('Caf\xe9 society.\n', 'latin1')]),
    },
    file: 'content/essays/latin1.md',
    field: '(whole file)',
    expected:
      /: is not UTF-8 text \(line 8 has a character in another encoding, such as Latin-1 or Windows-1252\) — save the file as UTF-8/,
  },
  {
    name: 'content/profile.yaml saved as Latin-1',
    files: { 'content/profile.yaml': Buffer.from(fixtureProfile.replace(/^location: .*$/m, 'location: Saint-\u00c9tienne'), 'latin1') },
    file: 'content/profile.yaml',
    field: '(whole file)',
    expected: /: is not UTF-8 text \(line \d+ has a character in another encoding/,
  },
  {
    name: 'an essay in a folder inside content/essays/, which would have a slug with a slash',
    files: { 'content/essays/2026/nested.md': essay(valid) },
    file: 'content/essays/2026/nested.md',
    field: '(whole file)',
    expected:
      /: is in a folder inside content\/essays\/, and only files directly in content\/essays\/ have pages — move it to content\/essays\/$/,
  },
  {
    name: 'an essay without a title',
    files: { 'content/essays/untitled.md': essay(valid.slice(1)) },
    file: 'content/essays/untitled.md',
    field: 'title',
    expected: /: is missing — add a title$/,
  },
  {
    name: 'a misspelt field (titel:)',
    files: { 'content/essays/misspelt.md': essay([...valid, 'titel: Another title']) },
    file: 'content/essays/misspelt.md',
    field: 'titel',
    expected: /: is not a field this file can have — remove it, or check the spelling of its name$/,
  },
  {
    name: 'tags that are a number (tags: 5)',
    files: { 'content/essays/numeric-tags.md': essay([...valid, 'tags: 5']) },
    file: 'content/essays/numeric-tags.md',
    field: 'tags',
    expected: /: is 5 — use a list of tags, for example \[leadership, energy\]$/,
  },
  {
    name: 'a draft flag that is a string (draft: "yes")',
    files: { 'content/essays/string-draft.md': essay([...valid, 'draft: "yes"']) },
    file: 'content/essays/string-draft.md',
    field: 'draft',
    expected: /: is "yes" — use true or false$/,
  },
  {
    name: 'two essays with one slug (x.md and x.mdx)',
    files: {
      'content/essays/x.md': essay(['title: X in Markdown', ...valid.slice(1)]),
      'content/essays/x.mdx': essay(['title: X in MDX', ...valid.slice(1)]),
    },
    file: 'content/essays/x.mdx',
    field: 'slug',
    expected: /: is "x", the same as content\/essays\/x\.md’s, .* — rename or delete one of the two files$/,
  },
  {
    name: 'two essays whose names make one slug (A b.md and a-b.md)',
    files: {
      'content/essays/A b.md': essay(['title: One', ...valid.slice(1)]),
      'content/essays/a-b.md': essay(['title: Other', ...valid.slice(1)]),
    },
    file: 'content/essays/a-b.md',
    field: 'slug',
    expected: /: is "a-b", the same as content\/essays\/A b\.md’s, .* — rename or delete one of the two files$/,
  },
  {
    name: 'a hero image that does not exist',
    files: { 'content/essays/hero.md': essay([...valid, 'hero:', '  src: ./no-such-image.jpg', '  alt: A picture']) },
    file: 'content/essays/hero.md',
    field: 'hero.src',
    expected:
      /: is "\.\/no-such-image\.jpg", which does not exist \(looked for content\/essays\/no-such-image\.jpg\) — use the path of an image file/,
  },
  {
    name: 'a note longer than the limit',
    files: { 'content/notes/2026-05-01-rambling.md': essay(['date: 2026-05-01'], 'This note goes on. '.repeat(30).trim()) },
    file: 'content/notes/2026-05-01-rambling.md',
    field: 'body',
    expected: /: is 569 characters long, more than the 500 allowed in content\/notes\/ — shorten it, or make it an essay$/,
  },
  {
    name: 'an invalid url in content/site.yaml',
    files: { 'content/site.yaml': 'url: morwennahale dot example\nlanguage: en-GB\n' },
    file: 'content/site.yaml',
    field: 'url',
    expected: /: is "morwennahale dot example" — use the site’s absolute URL, for example https:\/\/ada\.example\.com$/,
  },
  {
    name: 'an evidence snapshot whose copy of a piece has a javascript: address',
    files: {
      'content/evidence/engagement/2026-11-20T06-00-00.000Z.json': JSON.stringify({
        version: 1,
        collectedAt: '2026-11-20T06:00:00.000Z',
        networks: { mastodon: { status: 'read', copies: 1 } },
        items: {
          'essay/owning-the-wind': {
            url: 'https://morwennahale.example/essays/owning-the-wind/',
            networks: { mastodon: { remoteId: '1', url: 'javascript:alert(1)', metrics: { likes: 1 } } },
          },
        },
      }),
    },
    file: 'content/evidence/engagement/2026-11-20T06-00-00.000Z.json',
    field: 'items.essay/owning-the-wind.networks.mastodon.url',
    expected: /javascript/,
    line: 'content/evidence/engagement/2026-11-20T06-00-00.000Z.json: items.essay/owning-the-wind.networks.mastodon.url: is "javascript:alert(1)" — use the address of the copy on the network, an absolute http(s) URL',
  },
  {
    name: 'a syndication ledger whose piece has a javascript: address',
    files: {
      'content/evidence/syndication.json': JSON.stringify({
        version: 1,
        items: {
          'essay/owning-the-wind': {
            url: 'javascript:alert(1)',
            networks: {
              mastodon: { status: 'posted', remoteId: '1', url: 'https://mastodon.example/@m/1', postedAt: '2026-11-20T06:00:00.000Z' },
            },
          },
        },
      }),
    },
    file: 'content/evidence/syndication.json',
    field: 'items.essay/owning-the-wind.url',
    expected: /javascript/,
    line: 'content/evidence/syndication.json: items.essay/owning-the-wind.url: is "javascript:alert(1)" — use the piece’s address on the site, an absolute http(s) URL',
  },
  {
    name: 'an evidence snapshot that is not JSON',
    files: { 'content/evidence/engagement/2026-11-20T06-00-00.000Z.json': '{"version": 1,' },
    file: 'content/evidence/engagement/2026-11-20T06-00-00.000Z.json',
    field: '(whole file)',
    expected: /: is not valid JSON \(.+\) — repair the syntax, or restore the file from the repository’s history$/,
  },
];

test('the broken profile really differs from the fixture hub’s profile', () => {
  expect(brokenProfile).not.toBe(fixtureProfile);
});

describeBadInputs(cases);
