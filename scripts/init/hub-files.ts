/**
 * The files `./hub init` writes into a new `content/`: profile.yaml, site.yaml, policy.yaml and (when
 * the portrait is big enough to print) speaking.yaml. Each is checked against the schema the build
 * uses before anything is written, so a hub `init` sets up always builds.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { parse as parseYaml } from 'yaml';
import { documentedYaml } from '../../src/lib/authoring.ts';
import { policySchema } from '../../src/contract/policy.ts';
import { NETWORK_LABELS, PUBLIC_NETWORKS } from '../../src/contract/networks.ts';
import { profileSchema } from '../../src/schemas/profile.ts';
import { DEFAULT_ACCENT, siteSchema } from '../../src/schemas/site.ts';
import { speakingSchema } from '../../src/schemas/speaking.ts';
import type { Handle } from './handles.ts';

/** What the person told `init`, checked field by field (see questions.ts). */
export interface Answers {
  name: string;
  title: string;
  organisation: string;
  organisationUrl?: string | undefined;
  location: string;
  url: string;
  email: string;
  language: string;
  portraitCredit?: string | undefined;
  handles: Handle[];
}

/** Where the portrait goes, relative to `content/`. */
export const PORTRAIT_FILE = 'images/portrait.jpg';

/**
 * `image()` as the build's schemas get it from Astro, for checking outside a build: the path is
 * checked to be text here, and the file to exist by `init` itself (it writes it).
 */
const outsideAstro = { image: () => z.string() } as unknown as SchemaContext;

/** The placeholders the person is asked to replace, so the next-steps message can say where. */
export const PLACEHOLDER_FIELDS = ['bio.short', 'bio.medium', 'bio.long', 'valueStatement'] as const;

function bios(answers: Answers): { short: string; medium: string; long: string } {
  const { name, title, organisation, location } = answers;
  const first = name.split(/\s+/)[0]!;
  const fact = `${name} is ${title} at ${organisation}, based in ${location}.`;
  return {
    short: `${fact} This short bio is a placeholder: replace it with about twenty words.`,
    medium:
      `${fact} This medium-length bio is a placeholder written by ./hub init. Replace it in content/profile.yaml ` +
      `with about fifty words in the third person, for conference programmes and author boxes: what ${first} ` +
      'works on, what they believe, and why people listen.',
    long: [
      `${fact} This long bio is a placeholder written by ./hub init. It is shown on the about page and in speaker ` +
        'packs until it is replaced in content/profile.yaml.',
      'Write 120 words or more, in the third person, in two to four paragraphs separated by blank lines. Say what ' +
        `${first} does and for whom, what ${first} has built or changed, and the experience that earns the right to ` +
        'an opinion.',
      `Then say what ${first} believes that others in the field do not, and where ${first} writes and speaks about ` +
        'it. Organisers paste this text into programmes and introductions, so keep it true, specific and free of jargon.',
    ].join('\n\n'),
  };
}

export interface HubFiles {
  /** Paths relative to `content/`, with their text. */
  yaml: Record<string, string>;
  /** True when `speaking.yaml` offers the portrait as the print headshot. */
  speaking: boolean;
}

