import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml, YAMLError } from 'yaml';
import { ContentError, WHOLE_FILE } from '../lib/validation.ts';
import { findMissingImage, missingImageProblem } from './image-paths.ts';
import { loadReporting } from './problems.ts';
import { parseDataReporting } from './schema-issues.ts';
import { decodeUtf8 } from './text-files.ts';
import { yamlSyntaxProblem } from './yaml-errors.ts';

export interface YamlFileOptions {
  /** Path relative to the project root, for example `content/profile.yaml`. */
  path: string;
  /** The id of the one entry. */
  id: string;
  /** Whether the file may be missing (then there is no entry). Default: false. */
  optional?: boolean;
}

/**
 * Loads one YAML file as a single entry with the given id (Astro's `file()` loader expects a list of
 * entries and only logs unreadable files; a person's profile must fail the build loudly instead).
 * An `optional` file that is not there means no entry, silently (`getEntry()` gives `undefined`).
 * Mistakes are `ContentError`s (src/loaders/problems.ts); in `astro dev` the file is read again when
 * anything under `content/` changes (src/integrations/content-errors.ts).
 */
export function yamlFileLoader(options: YamlFileOptions): Loader {
  return {
    name: 'hub-yaml-file',
    load: (context) => loadReporting(context, () => loadYamlFile(context, options)),
  };
}

/** One load of the file into the store; throws a `ContentError` for anything wrong with it. */
export async function loadYamlFile(context: LoaderContext, options: YamlFileOptions): Promise<void> {
  const { config, store } = context;
  const url = new URL(options.path, config.root);
  const filePath = fileURLToPath(url);
  let bytes: Buffer;
  try {
    bytes = await readFile(url);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.optional && code === 'ENOENT') {
      store.clear();
      return;
    }
    throw new ContentError({
      file: options.path,
      field: WHOLE_FILE,
      problem: code === 'ENOENT' ? 'is missing' : `cannot be read (${error instanceof Error ? error.message : String(error)})`,
      fix: code === 'ENOENT' ? 'create it' : 'check the file’s permissions',
    });
  }
  const source = decodeUtf8(bytes, options.path);
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = error instanceof YAMLError ? error.linePos?.[0].line : undefined;
    throw new ContentError(yamlSyntaxProblem({ file: options.path, source, reason, line }));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError({
      file: options.path,
      field: WHOLE_FILE,
      problem: 'is not a list of fields',
      fix: 'write one field per line, as `name: value`',
    });
  }
  const parsed = await parseDataReporting(context, options.path)({ id: options.id, data: data as Record<string, unknown>, filePath });
  const missing = findMissingImage(parsed, filePath, fileURLToPath(config.root));
  if (missing) throw new ContentError(missingImageProblem(options.path, missing));
  store.set({ id: options.id, data: parsed, filePath: options.path });
}
