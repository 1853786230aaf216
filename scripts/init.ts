/**
 * `./hub init` (`node scripts/init.ts`): makes the sample hub someone's own. It asks for (or takes as
 * flags) the person's name, job title, organisation, location, the site's address, a portrait, an
 * email and network handles; writes content/profile.yaml, site.yaml, policy.yaml, speaking.yaml (when
 * the portrait is big enough to print) and images/portrait.jpg into a new `content/`; and moves the
 * sample's `content/` — pieces, talks, press, stances and all — to `examples/content/`, which the
 * build never reads. Everything is checked before anything is written, and written all at once
 * (scripts/init/write.ts). It refuses to replace a hub someone has already made theirs unless told
 * `--force` (scripts/init/sample.ts says how it knows), and even then deletes nothing.
 *
 * Exit codes: 0 done, 1 refused or failed (nothing changed), 2 a wrong or missing flag.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { hubFiles, PORTRAIT_FILE, type Answers } from './init/hub-files.ts';
import { preparePortrait, type Portrait } from './init/portrait.ts';
import { handleRules, type HandleRules } from './init/handles.ts';
import { askMissing, checkFlags, handlesOf, initQuestions, missingFlags, type Question } from './init/questions.ts';
import { customisedBecause } from './init/sample.ts';
import { installContent } from './init/write.ts';
import { PUBLIC_NETWORKS } from '../src/contract/networks.ts';
import { DEFAULT_LANGUAGE } from '../src/schemas/site.ts';
import { runCommand, UsageError } from './lib/cli.ts';

/** The synopsis: the person's flags, one per public channel (in the registry's order), and init's own. */
function synopsis(): string[] {
  const person = ['--name "Ada Lovelace"', '--title "Chief Executive"', '--organisation "…"', '--location "…"', '--url https://…'];
  const parts = [
    ...person,
    '--portrait photo.jpg',
    '--email you@…',
    ...PUBLIC_NETWORKS.map((network) => `--${network} …`),
    '--yes',
    '--force',
  ];
  const lines: string[] = [];
  let line = 'usage: ./hub init';
  for (const part of parts.map((flag) => `[${flag}]`)) {
    if (line.length + 1 + part.length > 110) {
      lines.push(line);
      line = ' '.repeat('usage: ./hub init'.length);
    }
    line += ` ${part}`;
  }
  return [...lines, line];
}

/** The help text, listing every question's flag. */
const usage = (questions: readonly Question[]): string =>
  [
    ...synopsis(),
    '',
    'Makes this hub yours. In a terminal it asks for whatever the flags leave out; elsewhere (CI, scripts)',
    'the required flags must all be given.',
    '',
    ...questions.map((question) => `  --${question.flag.padEnd(18)}${question.required ? '(required) ' : ''}${question.help}`),
    `  --${'yes'.padEnd(18)}ask nothing: take the flags as they are, and do not ask to confirm`,
    `  --${'force'.padEnd(18)}set up a hub that is already someone's (its content/ is moved to examples/, not deleted)`,
    `  --${'help'.padEnd(18)}this message`,
  ].join('\n');

/** The flags parsed: one per question, and init's own. */
const flags = (questions: readonly Question[]) => ({
  ...Object.fromEntries(questions.map((question) => [question.flag, { type: 'string' as const }])),
  yes: { type: 'boolean' as const, short: 'y' },
  force: { type: 'boolean' as const },
});

/** Thrown when init declines to go on (a customised hub, a "no" to the confirmation): exit code 1. */
class Refused extends Error {}

/** The portrait checked and prepared, or a `UsageError` naming the flag. */
async function portraitFrom(path: string): Promise<Portrait> {
  try {
    return await preparePortrait(path);
  } catch (error) {
    throw new UsageError(`--portrait: ${(error as Error).message}`);
  }
}

