import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ContentError } from '../lib/validation.ts';
import { markRefusedMarkup, unsafeMarkupGuard } from './unsafe-markup-guard.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'unsafe-markup-guard-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Renders a file's body as Astro does for Markdown: the body alone, with the file's URL. */
async function render(name: string, frontMatter: string, body: string): Promise<string> {
  const path = join(root, name);
  await writeFile(path, `${frontMatter}${body}`);
  // Sätteri returns a promise when a plugin is asynchronous; this one is not, but the type allows both.
  return (await markdownToHtml(body, { hastPlugins: [unsafeMarkupGuard(root)], fileURL: pathToFileURL(path) })).html;
}

const FRONT = '---\ntitle: T\n---\n\n';

describe('unsafeMarkupGuard', () => {
  test('renders safe Markdown unchanged', async () => {
    expect(await render('safe.md', FRONT, '[a](https://a.example/) <b>bold</b>\n')).toBe(
      '<p><a href="https://a.example/">a</a> <b>bold</b></p>\n',
    );
  });

  test('fails the render naming the file and its line when a body the loaders did not read has a javascript: link', async () => {
    const error = await render('unread.md', FRONT, 'First.\n\n[x](javascript:alert(1))\n').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toBe('unread.md:7: link: a javascript: URL — link to an http(s) address instead');
  });

  test('leaves the unsafe markup out of a file the loaders already refused', async () => {
    const path = join(root, 'refused.md');
    markRefusedMarkup(path, true);
    try {
      expect(await render('refused.md', FRONT, '[x](javascript:alert(1)) <img src=x onerror=alert(2)> text\n')).toBe('<p>  text</p>\n');
    } finally {
      markRefusedMarkup(path, false);
    }
  });
});
