import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { essaySchema } from '../schemas/essay.ts';
import { invitationSchema } from '../schemas/invitation.ts';
import { noteSchema } from '../schemas/note.ts';
import { pressSchema } from '../schemas/press.ts';
import { stanceSchema } from '../schemas/stance.ts';
import { talkSchema } from '../schemas/talk.ts';
import { theorySchema } from '../schemas/theory.ts';
import { topicSchema } from '../schemas/topic.ts';
import { acceptedInvitation, NEW_KINDS, newEntry, slugify, talkFromInvitation, type NewKind } from './authoring.ts';

const now = new Date('2026-11-25T09:30:12.345Z');

function frontMatterOf(contents: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(contents);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

describe('slugify', () => {
  test('folds accents, drops punctuation and joins words with dashes', () => {
    expect(slugify('Café: why “yes” matters — 2026!')).toBe('cafe-why-yes-matters-2026');
  });

  test('keeps letters of other scripts', () => {
    expect(slugify('Ενέργεια για όλους')).toBe('ενεργεια-για-ολους');
  });

  test('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });
});

describe('newEntry', () => {
  test('writes an essay as a draft with the title quoted safely', () => {
    const entry = newEntry('essay', 'Yes: a "title" with #hash', now);
    expect(entry.path).toBe('content/essays/yes-a-title-with-hash.md');
    expect(frontMatterOf(entry.contents)).toMatchObject({ title: 'Yes: a "title" with #hash', date: '2026-11-25', draft: true, tags: [] });
  });

  test('starts a theory as a hunch', () => {
    expect(frontMatterOf(newEntry('theory', 'Trust first', now).contents)).toMatchObject({ stage: 'hunch', title: 'Trust first' });
  });

  test('puts a note’s text in its body and the date in its file name', () => {
    const entry = newEntry('note', 'A quick thought about wind farms and trust in small towns.', now);
    expect(entry.path).toBe('content/notes/2026-11-25-a-quick-thought-about-wind-farms.md');
    expect(frontMatterOf(entry.contents)).toMatchObject({ date: '2026-11-25T09:30:12Z' });
    expect(entry.contents.trimEnd().endsWith('A quick thought about wind farms and trust in small towns.')).toBe(true);
  });

  test('writes every kind so that its collection’s schema accepts it as it is', () => {
    // Stand-ins for what Astro hands the schemas: images and references as plain file names.
    const context = { image: () => z.string(), reference: () => z.string() } as unknown as Parameters<typeof essaySchema>[0];
    const schemas: Record<NewKind, z.ZodType> = {
      essay: essaySchema(context),
      note: noteSchema(context),
      theory: theorySchema(context),
      stance: stanceSchema(context),
      talk: talkSchema,
      topic: topicSchema,
      press: pressSchema(context),
      invitation: invitationSchema,
    };
    for (const kind of NEW_KINDS) {
      const entry = newEntry(kind, 'Who owns the wind? Notes from a village hall', now);
      const result = schemas[kind].safeParse(frontMatterOf(entry.contents));
      expect(result.error?.issues, kind).toBeUndefined();
    }
  });

  test('says in one line what happens next: a note publishes on the next push, an invitation never, every other kind is a draft', () => {
    for (const kind of NEW_KINDS) {
      const entry = newEntry(kind, 'A title', now);
      expect(entry.notice).not.toContain('\n');
      if (kind === 'note') {
        expect(entry.draft).toBe(false);
        expect(entry.notice).toMatch(/^PUBLISHES ON THE NEXT PUSH: .* posted to every network/);
      } else if (kind === 'invitation') {
        expect(entry.draft).toBe(false);
        expect(entry.notice).toMatch(/^Private: .*no page of its own/);
      } else {
        expect(entry.draft).toBe(true);
        expect(frontMatterOf(entry.contents)['draft']).toBe(true);
        expect(entry.notice).toMatch(/^Draft: /);
      }
    }
  });

  test('explains each field in a comment above it', () => {
    const text = newEntry('essay', 'A title', now).contents;
    expect(text).toMatch(/# One or two sentences: the summary in listings.*\ndescription: /);
    expect(text).toMatch(/# true: shown by `\.\/hub dev` only.*\ndraft: true/);
  });

  test('places a talk a month ahead, in the given time zone, and files a press quote under its day', () => {
    const talk = frontMatterOf(newEntry('talk', 'Energy Futures Week', now, { timeZone: 'Europe/Paris' }).contents);
    expect(talk).toMatchObject({
      event: { name: 'Energy Futures Week' },
      start: '2026-12-23T09:00',
      end: '2026-12-23T10:00',
      timezone: 'Europe/Paris',
    });
    expect(frontMatterOf(newEntry('talk', 'X', now, { timeZone: 'Not/AZone' }).contents)['timezone']).toBe('UTC');
    expect(newEntry('press', 'The Guardian', now).path).toBe('content/press/2026-11-25-the-guardian.md');
  });

  test('refuses an empty title', () => {
    expect(() => newEntry('essay', '   ', now)).toThrow(/expected a title/);
    expect(() => newEntry('essay', '!!!', now)).toThrow(/could not make a file name/);
  });
});

describe('talkFromInvitation', () => {
  const invitation = invitationSchema.parse({
    event: 'Energy Futures Week 2027',
    organiser: { name: 'Scottish Community Energy Network', url: 'https://scen.example' },
    asked: '2026-10-02',
    eventDate: '2027-03-10',
    format: 'panel',
    audience: { size: 250, description: 'Community groups and council officers' },
    outcome: 'pending',
  });

  test('carries the event, organiser, date, format and audience size over, and names the invitation', () => {
    const entry = talkFromInvitation({ id: 'energy-futures-week-2027', data: invitation }, now, { timeZone: 'Europe/London' });
    expect(entry.path).toBe('content/talks/energy-futures-week-2027.md');
    const talk = frontMatterOf(entry.contents);
    expect(talk).toMatchObject({
      title: 'Energy Futures Week 2027',
      event: { name: 'Energy Futures Week 2027', organiser: { name: 'Scottish Community Energy Network', url: 'https://scen.example' } },
      start: '2027-03-10T09:00',
      format: 'panel',
      audienceSize: 250,
      invitation: 'energy-futures-week-2027',
      draft: true,
    });
    expect(entry.contents).toContain('# The audience, as the organiser described it: Community groups and council officers');
    expect(talkSchema.safeParse(talk).error?.issues).toBeUndefined();
  });

  test('names the file after the title given, and leaves a format the talks do not have for the author to choose', () => {
    const entry = talkFromInvitation({ id: 'x', data: { ...invitation, format: 'other', eventDate: undefined } }, now, {
      title: 'Who owns the wind?',
    });
    expect(entry.path).toBe('content/talks/who-owns-the-wind.md');
    expect(frontMatterOf(entry.contents)).toMatchObject({ format: 'keynote', start: '2026-12-23T09:00' });
    expect(entry.contents).toContain('The invitation asked for "other"');
  });
});

describe('acceptedInvitation', () => {
  test('sets the outcome and the talk, keeping the comments and the notes as written', () => {
    const before = newEntry('invitation', 'Energy Futures Week', now).contents;
    const after = acceptedInvitation(before, 'energy-futures-week');
    expect(frontMatterOf(after)).toMatchObject({ event: 'Energy Futures Week', outcome: 'accepted', talk: 'energy-futures-week' });
    expect(after).toContain('# When the invitation arrived, like 2026-11-25.');
    expect(after.slice(after.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));
  });
});
