import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { ContentError, formatIssues } from './validation.ts';

/** Where the site settings live, relative to the project root. */
export const SITE_SETTINGS_FILE = 'content/site.yaml';

/**
 * Reads and validates `content/site.yaml`. `SITE_URL` in the environment overrides `url`, so a preview
 * deploy can build the same content for another address.
 */
export function loadSiteSettings(root: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const path = join(root, SITE_SETTINGS_FILE);
  const shown = relative(process.cwd(), path) || SITE_SETTINGS_FILE;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(shown, `${shown} could not be read as YAML: ${reason}`, { cause: error });
  }
  if (env['SITE_URL'] && raw && typeof raw === 'object') raw = { ...raw, url: env['SITE_URL'] };
  const result = siteSchema.safeParse(raw);
  if (!result.success) throw new ContentError(shown, formatIssues(shown, result.error.issues));
  return result.data;
}
