/**
 * What `./hub new` writes: for every kind of content, a file name and front matter that pass the
 * collection's schema, so a new file builds before a word of it is written. Every field is explained
 * by a comment above it, optional fields are shown commented out, and the placeholders are valid
 * values to replace. Each entry also says, in one line, whether it is a draft or publishes on the
 * next push: nobody should find out from their followers that a note went out.
 */
import { parseDocument, stringify } from 'yaml';
import { KIND_COLLECTIONS, PIECE_KINDS } from '../contract/kinds.ts';
import { canonicalTimeZone } from './time-zones.ts';
import { splitFrontMatter } from './front-matter.ts';
import { TALK_FORMATS, type TalkFormat } from '../schemas/talk.ts';
import type { InvitationData } from '../schemas/invitation.ts';

/** The pieces, then the kinds of content that are not syndicated, then the private evidence. */
export const NEW_KINDS = [...PIECE_KINDS, 'stance', 'talk', 'topic', 'press', 'invitation'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

const FOLDERS: Record<NewKind, string> = {
  ...KIND_COLLECTIONS,
  stance: 'stances',
  talk: 'talks',
  topic: 'topics',
  press: 'press',
  invitation: 'invitations',
};

/** What the text after the kind is, for each kind: shown in usage and error messages. */
export const NEW_TEXT: Record<NewKind, string> = {
  essay: 'title',
  note: 'note text',
  theory: 'title',
  stance: 'title',
  talk: 'event name',
  topic: 'title',
  press: 'outlet name',
  invitation: 'event name',
};

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
  /** True when the file is written with `draft: true`: it shows in `./hub dev` only. */
  draft: boolean;
  /** One line for the author: whether this is a draft, or what the next push does with it. */
  notice: string;
}

export interface NewEntryOptions {
  /**
   * The IANA time zone a new talk is placed in (the author edits it for talks elsewhere). Default: this
   * machine's zone, when it is a real place; otherwise UTC.
   */
  timeZone?: string;
}

/** A field written with the comment that explains it. */
export interface DocumentedField {
  key: string;
  value: unknown;
  help: string;
}

/** Lines of a YAML block: fields, and plain comment lines (optional fields shown commented out). */
export type DocumentedLine = DocumentedField | string;
type Line = DocumentedLine;

const DRAFT_HELP = 'true: shown by `./hub dev` only, marked as a draft. Set it to false to publish on the next push.';

/** How each kind is named in a sentence. */
const LABELS: Record<NewKind, string> = {
  essay: 'essay',
  note: 'note',
  theory: 'theory',
  stance: 'stance',
  talk: 'talk',
  topic: 'topic',
  press: 'press quote',
  invitation: 'invitation to speak',
};

function draftNotice(kind: NewKind, syndicated: boolean): string {
  const then = syndicated ? ' (and post it to your networks)' : '';
  return `Draft: this ${LABELS[kind]} shows in \`./hub dev\` only, marked as a draft. Set \`draft: false\` to publish it on the next push${then}.`;
}

/**
 * The file for a new entry. `text` is the title, except for a note (the note itself: notes have no
 * title), a talk (the event's name) and a press quote (the outlet's name).
 */
