/**
 * Writing a file so that a crash (even SIGKILL, even a power cut) never leaves it half-written: the
 * text goes to a temporary file in the same folder, is fsynced, then takes the file's name in one
 * step, and the folder is fsynced so the new name survives too. At every instant the file on disk is
 * absent, the old version or the new one, whole.
 */
import { link, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

async function syncFolder(folder: string): Promise<void> {
  const directory = await open(folder, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function writeTemp(file: string, text: string, mode?: number): Promise<string> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true });
  sequence += 1;
  const temp = join(folder, `.${basename(file)}.${process.pid}.${sequence}.tmp`);
  // A file holding a secret is created readable by its owner only (mode 0o600), never briefly wider.
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Replaces (or creates) `file` with `text` atomically; `mode` sets its permissions (default 0o666 less the umask). */
export async function replaceFileAtomically(file: string, text: string, options: { mode?: number } = {}): Promise<void> {
  const temp = await writeTemp(file, text, options.mode);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(file));
}

/**
 * Creates `file` with `text` atomically, never replacing an existing file: a hard link fails when the
 * name is taken, so two writers can never overwrite each other. Resolves to false when it was taken.
 */
export async function createFileAtomically(file: string, text: string): Promise<boolean> {
  const temp = await writeTemp(file, text);
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
  await syncFolder(dirname(file));
  return true;
}

/** Removes the temporary files of `file` that a killed writer left behind (`.name.<pid>.<n>.tmp`). */
export async function removeStaleTempFiles(folder: string, matches: (name: string) => boolean = () => true): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith('.') && name.endsWith('.tmp') && matches(name))
      .map((name) => rm(join(folder, name), { force: true })),
  );
}
