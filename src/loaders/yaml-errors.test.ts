import { describe, expect, test } from 'vitest';
import { brokenYamlField } from './yaml-errors.ts';

describe('brokenYamlField', () => {
  test('returns the field with an unclosed quote, though the parser notices only at the end', () => {
    expect(brokenYamlField('title: "Unclosed\ndescription: Fine.\ndate: 2026-05-01\n', 4)).toBe('title');
  });

  test('returns the field whose value holds an unquoted colon', () => {
    expect(brokenYamlField('title: Why: a question\ndate: 2026-05-01\n')).toBe('title');
  });

  test('returns the field with an unclosed bracket', () => {
    expect(brokenYamlField('title: T\ntags: [a, b\ndate: 2026-05-01\n')).toBe('tags');
  });

  test('counts indented lines as part of the field above them', () => {
    expect(brokenYamlField('name: Ada\n  jobTitle: [oops\nlocation: Leeds\n')).toBe('name');
  });

  test('falls back to the field at the reported line when every field parses alone', () => {
    expect(brokenYamlField('title: T\ndate: 2026-05-01\ntitle: U\n', 3)).toBe('title');
    expect(brokenYamlField('title: T\ndate: 2026-05-01\n', 2)).toBe('date');
  });

  test('returns undefined when it cannot tell', () => {
    expect(brokenYamlField('title: T\n')).toBeUndefined();
  });
});
