import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';

/**
 * Loads one YAML file as a single entry with the given id (Astro's `file()` loader expects a list of
 * entries and only logs unreadable files; a person's profile must fail the build loudly instead).
 */
export function yamlFileLoader(options: { path: string; id: string }): Loader {
  return {
    name: 'hub-yaml-file',
    load: async ({ config, store, parseData, watcher }) => {
      const url = new URL(options.path, config.root);
      const filePath = fileURLToPath(url);
      const sync = async (): Promise<void> => {
        let data: unknown;
        try {
          data = parseYaml(await readFile(url, 'utf8'));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${options.path} could not be read as YAML: ${reason}`, { cause: error });
        }
        if (!data || typeof data !== 'object' || Array.isArray(data)) {
          throw new Error(`${options.path}: expected a YAML mapping of fields (name: …, photo: …)`);
        }
        const parsed = await parseData({ id: options.id, data: data as Record<string, unknown>, filePath });
        store.set({ id: options.id, data: parsed, filePath: options.path });
      };
      await sync();
      watcher?.add(filePath);
      watcher?.on('change', async (changed) => {
        if (changed === filePath) await sync();
      });
    },
  };
}
