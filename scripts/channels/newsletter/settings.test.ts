import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import newsletter from './index.ts';
import { composeNewsletter } from './compose.ts';
import { BUTTONDOWN_API } from './buttondown.ts';
import { digestKinds, digestTimeZone, newsletterConfig, newsletterKinds } from './settings.ts';
import { newsletterItem } from './test-item.ts';

describe('newsletterConfig', () => {
  test('needs BUTTONDOWN_API_KEY, and says so when it is missing', () => {
    expect(newsletterConfig({})).toEqual({ missing: ['BUTTONDOWN_API_KEY'] });
    expect(newsletterConfig({ BUTTONDOWN_API_KEY: 'k' })).toEqual({ apiKey: 'k', baseUrl: BUTTONDOWN_API, kinds: ['essay'] });
    expect(newsletterConfig({ BUTTONDOWN_API_KEY: 'k', BUTTONDOWN_API_URL: 'http://127.0.0.1:9/v1' })).toMatchObject({
      baseUrl: 'http://127.0.0.1:9/v1',
    });
  });
});

describe('newsletterKinds', () => {
  test('emails essays unless NEWSLETTER_KINDS names others', () => {
    expect(newsletterKinds({})).toEqual(['essay']);
    expect(newsletterKinds({ NEWSLETTER_KINDS: 'essay, theory note,essay' })).toEqual(['essay', 'theory', 'note']);
  });

  test('refuses an unknown kind in one line', () => {
    expect(() => newsletterKinds({ NEWSLETTER_KINDS: 'essay,stance' })).toThrow(
      /^NEWSLETTER_KINDS: stance is not a kind of piece; use essay, note, theory \(comma-separated\)$/,
    );
  });

  test('is what the declaration’s `accepts` answers', () => {
    expect(newsletter.accepts(newsletterItem({ kind: 'note' }), {})).toBe(false);
    expect(newsletter.accepts(newsletterItem({ kind: 'note' }), { NEWSLETTER_KINDS: 'essay,note' })).toBe(true);
  });
});

describe('the declaration', () => {
  test('names the channel and its secret', () => {
    expect(newsletter).toMatchObject({
      name: 'newsletter',
      secretEnv: ['BUTTONDOWN_API_KEY'],
      uploadsThumbnail: false,
    });
    expect(newsletter.adapter({}, { fetch: globalThis.fetch, timeoutMs: 1000, now: Date.now })).toEqual({
      missing: ['BUTTONDOWN_API_KEY'],
    });
  });
});

describe('the declaration’s preview', () => {
  test('writes the email as an HTML file to open and a text file to read', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'newsletter-preview-'));
    try {
      const [htmlFile, textFile] = await newsletter.preview!(await composeNewsletter(newsletterItem()), join(cwd, 'newsletter'));
      expect([htmlFile, textFile]).toEqual([
        join(cwd, 'newsletter/essay-owning-the-wind.html'),
        join(cwd, 'newsletter/essay-owning-the-wind.txt'),
      ]);
      const html = await readFile(htmlFile!, 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('href="#unsubscribe"');
      expect(html).not.toContain('urn:hub:unsubscribe');
      expect(await readFile(textFile!, 'utf8')).toMatch(/^Subject: Owning the wind\n\nOwning the wind\n/);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('the digest’s settings', () => {
  test('no digest unless NEWSLETTER_DIGEST_KINDS names kinds; essays leave the single emails when only the digest names them', () => {
    expect(digestKinds({})).toEqual([]);
    expect(digestKinds({ NEWSLETTER_DIGEST_KINDS: 'note, theory' })).toEqual(['note', 'theory']);
    expect(newsletterKinds({ NEWSLETTER_DIGEST_KINDS: 'note,theory' })).toEqual(['essay']);
    expect(newsletterKinds({ NEWSLETTER_DIGEST_KINDS: 'essay,note' })).toEqual([]);
  });

  test('a kind cannot go out both alone and in the digest: one line, whichever list is asked', () => {
    const env = { NEWSLETTER_KINDS: 'essay,note', NEWSLETTER_DIGEST_KINDS: 'note,theory' };
    const line =
      /^NEWSLETTER_KINDS and NEWSLETTER_DIGEST_KINDS both name note: a kind goes out alone or in the weekly digest, not both; remove it from one$/;
    expect(() => newsletterKinds(env)).toThrow(line);
    expect(() => digestKinds(env)).toThrow(line);
    expect(() => newsletterConfig({ BUTTONDOWN_API_KEY: 'k', ...env })).toThrow(line);
  });

  test('refuses an unknown kind in the digest in one line', () => {
    expect(() => digestKinds({ NEWSLETTER_DIGEST_KINDS: 'notes' })).toThrow(
      /^NEWSLETTER_DIGEST_KINDS: notes is not a kind of piece; use essay, note, theory \(comma-separated\)$/,
    );
  });

  test('weeks in UTC unless NEWSLETTER_DIGEST_TIME_ZONE names an IANA zone', () => {
    expect(digestTimeZone({})).toBe('UTC');
    expect(digestTimeZone({ NEWSLETTER_DIGEST_TIME_ZONE: 'europe/london' })).toBe('Europe/London');
    expect(() => digestTimeZone({ NEWSLETTER_DIGEST_TIME_ZONE: '+01:00' })).toThrow(
      /^NEWSLETTER_DIGEST_TIME_ZONE: "\+01:00" is not a time zone; use an IANA name like Europe\/London$/,
    );
  });
});
