/**
 * What every command-line entry shares (`./hub run syndicate`, `collect`, `status`, `./hub check`): options parsed
 * strictly, a bad argument reported with the usage and exit code 2, any other error with exit code 1,
 * output written in full before the process exits, and every line passed through `printable`: no
 * secret (the environment's or one obtained while running) and no terminal control sequence a
 * remote party wrote is ever printed.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { NETWORKS, type Network } from '../../src/lib/networks.ts';
import { redact } from './secrets.ts';
import { terminalJson, terminalText } from './terminal-text.ts';

/** A mistake in the command line: reported with the usage, exit code 2. */
export class UsageError extends Error {}

/** Parses named options (no positionals, unknown ones refused); a mistake is a `UsageError`. */
export function parseOptions<const T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: false, strict: true, options }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A positive number option (seconds, days), or undefined when it was not given. */
export function positiveNumber(value: string | undefined, name: string, what = 'a positive number'): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name}: expected ${what}, got ${JSON.stringify(value)}`);
  return number;
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

/** Runs a command's body, prints its output (redacted), and exits with its code — 1 on an error, 2 on a `UsageError`. */
export async function runCommand(command: string, usage: string, body: () => Promise<CommandResult>): Promise<never> {
  let exitCode: number;
  try {
    const result = await body();
    const output = 'json' in result ? redact(terminalJson(result.json), process.env) : printable(result.output);
    // Written before exiting: process.exit does not wait for a pipe to drain.
    await new Promise<void>((resolve) => process.stdout.write(`${output}\n`, () => resolve()));
    exitCode = result.exitCode ?? 0;
  } catch (error) {
    console.error(printable(`${command}: ${error instanceof Error ? error.message : String(error)}`));
    if (error instanceof UsageError) console.error(usage);
    exitCode = error instanceof UsageError ? 2 : 1;
  }
  process.exit(exitCode);
}
