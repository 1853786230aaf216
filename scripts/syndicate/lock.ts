/**
 * One syndication run at a time per ledger: two runs at once would both see an item as new and both
 * post it (and one collection at a time per evidence folder). The lock file holds the owner's pid;
 * a lock whose process is gone (a run killed with SIGKILL) is taken over.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws naming the running process; resolves to the release function. */
export async function acquireLock(file: string, what = 'syndication run'): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new Error(`another ${what} (pid ${owner}) holds ${file}; wait for it to finish`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

/**
 * The lock of a ledger, shared by everything that writes it (a run, `--resolve`). It lives outside
 * `content/`, so a killed run never leaves it where the pipeline commits.
 */
export function ledgerLockFile(ledgerFile: string): string {
  return join(tmpdir(), `hub-syndicate-${createHash('sha256').update(ledgerFile).digest('hex').slice(0, 16)}.lock`);
}
