/**
 * How the hub's loaders report mistakes in `content/`.
 *
 * In `astro build` (and `astro sync`/`check`) a mistake is thrown as a `ContentError`: Astro prints its
 * lines and exits non-zero before a page is written. In `astro dev` a thrown error would stop the server
 * from starting, or be logged while the old entry stays in place and the page goes on showing it; so
 * there the loader keeps its old entries, prints the lines once, and posts them on a board that
 * src/integrations/content-errors.ts shows as the dev server's error page until they are fixed.
 */
import type { LoaderContext } from 'astro/loaders';
import { ContentError, formatProblem, type ContentProblem } from '../lib/validation.ts';

interface Board {
  /** The problems each loader run last found, by collection. */
  scopes: Map<string, ContentProblem[]>;
}

/**
 * The loaders and the integration are loaded by different module graphs (the content config by one
 * Vite module runner, astro.config.mjs by another), so a module-level variable would exist twice. One
 * board per process, under a registered symbol, is the same object for both.
 */
const BOARD_KEY = Symbol.for('thought-leadership-hub.content-problems');

function board(): Board {
  const global = globalThis as { [BOARD_KEY]?: Board };
  global[BOARD_KEY] ??= { scopes: new Map() };
  return global[BOARD_KEY];
}

/** Every problem currently on the board, in a stable order. */
export function currentProblems(): ContentProblem[] {
  return [...board().scopes.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, problems]) => problems);
}

/** Replaces what `scope` last reported, printing the lines that were not on the board before. */
export function postProblems(scope: string, problems: readonly ContentProblem[]): void {
  const scopes = board().scopes;
  const before = new Set((scopes.get(scope) ?? []).map(formatProblem));
  for (const line of problems.map(formatProblem)) {
    // The same line as a failed build prints, and nothing else: no logger prefix, no stack.
    if (!before.has(line)) console.error(line);
  }
  if (problems.length > 0) scopes.set(scope, [...problems]);
  else scopes.delete(scope);
}

/**
 * Runs one load of a collection. Content mistakes (`ContentError`) are thrown when there is no dev
 * server (no `watcher`) and posted on the board when there is; any other error is a bug and is thrown.
 */
export async function loadReporting(context: Pick<LoaderContext, 'collection' | 'watcher'>, load: () => Promise<void>): Promise<void> {
  try {
    await load();
  } catch (error) {
    if (!(error instanceof ContentError) || !context.watcher) throw error;
    postProblems(context.collection, error.problems);
    return;
  }
  if (context.watcher) postProblems(context.collection, []);
}
