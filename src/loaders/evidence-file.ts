import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadReporting } from './problems.ts';
import { parseDataReporting } from './schema-issues.ts';
import { decodeUtf8 } from './text-files.ts';

/**
 * Loads one JSON file the scripts keep under `content/evidence/` (the syndication ledger, the answers
 * ledger) as one entry with the id `id`. No file means the scripts have written nothing yet: no entry.
 * A file that is not JSON or not its shape (`parse`, from src/contract/) fails the build naming the
 * file and the field, while the content loads, before any page is written. In `astro dev` the file is
 * read again when anything under `content/` changes (src/integrations/content-errors.ts).
 */
export function evidenceFileLoader(options: {
  name: string;
  file: string;
  id: string;
  parse: (text: string, file: string) => unknown;
}): Loader {
  const { name, file, id, parse } = options;
  return {
    name,
    load: (context) =>
      loadReporting(context, async () => {
        const { config, store } = context;
        const filePath = fileURLToPath(new URL(file, config.root));
        let bytes: Buffer;
        try {
          bytes = await readFile(filePath);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          store.clear();
          return;
        }
        const parsed = parse(decodeUtf8(bytes, file), file);
        const data = await parseDataReporting(context, file)({ id, data: parsed as Record<string, unknown>, filePath });
        store.clear();
        store.set({ id, data, filePath: file });
      }),
  };
}
