/**
 * `./hub run press [-- confirm|reject <id>…]`: lists the press mentions the press watch proposed
 * (`./hub run collect` finds them), or answers them. Exit codes: 0 done, 1 an id unknown or a file
 * broken, 2 bad arguments.
 */
import { runCommand, UsageError } from '../lib/cli.ts';
import { decidePress } from './decide.ts';
import { pressAwaitingReview } from './review.ts';

const USAGE = `usage: ./hub run press -- [confirm <id>… | reject <id>…] [--json]
  (nothing)        list the proposed press mentions awaiting review
  confirm <id>…    publish them (the entry loses draft: true; edit its quote or kind first if needed)
  reject <id>…     remove them; the article is never proposed again
  --json           print the result as JSON`;

if (import.meta.main) {
  await runCommand({
    name: 'press',
    usage: USAGE,
    positionals: true,
    options: { json: { type: 'boolean' } },
    run: async ({ values, positionals }) => {
      const [action, ...ids] = positionals;
      const root = process.cwd();
      if (action === undefined) {
        const waiting = await pressAwaitingReview(root);
        if (values.json) return { json: { version: 1, awaiting: waiting } };
        if (waiting.length === 0) return { output: 'No press mentions await review.' };
        const lines = waiting.flatMap((entry) => [
          `${entry.id}  ${entry.outlet}: ${entry.headline}`,
          `  “${entry.quote}”`,
          `  ${entry.url}`,
          `  ${entry.file}`,
        ]);
        return { output: [`${waiting.length} press ${waiting.length === 1 ? 'mention' : 'mentions'} to review:`, ...lines].join('\n') };
      }
      if (action !== 'confirm' && action !== 'reject') throw new UsageError(`${action}: expected confirm or reject`, true);
      if (ids.length === 0) throw new UsageError(`${action}: name the entries, like ./hub run press -- ${action} <id>`, true);
      const decided = await decidePress(root, action === 'confirm' ? 'confirmed' : 'rejected', ids, new Date());
      if (values.json) return { json: { version: 1, [action === 'confirm' ? 'confirmed' : 'rejected']: decided.map((entry) => entry.id) } };
      return {
        output: decided
          .map((entry) =>
            action === 'confirm'
              ? `Confirmed ${entry.id}: published with the next build (${entry.file})`
              : `Rejected ${entry.id}: removed, never proposed again`,
          )
          .join('\n'),
      };
    },
  });
}
