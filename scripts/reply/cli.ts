/**
 * `./hub run reply -- <id> "text"`: the thin entry. Parses arguments, runs `reply`, prints where the
 * answer is (or --json) and sets the exit code: 0 answered, 1 for anything that stopped it (each one
 * line: unknown id, no credentials, too long, empty, held by the policy, refused by the network), 2
 * for a bad command line. `--resolve` settles an answer a network would not let the hub look for.
 */
import { logLine, runCommand, UsageError } from '../lib/cli.ts';
import { reply, resolveAnswer } from './run.ts';

const USAGE = `usage: ./hub run reply -- <id> "your answer"
  <id>                   the reply, as ./hub run conversations prints it: <network>:<the network's id>
  --dry-run              check the answer (length, policy, credentials) and print it; post nothing
  --reviewed             send an answer the policy guard (content/policy.yaml) held, once you have read it again
  --json                 print the result as JSON
  --request-timeout <s>  give up on one request after this many seconds (default 30)
  --resolve <url>|not-posted
                         settle an answer a network would not let the hub look for: with its address it is
                         recorded as posted, with not-posted the next run posts it (./hub run reply -- <id> --resolve …)`;

if (import.meta.main) {
  await runCommand({
    name: 'reply',
    usage: USAGE,
    positionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      reviewed: { type: 'boolean' },
      json: { type: 'boolean' },
      'request-timeout': { type: 'string' },
      resolve: { type: 'string' },
    },
    run: async ({ values, positionals }) => {
      const [id, text, ...rest] = positionals;
      if (id === undefined) throw new UsageError('expected the reply’s id and your answer', true);
      if (values.resolve !== undefined) {
        if (text !== undefined) throw new UsageError('--resolve takes the id only, not an answer');
        return { output: await resolveAnswer({ cwd: process.cwd(), id, resolution: values.resolve }) };
      }
      if (text === undefined) throw new UsageError(`${id}: expected your answer after the id, in quotes`, true);
      if (rest.length > 0) throw new UsageError(`expected one answer in quotes, got ${rest.length + 1} words after the id`);
      const seconds = values['request-timeout'] === undefined ? undefined : Number(values['request-timeout']);
      if (seconds !== undefined && !(seconds > 0))
        throw new UsageError(`--request-timeout: expected a number of seconds, got ${JSON.stringify(values['request-timeout'])}`);
      const result = await reply({
        cwd: process.cwd(),
        env: process.env,
        id,
        text,
        dryRun: values['dry-run'] ?? false,
        reviewed: values.reviewed ?? false,
        ...(seconds ? { timeoutMs: seconds * 1000 } : {}),
        log: logLine,
      });
      if (values.json) return { json: result };
      const size = `${result.length}/${result.limit} ${result.unit}`;
      return {
        output:
          result.status === 'posted'
            ? `Answered ${result.id} (${result.item}): ${result.url}`
            : `Would answer ${result.id} (${result.item}) with ${size}:\n${result.text}`,
      };
    },
  });
}
