import type { Loader } from 'astro/loaders';
import { ANSWERS_FILE, parseAnswers } from '../contract/answers.ts';
import { evidenceFileLoader } from './evidence-file.ts';

/** The id of the answers ledger's one entry. */
export const ANSWERS_ENTRY_ID = 'answers';

/** Loads the answers ledger (`content/evidence/answers.json`, written by `./hub run reply`; shape in src/contract/answers.ts) as one entry. */
export function answersFileLoader(): Loader {
  return evidenceFileLoader({ name: 'hub-answers-file', file: ANSWERS_FILE, id: ANSWERS_ENTRY_ID, parse: parseAnswers });
}
