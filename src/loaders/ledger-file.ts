import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { LEDGER_FILE, parseLedger } from '../contract/ledger.ts';
import { loadReporting } from './problems.ts';
import { parseDataReporting } from './schema-issues.ts';
import { decodeUtf8 } from './text-files.ts';

/** The id of the ledger's one entry. */
export const LEDGER_ENTRY_ID = 'syndication';

/**
 * Loads the syndication ledger (`content/evidence/syndication.json`, written by the syndication
 * scripts; shape in src/contract/ledger.ts) as one entry. No file means nothing has been syndicated yet:
 * no entry. A file that is not JSON or not the ledger's shape fails the build naming the file and the
 * field, while the content loads, before any page is written. In `astro dev` the file is read again
 * when anything under `content/` changes (src/integrations/content-errors.ts).
 */
export function ledgerFileLoader(): Loader {
  return {
    name: 'hub-ledger-file',
    load: (context) =>
      loadReporting(context, async () => {
        const { config, store } = context;
        const filePath = fileURLToPath(new URL(LEDGER_FILE, config.root));
        let bytes: Buffer;
        try {
          bytes = await readFile(filePath);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          store.clear();
          return;
        }
        const ledger = parseLedger(decodeUtf8(bytes, LEDGER_FILE), LEDGER_FILE);
        const data = await parseDataReporting(context, LEDGER_FILE)({ id: LEDGER_ENTRY_ID, data: ledger, filePath });
        store.clear();
        store.set({ id: LEDGER_ENTRY_ID, data, filePath: LEDGER_FILE });
      }),
  };
}
