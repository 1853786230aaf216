/**
 * Whether a text names the person: any of the names, as whole words, ignoring case and diacritics
 * ("Morwenna Hale" matches "MORWENNA HALE" and "Morwénna Hale", not "Morwenna Halewood").
 */

/** Lowercase, without combining marks: what two spellings of one name have in common. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test for mentions of any of `names`. */
export function mentionMatcher(names: readonly string[]): (text: string) => boolean {
  const alternatives = names
    .map((name) => foldText(name).trim().split(/\s+/).map(escape).join('\\s+'))
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => pattern.test(foldText(text));
}
