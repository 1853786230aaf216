/**
 * Bad talks, press quotes and speaking settings fail the build: each case is a build of the fixture hub
 * with one mistake, which must exit non-zero, print the mistake's one line (file, field, problem and
 * fix; tests/helpers/bad-input.ts) and leave the previous build alone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { describeBadInputs, type BadInput } from './helpers/bad-input.ts';
import { FIXTURE_HUB } from './helpers/site.ts';

function talk(lines: string[]): string {
  return ['---', ...lines, '---', '', 'The abstract.', ''].join('\n');
}

const validTalk = [
  'title: A talk',
  'event: { name: An Event }',
  'start: 2027-05-01T10:00',
  'end: 2027-05-01T11:00',
  'timezone: Europe/London',
  'location: { venue: Hall, city: Leeds, country: United Kingdom }',
  'format: keynote',
];

const withLine = (field: string, line: string): string[] =>
  validTalk.map((existing) => (existing.startsWith(`${field}:`) ? line : existing));

const validPress = [
  'outlet: The Ledger',
  'headline: A headline',
  'url: https://ledger.example/a',
  'date: 2026-10-01',
  'kind: quoted',
  'quote: Something said.',
];

const fixtureSpeaking = await readFile(join(FIXTURE_HUB, 'speaking.yaml'), 'utf8');
const smallPhoto = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#336699' } })
  .jpeg()
  .toBuffer();

const cases: BadInput[] = [
  {
    name: 'a talk that ends before it starts',
    files: { 'content/talks/backwards.md': talk(withLine('end', 'end: 2027-05-01T09:00')) },
    file: 'content/talks/backwards.md',
    field: 'end',
    expected: /: is "2027-05-01T09:00" — make `end` after `start`$/,
  },
  {
    name: 'a talk in an unknown time zone',
    files: { 'content/talks/nowhere.md': talk(withLine('timezone', 'timezone: Europe/Bristol')) },
    file: 'content/talks/nowhere.md',
    field: 'timezone',
    expected: /: is "Europe\/Bristol", which is not a time zone — use an IANA time zone name like Europe\/London/,
  },
  {
    name: 'a talk whose start carries an offset as well as a time zone',
    files: { 'content/talks/offset.md': talk(withLine('start', 'start: 2027-05-01T10:00:00+01:00')) },
    file: 'content/talks/offset.md',
    field: 'start',
    expected: /: is .* — use the local time at the venue without an offset/,
  },
  {
    name: 'a testimonial without a name',
    files: { 'content/talks/anonymous.md': talk([...validTalk, 'testimonials:', '  - quote: Wonderful.', '    role: Organiser']) },
    file: 'content/talks/anonymous.md',
    field: 'testimonials.0.name',
    expected: /: is missing — add the name of the person quoted$/,
  },
  {
    name: 'a talk about a topic that does not exist',
    files: { 'content/talks/off-topic.md': talk([...validTalk, 'topic: knitting']) },
    file: 'content/talks/off-topic.md',
    field: 'topic',
    expected:
      /: is "knitting", which is not in content\/topics\/ \(it has: local-ownership, say-where-you-stand, trust-and-consent\) — use the file name/,
  },
  {
    name: 'a press quote without a URL',
    files: { 'content/press/no-url.md': ['---', ...validPress.filter((line) => !line.startsWith('url:')), '---', ''].join('\n') },
    file: 'content/press/no-url.md',
    field: 'url',
    expected: /: is missing — add an absolute http\(s\) URL$/,
  },
  {
    name: 'a press quote without a date',
    files: { 'content/press/no-date.md': ['---', ...validPress.filter((line) => !line.startsWith('date:')), '---', ''].join('\n') },
    file: 'content/press/no-date.md',
    field: 'date',
    expected: /: is missing — add the date the piece was published/,
  },
  {
    name: 'a headshot smaller than 1500 px',
    files: {
      'content/images/small.jpg': smallPhoto,
      'content/speaking.yaml': fixtureSpeaking.replace('src: ./images/portrait.jpg', 'src: ./images/small.jpg'),
    },
    file: 'content/speaking.yaml',
    field: 'headshots.0.src',
    expected: /: is 1200 × 1200 px — use an image at least 1500 px on each side/,
  },
];

test('the small headshot really differs from the fixture hub’s settings', () => {
  expect(cases.at(-1)!.files['content/speaking.yaml']).not.toBe(fixtureSpeaking);
});

describeBadInputs(cases);
