/**
 * `./hub new <kind> "Title"` (or `npm run new -- <kind> "Title"`): writes a new essay, note, theory,
 * stance, talk, topic or press quote with valid, commented front matter, and says in one line whether
 * it is a draft or publishes on the next push. Refuses to overwrite an existing file.
 */
import { resolve } from 'node:path';
import { NEW_KINDS, NEW_TEXT, newEntry, type NewEntry, type NewKind } from '../src/lib/authoring.ts';
import { createFileAtomically } from './lib/atomic-file.ts';
import { runCommand, UsageError } from './lib/cli.ts';

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

if (import.meta.main) {
  await runCommand({
    name: 'new',
    usage: USAGE,
    options: {},
    positionals: true,
    run: async ({ positionals: [kind, ...words] }) => {
      if (!isKind(kind))
        throw new UsageError(kind === undefined ? 'say what to write' : `${JSON.stringify(kind)} is not a kind of entry`, true);
      if (words.length === 0) throw new UsageError(`give the ${kind} a title`, true);
      const entry = await createEntry({ kind, text: words.join(' '), root: process.cwd(), now: new Date() });
      return { output: `Created ${entry.path}\n${entry.notice}` };
    },
  });
}
