/**
 * Bad citations, revision logs, stances and syndication ledgers fail the build: each case is a build
 * of the fixture hub with one mistake, which must exit non-zero, print the mistake's one line (file,
 * field, problem and fix; tests/helpers/bad-input.ts) and leave the previous build alone.
 */
import { describeBadInputs, type BadInput } from './helpers/bad-input.ts';

function entry(frontMatter: string[], body = 'A paragraph of text.'): string {
  return ['---', ...frontMatter, '---', '', body, ''].join('\n');
}

const essay = ['title: A valid title', 'description: A valid description.', 'date: 2026-05-01'];
const theory = ['title: An idea', 'summary: The idea in a sentence.', 'date: 2026-05-01', 'stage: hunch', 'confidence: Not very.'];
const ledgerEntry = { status: 'posted', remoteId: '1', url: 'https://mastodon.example/@m/1', postedAt: '2026-11-01T10:00:00Z' };

const cases: BadInput[] = [
  {
    name: 'an essay citing a theory that does not exist',
    files: { 'content/essays/cites-nothing.md': entry([...essay, 'cites:', '  theories: [trust-before-turbines, no-such-theory]']) },
    file: 'content/essays/cites-nothing.md',
    field: 'cites.theories',
    expected:
      /: is "no-such-theory", which is not in content\/theories\/ \(it has: boards-and-voice, trust-before-turbines\) — use the file name \(without \.md or \.mdx\) of an entry in content\/theories\/$/,
  },
  {
    name: 'a note citing an essay that does not exist',
    files: { 'content/notes/2026-05-01-cites.md': entry(['date: 2026-05-01', 'cites:', '  essays: [owning-the-sun]']) },
    file: 'content/notes/2026-05-01-cites.md',
    field: 'cites.essays',
    expected: /: is "owning-the-sun", which is not in content\/essays\//,
  },
  {
    name: 'a stance resting on a theory that does not exist',
    files: {
      'content/stances/nothing-behind-it.md': entry([
        'title: A stance',
        'position: I hold it.',
        'since: 2020',
        'cites:',
        '  theories: [vapour]',
      ]),
    },
    file: 'content/stances/nothing-behind-it.md',
    field: 'cites.theories',
    expected: /: is "vapour", which is not in content\/theories\//,
  },
  {
    name: 'cites written as a plain list instead of lists per collection',
    files: { 'content/essays/flat-cites.md': entry([...essay, 'cites: [trust-before-turbines]']) },
    file: 'content/essays/flat-cites.md',
    field: 'cites',
    expected: / — use cites with lists under theories, essays and\/or notes/,
  },
  {
    name: 'a theory revision dated before the theory',
    files: {
      'content/theories/time-travel.md': entry([
        ...theory,
        'revisions:',
        '  - date: 2026-04-01',
        '    change: Changed it.',
        '    why: Because.',
      ]),
    },
    file: 'content/theories/time-travel.md',
    field: 'revisions.0.date',
    expected: /: is 2026-04-01 — use a date on or after the theory's date \(2026-05-01\)$/,
  },
  {
    name: 'a theory revision without a reason',
    files: { 'content/theories/no-reason.md': entry([...theory, 'revisions:', '  - date: 2026-06-01', '    change: Changed it.']) },
    file: 'content/theories/no-reason.md',
    field: 'revisions.0.why',
    expected: /: is missing — add why it changed$/,
  },
  {
    name: 'an impossible revision date (2026-02-30)',
    files: {
      'content/theories/february.md': entry([...theory, 'revisions:', '  - date: 2026-02-30', '    change: C.', '    why: W.']),
    },
    file: 'content/theories/february.md',
    field: 'revisions.date',
    expected: /: is "2026-02-30", which is not a day on the calendar — use a real date like 2026-11-25/,
  },
  {
    name: 'a theory with an unknown stage',
    files: { 'content/theories/certain.md': entry(theory.map((line) => (line.startsWith('stage:') ? 'stage: certainty' : line))) },
    file: 'content/theories/certain.md',
    field: 'stage',
    expected: /: is "certainty" — use one of hunch, working-theory, conviction, retired$/,
  },
  {
    name: 'a stance without a since',
    files: { 'content/stances/timeless.md': entry(['title: A stance', 'position: I hold it.']) },
    file: 'content/stances/timeless.md',
    field: 'since',
    expected: /: is missing — add a year like 2013, a month like 2013-06 or a date like 2013-06-04$/,
  },
  {
    name: 'a syndication ledger that is not JSON',
    files: { 'content/evidence/syndication.json': '{ "version": 1, "items": {' },
    file: 'content/evidence/syndication.json',
    field: '(whole file)',
    expected: /: is not valid JSON \(.+\) — /,
  },
  {
    name: 'a syndication ledger with a posted copy that has no URL',
    files: {
      'content/evidence/syndication.json': JSON.stringify({
        version: 1,
        items: {
          'essay/owning-the-wind': {
            url: 'https://morwennahale.example/essays/owning-the-wind/',
            networks: { mastodon: { ...ledgerEntry, url: undefined } },
          },
        },
      }),
    },
    file: 'content/evidence/syndication.json',
    field: 'items.essay/owning-the-wind.networks.mastodon.url',
    expected: /: is missing — add the public URL of the post$/,
  },
];

describeBadInputs(cases);