/** The YAML files of a new hub, checked against the build's schemas; throws `content/<file>: <field>: <problem>`. */
export function hubFiles(answers: Answers, portrait: { printable: boolean }): HubFiles {
  const { name, email } = answers;
  const photo = {
    src: `./${PORTRAIT_FILE}`,
    alt: `Portrait of ${name}`,
    credit: answers.portraitCredit ?? `Photo supplied by ${name}`,
  };
  const yaml: Record<string, string> = {};

  yaml['profile.yaml'] = documentedYaml([
    '# The person this hub is about. Every page, feed and share card reads from here. Every field: docs/writing.md, "You".',
    '# Written by ./hub init: replace the placeholder bios and value statement before you publish.',
    { key: 'name', value: name, help: 'Your full name, as bylines and search engines show it.' },
    { key: 'jobTitle', value: answers.title, help: 'Your job title, for example Chief Executive.' },
    {
      key: 'organisation',
      value: { name: answers.organisation, ...(answers.organisationUrl ? { url: answers.organisationUrl } : {}) },
      help: 'The organisation you lead or work for (url is optional).',
    },
    { key: 'location', value: answers.location, help: 'Where you are based, for example Leeds, United Kingdom.' },
    { key: 'photo', value: photo, help: 'Your portrait (relative to this file), what it shows, and who took it.' },
    {
      key: 'valueStatement',
      value: 'What you stand for, in one line: replace this in content/profile.yaml.',
      help: 'One line that says what you stand for; shown under your name.',
    },
    { key: 'email', value: email, help: 'For "write to me" links and booking requests.' },
    {
      key: 'links',
      value: answers.handles.map((handle) => ({ label: NETWORK_LABELS[handle.network], url: handle.url })),
      help: 'Your profiles elsewhere, each linked with rel="me" so the networks can verify the site is yours.',
    },
    {
      key: 'handles',
      value: Object.fromEntries(answers.handles.map((handle) => [handle.network, handle.handle])),
      help: `Your handle on each network the hub posts to: ${PUBLIC_NETWORKS.join(', ')}.`,
    },
    {
      key: 'bio',
      value: bios(answers),
      help: 'Bios in three lengths, in the third person: short 10–35 words, medium 35–80, long 100–600.',
    },
  ]);

  yaml['site.yaml'] = documentedYaml([
    '# Settings for the site as a whole; the person lives in profile.yaml. Every field: docs/writing.md, "The site".',
    { key: 'url', value: answers.url, help: 'The public address of the site: https, and no path.' },
    { key: 'language', value: answers.language, help: 'The language you write in, as a tag like en or en-GB.' },
    '# Optional: the site name (default: your name).',
    '# title: A name for the site',
    {
      key: 'theme',
      value: { accent: DEFAULT_ACCENT },
      help: 'Your colour: links and highlights, and from it the dark mode, the share cards and the favicon (4.5:1 on white).',
    },
  ]);

  yaml['policy.yaml'] = documentedYaml([
    '# Words and topics that need a second look before a piece goes out under your name.',
    '# `./hub run syndicate` holds back any piece whose title, text, tags or per-network wording mentions',
    '# one of them, and lists it in its summary. Once someone has read it, add to its front matter:',
    '#',
    '#   syndication:',
    '#     reviewed: true',
    '#',
    '# Each entry is a word or phrase (whole words, any case; a trailing * matches any ending), or a topic',
    '# with its words, for example:',
    '#',
    '#   review:',
    '#     - topic: jobs',
    '#       words: [redundanc*, layoff*, job cuts]',
    '#     - a rival’s name',
    { key: 'review', value: [], help: 'Nothing is held back yet.' },
  ]);

  if (portrait.printable) {
    yaml['speaking.yaml'] = documentedYaml([
      '# What the speaking and press pages need besides talks (content/talks/) and topics (content/topics/).',
      '# Every field: docs/writing.md, "Speaking".',
      {
        key: 'headshots',
        value: [{ ...photo, usage: `Free to use in event programmes, promotion and press coverage of ${name}, with the credit above.` }],
        help: 'Photos organisers and journalists may download, at least 1500 px on each side.',
      },
      { key: 'av', value: [], help: 'What you need on stage (microphone, screen, clicker…), one item per line starting with -.' },
      { key: 'travel', value: [], help: 'Travel and accommodation needs, one item per line starting with -.' },
      {
        key: 'booking',
        value: {
          email,
          subject: `Speaking enquiry for ${name}`,
          include: [
            'Event name, date and city (or online)',
            'Audience and its size',
            'Format and length',
            'Budget, or whether the event is unpaid',
          ],
        },
        help: 'How organisers book a talk: where requests go, their subject line, and what they should say.',
      },
      { key: 'mediaContact', value: { name, email }, help: 'Who journalists contact (phone is optional, in international form).' },
    ]);
  }

  const checks: Array<[string, z.ZodType]> = [
    ['profile.yaml', profileSchema(outsideAstro)],
    ['site.yaml', siteSchema],
    ['policy.yaml', policySchema],
    ...(portrait.printable ? [['speaking.yaml', speakingSchema(outsideAstro)] as [string, z.ZodType]] : []),
  ];
  for (const [file, schema] of checks) {
    const result = schema.safeParse(parseYaml(yaml[file]!));
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`content/${file}: ${issue.path.join('.') || '(whole file)'}: ${issue.message}`);
    }
  }
  return { yaml, speaking: portrait.printable };
}
