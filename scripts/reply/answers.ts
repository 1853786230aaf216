/**
 * Writing the answers ledger (`content/evidence/answers.json`, shape in src/contract/answers.ts): an
 * in-flight mark before the request, the posted answer after it, each write atomic
 * (scripts/lib/atomic-file.ts) and checked against the schema first, so the file on disk is always
 * whole and readable by the site and by `conversations`. The command holds the answers lock
 * (scripts/lib/lock.ts) while it writes.
 */
import { basename, dirname, join } from 'node:path';
import { ANSWERS_FILE, answersSchema, type Answer, type Answers } from '../../src/contract/answers.ts';
import { removeStaleTempFiles, replaceFileAtomically } from '../lib/atomic-file.ts';
import { readAnswers } from '../lib/content.ts';

export interface AnswersStore {
  entry: (key: string) => Answer | undefined;
  markInFlight: (key: string, mark: { item: string; text: string; startedAt: string; key: string }) => Promise<void>;
  markPosted: (key: string, posted: { item: string; text: string; remoteId: string; url: string; postedAt: string }) => Promise<void>;
  /** Removes an in-flight mark once the network refused every attempt (nothing was posted). */
  clearInFlight: (key: string) => Promise<void>;
}

/** The answers file of the project at `root`. */
export function answersFile(root: string): string {
  return join(root, ANSWERS_FILE);
}

export async function openAnswers(root: string): Promise<AnswersStore> {
  const file = answersFile(root);
  const answers: Answers = await readAnswers(root);
  // Temporary files a killed run left behind; the file itself is always whole.
  await removeStaleTempFiles(dirname(file), (name) => name.startsWith(`.${basename(file)}.`));
  const write = async (key: string, entry: Answer | undefined): Promise<void> => {
    const next = structuredClone(answers);
    if (entry) next.answers[key] = entry;
    else delete next.answers[key];
    // Never write what the site could not read back: a bad entry fails here and leaves the file as it was.
    const valid = answersSchema.parse(next);
    await replaceFileAtomically(file, `${JSON.stringify(valid, null, 2)}\n`);
    answers.answers = valid.answers;
  };
  return {
    entry: (key) => answers.answers[key],
    markInFlight: (key, mark) =>
      write(key, { item: mark.item, text: mark.text, status: 'in-flight', startedAt: mark.startedAt, key: mark.key }),
    markPosted: (key, posted) => write(key, { ...posted, status: 'posted' }),
    clearInFlight: (key) => (answers.answers[key]?.status === 'in-flight' ? write(key, undefined) : Promise.resolve()),
  };
}
