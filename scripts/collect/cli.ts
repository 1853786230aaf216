/**
 * `npm run collect [-- options]`: the thin entry. Parses arguments, runs `collect`, prints the summary
 * (or --json) and sets the exit code: 0 when everything was read, 1 when anything failed, 2 for bad
 * arguments.
 */
import { NETWORKS } from '../../src/contract/networks.ts';
import { logLine, onlyNetworks, positiveNumber, runCommand, UsageError } from '../lib/cli.ts';
import { formatCollect } from './report.ts';
import { collect, DEFAULT_MAX_AGE_DAYS } from './run.ts';

const USAGE = `usage: ./hub run collect -- [options]
  --only <network>       only this network (repeatable): ${NETWORKS.join(', ')}
  --max-age <days>       read copies posted in the last <days> days (default ${DEFAULT_MAX_AGE_DAYS})
  --all                  read every copy in the ledger, however old
  --json                 print the result as JSON
  --request-timeout <s>  give up on one request after this many seconds (default 30)
  --retry-budget <s>     stop retrying a copy after this many seconds in all (default 120)`;

if (import.meta.main) {
  await runCommand({
    name: 'collect',
    usage: USAGE,
    options: {
      only: { type: 'string', multiple: true },
      'max-age': { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      'request-timeout': { type: 'string' },
      'retry-budget': { type: 'string' },
    },
    run: async ({ values }) => {
      const only = onlyNetworks(values.only);
      if (values.all && values['max-age'] !== undefined) throw new UsageError('--all and --max-age: choose one');
      const maxAgeDays = values.all ? Infinity : positiveNumber(values['max-age'], 'max-age');
      const timeout = positiveNumber(values['request-timeout'], 'request-timeout');
      const budget = positiveNumber(values['retry-budget'], 'retry-budget');
      const result = await collect({
        cwd: process.cwd(),
        env: process.env,
        ...(only ? { only } : {}),
        ...(maxAgeDays !== undefined ? { maxAgeDays } : {}),
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
        ...(budget ? { retry: { totalMs: budget * 1000 } } : {}),
        log: logLine,
      });
      const exitCode = result.failed > 0 ? 1 : 0;
      return values.json ? { json: result, exitCode } : { output: formatCollect(result), exitCode };
    },
  });
}
