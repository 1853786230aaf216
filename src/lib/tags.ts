/**
 * Tags across files. Each tag has a page at its slug (src/lib/urls.ts), so two different tags that
 * make one slug (`AI/ML` in one essay, `ai-ml` in another) would need two pages at one address: that is
 * a mistake in the later file, named with the earlier one so the person can pick either spelling.
 */
import type { ContentProblem } from './validation.ts';
import { tagPath, tagSlug } from './urls.ts';

/** One tag as one file uses it (the tag as the schema leaves it: trimmed and lower-cased). */
export interface TagUse {
  /** The file, relative to the project root. */
  file: string;
  tag: string;
}

/**
 * A problem for each file whose tag makes the same slug as a differently written tag in a file that
 * sorts before it; `report` limits them to the files a caller is responsible for.
 */
export function tagCollisions(uses: readonly TagUse[], report: (file: string) => boolean = () => true): ContentProblem[] {
  const first = new Map<string, TagUse>();
  const problems: ContentProblem[] = [];
  const sorted = [...uses].sort((a, b) => a.file.localeCompare(b.file) || a.tag.localeCompare(b.tag));
  for (const use of sorted) {
    const slug = tagSlug(use.tag);
    const earlier = first.get(slug);
    if (!earlier) {
      first.set(slug, use);
      continue;
    }
    if (earlier.tag === use.tag || !report(use.file)) continue;
    problems.push({
      file: use.file,
      field: 'tags',
      problem: `has ${JSON.stringify(use.tag)}, which makes the same address (${tagPath(use.tag)}) as ${JSON.stringify(earlier.tag)} in ${earlier.file}`,
      fix: 'write the tag the same way in both files',
    });
  }
  return problems;
}
