import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { describe, expect, test } from 'vitest';
import { pressSchema } from './press.ts';

const schema = pressSchema({ image: () => z.string() } as unknown as SchemaContext);
const valid = { outlet: 'The Ledger', headline: 'H', url: 'https://ledger.example/h', date: '2026-10-09', quote: 'Say it.', kind: 'op-ed' };
const issues = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('pressSchema', () => {
  test('accepts a quote with its outlet, headline, URL, date and kind', () => {
    expect(schema.parse(valid).date.toISOString()).toBe('2026-10-09T00:00:00.000Z');
  });

  test('refuses a quote without a URL or without a date, naming the field', () => {
    const { url: _url, ...noUrl } = valid;
    const { date: _date, ...noDate } = valid;
    expect(issues(noUrl)).toEqual(['url: expected an absolute http(s) URL']);
    expect(issues(noDate)).toEqual(['date: expected the date the piece was published, like 2026-11-25']);
    expect(issues({ ...valid, date: '2026-02-30' })[0]).toBe(
      'date: is "2026-02-30", which is not a day on the calendar — use a real date like 2026-11-25 or 2026-11-25T09:30:00+01:00',
    );
  });

  test('refuses an unknown kind with the list of choices', () => {
    expect(issues({ ...valid, kind: 'blog' })).toEqual(['kind: expected one of quoted, interview, op-ed, podcast']);
  });
});
