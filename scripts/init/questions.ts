/**
 * What `./hub init` asks, each question with its flag and its check. Answers are checked with the
 * build's own schemas (src/schemas/profile.ts, site.ts), so a message here reads like the build's.
 * Flags answer questions up front; in a terminal the rest are asked, and a wrong answer is asked again.
 * One question per channel with public profiles asks for its handle, checked by the channel's own rule.
 */
import type { Interface } from 'node:readline/promises';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { NETWORK_LABELS } from '../../src/contract/networks.ts';
import { profileSchema } from '../../src/schemas/profile.ts';
import { DEFAULT_LANGUAGE, siteSchema } from '../../src/schemas/site.ts';
import { UsageError } from '../lib/cli.ts';
import { parseHandle, type Handle, type HandleRules } from './handles.ts';
import { SAMPLE_PERSON } from './sample.ts';

const profile = profileSchema({ image: () => z.string() } as unknown as SchemaContext).shape;

/** The checked value of one answer; throws a sentence saying what was expected. */
type Check = (text: string) => string;

/** A check made of a schema field: its message is the build's. */
const field =
  (schema: z.ZodType): Check =>
  (text) => {
    const result = schema.safeParse(text);
    if (!result.success) throw new Error(result.error.issues[0]!.message);
    return String(result.data);
  };

/** The site's address at the root of a domain, as site.yaml keeps it: `https://ada.example`. */
function siteUrl(text: string): string {
  const url = new URL(field(siteSchema.shape.url)(text.trim()));
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `expected the address of the site at the root of a domain, like https://ada.example.com (without ${url.pathname}${url.search}${url.hash})`,
    );
  }
  return url.origin;
}

function email(text: string): string {
  const value = field(profile.email)(text.trim());
  if (value.toLowerCase() === SAMPLE_PERSON.email) throw new Error('expected your own email address, not the sample hub’s');
  return value;
}

export interface Question {
  /** The answer's key in `Answers`, and its flag (`--organisation-url`). */
  key: string;
  flag: string;
  /** Asked in a terminal. */
  prompt: string;
  required: boolean;
  check: Check;
  /** For `--help`. */
  help: string;
}

/** Every question, in the order asked; the handles' come from the channels' rules (`handleRules`). */
export function initQuestions(rules: HandleRules): Question[] {
  return [
    {
      key: 'name',
      flag: 'name',
      prompt: 'Your full name',
      required: true,
      check: field(profile.name),
      help: 'your full name, as bylines show it',
    },
    {
      key: 'title',
      flag: 'title',
      prompt: 'Your job title',
      required: true,
      check: field(profile.jobTitle),
      help: 'job title, e.g. "Chief Executive"',
    },
    {
      key: 'organisation',
      flag: 'organisation',
      prompt: 'Your organisation',
      required: true,
      check: field(profile.organisation.shape.name),
      help: 'the organisation you lead or work for',
    },
    {
      key: 'organisationUrl',
      flag: 'organisation-url',
      prompt: 'Its website (optional)',
      required: false,
      check: (text) => field(profile.organisation.shape.url)(text.trim()),
      help: 'the organisation’s website',
    },
    {
      key: 'location',
      flag: 'location',
      prompt: 'Where you are based (city, country)',
      required: true,
      check: field(profile.location),
      help: 'e.g. "Leeds, United Kingdom"',
    },
    {
      key: 'url',
      flag: 'url',
      prompt: 'The site’s address (https://…)',
      required: true,
      check: siteUrl,
      help: 'the site’s public address, e.g. https://ada.example.com',
    },
    {
      key: 'portrait',
      flag: 'portrait',
      prompt: 'Path to a photo of you (JPEG, PNG, WebP…)',
      required: true,
      check: (text) => text.trim(),
      help: 'a photo of you, at least 400 px (1500 px to serve print)',
    },
    {
      key: 'portraitCredit',
      flag: 'portrait-credit',
      prompt: 'Who took the photo (optional)',
      required: false,
      check: field(profile.photo.shape.credit),
      help: 'the photographer, credited wherever it is downloaded',
    },
    {
      key: 'email',
      flag: 'email',
      prompt: 'Your email address',
      required: true,
      check: email,
      help: 'for "write to me" links and booking requests',
    },
    ...[...rules].map(([network, rule]): Question => ({
      key: network,
      flag: network,
      prompt: `Your ${NETWORK_LABELS[network]} handle (optional, e.g. ${rule.example.handle})`,
      required: false,
      check: (text) => parseHandle(network, rule, text).handle,
      help: `your ${NETWORK_LABELS[network]} handle or profile address`,
    })),
    {
      key: 'language',
      flag: 'language',
      prompt: 'The language you write in',
      required: false,
      check: field(siteSchema.shape.language),
      help: `a language tag like en-GB or en-US (default ${DEFAULT_LANGUAGE}); dates and numbers are written its way`,
    },
  ];
}

/** Questions not asked in a terminal: they have a sensible default and are rarely changed. */
const NOT_ASKED = new Set(['language']);

/** The flags given, each checked; a bad value is a `UsageError` naming the flag. */
export function checkFlags(questions: readonly Question[], values: Record<string, string | undefined>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const value = values[question.flag];
    if (value === undefined) continue;
    try {
      answers[question.key] = question.check(value);
    } catch (error) {
      throw new UsageError(`--${question.flag}: ${(error as Error).message}`);
    }
  }
  return answers;
}

/** The required questions without an answer, as flags: `--name, --email`. */
export function missingFlags(questions: readonly Question[], answers: Record<string, string>): string[] {
  return questions.filter((question) => question.required && answers[question.key] === undefined).map((question) => `--${question.flag}`);
}

/**
 * Asks, in a terminal, every question the flags left open: required ones until answered well, optional
 * ones once (Enter skips). `extraCheck` lets the caller check an answer further (the portrait's file).
 */
export async function askMissing(
  questions: readonly Question[],
  answers: Record<string, string>,
  terminal: { rl: Interface; output: NodeJS.WritableStream },
  extraCheck: (key: string, value: string) => Promise<void> = async () => {},
): Promise<Record<string, string>> {
  const { rl, output } = terminal;
  const result = { ...answers };
  for (const question of questions) {
    if (result[question.key] !== undefined || NOT_ASKED.has(question.key)) continue;
    for (;;) {
      const text = (await rl.question(`${question.prompt}: `)).trim();
      if (!text) {
        if (!question.required) break;
        output.write(`  an answer is needed here\n`);
        continue;
      }
      try {
        const value = question.check(text);
        await extraCheck(question.key, value);
        result[question.key] = value;
        break;
      } catch (error) {
        // Said, then asked again.
        output.write(`  ${(error as Error).message}\n`);
      }
    }
  }
  return result;
}

/** The handles among the answers, each parsed again into its handle and profile link. */
export function handlesOf(rules: HandleRules, answers: Record<string, string>): Handle[] {
  return [...rules]
    .filter(([network]) => answers[network] !== undefined)
    .map(([network, rule]) => parseHandle(network, rule, answers[network]!));
}
