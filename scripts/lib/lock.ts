/**
 * One syndication run at a time per ledger: two runs at once would both see an item as new and both
 * post it (and one collection at a time per evidence folder). A well-kept library such as
 * proper-lockfile would do; it is not installed, so this is the small atomic scheme it would replace:
 *
 * - Taking a free lock: the content (pid and a token unique to this acquisition) is written to a
 *   file of our own, then hard-linked to the lock's name. link() fails when the name exists, and the
 *   lock is never seen half-written (an empty lock read mid-write looked dead and was removed).
 * - Taking over a dead run's lock (a run killed with SIGKILL): checking "the owner is dead", removing
 *   the file and creating ours were three steps, and two runs starting together could both remove
 *   and both hold. Now a takeover first takes a second lock named after the dead lock's content, by
 *   the same scheme: only one process can take over a given dead lock, and it removes the lock only
 *   if it still has that content. Every run then competes for the free name again by link().
 *   A taker killed in between leaves its own dead lock, taken over the same way one level down.
 */
import { createHash, randomUUID } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../../src/lib/processes.ts';
import { sleep } from './sleep.ts';
import { readTextIfExists } from './optional-file.ts';

/** Attempts before giving up (each one either takes the lock, finds it held, or clears a dead one). */
const ATTEMPTS = 20;
/** Takeovers of takeovers: each level needs a run killed inside the level above. */
const MAX_DEPTH = 4;

/** Thrown when a live process holds the lock. */
export class LockHeld extends Error {}

/** The lock's content: `<pid> <token>`, or undefined when there is no lock. */
const contentOf = readTextIfExists;

/** Creates `file` holding `content`, atomically and whole; false when it exists. */
async function create(file: string, content: string, token: string): Promise<boolean> {
  const own = `${file}.${token}.tmp`;
  await writeFile(own, content, { flag: 'wx' });
  try {
    await link(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(own, { force: true });
  }
}

/** Whether a lock's content names a live holder (this process counts, unless the lock is from before tokens). */
function held(content: string, token: string): number | undefined {
  const [pidText, owner] = content.trim().split(/\s+/);
  const pid = Number.parseInt(pidText ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (pid === process.pid) return owner !== undefined && owner !== token ? pid : undefined;
  return isProcessAlive(pid) ? pid : undefined;
}

async function take(file: string, what: string, depth: number): Promise<() => Promise<void>> {
  const token = randomUUID();
  const content = `${process.pid} ${token}`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await create(file, content, token)) {
      // Released only while it is still ours.
      return async () => {
        if ((await contentOf(file)) === content) await rm(file, { force: true });
      };
    }
    const found = await contentOf(file);
    if (found === undefined) continue;
    const pid = held(found, token);
    if (pid !== undefined) throw new LockHeld(`another ${what} (pid ${pid}) holds ${file}; wait for it to finish`);
    if (depth >= MAX_DEPTH) break;
    // A dead holder: one process takes over this very lock (named by its content); the others wait a moment and look again.
    const takeover = `${file}.${createHash('sha256').update(found).digest('hex').slice(0, 16)}.takeover`;
    let releaseTakeover: (() => Promise<void>) | undefined;
    try {
      releaseTakeover = await take(takeover, what, depth + 1);
    } catch (error) {
      if (!(error instanceof LockHeld)) throw error;
      await sleep(10 + Math.random() * 40);
      continue;
    }
    try {
      // Still the dead run's lock (nobody else can remove it while we hold its takeover): remove it.
      if ((await contentOf(file)) === found) await rm(file, { force: true });
    } finally {
      await releaseTakeover();
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

/** Takes the lock or throws naming the running process; resolves to the release function. */
export async function acquireLock(file: string, what = 'syndication run'): Promise<() => Promise<void>> {
  return take(file, what, 0);
}

/** A run's lock, named after what it guards; in the temporary folder, outside `content/`, so a killed run never leaves it where the pipeline commits. */
function lockFileOf(run: 'syndicate' | 'collect' | 'webmentions' | 'reply', guarded: string): string {
  return join(tmpdir(), `hub-${run}-${createHash('sha256').update(guarded).digest('hex').slice(0, 16)}.lock`);
}

/** The lock of a ledger, shared by everything that writes it (a run, `--resolve`). */
export function ledgerLockFile(ledgerFile: string): string {
  return lockFileOf('syndicate', ledgerFile);
}

/** One collection at a time per evidence folder. */
export function evidenceLockFile(folder: string): string {
  return lockFileOf('collect', folder);
}

/** One Webmention run at a time per sent-ledger: two would both see a target as new and both send to it. */
export function webmentionsLockFile(ledgerFile: string): string {
  return lockFileOf('webmentions', ledgerFile);
}

/** The lock of the answers ledger: one `./hub run reply` at a time may write it. */
export function answersLockFile(answersFile: string): string {
  return lockFileOf('reply', answersFile);
}
