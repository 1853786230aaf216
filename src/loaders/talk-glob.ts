import { readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../lib/front-matter.ts';
import { contentGlob } from './content-glob.ts';
import type { EntryIndex } from './entry-ids.ts';

/** The fields a talk's schema must see exactly as written. */
const AS_WRITTEN = ['start', 'end'] as const;

/**
 * `contentGlob` for `content/talks/`, handing the schema `start` and `end` exactly as written. Astro's
 * front-matter parser turns `2027-03-10T08:00:00` into a UTC instant and `…+01:00` into another, so by
 * the time the schema sees a Date it can no longer tell a local time from one with an offset. The
 * `yaml` package (YAML 1.2) reads timestamps as plain text, which is what the schema checks.
 */
export function talkGlob(options: { links?: EntryIndex } = {}): Loader {
  // `topic:` names a file in content/topics/ (drafts included: a talk may name a topic not yet offered),
  // `invitation:` one in content/invitations/; each is checked where `links` covers its collection.
  const inner = contentGlob({
    folder: 'talks',
    pattern: '**/*.md',
    ...(options.links
      ? {
          entryIndex: options.links,
          idFields: [
            { field: 'topic', collection: 'topics' },
            { field: 'invitation', collection: 'invitations' },
          ],
        }
      : {}),
  });
  return {
    name: 'hub-talk-glob',
    load: (context) => {
      const parseData: typeof context.parseData = async (entry) => {
        if (!entry.filePath) return context.parseData(entry);
        const written = await writtenValues(entry.filePath);
        const data: Record<string, unknown> = { ...entry.data };
        for (const field of AS_WRITTEN) {
          if (typeof written[field] === 'string') data[field] = written[field];
        }
        return context.parseData({ ...entry, data: data as typeof entry.data });
      };
      return inner.load({ ...context, parseData });
    },
  };
}

async function writtenValues(filePath: string): Promise<Record<string, unknown>> {
  const frontMatter = splitFrontMatter(await readFile(filePath, 'utf8'));
  if (!frontMatter) return {};
  const document = parseDocument(frontMatter.yaml);
  // A file Astro could parse but `yaml` cannot keeps Astro's values; Astro reports real syntax errors.
  if (document.errors.length > 0) return {};
  const values = document.toJS() as unknown;
  return values && typeof values === 'object' ? (values as Record<string, unknown>) : {};
}
