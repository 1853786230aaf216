import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_HUB } from '../lib/site-builder.ts';
import type { SyndicationItem } from './compose/index.ts';
import { heldBy, parsePolicy, policyMatches } from './policy.ts';

const item = (fields: Partial<SyndicationItem>): SyndicationItem => ({
  key: 'note/x', url: 'https://a.example/notes/x/', title: 'A note', summary: '', tags: [], datePublished: '2026-11-25T00:00:00Z',
  kind: 'note', slug: 'x', text: '', skip: [], overrides: {}, reviewed: false, ...fields,
});

const policy = parsePolicy(`review:
  - topic: fracking
    words: [fracking, shale gas]
  - redundanc*
  - Ofgem
`);

describe('policyMatches', () => {
  test('matches whole words in any case, phrases across line breaks, and wildcard endings', () => {
    expect(policyMatches(policy, item({ text: 'Why FRACKING fails' }))).toEqual([{ topic: 'fracking', word: 'fracking' }]);
    expect(policyMatches(policy, item({ text: 'shale\ngas' }))).toEqual([{ topic: 'fracking', word: 'shale gas' }]);
    expect(policyMatches(policy, item({ text: 'Redundancies ahead' }))).toEqual([{ topic: 'redundanc*', word: 'redundanc*' }]);
  });

  test('does not match inside another word', () => {
    expect(policyMatches(policy, item({ text: 'Ofgemology and antifracking' }))).toEqual([]);
  });

  test('looks in tags, titles and per-network wording too', () => {
    expect(policyMatches(policy, item({ tags: ['fracking'] }))).toHaveLength(1);
    expect(policyMatches(policy, item({ overrides: { x: 'Ofgem again' } }))).toHaveLength(1);
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
    expect(() => parsePolicy('review:\n  - topic: x\n', 'content/policy.yaml')).toThrow(/^content\/policy\.yaml: review\.0: is a set of fields — use a word, or \{ topic: …, words: \[ … \] \}$/);
  });

  test('the fixture hub’s policy is valid and holds its note about a boycott', async () => {
    const policy = parsePolicy(await readFile(join(FIXTURE_HUB, 'policy.yaml'), 'utf8'));
    expect(heldBy(policy, item({ text: 'Someone announced a boycott of Tidewater this morning.' }))?.[0]?.topic).toMatch(/boycott/);
  });
});
