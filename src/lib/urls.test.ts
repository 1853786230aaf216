import { describe, expect, test } from 'vitest';
import {
  absolutizeHtml,
  absoluteUrl,
  kindIndexPath,
  mailtoUrl,
  piecePath,
  pressItemPath,
  pressPath,
  searchPath,
  speakingPath,
  stancePath,
  stancesPath,
  tagPath,
  tagSlug,
  talkPath,
  talksCalendarPath,
  topicPath,
  webcalUrl,
} from './urls.ts';

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

  test('makes one safe path segment of any tag: no slashes, dots or percent signs survive', () => {
    expect(tagSlug('AI/ML')).toBe('ai-ml');
    expect(tagSlug('../x')).toBe('x');
    expect(tagSlug('%2e%2e%2f')).toBe('2e-2e-2f');
    expect(tagSlug('a\\b?c#d')).toBe('a-b-c-d');
    expect(tagSlug('  net   zero  ')).toBe('net-zero');
    expect(tagPath('AI/ML')).toBe('/tags/ai-ml/');
  });

  test('keeps letters and digits of every script', () => {
    expect(tagSlug('Énergie 2030')).toBe('énergie-2030');
    expect(tagPath('энергия')).toBe('/tags/%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F/');
  });

  test('is empty for a tag with no letters or digits', () => {
    expect(tagSlug('!!!')).toBe('');
  });
});

describe('absolutizeHtml', () => {
  const site = 'https://ada.example';

  test('makes root-relative src and href absolute', () => {
    const html = '<a href="/essays/x/">x</a><img src="/_astro/a.webp" alt="">';
    expect(absolutizeHtml(html, site)).toBe(
      '<a href="https://ada.example/essays/x/">x</a><img src="https://ada.example/_astro/a.webp" alt="">',
    );
  });

  test('leaves absolute, protocol-relative and fragment links alone', () => {
    const html = '<a href="https://other.example/">o</a><a href="//cdn.example/x">c</a><a href="#top">t</a>';
    expect(absolutizeHtml(html, site)).toBe(html);
  });

  test('joins paths onto the site', () => {
    expect(absoluteUrl('/feed.json', site)).toBe('https://ada.example/feed.json');
  });
});

describe('speaking and press paths', () => {
  test('give one address per kind', () => {
    expect(speakingPath()).toBe('/speaking/');
    expect(talkPath('being-bold-for-change')).toBe('/speaking/being-bold-for-change/');
    expect(topicPath('local-ownership')).toBe('/speaking/#topic-local-ownership');
    expect(pressPath()).toBe('/press/');
    expect(pressItemPath('op-ed')).toBe('/press/#op-ed');
    expect(talksCalendarPath()).toBe('/talks.ics');
    expect(webcalUrl('https://ada.example/talks.ics')).toBe('webcal://ada.example/talks.ics');
  });

  test('mailtoUrl percent-encodes the subject and body, with CRLF line breaks', () => {
    expect(mailtoUrl('a@b.example', { subject: 'Speaking enquiry: IWD & more', body: 'Hello,\nEvent: ' })).toBe(
      'mailto:a@b.example?subject=Speaking%20enquiry%3A%20IWD%20%26%20more&body=Hello%2C%0D%0AEvent%3A%20',
    );
    expect(mailtoUrl('a@b.example')).toBe('mailto:a@b.example');
  });
});

describe('stancesPath and stancePath', () => {
  test('returns the stances page and an anchor on it per stance', () => {
    expect(stancesPath()).toBe('/stances/');
    expect(stancePath('against-fracking')).toBe('/stances/#against-fracking');
  });
});

describe('searchPath', () => {
  test('returns the search page, with the query encoded when given', () => {
    expect(searchPath()).toBe('/search/');
    expect(searchPath('trust & consent')).toBe('/search/?q=trust+%26+consent');
  });
});
