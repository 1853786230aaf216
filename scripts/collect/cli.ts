/**
 * `npm run collect [-- options]`: the thin entry. Parses arguments, runs `collect`, prints the summary
 * (or --json) and sets the exit code: 0 when everything was read, 1 when anything failed, 2 for bad
 * arguments.
 */
import { parseArgs } from 'node:util';
import { NETWORKS, type Network } from '../../src/lib/networks.ts';
import { redact } from '../syndicate/networks/adapter.ts';
import { formatCollect } from './report.ts';
import { collect, DEFAULT_MAX_AGE_DAYS } from './run.ts';

const USAGE = `usage: npm run collect -- [options]
  --only <network>       only this network (repeatable): ${NETWORKS.join(', ')}
  --max-age <days>       read copies posted in the last <days> days (default ${DEFAULT_MAX_AGE_DAYS})
  --all                  read every copy in the ledger, however old
  --json                 print the result as JSON
  --request-timeout <s>  give up on one request after this many seconds (default 30)
  --retry-budget <s>     stop retrying a copy after this many seconds in all (default 120)`;

class UsageError extends Error {}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name}: expected a positive number, got ${JSON.stringify(value)}`);
  return number;
}

async function main(argv: string[]): Promise<void> {
  let exitCode = 0;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv, allowPositionals: false, strict: true,
        options: {
          only: { type: 'string', multiple: true }, 'max-age': { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' }, 'request-timeout': { type: 'string' }, 'retry-budget': { type: 'string' },
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
    if (values.all && values['max-age'] !== undefined) throw new UsageError('--all and --max-age: choose one');
    const maxAgeDays = values.all ? Infinity : positive(values['max-age'], 'max-age');
    const timeout = positive(values['request-timeout'], 'request-timeout');
    const budget = positive(values['retry-budget'], 'retry-budget');
    const result = await collect({
      cwd: process.cwd(), env: process.env,
      ...(only ? { only } : {}), ...(maxAgeDays !== undefined ? { maxAgeDays } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}), ...(budget ? { retry: { totalMs: budget * 1000 } } : {}),
      log: (line) => console.error(redact(line, process.env)),
    });
    const output = redact(values.json ? JSON.stringify(result, null, 2) : formatCollect(result), process.env);
    // Written before exiting: process.exit does not wait for a pipe to drain.
    await new Promise<void>((resolve) => process.stdout.write(`${output}\n`, () => resolve()));
    if (result.failed > 0) exitCode = 1;
  } catch (error) {
    console.error(redact(`npm run collect: ${error instanceof Error ? error.message : String(error)}`, process.env));
    if (error instanceof UsageError) console.error(USAGE);
    exitCode = error instanceof UsageError ? 2 : 1;
  }
  process.exit(exitCode);
}

if (import.meta.main) await main(process.argv.slice(2));
