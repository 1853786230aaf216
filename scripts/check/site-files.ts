/**
 * The files of a built site as the paths they are served at. One home for the rule, shared by
 * `./hub check` and the tests that read a build.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `dist/`, as site paths (`/essays/x/index.html`), sorted. */
export async function listFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** Every HTML page, as the path it is served at (`/essays/x/`, `/404.html`). */
export async function listPages(dist: string): Promise<string[]> {
  return (await listFiles(dist))
    .filter((file) => file.endsWith('.html'))
    .map((file) => (file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file));
}
