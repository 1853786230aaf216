/**
 * `npm run syndicate [-- options]`: the thin entry. Parses arguments, runs `syndicate`, prints the
 * summary (or --json) and sets the exit code: 0 when nothing failed, 1 when anything failed, 2 for
 * bad arguments.
 */
import { NETWORKS } from '../../src/lib/networks.ts';
import { onlyNetworks, parseOptions, positiveNumber, runCommand, UsageError } from '../lib/cli.ts';
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

if (import.meta.main) {
  await runCommand('syndicate', USAGE, async () => {
    const values = parseOptions(process.argv.slice(2), {
      'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      only: { type: 'string', multiple: true }, item: { type: 'string', multiple: true }, feed: { type: 'string' }, since: { type: 'string' },
      'request-timeout': { type: 'string' }, 'retry-budget': { type: 'string' },
    });
    if (values.help) return { output: USAGE };
    const only = onlyNetworks(values.only);
    const since = values.since === undefined ? undefined : new Date(values.since);
    if (since && Number.isNaN(since.getTime())) throw new UsageError(`--since: expected a date like 2026-11-01, got ${JSON.stringify(values.since)}`);
    const timeout = positiveNumber(values['request-timeout'], 'request-timeout', 'a number of seconds');
    const budget = positiveNumber(values['retry-budget'], 'retry-budget', 'a number of seconds');
    const result = await syndicate({
      cwd: process.cwd(), env: process.env, dryRun: values['dry-run'] ?? false,
      ...(only ? { only } : {}), ...(values.item ? { items: values.item } : {}), ...(values.feed ? { feed: values.feed } : {}),
      ...(since ? { since } : {}), ...(timeout ? { timeoutMs: timeout * 1000 } : {}), ...(budget ? { retry: { totalMs: budget * 1000 } } : {}),
      log: (line) => console.error(redact(line, process.env)),
    });
    return { output: values.json ? JSON.stringify(result, null, 2) : formatRun(result), exitCode: result.failed > 0 ? 1 : 0 };
  });
}
