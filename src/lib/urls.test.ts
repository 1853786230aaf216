import { describe, expect, test } from 'vitest';
import { absolutizeHtml, absoluteUrl, kindIndexPath, piecePath, tagPath, tagSlug } from './urls.ts';

describe('piecePath', () => {
  test('returns the folder of each kind with a trailing slash', () => {
    expect(piecePath('essay', 'owning-the-wind')).toBe('/essays/owning-the-wind/');
    expect(piecePath('note', '2026-10-05-hall')).toBe('/notes/2026-10-05-hall/');
    expect(piecePath('theory', 'trust')).toBe('/theories/trust/');
    expect(kindIndexPath('theory')).toBe('/theories/');
  });

  test('percent-encodes slugs outside ASCII', () => {
    expect(piecePath('essay', 'энергия')).toBe('/essays/%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F/');
  });
});

describe('tagPath', () => {
  test('lower-cases and joins words with dashes', () => {
    expect(tagSlug('Community Energy')).toBe('community-energy');
    expect(tagPath('Community Energy')).toBe('/tags/community-energy/');
  });
});

describe('absolutizeHtml', () => {
  const site = 'https://ada.example';

  test('makes root-relative src and href absolute', () => {
    const html = '<a href="/essays/x/">x</a><img src="/_astro/a.webp" alt="">';
    expect(absolutizeHtml(html, site)).toBe('<a href="https://ada.example/essays/x/">x</a><img src="https://ada.example/_astro/a.webp" alt="">');
  });

  test('leaves absolute, protocol-relative and fragment links alone', () => {
    const html = '<a href="https://other.example/">o</a><a href="//cdn.example/x">c</a><a href="#top">t</a>';
    expect(absolutizeHtml(html, site)).toBe(html);
  });

  test('joins paths onto the site', () => {
    expect(absoluteUrl('/feed.json', site)).toBe('https://ada.example/feed.json');
  });
});
