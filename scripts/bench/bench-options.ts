/** The command line of `npm run bench`. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Synthetic essays to generate. */
  essays: number;
  /** Words of prose per essay. */
  words: number;
  /** Builds of each site; the report gives medians. */
  runs: number;
  /** Print the report as JSON instead of a table. */
  json: boolean;
  /** Leave the temporary site folders in place, for a look at what was built. */
  keep: boolean;
}

export const BENCH_USAGE = 'usage: npm run bench -- [--essays N (1000)] [--words N (1000)] [--runs N (1)] [--json] [--keep]';

/** Parses the arguments after `npm run bench --`; throws a message naming the bad option. */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      essays: { type: 'string', default: '1000' },
      words: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    essays: positiveInteger('--essays', values.essays),
    words: positiveInteger('--words', values.words),
    runs: positiveInteger('--runs', values.runs),
    json: values.json,
    keep: values.keep,
  };
}

function positiveInteger(option: string, text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new Error(`${option}: expected a whole number of at least 1, got ${JSON.stringify(text)}`);
  return Number(text);
}
