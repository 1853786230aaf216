/**
 * The dry run's email: written to files a person opens in a browser (the HTML) or reads (the text),
 * exactly as it would be sent but for the unsubscribe link, which only the provider can fill in.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NewsletterPost } from './compose.ts';
import { UNSUBSCRIBE_PLACEHOLDER } from './provider.ts';

export interface PreviewFiles {
  html: string;
  text: string;
}

/** Writes `<folder>/<kind>-<slug>.html` and `.txt` for a composed email; returns their absolute paths. */
export async function writeEmailPreview(post: NewsletterPost, folder: string): Promise<PreviewFiles> {
  const base = resolve(folder, post.itemKey.replaceAll('/', '-'));
  await mkdir(resolve(folder), { recursive: true });
  const files = { html: `${base}.html`, text: `${base}.txt` };
  await writeFile(files.html, post.email.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, '#unsubscribe'), 'utf8');
  await writeFile(
    files.text,
    `Subject: ${post.email.subject}\n\n${post.email.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, '(the provider’s unsubscribe link)')}\n`,
    'utf8',
  );
  return files;
}
