import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import type { CitingSchemaContext } from './cites.ts';
import { theorySchema } from './theory.ts';

const context = {
  image: () => z.string(),
  reference: (collection: string) => z.string().transform((id) => ({ id, collection })),
} as unknown as CitingSchemaContext;
const schema = theorySchema(context);
const valid = { title: 'An idea', summary: 'In a sentence.', date: '2026-05-01', stage: 'hunch', confidence: 'Not very.' };
const revision = (date: string, change: string) => ({ date, change, why: 'Because.' });
const issues = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('theorySchema', () => {
  test('defaults the new fields: no open questions, no revisions, no citations, no updated date', () => {
    const theory = schema.parse(valid);
    expect(theory).toMatchObject({ openQuestions: [], revisions: [], cites: { theories: [], essays: [], notes: [] } });
    expect(theory.updated).toBeUndefined();
    expect(theory.changeMyMind).toBeUndefined();
  });

  test('takes the latest revision’s date as updated and sorts the log oldest first', () => {
    const theory = schema.parse({
      ...valid,
      revisions: [revision('2026-08-01', 'later'), { ...revision('2026-06-01', 'earlier'), stage: 'working-theory' }],
    });
    expect(theory.updated?.toISOString().slice(0, 10)).toBe('2026-08-01');
    expect(theory.revisions.map((r) => [r.change, r.stage])).toEqual([
      ['earlier', 'working-theory'],
      ['later', undefined],
    ]);
  });

  test('turns cites into references to their collections', () => {
    expect(schema.parse({ ...valid, cites: { essays: ['owning-the-wind'] } }).cites.essays).toEqual([
      { id: 'owning-the-wind', collection: 'essays' },
    ]);
  });

  test('names the field of a revision that is incomplete, misdated or moves to an unknown stage', () => {
    expect(issues({ ...valid, revisions: [{ date: '2026-06-01', change: 'C.' }] })).toEqual([
      'revisions.0.why: is missing — add why it changed',
    ]);
    expect(issues({ ...valid, revisions: [revision('2026-04-01', 'C.')] })).toEqual([
      "revisions.0.date: expected a date on or after the theory's date (2026-05-01), got 2026-04-01",
    ]);
    expect(issues({ ...valid, revisions: [{ ...revision('2026-06-01', 'C.'), stage: 'sure' }] })[0]).toMatch(
      /^revisions\.0\.stage: expected one of hunch/,
    );
  });

  test('refuses an updated date older than the latest revision, and open questions that are not a list', () => {
    expect(issues({ ...valid, updated: '2026-06-01', revisions: [revision('2026-07-01', 'C.')] })[0]).toMatch(
      /^updated: expected `updated` on or after the latest revision/,
    );
    expect(issues({ ...valid, openQuestions: 'Why?' })).toEqual([
      'openQuestions: expected a list of open questions, one per line starting with -',
    ]);
  });
});
