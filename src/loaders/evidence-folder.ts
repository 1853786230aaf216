import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { EVIDENCE_FOLDER, parseSnapshot } from '../contract/snapshots.ts';
import { keepEmptyCollection } from './empty-collections.ts';
import { loadReporting } from './problems.ts';
import { decodeUtf8 } from './text-files.ts';

/**
 * Loads the engagement snapshots (`content/evidence/engagement/*.json`, written by `npm run collect`;
 * shape in src/contract/snapshots.ts), one entry per file, id = file name. No folder means nothing has been
 * collected yet. A file that is not JSON or not a snapshot fails the build naming the file and the
 * field. Unchanged files are not parsed again (digest), so years of snapshots stay cheap to rebuild.
 * In `astro dev` the folder is read again when anything under `content/` changes
 * (src/integrations/content-errors.ts).
 */
export function evidenceFolderLoader(): Loader {
  return {
    name: 'hub-evidence-folder',
    load: (context) =>
      loadReporting(context, async () => {
        const { config, store, generateDigest } = context;
        const folder = fileURLToPath(new URL(`${EVIDENCE_FOLDER}/`, config.root));
        let names: string[];
        try {
          names = (await readdir(folder)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          names = [];
        }
        const present = new Set(names);
        for (const id of store.keys()) if (!present.has(id)) store.delete(id);
        await Promise.all(
          names.map(async (name) => {
            const label = `${EVIDENCE_FOLDER}/${name}`;
            const text = decodeUtf8(await readFile(join(folder, name)), label);
            const digest = generateDigest(text);
            if (store.get(name)?.digest === digest) return;
            // Validated here, with messages naming the file; the collection's schema only types it.
            store.set({ id: name, data: parseSnapshot(text, label), filePath: label, digest });
          }),
        );
        keepEmptyCollection(store);
      }),
  };
}