export function newEntry(kind: NewKind, text: string, now: Date, options: NewEntryOptions = {}): NewEntry {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const what = NEW_TEXT[kind];
  if (!trimmed) throw new Error(`expected a ${what}, got an empty string`);
  const slug = slugify(kind === 'note' ? trimmed.split(/\s+/).slice(0, 6).join(' ') : trimmed);
  if (!slug) throw new Error(`could not make a file name from ${JSON.stringify(trimmed)}: use some letters or digits`);
  const day = isoDay(now);
  const folder = `content/${FOLDERS[kind]}`;
  const draft = (lines: Line[], body: string, path = `${folder}/${slug}.md`, syndicated = false): NewEntry => ({
    path,
    contents: frontMatter(lines) + `\n${body}\n`,
    draft: true,
    notice: draftNotice(kind, syndicated),
  });

  switch (kind) {
    case 'essay':
      return draft(
        [
          '# An essay. Its file name is its address: /essays/<file name>/. Every field: docs/writing.md, "Essays".',
          { key: 'title', value: trimmed, help: 'The headline.' },
          {
            key: 'description',
            value: 'One or two sentences that make someone want to read it.',
            help: 'One or two sentences: the summary in listings, feeds, search results and link previews.',
          },
          { key: 'date', value: day, help: 'Publication date, like 2026-11-25. A date in the future holds the essay back until then.' },
          { key: 'tags', value: [], help: 'Topics, each with a page under /tags/, for example [leadership, energy].' },
          { key: 'draft', value: true, help: DRAFT_HELP },
          '# Optional:',
          '# updated: 2026-12-24            # the date of the last meaningful revision',
          '# canonical: https://…           # where it was first published, if not here',
          '# cites:                         # what it builds on, by file name',
          '#   theories: [a-theory]',
          '#   essays: [another-essay]',
          '# syndication:',
          '#   skip: [x]                    # networks it must never be posted to',
        ],
        'Start writing here, in Markdown.',
        undefined,
        true,
      );
    case 'theory':
      return draft(
        [
          '# A theory: an idea still forming, shared before it is finished. Every field: docs/writing.md, "Theories".',
          { key: 'title', value: trimmed, help: 'The idea, stated as a claim or a question.' },
          { key: 'summary', value: 'The idea in one or two sentences.', help: 'The idea in one or two sentences, for listings and feeds.' },
          { key: 'date', value: day, help: 'When it was first published. A date in the future holds it back until then.' },
          { key: 'stage', value: 'hunch', help: 'Where the idea stands now: hunch, working-theory, conviction or retired.' },
          {
            key: 'confidence',
            value: 'A hunch: say how sure you are, in plain words.',
            help: 'How sure you are, in plain words ("fairly sure", "a hunch I keep coming back to").',
          },
          {
            key: 'openQuestions',
            value: [],
            help: 'Questions you cannot answer yet and would like help with, one per line starting with -.',
          },
          {
            key: 'changeMyMind',
            value: 'What evidence or argument would change your mind?',
            help: 'What evidence or argument would change your mind.',
          },
          { key: 'tags', value: [], help: 'Topics, each with a page under /tags/, for example [leadership, energy].' },
          { key: 'draft', value: true, help: DRAFT_HELP },
          '# Optional: a revision log, one entry per change (stage only when it moved):',
          '# revisions:',
          `#   - { date: ${day}, stage: working-theory, change: Narrowed the claim, why: What changed your mind }`,
        ],
        'What makes you think so?',
        undefined,
        true,
      );
    case 'note':
      return {
        path: `${folder}/${day}-${slug}.md`,
        contents:
          frontMatter([
            '# A note: a few sentences that go out whole on every network. Every field: docs/writing.md, "Notes".',
            {
              key: 'date',
              value: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
              help: 'When it is published. A time in the future holds it back until then.',
            },
            { key: 'tags', value: [], help: 'Topics, each with a page under /tags/, for example [leadership, energy].' },
            '# This note publishes on the next push and is posted to your networks. To hold it back, add:',
            '# draft: true',
            '# Optional:',
            '# link: https://…                # a link the note is about',
          ]) + `\n${trimmed}\n`,
        draft: false,
        notice:
          'PUBLISHES ON THE NEXT PUSH: this note goes on your site and is posted to every network you have set up. ' +
          'To hold it back, add `draft: true` to its front matter.',
      };
    case 'stance':
      return draft(
        [
          '# A stance: where you stand, said openly; listed on /stances/. Every field: docs/writing.md, "Stances".',
          { key: 'title', value: trimmed, help: 'The stance in a few words, as a heading: "Against fracking".' },
          {
            key: 'position',
            value: 'Say where you stand in a sentence or two, in the first person.',
            help: 'The position itself, in one or two sentences, in the first person.',
          },
          { key: 'since', value: now.getUTCFullYear(), help: 'When you took it: a year (2013), a month (2013-06) or a date (2013-06-04).' },
          { key: 'draft', value: true, help: DRAFT_HELP },
          '# Optional: the essays, theories and notes behind it, by file name:',
          '# cites:',
          '#   essays: [an-essay]',
        ],
        'Why you hold it, and what it has cost you.',
      );
    case 'talk':
      return draft(talkLines({ title: trimmed, event: { name: trimmed } }, now, options), TALK_BODY);
    case 'topic':
      return draft(
        [
          '# A topic: a talk you offer to give, listed on /speaking/. Every field: docs/writing.md, "Topics".',
          { key: 'title', value: trimmed, help: 'The talk’s title, as an organiser would print it.' },
          {
            key: 'formats',
            value: [{ format: 'keynote', length: 45 }],
            help: 'The formats you give it in, each with its length in minutes (keynote, panel, workshop, fireside, podcast, interview).',
          },
          {
            key: 'audiences',
            value: ['Who it is for, for example boards and senior leadership teams'],
            help: 'Who it is for, one per line starting with -.',
          },
          { key: 'order', value: 0, help: 'Position on the speaking page: lower comes first, then by title.' },
          { key: 'draft', value: true, help: DRAFT_HELP },
        ],
        'The abstract organisers read: what people will take away, in a paragraph or two.',
      );
    case 'invitation':
      // Never a draft, never published: an invitation has no page; /impact/ counts it.
      return {
        path: `${folder}/${slug}.md`,
        contents:
          frontMatter([
            '# An invitation to speak: private evidence, counted on /impact/ (never a page of its own). Every field: docs/writing.md, "Invitations to speak".',
            { key: 'event', value: trimmed, help: 'The event you were invited to.' },
            { key: 'organiser', value: { name: 'Who asked' }, help: 'Who asked: a person or an organisation ({ name, url }).' },
            { key: 'asked', value: day, help: 'When the invitation arrived, like 2026-11-25.' },
            {
              key: 'format',
              value: 'keynote',
              help: 'What they asked for: keynote, panel, workshop, fireside, podcast, interview or other.',
            },
            {
              key: 'outcome',
              value: 'pending',
              help: 'pending, accepted or declined. Declined invitations count too: being asked is the evidence.',
            },
            '# Optional:',
            '# eventDate: 2027-03-10          # when the event takes place, if known',
            '# audience: { size: 300, description: Community energy groups }',
            '# reason: Clashes with our AGM   # why you accepted or declined',
            '# Accepted? `./hub new talk --from-invitation <this file name>` writes the talk and links the two.',
          ]) + '\nYour notes: who wrote, what they asked, what you answered. Never published.\n',
        draft: false,
        notice: 'Private: an invitation has no page of its own; /impact/ counts it (per quarter, and how many were accepted).',
      };
    case 'press':
      return draft(
        [
          '# A press quote: one appearance in the press, shown on /press/ and /speaking/. Every field: docs/writing.md, "Press quotes".',
          { key: 'outlet', value: trimmed, help: 'The publication or programme.' },
          { key: 'headline', value: 'The headline of the piece', help: 'The piece’s headline (or episode title).' },
          { key: 'url', value: 'https://example.com/replace-with-the-address-of-the-piece', help: 'Where the piece can be read or heard.' },
          { key: 'date', value: day, help: 'When the piece was published. A date in the future holds the quote back until then.' },
          { key: 'kind', value: 'quoted', help: 'quoted, interview, op-ed or podcast.' },
          { key: 'quote', value: 'Your words, exactly as published.', help: 'Your words, exactly as published.' },
          { key: 'draft', value: true, help: DRAFT_HELP },
          '# Optional: the outlet’s logo, relative to this file:',
          '# logo: ./logos/outlet.svg',
        ],
        'Anything below the front matter is for your own notes; it is not published.',
        `${folder}/${day}-${slug}.md`,
      );
  }
}

