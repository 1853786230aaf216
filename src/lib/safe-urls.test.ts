import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { httpUrlField, safeHttpUrl, unsafeScheme } from './safe-urls.ts';

describe('safeHttpUrl', () => {
  test('returns an absolute http(s) URL as the browser would read it', () => {
    expect(safeHttpUrl('https://bsky.app/profile/a')).toBe('https://bsky.app/profile/a');
    expect(safeHttpUrl('HTTP://Example.COM/x')).toBe('http://example.com/x');
  });

  test('returns undefined for every other scheme, however it is spelt', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'mailto:a@b.example',
      '',
      undefined,
    ]) {
      expect(safeHttpUrl(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('httpUrlField', () => {
  const schema = z.object({ url: httpUrlField('the address of the reply') });
  test('accepts http(s) and refuses other schemes with what to write instead', () => {
    expect(schema.safeParse({ url: 'https://mastodon.example/@a/1' }).success).toBe(true);
    expect(schema.safeParse({ url: 'javascript:alert(1)' }).error?.issues.map((issue) => issue.message)).toEqual([
      'expected the address of the reply, an absolute http(s) URL',
    ]);
    expect(schema.safeParse({ url: '' }).success).toBe(false);
  });
});

describe('unsafeScheme', () => {
  test('allows web, mail and phone addresses, relative ones and fragments', () => {
    for (const safe of [
      'https://a.example/',
      'http://a.example',
      'mailto:a@b.example',
      'tel:+441234',
      '/essays/x/',
      '../x',
      '#notes',
      '?q=1',
      '//cdn.example/x.png',
    ]) {
      expect(unsafeScheme(safe), safe).toBeUndefined();
    }
  });

  test('names every other scheme, however it is spelt', () => {
    expect(unsafeScheme('javascript:alert(1)')).toBe('javascript:');
    expect(unsafeScheme(' JaVa\tScRiPt:alert(1)')).toBe('javascript:');
    expect(unsafeScheme('\u0001javascript:alert(1)')).toBe('javascript:');
    expect(unsafeScheme('vbscript:msgbox(1)')).toBe('vbscript:');
    expect(unsafeScheme('data:text/html,<script>alert(1)</script>')).toBe('data:');
  });
});
