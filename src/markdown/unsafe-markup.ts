/**
 * Markup in a Markdown or MDX body that would run script in a reader's browser or in a feed reader:
 * `javascript:`, `vbscript:` and `data:` links and images, inline event handlers (`onerror=`), scripts
 * and the few tags that change the page around them. The author is trusted, but a pasted snippet is
 * not, and GitHub Pages sends no Content-Security-Policy to stop it; the feeds carry the body too.
 *
 * Such markup is refused, never silently removed: src/loaders/content-glob.ts fails the build naming
 * the file and the line (`content/essays/x.md:12: link: a javascript: URL — link to an http(s) address
 * instead`), and src/markdown/unsafe-markup-guard.ts stops any that reaches Astro's Markdown pipeline.
 *
 * Bodies are read with Sätteri, the engine Astro renders them with, so Markdown links, autolinks and
 * raw HTML are seen as they will be rendered. Raw HTML is parsed as the browser would, and then searched
 * where parsers disagree: text inside `<style>` or `<textarea>` (which foreign content such as
 * `<math>` turns back into markup), `<body>` tags (whose attributes a browser adds to the page's own)
 * and tags left open, which take in the markup that follows them.
 */
import { htmlToHast, markdownToHast, mdxToHast } from 'satteri';
import { unsafeScheme } from '../lib/safe-urls.ts';

/** One thing to take out, as a problem line says it (`field: problem — fix`), and the file line it is on. */
export interface UnsafeMarkup {
  line: number | undefined;
  field: string;
  problem: string;
  fix: string;
}

/** The hast shapes read here (Sätteri's trees and the nodes its plugins see). */
export interface HastLike {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  children?: readonly HastLike[];
  content?: HastLike;
  position?: { start: { line: number } } | undefined;
}

/** Attributes that hold an address the browser follows or loads (lower case, hast names included). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlinkhref',
  'xlink:href',
  'data',
  'poster',
  'cite',
  'background',
  'ping',
  'longdesc',
  'codebase',
  'manifest',
  'icon',
]);
/** Elements whose text browsers may read as markup after all (foreign content, mutation): searched again. */
const TEXT_ELEMENTS = new Set(['style', 'textarea', 'title', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe', 'plaintext']);
/** SVG animation elements that can set an `href` to an address given in `values`, `to` or `from`. */
const ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);

const REFUSED_ELEMENTS: Record<string, { problem: string; fix: string }> = {
  script: {
    problem: 'a script, which would run in the reader’s browser and in feed readers',
    fix: 'remove it (link to what it shows instead)',
  },
  base: { problem: 'a <base> tag, which changes where every link on the page goes', fix: 'remove it' },
  meta: { problem: 'a <meta> tag in the body, which can send the reader to another address', fix: 'remove it' },
};

/** Every unsafe thing in a Markdown (`markdown`) or MDX (`mdx`) file, front matter included, by line. */
export function unsafeMarkupIn(source: string, format: 'markdown' | 'mdx'): UnsafeMarkup[] {
  const tree = (format === 'mdx' ? mdxToHast(source) : markdownToHast(source)) as HastLike;
  const found: UnsafeMarkup[] = [];
  const visit = (node: HastLike): void => {
    found.push(...unsafeMarkupOfNode(node));
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.line ?? 0) - (b.item.line ?? 0) || a.order - b.order)
    .map(({ item }) => item);
}

/** What one node itself carries (not its children): an element, raw HTML, or an MDX JSX element. */
export function unsafeMarkupOfNode(node: HastLike): UnsafeMarkup[] {
  const line = node.position?.start.line;
  if (node.type === 'element' && node.tagName) return elementFindings(node.tagName, node.properties ?? {}, line);
  if (node.type === 'raw' && typeof node.value === 'string') return rawHtmlFindings(node.value, line);
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name)
    return jsxFindings(node.name, node.attributes ?? [], line);
  return [];
}

/** An attribute's name as written in HTML, from a hast property name (`onMouseOver` → `onmouseover`). */
function attributeName(property: string): string {
  return property.startsWith('xLink') ? `xlink:${property.slice(5).toLowerCase()}` : property.toLowerCase();
}

function isEventHandler(name: string): boolean {
  return name.length > 2 && /^on/i.test(name);
}