const TALK_BODY = 'The abstract: what the talk is about, as organisers and attendees read it.';

/** A talk's front matter: the fields `./hub new talk` fills in, given its title and event. */
function talkLines(
  talk: { title: string; event: { name: string; organiser?: { name: string; url?: string | undefined } | undefined } },
  now: Date,
  options: NewEntryOptions,
  from: { day?: string | undefined; format?: TalkFormat | undefined; extra?: DocumentedLine[] } = {},
): Line[] {
  const zone = talkTimeZone(options.timeZone);
  // A placeholder a month ahead, so the talk sits among the upcoming ones while it is drafted.
  const date = from.day ?? isoDay(new Date(now.getTime() + 28 * 24 * 60 * 60 * 1000));
  return [
    '# A talk: one appearance, listed on /speaking/ and in the calendar feed. Every field: docs/writing.md, "Talks".',
    { key: 'title', value: talk.title, help: 'The talk’s title as the programme prints it.' },
    { key: 'event', value: talk.event, help: 'The event it is part of; optionally its url and organiser ({ name, url }).' },
    { key: 'start', value: `${date}T09:00`, help: 'Start, as the local time at the venue, without an offset.' },
    { key: 'end', value: `${date}T10:00`, help: 'End, as the local time at the venue; after the start.' },
    {
      key: 'timezone',
      value: zone,
      help: 'The venue’s time zone (the host’s, online), for example Europe/London or America/New_York.',
    },
    {
      key: 'location',
      value: { venue: 'The venue', city: 'The city', country: 'The country' },
      help: 'Where it is, for talks people attend in person (address is optional).',
    },
    { key: 'format', value: from.format ?? 'keynote', help: 'keynote, panel, workshop, fireside, podcast or interview.' },
    ...(from.extra ?? []),
    {
      key: 'draft',
      value: true,
      help: 'true: not announced yet, shown by `./hub dev` only. Set it to false to announce it on the next push.',
    },
    '# Optional:',
    '# onlineUrl: https://…           # where people join or watch (online or mixed talks)',
    '# status: tentative              # confirmed (default), tentative, postponed or cancelled',
    '# topic: a-topic                 # a file name in content/topics/',
    '# video: https://…               # organisers look for the recording first',
    '# slides: https://…',
  ];
}

