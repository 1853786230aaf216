/** The press watch's pure rules: which addresses are one article, what counts as naming her, which words are her quote, which charset a page is in. */
import { describe, expect, test } from 'vitest';
import { pickQuote } from './article.ts';
import { decodeBody } from './decode.ts';
import { mentionMatcher } from './names.ts';
import { articleKey, unwrapRedirect } from './urls.ts';

describe('addresses', () => {
  test('an alerts redirect is unwrapped; other links are left alone', () => {
    expect(unwrapRedirect('https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fnews.example%2Fa%3Fid%3D1&ct=ga')).toBe(
      'https://news.example/a?id=1',
    );
    expect(unwrapRedirect('https://www.google.co.uk/url?q=https://news.example/b')).toBe('https://news.example/b');
    expect(unwrapRedirect('https://www.google.com/url?url=javascript:alert(1)')).toBe('https://www.google.com/url?url=javascript:alert(1)');
    expect(unwrapRedirect('https://news.example/url?url=https://elsewhere.example/')).toBe(
      'https://news.example/url?url=https://elsewhere.example/',
    );
  });

  test('one article, whatever tracking, case of host, fragment, trailing slash or scheme', () => {
    const key = articleKey('https://News.Example/2026/turbine');
    for (const address of [
      'http://news.example/2026/turbine/',
      'https://news.example:443/2026/turbine?utm_source=rss&utm_medium=feed',
      'https://news.example/2026/turbine?fbclid=x&gclid=y#comments',
    ])
      expect(articleKey(address)).toBe(key);
    expect(articleKey('https://news.example/2026/turbine?page=2')).not.toBe(key);
  });
});

describe('naming her', () => {
  const names = mentionMatcher(['Morwenna Hale', 'Wenna Hale']);
  test('whole words, any case, any accents, any spacing', () => {
    expect(names('said MORWENNA HALE yesterday')).toBe(true);
    expect(names('Morwénna\nHale, chief executive')).toBe(true);
    expect(names('(Wenna Hale)')).toBe(true);
    expect(names('Morwenna Halewood opened the fete')).toBe(false);
    expect(names('Morwenna spoke; Hale nodded')).toBe(false);
  });
});

describe('the quote', () => {
  const names = mentionMatcher(['Morwenna Hale']);
  test('the quoted words in the paragraph naming her, across sentences', () => {
    expect(pickQuote(['Intro.', 'Morwenna Hale said: “One sentence. And another,” she added.'], names)?.quote).toBe(
      'One sentence. And another.',
    );
  });
  test('quoted words beside a paragraph naming her, then the sentence naming her', () => {
    expect(pickQuote(['Morwenna Hale runs the co-op.', '“Members forgive you for a bad winter,” she said.'], names)?.quote).toBe(
      'Members forgive you for a bad winter.',
    );
    expect(pickQuote(['Nothing. Morwenna Hale was there. Then rain.'], names)?.quote).toBe('Morwenna Hale was there.');
    expect(pickQuote(['Nobody we know.'], names)).toBeUndefined();
  });
});

describe('charsets', () => {
  test('from the Content-Type header, else the page, else UTF-8', () => {
    expect(decodeBody('text/html; charset=windows-1252', new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]))).toBe('“Café”');
    expect(decodeBody('text/html', Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), new Uint8Array([0xe9])]))).toContain('é');
    expect(decodeBody(undefined, Buffer.from('<meta charset="no-such-charset">é'))).toContain('é');
  });
});
