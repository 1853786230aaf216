import { describe, expect, test } from 'vitest';
import { FEDIVERSE_SHARE_PAGE, shareLinks } from './share-links.ts';

const TITLE = 'Saying where you stand costs something & say it anyway? #1 + more';
const URL_ = 'https://example.org/essays/say-where-you-stand/';
const links = shareLinks({ title: TITLE, url: URL_ });
const href = (target: string): URL => new URL(links.find((link) => link.target === target)!.href);

describe('shareLinks', () => {
  test('offers Bluesky, Mastodon, LinkedIn, X and email, in that order', () => {
    expect(links.map((link) => link.label)).toEqual(['Bluesky', 'Mastodon', 'LinkedIn', 'X', 'Email']);
  });

  test('fills in each network’s compose address, the title and address escaped so they arrive whole', () => {
    expect(href('bluesky').origin + href('bluesky').pathname).toBe('https://bsky.app/intent/compose');
    expect(href('bluesky').searchParams.get('text')).toBe(`${TITLE} ${URL_}`);
    expect(href('mastodon').href.startsWith(FEDIVERSE_SHARE_PAGE)).toBe(true);
    expect(href('mastodon').searchParams.get('text')).toBe(`${TITLE} ${URL_}`);
    expect(href('linkedin').origin + href('linkedin').pathname).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect(href('linkedin').searchParams.get('url')).toBe(URL_);
    expect(href('x').origin + href('x').pathname).toBe('https://x.com/intent/post');
    expect(href('x').searchParams.get('text')).toBe(TITLE);
    expect(href('x').searchParams.get('url')).toBe(URL_);
  });

  test('writes spaces as %20, never +, which a mail client or network would show as a plus', () => {
    for (const link of links) expect(link.href).not.toMatch(/[\s+]/);
  });

  test('an email with the title as subject and the address in the body', () => {
    const email = links.find((link) => link.target === 'email')!.href;
    expect(email.startsWith('mailto:?subject=')).toBe(true);
    const fields = new URLSearchParams(email.slice('mailto:?'.length));
    expect(fields.get('subject')).toBe(TITLE);
    expect(fields.get('body')).toBe(`${TITLE}\r\n${URL_}`);
  });

  test('no links for an address that is not http(s)', () => {
    expect(shareLinks({ title: 'x', url: 'javascript:alert(1)' })).toEqual([]);
    expect(shareLinks({ title: 'x', url: '/essays/relative/' })).toEqual([]);
  });
});