/**
 * The talk an accepted invitation becomes (`./hub new talk --from-invitation <id>`): its event,
 * organiser, date, format and audience size carried over, and `invitation: <id>` so the talk knows
 * where it came from. `title` names the file (default: the event). A draft, like every new talk.
 */
export function talkFromInvitation(
  invitation: { id: string; data: InvitationData },
  now: Date,
  options: NewEntryOptions & { title?: string | undefined } = {},
): NewEntry {
  const { data } = invitation;
  const title = (options.title ?? data.event).replace(/\s+/g, ' ').trim();
  const slug = slugify(title);
  if (!slug) throw new Error(`could not make a file name from ${JSON.stringify(title)}: use some letters or digits`);
  const talkFormat = (TALK_FORMATS as readonly string[]).includes(data.format) ? (data.format as TalkFormat) : undefined;
  const extra: DocumentedLine[] = [];
  if (!talkFormat) extra.push(`# The invitation asked for "${data.format}": choose the talk format closest to it.`);
  if (data.audience?.size !== undefined)
    extra.push({ key: 'audienceSize', value: data.audience.size, help: 'How many people were (or are expected to be) in the audience.' });
  if (data.audience?.description)
    extra.push(`# The audience, as the organiser described it: ${data.audience.description.replace(/\s+/g, ' ')}`);
  extra.push({ key: 'invitation', value: invitation.id, help: 'The invitation this talk came from, in content/invitations/.' });
  const organiser = { name: data.organiser.name, ...(data.organiser.url ? { url: data.organiser.url } : {}) };
  const lines = talkLines({ title, event: { name: data.event, organiser } }, now, options, {
    day: data.eventDate ? isoDay(data.eventDate) : undefined,
    format: talkFormat,
    extra,
  });
  return {
    path: `content/${FOLDERS.talk}/${slug}.md`,
    contents: frontMatter(lines) + `\n${TALK_BODY}\n`,
    draft: true,
    notice: draftNotice('talk', false),
  };
}

/**
 * An invitation's file with `outcome: accepted` and `talk: <slug>` set, every other line (comments
 * included) and the notes below the front matter kept as written.
 */
export function acceptedInvitation(text: string, talk: string): string {
  const parts = splitFrontMatter(text);
  if (!parts) throw new Error('the invitation has no front matter');
  const document = parseDocument(parts.yaml);
  if (document.errors.length > 0) throw new Error(`the invitation's front matter is not YAML: ${document.errors[0]!.message}`);
  document.set('outcome', 'accepted');
  document.set('talk', talk);
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd()}\n---\n${parts.body}`;
}

/** The zone a new talk is placed in: the one given or this machine's, checked; UTC when neither is a real zone. */
function talkTimeZone(requested: string | undefined): string {
  const zone = requested ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (zone && canonicalTimeZone(zone)) || 'UTC';
}

/**
 * YAML with a comment above each field (and `string` lines as comments of their own), so the file
 * explains itself to the person who edits it. Shared with `./hub init` (profile.yaml, site.yaml).
 */
export function documentedYaml(lines: DocumentedLine[]): string {
  return (
    lines
      .map((line) => {
        if (typeof line === 'string') return line;
        // yaml quotes what needs quoting (colons, leading dashes, "yes"), so any title round-trips.
        return `# ${line.help}\n${stringify({ [line.key]: line.value }, { lineWidth: 0, flowCollectionPadding: false }).trimEnd()}`;
      })
      .join('\n') + '\n'
  );
}

function frontMatter(lines: Line[]): string {
  return `---\n${documentedYaml(lines)}---\n`;
}
