/**
 * `./hub new`: every kind writes a file that builds as it is, says whether it is a draft or publishes
 * on the next push, is badged as unpublished on its own page in the preview, and never overwrites an
 * author's file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { makeSite, pageExists, plainOutput, readPage, readText, useCleanBuildEnvironment } from './helpers/site.ts';

let root: string;
let cleanup: () => Promise<void>;

function runNew(root: string, ...args: string[]): Promise<ScriptRun> {
  return runCli('new', args, { cwd: root });
}

/** One of each kind, with the file it should land in and the page (or list) that shows it once published. */
const KINDS = [
  {
    kind: 'essay',
    text: 'Grid queues: what "first come" costs',
    file: 'content/essays/grid-queues-what-first-come-costs.md',
    page: '/essays/grid-queues-what-first-come-costs/',
  },
  {
    kind: 'theory',
    text: 'Ownership beats subsidy',
    file: 'content/theories/ownership-beats-subsidy.md',
    page: '/theories/ownership-beats-subsidy/',
  },
  { kind: 'stance', text: 'For open grid data', file: 'content/stances/for-open-grid-data.md', list: '/stances/' },
  {
    kind: 'talk',
    text: 'Community Power Summit 2027',
    file: 'content/talks/community-power-summit-2027.md',
    page: '/speaking/community-power-summit-2027/',
  },
  { kind: 'topic', text: 'Data the grid should publish', file: 'content/topics/data-the-grid-should-publish.md', list: '/speaking/' },
  { kind: 'press', text: 'The Harbour Gazette', list: '/press/' },
] as const;

/** The text the published listing shows for each kind: its title, or for a quote its outlet. */
const shownAs = (item: (typeof KINDS)[number]) => item.text;

const NOTE = 'Testing the new-note command: it should go out whole.';

beforeAll(async () => {
  useCleanBuildEnvironment();
  ({ root, cleanup } = await makeSite());
});

afterAll(() => cleanup());

/** `astro dev` in the site, on a free port; resolves once it says where it listens. */
async function startPreview(siteRoot: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // Astro's dev server serves no pages when it believes Vitest runs it (`VITEST` in the environment).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(siteRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: siteRoot,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve(match[0].slice(0, -1));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`astro dev exited (${code}) before it was ready:\n${output}`)));
  });
  return { url, stop };
}

describe('./hub new', () => {
  test('writes every kind; a note says it publishes on the next push, the rest that they are drafts; all of it builds', async () => {
    for (const item of KINDS) {
      const result = await runNew(root, item.kind, item.text);
      expect(result.code, result.stderr).toBe(0);
      const [created, notice, ...rest] = result.stdout.trim().split('\n');
      expect(rest).toEqual([]);
      if ('file' in item) expect(created).toBe(`Created ${item.file}`);
      expect(notice).toMatch(
        /^Draft: this .* shows in `\.\/hub dev` only, marked as a draft\. Set `draft: false` to publish it on the next push/,
      );
    }
    const note = await runNew(root, 'note', NOTE);
    expect(note.code, note.stderr).toBe(0);
    expect(note.stdout).toMatch(
      /^Created content\/notes\/\d{4}-\d{2}-\d{2}-testing-the-new-note-command-it-should\.md\nPUBLISHES ON THE NEXT PUSH: /,
    );

    const run = await runBuild(root);
    expect(run.exitCode, plainOutput(run.output)).toBe(0);
    const dist = join(root, 'dist');
    // The drafts stay off the site, on their own pages and in every list; the note is out.
    for (const item of KINDS) {
      if ('page' in item) expect(pageExists(dist, item.page), item.page).toBe(false);
      else expect(await readText(dist, item.list), `${item.kind} on ${item.list}`).not.toContain(shownAs(item));
    }
    expect(await readText(dist, '/feed.json')).toContain(NOTE);
  });

  test('in the preview, a draft and a scheduled piece say so in words at the top of their own page', async () => {
    await writeFile(
      join(root, 'content/essays/next-year.md'),
      '---\ntitle: Next year\ndescription: Written ahead.\ndate: 2099-01-05\n---\n\nLater.\n',
    );
    const preview = await startPreview(root);
    try {
      const page = async (path: string) => {
        const response = await fetch(`${preview.url}${path}`);
        expect(response.status, path).toBe(200);
        return (await response.text()).replace(/\s+data-astro-cid-\w+/g, '');
      };
      const draft = await page('/essays/grid-queues-what-first-come-costs/');
      expect(draft).toMatch(/<p class="unpublished" data-unpublished="draft"[^>]*><strong>Draft — not published\.<\/strong>/);
      const talk = await page('/speaking/community-power-summit-2027/');
      expect(talk).toContain('<strong>Draft — not announced.</strong>');
      const scheduled = await page('/essays/next-year/');
      expect(scheduled).toContain(
        '<strong>Scheduled for <time datetime="2099-01-05T00:00:00.000Z">5 January 2099</time></strong> — not published until then',
      );
      // A published piece carries no such notice.
      const published = await page('/essays/owning-the-wind/');
      expect(published).not.toContain('class="unpublished"');
    } finally {
      await preview.stop();
    }
  });

  test('every kind’s placeholders are valid published, too: set to draft: false, each shows on the site', async () => {
    for (const item of KINDS) {
      // A press quote's file name starts with the day it was written.
      const press = async () => (await readdir(join(root, 'content/press'))).find((name) => name.endsWith('-the-harbour-gazette.md'))!;
      const path = 'file' in item ? join(root, item.file) : join(root, 'content/press', await press());
      const text = await readFile(path, 'utf8');
      expect(text).toMatch(/^draft: true$/m);
      await writeFile(path, text.replace(/^draft: true$/m, 'draft: false'));
    }
    const run = await runBuild(root);
    expect(run.exitCode, plainOutput(run.output)).toBe(0);
    const dist = join(root, 'dist');
    for (const item of KINDS) {
      if ('page' in item) {
        const { document } = await readPage(dist, item.page);
        expect(document.querySelector('.unpublished'), item.page).toBeNull();
      } else {
        expect(await readText(dist, item.list), `${item.kind} on ${item.list}`).toContain(shownAs(item));
      }
    }
  });

  test('refuses to overwrite an existing file, leaving it as it was', async () => {
    const file = join(root, 'content/essays/grid-queues-what-first-come-costs.md');
    const before = await readFile(file, 'utf8');
    const again = await runNew(root, 'essay', 'Grid queues: what "first come" costs');
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'new: content/essays/grid-queues-what-first-come-costs.md already exists; choose another title or edit that file',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('explains its usage, every kind included, when the kind is unknown', async () => {
    const result = await runNew(root, 'podcast', 'Title');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: ./hub new <essay|note|theory|stance|talk|topic|press|invitation> "Title"');
    expect(result.stderr).toContain('./hub new talk       "Event name"');
    expect(result.stderr).toContain('./hub new talk --from-invitation <invitation file name>');
  });
});
