/**
 * `content/site.yaml` in `astro dev`: with a mistake in it the server still starts and every page is the
 * error page naming the file, the field and the fix; once it is fixed the site comes back, and a later
 * change to the settings (here the language) shows without restarting the server. The settings are
 * read once per build (src/integrations/site-context.ts), so this is what keeps them live in dev.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDevServer, waitFor, type DevServer } from '../helpers/dev-server.ts';
import { FIXTURE_MINIMAL, makeSite } from '../helpers/site.ts';

const ESSAY_PATH = '/essays/mend-it/';

let site: Awaited<ReturnType<typeof makeSite>>;
let server: DevServer;
let file: string;
let original: string;

/** The essay as a browser asks for it. */
async function essay(): Promise<{ status: number; html: string }> {
  const response = await fetch(`${server.origin}${ESSAY_PATH}`, { headers: { accept: 'text/html' } });
  return { status: response.status, html: await response.text() };
}

const publishedDate = (html: string): string | undefined => /<time class="dt-published"[^>]*>\s*([^<]*?)\s*</.exec(html)?.[1];

beforeAll(async () => {
  site = await makeSite({ content: FIXTURE_MINIMAL });
  file = join(site.root, 'content/site.yaml');
  original = await readFile(file, 'utf8');
  await writeFile(file, 'url: not a url\n');
  server = await startDevServer(site.root);
});

afterAll(async () => {
  await server?.stop();
  await site?.cleanup();
});

test('starts with a mistake in site.yaml and shows it as the error page', async () => {
  const { status, html } = await essay();
  expect(status).toBe(500);
  expect(html).toContain('<code>content/site.yaml</code>: <strong>url</strong>: is &quot;not a url&quot;');
});

test('fixing the file brings the site back', async () => {
  await writeFile(file, original);
  const page = await waitFor('the essay', async () => {
    const answer = await essay();
    return answer.status === 200 ? answer : undefined;
  });
  expect(page.html).toContain('<html lang="en-GB"');
  expect(publishedDate(page.html)).toBe('12 October 2026');
});

test('a changed language shows without restarting the server', async () => {
  await writeFile(file, `${original}language: en-US\n`);
  const page = await waitFor('the essay in en-US', async () => {
    const answer = await essay();
    return answer.html.includes('<html lang="en-US"') ? answer : undefined;
  });
  expect(publishedDate(page.html)).toBe('October 12, 2026');
});
