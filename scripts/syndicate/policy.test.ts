import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_HUB } from '../lib/site-builder.ts';
import type { SyndicationItem } from '../channels/post.ts';
import { parseFeed } from './feed.ts';
import type { JsonFeedItemInput } from '../../src/contract/feed.ts';
import { parsePolicy } from '../../src/contract/policy.ts';
import { describePolicyHold, heldBy, policyMatches } from './policy.ts';

const item = (fields: Partial<SyndicationItem>): SyndicationItem => ({
  key: 'note/x',
  url: 'https://a.example/notes/x/',
  title: 'A note',
  summary: '',
  tags: [],
  datePublished: '2026-11-25T00:00:00Z',
  kind: 'note',
  slug: 'x',
  text: '',
  skip: [],
  overrides: {},
  reviewed: false,
  ...fields,
});

const policy = parsePolicy(`review:
  - topic: fracking
    words: [fracking, shale gas]
  - redundanc*
  - Ofgem
`);

describe('policyMatches', () => {
  test('matches whole words in any case, phrases across line breaks, and wildcard endings', () => {
    expect(policyMatches(policy, item({ text: 'Why FRACKING fails' }))).toEqual([
      { topic: 'fracking', word: 'fracking', fields: ['body'] },
    ]);
    expect(policyMatches(policy, item({ text: 'shale\ngas' }))).toEqual([{ topic: 'fracking', word: 'shale gas', fields: ['body'] }]);
    expect(policyMatches(policy, item({ text: 'Redundancies ahead' }))).toEqual([
      { topic: 'redundanc*', word: 'redundanc*', fields: ['body'] },
    ]);
  });

  test('does not match inside another word', () => {
    expect(policyMatches(policy, item({ text: 'Ofgemology and antifracking' }))).toEqual([]);
  });

  test('looks in tags, titles and per-network wording too, and names the field each word was found in', () => {
    expect(policyMatches(policy, item({ tags: ['wind', 'fracking'] }))).toEqual([
      { topic: 'fracking', word: 'fracking', fields: ['tags'] },
    ]);
    expect(policyMatches(policy, item({ overrides: { x: 'Ofgem again' } }))).toEqual([
      { topic: 'Ofgem', word: 'Ofgem', fields: ['syndication.text.x'] },
    ]);
    const essay = item({
      kind: 'essay',
      title: 'Ofgem and us',
      summary: 'On fracking.',
      text: 'On fracking.',
      body: 'Shale gas, and Ofgem.',
      tags: ['Ofgem'],
    });
    expect(policyMatches(policy, essay)).toEqual([
      { topic: 'fracking', word: 'fracking', fields: ['description'] },
      { topic: 'fracking', word: 'shale gas', fields: ['body'] },
      { topic: 'Ofgem', word: 'Ofgem', fields: ['title', 'body', 'tags'] },
    ]);
    expect(policyMatches(policy, item({ kind: 'theory', summary: 'Redundancy first.', text: 'Redundancy first.' }))[0]?.fields).toEqual([
      'summary',
    ]);
  });

  // Issue 14, item 11: an essay whose body said "forty redundancies" went out to all five networks.
  test('reads the body the feed carries: an essay that mentions a word only in its body is held, and the summary says where', () => {
    const restructuring: JsonFeedItemInput = {
      id: 'https://a.example/essays/restructuring/',
      url: 'https://a.example/essays/restructuring/',
      title: 'What the restructuring means',
      summary: 'A plan for the next five years.',
      content_html:
        '<p>The board announced <a href="https://a.example/x">forty <strong>redundancies</strong></a> on Monday.</p><img src="/ofgem.png" alt="">',
      tags: ['energy'],
      date_published: '2026-11-25T00:00:00Z',
      date_modified: '2026-11-25T00:00:00Z',
      _syndication: {
        version: 1,
        kind: 'essay',
        slug: 'restructuring',
        text: 'A plan for the next five years.',
        skip: [],
        overrides: {},
        reviewed: false,
      },
    };
    const feed = JSON.stringify({ items: [restructuring] });
    const [essay] = parseFeed(feed, 'dist/feed.json');
    expect(essay?.body).toBe('The board announced forty redundancies on Monday.');
    const held = heldBy(policy, essay!);
    expect(held).toEqual([{ topic: 'redundanc*', word: 'redundanc*', fields: ['body'] }]);
    expect(describePolicyHold(held!)).toBe('mentions “redundanc*” in body — set syndication.reviewed: true once checked');
    // Nothing but the body mentions it: a feed from before bodies were read let it through.
    expect(heldBy(policy, { ...essay!, body: undefined })).toBeUndefined();
    // Only what a reader reads counts: not a link's address, not an image.
    const linked = JSON.parse(feed) as { items: Array<Record<string, unknown>> };
    linked.items[0]!['content_html'] =
      '<p>See <a href="https://www.ofgem.gov.uk/">the regulator</a>.</p><img src="/ofgem.png" alt="Ofgem">';
    expect(heldBy(policy, parseFeed(JSON.stringify(linked), 'dist/feed.json')[0]!)).toBeUndefined();
  });
});

describe('describePolicyHold', () => {
  test('names each word, its topic when that differs, and the fields it was found in', () => {
    expect(
      describePolicyHold([
        { topic: 'fracking', word: 'shale gas', fields: ['title', 'body'] },
        { topic: 'Ofgem', word: 'Ofgem', fields: ['tags'] },
      ]),
    ).toBe('mentions “shale gas” (fracking) in title, body; “Ofgem” in tags — set syndication.reviewed: true once checked');
  });
});

describe('heldBy', () => {
  test('holds a matching item until it is marked reviewed', () => {
    expect(heldBy(policy, item({ text: 'fracking' }))).toHaveLength(1);
    expect(heldBy(policy, item({ text: 'fracking', reviewed: true }))).toBeUndefined();
    expect(heldBy(policy, item({ text: 'wind' }))).toBeUndefined();
  });
});

describe('parsePolicy', () => {
  test('names the file and field when an entry is wrong', () => {
    expect(() => parsePolicy('review:\n  - topic: x\n', 'content/policy.yaml')).toThrow(
      /^content\/policy\.yaml: review\.0: is a set of fields — use a word, or \{ topic: …, words: \[ … \] \}$/,
    );
  });

  test('the fixture hub’s policy is valid and holds its note about a boycott', async () => {
    const policy = parsePolicy(await readFile(join(FIXTURE_HUB, 'policy.yaml'), 'utf8'));
    expect(heldBy(policy, item({ text: 'Someone announced a boycott of Tidewater this morning.' }))?.[0]?.topic).toMatch(/boycott/);
  });
});
