import type { Loader } from 'astro/loaders';
import { LEDGER_FILE, parseLedger } from '../contract/ledger.ts';
import { evidenceFileLoader } from './evidence-file.ts';

/** The id of the ledger's one entry. */
export const LEDGER_ENTRY_ID = 'syndication';

/** Loads the syndication ledger (`content/evidence/syndication.json`, written by the syndication scripts; shape in src/contract/ledger.ts) as one entry. */
export function ledgerFileLoader(): Loader {
  return evidenceFileLoader({ name: 'hub-ledger-file', file: LEDGER_FILE, id: LEDGER_ENTRY_ID, parse: parseLedger });
}
