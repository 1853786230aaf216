import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { ComposeError } from '../post.ts';
import { composeNewsletter, GMAIL_CLIP_BYTES } from './compose.ts';
import { emailSafeBody } from './email-body.ts';
import { UNSUBSCRIBE_PLACEHOLDER } from './provider.ts';
import { COLUMN_WIDTH, renderEmail } from './render.ts';
import { newsletterItem, PIECE_URL } from './test-item.ts';

function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('emailSafeBody', () => {
  test('makes every link and image absolute against the piece', () => {
    const html = emailSafeBody('<p><a href="/about/">me</a> <a href="#fn-1">1</a></p><img src="pic.png" alt="x">', PIECE_URL, COLUMN_WIDTH);
    const document = documentOf(html);
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://morwennahale.example/about/',
      `${PIECE_URL}#fn-1`,
    ]);
    expect(document.querySelector('img')!.getAttribute('src')).toBe(`${PIECE_URL}pic.png`);
  });

  test('sizes images to the column, keeping their proportions', () => {
    const document = documentOf(
      emailSafeBody(
        '<img src="/a.png" width="1600" height="900" alt=""><img src="/b.png" width="300" height="200" alt="">',
        PIECE_URL,
        552,
      ),
    );
    const sizes = [...document.querySelectorAll('img')].map((img) => [img.getAttribute('width'), img.getAttribute('height')]);
    expect(sizes).toEqual([
      ['552', '311'],
      ['300', '200'],
    ]);
  });

  test('leaves out what no mail client runs, and turns embedded media into a link to the web version', () => {
    const html = emailSafeBody(
      '<p onclick="steal()">Hi<script>alert(1)</script></p><style>p{}</style><iframe src="https://video.example/x"></iframe><a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AAAA" alt=""><form><input></form>',
      PIECE_URL,
      552,
    );
    expect(html).not.toMatch(/<script|<style|<iframe|<form|<input|onclick|javascript:|data:image/i);
    expect(documentOf(html).querySelector(`a[href="${PIECE_URL}"]`)?.textContent).toMatch(/on the web/);
  });

  test('keeps the <img> of a <picture> and drops its responsive sources', () => {
    const html = emailSafeBody(
      '<picture><source srcset="/a.avif" type="image/avif"><img src="/a.jpg" srcset="/a2.jpg 2x" loading="lazy" alt="A"></picture>',
      PIECE_URL,
      552,
    );
    expect(html).not.toMatch(/<picture|<source|srcset|loading=/);
    expect(html).toContain('src="https://morwennahale.example/a.jpg"');
  });
});

describe('renderEmail', () => {
  test('escapes every piece of text it writes', async () => {
    const email = await renderEmail({
      title: 'Owning <script>alert(1)</script> & "more"',
      summary: '<img src=x onerror=alert(1)>',
      url: PIECE_URL,
      datePublished: '2026-11-30T09:00:00.000Z',
      html: '<p>Body</p>',
      author: { name: 'Ada <b>Lovelace</b>', avatar: 'https://morwennahale.example/p.jpg?a=1&b="2"' },
    });
    expect(email.html).not.toMatch(/<script|<img src=x|<b>Lovelace/);
    expect(email.html).toContain('Owning &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(email.html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(email.html).toContain('src="https://morwennahale.example/p.jpg?a=1&amp;b=&quot;2&quot;"');
  });

  test('is one self-contained document: inline styles, no script, no external stylesheet or font, dark-mode aware', async () => {
    const { html } = await renderEmail({ ...newsletterItem(), html: newsletterItem().html! });
    const document = documentOf(html);
    expect(document.querySelectorAll('script, link')).toHaveLength(0);
    expect(html).not.toMatch(/@import|fonts\.googleapis/);
    expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(document.documentElement.getAttribute('lang')).toBe('en-GB');
    // The piece's own elements carry their styles (most clients drop <style>).
    expect(document.querySelector('h2')!.getAttribute('style')).toMatch(/font-size/);
    expect(document.querySelector('figcaption')!.getAttribute('style')).toMatch(/color/);
  });

  test('signs with the person’s photo and name, links the web version, invites a reply, and offers to unsubscribe', async () => {
    const { html, text } = await renderEmail({ ...newsletterItem(), html: newsletterItem().html! });
    const document = documentOf(html);
    const avatar = document.querySelector('img[alt="Morwenna Hale"]')!;
    expect(avatar.getAttribute('src')).toBe('https://morwennahale.example/_astro/portrait.jpeg');
    expect([avatar.getAttribute('width'), avatar.getAttribute('height')]).toEqual(['64', '64']);
    expect(document.querySelectorAll(`a[href="${PIECE_URL}"]`).length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/Reply to this email/);
    expect(document.querySelector(`a[href="${UNSUBSCRIBE_PLACEHOLDER}"]`)).not.toBeNull();
    for (const image of document.querySelectorAll('img')) {
      expect(image.getAttribute('src')).toMatch(/^https:\/\//);
      expect(image.getAttribute('width')).toMatch(/^\d+$/);
    }
    expect(text).toMatch(/^Owning the wind\n\n30 November 2026\n\nThree villages in Cornwall/);
    expect(text.replace(/\s+/g, ' ')).toContain('The day it turned [https://morwennahale.example/notes/turbine-day/]');
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(text).toContain(`Read it on the web: ${PIECE_URL}`);
    expect(text).toMatch(/— Morwenna Hale\nReply to this email/);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  test('shows a photo only from an http(s) address', async () => {
    const { html } = await renderEmail({ ...newsletterItem(), html: '<p>Hi</p>', author: { name: 'Ada', avatar: 'javascript:alert(1)' } });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Ada');
  });

  test('without an author, it still invites a reply', async () => {
    const { html, text } = await renderEmail({ ...newsletterItem(), html: '<p>Hi</p>', author: undefined });
    expect(html).toMatch(/Reply to this email/);
    expect(text).toMatch(/Reply to this email/);
  });
});

describe('composeNewsletter', () => {
  test('carries the email, its plain text as the text, and the HTML’s size against Gmail’s clipping size', async () => {
    const post = await composeNewsletter(newsletterItem());
    expect(post.email).toMatchObject({ subject: 'Owning the wind', canonicalUrl: PIECE_URL, marker: 'essay/owning-the-wind' });
    expect(post.text).toBe(post.email.text);
    expect(post).toMatchObject({ unit: 'bytes', limit: GMAIL_CLIP_BYTES, length: Buffer.byteLength(post.email.html) });
  });

  test('refuses, in one line, a piece the feed gives without its body', async () => {
    const composing = composeNewsletter(newsletterItem({ html: undefined }));
    await expect(composing).rejects.toThrow(ComposeError);
    await expect(composing).rejects.toThrow(/^essay\/owning-the-wind: the feed has no content_html for it[^\n]*$/);
  });
});
