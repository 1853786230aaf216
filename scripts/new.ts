/**
 * `./hub new <kind> "Title"` (or `npm run new -- <kind> "Title"`): writes a new essay, note, theory,
 * stance, talk, topic, press quote or invitation to speak with valid, commented front matter, and says
 * in one line whether it is a draft or publishes on the next push. Refuses to overwrite an existing file.
 *
 * `./hub new talk --from-invitation <id>` writes the talk an accepted invitation became, its fields
 * carried over, and marks the invitation accepted with the talk's file name, so each knows the other.
 */
import { resolve } from 'node:path';
import {
  acceptedInvitation,
  NEW_KINDS,
  NEW_TEXT,
  newEntry,
  talkFromInvitation,
  type NewEntry,
  type NewKind,
} from '../src/lib/authoring.ts';
import { createFileAtomically, replaceFileAtomically } from './lib/atomic-file.ts';
import { runCommand, UsageError } from './lib/cli.ts';
import { readInvitation } from './lib/content.ts';

const WIDTH = Math.max(...NEW_KINDS.map((kind) => kind.length));

const USAGE = [
  `usage: ./hub new <${NEW_KINDS.join('|')}> "Title"`,
  '       ./hub new talk --from-invitation <invitation file name> ["Title"]',
  '',
  ...NEW_KINDS.map((kind) => `  ./hub new ${kind.padEnd(WIDTH)} "${NEW_TEXT[kind][0]!.toUpperCase()}${NEW_TEXT[kind].slice(1)}"`),
  '',
  'A note publishes on the next push; an invitation never does (it is counted on /impact/); every other',
  'kind starts as a draft (`draft: true`). --from-invitation writes the talk an invitation became and marks',
  'the invitation accepted; the title (default: the event) names the talk’s file.',
].join('\n');

/** Writes `entry`, whole or not at all, never over an existing file: an author's words are never overwritten. */
async function create(entry: NewEntry, root: string): Promise<NewEntry> {
  if (!(await createFileAtomically(resolve(root, entry.path), entry.contents))) {
    throw new Error(`${entry.path} already exists; choose another title or edit that file`);
  }
  return entry;
}

export async function createEntry(options: { kind: NewKind; text: string; root: string; now: Date }): Promise<NewEntry> {
  return create(newEntry(options.kind, options.text, options.now), options.root);
}

/**
 * The talk from invitation `id`, then the invitation marked accepted and linked to it. Refuses a
 * declined invitation and one that already became a talk, so no invitation is counted twice.
 */
export async function createTalkFromInvitation(options: { id: string; title?: string | undefined; root: string; now: Date }): Promise<{
  talk: NewEntry;
  invitation: string;
}> {
  const invitation = await readInvitation(options.root, options.id);
  const { data, file } = invitation;
  if (data.talk !== undefined)
    throw new Error(`${file}: talk: already became content/talks/${data.talk}.md — edit that talk, or remove \`talk\` to write another`);
  if (data.outcome === 'declined')
    throw new Error(`${file}: outcome: is declined — set \`outcome: accepted\` first if you said yes after all`);
  const talk = await create(talkFromInvitation(invitation, options.now, { title: options.title }), options.root);
  const slug = talk.path.slice('content/talks/'.length, -'.md'.length);
  await replaceFileAtomically(resolve(options.root, file), acceptedInvitation(invitation.text, slug));
  return { talk, invitation: file };
}

function isKind(value: string | undefined): value is NewKind {
  return (NEW_KINDS as readonly string[]).includes(value ?? '');
}

if (import.meta.main) {
  await runCommand({
    name: 'new',
    usage: USAGE,
    options: { 'from-invitation': { type: 'string' } },
    positionals: true,
    run: async ({ values, positionals: [kind, ...words] }) => {
      const from = values['from-invitation'];
      if (from !== undefined) {
        if (kind !== 'talk') throw new UsageError('--from-invitation writes a talk: ./hub new talk --from-invitation <id>', true);
        const title = words.join(' ').trim() || undefined;
        const made = await createTalkFromInvitation({ id: from, title, root: process.cwd(), now: new Date() });
        return { output: `Created ${made.talk.path}\nMarked ${made.invitation} accepted, linked to the talk\n${made.talk.notice}` };
      }
      if (!isKind(kind))
        throw new UsageError(kind === undefined ? 'say what to write' : `${JSON.stringify(kind)} is not a kind of entry`, true);
      if (words.length === 0) throw new UsageError(`give the ${kind} a title`, true);
      const entry = await createEntry({ kind, text: words.join(' '), root: process.cwd(), now: new Date() });
      return { output: `Created ${entry.path}\n${entry.notice}` };
    },
  });
}
