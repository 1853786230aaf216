import { describe, expect, test } from 'vitest';
import { decodeXEntities, htmlToPlainText, MAX_NAME_TEXT, MAX_REPLY_TEXT, plainName, plainText } from './reply-text.ts';

describe('htmlToPlainText', () => {
  test('returns a link as its text, paragraphs separated by a blank line and <br> as a line break', () => {
    const html =
      '<p>Hi <span class="h-card"><a href="https://example.social/@x" class="u-url mention">@<span>x</span></a></span></p><p>bye<br>for now</p>';
    expect(htmlToPlainText(html)).toBe('Hi @x\n\nbye\nfor now');
  });

  test('returns a shortened Mastodon link as the whole URL its spans hold', () => {
    const html =
      '<p>see <a href="https://example.com/a/long/path"><span class="invisible">https://</span><span class="ellipsis">example.com/a/lo</span><span class="invisible">ng/path</span></a></p>';
    expect(htmlToPlainText(html)).toBe('see https://example.com/a/long/path');
  });

  test('returns escaped markup as the literal text someone typed', () => {
    expect(htmlToPlainText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>')).toBe(
      '<script>alert(1)</script> & <img src=x onerror=alert(1)>',
    );
  });

  test('drops scripts, styles and images, and keeps only the text of a javascript: link', () => {
    expect(
      htmlToPlainText(
        '<p><script>alert(1)</script><style>p{color:red}</style>Hi<img src=x onerror=alert(1)> <a href="javascript:alert(1)">click me</a></p>',
      ),
    ).toBe('Hi click me');
  });

  test('reads unclosed tags the way a browser would', () => {
    expect(htmlToPlainText('<p><b>bold <i>never closed')).toBe('bold never closed');
  });

  test('keeps right-to-left text, emoji and combining sequences as they are', () => {
    const text = 'مرحبا بالعالم — שלום 👋🏽👩‍👩‍👧 é';
    expect(htmlToPlainText(`<p>${text}</p>`)).toBe(text);
  });

  test('does not shout headings or wrap long lines', () => {
    expect(htmlToPlainText(`<h2>A heading</h2><p>${'word '.repeat(40).trim()}</p>`)).toBe(`A heading\n\n${'word '.repeat(40).trim()}`);
  });
});

describe('plainText', () => {
  test('normalises line ends, removes control characters and trims', () => {
    expect(plainText('  a\r\nb\rc\u0000d\u0007e\u009b\n\n\n\nf \t\n')).toBe('a\nb\ncde\n\nf');
  });

  test('removes unpaired surrogates', () => {
    expect(plainText('a\ud800b')).toBe('a\ufffdb');
  });

  test('cuts text longer than the limit at a grapheme boundary, ending in an ellipsis', () => {
    const cut = plainText('x'.repeat(10_000));
    expect(cut).toHaveLength(MAX_REPLY_TEXT);
    expect(cut.endsWith('x…')).toBe(true);
    const emoji = plainText('👋🏽'.repeat(3000));
    expect(emoji.length).toBeLessThanOrEqual(MAX_REPLY_TEXT);
    expect(emoji.slice(0, -1)).toBe('👋🏽'.repeat((emoji.length - 1) / 4));
  });

  test('keeps text at the limit whole', () => {
    expect(plainText('y'.repeat(MAX_REPLY_TEXT))).toBe('y'.repeat(MAX_REPLY_TEXT));
  });
});

describe('plainName', () => {
  test('returns one line, bounded', () => {
    expect(plainName('Ada\nLovelace\t ')).toBe('Ada Lovelace');
    expect(plainName('n'.repeat(1000))).toHaveLength(MAX_NAME_TEXT);
  });
});

describe('decodeXEntities', () => {
  test('undoes X’s escaping of &, < and > once', () => {
    expect(decodeXEntities('&lt;b&gt; &amp; &amp;lt; &quot;')).toBe('<b> & &lt; &quot;');
  });
});
