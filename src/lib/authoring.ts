/**
 * What `npm run new` writes: a file name and front matter that pass the collection's schema, so a
 * new piece builds before a word of it is written.
 */
import { stringify } from 'yaml';

export const NEW_KINDS = ['essay', 'note', 'theory'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

const FOLDERS: Record<NewKind, string> = { essay: 'essays', note: 'notes', theory: 'theories' };

/** The longest slug, in characters; longer titles are cut at a word. */
const MAX_SLUG = 60;

/**
 * A URL-safe slug: accents folded (é → e), lower case, words joined by dashes, cut at a word boundary.
 * Letters outside Latin script are kept (Astro serves them percent-encoded).
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG && slug) break;
    slug = next.slice(0, MAX_SLUG);
  }
  return slug;
}

/** `2026-11-25`, in UTC, for file names and front matter. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface NewEntry {
  /** Path relative to the project root, e.g. `content/essays/my-title.md`. */
  path: string;
  contents: string;
}

/**
 * The file for a new piece. For essays and theories `text` is the title; for notes it is the note
 * itself (notes have no title), and the file name starts with the date so notes sort in order.
 */
export function newEntry(kind: NewKind, text: string, now: Date): NewEntry {
  const trimmed = text.trim();
  if (!trimmed) throw new Error(`expected a ${kind === 'note' ? 'note text' : 'title'}, got an empty string`);
  const slug = slugify(trimmed);
  if (!slug) throw new Error(`could not make a file name from ${JSON.stringify(trimmed)}: use some letters or digits`);
  const day = isoDay(now);
  const folder = `content/${FOLDERS[kind]}`;
  switch (kind) {
    case 'essay':
      return {
        path: `${folder}/${slug}.md`,
        contents: frontMatter({ title: trimmed, description: 'One or two sentences that make someone want to read it.', date: day, tags: [], draft: true }) +
          '\nStart writing here. This essay is a draft: it shows in `npm run dev` and stays off the published site until you set `draft: false`.\n',
      };
    case 'theory':
      return {
        path: `${folder}/${slug}.md`,
        contents: frontMatter({
          title: trimmed,
          summary: 'The idea in one or two sentences.',
          date: day,
          stage: 'hunch',
          confidence: 'A hunch: say how sure you are, in plain words.',
          openQuestions: [],
          changeMyMind: 'What evidence or argument would change your mind?',
          revisions: [],
          tags: [],
          draft: true,
        }) + '\nWhat makes you think so?\n',
      };
    case 'note':
      return {
        path: `${folder}/${day}-${slugify(trimmed.split(/\s+/).slice(0, 6).join(' '))}.md`,
        contents: frontMatter({ date: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), tags: [] }) + `\n${trimmed}\n`,
      };
  }
}

function frontMatter(fields: Record<string, unknown>): string {
  // yaml quotes what needs quoting (colons, leading dashes, "yes"), so any title round-trips.
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}
