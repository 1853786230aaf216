/**
 * `npm run status [-- options]`: the thin entry. Parses arguments, runs `hubStatus`, prints the report
 * (or --json) and sets the exit code: 0 normally, 1 when an input file is broken (the message names
 * the file and the field), 2 for bad arguments. Reads only; never writes, never posts.
 */
import { parseArgs } from 'node:util';
import { redact } from './syndicate/networks/adapter.ts';
import { formatStatus } from './status/report.ts';
import { hubStatus } from './status/run.ts';

const USAGE = `usage: npm run status -- [options]
  --feed <dir|file|url>  the built site (default dist) or a deployed feed URL
  --json                 print the status as JSON
HUB_NOW=2026-11-25T12:00:00Z takes the status as of that moment.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  let exitCode = 0;
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv, allowPositionals: false, strict: true,
        options: { json: { type: 'boolean' }, feed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (values.help) {
      console.log(USAGE);
      return;
    }
    const status = await hubStatus({ cwd: process.cwd(), env: process.env, feed: values.feed });
    // Only variable names are ever in the status; redacting is the same belt and braces as syndicate's.
    const output = redact(values.json ? JSON.stringify(status, null, 2) : formatStatus(status), process.env);
    // Written before exiting: process.exit does not wait for a pipe to drain.
    await new Promise<void>((resolve) => process.stdout.write(`${output}\n`, () => resolve()));
  } catch (error) {
    console.error(redact(`npm run status: ${error instanceof Error ? error.message : String(error)}`, process.env));
    if (error instanceof UsageError) console.error(USAGE);
    exitCode = error instanceof UsageError ? 2 : 1;
  }
  process.exit(exitCode);
}

if (import.meta.main) await main(process.argv.slice(2));
