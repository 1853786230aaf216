/**
 * The Markdown pipeline's own check (a Sätteri hast plugin, registered in astro.config.mjs for Markdown
 * and MDX alike): nothing in src/markdown/unsafe-markup.ts's list reaches a rendered page or feed, even
 * from a body the content loaders did not read first.
 *
 * The loaders read every body before Astro renders it and fail the build naming the file and the line
 * (src/loaders/content-glob.ts), then mark the file here. Astro still renders a refused Markdown file
 * while it loads the folder (and would log an error thrown from here without failing), so for a marked
 * file the guard quietly leaves the unsafe node out: the mistake has been reported once, in the
 * project's format. Anything else it finds fails the render, with the same line.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';
import { ContentError } from '../lib/validation.ts';
import { unsafeMarkupOfNode, type HastLike } from './unsafe-markup.ts';

/**
 * The files the loaders refused for unsafe markup (absolute paths). Shared through the global object:
 * the loaders and astro.config.mjs load this module in different module graphs.
 */
const REFUSED_KEY = Symbol.for('thought-leadership-hub.refused-markup');

function refused(): Set<string> {
  const global = globalThis as { [REFUSED_KEY]?: Set<string> };
  global[REFUSED_KEY] ??= new Set();
  return global[REFUSED_KEY];
}

/** Records whether the loaders refused `path` (absolute) for unsafe markup, as of their latest load. */
export function markRefusedMarkup(path: string, isRefused: boolean): void {
  if (isRefused) refused().add(path);
  else refused().delete(path);
}

/** The plugin; `root` is the project root, which problem lines name files relative to. */
export function unsafeMarkupGuard(root: string): HastPluginDefinition {
  const check = (node: HastLike, ctx: HastVisitorContext): void => {
    const found = unsafeMarkupOfNode(node);
    if (found.length === 0) return;
    const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined;
    if (path && refused().has(path)) {
      ctx.removeNode(node as Parameters<HastVisitorContext['removeNode']>[0]);
      return;
    }
    const offset = path ? linesBeforeBody(path, ctx.source) : 0;
    const file = path ? relative(root, path) : '(Markdown rendered without a file)';
    throw new ContentError(
      found.map((item) => ({
        file,
        line: item.line === undefined ? undefined : item.line + offset,
        field: item.field,
        problem: item.problem,
        fix: item.fix,
      })),
    );
  };
  const visit = (node: unknown, ctx: HastVisitorContext): void => check(node as HastLike, ctx);
  return {
    name: 'hub-unsafe-markup-guard',
    options: { position: true },
    // The elements Markdown syntax makes with an address; every other element comes from raw HTML or JSX.
    element: { filter: ['a', 'img'], visit },
    raw: visit,
    mdxJsxFlowElement: { filter: [], visit },
    mdxJsxTextElement: { filter: [], visit },
  };
}

/**
 * Astro hands Markdown its body without the front matter (MDX keeps the lines, blanked), so a line in
 * `source` is this many lines further down in the file.
 */
function linesBeforeBody(path: string, source: string): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 0;
  }
  const start = source.length > 0 ? text.lastIndexOf(source) : -1;
  return start > 0 ? text.slice(0, start).split('\n').length - 1 : 0;
}