async function run(
  values: Record<string, string | boolean | undefined>,
  root: string,
  rules: HandleRules,
  questions: readonly Question[],
): Promise<string> {
  if (!existsSync(join(root, 'astro.config.mjs')) || !existsSync(join(root, 'package.json'))) {
    throw new Refused(`${root} is not a hub (no astro.config.mjs): run ./hub init in the hub's own folder`);
  }
  const customised = await customisedBecause(root);
  if (customised && !values['force']) {
    throw new Refused(
      `this hub is already someone's: ${customised}. Nothing was changed; run again with --force to set it up anew (its content/ is moved to examples/, not deleted)`,
    );
  }

  let answers = checkFlags(questions, values as Record<string, string | undefined>);
  const interactive = process.stdin.isTTY === true && !values['yes'];
  let portrait: Portrait | undefined;
  if (!interactive) {
    const missing = missingFlags(questions, answers);
    if (missing.length > 0) {
      throw new UsageError(
        `missing ${missing.join(', ')} (in a terminal, init asks for them; elsewhere give them as flags; --help lists them)`,
      );
    }
  }
  if (answers['portrait'] !== undefined) portrait = await portraitFrom(answers['portrait']);
  if (interactive) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    // Ctrl+C or Ctrl+D while asking: nothing has been written yet, so stopping is all there is to do.
    let asking = true;
    const stop = (code: number) => () => {
      if (!asking) return;
      process.stderr.write('\ninit: stopped; nothing was changed\n');
      process.exit(code);
    };
    rl.on('SIGINT', stop(130));
    rl.on('close', stop(1));
    try {
      process.stdout.write('Setting up your hub. Flags you gave are not asked again; Enter skips an optional question.\n');
      answers = await askMissing(questions, answers, { rl, output: process.stdout }, async (key, value) => {
        if (key === 'portrait') portrait = await preparePortrait(value);
      });
      const reply = (
        await rl.question(
          `\nWrite the hub for ${answers['name']} at ${answers['url']}${customised ? ', moving the current content/ to examples/' : ''}? [Y/n] `,
        )
      ).trim();
      if (/^n/i.test(reply)) throw new Refused('nothing was changed');
    } finally {
      asking = false;
      rl.close();
    }
  }

  const person: Answers = {
    name: answers['name']!,
    title: answers['title']!,
    organisation: answers['organisation']!,
    organisationUrl: answers['organisationUrl'],
    location: answers['location']!,
    url: answers['url']!,
    email: answers['email']!,
    language: answers['language'] ?? DEFAULT_LANGUAGE,
    portraitCredit: answers['portraitCredit'],
    handles: handlesOf(rules, answers),
  };
  const photo = portrait!;
  const { yaml, speaking } = hubFiles(person, photo);
  let movedTo: string | undefined;
  try {
    ({ movedTo } = await installContent(root, { ...yaml, [PORTRAIT_FILE]: photo.jpeg }, new Date()));
  } catch (error) {
    throw new Error(`could not put the new content/ in place, so nothing was changed: ${(error as Error).message}`, { cause: error });
  }

  return [
    `Set up the hub for ${person.name}: content/profile.yaml, site.yaml, policy.yaml${speaking ? ', speaking.yaml' : ''} and ${PORTRAIT_FILE} (${photo.width} × ${photo.height} px JPEG, metadata removed).`,
    movedTo
      ? `The previous content (the sample's pieces, talks, press, stances and profile) is in ${movedTo}/; the build ignores it.`
      : undefined,
    speaking
      ? undefined
      : `The portrait is under 1500 px on its short side, so no print headshot is offered yet: add one in content/speaking.yaml (docs/writing.md, "Speaking").`,
    'Replace the placeholder bios and value statement in content/profile.yaml before you publish.',
    '',
    'Next:',
    '  1. Write:   ./hub new essay "Your first title"   (then edit the file it names)',
    '  2. Preview: ./hub dev                             (http://localhost:4321; drafts are shown, marked)',
    '  3. Deploy:  push to GitHub — see README.md, "Put it online"',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

if (import.meta.main) {
  // The handle questions come from the channels (their `handle` rules), loaded once here.
  const rules = await handleRules();
  const questions = initQuestions(rules);
  await runCommand({
    name: 'init',
    usage: usage(questions),
    options: flags(questions),
    run: async ({ values }) => ({ output: await run(values, process.cwd(), rules, questions) }),
  });
}
