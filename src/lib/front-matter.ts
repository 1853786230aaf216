/**
 * Where a Markdown file's front matter is: between two `---` lines at its very start (after a
 * byte-order mark, if an editor wrote one). The one pattern for every reader that needs the front
 * matter's text itself — the loaders' checks of what Astro's parser hides (dates as written, where a
 * YAML mistake is) and the scripts' reading of `content/` (scripts/lib/content.ts).
 */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The front matter's YAML text and the body after it, or undefined when the file has no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  return { yaml: match[1]!, body: text.slice(match[0].length) };
}