function elementFindings(
  tagName: string,
  properties: Record<string, unknown>,
  line: number | undefined,
  shown = attributeName,
): UnsafeMarkup[] {
  const tag = tagName.toLowerCase();
  const refused = REFUSED_ELEMENTS[tag];
  if (refused) return [{ line, field: `<${tag}>`, ...refused }];
  const found: UnsafeMarkup[] = [];
  const animatesHref = ANIMATIONS.has(tag) && /href$/i.test(String(properties['attributeName'] ?? properties['attributename'] ?? ''));
  for (const [property, value] of Object.entries(properties)) {
    const name = shown(property);
    const lower = name.toLowerCase();
    if (isEventHandler(lower)) {
      found.push({
        line,
        field: `<${tag} ${name}>`,
        problem: 'an inline event handler, which runs script in the reader’s browser',
        fix: `remove the ${name} attribute`,
      });
    } else if (lower === 'srcdoc') {
      found.push({
        line,
        field: `<${tag} ${name}>`,
        problem: 'a page written into the attribute, out of sight of these checks',
        fix: 'remove the srcdoc attribute and point src at an http(s) address',
      });
    } else if (typeof value === 'string' && (URL_ATTRIBUTES.has(lower) || (animatesHref && ['values', 'to', 'from'].includes(lower)))) {
      const scheme = value
        .split(';')
        .map((part) => unsafeScheme(part))
        .find(Boolean);
      if (scheme) found.push({ line, ...urlProblem(tag, name, scheme) });
    }
  }
  return found;
}

function urlProblem(tag: string, attribute: string, scheme: string): Omit<UnsafeMarkup, 'line'> {
  const problem = `a ${scheme} URL`;
  if ((tag === 'a' || tag === 'area') && attribute.toLowerCase() === 'href')
    return { field: 'link', problem, fix: 'link to an http(s) address instead' };
  if (tag === 'img' && attribute.toLowerCase() === 'src')
    return { field: 'image', problem, fix: 'use an image file or an http(s) address instead' };
  return { field: `<${tag} ${attribute}>`, problem, fix: 'use an http(s) address instead' };
}

/** Raw HTML written in a Markdown body, which Astro copies into the page as it is. */
function rawHtmlFindings(html: string, line: number | undefined): UnsafeMarkup[] {
  const at = (index: number): number | undefined =>
    line === undefined || index < 0 ? line : line + html.slice(0, index).split('\n').length - 1;
  const found: UnsafeMarkup[] = [];
  // Tags a fragment parser drops but a browser merges into the page's own <html>, <head> or <body>.
  for (const match of html.matchAll(/<(body|head|html)(?=[\s/>])/gi)) {
    const tag = match[1]!.toLowerCase();
    found.push({
      line: at(match.index),
      field: `<${tag}>`,
      problem: `a <${tag}> tag, whose attributes the browser adds to the page’s own`,
      fix: 'remove it',
    });
  }
  const walk = (node: HastLike): void => {
    if (node.type === 'element' && node.tagName) {
      for (const item of elementFindings(node.tagName, node.properties ?? {}, undefined))
        found.push({ ...item, line: at(locate(html, node.tagName, item.field)) });
      if (TEXT_ELEMENTS.has(node.tagName.toLowerCase())) {
        const text = (node.children ?? []).map((child) => (child.type === 'text' ? String(child.value) : '')).join('');
        if (/<[a-z!/?]/i.test(text))
          for (const item of rawHtmlFindings(text, undefined)) found.push({ ...item, line: at(html.indexOf(text)) });
      }
    }
    for (const child of node.children ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(htmlToHast(html, { fragment: true }) as HastLike);
  // A tag still open at the end: in the page it swallows what follows (a paragraph's `<p` becomes an attribute).
  const tail = html.slice(html.lastIndexOf('>') + 1);
  const open = /<[a-z]/i.exec(tail);
  if (open) {
    found.push({
      line: at(html.length - tail.length + open.index),
      field: 'HTML',
      problem: 'a tag that is never closed with >, which takes in the markup after it',
      fix: 'finish the tag with >',
    });
  }
  return found;
}

/** Where in raw HTML a finding is written: its attribute (`<img onerror>` → `onerror=`) or its tag. */
function locate(html: string, tagName: string, field: string): number {
  const attribute = / ([^\s>]+)>$/.exec(field)?.[1];
  const pattern = attribute
    ? new RegExp(`[\\s"'/]${attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`, 'i')
    : new RegExp(`<${tagName}(?=[\\s/>])`, 'i');
  return html.search(pattern);
}

/**
 * A JSX element in MDX. Only HTML elements (lower-case names) are checked: a component's props are its
 * own business. An attribute written as an expression is code, checked only when it is a plain string.
 */
function jsxFindings(
  name: string,
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>,
  line: number | undefined,
): UnsafeMarkup[] {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return [];
  const properties: Record<string, unknown> = {};
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    properties[attribute.name] = typeof attribute.value === 'string' ? attribute.value : stringLiteral(attribute.value);
  }
  return elementFindings(name, properties, line, (property) => property);
}

/** The string an attribute expression such as `{"data:…"}` or `{'…'}` stands for; true for any other code. */
function stringLiteral(value: unknown): string | true {
  const code = typeof value === 'object' && value !== null ? String((value as { value?: unknown }).value ?? '') : '';
  const literal = /^\s*(["'`])((?:(?!\1)[^\\$]|\\.)*)\1\s*$/.exec(code);
  return literal ? literal[2]! : true;
}
