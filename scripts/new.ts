/**
 * `npm run new -- essay "Title"` (or note, theory): writes a new piece with valid front matter.
 * Refuses to overwrite an existing file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { NEW_KINDS, newEntry, type NewKind } from '../src/lib/authoring.ts';

const USAGE = `usage: npm run new -- <${NEW_KINDS.join('|')}> "Title (or, for a note, the note itself)"`;

export async function createEntry(options: { kind: NewKind; text: string; root: string; now: Date }): Promise<string> {
  const entry = newEntry(options.kind, options.text, options.now);
  const target = resolve(options.root, entry.path);
  await mkdir(dirname(target), { recursive: true });
  try {
    // 'wx' fails if the file exists: an author's words are never overwritten.
    await writeFile(target, entry.contents, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${entry.path} already exists; choose another title or edit that file`, { cause: error });
    }
    throw error;
  }
  return entry.path;
}

function isKind(value: string | undefined): value is NewKind {
  return (NEW_KINDS as readonly string[]).includes(value ?? '');
}

async function main(argv: string[]): Promise<void> {
  const [kind, ...words] = argv;
  if (!isKind(kind) || words.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const path = await createEntry({ kind, text: words.join(' '), root: process.cwd(), now: new Date() });
    console.log(`Created ${path}`);
  } catch (error) {
    console.error(`npm run new: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (import.meta.main) await main(process.argv.slice(2));
