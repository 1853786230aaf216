import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml, YAMLError } from 'yaml';
import { findMissingImage, missingImageMessage } from './image-paths.ts';
import { brokenYamlField } from './yaml-errors.ts';

/**
 * Loads one YAML file as a single entry with the given id (Astro's `file()` loader expects a list of
 * entries and only logs unreadable files; a person's profile must fail the build loudly instead).
 * An `optional` file that is not there means no entry, silently (`getEntry()` gives `undefined`).
 */
export function yamlFileLoader(options: { path: string; id: string; optional?: boolean }): Loader {
  return {
    name: 'hub-yaml-file',
    load: async ({ config, store, parseData, watcher }) => {
      const url = new URL(options.path, config.root);
      const filePath = fileURLToPath(url);
      const sync = async (): Promise<void> => {
        let source: string;
        try {
          source = await readFile(url, 'utf8');
        } catch (error) {
          if (options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') {
            store.clear();
            return;
          }
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${options.path} could not be read: ${reason}`, { cause: error });
        }
        let data: unknown;
        try {
          data = parseYaml(source);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const line = error instanceof YAMLError ? error.linePos?.[0].line : undefined;
          const field = brokenYamlField(source, line) ?? '(whole file)';
          throw new Error(`${options.path}: ${field}: expected valid YAML, but ${reason}`, { cause: error });
        }
        if (!data || typeof data !== 'object' || Array.isArray(data)) {
          throw new Error(`${options.path}: expected a YAML mapping of fields (name: …, photo: …)`);
        }
        const parsed = await parseData({ id: options.id, data: data as Record<string, unknown>, filePath });
        const missing = findMissingImage(parsed, filePath, fileURLToPath(config.root));
        if (missing) throw new Error(missingImageMessage(options.path, missing));
        store.set({ id: options.id, data: parsed, filePath: options.path });
      };
      await sync();
      watcher?.add(filePath);
      // An optional file may also appear or go away while `npm run dev` runs.
      for (const event of options.optional ? (['add', 'change', 'unlink'] as const) : (['change'] as const)) {
        watcher?.on(event, async (changed) => {
          if (changed === filePath) await sync();
        });
      }
    },
  };
}
