/**
 * A Markdown or MDX body cannot put script on the site or in the feeds: `javascript:`, `vbscript:` and
 * `data:` links and images, inline event handlers and scripts fail the build naming the file and the
 * line (src/markdown/unsafe-markup.ts). A body that only talks about them — in code, or as text — builds,
 * and no page or feed of the built site carries anything that runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeBadInputs } from './helpers/bad-input.ts';
import { buildHub, listFiles, parseXml, plainOutput, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const FRONT = ['---', 'title: A valid title', 'description: A valid description.', 'date: 2026-11-01', '---', ''];

function essay(...body: string[]): string {
  return [...FRONT, ...body, ''].join('\n');
}

/** Every attribute in an HTML document or fragment that would run script. */
function liveMarkup(html: string): string[] {
  const { document } = parseHTML(html.trimStart().startsWith('<!') ? html : `<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('*')].flatMap((element) => [
    ...(element.localName === 'script' && !['application/ld+json', 'module'].includes(element.getAttribute('type') ?? '')
      ? ['<script>']
      : []),
    ...[...element.attributes]
      .filter(
        (attribute) => /^on/i.test(attribute.name) || /^\s*(javascript|vbscript|data):/i.test(attribute.value.replace(/[\t\n\r]/g, '')),
      )
      .map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
  ]);
}

describe('bodies that write about links and handlers without using them', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildHub({
      files: {
        'content/essays/talking-about-xss.md': essay(
          'A [safe link](https://a.example/), [mail](mailto:a@b.example), a [fragment](#notes) and <https://b.example/>.',
          '',
          'Never paste `<img src=x onerror=alert(1)>` or a `javascript:alert(1)` link; &lt;script&gt; written as text is text.',
          '',
          '```html',
          '<a href="javascript:alert(1)" onclick="alert(2)">code, not markup</a>',
          '```',
          '',
          '<figure><img src="https://a.example/x.png" alt="A picture"><figcaption>Raw HTML that is fine</figcaption></figure>',
        ),
        'content/essays/talking-about-xss-in-mdx.mdx': essay(
          'MDX with <abbr title="Cross-site scripting">XSS</abbr>, a [link](https://a.example/) and `onerror=` in code.',
          '',
          '<aside class="callout" aria-label="Note">An aside written as JSX.</aside>',
        ),
      },
      env: { HUB_NOW: SAMPLE_NOW },
    });
  });
  afterAll(async () => {
    await site?.cleanup();
  });

  test('build', () => {
    expect(site.exitCode, plainOutput(site.output)).toBe(0);
  });

  test('no page carries a handler, a script or a javascript:, vbscript: or data: address', async () => {
    const pages = (await listFiles(site.dist)).filter((path) => path.endsWith('.html'));
    expect(pages).toContain('/essays/talking-about-xss/index.html');
    expect(pages).toContain('/essays/talking-about-xss-in-mdx/index.html');
    for (const path of pages) expect(liveMarkup(await readFile(join(site.dist, path), 'utf8')), path).toEqual([]);
  });

  test('nor does any item of the RSS feed (content:encoded, description) or the JSON Feed (content_html)', async () => {
    const rss = parseXml(await readText(site.dist, '/rss.xml')).rss.channel;
    const feed = JSON.parse(await readText(site.dist, '/feed.json'));
    expect(rss.item.length).toBeGreaterThan(2);
    for (const item of rss.item) {
      expect(liveMarkup(String(item['content:encoded'])), item.link).toEqual([]);
      expect(liveMarkup(String(item.description)), item.link).toEqual([]);
    }
    for (const item of feed.items) expect(liveMarkup(item.content_html), item.url).toEqual([]);
  });

  test('the code sample and the text about markup reach the page and the feeds as text', async () => {
    const feed = JSON.parse(await readText(site.dist, '/feed.json'));
    const item = feed.items.find((entry: { url: string }) => entry.url.endsWith('/essays/talking-about-xss/'));
    const { document } = parseHTML(`<!doctype html><html><body>${item.content_html}</body></html>`);
    expect(document.querySelector('pre')?.textContent).toContain('<a href="javascript:alert(1)" onclick="alert(2)">');
    expect(document.body.textContent).toContain('<script> written as text is text.');
  });
});

const LINK_FIX = 'link to an http(s) address instead';

describeBadInputs([
  {
    name: 'a javascript: link in a Markdown essay',
    files: { 'content/essays/x.md': essay('First paragraph.', '', 'Then [click me](javascript:alert(1)).') },
    file: 'content/essays/x.md:9',
    field: 'link',
    expected: /javascript:/,
    line: `content/essays/x.md:9: link: a javascript: URL — ${LINK_FIX}`,
  },
  {
    name: 'an inline event handler in raw HTML spread over lines, in a note',
    files: {
      'content/notes/2026-11-02-pasted.md': [
        '---',
        'date: 2026-11-02',
        '---',
        '',
        'A pasted snippet:',
        '',
        '<img src="https://a.example/x.png"',
        '     alt="" onerror="alert(1)">',
        '',
      ].join('\n'),
    },
    file: 'content/notes/2026-11-02-pasted.md:8',
    field: '<img onerror>',
    expected: /: an inline event handler, which runs script in the reader’s browser — remove the onerror attribute$/,
  },
  {
    name: 'a data: image and a vbscript: link in a theory',
    files: {
      'content/theories/pasted.md': [
        '---',
        'title: T',
        'summary: S.',
        'date: 2026-11-01',
        'stage: hunch',
        'confidence: A hunch.',
        '---',
        '',
        '![chart](data:image/svg+xml;base64,PHN2Zz4=)',
        '',
        '[old](vbscript:msgbox(1))',
        '',
      ].join('\n'),
    },
    file: 'content/theories/pasted.md:9',
    field: 'image',
    expected: /: a data: URL — use an image file or an http\(s\) address instead$/,
  },
  {
    name: 'a javascript: link and an event handler on HTML in an MDX essay',
    files: {
      'content/essays/pasted.mdx': essay(
        'Some text.',
        '',
        '<a href="javascript:alert(1)">JSX link</a>',
        '',
        '<button onClick={() => alert(2)}>Press</button>',
      ),
    },
    file: 'content/essays/pasted.mdx:9',
    field: 'link',
    expected: new RegExp(`: a javascript: URL — ${LINK_FIX.replace(/[()]/g, '\\$&')}$`),
  },
]);
