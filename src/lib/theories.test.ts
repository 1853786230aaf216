import { describe, expect, test } from 'vitest';
import {
  byRecentlyTended,
  latestRevision,
  revisionProblems,
  settleRevisions,
  stageExplained,
  stageLabel,
  THEORY_STAGES,
  theoryTimeline,
} from './theories.ts';

const d = (text: string) => new Date(text);
const revision = (date: string, change: string, stage?: 'hunch' | 'working-theory' | 'conviction' | 'retired') => ({
  date: d(date),
  change,
  why: `because of ${change}`,
  ...(stage ? { stage } : {}),
});

describe('stageLabel', () => {
  test('returns each stage as people read it', () => {
    expect(stageLabel('working-theory')).toBe('Working theory');
    expect(stageLabel('retired')).toBe('Retired');
  });
});

describe('latestRevision', () => {
  test('returns the revision with the latest date, whatever the order written', () => {
    expect(latestRevision([revision('2026-05-01', 'b'), revision('2026-03-01', 'a')])?.change).toBe('b');
  });

  test('returns the last written when two share the latest date', () => {
    expect(latestRevision([revision('2026-05-01', 'first'), revision('2026-05-01', 'second')])?.change).toBe('second');
  });

  test('returns undefined without revisions', () => {
    expect(latestRevision([])).toBeUndefined();
  });
});

describe('revisionProblems', () => {
  test('returns nothing for revisions on or after the date', () => {
    expect(revisionProblems({ date: d('2026-01-01'), revisions: [revision('2026-01-01', 'a'), revision('2026-02-01', 'b')] })).toEqual([]);
  });

  test('names the revision dated before the theory, with both dates', () => {
    const problems = revisionProblems({
      date: d('2026-03-01'),
      revisions: [revision('2026-04-01', 'ok'), revision('2026-02-01', 'early')],
    });
    expect(problems).toEqual([
      { path: ['revisions', 1, 'date'], message: "expected a date on or after the theory's date (2026-03-01), got 2026-02-01" },
    ]);
  });

  test('refuses an updated date before the theory’s date', () => {
    expect(revisionProblems({ date: d('2026-03-01'), updated: d('2026-02-01'), revisions: [] })[0]?.path).toEqual(['updated']);
  });

  test('refuses an updated date written out before the latest revision', () => {
    const [problem] = revisionProblems({ date: d('2026-01-01'), updated: d('2026-02-01'), revisions: [revision('2026-03-01', 'a')] });
    expect(problem?.path).toEqual(['updated']);
    expect(problem?.message).toMatch(/on or after the latest revision \(2026-03-01\)/);
  });
});

describe('settleRevisions', () => {
  test('sorts revisions oldest first, keeping the written order within a day', () => {
    const settled = settleRevisions({
      date: d('2026-01-01'),
      revisions: [revision('2026-06-01', 'c'), revision('2026-02-01', 'a'), revision('2026-06-01', 'd'), revision('2026-03-01', 'b')],
    });
    expect(settled.revisions.map((r) => r.change)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('takes the latest revision’s date as updated when none is written', () => {
    expect(settleRevisions({ date: d('2026-01-01'), revisions: [revision('2026-04-01', 'a')] }).updated).toEqual(d('2026-04-01'));
  });

  test('keeps an updated date written out', () => {
    const settled = settleRevisions({ date: d('2026-01-01'), updated: d('2026-05-01'), revisions: [revision('2026-04-01', 'a')] });
    expect(settled.updated).toEqual(d('2026-05-01'));
  });

  test('leaves updated out without revisions or a written date', () => {
    expect(settleRevisions({ date: d('2026-01-01'), revisions: [] }).updated).toBeUndefined();
  });
});

describe('theoryTimeline', () => {
  test('starts with the first publication, then each revision oldest first with its stage', () => {
    const steps = theoryTimeline({
      date: d('2026-01-01'),
      revisions: [revision('2026-05-01', 'Moved up', 'working-theory'), revision('2026-02-01', 'Narrowed it')],
    });
    expect(steps.map((step) => [step.date.toISOString().slice(0, 10), step.change, step.stage])).toEqual([
      ['2026-01-01', 'First published.', undefined],
      ['2026-02-01', 'Narrowed it', undefined],
      ['2026-05-01', 'Moved up', 'working-theory'],
    ]);
  });
});

describe('byRecentlyTended', () => {
  test('puts the most recently changed first, counting a revision like a publication', () => {
    const items = [
      { slug: 'new', date: d('2026-06-01') },
      { slug: 'revised', date: d('2026-01-01'), updated: d('2026-07-01') },
      { slug: 'old', date: d('2026-02-01') },
    ];
    expect(items.sort(byRecentlyTended).map((item) => item.slug)).toEqual(['revised', 'new', 'old']);
  });

  test('breaks ties by slug', () => {
    const items = [
      { slug: 'b', date: d('2026-01-01') },
      { slug: 'a', date: d('2026-01-01') },
    ];
    expect(items.sort(byRecentlyTended).map((item) => item.slug)).toEqual(['a', 'b']);
  });
});

describe('stageExplained', () => {
  test('says what every stage means after its label, for the line under a theory’s summary', () => {
    for (const stage of THEORY_STAGES) expect(stageExplained(stage)).toMatch(new RegExp(`^${stageLabel(stage)} — \\w.+[^.]$`));
    expect(stageExplained('hunch')).toBe('Hunch — an early idea, more question than answer');
  });
});
