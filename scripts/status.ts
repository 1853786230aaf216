/**
 * `npm run status [-- options]`: the thin entry. Parses arguments, runs `hubStatus`, prints the report
 * (or --json) and sets the exit code: 0 normally, 1 when an input file is broken (the message names
 * the file and the field), 2 for bad arguments. Reads only; never writes, never posts.
 */
import { runCommand } from './lib/cli.ts';
import { formatStatus } from './status/report.ts';
import { hubStatus } from './status/run.ts';

const USAGE = `usage: ./hub run status -- [options]
  --feed <dir|file|url>  the built site (default dist) or a deployed feed URL
  --json                 print the status as JSON
  --check-tokens         also ask Mastodon and LinkedIn what the tokens may do (one read each)
HUB_NOW=2026-11-25T12:00:00Z takes the status as of that moment.`;

if (import.meta.main) {
  await runCommand({
    name: 'status',
    usage: USAGE,
    options: {
      json: { type: 'boolean' },
      feed: { type: 'string' },
      'check-tokens': { type: 'boolean' },
    },
    run: async ({ values }) => {
      const status = await hubStatus({ cwd: process.cwd(), env: process.env, feed: values.feed, checkTokens: values['check-tokens'] });
      // Only variable names are ever in the status; the output is redacted all the same, like every command's.
      return values.json ? { json: status } : { output: formatStatus(status) };
    },
  });
}
