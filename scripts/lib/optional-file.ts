/**
 * Reading a file that may not exist yet (a ledger before the first run, a lock nobody holds, a token
 * file before the first refresh): missing is an answer, any other failure is an error.
 */
import { readFile } from 'node:fs/promises';

/** The file's text, or undefined when there is no such file. */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
