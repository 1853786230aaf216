import { describe, expect, test } from 'vitest';
import { unsafeMarkupIn } from './unsafe-markup.ts';

/** Each finding as `line: field: problem — fix`. */
function found(source: string, format: 'markdown' | 'mdx' = 'markdown'): string[] {
  return unsafeMarkupIn(source, format).map((item) => `${item.line}: ${item.field}: ${item.problem} — ${item.fix}`);
}

const FRONT = '---\ntitle: T\ndate: 2026-11-01\n---\n\n';

describe('unsafeMarkupIn', () => {
  test('finds nothing in ordinary Markdown, code samples and safe links', () => {
    const body = [
      'A [link](https://a.example/), a [relative one](/essays/x/), [mail](mailto:a@b.example), [a note](#n) and <https://b.example>.',
      '',
      '![A picture](./picture.jpg)',
      '',
      '```html',
      '<a href="javascript:alert(1)" onclick="x()">code, not markup</a>',
      '```',
      '',
      'Inline `<img src=x onerror=alert(1)>` code, and &lt;img onerror&gt; written as text.',
      '',
      '<figure class="wide"><img src="https://a.example/x.png" alt="x"><figcaption>Raw HTML that is fine</figcaption></figure>',
    ].join('\n');
    expect(found(FRONT + body)).toEqual([]);
    // MDX has no autolinks (`<https://…>` is a JSX error there).
    const mdx = body
      .replace(' and <https://b.example>', '')
      .replace('alt="x">', 'alt="x" />')
      .replace('<figure', '<aside>Hi</aside>\n\n<figure');
    expect(found(FRONT + mdx, 'mdx')).toEqual([]);
  });

  test('names the line of a javascript:, vbscript: or data: link or image in Markdown, counted in the file', () => {
    expect(
      found(
        `${FRONT}First line.\n\n[click](javascript:alert(1)) and [v](VBScript:x)\n\n![i](data:image/svg+xml,abc)\n\n<javascript:alert(2)>\n`,
      ),
    ).toEqual([
      '8: link: a javascript: URL — link to an http(s) address instead',
      '8: link: a vbscript: URL — link to an http(s) address instead',
      '10: image: a data: URL — use an image file or an http(s) address instead',
      '12: link: a javascript: URL — link to an http(s) address instead',
    ]);
  });

  test('reads entities and hidden characters in addresses as the browser does', () => {
    expect(found(`${FRONT}[a](&#106;avascript:alert(1)) <a href="jav&#x09;ascript:alert(2)">b</a>\n`)).toEqual([
      '6: link: a javascript: URL — link to an http(s) address instead',
      '6: link: a javascript: URL — link to an http(s) address instead',
    ]);
  });

  test('finds inline event handlers, scripts and unsafe addresses in raw HTML, on the line they are written', () => {
    const body = [
      '<img src=x onerror=alert(1)>',
      '',
      '<div class="box"',
      '     onmouseover="alert(2)">hover</div>',
      '',
      '<script>alert(3)</script>',
      '',
      '<iframe src="data:text/html,x"></iframe>',
      '',
      '<form><button formaction="javascript:alert(4)">go</button></form>',
    ].join('\n');
    expect(found(FRONT + body)).toEqual([
      '6: <img onerror>: an inline event handler, which runs script in the reader’s browser — remove the onerror attribute',
      '9: <div onmouseover>: an inline event handler, which runs script in the reader’s browser — remove the onmouseover attribute',
      '11: <script>: a script, which would run in the reader’s browser and in feed readers — remove it (link to what it shows instead)',
      '13: <iframe src>: a data: URL — use an http(s) address instead',
      '15: <button formaction>: a javascript: URL — use an http(s) address instead',
    ]);
  });

  test('finds markup hidden where parsers disagree: inside <style> or <textarea>, in <body> and in an unclosed tag', () => {
    expect(found(`${FRONT}<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n`)).toEqual([
      '6: <img onerror>: an inline event handler, which runs script in the reader’s browser — remove the onerror attribute',
    ]);
    expect(found(`${FRONT}<body onload="alert(1)">\n`)).toEqual([
      '6: <body>: a <body> tag, whose attributes the browser adds to the page’s own — remove it',
    ]);
    expect(found(`${FRONT}<div\nonclick=alert(1)\n\nThe next paragraph.\n`)).toEqual([
      '6: HTML: a tag that is never closed with >, which takes in the markup after it — finish the tag with >',
    ]);
  });

  test('finds event handlers and unsafe addresses on HTML elements in MDX, and links written in Markdown there', () => {
    const body = [
      'Hi <a href="javascript:alert(1)">x</a> and [y](vbscript:x)',
      '',
      '<button onClick={() => alert(2)}>b</button>',
      '',
      '<img src={"data:image/png;base64,AA"} alt="" />',
      '',
      '<Chart href="javascript:ignored-component-prop" />',
    ].join('\n');
    expect(found(FRONT + body, 'mdx')).toEqual([
      '6: link: a javascript: URL — link to an http(s) address instead',
      '6: link: a vbscript: URL — link to an http(s) address instead',
      '8: <button onClick>: an inline event handler, which runs script in the reader’s browser — remove the onClick attribute',
      '10: image: a data: URL — use an image file or an http(s) address instead',
    ]);
  });
});
