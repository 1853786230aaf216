import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { decodeUtf8 } from '../loaders/text-files.ts';
import { yamlSyntaxProblem } from '../loaders/yaml-errors.ts';
import { ContentError, issueProblems, WHOLE_FILE } from './validation.ts';

/** Where the site settings live, relative to the project root. */
export const SITE_SETTINGS_FILE = 'content/site.yaml';

/**
 * The settings read last, by file, under a registered symbol: astro.config.mjs (through the
 * site-context integration) and the content layer's `site` collection run in different module graphs
 * of one process, and a module-level variable would exist once in each. Both ask for the settings; the
 * file is parsed once per build, and again only when it changes (in `astro dev`). A mistake is not
 * remembered: it is thrown afresh by each graph's own `ContentError`, which its callers recognise.
 */
const READS_KEY = Symbol.for('thought-leadership-hub.site-settings');

interface Read {
  /** The file's identity and timestamps, and the `SITE_URL` it was read with. */
  stamp: string;
  settings: SiteSettings;
}

function reads(): Map<string, Read> {
  const scope = globalThis as { [READS_KEY]?: Map<string, Read> };
  return (scope[READS_KEY] ??= new Map());
}

/** Changes whenever the file is written (nanosecond timestamps) or replaced, or `SITE_URL` changes. */
function stampOf(path: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    const { ino, size, mtimeNs, ctimeNs } = statSync(path, { bigint: true });
    return [ino, size, mtimeNs, ctimeNs, env['SITE_URL'] ?? ''].join(':');
  } catch {
    // Missing or unreadable: the read below says why.
    return undefined;
  }
}

/**
 * The settings in `content/site.yaml`, validated; a mistake is thrown as a `ContentError` (file, field,
 * fix). `SITE_URL` in the environment overrides `url`, so a preview deploy can build the same content
 * for another address. Read once and remembered until the file changes.
 */
export function loadSiteSettings(root: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const path = join(root, SITE_SETTINGS_FILE);
  const stamp = stampOf(path, env);
  const known = reads().get(path);
  if (stamp !== undefined && known?.stamp === stamp) return known.settings;
  const settings = readSiteSettings(path, env);
  if (stamp !== undefined) reads().set(path, { stamp, settings });
  return settings;
}

function readSiteSettings(path: string, env: NodeJS.ProcessEnv): SiteSettings {
  // Named relative to the project root, as every content error is.
  const shown = SITE_SETTINGS_FILE;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError({
      file: shown,
      field: WHOLE_FILE,
      problem: missing ? 'is missing' : `cannot be read (${reason})`,
      fix: missing ? 'create it, with at least `url: https://…`' : 'check the file’s permissions',
    });
  }
  const source = decodeUtf8(bytes, shown);
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(
      yamlSyntaxProblem({ file: shown, source, reason, line: error instanceof YAMLError ? error.linePos?.[0].line : undefined }),
    );
  }
  if (env['SITE_URL'] && raw && typeof raw === 'object') raw = { ...raw, url: env['SITE_URL'] };
  const result = siteSchema.safeParse(raw);
  if (!result.success) throw new ContentError(issueProblems(shown, result.error.issues, raw));
  return result.data;
}
