/**
 * `./hub run syndicate [-- options]`: the thin entry. Parses arguments, runs `syndicate`, prints the
 * summary (or --json) and sets the exit code: 0 when nothing failed, 1 when anything failed, 2 for
 * bad arguments. `--resolve` settles held items instead, and exits.
 *
 * A held item (the policy guard's, or one a network would not confirm) is not a failure: the run did
 * all it may, and the item waits for the person, not for a fix. So it exits 0 — a workflow that turned
 * red every hour until someone looked would teach them to ignore red runs, and hide the failures that
 * need a fix. What makes a held item seen instead: its lines last in the summary, and on GitHub
 * Actions a warning annotation on the run's page and a section in the job summary; `./hub run status`
 * lists it under "Needs you" too.
 */
import { appendFile } from 'node:fs/promises';
import { NETWORKS } from '../../src/contract/networks.ts';
import { logLine, onlyNetworks, parseDate, positiveNumber, printable, runCommand, UsageError } from '../lib/cli.ts';
import { formatAnnotations, formatRun, formatStepSummary } from './report.ts';
import { parseResolution, resolveHeld } from './resolve.ts';
import { syndicate } from './run.ts';

const USAGE = `usage: ./hub run syndicate -- [options]
  --dry-run              print what each network would get; post nothing; write only the newsletter's preview (.cache/newsletter/)
  --only <network>       only this network (repeatable): ${NETWORKS.join(', ')}
  --item <id>            only this item (repeatable): essay/<slug>, the slug, or its URL
  --feed <dir|file|url>  the built site (default dist) or a deployed feed URL
  --since <date>         leave out items published before this date (e.g. 2026-11-01)
  --json                 print the summary as JSON
  --request-timeout <s>  give up on one request after this many seconds (default 30)
  --retry-budget <s>     stop retrying a post after this many seconds in all (default 120)
  --resolve <network>:<item>=<url>|not-posted
                         settle an item a run held because a network would not say whether an
                         attempt posted it (repeatable): with the post's URL it is recorded as posted,
                         with not-posted the next run posts it. Records in the ledger, posts nothing,
                         and exits; on its own, without the other options`;

/** The run's options, which `--resolve` does not take. */
const RUN_OPTIONS = ['dry-run', 'json', 'only', 'item', 'feed', 'since', 'request-timeout', 'retry-budget'] as const;

if (import.meta.main) {
  await runCommand({
    name: 'syndicate',
    usage: USAGE,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      item: { type: 'string', multiple: true },
      feed: { type: 'string' },
      since: { type: 'string' },
      'request-timeout': { type: 'string' },
      'retry-budget': { type: 'string' },
      resolve: { type: 'string', multiple: true },
    },
    run: async ({ values }) => {
      if (values.resolve) {
        const other = RUN_OPTIONS.find((name) => values[name] !== undefined);
        if (other) throw new UsageError(`--resolve runs on its own: leave out --${other}`);
        const resolutions = await Promise.all(values.resolve.map((argument) => parseResolution(argument)));
        return { output: (await resolveHeld({ cwd: process.cwd(), resolutions })).join('\n') };
      }
      const only = onlyNetworks(values.only);
      const since = parseDate(values.since, 'since');
      const timeout = positiveNumber(values['request-timeout'], 'request-timeout', 'a number of seconds');
      const budget = positiveNumber(values['retry-budget'], 'retry-budget', 'a number of seconds');
      const result = await syndicate({
        cwd: process.cwd(),
        env: process.env,
        dryRun: values['dry-run'] ?? false,
        ...(only ? { only } : {}),
        ...(values.item ? { items: values.item } : {}),
        ...(values.feed ? { feed: values.feed } : {}),
        ...(since ? { since } : {}),
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
        ...(budget ? { retry: { totalMs: budget * 1000 } } : {}),
        log: logLine,
      });
      const onGitHub = process.env['GITHUB_ACTIONS'] === 'true';
      const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
      if (onGitHub && summaryFile && result.needsYou.length > 0) await appendFile(summaryFile, printable(formatStepSummary(result)));
      // Workflow commands go on stdout with the summary, except under --json, whose stdout is only JSON.
      const annotations = onGitHub && !values.json ? formatAnnotations(result) : [];
      const exitCode = result.failed > 0 ? 1 : 0;
      return values.json ? { json: result, exitCode } : { output: [...annotations, formatRun(result)].join('\n'), exitCode };
    },
  });
}
