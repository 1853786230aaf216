/**
 * `./hub new <kind> "Title"` (or `npm run new -- <kind> "Title"`): writes a new essay, note, theory,
 * stance, talk, topic or press quote with valid, commented front matter, and says in one line whether
 * it is a draft or publishes on the next push. Refuses to overwrite an existing file.
 */
import { resolve } from 'node:path';
import { NEW_KINDS, NEW_TEXT, newEntry, type NewEntry, type NewKind } from '../src/lib/authoring.ts';
import { createFileAtomically } from './lib/atomic-file.ts';

const USAGE = [
  `usage: ./hub new <${NEW_KINDS.join('|')}> "Title"`,
  '',
  ...NEW_KINDS.map((kind) => `  ./hub new ${kind.padEnd(7)} "${NEW_TEXT[kind][0]!.toUpperCase()}${NEW_TEXT[kind].slice(1)}"`),
  '',
  'A note publishes on the next push; every other kind starts as a draft (`draft: true`).',
].join('\n');

export async function createEntry(options: { kind: NewKind; text: string; root: string; now: Date }): Promise<NewEntry> {
  const entry = newEntry(options.kind, options.text, options.now);
  // Whole or not at all, and never over an existing file: an author's words are never overwritten.
  if (!(await createFileAtomically(resolve(options.root, entry.path), entry.contents))) {
    throw new Error(`${entry.path} already exists; choose another title or edit that file`);
  }
  return entry;
}

function isKind(value: string | undefined): value is NewKind {
  return (NEW_KINDS as readonly string[]).includes(value ?? '');
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return;
  }
  const [kind, ...words] = argv;
  if (!isKind(kind) || words.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const entry = await createEntry({ kind, text: words.join(' '), root: process.cwd(), now: new Date() });
    console.log(`Created ${entry.path}`);
    console.log(entry.notice);
  } catch (error) {
    console.error(`new: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (import.meta.main) await main(process.argv.slice(2));
