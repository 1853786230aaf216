/**
 * `./hub run webmentions [-- options]`: the thin entry. Parses arguments, runs `sendWebmentions`,
 * prints the summary (or --json) and sets the exit code: 0 when nothing failed, 1 when a Webmention
 * failed (it is sent by the next run), 2 for bad arguments. A refusal or a page that is gone is not a
 * failure: the run did all it may, and says so once.
 */
import { logLine, parseDate, positiveNumber, runCommand } from '../lib/cli.ts';
import { formatWebmentions } from './report.ts';
import { sendWebmentions } from './run.ts';

const USAGE = `usage: ./hub run webmentions -- [options]
  --dry-run              find each target's endpoint and print what would be sent; send nothing, record nothing
  --feed <dir|file|url>  the built site (default dist) or a deployed feed URL
  --since <date>         leave out pieces published before this date (e.g. 2026-11-01)
  --json                 print the summary as JSON
  --request-timeout <s>  give up on one request after this many seconds (default 30)

Sends a Webmention from each new or updated piece to every site it links to that declares an
endpoint, and to Bridgy Fed when site.yaml's follow.bridgyFed is true; records each in
content/evidence/webmentions-sent.json so it is sent once per version of the piece.`;

if (import.meta.main) {
  await runCommand({
    name: 'webmentions',
    usage: USAGE,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      feed: { type: 'string' },
      since: { type: 'string' },
      'request-timeout': { type: 'string' },
    },
    run: async ({ values }) => {
      const since = parseDate(values.since, 'since');
      const timeout = positiveNumber(values['request-timeout'], 'request-timeout', 'a number of seconds');
      const result = await sendWebmentions({
        cwd: process.cwd(),
        env: process.env,
        dryRun: values['dry-run'] ?? false,
        ...(values.feed ? { feed: values.feed } : {}),
        ...(since ? { since } : {}),
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
        log: logLine,
      });
      const exitCode = result.failed > 0 ? 1 : 0;
      return values.json ? { json: result, exitCode } : { output: formatWebmentions(result), exitCode };
    },
  });
}
