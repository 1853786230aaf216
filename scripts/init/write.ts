/**
 * Puts a new `content/` in place all at once. Every file is written (and fsynced) into a staging
 * folder inside the hub (`.cache/`, so on the same filesystem and ignored by git); only when all of
 * them are there does the old `content/` move to `examples/` and the staged one take its name — two
 * renames, each atomic. If the second fails, the first is undone. So at no moment is a file in
 * `content/` half-written, and on any error the hub is as it was. (A crash between the two renames
 * leaves the old content in `examples/` and none in `content/`: nothing lost, and `init` runs again.)
 * Nothing is ever deleted: the sample — or, with `--force`, someone's own content — is kept whole.
 */
import { mkdir, mkdtemp, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
      throw error;
    },
  );
}

async function writeDurably(file: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `examples/content`, or `examples/content-2026-12-01T150300` when that is taken (an earlier `init --force`). */
async function examplesName(root: string, now: Date): Promise<string> {
  const plain = 'examples/content';
  if (!(await exists(join(root, plain)))) return plain;
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '');
  for (let attempt = 0; ; attempt += 1) {
    const name = `${plain}-${stamp}${attempt ? `-${attempt}` : ''}`;
    if (!(await exists(join(root, name)))) return name;
  }
}

export interface Installed {
  /** Where the previous `content/` went, relative to the hub (`examples/content`), if there was one. */
  movedTo: string | undefined;
}

/** Replaces `<root>/content` with exactly `files` (paths relative to `content/`), keeping the old one in `examples/`. */
export async function installContent(root: string, files: Record<string, string | Buffer>, now: Date): Promise<Installed> {
  const cache = join(root, '.cache');
  await mkdir(cache, { recursive: true });
  const staging = await mkdtemp(join(cache, 'hub-init-'));
  const content = join(root, 'content');
  const examples = join(root, 'examples');
  let madeExamples = false;
  try {
    const fresh = join(staging, 'content');
    for (const [path, data] of Object.entries(files)) await writeDurably(join(fresh, path), data);
    let movedTo: string | undefined;
    if (await exists(content)) {
      movedTo = await examplesName(root, now);
      madeExamples = !(await exists(examples));
      await mkdir(examples, { recursive: true });
      await rename(content, join(root, movedTo));
    }
    try {
      await rename(fresh, content);
    } catch (error) {
      if (movedTo) await rename(join(root, movedTo), content);
      throw error;
    }
    await syncFolder(root);
    return { movedTo };
  } catch (error) {
    // Only a folder this run made, and only if it is still empty.
    if (madeExamples) await rmdir(examples).catch(() => {});
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
