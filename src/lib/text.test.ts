import { describe, expect, it, test } from 'vitest';
import { documentTitle, firstSentence, htmlToText, noteTitle, textToHtml, truncateWords, wordCount } from './text.ts';

describe('htmlToText', () => {
  test('drops tags, decodes entities and joins soft-wrapped lines', () => {
    expect(htmlToText('<p>Fish &amp; chips,\nplease &#8212; now&#x21;</p>')).toBe('Fish & chips, please — now!');
  });

  test('keeps paragraphs on separate lines', () => {
    expect(htmlToText('<p>One.</p>\n<p>Two.</p>')).toBe('One.\nTwo.');
  });
});

describe('textToHtml', () => {
  test('escapes every character HTML reads as markup, so the text comes back exactly', () => {
    expect(textToHtml('<img src=x onerror="alert(1)"> &amp; \'quoted\'')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;amp; &#39;quoted&#39;',
    );
    expect(htmlToText(textToHtml('a < b & c > d'))).toBe('a < b & c > d');
  });
});

describe('truncateWords', () => {
  test('returns short text unchanged', () => {
    expect(truncateWords('Short text.', 50)).toBe('Short text.');
  });

  test('cuts at a word boundary and adds an ellipsis within the limit', () => {
    const result = truncateWords('The quick brown fox jumps over the lazy dog', 20);
    expect(result).toBe('The quick brown fox…');
    expect(result.length).toBeLessThanOrEqual(20);
  });

  test('never splits a grapheme made of several code points', () => {
    const result = truncateWords('Families 👩‍👩‍👧 gather here every year', 12);
    expect(result).not.toMatch(/\u200d…/u);
    expect(result.endsWith('…')).toBe(true);
  });
});

describe('noteTitle', () => {
  test('uses the first sentence', () => {
    expect(firstSentence('First thought. Second thought.')).toBe('First thought.');
    expect(noteTitle('First thought. Second thought.')).toBe('First thought.');
  });

  test('shortens a long first sentence', () => {
    const title = noteTitle(`${'word '.repeat(40)}end.`, 30);
    expect(title.length).toBeLessThanOrEqual(30);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('wordCount', () => {
  test('counts words separated by any white space', () => {
    expect(wordCount(' one two\nthree\t four ')).toBe(4);
  });
});

describe('documentTitle', () => {
  it('adds the site name when it fits, and otherwise shortens the title alone at a word', () => {
    expect(documentTitle('Notes', 'Morwenna Hale')).toBe('Notes · Morwenna Hale');
    expect(documentTitle('Home page title')).toBe('Home page title');
    const long = 'Local trust, not technology, is now the binding constraint on clean energy in Britain';
    const title = documentTitle(long, 'Morwenna Hale');
    expect(title.length).toBeLessThanOrEqual(70);
    expect(title).toMatch(/^Local trust, not technology, is now the binding constraint on clean…$/);
  });
});
