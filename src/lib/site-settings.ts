import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { decodeUtf8 } from '../loaders/text-files.ts';
import { yamlSyntaxProblem } from '../loaders/yaml-errors.ts';
import { ContentError, issueProblems, WHOLE_FILE } from './validation.ts';

/** Where the site settings live, relative to the project root. */
export const SITE_SETTINGS_FILE = 'content/site.yaml';

/**
 * Reads and validates `content/site.yaml`. `SITE_URL` in the environment overrides `url`, so a preview
 * deploy can build the same content for another address.
 */
export function loadSiteSettings(root: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const path = join(root, SITE_SETTINGS_FILE);
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
