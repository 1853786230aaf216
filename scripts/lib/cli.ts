/**
 * The one command-line shell every entry point runs in (`./hub run syndicate`, `collect`, `status`,
 * `./hub check`, `new`, `init`, `./hub run bench`), so that each behaves the same way: options parsed
 * strictly by node:util parseArgs; `--help` (or `-h`) prints the usage on stdout and exits 0; a bad
 * command line is reported on stderr (see `UsageError`) with exit code 2; any other error with exit code 1;
 * `--json` (where a command reports something) puts only JSON on stdout; the output is written in
 * full before the process exits; and every line passes through `printable`: no secret (the
 * environment's or one obtained while running) and no terminal control sequence a remote party wrote
 * is ever printed.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { NETWORKS, type Network } from '../../src/contract/networks.ts';
import { redact } from './secrets.ts';
import { terminalJson, terminalText } from './terminal-text.ts';

/**
 * A mistake in the command line: exit code 2. When the line's shape is wrong (an unknown option, a
 * missing word) the usage follows the message; a bad value is the one line that names the option and
 * what was expected, which says all there is to say.
 */
export class UsageError extends Error {
  readonly withUsage: boolean;
  constructor(message: string, withUsage = false) {
    super(message);
    this.withUsage = withUsage;
  }
}

/** What parseArgs makes of a command line with these options. */
type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
>;

/** Parses the options (unknown ones refused) and, when the command takes them, the words after them; a mistake is a `UsageError`. */
export function parseCommandLine<const T extends ParseArgsOptionsConfig>(
  argv: string[],
  options: T,
  positionals = false,
): { values: Parsed<T>['values']; positionals: string[] } {
  try {
    return parseArgs({ args: argv, allowPositionals: positionals, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
}

/** A positive number option (seconds, days), or undefined when it was not given. */
export function positiveNumber(value: string | undefined, name: string, what = 'a positive number'): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name}: expected ${what}, got ${JSON.stringify(value)}`);
  return number;
}

/** A date option (`--since 2026-11-01`), or undefined when it was not given. */
export function parseDate(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name}: expected a date like 2026-11-01, got ${JSON.stringify(value)}`);
  return date;
}

/** The networks named by a repeatable `--only`, or undefined when none were. */
export function onlyNetworks(names: string[] | undefined): Network[] | undefined {
  return names?.map((name) => {
    if (!(NETWORKS as readonly string[]).includes(name)) throw new UsageError(`--only ${name}: expected one of ${NETWORKS.join(', ')}`);
    return name as Network;
  });
}

/** What a command's body hands back: the text for stdout (or a value printed as JSON, for --json) and the exit code (default 0). */
export type CommandResult = ({ output: string } | { json: unknown }) & { exitCode?: number };

/** A line as it may reach the terminal: secrets redacted, control characters a server may have sent removed. */
export function printable(text: string): string {
  return terminalText(redact(text, process.env));
}

/** Progress lines on stderr, through `printable`. */
export function logLine(line: string): void {
  console.error(printable(line));
}

/** The option every command takes. */
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

export interface Command<T extends ParseArgsOptionsConfig> {
  /** The word that starts every error line: `syndicate: …`. */
  name: string;
  /** Printed for --help (stdout) and after a usage error (stderr). */
  usage: string;
  /** The command's options; `--help` is added to them. */
  options: T;
  /** Whether words after the options are taken (`./hub new essay "Title"`); refused otherwise. */
  positionals?: boolean;
  /** The command's body: what it prints, or what it prints as JSON under --json, and its exit code. */
  run: (line: { values: Parsed<T>['values']; positionals: string[] }) => Promise<CommandResult>;
}

/** Writes to stdout and waits until it is written: process.exit does not wait for a pipe to drain. */
function writeOut(text: string): Promise<void> {
  return new Promise<void>((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}

/**
 * Runs a command: parses its command line, answers --help, runs its body, prints its output (redacted)
 * and exits with its code: 0 ok (or the body's own), 1 on an error, 2 on a `UsageError`.
 */
export async function runCommand<const T extends ParseArgsOptionsConfig>(
  command: Command<T>,
  argv: string[] = process.argv.slice(2),
): Promise<never> {
  let exitCode: number;
  try {
    const line = parseCommandLine(argv, { ...command.options, ...HELP }, command.positionals ?? false);
    const result: CommandResult = (line.values as { help?: boolean }).help
      ? { output: command.usage }
      : await command.run(line as { values: Parsed<T>['values']; positionals: string[] });
    await writeOut('json' in result ? redact(terminalJson(result.json), process.env) : printable(result.output));
    exitCode = result.exitCode ?? 0;
  } catch (error) {
    console.error(printable(`${command.name}: ${error instanceof Error ? error.message : String(error)}`));
    if (error instanceof UsageError && error.withUsage) console.error(printable(command.usage));
    exitCode = error instanceof UsageError ? 2 : 1;
  }
  process.exit(exitCode);
}
