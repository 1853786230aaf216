import { readFile } from 'node:fs/promises';
import { ContentError, WHOLE_FILE } from '../lib/validation.ts';

/** Refuses bytes that are not UTF-8, where `readFile(path, 'utf8')` would put U+FFFD in their place. */
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * A content file's text. Every file under `content/` is UTF-8; one saved as Latin-1 or Windows-1252
 * (`Caf\xe9`) would otherwise be read with its accented letters replaced by `�` and published that way.
 * Throws a `ContentError` naming the file and the first line with a byte that is not UTF-8.
 */
export async function readUtf8File(path: string | URL, shownPath: string): Promise<string> {
  return decodeUtf8(await readFile(path), shownPath);
}

/** `bytes` as text, or a `ContentError` naming `shownPath` when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, shownPath: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw new ContentError(notUtf8Problem(bytes, shownPath));
  }
}

function notUtf8Problem(bytes: Uint8Array, file: string): ConstructorParameters<typeof ContentError>[0] {
  // The lenient reading marks the first bad byte with U+FFFD; its line is the one to look at.
  const text = lenient.decode(bytes);
  const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
  return {
    file,
    field: WHOLE_FILE,
    problem: `is not UTF-8 text (line ${line} has a character in another encoding, such as Latin-1 or Windows-1252)`,
    fix: 'save the file as UTF-8 (most editors offer it under “Save with encoding”)',
  };
}
