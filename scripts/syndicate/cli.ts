/**
 * `npm run syndicate [-- options]`: the thin entry. Parses arguments, runs `syndicate`, prints the
 * summary (or --json) and sets the exit code: 0 when nothing failed, 1 when anything failed, 2 for
 * bad arguments.
 */
import { parseArgs } from 'node:util';
import { NETWORKS, type Network } from '../../src/lib/networks.ts';
import { redact } from './networks/adapter.ts';
import { formatRun } from './report.ts';
import { syndicate } from './run.ts';

const USAGE = `usage: npm run syndicate -- [options]
  --dry-run              print what each network would get; post nothing, write nothing
  --only <network>       only this network (repeatable): ${NETWORKS.join(', ')}
  --item <id>            only this item (repeatable): essay/<slug>, the slug, or its URL
  --feed <dir|file|url>  the built site (default dist) or a deployed feed URL
  --since <date>         leave out items published before this date (e.g. 2026-11-01)
  --json                 print the summary as JSON
  --request-timeout <s>  give up on one request after this many seconds (default 30)
  --retry-budget <s>     stop retrying a post after this many seconds in all (default 120)`;

class UsageError extends Error {}

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name}: expected a number of seconds, got ${JSON.stringify(value)}`);
  return number * 1000;
}

async function main(argv: string[]): Promise<void> {
  let exitCode = 0;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv, allowPositionals: false, strict: true,
        options: {
          'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
          only: { type: 'string', multiple: true }, item: { type: 'string', multiple: true }, feed: { type: 'string' }, since: { type: 'string' },
          'request-timeout': { type: 'string' }, 'retry-budget': { type: 'string' },
        },
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const { values } = parsed;
    if (values.help) {
      console.log(USAGE);
      return;
    }
    const only = values.only?.map((name) => {
      if (!(NETWORKS as readonly string[]).includes(name)) throw new UsageError(`--only ${name}: expected one of ${NETWORKS.join(', ')}`);
      return name as Network;
    });
    const since = values.since === undefined ? undefined : new Date(values.since);
    if (since && Number.isNaN(since.getTime())) throw new UsageError(`--since: expected a date like 2026-11-01, got ${JSON.stringify(values.since)}`);
    const timeoutMs = seconds(values['request-timeout'], 'request-timeout');
    const totalMs = seconds(values['retry-budget'], 'retry-budget');
    const json = values.json ?? false;
    const result = await syndicate({
      cwd: process.cwd(), env: process.env, dryRun: values['dry-run'] ?? false,
      ...(only ? { only } : {}), ...(values.item ? { items: values.item } : {}), ...(values.feed ? { feed: values.feed } : {}),
      ...(since ? { since } : {}), ...(timeoutMs ? { timeoutMs } : {}), ...(totalMs ? { retry: { totalMs } } : {}),
      log: (line) => console.error(redact(line, process.env)),
    });
    const output = redact(json ? JSON.stringify(result, null, 2) : formatRun(result), process.env);
    // Written before exiting: process.exit does not wait for a pipe to drain.
    await new Promise<void>((resolve) => process.stdout.write(`${output}\n`, () => resolve()));
    if (result.failed > 0) exitCode = 1;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    console.error(redact(`npm run syndicate: ${text}`, process.env));
    if (error instanceof UsageError) console.error(USAGE);
    exitCode = error instanceof UsageError ? 2 : 1;
  }
  process.exit(exitCode);
}

if (import.meta.main) await main(process.argv.slice(2));
